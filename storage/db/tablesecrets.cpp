#include "storage/db/tablesecrets.h"

namespace mcphub {

namespace {

QList<TableSecrets::Table> makeTables()
{
    const QString extra = QStringLiteral("extra");
    return {
        // MCPHub's settings, one table per entity (0001).
        {QStringLiteral("users"),
         {QStringLiteral("password"), QStringLiteral("access_token"), extra}},
        {QStringLiteral("mcp_servers"),
         {QStringLiteral("env"),
          QStringLiteral("headers"),
          QStringLiteral("oauth"),
          QStringLiteral("proxy"),
          QStringLiteral("openapi"),
          extra}},
        {QStringLiteral("groups"), {extra}},
        {QStringLiteral("bearer_keys"), {QStringLiteral("token"), extra}},
        {QStringLiteral("system_config"), {QStringLiteral("value")}}, // API keys, smart routing
        {QStringLiteral("user_configs"), {QStringLiteral("value")}},
        {QStringLiteral("oauth_clients"), {QStringLiteral("client_secret"), extra}},
        {QStringLiteral("oauth_tokens"),
         {QStringLiteral("access_token"), QStringLiteral("refresh_token"), extra}},
        {QStringLiteral("prompts"), {extra}},
        {QStringLiteral("resources"), {extra}},
        // The top level of the settings file: its unknown keys.
        {QStringLiteral("settings_document"), {extra}},
        // Logs: a tool call's arguments may carry credentials.
        {QStringLiteral("mcp_usage_logs"), {QStringLiteral("arguments")}},
        {QStringLiteral("access_logs"), {}},
        // Hub monitoring (0002): passwords and keys live in the keychain only.
        {QStringLiteral("hubs"), {}},
        {QStringLiteral("hub_samples"), {}},
        {QStringLiteral("hub_server_status"), {}},
        {QStringLiteral("hub_settings"), {}},
        // Hub events (0004): alerts as they were shown, who acknowledged them.
        {QStringLiteral("hub_events"), {}},
        // Migration runs (0003): the change log holds entities before and after.
        {QStringLiteral("migration_runs"), {QStringLiteral("changes")}},
        {QStringLiteral("schema_migrations"), {}},
        // Change outbox (0006): audit summaries only, never a secret (ChangeFeed).
        {QStringLiteral("change_outbox"), {}},
    };
}

} // namespace

const QList<TableSecrets::Table> &TableSecrets::tables()
{
    static const QList<Table> list = makeTables();
    return list;
}

QSet<QString> TableSecrets::secretColumns(const QString &table)
{
    for (const Table &t : tables()) {
        if (t.name == table)
            return t.secretColumns;
    }
    return {};
}

} // namespace mcphub
