#include "storage/db/sqlerror.h"

#include <QCoreApplication>

namespace mcphub {

Error sqlError(const QSqlError &error, const QString &where, const QString &doing)
{
    const QString code = error.nativeErrorCode();
    const QString text = error.text();
    const QString detail = code.isEmpty() ? text : QStringLiteral("%1: %2").arg(code, text);

    // SQLite: 5 SQLITE_BUSY, 6 SQLITE_LOCKED; PostgreSQL: 55P03 lock_not_available.
    if (code == QLatin1String("5") || code == QLatin1String("6") || code == QLatin1String("55P03")
        || text.contains(QLatin1String("database is locked"))) {
        return Error::make(Error::Code::Locked,
                           doing + QLatin1Char(' ')
                               + QCoreApplication::translate(
                                   "SqlError",
                                   "Another program is using the database. Close it or wait "
                                   "until it finishes, then try again."),
                           where,
                           detail);
    }
    // SQLite: 26 SQLITE_NOTADB, 11 SQLITE_CORRUPT.
    if (code == QLatin1String("26") || code == QLatin1String("11")
        || text.contains(QLatin1String("not a database"))) {
        return Error::make(Error::Code::Database,
                           doing + QLatin1Char(' ')
                               + QCoreApplication::translate(
                                   "SqlError",
                                   "The file is not a valid SQLite database (it may be damaged). "
                                   "Restore it from a backup or choose another file."),
                           where,
                           detail);
    }
    // SQLite 8 SQLITE_READONLY, PostgreSQL 25006 read_only_sql_transaction.
    if (code == QLatin1String("8") || code == QLatin1String("25006")) {
        return Error::make(Error::Code::ReadOnly,
                           doing + QLatin1Char(' ')
                               + QCoreApplication::translate(
                                   "SqlError",
                                   "The database only allows reading. Connect to the primary "
                                   "server or fix the file's permissions."),
                           where,
                           detail);
    }
    // PostgreSQL 42501 insufficient_privilege.
    if (code == QLatin1String("42501")) {
        return Error::make(Error::Code::Database,
                           doing + QLatin1Char(' ')
                               + QCoreApplication::translate(
                                   "SqlError",
                                   "The database role lacks the privileges needed (for the "
                                   "schema: CREATE on the schema). Ask the database owner to "
                                   "grant them, or connect as the owner."),
                           where,
                           detail);
    }
    return Error::make(Error::Code::Database, doing, where, detail);
}

} // namespace mcphub
