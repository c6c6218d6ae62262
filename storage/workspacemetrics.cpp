#include "storage/workspacemetrics.h"

#include "storage/db/serverrepository.h"
#include "storage/db/sqlerror.h"
#include "storage/db/usagelogrepository.h"
#include "storage/db/userrepository.h"
#include "storage/hub/hubsampleformat.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>

#include <functional>

namespace mcphub {

namespace {

QString number(double value)
{
    return QString::number(value, 'g', 15);
}

// A count, or -1 when this kind of workspace does not store the table at all (a settings
// file keeps no usage log): a figure it has no place for is left out, not reported as 0.
Result<qint64> countOrAbsent(const Result<qint64> &counted)
{
    if (counted || counted.error().code != Error::Code::Invalid)
        return counted;
    return qint64(-1);
}

QString doing()
{
    return QCoreApplication::translate("WorkspaceMetrics", "Cannot read the workspace's figures.");
}

} // namespace

Result<WorkspaceMetrics> WorkspaceMetrics::collect(const RepositoryContext &context)
{
    WorkspaceMetrics m;
    m.at = QDateTime::currentDateTimeUtc();
    const QSqlDatabase db = QSqlDatabase::database(context.connectionName, false);
    {
        QElapsedTimer timer;
        timer.start();
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT 1")) || !query.next())
            return sqlError(query.lastError(), context.where, doing());
        m.databaseLatencyMs = double(timer.nsecsElapsed()) / 1e6;
    }
    const PageRequest countOnly{0, 0, true};
    const auto users = UserRepository(context).list({}, countOnly);
    if (!users)
        return users.error();
    m.users = users->total;
    const auto servers = ServerRepository(context).list({}, countOnly);
    if (!servers)
        return servers.error();
    m.servers = servers->total;
    ServerFilter enabled;
    enabled.enabled = true;
    const auto enabledServers = ServerRepository(context).list(enabled, countOnly);
    if (!enabledServers)
        return enabledServers.error();
    m.enabledServers = enabledServers->total;

    const UsageLogRepository log(context);
    UsageLogFilter all;
    UsageLogFilter day;
    day.from = m.at.addSecs(-24 * 3600);
    UsageLogFilter failed = day;
    failed.success = false;
    const std::pair<qint64 *, std::function<Result<qint64>()>> counts[] = {
        {&m.toolCalls,
         [&] {
             return log.count(all);
         }},
        {&m.toolCalls24h,
         [&] {
             return log.count(day);
         }},
        {&m.failedToolCalls24h,
         [&] {
             return log.count(failed);
         }},
        {&m.activeUsers24h,
         [&] {
             return log.countUsers(day);
         }},
    };
    for (const auto &[figure, read] : counts) {
        const auto value = countOrAbsent(read());
        if (!value)
            return value.error();
        *figure = *value;
    }
    if (db.driver() && db.driverName() == QLatin1String("QPSQL")) {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"))
            || !query.next())
            return sqlError(query.lastError(), context.where, doing());
        m.databaseConnections = query.value(0).toLongLong();
    }
    return m;
}

