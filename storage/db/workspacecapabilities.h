#pragma once

#include "storage/db/workspacekind.h"
#include "storage/error.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace mcphub {

// What each kind of workspace stores and what MCPHub does with it: one declaration (a table
// of entity fields and registries, like KMyMoney's per-storage capabilities) read by the
// table models and editors (they offer only the fields the open workspace stores, and label
// those MCPHub never reads as console-only), by the services and the CLI (they refuse the
// others, saying why) and by the tests (every editable field x every kind round-trips).
// Field names are the editors' keys, which are MCPHub's JSON keys where MCPHub has one
// ("isAdmin"); entities are the settings file's top-level keys ("users", "mcpServers").
// Facts from the MCPHub references (mcphub.md §1.2-1.5, mcphub-dbmode.md §1). Immutable.
class WorkspaceCapabilities
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceCapabilities)

public:
    // What MCPHub does with a stored field.
    enum class McphubUse {
        Applied,     // MCPHub reads it and acts on it (sign-in, routing, visibility, ...)
        ConsoleOnly, // MCPHub never reads it: a note for the console's administrators
    };

    struct Field
    {
        const char *entity = ""; // "users"
        const char *name = "";   // "status"
        McphubUse use = McphubUse::Applied;
        bool editable = true;    // false: shown, never edited (last login)
        unsigned storedBy = 0;   // bit per WorkspaceKind (storedIn())
        const char *effect = ""; // untranslated: what MCPHub does with it

        bool storedIn(WorkspaceKind kind) const;
        QString effectText() const; // translated
    };

    // Every declared field, of every entity, in the editors' order.
    static const QList<Field> &fields();
    static QList<WorkspaceKind> kinds();
    // Whether the console can open a workspace of this kind yet.
    static bool canOpen(WorkspaceKind kind);

    explicit WorkspaceCapabilities(WorkspaceKind kind);
    WorkspaceKind kind() const { return m_kind; }
    QString kindName() const; // translated, "a settings file"

    // The declaration of entity.field, or nullptr when it is not declared.
    static const Field *field(const QString &entity, const QString &name);
    // Whether this kind stores entity.field (false for an undeclared field).
    bool stores(const QString &entity, const QString &name) const;
    bool consoleOnly(const QString &entity, const QString &name) const;
    // The declared fields of `entity` this kind stores (and can be edited when `editable`).
    QStringList storedFields(const QString &entity, bool editableOnly = false) const;

    // Whether hubs can be registered and monitored: their registry and samples live in the
    // console's database, or in its schema mcphub_admin of MCPHub's database; a settings file
    // has no place for them.
    bool hasHubRegistry() const;
    QString noHubRegistryMessage() const; // translated: why, and what to open instead

    // What to tell the administrator after a server was added, changed, enabled, disabled,
    // renamed or removed (translated), or empty when the workspace needs no note: a running
    // hub on MCPHub's database starts, stops or reloads a server only when told
    // (mcphub-dbmode.md §2.4). Said by the console after Apply and by the CLI.
    QString serverChangeNote() const;

    // Whether the console's repository code for `table` (a table of the console's schema:
    // "mcp_servers", "groups", ...) runs on this kind. In MCPHub's database, whose tables
    // differ, only what has been written for them runs (users, the usage log over
    // activities, the console's own audit trail and migration runs); the rest is refused
    // rather than read or written with the console's columns.
    bool runsConsoleTable(const QString &table) const;
    // Error::Code::Invalid at `where`: what runsConsoleTable() refused, and what to use.
    Error consoleTableNotBuilt(const QString &table, const QString &where) const;

    // Error::Code::Invalid at `where`: this kind has no place for entity.field, so nothing
    // was changed, and where such a value can be kept.
    Error notStored(const QString &entity, const QString &name, const QString &where) const;

    // --- systemConfig (entity "systemConfig": one JSON value per top-level key)
    // The columns of MCPHub's system_config row (mcphub-dbmode.md §1.2): each is a key of
    // systemConfig under the same name, and when a running hub sees a value written there
    // by another process (§2.3, §2.4, §8.3-4).
    enum class SystemConfigValue {
        Json,    // text holding JSON.stringify(value)
        Name,    // varchar(10): a JSON string of at most 10 characters
        Boolean, // boolean: a JSON true or false
    };
    enum class HubSees {
        NextRequest,       // read from the database on every request
        WhenToldOrRestart, // cached at boot; PUT /api/system-config re-reads it
        RestartOnly,       // read once at startup
        FromSettingsFile,  // read from the settings file even in database mode
        NotEstablished,    // the reference does not say
    };
    struct SystemConfigColumn
    {
        const char *key = ""; // systemConfig key = column name ("smartRouting")
        SystemConfigValue value = SystemConfigValue::Json;
        HubSees seen = HubSees::NotEstablished;
    };
    static const QList<SystemConfigColumn> &mcphubSystemConfigColumns();
    static const SystemConfigColumn *mcphubSystemConfigColumn(const QString &key);
    // The keys this kind can store, in MCPHub's column order; empty when any key can be
    // stored (a settings file, the console's database).
    QStringList systemConfigKeys() const;
    bool storesSystemConfigKey(const QString &key) const;
    // Translated: what a running hub does with `key` written to this kind by the console
    // (MCPHub's database); empty for the other kinds. For several keys, one sentence per
    // kind of effect, naming its keys.
    QString systemConfigEffect(const QString &key) const;
    QString systemConfigEffect(const QStringList &keys) const;

private:
    WorkspaceKind m_kind;
};

} // namespace mcphub
