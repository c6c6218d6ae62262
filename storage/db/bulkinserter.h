#pragma once

#include "storage/db/repositorycontext.h"
#include "storage/result.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <memory>
#include <string>
#include <vector>

struct sqlite3;

namespace mcphub {

// Appends many rows to one table inside the caller's open transaction through the database's
// own bulk path: on SQLite one prepared INSERT bound and stepped per row through the sqlite3
// C API on the connection's handle (what the sqlite3 shell's .import does); on PostgreSQL
// COPY ... FROM STDIN through libpq on the connection's handle (what psql's \copy does).
// QSqlQuery costs a QVariant conversion per value and, on PostgreSQL, a round trip per
// statement: a migration through it took 4-6x those tools (bench_migration).
// Values are typed QVariants in `columns` order: null (SQL NULL), QString, bool, integers,
// double, QDateTime (stored as SqlDialect::timestampValue stores it). Values are bound or
// escaped for COPY, never spliced into SQL; identifiers are escaped. No audit rows: the caller
// records the bulk change. Generated ids ("id") are returned when asked; on PostgreSQL they
// are taken from the column's sequence before each COPY and written with the rows.
// On PostgreSQL the rows stream to the server while the caller produces them (a COPY stays
// open between appends), so that client and server work at once. On the connection's thread,
// with no other statement on the connection between the first append() and finish(). Nothing is
// committed here; a failure leaves the rows written so far in the caller's transaction, which the
// caller rolls back.
class BulkInserter
{
public:
    BulkInserter(RepositoryContext context, QString table, QStringList columns, bool returnIds);
    ~BulkInserter();
    BulkInserter(const BulkInserter &) = delete;
    BulkInserter &operator=(const BulkInserter &) = delete;

    // PostgreSQL with ids: how many rows will come (an upper bound is fine), so that their ids
    // are reserved at once and the rows go in one COPY. Without it, blocks of kCopyChunkRows.
    void setExpectedRows(qint64 rows) { m_expectedRows = rows; }
    Result<void> append(const QVariantList &values);
    // PostgreSQL, without returned ids: one row already in COPY's text format (its fields
    // written with appendCopyField, tab-separated, \N for NULL; no newline).
    Result<void> appendLine(QByteArrayView line);
    static void appendCopyField(QByteArray *line, QByteArrayView utf8);
    static void appendCopyField(std::string *line, QByteArrayView utf8);
    // PostgreSQL, without returned ids: one row in COPY's binary format (a 16-bit field count,
    // then each field as a 32-bit length, -1 for NULL, and its bytes in the column type's
    // binary form; big-endian). The server reads no text into values: a fifth less of its
    // time on a table of uuids, names and flags. Rows of both formats may be mixed: the
    // open COPY is ended and one of the other format started where the format changes.
    Result<void> appendBinaryRow(QByteArrayView row);
    Result<void> finish(); // writes what is buffered; call before any other statement
    qint64 rowCount() const { return m_rows; }
    const std::vector<qint64> &ids() const { return m_ids; } // in append order
    // After a failed append() or finish(): the 0-based row the database refused, when it said
    // (SQLite: always; PostgreSQL: from the COPY's line), else -1.
    qint64 failedRow() const { return m_failedRow; }

    // The sqlite3 handle of an open QSQLITE connection, or nullptr for another driver.
    static sqlite3 *sqliteHandle(const QSqlDatabase &db);
    // The PGconn of an open QPSQL connection, or nullptr for another driver.
    static void *postgresHandle(const QSqlDatabase &db);

    static constexpr int kCopyChunkRows
        = 20000; // PostgreSQL: ids reserved at a time without a hint
    static constexpr int kCopySendBytes = 256 * 1024; // PostgreSQL: bytes per send
    static constexpr int kSqliteCacheKiB = 64 * 1024; // SQLite: page cache while inserting

private:
    struct Sqlite;
    Result<void> start();
    Result<void> appendSqlite(const QVariantList &values);
    Result<void> startCopy(bool binary = false);
    Result<void> startRow(bool binary); // PostgreSQL: a COPY of that format open
    Result<void> sendCopyData();
    Result<void> endCopy(const char *failure = nullptr); // failure: abandon the COPY
    Error error(const QString &nativeCode, const QString &text, const QString &doing) const;

    RepositoryContext m_context;
    QString m_table;
    QStringList m_columns;
    bool m_returnIds = false;
    bool m_started = false;
    bool m_sqlite = true;
    bool m_copying = false;   // PostgreSQL: a COPY is open
    bool m_binary = false;    // PostgreSQL: the open COPY's format is binary
    void *m_handle = nullptr; // sqlite3* or PGconn*, owned by the Qt driver
    std::unique_ptr<Sqlite> m_statement;
    QByteArray m_copyBuffer; // PostgreSQL: COPY text of the buffered rows
    qint64 m_expectedRows = 0;
    qint64 m_copyStartRow = 0; // PostgreSQL: the first row of the open COPY
    qint64 m_failedRow = -1;
    QByteArray m_sequence; // PostgreSQL: the id column's sequence
    qint64 m_rows = 0;
    std::vector<qint64> m_ids;
};

} // namespace mcphub