QByteArray WorkspaceMetrics::prometheus(const QString &workspace,
                                        const QList<OwnHealthCheck> &checks,
                                        const std::optional<WorkspaceMetrics> &metrics,
                                        const std::optional<RedisCacheFigures> &redis)
{
    QString out;
    const QString label
        = QStringLiteral("workspace=\"%1\"").arg(HubSampleFormat::escapeLabel(workspace));
    const auto family = [&](const char *name, const char *type, const char *help) {
        out += QStringLiteral("# HELP %1 %2\n# TYPE %1 %3\n")
                   .arg(QLatin1String(name), QLatin1String(help), QLatin1String(type));
    };
    const auto line = [&](const char *name, const QString &labels, double value) {
        out += QStringLiteral("%1{%2} %3\n").arg(QLatin1String(name), labels, number(value));
    };
    // A figure with a negative value is unknown here and left out, not printed as 0.
    struct Figure
    {
        const char *name;
        const char *type;
        const char *help;
        double value;
    };
    const auto put = [&](const auto &figures) {
        for (const Figure &f : figures) {
            if (f.value < 0)
                continue;
            family(f.name, f.type, f.help);
            line(f.name, label, f.value);
        }
    };

    family("mcphub_admin_health_ok", "gauge", "1 when the console's own check passed.");
    for (const OwnHealthCheck &c : checks) {
        line("mcphub_admin_health_ok",
             label + QStringLiteral(",check=\"%1\"").arg(OwnHealthCheck::kindName(c.kind)),
             c.ok ? 1 : 0);
    }
    for (const OwnHealthCheck &c : checks) {
        if (c.value < 0)
            continue;
        if (c.kind == OwnHealthCheck::Kind::SettingsFolder) {
            family("mcphub_admin_settings_folder_free_bytes",
                   "gauge",
                   "Free bytes where the console keeps its settings.");
            line("mcphub_admin_settings_folder_free_bytes", label, c.value);
        } else if (c.kind == OwnHealthCheck::Kind::Memory) {
            family("process_resident_memory_bytes", "gauge", "Resident memory of this process.");
            line("process_resident_memory_bytes", label, c.value);
        } else if (c.kind == OwnHealthCheck::Kind::Replication) {
            family("mcphub_admin_replication_lag_seconds",
                   "gauge",
                   "The worst replay lag of the workspace database's standbys (or its own).");
            line("mcphub_admin_replication_lag_seconds", label, c.value);
        } else if (c.kind == OwnHealthCheck::Kind::Redis && c.ok) {
            family("mcphub_redis_ping_seconds", "gauge", "Time of one PING to Redis.");
            line("mcphub_redis_ping_seconds", label, c.value / 1000);
        }
    }
    if (redis) {
        const std::optional<double> ratio = redis->hitRatio();
        const Figure figures[] = {
            {"mcphub_redis_keyspace_hits_total",
             "counter",
             "Successful key lookups in Redis (INFO stats keyspace_hits).",
             double(redis->keyspaceHits)},
            {"mcphub_redis_keyspace_misses_total",
             "counter",
             "Failed key lookups in Redis (INFO stats keyspace_misses).",
             double(redis->keyspaceMisses)},
            {"mcphub_redis_cache_hit_ratio",
             "gauge",
             "Redis keyspace hits / (hits + misses).",
             ratio ? *ratio : -1},
            {"mcphub_redis_used_memory_bytes",
             "gauge",
             "Memory Redis uses (INFO memory used_memory).",
             double(redis->usedMemoryBytes)},
        };
        put(figures);
    }
    if (!metrics)
        return out.toUtf8();
    const WorkspaceMetrics &m = *metrics;
    const Figure figures[] = {
        {"mcphub_database_latency_seconds",
         "gauge",
         "Time of one SELECT 1 on the workspace database.",
         m.databaseLatencyMs < 0 ? -1 : m.databaseLatencyMs / 1000},
        {"mcphub_database_connections",
         "gauge",
         "Open connections to the workspace database (pg_stat_activity).",
         double(m.databaseConnections)},
        {"mcphub_users", "gauge", "Users in the workspace.", double(m.users)},
        {"mcphub_users_active",
         "gauge",
         "Users who called a tool in the last 24 hours.",
         double(m.activeUsers24h)},
        {"mcphub_servers", "gauge", "MCP servers in the workspace.", double(m.servers)},
        {"mcphub_servers_enabled", "gauge", "MCP servers enabled.", double(m.enabledServers)},
        {"mcphub_tool_calls", "gauge", "Tool calls in the usage log.", double(m.toolCalls)},
        {"mcphub_tool_calls_24h",
         "gauge",
         "Tool calls in the last 24 hours.",
         double(m.toolCalls24h)},
        {"mcphub_tool_calls_failed_24h",
         "gauge",
         "Tool calls that failed in the last 24 hours.",
         double(m.failedToolCalls24h)},
    };
    put(figures);
    return out.toUtf8();
}

} // namespace mcphub
