#include "storage/db/bulkinserter.h"

#include "storage/db/sqldialect.h"
#include "storage/db/sqlerror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>

namespace mcphub {

namespace {

bool isInteger(const QMetaType &type)
{
    switch (type.id()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return true;
    default:
        return false;
    }
}

// NULL as Qt's drivers bind it: a null variant, or a null string, byte array or time.
bool isSqlNull(const QVariant &v)
{
    if (v.isNull())
        return true;
    switch (v.metaType().id()) {
    case QMetaType::QString:
        return static_cast<const QString *>(v.constData())->isNull();
    case QMetaType::QByteArray:
        return static_cast<const QByteArray *>(v.constData())->isNull();
    case QMetaType::QDateTime:
        return !static_cast<const QDateTime *>(v.constData())->isValid();
    default:
        return false;
    }
}

QString pgMessage(PGconn *conn, const PGresult *result)
{
    const char *message = result ? PQresultErrorMessage(result) : PQerrorMessage(conn);
    return QString::fromUtf8(message).trimmed();
}

QString pgCode(const PGresult *result)
{
    const char *code = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    return code ? QString::fromLatin1(code) : QString();
}

} // namespace

struct BulkInserter::Sqlite
{
    sqlite3 *db = nullptr;
    sqlite3_stmt *statement = nullptr;
    qint64 cacheSize = 0; // the connection's own cache_size to restore (0: unchanged)
    ~Sqlite()
    {
        sqlite3_finalize(statement);
        if (cacheSize != 0 && db)
            sqlite3_exec(
                db,
                QByteArray("PRAGMA cache_size = " + QByteArray::number(cacheSize)).constData(),
                nullptr,
                nullptr,
                nullptr);
    }
};

BulkInserter::BulkInserter(RepositoryContext context,
                           QString table,
                           QStringList columns,
                           bool returnIds)
    : m_context(std::move(context))
    , m_table(std::move(table))
    , m_columns(std::move(columns))
    , m_returnIds(returnIds)
{}

BulkInserter::~BulkInserter()
{
    // An unfinished COPY (a cancel or a failure) is abandoned, so that the connection takes
    // statements again and the caller can roll back.
    if (m_copying)
        (void)endCopy("cancelled");
}

sqlite3 *BulkInserter::sqliteHandle(const QSqlDatabase &db)
{
    if (!db.isOpen())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.typeName() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

void *BulkInserter::postgresHandle(const QSqlDatabase &db)
{
    if (!db.isOpen())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.typeName()
        || (qstrcmp(handle.typeName(), "PGconn*") != 0
            && qstrcmp(handle.typeName(), "pg_conn*") != 0))
        return nullptr;
    return *static_cast<void *const *>(handle.constData());
}

Error BulkInserter::error(const QString &nativeCode,
                          const QString &text,
                          const QString &doing) const
{
    return sqlError(QSqlError(text, text, QSqlError::StatementError, nativeCode),
                    m_context.where + QStringLiteral(": ") + m_table,
                    doing);
}

Result<void> BulkInserter::start()
{
    if (m_context.readOnly)
        return Error::make(Error::Code::ReadOnly,
                           QCoreApplication::translate(
                               "BulkInserter",
                               "This workspace is read-only: its database schema is newer than "
                               "this console, or the profile only allows reading."),
                           m_context.where + QStringLiteral(": ") + m_table);
    const QSqlDatabase db = QSqlDatabase::database(m_context.connectionName, false);
    if (!db.isOpen())
        return Error::make(
            Error::Code::Database,
            QCoreApplication::translate("BulkInserter", "The database connection is not open."),
            m_context.where);
    m_handle = sqliteHandle(db);
    m_sqlite = m_handle != nullptr;
    if (!m_sqlite)
        m_handle = postgresHandle(db);
    if (!m_handle)
        return Error::make(
            Error::Code::Database,
            QCoreApplication::translate("BulkInserter", "This database driver has no bulk path."),
            m_context.where,
            db.driverName());
    QStringList escaped;
    for (const QString &column : m_columns)
        escaped << SqlDialect::escape(db, column);
    if (m_sqlite) {
        const QByteArray sql
            = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                  .arg(SqlDialect::escape(db, m_table),
                       escaped.join(QLatin1Char(',')),
                       QStringList(m_columns.size(), QStringLiteral("?")).join(QLatin1Char(',')))
                  .toUtf8();
        m_statement = std::make_unique<Sqlite>();
        auto *sqlite = static_cast<sqlite3 *>(m_handle);
        m_statement->db = sqlite;
        // A page cache of 64 MB while the rows go in: with SQLite's default 2 MB the indexes of a
        // large table spill to the journal over and over. Set back by finish().
        sqlite3_stmt *pragma = nullptr;
        if (sqlite3_prepare_v2(sqlite, "PRAGMA cache_size", -1, &pragma, nullptr) == SQLITE_OK
            && sqlite3_step(pragma) == SQLITE_ROW)
            m_statement->cacheSize = sqlite3_column_int64(pragma, 0);
        sqlite3_finalize(pragma);
        if (m_statement->cacheSize > -kSqliteCacheKiB
            && m_statement->cacheSize < kSqliteCacheKiB / 4)
            sqlite3_exec(sqlite,
                         QByteArray("PRAGMA cache_size = -" + QByteArray::number(kSqliteCacheKiB))
                             .constData(),
                         nullptr,
                         nullptr,
                         nullptr);
        else
            m_statement->cacheSize = 0;
        if (sqlite3_prepare_v2(
                sqlite, sql.constData(), int(sql.size()), &m_statement->statement, nullptr)
            != SQLITE_OK)
            return error(
                QString::number(sqlite3_errcode(sqlite) & 0xff),
                QString::fromUtf8(sqlite3_errmsg(sqlite)),
                QCoreApplication::translate("BulkInserter", "Cannot prepare the bulk insert."));
    }
    m_started = true;
    return {};
}

Result<void> BulkInserter::append(const QVariantList &values)
{
    if (!m_started) {
        if (auto started = start(); !started)
            return started;
    }
    if (values.size() != m_columns.size())
        return Error::make(
            Error::Code::Invalid,
            QCoreApplication::translate("BulkInserter", "A row has %1 values for %2 columns.")
                .arg(values.size())
                .arg(m_columns.size()),
            m_context.where + QStringLiteral(": ") + m_table);
    if (m_sqlite)
        return appendSqlite(values);

    if (!m_copying) {
        if (auto started = startCopy(); !started)
            return started;
    }
    if (m_returnIds) {
        m_copyBuffer.append(QByteArray::number(m_ids.at(m_rows)));
        m_copyBuffer.append('\t');
    }
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            m_copyBuffer.append('\t');
        const QVariant &v = values.at(i);
        const QMetaType type = v.metaType();
        if (isSqlNull(v))
            m_copyBuffer.append("\\N");
        else if (type.id() == QMetaType::Bool)
            m_copyBuffer.append(v.toBool() ? 't' : 'f');
        else if (isInteger(type))
            m_copyBuffer.append(QByteArray::number(v.toLongLong()));
        else if (type.id() == QMetaType::Double)
            m_copyBuffer.append(QByteArray::number(v.toDouble(), 'g', 17));
        else if (type.id() == QMetaType::QDateTime)
            SqlDialect::appendTimestampText(&m_copyBuffer, v.toDateTime());
        else
            appendCopyField(&m_copyBuffer, v.toString().toUtf8());
    }
    m_copyBuffer.append('\n');
    ++m_rows;
    if (m_returnIds && size_t(m_rows) == m_ids.size())
        return endCopy(); // the reserved ids are used up: the next row reserves more
    if (m_copyBuffer.size() >= kCopySendBytes)
        return sendCopyData();
    return {};
}

