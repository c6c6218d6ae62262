#pragma once

#include "storage/db/connectionprofile.h"
#include "storage/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

class QSettings;

#include <optional>

namespace mcphub {

// One standby streaming from this primary: a row of pg_stat_replication. LSNs and lags are
// empty (nullopt) when the server does not say (no WAL sent yet, or a role without
// pg_read_all_stats, which sees only the names).
struct StandbyLink
{
    QString applicationName;
    QString clientAddress;
    QString state;     // startup, catchup, streaming, backup, stopping
    QString syncState; // async, potential, sync, quorum
    QString sentLsn;
    QString writeLsn;
    QString flushLsn;
    QString replayLsn;
    // Bytes behind the primary's current WAL position (pg_wal_lsn_diff).
    std::optional<qint64> sentLagBytes;
    std::optional<qint64> writeLagBytes;
    std::optional<qint64> flushLagBytes;
    std::optional<qint64> replayLagBytes;
    // pg_stat_replication's write_lag, flush_lag, replay_lag in seconds.
    std::optional<double> writeLagSeconds;
    std::optional<double> flushLagSeconds;
    std::optional<double> replayLagSeconds;
};

// How far behind a standby may replay before the console calls it lagging: the one place of
// this fact, for the replication alerts (ReplicationAlertPolicy) and the own-health check
// (OwnHealth::checkReplication). The administrator's choices are kept in the console's
// settings (group "replicationAlerts", keys lagSeconds and lagBytes); absent ones keep the
// defaults (30 s, 64 MiB).
struct ReplicationLagThresholds
{
    double seconds = 30;
    qint64 bytes = 64LL * 1024 * 1024;

    static ReplicationLagThresholds load(const QSettings &settings);
    // The console's own settings (QSettings "MCPHub"/"mcphub-admin"), as the console and the
    // CLI read them.
    static ReplicationLagThresholds fromConsoleSettings();
    // Passed: a lag over either threshold (an unknown lag passes nothing).
    bool exceeded(const std::optional<double> &lagSeconds,
                  const std::optional<qint64> &lagBytes) const;
    // "30 s or 67108864 bytes" (translated), for messages.
    QString text() const;
};

// One node of a pg_auto_failover formation, as its monitor records it (pgautofailover.node).
struct FormationNode
{
    QString formation;
    qint64 nodeId = 0;
    int groupId = 0;
    QString name;
    QString host;
    int port = 0;
    QString reportedState; // primary, secondary, catchingup, wait_primary, ...
    QString goalState;
    QString reportedLsn;
    int health = -1; // -1 unknown, 0 bad, 1 good
    QDateTime reportTime;
};

// The replication state of the server a workspace runs on, read with read-only queries:
// on a primary, its standbys; on a standby, how far it has received and replayed and the
// primary it follows; and, when a pg_auto_failover monitor is named, the formation's nodes.
// SQLite (embedded) has none. One place for the console's Replication page and
// "mcphub-adminctl db replication".
struct ReplicationStatus
{
    enum class Role { Embedded, Primary, Standby };

    Role role = Role::Embedded;
    QString server; // where it was read: the profile's display name
    QDateTime readAt;

    // Primary.
    QString currentLsn; // pg_current_wal_lsn()
    QList<StandbyLink> standbys;

    // Standby.
    QString receiveLsn;     // pg_last_wal_receive_lsn()
    QString replayLsn;      // pg_last_wal_replay_lsn()
    QDateTime lastReplayAt; // pg_last_xact_replay_timestamp(); invalid before any replay
    std::optional<qint64> replayLagBytes;   // received but not replayed yet
    std::optional<double> replayLagSeconds; // 0 when everything received is replayed
    QString primaryHost; // pg_stat_wal_receiver.sender_host; empty when not streaming
    int primaryPort = 0;
    QString receiverStatus; // pg_stat_wal_receiver.status: streaming, stopping, ...

    // pg_auto_failover, when a monitor was named: its nodes, or why they could not be read.
    bool monitorNamed = false;
    QList<FormationNode> formation;
    QString monitorError; // translated

    bool isStandby() const { return role == Role::Standby; }
    // "HOST:PORT" of the primary a standby follows, or a translated "unknown primary".
    QString primaryAddress() const;
    // A standby's one-line banner, "Standby of HOST:PORT — replay lag N s" (translated);
    // empty for a primary or SQLite.
    QString standbyBanner() const;
    // The largest replay lag in seconds among this primary's standbys, or a standby's own.
    std::optional<double> maxReplayLagSeconds() const;

    // The whole status as JSON (keys in lowerCamelCase; absent values are null).
    QJsonObject toJson() const;

    // Reads the status on an open connection (the workspace's own, or one of its clones).
    // Read-only: pg_catalog functions and views only, nothing written anywhere.
    static Result<ReplicationStatus> read(const QSqlDatabase &db, const QString &where);

    // Opens a connection of its own to the profile's server (SQLite: Role::Embedded without
    // connecting), reads the status and closes it. `monitorConninfo`, when not empty, names a
    // pg_auto_failover monitor whose formation is added (or its error, in monitorError).
    static Result<ReplicationStatus> readProfile(const ConnectionProfile &profile,
                                                 const QString &monitorConninfo = {});

    // Reads the status on `clone`, a connection of the calling thread cloned from the
    // connection `source` (of another thread: the console's workspace connection) on first
    // use and kept open between readings; after a failure it is removed, so that the next
    // reading clones `source` again (reopened meanwhile, perhaps to the server a failover
    // made primary) and connects anew. The formation as readProfile adds it. The caller
    // removes `clone` (closeSqlConnection) on its thread when done.
    static Result<ReplicationStatus> readClone(const QString &source,
                                               const QString &clone,
                                               const QString &where,
                                               const QString &monitorConninfo = {});

    // The nodes a pg_auto_failover monitor knows (all formations), read on a connection of
    // its own to `monitorConninfo`.
    static Result<QList<FormationNode>> readFormation(const QString &monitorConninfo);

private:
    // When `monitorConninfo` is not empty: the monitor's formation, or its error (naming the
    // monitor) in monitorError.
    void addFormation(const QString &monitorConninfo);
};

} // namespace mcphub
