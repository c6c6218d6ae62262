#pragma once

#include "storage/db/repositorycontext.h"
#include "storage/live/redisclient.h"
#include "storage/ownhealth.h"
#include "storage/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace mcphub {

// The figures of the plan's MetricsCollector for one workspace, read with a few COUNT
// queries through the repositories (so every kind answers from its own tables: the console's
// schema, a settings file's private workspace, MCPHub's own users/servers/activities):
// users in all and those who called a tool in the last 24 hours, servers in all and enabled,
// tool calls in all and in the last 24 hours (and how many failed), the database's open
// connections (PostgreSQL: pg_stat_activity of this database) and the latency of one query.
// Read-only; on the workspace connection's thread.
struct WorkspaceMetrics
{
    qint64 users = -1;
    qint64 activeUsers24h = -1;
    qint64 servers = -1;
    qint64 enabledServers = -1;
    qint64 toolCalls = -1;
    qint64 toolCalls24h = -1;
    qint64 failedToolCalls24h = -1;
    qint64 databaseConnections = -1; // -1: the engine has no such figure (SQLite)
    double databaseLatencyMs = -1;
    QDateTime at; // when they were read (UTC)

    static Result<WorkspaceMetrics> collect(const RepositoryContext &context);

    // The Prometheus text exposition format (0.0.4), as node_exporter's textfile collector
    // reads it: the own-health checks (mcphub_admin_health_ok{check=...} and their values)
    // and the figures above; a figure that is -1 is left out. `workspace` becomes a label.
    // With a Redis (issue 16): its PING time from the "redis" check, and its cache figures
    // (hits, misses, hit ratio when there was a lookup, used memory).
    static QByteArray prometheus(const QString &workspace,
                                 const QList<OwnHealthCheck> &checks,
                                 const std::optional<WorkspaceMetrics> &metrics,
                                 const std::optional<RedisCacheFigures> &redis = std::nullopt);
};

} // namespace mcphub
