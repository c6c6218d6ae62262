#pragma once

#include "storage/db/connectionprofile.h"
#include "storage/db/repositorycontext.h"
#include "storage/db/schemamigrator.h"
#include "storage/result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace mcphub {

// An open workspace database: opens the profile's named connection and brings the schema up
// to date (Mode::Migrate, what the GUI and every CLI command do), or only looks
// (Mode::Inspect, for "db status": nothing is created or changed). A database newer than the
// console, or a read-only profile, opens read-only with a warning. The connection belongs to
// the calling thread; close() removes it. A value type; copies share the connection name.
class Workspace
{
public:
    enum class Mode { Migrate, Inspect };

    static Result<Workspace> open(const ConnectionProfile &profile,
                                  const QString &connectionName,
                                  Mode mode = Mode::Migrate,
                                  const QString &appliedBy = SchemaMigrator::defaultAppliedBy());

    // MCPHub's database (profile.mcphubDatabase): creates MCPHub's tables with MCPHub's own
    // DDL (McphubSchema::createTables) on a connection of its own. Returns true when created,
    // false when they were all there already (nothing changed).
    static Result<bool> createMcphubTables(const ConnectionProfile &profile);

    // PostgreSQL: creates the profile's database (connecting to the "postgres" maintenance
    // database with the same credentials) when it does not exist. Returns true when created.
    static Result<bool> createPostgresDatabase(const ConnectionProfile &profile);

    QString connectionName() const { return m_connectionName; }
    QSqlDatabase database() const;
    const ConnectionProfile &profile() const { return m_profile; }
    // What the workspace is (WorkspaceCapabilities): MCPHub's database for a profile that
    // says so, else the console's database unless the one who opened it says otherwise
    // (SettingsFileWorkspace: a settings file). Copies keep it.
    WorkspaceKind kind() const { return m_kind; }
    void setKind(WorkspaceKind kind) { m_kind = kind; }
    bool readOnly() const { return m_readOnly; }
    QStringList warnings() const { return m_warnings; }     // translated
    const SchemaStatus &schema() const { return m_schema; } // after migrations
    QList<AppliedMigration> appliedNow() const { return m_appliedNow; }
    // A PostgreSQL server in recovery (a streaming standby): the workspace opened read-only,
    // and standbyBanner() says whose standby it is and how far behind, as it was on opening.
    bool isStandby() const { return !m_standbyBanner.isEmpty(); }
    QString standbyBanner() const { return m_standbyBanner; } // translated

    // Issue 16: the Redis every workspace opened from now on in this process publishes its
    // changes to when its profile names none (the console's --redis). Main thread, at start.
    static void setSessionRedisUrl(const QString &url);
    static QString sessionRedisUrl();

    RepositoryContext context(const QString &actor = RepositoryContext::defaultActor()) const;
    void close() const;

    // PostgreSQL connect options (QPSQL's "key=value;..." form) that open every session
    // read-only: "-c default_transaction_read_only=on" added to the libpq "options" (merged
    // with those there), and on several hosts target_session_attrs=any in place of
    // read-write, which a read-only session fails on every host. Unchanged when they say so.
    static QString readOnlyConnectOptions(const QString &options, bool severalHosts);

private:
    Result<void> bringUpToDate(Mode mode, const QString &appliedBy);
    // MCPHub's own database: its tables all there, the console's schema beside them, and
    // read-only (with the reason among the warnings) when the role may not write.
    Result<void> prepareMcphubDatabase();
    // PostgreSQL in recovery: read-only with the standby's banner among the warnings.
    Result<void> detectStandby();
    // Read-only from now on, for the server too: PostgreSQL refuses writes in this session
    // and in every one opened later on this connection (a reconnect after a failover, a
    // clone for the hubs' checks), whose options now say so.
    Result<void> becomeReadOnly();

    QString m_connectionName;
    ConnectionProfile m_profile;
    bool m_readOnly = false;
    WorkspaceKind m_kind = WorkspaceKind::ConsoleDatabase;
    QStringList m_warnings;
    QString m_standbyBanner;
    SchemaStatus m_schema;
    QList<AppliedMigration> m_appliedNow;
};

} // namespace mcphub
