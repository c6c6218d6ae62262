#include "storage/db/serverrepository.h"

#include <QCoreApplication>

#include <limits>

namespace mcphub {

namespace {

Error noSuchServer(const QString &resource)
{
    return Error::make(
        Error::Code::NotFound,
        QCoreApplication::translate("ServerRepository", "There is no MCP server with this name."),
        resource);
}

} // namespace

QJsonObject ServerRecord::auditSummary() const
{
    QJsonObject summary{{QStringLiteral("name"), name},
                        {QStringLiteral("type"), type},
                        {QStringLiteral("enabled"), enabled}};
    if (!url.isEmpty())
        summary.insert(QStringLiteral("url"), url);
    if (!command.isEmpty())
        summary.insert(QStringLiteral("command"), command);
    if (!owner.isEmpty())
        summary.insert(QStringLiteral("owner"), owner);
    return summary;
}

RepositoryBase::Columns ServerRepository::columns(const ServerRecord &s) const
{
    const SqlDialect d = dialect();
    return {{QStringLiteral("name"), s.name},
            {QStringLiteral("type"), s.type},
            {QStringLiteral("description"), text(s.description)},
            {QStringLiteral("command"), text(s.command)},
            {QStringLiteral("args"), text(s.args)},
            {QStringLiteral("url"), text(s.url)},
            {QStringLiteral("env"), text(s.env)},
            {QStringLiteral("headers"), text(s.headers)},
            {QStringLiteral("passthrough_headers"), text(s.passthroughHeaders)},
            {QStringLiteral("enabled"), d.boolValue(s.enabled)},
            {QStringLiteral("owner"), text(s.owner)},
            {QStringLiteral("enable_keep_alive"),
             s.enableKeepAlive ? d.boolValue(*s.enableKeepAlive)
                               : QVariant(d.boolValue(false).metaType())},
            {QStringLiteral("keep_alive_interval"),
             s.keepAliveInterval ? QVariant(*s.keepAliveInterval)
                                 : QVariant(QMetaType::fromType<qint64>())},
            {QStringLiteral("tools"), text(s.tools)},
            {QStringLiteral("prompts"), text(s.prompts)},
            {QStringLiteral("resources"), text(s.resources)},
            {QStringLiteral("options"), text(s.options)},
            {QStringLiteral("proxy"), text(s.proxy)},
            {QStringLiteral("oauth"), text(s.oauth)},
            {QStringLiteral("openapi"), text(s.openapi)},
            {QStringLiteral("extra"), text(s.extra)},
            {QStringLiteral("key_order"), text(s.keyOrder)},
            {QStringLiteral("ordinal"), s.ordinal},
            {QStringLiteral("updated_at"), now()}};
}

ServerRecord ServerRepository::fromRecord(const QSqlRecord &r) const
{
    auto str = [&](const char *column) {
        return r.value(QLatin1String(column)).toString();
    };
    ServerRecord s;
    s.id = r.value(QStringLiteral("id")).toLongLong();
    s.name = str("name");
    s.type = str("type");
    s.description = str("description");
    s.command = str("command");
    s.args = str("args");
    s.url = str("url");
    s.env = str("env");
    s.headers = str("headers");
    s.passthroughHeaders = str("passthrough_headers");
    s.enabled = r.value(QStringLiteral("enabled")).toBool();
    s.owner = str("owner");
    if (!r.isNull(QStringLiteral("enable_keep_alive")))
        s.enableKeepAlive = r.value(QStringLiteral("enable_keep_alive")).toBool();
    if (!r.isNull(QStringLiteral("keep_alive_interval")))
        s.keepAliveInterval = r.value(QStringLiteral("keep_alive_interval")).toLongLong();
    s.tools = str("tools");
    s.prompts = str("prompts");
    s.resources = str("resources");
    s.options = str("options");
    s.proxy = str("proxy");
    s.oauth = str("oauth");
    s.openapi = str("openapi");
    s.extra = str("extra");
    s.keyOrder = str("key_order");
    s.ordinal = r.value(QStringLiteral("ordinal")).toInt();
    s.createdAt = timestamp(r, QStringLiteral("created_at"));
    s.updatedAt = timestamp(r, QStringLiteral("updated_at"));
    return s;
}

Result<qint64> ServerRepository::create(const ServerRecord &server)
{
    return createAudited(QStringLiteral("server.create"),
                         QStringLiteral("servers/") + server.name,
                         server.auditSummary(),
                         QStringLiteral("mcp_servers"),
                         columns(server),
                         server.createdAt);
}

Result<void> ServerRepository::update(const ServerRecord &server)
{
    const auto old = findBy(QStringLiteral("id"), server.id);
    if (!old)
        return old.error();
    const QString resource = QStringLiteral("servers/") + server.name;
    if (!old->has_value())
        return noSuchServer(resource);
    return audited(QStringLiteral("server.update"),
                   resource,
                   QStringLiteral("UPDATE"),
                   (*old)->auditSummary(),
                   server.auditSummary(),
                   [&]() -> Result<void> {
                       const auto r = updateRows(QStringLiteral("mcp_servers"),
                                                 columns(server),
                                                 QStringLiteral("id"),
                                                 server.id);
                       if (!r)
                           return r.error();
                       return {};
                   });
}

Result<void> ServerRepository::setEnabled(const QString &name, bool enabled)
{
    const auto old = find(name);
    if (!old)
        return old.error();
    const QString resource = QStringLiteral("servers/") + name;
    if (!old->has_value())
        return noSuchServer(resource);
    return audited(enabled ? QStringLiteral("server.enable") : QStringLiteral("server.disable"),
                   resource,
                   QStringLiteral("UPDATE"),
                   {{QStringLiteral("enabled"), (*old)->enabled}},
                   {{QStringLiteral("enabled"), enabled}},
                   [&]() -> Result<void> {
                       const auto r
                           = updateRows(QStringLiteral("mcp_servers"),
                                        {{QStringLiteral("enabled"), dialect().boolValue(enabled)},
                                         {QStringLiteral("updated_at"), now()}},
                                        QStringLiteral("name"),
                                        name);
                       if (!r)
                           return r.error();
                       return {};
                   });
}

Result<void> ServerRepository::remove(const QString &name)
{
    const auto old = find(name);
    if (!old)
        return old.error();
    const QString resource = QStringLiteral("servers/") + name;
    if (!old->has_value())
        return noSuchServer(resource);
    return audited(QStringLiteral("server.delete"),
                   resource,
                   QStringLiteral("DELETE"),
                   (*old)->auditSummary(),
                   {},
                   [&]() -> Result<void> {
                       const auto r = deleteRows(
                           QStringLiteral("mcp_servers"), QStringLiteral("name"), name);
                       if (!r)
                           return r.error();
                       return {};
                   });
}

Result<std::optional<ServerRecord>> ServerRepository::findBy(const QString &column,
                                                             const QVariant &value) const
{
    return findByKey<ServerRecord>(QStringLiteral("mcp_servers"),
                                   column,
                                   value,
                                   [this](const QSqlRecord &r) { return fromRecord(r); });
}

Result<std::optional<ServerRecord>> ServerRepository::find(const QString &name) const
{
    return findBy(QStringLiteral("name"), name);
}

Result<Page<ServerRecord>> ServerRepository::list(const ServerFilter &filter,
                                                  const PageRequest &page) const
{
    const SqlDialect d = dialect();
    SqlFilter where;
    if (!filter.search.isEmpty()) {
        where.add(QStringLiteral("(%1 OR %2)")
                      .arg(d.containsExpression(QStringLiteral("name"), QStringLiteral(":s1")),
                           d.containsExpression(QStringLiteral("coalesce(description, '')"),
                                                QStringLiteral(":s2"))),
                  {{QStringLiteral(":s1"), filter.search}, {QStringLiteral(":s2"), filter.search}});
    }
    if (!filter.type.isEmpty())
        where.add(QStringLiteral("type = :type"), {{QStringLiteral(":type"), filter.type}});
    if (filter.enabled)
        where.add(QStringLiteral("enabled = :enabled"),
                  {{QStringLiteral(":enabled"), d.boolValue(*filter.enabled)}});
    if (!filter.owner.isEmpty())
        where.add(QStringLiteral("owner = :owner"), {{QStringLiteral(":owner"), filter.owner}});
    const auto total = countRows(QStringLiteral("mcp_servers"), where);
    if (!total)
        return total.error();
    const auto rows
        = selectRows(QStringLiteral("mcp_servers"), where, QStringLiteral("ordinal, name"), page);
    if (!rows)
        return rows.error();
    Page<ServerRecord> result;
    result.total = *total;
    for (const QSqlRecord &r : *rows)
        result.items << fromRecord(r);
    return result;
}

Result<QStringList> ServerRepository::names() const
{
    const QString table = context().kind == WorkspaceKind::McphubDatabase
                              ? QStringLiteral("servers")
                              : QStringLiteral("mcp_servers");
    QStringList names;
    const auto read = forEachRow(table,
                                 {QStringLiteral("name")},
                                 {},
                                 QStringLiteral("name"),
                                 {0, std::numeric_limits<int>::max(), false},
                                 [&](const QSqlQuery &q) { names << q.value(0).toString(); });
    if (!read)
        return read.error();
    return names;
}

} // namespace mcphub