namespace {

// The letter COPY's text format escapes each byte with (after a backslash), 0 for the bytes
// it writes as they are: backslash and the control characters it names (\b \f \n \r \t \v).
constexpr std::array<char, 256> kCopyEscapes = [] {
    std::array<char, 256> escapes{};
    escapes[uchar('\\')] = '\\';
    escapes[uchar('\b')] = 'b';
    escapes[uchar('\f')] = 'f';
    escapes[uchar('\n')] = 'n';
    escapes[uchar('\r')] = 'r';
    escapes[uchar('\t')] = 't';
    escapes[uchar('\v')] = 'v';
    return escapes;
}();

// Whether any of the 8 bytes of `word` may need an escape: one below 0x0e (the control
// characters COPY names are 0x08-0x0d) or a backslash (the classic bit tricks "has a byte less
// than" and "has a byte equal to"; a byte 0x80 or above never sets a false bit).
constexpr bool mayNeedEscape(quint64 word)
{
    constexpr quint64 ones = ~quint64(0) / 255;
    constexpr quint64 highs = ones * 0x80;
    const quint64 below = (word - ones * 0x0e) & ~word & highs;
    const quint64 backslash = word ^ (ones * '\\');
    return (below | ((backslash - ones) & ~backslash & highs)) != 0;
}

// The runs between escapes appended whole, eight bytes looked at a time and a table lookup
// per byte only in a word that may hold one: a field is usually one run (the switch per byte
// this replaced cost 400 instructions a field of 80 bytes).
template<typename Out>
void appendEscaped(Out *out, QByteArrayView utf8)
{
    const char *p = utf8.data();
    const char *const end = p + utf8.size();
    const char *run = p;
    while (p != end) {
        if (end - p >= 8) {
            quint64 word;
            std::memcpy(&word, p, 8);
            if (!mayNeedEscape(word)) {
                p += 8;
                continue;
            }
        }
        for (const char *const stop = end - p >= 8 ? p + 8 : end; p != stop; ++p) {
            const char escape = kCopyEscapes[uchar(*p)];
            if (!escape)
                continue;
            out->append(run, p - run);
            out->push_back('\\');
            out->push_back(escape);
            run = p + 1;
        }
    }
    out->append(run, end - run);
}

} // namespace

