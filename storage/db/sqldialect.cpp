#include "storage/db/sqldialect.h"

#include <QSqlDriver>

#include <cstdio>

namespace mcphub {

SqlDialect::SqlDialect(Kind kind)
    : m_kind(kind)
{}

SqlDialect SqlDialect::forDatabase(const QSqlDatabase &db)
{
    return SqlDialect(db.driverName() == QLatin1String("QPSQL") ? Kind::Postgres : Kind::Sqlite);
}

QString SqlDialect::folderName() const
{
    return isSqlite() ? QStringLiteral("sqlite") : QStringLiteral("postgres");
}

QString SqlDialect::escape(const QSqlDatabase &db, const QString &identifier)
{
    return db.driver()->escapeIdentifier(identifier, QSqlDriver::TableName);
}

QString SqlDialect::beginWriteStatement() const
{
    return isSqlite() ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
}

QString SqlDialect::lockTimeoutStatement(int ms) const
{
    return isSqlite() ? QString() : QStringLiteral("SET LOCAL lock_timeout = %1").arg(qMax(0, ms));
}

QString SqlDialect::migrationLockStatement() const
{
    return isSqlite() ? QString() : QStringLiteral("SELECT pg_advisory_xact_lock(:key)");
}

QString SqlDialect::createHistoryTableStatement() const
{
    if (isSqlite()) {
        return QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                              " version INTEGER PRIMARY KEY,"
                              " description TEXT NOT NULL,"
                              " checksum TEXT NOT NULL,"
                              " applied_at TEXT NOT NULL,"
                              " execution_ms INTEGER NOT NULL,"
                              " applied_by TEXT NOT NULL)");
    }
    return QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                          " version INTEGER PRIMARY KEY,"
                          " description TEXT NOT NULL,"
                          " checksum TEXT NOT NULL,"
                          " applied_at TIMESTAMPTZ NOT NULL,"
                          " execution_ms BIGINT NOT NULL,"
                          " applied_by TEXT NOT NULL)");
}

QString SqlDialect::upsertStatement(const QSqlDatabase &db,
                                    const QString &table,
                                    const QStringList &columns,
                                    const QStringList &keyColumns) const
{
    QStringList names, placeholders, keys, updates;
    for (const QString &column : columns) {
        const QString name = escape(db, column);
        names << name;
        placeholders << QLatin1Char(':') + column;
        if (!keyColumns.contains(column))
            updates << QStringLiteral("%1 = excluded.%1").arg(name);
    }
    for (const QString &key : keyColumns)
        keys << escape(db, key);
    QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) ")
                      .arg(escape(db, table),
                           names.join(QStringLiteral(", ")),
                           placeholders.join(QStringLiteral(", ")),
                           keys.join(QStringLiteral(", ")));
    sql += updates.isEmpty()
               ? QStringLiteral("DO NOTHING")
               : QStringLiteral("DO UPDATE SET ") + updates.join(QStringLiteral(", "));
    return sql;
}

QString SqlDialect::containsExpression(const QString &columnSql, const QString &placeholder) const
{
    return QStringLiteral("%1(lower(%2), lower(%3)) > 0")
        .arg(isSqlite() ? QStringLiteral("instr") : QStringLiteral("strpos"),
             columnSql,
             placeholder);
}

QVariant SqlDialect::boolValue(bool value) const
{
    return isSqlite() ? QVariant(value ? 1 : 0) : QVariant(value);
}

QVariant SqlDialect::timestampValue(const QDateTime &value) const
{
    if (!value.isValid())
        return QVariant(isSqlite() ? QMetaType::fromType<QString>()
                                   : QMetaType::fromType<QDateTime>());
    // SQLite keeps UTC ISO-8601 text with milliseconds: it sorts as text, so the timestamp
    // indexes work. PostgreSQL gets a timestamptz.
    const QDateTime utc = value.toUTC();
    if (isSqlite())
        return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    return utc;
}

void SqlDialect::appendTimestampText(QByteArray *out, const QDateTime &value)
{
    // From the milliseconds since the epoch with Howard Hinnant's civil-from-days: QDateTime's
    // date() and time() each convert again, and snprintf parses its format every row.
    const qint64 msecs = value.toMSecsSinceEpoch();
    qint64 days = msecs >= 0 ? msecs / 86400000 : (msecs - 86399999) / 86400000;
    const qint64 inDay = msecs - days * 86400000;
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra
        = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999) { // outside what the fixed form holds: Qt's own text
        out->append(value.toUTC().toString(Qt::ISODateWithMs).toUtf8());
        return;
    }
    char text[24];
    const auto put = [&text](int at, qint64 number, int digits) {
        for (int i = digits - 1; i >= 0; --i) {
            text[at + i] = char('0' + number % 10);
            number /= 10;
        }
    };
    put(0, year, 4);
    text[4] = '-';
    put(5, month, 2);
    text[7] = '-';
    put(8, day, 2);
    text[10] = 'T';
    put(11, inDay / 3600000, 2);
    text[13] = ':';
    put(14, inDay / 60000 % 60, 2);
    text[16] = ':';
    put(17, inDay / 1000 % 60, 2);
    text[19] = '.';
    put(20, inDay % 1000, 3);
    text[23] = 'Z';
    out->append(text, 24);
}

QDateTime SqlDialect::timestampFromValue(const QVariant &value) const
{
    if (value.isNull())
        return {};
    if (value.metaType() == QMetaType::fromType<QDateTime>())
        return value.toDateTime().toUTC();
    QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return parsed.toUTC();
}

QDateTime SqlDialect::wallClockUtc(const QVariant &value)
{
    if (value.isNull())
        return {};
    const QDateTime read = value.metaType() == QMetaType::fromType<QDateTime>()
                               ? value.toDateTime()
                               : QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return QDateTime(read.date(), read.time(), Qt::UTC);
}

bool SqlDialect::isLockError(const QString &nativeCode, const QString &text) const
{
    if (isSqlite())
        return nativeCode == QLatin1String("5") || nativeCode == QLatin1String("6")
               || text.contains(QLatin1String("locked"));
    // lock_not_available, deadlock_detected
    return nativeCode == QLatin1String("55P03") || nativeCode == QLatin1String("40P01");
}

} // namespace mcphub
