#include "storage/migration/settingsentities.h"

#include "storage/db/tablesecrets.h"

#include <QCoreApplication>

namespace mcphub {

namespace {

FieldSpec text(const char *key, const char *column, QVariant whenAbsent = {})
{
    return {QString::fromLatin1(key), QString::fromLatin1(column), FieldKind::Text, whenAbsent};
}
FieldSpec flag(const char *key, const char *column, QVariant whenAbsent = {})
{
    return {QString::fromLatin1(key), QString::fromLatin1(column), FieldKind::Bool, whenAbsent};
}
FieldSpec integer(const char *key, const char *column)
{
    return {QString::fromLatin1(key), QString::fromLatin1(column), FieldKind::Int, {}};
}
FieldSpec json(const char *key, const char *column, QVariant whenAbsent = {})
{
    return {QString::fromLatin1(key), QString::fromLatin1(column), FieldKind::Json, whenAbsent};
}

RowRepository::Table table(const char *name,
                           const char *keyColumn,
                           const char *prefix,
                           const char *action,
                           QSet<QString> bools)
{
    RowRepository::Table t;
    t.name = QString::fromLatin1(name);
    t.keyColumn = QString::fromLatin1(keyColumn);
    t.resourcePrefix = QString::fromLatin1(prefix);
    t.action = QString::fromLatin1(action);
    t.boolColumns = std::move(bools);
    t.secretColumns = TableSecrets::secretColumns(t.name); // declared once, for every table
    return t;
}

QList<EntitySpec> makeEntities()
{
    const QString empty = QStringLiteral("");
    const QString emptyArray = QStringLiteral("[]");
    QList<EntitySpec> list;

    EntitySpec servers;
    servers.name = QStringLiteral("mcpServers");
    servers.labelSource = QT_TRANSLATE_NOOP("SettingsEntities", "servers");
    servers.shape = EntitySpec::Shape::Map;
    servers.fields = {text("type", "type", QStringLiteral("stdio")),
                      text("description", "description"),
                      text("url", "url"),
                      text("command", "command"),
                      json("args", "args"),
                      json("env", "env"),
                      json("headers", "headers"),
                      json("passthroughHeaders", "passthrough_headers"),
                      flag("enabled", "enabled", true),
                      text("owner", "owner"),
                      flag("enableKeepAlive", "enable_keep_alive"),
                      integer("keepAliveInterval", "keep_alive_interval"),
                      json("tools", "tools"),
                      json("prompts", "prompts"),
                      json("resources", "resources"),
                      json("options", "options"),
                      json("proxy", "proxy"),
                      json("oauth", "oauth"),
                      json("openapi", "openapi")};
    servers.table = table("mcp_servers",
                          "name",
                          "servers/",
                          "server",
                          {QStringLiteral("enabled"), QStringLiteral("enable_keep_alive")});
    list << servers;

    EntitySpec users;
    users.name = QStringLiteral("users");
    users.labelSource = QT_TRANSLATE_NOOP("SettingsEntities", "users");
    users.keyField = QStringLiteral("username");
    users.fields = {text("username", "username"),
                    text("password", "password", empty),
                    flag("isAdmin", "is_admin", false)};
    users.table = table("users", "username", "users/", "user", {QStringLiteral("is_admin")});
    users.table.hasUpdatedAt = false;
    list << users;

    EntitySpec groups;
    groups.name = QStringLiteral("groups");
    groups.labelSource = QT_TRANSLATE_NOOP("SettingsEntities", "groups");
    groups.keyField = QStringLiteral("id");
    groups.fields = {text("id", "id"),
                     text("name", "name", empty),
                     text("description", "description"),
                     json("servers", "servers", emptyArray),
                     text("owner", "owner")};
    groups.table = table("groups", "id", "groups/", "group", {});
    list << groups;

    EntitySpec keys;
    keys.name = QStringLiteral("bearerKeys");
    keys.labelSource = QT_TRANSLATE_NOOP("SettingsEntities", "bearer keys");
    keys.keyField = QStringLiteral("id");
    keys.fields = {text("id", "id"),
                   text("name", "name", empty),
                   text("token", "token", empty),
                   flag("enabled", "enabled", true),
                   text("accessType", "access_type", QStringLiteral("all")),
                   json("allowedGroups", "allowed_groups"),
                   json("allowedServers", "allowed_servers")};
    keys.table
        = table("bearer_keys", "id", "bearer-keys/", "bearer-key", {QStringLiteral("enabled")});
    list << keys;

    EntitySpec system;
    system.name = QStringLiteral("systemConfig");
    system.labelSource = QT_TRANSLATE_NOOP("SettingsEntities", "system settings");
    system.shape = EntitySpec::Shape::ValueMap;
    system.table = table("system_config", "key", "system-config/", "system-config", {});
    list << system;

    EntitySpec userConfigs;
    userConfigs.name = QStringLiteral("userConfigs");
    userConfigs.labelSource = QT_TRANSLATE_NOOP("SettingsEntities", "user configurations");
    userConfigs.shape = EntitySpec::Shape::ValueMap;
    userConfigs.table = table("user_configs", "username", "user-configs/", "user-config", {});
    list << userConfigs;

    EntitySpec clients;
    clients.name = QStringLiteral("oauthClients");
    clients.labelSource = QT_TRANSLATE_NOOP("SettingsEntities", "OAuth clients");
    clients.keyField = QStringLiteral("clientId");
    clients.fields = {text("clientId", "client_id"),
                      text("clientSecret", "client_secret"),
                      text("name", "name", empty),
                      json("redirectUris", "redirect_uris", emptyArray),
                      json("grants", "grants", emptyArray),
                      json("scopes", "scopes"),
                      text("owner", "owner"),
                      json("metadata", "metadata")};
    clients.table = table("oauth_clients", "client_id", "oauth-clients/", "oauth-client", {});
    list << clients;

    EntitySpec tokens;
    tokens.name = QStringLiteral("oauthTokens");
    tokens.labelSource = QT_TRANSLATE_NOOP("SettingsEntities", "OAuth tokens");
    tokens.keyField = QStringLiteral("accessToken");
    tokens.fields = {text("accessToken", "access_token"),
                     text("accessTokenExpiresAt", "access_token_expires_at"),
                     text("refreshToken", "refresh_token"),
                     text("refreshTokenExpiresAt", "refresh_token_expires_at"),
                     json("scope", "scope"),
                     text("clientId", "client_id", empty),
                     text("username", "username", empty)};
    tokens.table = table("oauth_tokens", "access_token", "oauth-tokens/", "oauth-token", {});
    list << tokens;

    EntitySpec prompts;
    prompts.name = QStringLiteral("prompts");
    prompts.labelSource = QT_TRANSLATE_NOOP("SettingsEntities", "prompts");
    prompts.keyField = QStringLiteral("id");
    prompts.fields = {text("id", "id"),
                      text("name", "name", empty),
                      text("title", "title"),
                      text("description", "description"),
                      text("template", "template", empty),
                      json("arguments", "arguments"),
                      flag("enabled", "enabled")};
    prompts.table = table("prompts", "id", "prompts/", "prompt", {QStringLiteral("enabled")});
    list << prompts;

    EntitySpec resources;
    resources.name = QStringLiteral("resources");
    resources.labelSource = QT_TRANSLATE_NOOP("SettingsEntities", "resources");
    resources.keyField = QStringLiteral("id");
    resources.fields = {text("id", "id"),
                        text("uri", "uri", empty),
                        text("name", "name"),
                        text("description", "description"),
                        text("mimeType", "mime_type"),
                        text("content", "content", empty),
                        flag("enabled", "enabled")};
    resources.table
        = table("resources", "id", "resources/", "resource", {QStringLiteral("enabled")});
    list << resources;
    return list;
}

} // namespace

RowRepository EntitySpec::repository(const RepositoryContext &context) const
{
    return RowRepository(context, table);
}

QString EntitySpec::label() const
{
    return QCoreApplication::translate("SettingsEntities", labelSource);
}

const FieldSpec *EntitySpec::field(const QString &jsonKey) const
{
    for (const FieldSpec &f : fields) {
        if (f.jsonKey == jsonKey)
            return &f;
    }
    return nullptr;
}

const QList<EntitySpec> &settingsEntities()
{
    static const QList<EntitySpec> entities = makeEntities();
    return entities;
}

const EntitySpec *settingsEntity(const QString &name)
{
    for (const EntitySpec &e : settingsEntities()) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

RowRepository::Table settingsDocumentTable()
{
    RowRepository::Table t
        = table("settings_document", "id", "settings-document/", "settings-document", {});
    t.orderBy = QStringLiteral("id");
    return t;
}

} // namespace mcphub
