#include "storage/db/usagelogrepository.h"

#include "storage/db/sqlerror.h"
#include "storage/db/transactionguard.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace mcphub {

Result<int> UsageLogRepository::append(const QList<UsageLogEntry> &entries)
{
    if (auto writable = checkWritable(QStringLiteral("mcp_usage_logs")); !writable)
        return writable.error();
    const QSqlDatabase database = db();
    const SqlDialect d = dialect();
    TransactionGuard tx(database);
    if (!tx.active())
        return tx.error();
    QSqlQuery query(database);
    query.prepare(QStringLiteral(
        "INSERT INTO mcp_usage_logs (timestamp, username, server_name, tool_name, success, "
        "arguments, error_message, duration, ip, user_agent, session_id) VALUES (:timestamp, "
        ":username, :server_name, :tool_name, :success, :arguments, :error_message, :duration, "
        ":ip, :user_agent, :session_id)"));
    for (const UsageLogEntry &e : entries) {
        query.bindValue(QStringLiteral(":timestamp"), d.timestampValue(e.timestamp));
        query.bindValue(QStringLiteral(":username"), text(e.username));
        query.bindValue(QStringLiteral(":server_name"), e.serverName);
        query.bindValue(QStringLiteral(":tool_name"), e.toolName);
        query.bindValue(QStringLiteral(":success"), d.boolValue(e.success));
        query.bindValue(QStringLiteral(":arguments"), text(e.arguments));
        query.bindValue(QStringLiteral(":error_message"), text(e.errorMessage));
        query.bindValue(QStringLiteral(":duration"),
                        e.durationMs ? QVariant(*e.durationMs)
                                     : QVariant(QMetaType::fromType<qint64>()));
        query.bindValue(QStringLiteral(":ip"), text(e.ip));
        query.bindValue(QStringLiteral(":user_agent"), text(e.userAgent));
        query.bindValue(QStringLiteral(":session_id"), text(e.sessionId));
        if (!query.exec()) {
            return sqlError(query.lastError(),
                            context().where + QStringLiteral(": mcp_usage_logs"),
                            QCoreApplication::translate("UsageLogRepository",
                                                        "Cannot write the usage log; nothing of "
                                                        "this batch was saved."));
        }
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return int(entries.size());
}

SqlFilter UsageLogRepository::toSql(const UsageLogFilter &filter) const
{
    const SqlDialect d = dialect();
    SqlFilter sql;
    if (!filter.serverName.isEmpty())
        sql.add(QStringLiteral("server_name = :server"),
                {{QStringLiteral(":server"), filter.serverName}});
    if (!filter.toolName.isEmpty())
        sql.add(QStringLiteral("tool_name = :tool"), {{QStringLiteral(":tool"), filter.toolName}});
    if (!filter.username.isEmpty())
        sql.add(QStringLiteral("username = :username"),
                {{QStringLiteral(":username"), filter.username}});
    if (filter.success)
        sql.add(QStringLiteral("success = :success"),
                {{QStringLiteral(":success"), d.boolValue(*filter.success)}});
    if (filter.from.isValid())
        sql.add(QStringLiteral("timestamp >= :from"),
                {{QStringLiteral(":from"), d.timestampValue(filter.from)}});
    if (filter.to.isValid())
        sql.add(QStringLiteral("timestamp < :to"),
                {{QStringLiteral(":to"), d.timestampValue(filter.to)}});
    if (!filter.text.isEmpty()) {
        sql.add(QStringLiteral("(%1 OR %2 OR %3 OR %4)")
                    .arg(d.containsExpression(QStringLiteral("server_name"), QStringLiteral(":t1")),
                         d.containsExpression(QStringLiteral("tool_name"), QStringLiteral(":t2")),
                         d.containsExpression(QStringLiteral("coalesce(username, '')"),
                                              QStringLiteral(":t3")),
                         d.containsExpression(QStringLiteral("coalesce(error_message, '')"),
                                              QStringLiteral(":t4"))),
                {{QStringLiteral(":t1"), filter.text},
                 {QStringLiteral(":t2"), filter.text},
                 {QStringLiteral(":t3"), filter.text},
                 {QStringLiteral(":t4"), filter.text}});
    }
    if (filter.before) {
        sql.add(QStringLiteral("(timestamp < :bt1 OR (timestamp = :bt2 AND id < :bid))"),
                {{QStringLiteral(":bt1"), d.timestampValue(filter.before->first)},
                 {QStringLiteral(":bt2"), d.timestampValue(filter.before->first)},
                 {QStringLiteral(":bid"), filter.before->second}});
    }
    return sql;
}

Result<Page<UsageLogEntry>> UsageLogRepository::list(const UsageLogFilter &filter,
                                                     const PageRequest &page) const
{
    const SqlFilter where = toSql(filter);
    Page<UsageLogEntry> result;
    result.total = -1;
    if (page.countTotal) {
        const auto total = countRows(QStringLiteral("mcp_usage_logs"), where);
        if (!total)
            return total.error();
        result.total = *total;
    }
    // Read by position with the dialect fetched once and no QSqlRecord per row: the view
    // reads page after page of this (bench_usagelog_view).
    enum { Id, Ts, User, Server, Tool, Success, Args, Error, Duration, Ip, Agent, Session };
    static const QStringList columns{QStringLiteral("id"),
                                     QStringLiteral("timestamp"),
                                     QStringLiteral("username"),
                                     QStringLiteral("server_name"),
                                     QStringLiteral("tool_name"),
                                     QStringLiteral("success"),
                                     QStringLiteral("arguments"),
                                     QStringLiteral("error_message"),
                                     QStringLiteral("duration"),
                                     QStringLiteral("ip"),
                                     QStringLiteral("user_agent"),
                                     QStringLiteral("session_id")};
    const SqlDialect d = dialect();
    result.items.reserve(page.limit);
    const auto read = forEachRow(QStringLiteral("mcp_usage_logs"),
                                 columns,
                                 where,
                                 orderBy(filter),
                                 page,
                                 [&](const QSqlQuery &q) {
                                     UsageLogEntry e;
                                     e.id = q.value(Id).toLongLong();
                                     e.timestamp = d.timestampFromValue(q.value(Ts));
                                     e.username = q.value(User).toString();
                                     e.serverName = q.value(Server).toString();
                                     e.toolName = q.value(Tool).toString();
                                     e.success = q.value(Success).toBool();
                                     e.arguments = q.value(Args).toString();
                                     e.errorMessage = q.value(Error).toString();
                                     if (!q.isNull(Duration))
                                         e.durationMs = q.value(Duration).toLongLong();
                                     e.ip = q.value(Ip).toString();
                                     e.userAgent = q.value(Agent).toString();
                                     e.sessionId = q.value(Session).toString();
                                     result.items << e;
                                 });
    if (!read)
        return read.error();
    return result;
}

Result<qint64> UsageLogRepository::count(const UsageLogFilter &filter) const
{
    UsageLogFilter all = filter;
    all.before.reset();
    return countRows(QStringLiteral("mcp_usage_logs"), toSql(all));
}

QString UsageLogRepository::orderBy(const UsageLogFilter &filter)
{
    QString column;
    switch (filter.sort) {
    case UsageLogFilter::Sort::Timestamp:
        column = QStringLiteral("timestamp");
        break;
    case UsageLogFilter::Sort::Server:
        column = QStringLiteral("server_name");
        break;
    case UsageLogFilter::Sort::Tool:
        column = QStringLiteral("tool_name");
        break;
    case UsageLogFilter::Sort::User:
        column = QStringLiteral("username");
        break;
    case UsageLogFilter::Sort::Success:
        column = QStringLiteral("success");
        break;
    case UsageLogFilter::Sort::Duration:
        column = QStringLiteral("duration");
        break;
    }
    const QString direction = filter.ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    return column + direction + QStringLiteral(", id") + direction;
}

Result<int> UsageLogRepository::deleteOlderThan(const QDateTime &cutoff)
{
    int deleted = 0;
    const auto done = audited(
        QStringLiteral("usage-log.prune"),
        QStringLiteral("usage-logs"),
        QStringLiteral("DELETE"),
        {},
        {{QStringLiteral("olderThan"), cutoff.toUTC().toString(Qt::ISODateWithMs)}},
        [&]() -> Result<void> {
            QSqlQuery query(db());
            query.prepare(QStringLiteral("DELETE FROM mcp_usage_logs WHERE timestamp < :cutoff"));
            query.bindValue(QStringLiteral(":cutoff"), dialect().timestampValue(cutoff));
            if (!query.exec()) {
                return sqlError(query.lastError(),
                                context().where + QStringLiteral(": mcp_usage_logs"),
                                QCoreApplication::translate("UsageLogRepository",
                                                            "Cannot prune the usage log."));
            }
            deleted = query.numRowsAffected();
            return {};
        });
    if (!done)
        return done.error();
    return deleted;
}

} // namespace mcphub
