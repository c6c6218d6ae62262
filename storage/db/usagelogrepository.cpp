#include "storage/db/usagelogrepository.h"

#include "storage/db/sqlerror.h"
#include "storage/db/transactionguard.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace mcphub {

const UsageLogRepository::Layout &UsageLogRepository::layout() const
{
    // The console's own log, and MCPHub's activities (mcphub-dbmode.md §6) read as the same
    // entries: status 'success' or 'error', the tool's input and output as JSON text, the
    // caller's address; no user agent or session. Timestamps there have no time zone.
    static const Layout console{QStringLiteral("mcp_usage_logs"),
                                {QStringLiteral("id"),
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
                                 QStringLiteral("session_id"),
                                 QStringLiteral("NULL")},
                                false};
    static const Layout mcphub{QStringLiteral("activities"),
                               {QStringLiteral("id"),
                                QStringLiteral("\"timestamp\""),
                                QStringLiteral("username"),
                                QStringLiteral("server"),
                                QStringLiteral("tool"),
                                QStringLiteral("(status = 'success')"),
                                QStringLiteral("input"),
                                QStringLiteral("error_message"),
                                QStringLiteral("duration"),
                                QStringLiteral("source_ip"),
                                QStringLiteral("NULL"),
                                QStringLiteral("NULL"),
                                QStringLiteral("output")},
                               true};
    return inMcphubDatabase() ? mcphub : console;
}

Result<int> UsageLogRepository::append(const QList<UsageLogEntry> &entries)
{
    if (auto writable = checkWritable(QStringLiteral("mcp_usage_logs")); !writable)
        return writable.error();
    if (layout().mcphub) {
        // MCPHub writes its activities itself, one row per tool call.
        return Error::make(Error::Code::ReadOnly,
                           QCoreApplication::translate("UsageLogRepository",
                                                       "MCPHub writes its own activities; the "
                                                       "console only reads them."),
                           context().where + QStringLiteral(": activities"));
    }
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

QVariant UsageLogRepository::timestampValue(const QDateTime &value) const
{
    // MCPHub's "timestamp" has no time zone: compared with its UTC wall-clock text, so that
    // the column is not cast (its index is used) and the session's zone plays no part.
    if (layout().mcphub && value.isValid())
        return value.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    return dialect().timestampValue(value);
}

SqlFilter UsageLogRepository::toSql(const UsageLogFilter &filter) const
{
    const SqlDialect d = dialect();
    const Layout &l = layout();
    SqlFilter sql;
    const auto name = [&](const QString &column, const QString &placeholder, const QString &value) {
        if (value.isEmpty())
            return;
        sql.add(filter.partialNames ? d.containsExpression(column, placeholder)
                                    : column + QStringLiteral(" = ") + placeholder,
                {{placeholder, value}});
    };
    name(l.columns[Server], QStringLiteral(":server"), filter.serverName);
    name(l.columns[Tool], QStringLiteral(":tool"), filter.toolName);
    name(QStringLiteral("coalesce(username, '')"), QStringLiteral(":username"), filter.username);
    if (filter.success && l.mcphub)
        sql.add(*filter.success ? QStringLiteral("status = 'success'")
                                : QStringLiteral("status <> 'success'"),
                {});
    else if (filter.success)
        sql.add(QStringLiteral("success = :success"),
                {{QStringLiteral(":success"), d.boolValue(*filter.success)}});
    if (filter.from.isValid())
        sql.add(l.columns[Ts] + QStringLiteral(" >= :from"),
                {{QStringLiteral(":from"), timestampValue(filter.from)}});
    if (filter.to.isValid())
        sql.add(l.columns[Ts] + QStringLiteral(" < :to"),
                {{QStringLiteral(":to"), timestampValue(filter.to)}});
    if (!filter.text.isEmpty()) {
        sql.add(QStringLiteral("(%1 OR %2 OR %3 OR %4)")
                    .arg(d.containsExpression(l.columns[Server], QStringLiteral(":t1")),
                         d.containsExpression(l.columns[Tool], QStringLiteral(":t2")),
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
        // The redundant "<= :bt0" is what lets the timestamp index start at the cursor: the OR
        // alone is only a filter, and a page half-way down 1,000,000 rows then reads the
        // 500,000 newer ones first (bench_usagelog_hubdb).
        sql.add(QStringLiteral("%1 <= :bt0 AND (%1 < :bt1 OR (%1 = :bt2 AND id < :bid))")
                    .arg(l.columns[Ts]),
                {{QStringLiteral(":bt0"), timestampValue(filter.before->first)},
                 {QStringLiteral(":bt1"), timestampValue(filter.before->first)},
                 {QStringLiteral(":bt2"), timestampValue(filter.before->first)},
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
        const auto total = countRows(layout().table, where);
        if (!total)
            return total.error();
        result.total = *total;
    }
    // Read by position with the dialect fetched once and no QSqlRecord per row: the view
    // reads page after page of this (bench_usagelog_view).
    const Layout &l = layout();
    const SqlDialect d = dialect();
    result.items.reserve(page.limit);
    const auto read
        = forEachRow(l.table, l.columns, where, orderBy(filter), page, [&](const QSqlQuery &q) {
              UsageLogEntry e;
              if (l.mcphub) {
                  e.id = q.value(Id).toString();
                  e.timestamp = d.wallClockUtc(q.value(Ts));
                  e.output = q.value(Output).toString();
              } else {
                  e.id = q.value(Id).toLongLong();
                  e.timestamp = d.timestampFromValue(q.value(Ts));
              }
              e.username = q.value(User).toString();
              e.serverName = q.value(Server).toString();
              e.toolName = q.value(Tool).toString();
              e.success = q.value(Success).toBool();
              e.arguments = q.value(Args).toString();
              e.errorMessage = q.value(ErrorMessage).toString();
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
    return countRows(layout().table, toSql(all));
}

Result<qint64> UsageLogRepository::countUsers(const UsageLogFilter &filter) const
{
    UsageLogFilter all = filter;
    all.before.reset();
    return countRows(layout().table, toSql(all), layout().columns[User]);
}

QString UsageLogRepository::orderBy(const UsageLogFilter &filter) const
{
    const Layout &l = layout();
    QString column;
    switch (filter.sort) {
    case UsageLogFilter::Sort::Timestamp:
        column = l.columns[Ts];
        break;
    case UsageLogFilter::Sort::Server:
        column = l.columns[Server];
        break;
    case UsageLogFilter::Sort::Tool:
        column = l.columns[Tool];
        break;
    case UsageLogFilter::Sort::User:
        column = l.columns[User];
        break;
    case UsageLogFilter::Sort::Success:
        column = l.mcphub ? QStringLiteral("status") : QStringLiteral("success");
        break;
    case UsageLogFilter::Sort::Duration:
        column = l.columns[Duration];
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
            const bool prepared = query.prepare(QStringLiteral("DELETE FROM %1 WHERE %2 < :cutoff")
                                                    .arg(layout().table, layout().columns[Ts]));
            query.bindValue(QStringLiteral(":cutoff"), timestampValue(cutoff));
            if (!prepared || !query.exec()) {
                return sqlError(query.lastError(),
                                context().where + QStringLiteral(": ") + layout().table,
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
