#include "storage/db/grouprepository.h"

#include "storage/db/sqlerror.h"
#include "storage/settings/mcphubjsonwriter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <nlohmann/json.hpp>

namespace mcphub {

namespace {

// The name of one entry of a group's servers: a plain name or {name, ...}.
QString memberName(const nlohmann::ordered_json &entry)
{
    if (entry.is_string())
        return QString::fromStdString(entry.get<std::string>());
    if (entry.is_object() && entry.contains("name") && entry.at("name").is_string())
        return QString::fromStdString(entry.at("name").get<std::string>());
    return {};
}

nlohmann::ordered_json parsedServers(const QString &servers)
{
    return nlohmann::ordered_json::parse(servers.toStdString(), nullptr, false);
}

} // namespace

QStringList GroupRecord::memberNames() const
{
    QStringList names;
    const nlohmann::ordered_json array = parsedServers(servers);
    if (!array.is_array())
        return names;
    for (const auto &entry : array)
        names << memberName(entry);
    return names;
}

QString GroupRecord::serversWithMembers(const QStringList &names) const
{
    const nlohmann::ordered_json stored = parsedServers(servers);
    if (stored.is_array() && memberNames() == names)
        return servers;
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const QString &name : names) {
        bool kept = false;
        for (const auto &entry : stored.is_array() ? stored : nlohmann::ordered_json::array()) {
            if (memberName(entry) == name) {
                array.push_back(entry);
                kept = true;
                break;
            }
        }
        if (!kept)
            array.push_back(name.toStdString());
    }
    return QString::fromUtf8(McpHubJsonWriter::write(array, 0));
}

std::optional<QString> GroupRecord::serversRenaming(const QString &oldName,
                                                    const QString &newName) const
{
    nlohmann::ordered_json array = parsedServers(servers);
    if (!array.is_array())
        return std::nullopt;
    bool renamed = false;
    for (auto &entry : array) {
        if (memberName(entry) != oldName)
            continue;
        // As MCPHub's GroupDao.updateServerName: "name" or {...server, name: newName}, the
        // entry's other keys kept in their order.
        if (entry.is_string())
            entry = newName.toStdString();
        else
            entry["name"] = newName.toStdString();
        renamed = true;
    }
    if (!renamed)
        return std::nullopt;
    return QString::fromUtf8(McpHubJsonWriter::write(array, 0));
}

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

Result<QList<GroupRecord>> GroupRepository::all() const
{
    return allPages<GroupRecord>([this](const PageRequest &page) { return list({}, page); });
}

Result<QList<GroupRecord>> GroupRepository::findByNameOrId(const QString &nameOrId) const
{
    return RepositoryBase::findByNameOrId<GroupRecord>(
        QStringLiteral("groups"), nameOrId, [this](const QSqlRecord &r) { return fromRecord(r); });
}

Result<void> GroupRepository::renameServer(const QString &oldName, const QString &newName)
{
    const auto groups = all();
    if (!groups)
        return groups.error();
    for (GroupRecord group : *groups) {
        // A list MCPHub cannot load is left as it is (it is named on its row).
        const auto renamed = group.serversRenaming(oldName, newName);
        if (!renamed)
            continue;
        group.servers = *renamed;
        if (auto done = update(group); !done)
            return done;
    }
    return {};
}

} // namespace mcphub
