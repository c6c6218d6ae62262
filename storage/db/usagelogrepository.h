#pragma once

#include "storage/db/repositorybase.h"

#include <QDateTime>
#include <optional>

namespace mcphub {

// One MCP tool call (table mcp_usage_logs; in MCPHub's database, its table activities).
struct UsageLogEntry
{
    QVariant id; // qint64 in the console's log; MCPHub's uuid text in activities
    QDateTime timestamp;
    QString username;
    QString serverName;
    QString toolName;
    bool success = true;
    QString arguments; // JSON text
    QString errorMessage;
    std::optional<qint64> durationMs;
    QString ip;
    QString userAgent;
    QString sessionId;
    QString output; // MCPHub's activities: the tool's result as JSON text
};

struct UsageLogFilter
{
    enum class Sort { Timestamp, Server, Tool, User, Success, Duration };

    QString serverName;
    QString toolName;
    QString username;
    std::optional<bool> success;
    QDateTime from; // inclusive
    QDateTime to;   // exclusive
    QString text;   // part of the server, tool, user or error message
    // The server, tool and user filters match a part of the name, ignoring case (the
    // console's filter boxes); otherwise the whole name (the CLI, the monitoring).
    bool partialNames = false;
    // The order, ties broken by id in the same direction. Newest first by default.
    Sort sort = Sort::Timestamp;
    bool ascending = false;
    // Keyset paging: only rows older than this one (newest-first order only), so deep pages
    // cost what the first one does. Unset: offset paging.
    std::optional<QPair<QDateTime, QVariant>> before;
};

// The usage log: appended by the hub poller (not an administrator's change, so not audited),
// read newest first with filters in SQL; pruning is audited. In MCPHub's database it is
// MCPHub's own activities table, read (and pruned) in place on its indexes; MCPHub appends.
class UsageLogRepository : public RepositoryBase
{
public:
    using RepositoryBase::RepositoryBase;

    // Appends the entries in one transaction; returns how many were written.
    Result<int> append(const QList<UsageLogEntry> &entries);
    Result<Page<UsageLogEntry>> list(const UsageLogFilter &filter, const PageRequest &page) const;
    Result<qint64> count(const UsageLogFilter &filter) const; // rows matching, ignoring `before`
    // How many different users the matching rows name (ignoring `before`; no user: not counted).
    Result<qint64> countUsers(const UsageLogFilter &filter) const;
    // Deletes entries older than `cutoff`; returns how many.
    Result<int> deleteOlderThan(const QDateTime &cutoff);

private:
    // Positions in Layout::columns.
    enum Column {
        Id,
        Ts,
        User,
        Server,
        Tool,
        Success,
        Args,
        ErrorMessage,
        Duration,
        Ip,
        Agent,
        Session,
        Output
    };
    // The table and, per Column, the SQL expression that reads it.
    struct Layout
    {
        QString table;
        QStringList columns;
        bool mcphub = false;
    };
    const Layout &layout() const;
    QVariant timestampValue(const QDateTime &value) const;
    SqlFilter toSql(const UsageLogFilter &filter) const;
    QString orderBy(const UsageLogFilter &filter) const;
};

} // namespace mcphub
