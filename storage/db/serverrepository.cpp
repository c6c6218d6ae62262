#include "storage/db/serverrepository.h"

#include "storage/db/bearerkeyrepository.h"
#include "storage/db/grouprepository.h"

#include <QCoreApplication>

namespace mcphub {

namespace {

Error noSuchServer(const QString &resource)
{
    return Error::make(
        Error::Code::NotFound,
        QCoreApplication::translate("ServerRepository", "There is no MCP server with this name."),
        resource);
}

// The column a console column name is in MCPHub's servers table (mcphub-dbmode.md §1.2:
// TypeORM's camelCase names), or empty when MCPHub has none (the file's key order and unknown
// keys, the console's ordinal; updated_at is set to now() by updateMcphubRow).
QString mcphubColumn(const QString &console)
{
    static const QHash<QString, QString> renamed{
        {QStringLiteral("passthrough_headers"), QStringLiteral("passthroughHeaders")},
        {QStringLiteral("enable_keep_alive"), QStringLiteral("enableKeepAlive")},
        {QStringLiteral("keep_alive_interval"), QStringLiteral("keepAliveInterval")},
        {QStringLiteral("extra"), QString()},
        {QStringLiteral("key_order"), QString()},
        {QStringLiteral("ordinal"), QString()},
        {QStringLiteral("updated_at"), QString()}};
    return renamed.value(console, console);
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

QString ServerRepository::table() const
{
    return inMcphubDatabase() ? QStringLiteral("servers") : QStringLiteral("mcp_servers");
}

RepositoryBase::Columns ServerRepository::columns(const ServerRecord &s) const
{
    const Columns console = consoleColumns(s);
    if (!inMcphubDatabase())
        return console;
    Columns mcphub;
    for (const auto &[name, value] : console) {
        const QString column = mcphubColumn(name);
        if (column.isEmpty())
            continue;
        // "enableKeepAlive" is NOT NULL there (default false).
        mcphub.append({column,
                       column == QLatin1String("enableKeepAlive") && value.isNull()
                           ? QVariant(false)
                           : value});
    }
    return mcphub;
}

RepositoryBase::Columns ServerRepository::consoleColumns(const ServerRecord &s) const
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

ServerRecord
ServerRepository::withConsoleColumns(ServerRecord s,
                                     const std::function<QVariant(const QString &)> &column)
{
    const auto str = [&column](const char *name) {
        const QVariant v = column(QLatin1String(name));
        return v.isNull() ? QString() : v.toString();
    };
    s.type = str("type");
    s.description = str("description");
    s.command = str("command");
    s.args = str("args");
    s.url = str("url");
    s.env = str("env");
    s.headers = str("headers");
    s.passthroughHeaders = str("passthrough_headers");
    s.enabled = column(QStringLiteral("enabled")).toBool();
    s.owner = str("owner");
    const QVariant keepAlive = column(QStringLiteral("enable_keep_alive"));
    s.enableKeepAlive = keepAlive.isNull() ? std::nullopt : std::optional(keepAlive.toBool());
    const QVariant interval = column(QStringLiteral("keep_alive_interval"));
    s.keepAliveInterval = interval.isNull() ? std::nullopt : std::optional(interval.toLongLong());
    s.tools = str("tools");
    s.prompts = str("prompts");
    s.resources = str("resources");
    s.options = str("options");
    s.proxy = str("proxy");
    s.oauth = str("oauth");
    s.openapi = str("openapi");
    s.extra = str("extra");
    s.keyOrder = str("key_order");
    return s;
}

ServerRecord ServerRepository::fromRecord(const QSqlRecord &r) const
{
    if (inMcphubDatabase())
        return fromMcphubRecord(r);
    ServerRecord s;
    s.id = r.value(QStringLiteral("id")).toLongLong();
    s.name = r.value(QStringLiteral("name")).toString();
    s.ordinal = r.value(QStringLiteral("ordinal")).toInt();
    s.createdAt = timestamp(r, QStringLiteral("created_at"));
    s.updatedAt = timestamp(r, QStringLiteral("updated_at"));
    return withConsoleColumns(std::move(s),
                              [&r](const QString &column) { return r.value(column); });
}

ServerRecord ServerRepository::fromMcphubRecord(const QSqlRecord &r) const
{
    auto str = [&](const char *column) {
        return r.value(QLatin1String(column)).toString();
    };
    ServerRecord s;
    s.uuid = str("id");
    s.name = str("name");
    s.type = str("type");
    s.description = str("description");
    s.command = str("command");
    s.args = str("args");
    s.url = str("url");
    s.env = str("env");
    s.headers = str("headers");
    s.passthroughHeaders = str("passthroughHeaders");
    s.enabled = r.value(QStringLiteral("enabled")).toBool();
    s.owner = str("owner");
    s.enableKeepAlive = r.value(QStringLiteral("enableKeepAlive")).toBool();
    if (!r.isNull(QStringLiteral("keepAliveInterval")))
        s.keepAliveInterval = r.value(QStringLiteral("keepAliveInterval")).toLongLong();
    s.tools = str("tools");
    s.prompts = str("prompts");
    s.resources = str("resources");
    s.options = str("options");
    s.proxy = str("proxy");
    s.oauth = str("oauth");
    s.openapi = str("openapi");
    s.createdAt = SqlDialect::wallClockUtc(r.value(QStringLiteral("created_at")));
    s.updatedAt = SqlDialect::wallClockUtc(r.value(QStringLiteral("updated_at")));
    // A NULL type is inferred by MCPHub when it connects; a command means stdio. Read and
    // written alike, so the column stays NULL unless the type is changed.
    if (s.type.isEmpty() && !s.command.isEmpty())
        s.type = QStringLiteral("stdio");
    s.findings = McphubRowCheck::check(QStringLiteral("servers"), r);
    return s;
}

Result<qint64> ServerRepository::create(const ServerRecord &server)
{
    if (inMcphubDatabase()) {
        const auto done = audited(QStringLiteral("server.create"),
                                  QStringLiteral("servers/") + server.name,
                                  QStringLiteral("CREATE"),
                                  {},
                                  server.auditSummary(),
                                  [&]() -> Result<void> {
                                      // id, visibility, created_at: the table's defaults.
                                      const auto r = insertRow(table(), columns(server));
                                      if (!r)
                                          return r.error();
                                      return {};
                                  });
        if (!done)
            return done.error();
        return 0;
    }
    return createAudited(QStringLiteral("server.create"),
                         QStringLiteral("servers/") + server.name,
                         server.auditSummary(),
                         table(),
                         columns(server),
                         server.createdAt);
}

Result<void> ServerRepository::update(const ServerRecord &server, const ServerRecord *unedited)
{
    const auto old = inMcphubDatabase() ? findBy(QStringLiteral("id"), server.uuid)
                                        : findBy(QStringLiteral("id"), server.id);
    if (!old)
        return old.error();
    const QString resource = QStringLiteral("servers/") + server.name;
    if (!old->has_value())
        return noSuchServer(resource);
    const bool renaming = (*old)->name != server.name;
    if (renaming) {
        const auto taken = find(server.name);
        if (!taken)
            return taken.error();
        if (taken->has_value()) {
            return Error::make(Error::Code::Conflict,
                               QCoreApplication::translate("ServerTableModel",
                                                           "A server named \"%1\" already "
                                                           "exists. Choose another name.")
                                   .arg(server.name),
                               resource + QStringLiteral("/name"));
        }
    }
    // MCPHub's API renames the row, then rewrites the groups and bearer keys that name it
    // (serverController.ts:882-911); here all in this one transaction, each row audited.
    const auto renameReferences = [&]() -> Result<void> {
        if (!renaming)
            return {};
        if (auto groups = GroupRepository(context()).renameServer((*old)->name, server.name);
            !groups)
            return groups;
        return BearerKeyRepository(context()).renameServer((*old)->name, server.name);
    };
    if (inMcphubDatabase()) {
        return audited(QStringLiteral("server.update"),
                       resource,
                       QStringLiteral("UPDATE"),
                       (*old)->auditSummary(),
                       server.auditSummary(),
                       [&]() -> Result<void> {
                           const Columns asRead = unedited ? columns(*unedited) : Columns();
                           if (auto done = updateMcphubRow(table(),
                                                           server.uuid,
                                                           columns(**old),
                                                           columns(server),
                                                           resource,
                                                           unedited ? &asRead : nullptr);
                               !done)
                               return done;
                           return renameReferences();
                       });
    }
    return audited(QStringLiteral("server.update"),
                   resource,
                   QStringLiteral("UPDATE"),
                   (*old)->auditSummary(),
                   server.auditSummary(),
                   [&]() -> Result<void> {
                       const auto r
                           = updateRows(table(), columns(server), QStringLiteral("id"), server.id);
                       if (!r)
                           return r.error();
                       return renameReferences();
                   });
}

Result<void> ServerRepository::rename(const QString &oldName, const QString &newName)
{
    const auto old = find(oldName);
    if (!old)
        return old.error();
    if (!old->has_value())
        return noSuchServer(QStringLiteral("servers/") + oldName);
    ServerRecord renamed = **old;
    renamed.name = newName;
    return update(renamed);
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
                       if (inMcphubDatabase())
                           return updateMcphubRow(table(),
                                                  (*old)->uuid,
                                                  {{QStringLiteral("enabled"), (*old)->enabled}},
                                                  {{QStringLiteral("enabled"), enabled}},
                                                  resource);
                       const auto r
                           = updateRows(table(),
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
                       const auto r = deleteRows(table(), QStringLiteral("name"), name);
                       if (!r)
                           return r.error();
                       return {};
                   });
}

Result<std::optional<ServerRecord>> ServerRepository::findBy(const QString &column,
                                                             const QVariant &value) const
{
    return findByKey<ServerRecord>(
        table(), column, value, [this](const QSqlRecord &r) { return fromRecord(r); });
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
    const auto total = countRows(table(), where);
    if (!total)
        return total.error();
    const auto rows
        = selectRows(table(),
                     where,
                     inMcphubDatabase() ? QStringLiteral("name") : QStringLiteral("ordinal, name"),
                     page);
    if (!rows)
        return rows.error();
    Page<ServerRecord> result;
    result.total = *total;
    for (const QSqlRecord &r : *rows)
        result.items << fromRecord(r);
    return result;
}

} // namespace mcphub
