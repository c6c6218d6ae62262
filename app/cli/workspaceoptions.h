#pragma once

#include "storage/db/connectionprofile.h"
#include "storage/db/connectionwatchdog.h"
#include "storage/migration/openedworkspace.h"
#include "storage/result.h"
#include "storage/settings/settingsfilelock.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

#include <memory>
#include <optional>

namespace mcphub::cli {

// The options every workspace command takes, parsed in one place:
//   --profile NAME | --sqlite PATH | --pg CONNINFO | --hub-db CONNINFO | --file SETTINGS.json
// (none: the default SQLite workspace), --bind-settings FILE, and --create (with --hub-db:
// create MCPHub's tables first when the database has none). --hub-db opens MCPHub's own
// database (a hub in database mode): its tables are edited as MCPHub does, never altered. --file
// opens a plain settings file as a workspace (SettingsFileWorkspace): every change is saved to the
// file through the settings store. A profile bound to a settings file, or --sqlite/--pg with
// --bind-settings, dual-writes: every change goes to the database and the file as one unit
// (OpenedWorkspace, the same resolution the console uses). --server-timeout SECONDS: a
// PostgreSQL server that stops answering for that long is left (ConnectionWatchdog).
class WorkspaceOptions
{
public:
    WorkspaceOptions();
    ~WorkspaceOptions();
    void addTo(QCommandLineParser &parser) const;

    // The profile the options name; `warnings` receives translated notes (a password in
    // CONNINFO, a keychain that could not be read).
    // Refused with --file: for commands that need a database of their own (db, hubs).
    Result<ConnectionProfile> profile(const QCommandLineParser &parser,
                                      QStringList *warnings) const;

    // With --create and an MCPHub database: creates MCPHub's tables when it has none
    // (Workspace::createMcphubTables). Returns whether they were created.
    Result<bool> createMcphubTables(const QCommandLineParser &parser,
                                    const ConnectionProfile &profile) const;

    // Opens the workspace the options name (any of the four) on `connectionName`, with the
    // bound settings file installed; `warnings` also receives the drift of a bound file.
    // A settings file (--file, or the file a profile or --bind-settings binds) is locked
    // first, and stays locked until this object is destroyed, at the end of the command:
    // concurrent runs of the tool on one file take turns (each waits a bounded time) instead
    // of failing on each other's changes. A change by another program is still a conflict.
    Result<OpenedWorkspace> open(const QCommandLineParser &parser,
                                 const QString &connectionName,
                                 QStringList *warnings) const;

    // Issue 16: --redis URL (or the profile's Redis): the changes the command commits go to
    // the change outbox, and, when the command ends (this object is destroyed), the outbox is
    // delivered to Redis once; what Redis does not take waits there for the next deliverer
    // (a console, "changes deliver"), with a warning.
    Result<void> applyRedis(const QCommandLineParser &parser, ConnectionProfile &profile) const;

    // --server-timeout, checked (0 to 86400 seconds); and, when not 0, a watchdog armed on
    // the open PostgreSQL connection `connectionName` until this object goes (open() arms
    // one itself; the commands that open their database themselves call this).
    Result<int> serverTimeout(const QCommandLineParser &parser) const;
    void watchServer(const QCommandLineParser &parser, const QString &connectionName) const;

private:
    Result<void> lockSettingsFile(const QString &path) const;
    void deliverRedisOutbox() const;

    QCommandLineOption m_profile;
    QCommandLineOption m_sqlite;
    QCommandLineOption m_pg;
    QCommandLineOption m_hubDb;
    QCommandLineOption m_create;
    QCommandLineOption m_file;
    QCommandLineOption m_bindSettings;
    QCommandLineOption m_redis;
    QCommandLineOption m_serverTimeout;
    mutable std::unique_ptr<SettingsFileLock> m_settingsLock;
    // A PostgreSQL workspace's server that stops answering (a frozen host or container) is
    // left after --server-timeout, so that the command ends instead of waiting for good.
    mutable std::unique_ptr<ConnectionWatchdog> m_watchdog;
    mutable std::optional<ConnectionProfile> m_redisDelivery;
};

} // namespace mcphub::cli