// COPY's text format as COPY ... TO writes it, so that a row's line reads back byte for byte.
void BulkInserter::appendCopyField(QByteArray *out, QByteArrayView utf8)
{
    appendEscaped(out, utf8);
}

void BulkInserter::appendCopyField(std::string *out, QByteArrayView utf8)
{
    appendEscaped(out, utf8);
}

Result<void> BulkInserter::startRow(bool binary)
{
    if (!m_started) {
        if (auto started = start(); !started)
            return started;
    }
    if (m_sqlite || m_returnIds)
        return Error::make(
            Error::Code::Database,
            QCoreApplication::translate("BulkInserter", "This database driver has no bulk path."),
            m_context.where + QStringLiteral(": ") + m_table);
    if (m_copying && m_binary != binary) {
        if (auto ended = endCopy(); !ended)
            return ended;
    }
    if (!m_copying)
        return startCopy(binary);
    return {};
}

Result<void> BulkInserter::appendLine(QByteArrayView line)
{
    if (auto ready = startRow(false); !ready)
        return ready;
    m_copyBuffer.append(line);
    m_copyBuffer.append('\n');
    ++m_rows;
    if (m_copyBuffer.size() >= kCopySendBytes)
        return sendCopyData();
    return {};
}

Result<void> BulkInserter::appendBinaryRow(QByteArrayView row)
{
    if (auto ready = startRow(true); !ready)
        return ready;
    m_copyBuffer.append(row);
    ++m_rows;
    if (m_copyBuffer.size() >= kCopySendBytes)
        return sendCopyData();
    return {};
}

