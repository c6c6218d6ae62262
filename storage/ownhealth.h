#pragma once

#include "storage/db/replicationstatus.h"
#include "storage/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace mcphub {

class SecretStore;

// One of the console's own checks.
struct OwnHealthCheck
{
    enum class Kind { Database, SettingsFolder, Keychain, Memory, Replication, Redis };
    Kind kind = Kind::Database;
    bool ok = false;
    // ms for Database and Redis (PING), free bytes for SettingsFolder, RSS bytes for Memory,
    // the worst replay lag in seconds for Replication (-1: unknown or no standby)
    double value = -1;
    QString detail{}; // translated: what was measured, or what is wrong and what to do

    static QString kindName(Kind kind);  // "database", "settings-folder"... (stable)
    static QString kindLabel(Kind kind); // translated
};

// The console's own health, shown in the status bar and by "mcphub-adminctl health": the
// workspace database answers (and how fast), the settings folder is writable with free
// space, the keychain answers, and how much memory this process uses. Each run takes a few
// milliseconds; the keychain probe blocks in a local event loop (see SecretStore). Any thread
// that owns `connectionName`.
class OwnHealth
{
    Q_DECLARE_TR_FUNCTIONS(OwnHealth)

public:
    static constexpr qint64 kMinimumFreeBytes = 100 * 1024 * 1024;

    // The folder of the console's settings file (QSettings "MCPHub"/"mcphub-admin", where the
    // connection profiles live), the same for the console and the CLI.
    static QString settingsFolder();

    static OwnHealthCheck checkDatabase(const QString &connectionName, const QString &where);
    static OwnHealthCheck checkSettingsFolder(const QString &folder);
    static OwnHealthCheck checkKeychain(const SecretStore &secrets);
    // The keychain check from a probe read already (SecretStore::readAsync) in `ms`.
    static OwnHealthCheck keychainCheck(const Result<QString> &probe, double ms);
    static QString keychainProbeKey() { return QStringLiteral("health-probe"); }
    static OwnHealthCheck checkMemory();
    static qint64 residentBytes(); // -1 when the platform does not say

    // Issue 16. Replication, on a PostgreSQL workspace (ReplicationStatus::read on
    // `connectionName`): a primary's streaming standbys and their worst replay lag, or a
    // standby's own replay lag and WAL receiver, against `thresholds`. A primary without
    // standbys passes.
    static OwnHealthCheck checkReplication(const QString &connectionName,
                                           const QString &where,
                                           const ReplicationLagThresholds &thresholds);
    // Redis, when the workspace's profile names one: PING, and its latency. A Redis that is
    // down or does not answer fails within `timeoutMs` (connect and reply each), naming
    // host:port.
    static constexpr int kRedisTimeoutMs = 2000;
    static OwnHealthCheck checkRedis(const QString &redisUrl, int timeoutMs = kRedisTimeoutMs);
    // The checks of the services beside the database: replication (PostgreSQL only) and
    // Redis (when `redisUrl` is not empty). runAll and OwnHealthRunner both end with these.
    static QList<OwnHealthCheck> serviceChecks(const QString &connectionName,
                                               const QString &where,
                                               const QString &redisUrl,
                                               const ReplicationLagThresholds &thresholds);

    // Every check, in this order: database, settings folder, keychain, memory, then
    // replication (PostgreSQL only) and Redis (when `redisUrl` is not empty).
    static QList<OwnHealthCheck> runAll(const QString &connectionName,
                                        const QString &where,
                                        const QString &settingsFolder,
                                        const SecretStore &secrets,
                                        const QString &redisUrl = {},
                                        const ReplicationLagThresholds &thresholds = {});
};

} // namespace mcphub
