#include "storage/db/grouprepository.h"

#include "storage/db/sqlerror.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace mcphub {

QJsonObject GroupRecord::auditSummary() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("servers"), QJsonDocument::fromJson(servers.toUtf8()).array().size()}};
}

RepositoryBase::Columns GroupRepository::columns(const GroupRecord &g) const
{
    if (inMcphubDatabase()) {
        // MCPHub's groups (mcphub-dbmode.md §1.2): servers is NOT NULL JSON text, server
        // names or {name, tools...} entries with unprefixed tool names, as in the file.
        return {{QStringLiteral("name"), g.name},
                {QStringLiteral("description"), text(g.description)},
                {QStringLiteral("servers"), g.servers.isEmpty() ? QStringLiteral("[]") : g.servers},
                {QStringLiteral("owner"), text(g.owner)}};
    }
    return {{QStringLiteral("name"), g.name},
            {QStringLiteral("description"), text(g.description)},
            {QStringLiteral("servers"), g.servers.isEmpty() ? QStringLiteral("[]") : g.servers},
            {QStringLiteral("owner"), text(g.owner)},
            {QStringLiteral("extra"), text(g.extra)},
            {QStringLiteral("key_order"), text(g.keyOrder)},
            {QStringLiteral("ordinal"), g.ordinal},
            {QStringLiteral("updated_at"), now()}};
}

GroupRecord GroupRepository::fromRecord(const QSqlRecord &r) const
{
    auto str = [&](const char *column) {
        return r.value(QLatin1String(column)).toString();
    };
    GroupRecord g;
    g.id = str("id");
    g.name = str("name");
    g.description = str("description");
    g.servers = str("servers");
    g.owner = str("owner");
    if (inMcphubDatabase()) {
        g.createdAt = SqlDialect::wallClockUtc(r.value(QStringLiteral("created_at")));
        g.updatedAt = SqlDialect::wallClockUtc(r.value(QStringLiteral("updated_at")));
        g.findings = McphubRowCheck::check(QStringLiteral("groups"), r);
        return g;
    }
    g.extra = str("extra");
    g.keyOrder = str("key_order");
    g.ordinal = r.value(QStringLiteral("ordinal")).toInt();
    g.createdAt = timestamp(r, QStringLiteral("created_at"));
    g.updatedAt = timestamp(r, QStringLiteral("updated_at"));
    return g;
}

Result<void> GroupRepository::create(const GroupRecord &group)
{
    GroupRecord g = group;
    if (g.id.isEmpty())
        g.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return audited(QStringLiteral("group.create"),
                   QStringLiteral("groups/") + g.id,
                   QStringLiteral("CREATE"),
                   {},
                   g.auditSummary(),
                   [&]() -> Result<void> {
                       Columns values = columns(g);
                       values.prepend({QStringLiteral("id"), g.id});
                       if (!inMcphubDatabase()) // there: created_at is the table's default
                           values.append(
                               {QStringLiteral("created_at"),
                                dialect().timestampValue(g.createdAt.isValid()
                                                             ? g.createdAt
                                                             : QDateTime::currentDateTimeUtc())});
                       const auto r = insertRow(QStringLiteral("groups"), values);
                       if (!r)
                           return r.error();
                       return {};
                   });
}

Result<void> GroupRepository::update(const GroupRecord &group, const GroupRecord *unedited)
{
    const auto old = find(group.id);
    if (!old)
        return old.error();
    const QString resource = QStringLiteral("groups/") + group.id;
    if (!old->has_value()) {
        return Error::make(
            Error::Code::NotFound,
            QCoreApplication::translate("GroupRepository", "There is no group with this id."),
            resource);
    }
    return audited(QStringLiteral("group.update"),
                   resource,
                   QStringLiteral("UPDATE"),
                   (*old)->auditSummary(),
                   group.auditSummary(),
                   [&]() -> Result<void> {
                       if (inMcphubDatabase()) {
                           const Columns asRead = unedited ? columns(*unedited) : Columns();
                           return updateMcphubRow(QStringLiteral("groups"),
                                                  group.id,
                                                  columns(**old),
                                                  columns(group),
                                                  resource,
                                                  unedited ? &asRead : nullptr);
                       }
                       const auto r = updateRows(QStringLiteral("groups"),
                                                 columns(group),
                                                 QStringLiteral("id"),
                                                 group.id);
                       if (!r)
                           return r.error();
                       return {};
                   });
}

Result<void> GroupRepository::remove(const QString &id)
{
    const auto old = find(id);
    if (!old)
        return old.error();
    const QString resource = QStringLiteral("groups/") + id;
    if (!old->has_value()) {
        return Error::make(
            Error::Code::NotFound,
            QCoreApplication::translate("GroupRepository", "There is no group with this id."),
            resource);
    }
    return audited(QStringLiteral("group.delete"),
                   resource,
                   QStringLiteral("DELETE"),
                   (*old)->auditSummary(),
                   {},
                   [&]() -> Result<void> {
                       const auto r
                           = deleteRows(QStringLiteral("groups"), QStringLiteral("id"), id);
                       if (!r)
                           return r.error();
                       return {};
                   });
}

Result<std::optional<GroupRecord>> GroupRepository::find(const QString &id) const
{
    return findByKey<GroupRecord>(QStringLiteral("groups"),
                                  QStringLiteral("id"),
                                  id,
                                  [this](const QSqlRecord &r) { return fromRecord(r); });
}

Result<Page<GroupRecord>> GroupRepository::list(const GroupFilter &filter,
                                                const PageRequest &page) const
{
    SqlFilter where;
    if (!filter.search.isEmpty())
        where.add(dialect().containsExpression(QStringLiteral("name"), QStringLiteral(":s")),
                  {{QStringLiteral(":s"), filter.search}});
    if (!filter.owner.isEmpty())
        where.add(QStringLiteral("owner = :owner"), {{QStringLiteral(":owner"), filter.owner}});
    const auto total = countRows(QStringLiteral("groups"), where);
    if (!total)
        return total.error();
    const auto rows = selectRows(QStringLiteral("groups"),
                                 where,
                                 inMcphubDatabase() ? QStringLiteral("created_at, id")
                                                    : QStringLiteral("ordinal, name, id"),
                                 page);
    if (!rows)
        return rows.error();
    // MCPHub's groups name servers by name, with no foreign key: members naming no server
    // are findings of the group (MCPHub skips them).
    QSet<QString> serverNames;
    if (inMcphubDatabase() && !rows->isEmpty()) {
        QSqlQuery names(db());
        names.setForwardOnly(true);
        if (!names.exec(QStringLiteral("SELECT name FROM servers")))
            return sqlError(names.lastError(),
                            context().where + QStringLiteral(": servers"),
                            QCoreApplication::translate("Repository", "Cannot read the rows."));
        while (names.next())
            serverNames.insert(names.value(0).toString());
    }
    Page<GroupRecord> result;
    result.total = *total;
    for (const QSqlRecord &r : *rows) {
        result.items << fromRecord(r);
        if (inMcphubDatabase())
            result.items.last().findings << McphubRowCheck::missingServers(r, serverNames);
    }
    return result;
}

} // namespace mcphub