Result<void> BulkInserter::appendSqlite(const QVariantList &values)
{
    auto *sqlite = static_cast<sqlite3 *>(m_handle);
    sqlite3_stmt *statement = m_statement->statement;
    QByteArray text;
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &v = values.at(i);
        const QMetaType type = v.metaType();
        const int index = i + 1;
        int rc = SQLITE_OK;
        if (isSqlNull(v)) {
            rc = sqlite3_bind_null(statement, index);
        } else if (type.id() == QMetaType::Bool) {
            rc = sqlite3_bind_int(statement, index, v.toBool() ? 1 : 0);
        } else if (isInteger(type)) {
            rc = sqlite3_bind_int64(statement, index, v.toLongLong());
        } else if (type.id() == QMetaType::Double) {
            rc = sqlite3_bind_double(statement, index, v.toDouble());
        } else {
            text.clear();
            if (type.id() == QMetaType::QDateTime)
                SqlDialect::appendTimestampText(&text, v.toDateTime());
            else
                text = v.toString().toUtf8();
            rc = sqlite3_bind_text(
                statement, index, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        }
        if (rc != SQLITE_OK) {
            m_failedRow = m_rows;
            return error(QString::number(rc & 0xff),
                         QString::fromUtf8(sqlite3_errmsg(sqlite)),
                         QCoreApplication::translate("BulkInserter", "Cannot write the rows."));
        }
    }
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (rc != SQLITE_DONE) {
        m_failedRow = m_rows;
        return error(QString::number(sqlite3_errcode(sqlite) & 0xff),
                     QString::fromUtf8(sqlite3_errmsg(sqlite)),
                     QCoreApplication::translate("BulkInserter", "Cannot write the rows."));
    }
    if (m_returnIds)
        m_ids.push_back(sqlite3_last_insert_rowid(sqlite));
    ++m_rows;
    return {};
}

Result<void> BulkInserter::startCopy(bool binary)
{
    PGconn *conn = static_cast<PGconn *>(m_handle);
    if (m_returnIds) {
        // The ids of the coming rows, from the column's own sequence (gaps are harmless): as
        // many as the caller expects, so that they go in one COPY (each COPY ended costs a
        // wait for the server), else a block of kCopyChunkRows.
        const qint64 count
            = m_expectedRows > m_rows ? m_expectedRows - m_rows : qint64(kCopyChunkRows);
        const auto failed = [&](PGresult *result) {
            const Error e
                = error(pgCode(result),
                        pgMessage(conn, result),
                        QCoreApplication::translate("BulkInserter",
                                                    "Cannot reserve row ids for the bulk insert."));
            PQclear(result);
            return e;
        };
        if (m_sequence.isEmpty()) {
            const QByteArray table = m_table.toUtf8();
            const char *values[] = {table.constData()};
            PGresult *result = PQexecParams(conn,
                                            "SELECT pg_get_serial_sequence($1, 'id')",
                                            1,
                                            nullptr,
                                            values,
                                            nullptr,
                                            nullptr,
                                            0);
            if (PQresultStatus(result) != PGRES_TUPLES_OK || PQntuples(result) != 1)
                return failed(result);
            m_sequence = PQgetvalue(result, 0, 0);
            PQclear(result);
        }
        // The sequence as a parameter (a constant when planned): nextval() of a column value
        // opens the sequence again for every row, ten times slower.
        const QByteArray countText = QByteArray::number(count);
        const char *values[] = {m_sequence.constData(), countText.constData()};
        PGresult *result = PQexecParams(conn,
                                        "SELECT nextval($1::regclass) FROM "
                                        "generate_series(1, $2::bigint)",
                                        2,
                                        nullptr,
                                        values,
                                        nullptr,
                                        nullptr,
                                        0);
        if (PQresultStatus(result) != PGRES_TUPLES_OK)
            return failed(result);
        const int n = PQntuples(result);
        m_ids.reserve(m_ids.size() + size_t(n));
        for (int i = 0; i < n; ++i)
            m_ids.push_back(std::strtoll(PQgetvalue(result, i, 0), nullptr, 10));
        PQclear(result);
    }
    const QSqlDatabase db = QSqlDatabase::database(m_context.connectionName, false);
    QStringList escaped;
    if (m_returnIds)
        escaped << SqlDialect::escape(db, QStringLiteral("id"));
    for (const QString &column : m_columns)
        escaped << SqlDialect::escape(db, column);
    const QByteArray sql = QStringLiteral("COPY %1 (%2) FROM STDIN%3")
                               .arg(SqlDialect::escape(db, m_table),
                                    escaped.join(QLatin1Char(',')),
                                    binary ? QStringLiteral(" (FORMAT binary)") : QString())
                               .toUtf8();
    PGresult *result = PQexec(conn, sql.constData());
    if (PQresultStatus(result) != PGRES_COPY_IN) {
        const Error e
            = error(pgCode(result),
                    pgMessage(conn, result),
                    QCoreApplication::translate("BulkInserter", "Cannot write the rows."));
        PQclear(result);
        return e;
    }
    PQclear(result);
    m_copying = true;
    m_binary = binary;
    m_copyStartRow = m_rows;
    if (binary) {
        // The signature, no flags, no header extension.
        static constexpr char header[] = "PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0";
        m_copyBuffer.append(header, sizeof header - 1);
    }
    return {};
}

