#pragma once

#include "storage/db/repositorycontext.h"
#include "storage/migration/settingsmapper.h"
#include "storage/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>
#include <vector>

namespace mcphub {

// A JSON-lines log file loaded into mcp_usage_logs or access_logs by a migration. Each line is
// one object with the table's columns, or (usage log) an MCPHub activity object as
// /api/activities returns it. load() reads the file once, in the caller's open transaction:
// a line that is not JSON, or lacks a required column, becomes an issue named FILE:LINE and is
// left out (the caller decides whether issues stop the run, and rolls back); each valid row
// goes through BulkInserter (the database's bulk path, no audit row per line) and into a
// SHA-256 over the rows in canonical form. verify() reads back exactly the rows load() wrote
// and compares their count and checksum. On the connection's thread.
class LogImport
{
    Q_DECLARE_TR_FUNCTIONS(LogImport)

public:
    enum class Kind { Usage, Access };
    // done/total in rows; returning false cancels.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    LogImport(Kind kind, QString path);

    Kind kind() const { return m_kind; }
    QString path() const { return m_path; }
    QString table() const;
    QString entityName() const;                  // "usageLog" or "accessLog": the report's entity
    qint64 rowCount() const { return m_rows; }   // valid rows, after load()
    qint64 lineCount() const { return m_lines; } // after countLines(): the progress total
    QString checksum() const { return QString::fromLatin1(m_checksum.toHex()); }

    // Checks that the file can be read and counts its lines; nothing is parsed yet.
    Result<void> countLines();
    // Appends one issue per invalid line; an error when the file cannot be read or a row
    // cannot be written (then the caller rolls back).
    // With stopAtFirstIssue, reading ends at the first invalid line (the run will stop anyway).
    Result<void> load(const RepositoryContext &context,
                      QList<MappingIssue> *issues,
                      bool stopAtFirstIssue,
                      const Progress &progress);
    // Appends a message per mismatch to `differences` (count, checksum).
    Result<void> verify(const RepositoryContext &context, QStringList *differences) const;
    // The ids load() wrote as [[first, last], ...], kept in the run's changes for a rollback.
    OrderedJson idRanges() const;
    // Deletes the rows of `ranges` from `table` (mcp_usage_logs or access_logs only): the
    // rollback of a load. Returns how many rows went.
    static Result<qint64>
    removeRanges(const RepositoryContext &context, const QString &table, const OrderedJson &ranges);

    static constexpr int kProgressRows = 500; // rows between progress reports

private:
    QStringList columns() const;
    // Canonical values in columns() order, or a translated reason for an invalid line.
    Result<QVariantList> rowFromLine(const QByteArray &line) const;
    // Calls `take` for every valid row; `issue` for every invalid line (1-based line number).
    Result<void>
    readRows(const std::function<bool(const QVariantList &, int line)> &take,
             const std::function<bool(int line, const QString &, const QByteArray &)> &issue) const;
    static void addToHash(const QVariantList &row, QByteArray *buffer);
    Error annotate(Error error) const; // names the log file in a write error

    Kind m_kind;
    QString m_path;
    qint64 m_rows = 0;
    qint64 m_lines = 0;
    QByteArray m_checksum;
    std::vector<qint64> m_ids; // the rows load() wrote, ascending
    struct Parsers;
    std::shared_ptr<Parsers> m_parsers; // simdjson's reusable buffers
};

} // namespace mcphub
