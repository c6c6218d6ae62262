#include "storage/db/workspacecapabilities.h"

#include <QMap>

namespace mcphub {

namespace {

constexpr unsigned bit(WorkspaceKind kind)
{
    return 1u << unsigned(kind);
}

constexpr unsigned kFile = bit(WorkspaceKind::SettingsFile);
constexpr unsigned kConsole = bit(WorkspaceKind::ConsoleDatabase);
// MCPHub's own database (mcphub-dbmode.md §1.2): to be checked again when that workspace is
// built; its users also have `email` and `sso_user_id`, its servers `visibility`.
constexpr unsigned kMcphub = bit(WorkspaceKind::McphubDatabase);
constexpr unsigned kEverywhere = kFile | kConsole | kMcphub;

using Use = WorkspaceCapabilities::McphubUse;

// The declaration. A new editable field gets a row here, and a sample value in
// tst_workspacecapabilities (which fails until it has one).
const QList<WorkspaceCapabilities::Field> &declaration()
{
    static const QList<WorkspaceCapabilities::Field> fields{
        // users (mcphub.md §1.3: {username, password, isAdmin?}, nothing else)
        {"users",
         "username",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities",
                           "The name the user signs in with. MCPHub cannot rename users.")},
        {"users",
         "isAdmin",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities",
                           "Administrators manage MCPHub; the last one can be neither deleted "
                           "nor demoted.")},
        {"users",
         "status",
         Use::ConsoleOnly,
         true,
         kConsole,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities",
                           "MCPHub never reads it: a user marked \"disabled\" can still sign "
                           "in. To stop a user signing in, delete the user or change the "
                           "password.")},
        {"users",
         "email",
         Use::ConsoleOnly,
         true,
         kConsole,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities",
                           "MCPHub's users have no e-mail; the console keeps it as a note.")},
        {"users",
         "fullName",
         Use::ConsoleOnly,
         true,
         kConsole,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities",
                           "MCPHub's users have no full name; the console keeps it as a note.")},
        {"users",
         "lastLoginAt",
         Use::ConsoleOnly,
         false,
         kConsole,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities",
                           "Kept by the console; MCPHub does not record sign-ins.")},
        {"users",
         "password",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities", "The bcrypt hash MCPHub checks at sign-in.")},

        // mcpServers (mcphub.md §1.2)
        {"mcpServers",
         "name",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities",
                           "The server's key: its tools are named <server>-<tool> and it is "
                           "reachable at /mcp/<server>.")},
        {"mcpServers",
         "type",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities", "How MCPHub connects to the server.")},
        {"mcpServers",
         "enabled",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities",
                           "A disabled server is not connected and its tools are not offered.")},
        {"mcpServers",
         "description",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities", "Shown in MCPHub's dashboard.")},
        {"mcpServers",
         "owner",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities",
                           "The creating user: non-administrators see their own servers.")},
        {"mcpServers",
         "command",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities",
                           "The program MCPHub starts (stdio); ${VAR} is expanded.")},
        {"mcpServers",
         "args",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities",
                           "The program's arguments (stdio); ${VAR} is expanded.")},
        {"mcpServers",
         "env",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities",
                           "The program's environment (stdio); ${VAR} is expanded.")},
        {"mcpServers",
         "url",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities",
                           "Where MCPHub connects (sse, streamable-http); ${VAR} is expanded.")},
        {"mcpServers",
         "headers",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities",
                           "Request headers sent upstream; ${VAR} is expanded.")},
        {"mcpServers",
         "passthroughHeaders",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities",
                           "Names of client request headers forwarded upstream.")},
        {"mcpServers",
         "enableKeepAlive",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities", "MCPHub pings the server every interval.")},
        {"mcpServers",
         "keepAliveInterval",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities", "The keep-alive interval in milliseconds.")},
        {"mcpServers",
         "openapiUrl",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities",
                           "Where MCPHub reads the OpenAPI specification; ${VAR} is expanded.")},
        {"mcpServers",
         "openapiSchema",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities", "An inline OpenAPI specification.")},
        {"mcpServers",
         "openapiSecurity",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities", "How MCPHub authenticates to the API.")},
        {"mcpServers",
         "tools",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities",
                           "Per-tool enable/disable and description overrides.")},

        // groups (mcphub.md §1.4)
        {"groups",
         "name",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities",
                           "Clients can route to a group by its name when enabled.")},
        {"groups",
         "description",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities", "Shown in MCPHub's dashboard.")},
        {"groups",
         "owner",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities", "The user who manages the group.")},
        {"groups",
         "servers",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities",
                           "The servers (and their tools) the group offers.")},

        // bearerKeys (mcphub.md §1.5)
        {"bearerKeys",
         "name",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities", "Recorded with every call made with the key.")},
        {"bearerKeys",
         "token",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities", "The secret clients send.")},
        {"bearerKeys",
         "enabled",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities", "A disabled key is refused.")},
        {"bearerKeys",
         "accessType",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities",
                           "What the key reaches: all, groups, servers or custom.")},
        {"bearerKeys",
         "allowedGroups",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities", "The groups a restricted key reaches.")},
        {"bearerKeys",
         "allowedServers",
         Use::Applied,
         true,
         kEverywhere,
         QT_TRANSLATE_NOOP("WorkspaceCapabilities", "The servers a restricted key reaches.")},
    };
    return fields;
}

// Registries that are not MCPHub's settings: the hubs the console monitors. In MCPHub's
// database they live in the console's own schema, mcphub_admin (its 0002_hubs).
constexpr unsigned kHubRegistry = kConsole | kMcphub;

} // namespace

bool WorkspaceCapabilities::Field::storedIn(WorkspaceKind kind) const
{
    return (storedBy & bit(kind)) != 0;
}

QString WorkspaceCapabilities::Field::effectText() const
{
    return QCoreApplication::translate("WorkspaceCapabilities", effect);
}

const QList<WorkspaceCapabilities::Field> &WorkspaceCapabilities::fields()
{
    return declaration();
}

QList<WorkspaceKind> WorkspaceCapabilities::kinds()
{
    return {
        WorkspaceKind::SettingsFile, WorkspaceKind::ConsoleDatabase, WorkspaceKind::McphubDatabase};
}

bool WorkspaceCapabilities::canOpen(WorkspaceKind kind)
{
    Q_UNUSED(kind)
    return true;
}

WorkspaceCapabilities::WorkspaceCapabilities(WorkspaceKind kind)
    : m_kind(kind)
{}

QString WorkspaceCapabilities::kindName() const
{
    switch (m_kind) {
    case WorkspaceKind::SettingsFile:
        return tr("a settings file");
    case WorkspaceKind::ConsoleDatabase:
        return tr("the console's database");
    case WorkspaceKind::McphubDatabase:
        return tr("MCPHub's database");
    }
    return {};
}

const WorkspaceCapabilities::Field *WorkspaceCapabilities::field(const QString &entity,
                                                                 const QString &name)
{
    for (const Field &f : declaration()) {
        if (entity == QLatin1String(f.entity) && name == QLatin1String(f.name))
            return &f;
    }
    return nullptr;
}

bool WorkspaceCapabilities::stores(const QString &entity, const QString &name) const
{
    const Field *f = field(entity, name);
    return f && f->storedIn(m_kind);
}

bool WorkspaceCapabilities::consoleOnly(const QString &entity, const QString &name) const
{
    const Field *f = field(entity, name);
    return f && f->use == McphubUse::ConsoleOnly;
}

QStringList WorkspaceCapabilities::storedFields(const QString &entity, bool editableOnly) const
{
    QStringList names;
    for (const Field &f : declaration()) {
        if (entity == QLatin1String(f.entity) && f.storedIn(m_kind)
            && (f.editable || !editableOnly))
            names << QString::fromLatin1(f.name);
    }
    return names;
}

bool WorkspaceCapabilities::hasHubRegistry() const
{
    return (kHubRegistry & bit(m_kind)) != 0;
}

QString WorkspaceCapabilities::serverChangeNote() const
{
    if (m_kind != WorkspaceKind::McphubDatabase)
        return {};
    // The text keeps the context of the Servers page, where it was first said.
    return QCoreApplication::translate("ServerTableModel",
                                       "A running hub starts, stops or reloads a server changed "
                                       "in its database only when told: the hubs registered "
                                       "under Hubs in this workspace are told now; toggle or "
                                       "reload the server in the dashboard of any other hub on "
                                       "this database, or restart it.");
}

bool WorkspaceCapabilities::runsConsoleTable(const QString &table) const
{
    if (m_kind != WorkspaceKind::McphubDatabase)
        return true;
    static const QStringList built{QStringLiteral("users"),
                                   QStringLiteral("bearer_keys"),
                                   QStringLiteral("groups"),
                                   QStringLiteral("servers"),
                                   QStringLiteral("mcp_usage_logs"),
                                   QStringLiteral("activities"),
                                   QStringLiteral("system_config"),
                                   QStringLiteral("access_logs"),
                                   QStringLiteral("migration_runs"),
                                   // the hub registry, in the console's schema
                                   QStringLiteral("hubs"),
                                   QStringLiteral("hub_samples"),
                                   QStringLiteral("hub_server_status"),
                                   QStringLiteral("hub_settings"),
                                   QStringLiteral("hub_events"),
                                   // RecordRepository: MCPHub's own tables of these entities
                                   // (RecordEntity's hubTable); the console's RowRepository
                                   // still refuses them.
                                   QStringLiteral("oauth_clients"),
                                   QStringLiteral("builtin_prompts"),
                                   QStringLiteral("builtin_resources"),
                                   QStringLiteral("user_configs")};
    return built.contains(table);
}

Error WorkspaceCapabilities::consoleTableNotBuilt(const QString &table, const QString &where) const
{
    return Error::make(Error::Code::Invalid,
                       tr("This version of the console edits only the users, servers, groups, "
                          "bearer keys and system configuration of MCPHub's database and reads "
                          "its usage log; %1 is "
                          "not read or written here yet, so nothing was changed. Use MCPHub's "
                          "dashboard for it, or migrate the hub's settings file into a console "
                          "database.")
                           .arg(table),
                       where.isEmpty() ? table : where + QStringLiteral(": ") + table);
}

QString WorkspaceCapabilities::noHubRegistryMessage() const
{
    return tr("Hubs are registered and monitored in a database (the console's own SQLite or "
              "PostgreSQL database, or an MCPHub database); %1 has no place for them, so hubs "
              "added here would be lost when it is closed. Open a database to monitor hubs.")
        .arg(kindName());
}

Error WorkspaceCapabilities::notStored(const QString &entity,
                                       const QString &name,
                                       const QString &where) const
{
    const Field *f = field(entity, name);
    const QString why = f ? f->effectText() : QString();
    QString kind = kindName(); // starts the sentence
    if (!kind.isEmpty())
        kind[0] = kind.at(0).toUpper();
    return Error::make(Error::Code::Invalid,
                       tr("%1 has no place for the field \"%2\" of %3, so it was not changed "
                          "(nothing was written). %4 Keep such values in the console's "
                          "database (SQLite or PostgreSQL).")
                           .arg(kind, name, entity, why),
                       where.isEmpty() ? entity + QLatin1Char('/') + name : where);
}

const QList<WorkspaceCapabilities::SystemConfigColumn> &
WorkspaceCapabilities::mcphubSystemConfigColumns()
{
    using V = SystemConfigValue;
    using S = HubSees;
    // In the table's column order (src/db/entities/SystemConfig.ts).
    static const QList<SystemConfigColumn> columns{
        {"routing", V::Json, S::NextRequest},
        {"install", V::Json, S::NotEstablished},
        {"smartRouting", V::Json, S::NextRequest},
        {"toolResultCompression", V::Json, S::WhenToldOrRestart},
        {"mcpRouter", V::Json, S::NotEstablished},
        {"nameSeparator", V::Name, S::WhenToldOrRestart},
        {"oauth", V::Json, S::RestartOnly},
        {"oauthServer", V::Json, S::RestartOnly},
        {"auth", V::Json, S::RestartOnly},
        {"enableSessionRebuild", V::Boolean, S::NextRequest},
        {"discovery", V::Json, S::FromSettingsFile},
        {"activityLog", V::Json, S::WhenToldOrRestart},
    };
    return columns;
}

const WorkspaceCapabilities::SystemConfigColumn *
WorkspaceCapabilities::mcphubSystemConfigColumn(const QString &key)
{
    for (const SystemConfigColumn &c : mcphubSystemConfigColumns()) {
        if (key == QLatin1String(c.key))
            return &c;
    }
    return nullptr;
}

QStringList WorkspaceCapabilities::systemConfigKeys() const
{
    QStringList keys;
    if (m_kind != WorkspaceKind::McphubDatabase)
        return keys;
    for (const SystemConfigColumn &c : mcphubSystemConfigColumns())
        keys << QString::fromLatin1(c.key);
    return keys;
}

bool WorkspaceCapabilities::storesSystemConfigKey(const QString &key) const
{
    if (key.isEmpty())
        return false;
    return m_kind != WorkspaceKind::McphubDatabase || mcphubSystemConfigColumn(key);
}

QString WorkspaceCapabilities::systemConfigEffect(const QString &key) const
{
    return systemConfigEffect(QStringList{key});
}

QString WorkspaceCapabilities::systemConfigEffect(const QStringList &keys) const
{
    if (m_kind != WorkspaceKind::McphubDatabase)
        return {};
    QMap<HubSees, QStringList> byEffect;
    for (const QString &key : keys) {
        const SystemConfigColumn *column = mcphubSystemConfigColumn(key);
        if (column && !byEffect.value(column->seen).contains(key))
            byEffect[column->seen] << key;
    }
    QStringList sentences;
    for (auto it = byEffect.cbegin(); it != byEffect.cend(); ++it) {
        const QString names = it.value().join(QStringLiteral(", "));
        switch (it.key()) {
        case HubSees::NextRequest:
            sentences << tr("A running hub reads %1 from its database on every request: the "
                            "change takes effect with the next request.")
                             .arg(names);
            break;
        case HubSees::WhenToldOrRestart:
            sentences << tr("A running hub keeps the %1 it read at startup and is not told of "
                            "this change: it takes effect after PUT /api/system-config to the "
                            "hub (which re-reads the row) or a restart of the hubs on this "
                            "database.")
                             .arg(names);
            break;
        case HubSees::RestartOnly:
            sentences << tr("A running hub reads %1 only when it starts: restart the hubs on "
                            "this database for the change to take effect.")
                             .arg(names);
            break;
        case HubSees::FromSettingsFile:
            sentences << tr("MCPHub reads %1 from its settings file even in database mode, so "
                            "a running hub does not act on the value stored here.")
                             .arg(names);
            break;
        case HubSees::NotEstablished:
            sentences << tr("When a running hub reads %1 again is not established: to be sure "
                            "it is used, send PUT /api/system-config to the hub or restart the "
                            "hubs on this database.")
                             .arg(names);
            break;
        }
    }
    return sentences.join(QLatin1Char(' '));
}

} // namespace mcphub
