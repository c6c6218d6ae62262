#include "storage/db/auditlogrepository.h"

#include "storage/db/transactionguard.h"

#include <QJsonDocument>

namespace mcphub {

Result<qint64> AuditLogRepository::append(const AuditEntry &entry)
{
    const auto id = insertRow(
        QStringLiteral("access_logs"),
        {{QStringLiteral("timestamp"), dialect().timestampValue(entry.timestamp)},
         {QStringLiteral("username"), entry.username},
         {QStringLiteral("action"), entry.action},
         {QStringLiteral("resource"), entry.resource},
         {QStringLiteral("method"), entry.method},
         {QStringLiteral("status_code"), entry.statusCode},
         {QStringLiteral("ip"), text(entry.ip)},
         {QStringLiteral("user_agent"), text(entry.userAgent)},
         {QStringLiteral("duration"), entry.durationMs},
         {QStringLiteral("details"),
          QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact))},
         {QStringLiteral("change_id"),
          text(entry.changeId.isEmpty() ? TransactionGuard::changeId(context().connectionName)
                                        : entry.changeId)}},
        QStringLiteral("id"));
    if (!id)
        return id.error();
    return id->toLongLong();
}

SqlFilter AuditLogRepository::toSql(const AuditFilter &filter) const
{
    SqlFilter sql;
    if (!filter.username.isEmpty())
        sql.add(filter.partialUser ? dialect().containsExpression(QStringLiteral("username"),
                                                                  QStringLiteral(":username"))
                                   : QStringLiteral("username = :username"),
                {{QStringLiteral(":username"), filter.username}});
    if (!filter.resourcePrefix.isEmpty()) {
        // substr rather than LIKE: no wildcard escaping, and case-sensitive on both.
        sql.add(QStringLiteral("substr(resource, 1, :plen) = :prefix"),
                {{QStringLiteral(":plen"), int(filter.resourcePrefix.size())},
                 {QStringLiteral(":prefix"), filter.resourcePrefix}});
    }
    if (filter.from.isValid())
        sql.add(QStringLiteral("timestamp >= :from"),
                {{QStringLiteral(":from"), dialect().timestampValue(filter.from)}});
    if (filter.to.isValid())
        sql.add(QStringLiteral("timestamp < :to"),
                {{QStringLiteral(":to"), dialect().timestampValue(filter.to)}});
    return sql;
}

Result<Page<AuditEntry>> AuditLogRepository::list(const AuditFilter &filter,
                                                  const PageRequest &page) const
{
    const SqlFilter where = toSql(filter);
    const auto total = countRows(QStringLiteral("access_logs"), where);
    if (!total)
        return total.error();
    const auto rows
        = selectRows(QStringLiteral("access_logs"), where, QStringLiteral("id DESC"), page);
    if (!rows)
        return rows.error();
    Page<AuditEntry> result;
    result.total = *total;
    for (const QSqlRecord &r : *rows) {
        AuditEntry e;
        e.id = r.value(QStringLiteral("id")).toLongLong();
        e.timestamp = timestamp(r, QStringLiteral("timestamp"));
        e.username = r.value(QStringLiteral("username")).toString();
        e.action = r.value(QStringLiteral("action")).toString();
        e.resource = r.value(QStringLiteral("resource")).toString();
        e.method = r.value(QStringLiteral("method")).toString();
        e.statusCode = r.value(QStringLiteral("status_code")).toInt();
        e.ip = r.value(QStringLiteral("ip")).toString();
        e.userAgent = r.value(QStringLiteral("user_agent")).toString();
        e.durationMs = r.value(QStringLiteral("duration")).toLongLong();
        e.details = QJsonDocument::fromJson(r.value(QStringLiteral("details")).toString().toUtf8())
                        .object();
        e.changeId = r.value(QStringLiteral("change_id")).toString();
        result.items << e;
    }
    return result;
}

} // namespace mcphub

namespace mcphub {

Result<qint64> AuditLogRepository::countChange(const QString &changeId) const
{
    SqlFilter where;
    where.add(QStringLiteral("change_id = :change"), {{QStringLiteral(":change"), changeId}});
    return countRows(QStringLiteral("access_logs"), where);
}

} // namespace mcphub