Result<void> BulkInserter::sendCopyData()
{
    PGconn *conn = static_cast<PGconn *>(m_handle);
    const bool sent
        = m_copyBuffer.isEmpty()
          || PQputCopyData(conn, m_copyBuffer.constData(), int(m_copyBuffer.size())) == 1;
    m_copyBuffer.resize(0); // its memory kept for the next rows
    if (!sent) {
        // The server's own error comes with the end of the COPY.
        return endCopy("sending the rows failed");
    }
    return {};
}

Result<void> BulkInserter::endCopy(const char *failure)
{
    if (!m_copying)
        return {};
    PGconn *conn = static_cast<PGconn *>(m_handle);
    bool sent = failure == nullptr;
    if (sent && m_binary)
        m_copyBuffer.append("\xff\xff", 2); // the trailer: a field count of -1
    if (sent && !m_copyBuffer.isEmpty())
        sent = PQputCopyData(conn, m_copyBuffer.constData(), int(m_copyBuffer.size())) == 1;
    m_copyBuffer.resize(0); // its memory kept for the next rows
    sent = PQputCopyEnd(conn, sent ? nullptr : (failure ? failure : "sending the rows failed")) == 1
           && sent;
    m_copying = false;
    const QString doing = QCoreApplication::translate("BulkInserter", "Cannot write the rows.");
    std::optional<Error> error;
    PGresult *result = nullptr;
    while ((result = PQgetResult(conn)) != nullptr) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK && !error) {
            error = this->error(pgCode(result), pgMessage(conn, result), doing);
            // "COPY mcp_usage_logs, line 3, column x: ..." or "..., line 3: ...": 1-based
            // within this COPY.
            const char *where = PQresultErrorField(result, PG_DIAG_CONTEXT);
            const char *line = where ? std::strstr(where, ", line ") : nullptr;
            if (line) {
                char *end = nullptr;
                const long long number = std::strtoll(line + 7, &end, 10);
                if (end != line + 7 && number > 0)
                    m_failedRow = m_copyStartRow + number - 1;
            }
        }
        PQclear(result);
    }
    if (!error && !sent)
        error = this->error(QString(), pgMessage(conn, nullptr), doing);
    if (error)
        return *error;
    return {};
}

Result<void> BulkInserter::finish()
{
    if (m_returnIds && !m_sqlite)
        m_ids.resize(size_t(m_rows)); // the reserved ids the last chunk did not use
    if (!m_started || m_sqlite) {
        m_statement.reset();
        return {};
    }
    return endCopy();
}

} // namespace mcphub
