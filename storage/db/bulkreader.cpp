#include "storage/db/bulkreader.h"

#include "storage/db/bulkinserter.h"
#include "storage/db/sqlerror.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstring>

namespace mcphub {

namespace {

Error readError(const RepositoryContext &context,
                const QString &table,
                const QString &code,
                const QString &text)
{
    return sqlError(QSqlError(text, text, QSqlError::StatementError, code),
                    context.where + QStringLiteral(": ") + table,
                    QCoreApplication::translate("BulkReader", "Cannot read the rows back."));
}

Result<void> forEachSqlite(sqlite3 *sqlite,
                           const RepositoryContext &context,
                           const QString &select,
                           const QString &table,
                           const std::function<void(const BulkReader::Fields &)> &take)
{
    const QByteArray sql = select.toUtf8();
    sqlite3_stmt *statement = nullptr;
    const auto failed = [&] {
        const Error e = readError(context,
                                  table,
                                  QString::number(sqlite3_errcode(sqlite) & 0xff),
                                  QString::fromUtf8(sqlite3_errmsg(sqlite)));
        sqlite3_finalize(statement);
        return e;
    };
    if (sqlite3_prepare_v2(sqlite, sql.constData(), int(sql.size()), &statement, nullptr)
        != SQLITE_OK)
        return failed();
    BulkReader::Fields fields(size_t(sqlite3_column_count(statement)));
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        for (int c = 0; c < int(fields.size()); ++c) {
            if (sqlite3_column_type(statement, c) == SQLITE_NULL) {
                fields[size_t(c)].reset();
                continue;
            }
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, c));
            fields[size_t(c)] = QByteArrayView(text, sqlite3_column_bytes(statement, c));
        }
        take(fields);
    }
    if (rc != SQLITE_DONE)
        return failed();
    sqlite3_finalize(statement);
    return {};
}

// COPY's text format: \N alone is NULL; backslash escapes the rest.
void unescapeCopy(const char *from, const char *to, QByteArray *out)
{
    while (from < to) {
        const char *slash = static_cast<const char *>(std::memchr(from, '\\', size_t(to - from)));
        if (!slash) {
            out->append(from, to - from);
            return;
        }
        out->append(from, slash - from);
        if (slash + 1 == to) {
            out->append('\\');
            return;
        }
        switch (slash[1]) {
        case 'b':
            out->append('\b');
            break;
        case 'f':
            out->append('\f');
            break;
        case 'n':
            out->append('\n');
            break;
        case 'r':
            out->append('\r');
            break;
        case 't':
            out->append('\t');
            break;
        case 'v':
            out->append('\v');
            break;
        default:
            out->append(slash[1]);
        }
        from = slash + 2;
    }
}

// COPY (select) TO STDOUT: each row's line, its newline taken off.
Result<void> forEachPostgresLine(PGconn *conn,
                                 const RepositoryContext &context,
                                 const QString &select,
                                 const QString &table,
                                 const std::function<void(QByteArrayView)> &take)
{
    const auto failed = [&](PGresult *result) {
        const char *code = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
        const QString text
            = QString::fromUtf8(result ? PQresultErrorMessage(result) : PQerrorMessage(conn))
                  .trimmed();
        PQclear(result);
        return readError(context, table, code ? QString::fromLatin1(code) : QString(), text);
    };
    const QByteArray sql
        = (QStringLiteral("COPY (") + select + QStringLiteral(") TO STDOUT")).toUtf8();
    PGresult *result = PQexec(conn, sql.constData());
    if (PQresultStatus(result) != PGRES_COPY_OUT)
        return failed(result);
    PQclear(result);
    char *line = nullptr;
    int size = 0;
    while ((size = PQgetCopyData(conn, &line, 0)) > 0) {
        const auto freed = qScopeGuard([line] { PQfreemem(line); });
        take(QByteArrayView(line, size - (line[size - 1] == '\n' ? 1 : 0)));
    }
    if (size == -2)
        return failed(nullptr);
    while ((result = PQgetResult(conn)) != nullptr) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK)
            return failed(result);
        PQclear(result);
    }
    return {};
}

} // namespace

void BulkReader::splitLine(QByteArrayView line, QByteArray *values, Fields *fields)
{
    values->clear();
    fields->clear();
    thread_local std::vector<std::pair<qsizetype, qsizetype>> at; // offset, size in `values`
    at.clear();
    const char *end = line.data() + line.size();
    for (const char *field = line.data();;) {
        const char *fieldEnd = std::find(field, end, '\t');
        if (fieldEnd - field == 2 && field[0] == '\\' && field[1] == 'N') {
            at.emplace_back(-1, 0);
        } else {
            const qsizetype offset = values->size();
            unescapeCopy(field, fieldEnd, values);
            at.emplace_back(offset, values->size() - offset);
        }
        if (fieldEnd == end)
            break;
        field = fieldEnd + 1;
    }
    for (const auto &[offset, length] : at) {
        if (offset < 0)
            fields->emplace_back(std::nullopt);
        else
            fields->emplace_back(QByteArrayView(values->constData() + offset, length));
    }
}

Result<void> BulkReader::forEach(const RepositoryContext &context,
                                 const QString &select,
                                 const QString &table,
                                 const std::function<void(const Fields &)> &take)
{
    const QSqlDatabase db = QSqlDatabase::database(context.connectionName, false);
    if (sqlite3 *sqlite = BulkInserter::sqliteHandle(db))
        return forEachSqlite(sqlite, context, select, table, take);
    if (void *pg = BulkInserter::postgresHandle(db)) {
        Fields fields;
        QByteArray values; // the row's unescaped fields, one after another
        return forEachPostgresLine(
            static_cast<PGconn *>(pg), context, select, table, [&](QByteArrayView line) {
                splitLine(line, &values, &fields);
                take(fields);
            });
    }
    return Error::make(Error::Code::Database,
                       QCoreApplication::translate("BulkReader", "Cannot read the rows back."),
                       context.where,
                       db.driverName());
}

Result<void> BulkReader::forEachLine(const RepositoryContext &context,
                                     const QString &select,
                                     const QString &table,
                                     const std::function<void(QByteArrayView)> &take)
{
    const QSqlDatabase db = QSqlDatabase::database(context.connectionName, false);
    if (void *pg = BulkInserter::postgresHandle(db))
        return forEachPostgresLine(static_cast<PGconn *>(pg), context, select, table, take);
    return Error::make(Error::Code::Database,
                       QCoreApplication::translate("BulkReader", "Cannot read the rows back."),
                       context.where,
                       db.driverName());
}

} // namespace mcphub
