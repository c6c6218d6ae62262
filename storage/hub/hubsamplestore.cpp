#include "storage/hub/hubsamplestore.h"

#include "storage/db/sqlerror.h"
#include "storage/db/transactionguard.h"
#include "storage/hub/hubrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>
#include <map>

namespace mcphub {

namespace {

// Worse states rank higher; an aggregate keeps the worst state of its bucket.
int severity(HubState state)
{
    switch (state) {
    case HubState::Healthy:
        return 0;
    case HubState::Degraded:
        return 1;
    case HubState::AuthFailed:
        return 2;
    case HubState::Unhealthy:
        return 3;
    case HubState::Unreachable:
        return 4;
    }
    return 4;
}

QVariant optionalInt(bool present, qint64 value)
{
    return present ? QVariant(value) : QVariant(QMetaType::fromType<qint64>());
}

QVariant textOrNull(const QString &value)
{
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

const QString kSampleColumns = QStringLiteral(
    "hub_id, timestamp, resolution, sample_count, state, health_message, version, "
    "servers_total, servers_connected, servers_disconnected, latency_ms, tools_total, "
    "users_total, activities_available, calls_total, calls_success, calls_error, "
    "avg_duration_ms, last_error");

} // namespace

Error HubSampleStore::failure(const QSqlQuery &query,
                              const QString &table,
                              const QString &doing) const
{
    return sqlError(query.lastError(), context().where + QStringLiteral(": ") + table, doing);
}

Result<qint64> HubSampleStore::hubId(const QString &hub) const
{
    if (auto it = m_hubIds.constFind(hub); it != m_hubIds.cend())
        return *it;
    const auto found = HubRepository(context()).find(hub);
    if (!found)
        return found.error();
    m_hubIds.insert(hub, found->id);
    return found->id;
}

Result<qint64> HubSampleStore::append(const QString &hub, const HubSample &s)
{
    if (auto writable = checkWritable(QStringLiteral("hub_samples")); !writable)
        return writable.error();
    const auto id = hubId(hub);
    if (!id)
        return id.error();
    const SqlDialect d = dialect();
    TransactionGuard tx(db());
    if (!tx.active())
        return tx.error();
    QSqlQuery query(db());
    query.prepare(QStringLiteral("INSERT INTO hub_samples (%1) VALUES (:hub_id, :timestamp, 0, 1, "
                                 ":state, :health_message, :version, :servers_total, "
                                 ":servers_connected, :servers_disconnected, :latency_ms, "
                                 ":tools_total, :users_total, :activities_available, "
                                 ":calls_total, :calls_success, :calls_error, :avg_duration_ms, "
                                 ":last_error) RETURNING id")
                      .arg(kSampleColumns));
    query.bindValue(QStringLiteral(":hub_id"), *id);
    query.bindValue(QStringLiteral(":timestamp"), d.timestampValue(s.timestamp));
    query.bindValue(QStringLiteral(":state"), HubSample::stateName(s.state));
    query.bindValue(QStringLiteral(":health_message"), textOrNull(s.healthMessage));
    query.bindValue(QStringLiteral(":version"), textOrNull(s.version));
    query.bindValue(QStringLiteral(":servers_total"), s.serversTotal);
    query.bindValue(QStringLiteral(":servers_connected"), s.serversConnected);
    query.bindValue(QStringLiteral(":servers_disconnected"), s.serversDisconnected);
    query.bindValue(QStringLiteral(":latency_ms"), optionalInt(s.latencyMs >= 0, s.latencyMs));
    query.bindValue(QStringLiteral(":tools_total"),
                    optionalInt(s.openApi.has_value(), s.openApi ? s.openApi->totalTools : 0));
    query.bindValue(QStringLiteral(":users_total"),
                    optionalInt(s.users.has_value(), s.users ? s.users->totalUsers : 0));
    query.bindValue(QStringLiteral(":activities_available"), d.boolValue(s.activitiesAvailable));
    const bool a = s.activity.has_value();
    query.bindValue(QStringLiteral(":calls_total"), optionalInt(a, a ? s.activity->totalCalls : 0));
    query.bindValue(QStringLiteral(":calls_success"),
                    optionalInt(a, a ? s.activity->successCount : 0));
    query.bindValue(QStringLiteral(":calls_error"), optionalInt(a, a ? s.activity->errorCount : 0));
    query.bindValue(QStringLiteral(":avg_duration_ms"),
                    optionalInt(a, a ? s.activity->avgDurationMs : 0));
    query.bindValue(QStringLiteral(":last_error"), textOrNull(s.lastError));
    if (!query.exec() || !query.next())
        return failure(query, QStringLiteral("hub_samples"), tr("Cannot store the hub sample."));
    const qint64 sampleId = query.value(0).toLongLong();
    query.finish(); // SQLite cannot commit while the RETURNING statement is still open

    QSqlQuery server(db());
    server.prepare(QStringLiteral(
        "INSERT INTO hub_server_status (sample_id, hub_id, timestamp, server_name, status, error, "
        "tool_count, enabled) VALUES (:sample_id, :hub_id, :timestamp, :server_name, :status, "
        ":error, :tool_count, :enabled)"));
    for (const HubServerStatus &st : s.servers) {
        server.bindValue(QStringLiteral(":sample_id"), sampleId);
        server.bindValue(QStringLiteral(":hub_id"), *id);
        server.bindValue(QStringLiteral(":timestamp"), d.timestampValue(s.timestamp));
        server.bindValue(QStringLiteral(":server_name"), st.name);
        server.bindValue(QStringLiteral(":status"), st.status);
        server.bindValue(QStringLiteral(":error"), textOrNull(st.error));
        server.bindValue(QStringLiteral(":tool_count"), st.toolCount);
        server.bindValue(QStringLiteral(":enabled"), d.boolValue(st.enabled));
        if (!server.exec()) {
            return failure(server,
                           QStringLiteral("hub_server_status"),
                           tr("Cannot store the hub's server status; the sample was not saved."));
        }
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return sampleId;
}

Result<int> HubSampleStore::appendActivities(const QString &hub,
                                             const QList<ActivityRecord> &records)
{
    if (auto writable = checkWritable(QStringLiteral("mcp_usage_logs")); !writable)
        return writable.error();
    HubRepository hubs(context());
    auto cursor = hubs.cursor(hub);
    if (!cursor)
        return cursor.error();
    const SqlDialect d = dialect();
    TransactionGuard tx(db());
    if (!tx.active())
        return tx.error();
    QSqlQuery query(db());
    query.prepare(QStringLiteral(
        "INSERT INTO mcp_usage_logs (timestamp, username, server_name, tool_name, success, "
        "arguments, error_message, duration, ip, hub_name, hub_activity_id) VALUES (:timestamp, "
        ":username, :server_name, :tool_name, :success, :arguments, :error_message, :duration, "
        ":ip, :hub_name, :hub_activity_id) ON CONFLICT (hub_name, hub_activity_id) DO NOTHING"));
    int inserted = 0;
    for (const ActivityRecord &r : records) {
        query.bindValue(QStringLiteral(":timestamp"), d.timestampValue(r.timestamp));
        query.bindValue(QStringLiteral(":username"), textOrNull(r.username));
        query.bindValue(QStringLiteral(":server_name"), r.serverName);
        query.bindValue(QStringLiteral(":tool_name"), r.toolName);
        query.bindValue(QStringLiteral(":success"), d.boolValue(r.success));
        query.bindValue(QStringLiteral(":arguments"), textOrNull(r.arguments));
        query.bindValue(QStringLiteral(":error_message"), textOrNull(r.errorMessage));
        query.bindValue(QStringLiteral(":duration"), r.durationMs);
        query.bindValue(QStringLiteral(":ip"), textOrNull(r.ip));
        query.bindValue(QStringLiteral(":hub_name"), hub);
        query.bindValue(QStringLiteral(":hub_activity_id"), r.id);
        if (!query.exec()) {
            return failure(query,
                           QStringLiteral("mcp_usage_logs"),
                           tr("Cannot store the activities of hub %1; none of this batch was "
                              "saved and the next poll reads them again.")
                               .arg(hub));
        }
        inserted += qMax(0, query.numRowsAffected());
    }
    cursor->advance(records);
    QJsonArray ids;
    for (const QString &id : cursor->idsAtNewest())
        ids.append(id);
    QSqlQuery update(db());
    update.prepare(QStringLiteral("UPDATE hubs SET activity_cursor_at = :at, activity_cursor_ids "
                                  "= :ids WHERE name = :name"));
    update.bindValue(QStringLiteral(":at"), d.timestampValue(cursor->newest()));
    update.bindValue(QStringLiteral(":ids"),
                     QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact)));
    update.bindValue(QStringLiteral(":name"), hub);
    if (!update.exec())
        return failure(
            update, QStringLiteral("hubs.activity_cursor_at"), tr("Cannot store the sync cursor."));
    if (auto r = tx.commit(); !r)
        return r.error();
    return inserted;
}

StoredHubSample HubSampleStore::fromRecord(const QSqlRecord &r) const
{
    auto value = [&](const char *column) {
        return r.value(QLatin1String(column));
    };
    StoredHubSample stored;
    stored.id = value("id").toLongLong();
    stored.resolution = value("resolution").toInt();
    stored.sampleCount = value("sample_count").toInt();
    HubSample &s = stored.sample;
    s.timestamp = timestamp(r, QStringLiteral("timestamp"));
    s.state = HubSample::stateFromName(value("state").toString()).value_or(HubState::Unreachable);
    s.healthMessage = value("health_message").toString();
    s.version = value("version").toString();
    s.serversTotal = value("servers_total").toInt();
    s.serversConnected = value("servers_connected").toInt();
    s.serversDisconnected = value("servers_disconnected").toInt();
    s.latencyMs = value("latency_ms").isNull() ? -1 : value("latency_ms").toInt();
    if (!value("tools_total").isNull())
        s.openApi = HubOpenApiStats{s.serversConnected, value("tools_total").toInt()};
    if (!value("users_total").isNull())
        s.users = HubUserStats{value("users_total").toInt(), 0, 0};
    s.activitiesAvailable = value("activities_available").toBool();
    if (!value("calls_total").isNull()) {
        s.activity = HubActivityStats{value("calls_total").toLongLong(),
                                      value("calls_success").toLongLong(),
                                      value("calls_error").toLongLong(),
                                      value("avg_duration_ms").toInt()};
    }
    s.lastError = value("last_error").toString();
    return stored;
}

Result<QList<StoredHubSample>>
HubSampleStore::samples(const QString &hub, const QDateTime &from, const QDateTime &to) const
{
    const auto id = hubId(hub);
    if (!id)
        return id.error();
    SqlFilter filter;
    filter.add(QStringLiteral("hub_id = :hub"), {{QStringLiteral(":hub"), *id}});
    if (from.isValid())
        filter.add(QStringLiteral("timestamp >= :from"),
                   {{QStringLiteral(":from"), dialect().timestampValue(from)}});
    if (to.isValid())
        filter.add(QStringLiteral("timestamp < :to"),
                   {{QStringLiteral(":to"), dialect().timestampValue(to)}});
    const auto rows = selectRows(
        QStringLiteral("hub_samples"), filter, QStringLiteral("timestamp, id"), {0, 10'000'000});
    if (!rows)
        return rows.error();
    QList<StoredHubSample> result;
    result.reserve(rows->size());
    for (const QSqlRecord &r : *rows) {
        result << fromRecord(r);
        result.last().hub = hub;
    }
    return result;
}

Result<QHash<QString, StoredHubSample>> HubSampleStore::latest() const
{
    QSqlQuery query(db());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT s.*, h.name AS hub_name FROM hub_samples s JOIN hubs h ON h.id = s.hub_id "
            "WHERE s.timestamp = (SELECT max(t.timestamp) FROM hub_samples t WHERE t.hub_id = "
            "s.hub_id) ORDER BY s.id"))) {
        return failure(query, QStringLiteral("hub_samples"), tr("Cannot read the latest samples."));
    }
    QHash<QString, StoredHubSample> result;
    while (query.next()) {
        StoredHubSample s = fromRecord(query.record());
        s.hub = query.value(QStringLiteral("hub_name")).toString();
        result.insert(s.hub, s); // ties: the last inserted wins
    }
    QSqlQuery servers(db());
    servers.prepare(QStringLiteral("SELECT server_name, status, error, tool_count, enabled FROM "
                                   "hub_server_status WHERE sample_id = :id ORDER BY id"));
    for (StoredHubSample &s : result) {
        servers.bindValue(QStringLiteral(":id"), s.id);
        if (!servers.exec()) {
            return failure(
                servers, QStringLiteral("hub_server_status"), tr("Cannot read the server status."));
        }
        while (servers.next()) {
            HubServerStatus st;
            st.name = servers.value(0).toString();
            st.status = servers.value(1).toString();
            st.error = servers.value(2).toString();
            st.toolCount = servers.value(3).toInt();
            st.enabled = servers.value(4).toBool();
            s.sample.servers << st;
        }
    }
    return result;
}

Result<QList<HubCallCount>>
HubSampleStore::topCalls(const QString &hub, Group group, const QDateTime &from, int limit) const
{
    const QString column
        = group == Group::Server ? QStringLiteral("server_name") : QStringLiteral("tool_name");
    QSqlQuery query(db());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1, count(*) AS calls, sum(CASE WHEN success THEN 0 ELSE "
                                 "1 END) AS errors FROM mcp_usage_logs WHERE hub_name = :hub AND "
                                 "timestamp >= :from GROUP BY %1 ORDER BY calls DESC, %1 LIMIT "
                                 ":limit")
                      .arg(column));
    query.bindValue(QStringLiteral(":hub"), hub);
    query.bindValue(
        QStringLiteral(":from"),
        dialect().timestampValue(from.isValid() ? from : QDateTime::fromMSecsSinceEpoch(0)));
    query.bindValue(QStringLiteral(":limit"), limit);
    if (!query.exec())
        return failure(query, QStringLiteral("mcp_usage_logs"), tr("Cannot count the calls."));
    QList<HubCallCount> result;
    while (query.next())
        result << HubCallCount{
            query.value(0).toString(), query.value(1).toLongLong(), query.value(2).toLongLong()};
    return result;
}

Result<HubRetention> HubSampleStore::retention() const
{
    QSqlQuery query(db());
    if (!query.exec(QStringLiteral("SELECT key, value FROM hub_settings")))
        return failure(query, QStringLiteral("hub_settings"), tr("Cannot read the retention."));
    HubRetention r;
    while (query.next()) {
        const QString key = query.value(0).toString();
        bool ok = false;
        const int value = query.value(1).toString().toInt(&ok);
        if (!ok || value <= 0)
            continue;
        if (key == QLatin1String("retention.raw_hours"))
            r.rawHours = value;
        else if (key == QLatin1String("retention.minute_days"))
            r.minuteDays = value;
        else if (key == QLatin1String("retention.hour_days"))
            r.hourDays = value;
    }
    return r;
}

Result<void> HubSampleStore::setRetention(const HubRetention &r)
{
    if (r.rawHours <= 0 || r.minuteDays <= 0 || r.hourDays <= 0 || r.minuteDays * 24 < r.rawHours
        || r.hourDays < r.minuteDays) {
        return Error::make(Error::Code::Invalid,
                           tr("Each retention must be positive and at least as long as the finer "
                              "one before it (raw hours <= minute days <= hour days)."),
                           QStringLiteral("hub_settings: retention"));
    }
    const QJsonObject after{{QStringLiteral("rawHours"), r.rawHours},
                            {QStringLiteral("minuteDays"), r.minuteDays},
                            {QStringLiteral("hourDays"), r.hourDays}};
    return audited(QStringLiteral("hub.retention"),
                   QStringLiteral("hub_settings/retention"),
                   QStringLiteral("UPDATE"),
                   {},
                   after,
                   [&]() -> Result<void> {
                       QSqlQuery query(db());
                       query.prepare(dialect().upsertStatement(
                           db(),
                           QStringLiteral("hub_settings"),
                           {QStringLiteral("key"), QStringLiteral("value")},
                           {QStringLiteral("key")}));
                       const QList<QPair<QString, int>> values{
                           {QStringLiteral("retention.raw_hours"), r.rawHours},
                           {QStringLiteral("retention.minute_days"), r.minuteDays},
                           {QStringLiteral("retention.hour_days"), r.hourDays}};
                       for (const auto &[key, value] : values) {
                           query.bindValue(QStringLiteral(":key"), key);
                           query.bindValue(QStringLiteral(":value"), QString::number(value));
                           if (!query.exec())
                               return failure(query,
                                              QStringLiteral("hub_settings"),
                                              tr("Cannot save the retention."));
                       }
                       return {};
                   });
}

Result<int> HubSampleStore::aggregate(int fromResolution, int toResolution, const QDateTime &cutoff)
{
    // Align the cutoff to the coarser bucket, so that no bucket is split between two runs.
    const qint64 bucketMs = qint64(toResolution) * 1000;
    const QDateTime aligned
        = QDateTime::fromMSecsSinceEpoch(cutoff.toMSecsSinceEpoch() / bucketMs * bucketMs, Qt::UTC);
    const SqlDialect d = dialect();
    TransactionGuard tx(db());
    if (!tx.active())
        return tx.error();
    QSqlQuery select(db());
    select.setForwardOnly(true);
    select.prepare(QStringLiteral("SELECT * FROM hub_samples WHERE resolution = :r AND timestamp < "
                                  ":cutoff ORDER BY hub_id, timestamp, id"));
    select.bindValue(QStringLiteral(":r"), fromResolution);
    select.bindValue(QStringLiteral(":cutoff"), d.timestampValue(aligned));
    if (!select.exec())
        return failure(select, QStringLiteral("hub_samples"), tr("Cannot read old samples."));

    struct Bucket
    {
        qint64 hubId = 0;
        qint64 startMs = 0;
        int count = 0;
        HubSample last; // cumulative counters, version, messages: the newest value
        int worst = -1;
        HubState worstState = HubState::Healthy;
        double total = 0, connected = 0, disconnected = 0, latency = 0;
        int latencyCount = 0;
        bool activities = false;
        QString lastError;
    };
    std::map<std::pair<qint64, qint64>, Bucket> buckets;
    int rows = 0;
    while (select.next()) {
        const StoredHubSample s = fromRecord(select.record());
        const qint64 hub = select.value(QStringLiteral("hub_id")).toLongLong();
        const qint64 start = s.sample.timestamp.toMSecsSinceEpoch() / bucketMs * bucketMs;
        Bucket &b = buckets[{hub, start}];
        b.hubId = hub;
        b.startMs = start;
        b.count += s.sampleCount;
        b.last = s.sample;
        if (severity(s.sample.state) > b.worst) {
            b.worst = severity(s.sample.state);
            b.worstState = s.sample.state;
        }
        b.total += double(s.sample.serversTotal) * s.sampleCount;
        b.connected += double(s.sample.serversConnected) * s.sampleCount;
        b.disconnected += double(s.sample.serversDisconnected) * s.sampleCount;
        if (s.sample.latencyMs >= 0) {
            b.latency += double(s.sample.latencyMs) * s.sampleCount;
            b.latencyCount += s.sampleCount;
        }
        b.activities = b.activities || s.sample.activitiesAvailable;
        if (!s.sample.lastError.isEmpty())
            b.lastError = s.sample.lastError;
        ++rows;
    }
    if (rows == 0)
        return 0;

    QSqlQuery insert(db());
    insert.prepare(QStringLiteral("INSERT INTO hub_samples (%1) VALUES (:hub_id, :timestamp, "
                                  ":resolution, :sample_count, :state, :health_message, :version, "
                                  ":servers_total, :servers_connected, :servers_disconnected, "
                                  ":latency_ms, :tools_total, :users_total, :activities_available, "
                                  ":calls_total, :calls_success, :calls_error, :avg_duration_ms, "
                                  ":last_error)")
                       .arg(kSampleColumns));
    for (const auto &[key, b] : buckets) {
        const HubSample &l = b.last;
        insert.bindValue(QStringLiteral(":hub_id"), b.hubId);
        insert.bindValue(QStringLiteral(":timestamp"),
                         d.timestampValue(QDateTime::fromMSecsSinceEpoch(b.startMs, Qt::UTC)));
        insert.bindValue(QStringLiteral(":resolution"), toResolution);
        insert.bindValue(QStringLiteral(":sample_count"), b.count);
        insert.bindValue(QStringLiteral(":state"), HubSample::stateName(b.worstState));
        insert.bindValue(QStringLiteral(":health_message"), textOrNull(l.healthMessage));
        insert.bindValue(QStringLiteral(":version"), textOrNull(l.version));
        insert.bindValue(QStringLiteral(":servers_total"), qRound(b.total / b.count));
        insert.bindValue(QStringLiteral(":servers_connected"), qRound(b.connected / b.count));
        insert.bindValue(QStringLiteral(":servers_disconnected"), qRound(b.disconnected / b.count));
        insert.bindValue(QStringLiteral(":latency_ms"),
                         optionalInt(b.latencyCount > 0,
                                     b.latencyCount > 0 ? qRound(b.latency / b.latencyCount) : 0));
        insert.bindValue(QStringLiteral(":tools_total"),
                         optionalInt(l.openApi.has_value(), l.openApi ? l.openApi->totalTools : 0));
        insert.bindValue(QStringLiteral(":users_total"),
                         optionalInt(l.users.has_value(), l.users ? l.users->totalUsers : 0));
        insert.bindValue(QStringLiteral(":activities_available"), d.boolValue(b.activities));
        const bool a = l.activity.has_value();
        insert.bindValue(QStringLiteral(":calls_total"),
                         optionalInt(a, a ? l.activity->totalCalls : 0));
        insert.bindValue(QStringLiteral(":calls_success"),
                         optionalInt(a, a ? l.activity->successCount : 0));
        insert.bindValue(QStringLiteral(":calls_error"),
                         optionalInt(a, a ? l.activity->errorCount : 0));
        insert.bindValue(QStringLiteral(":avg_duration_ms"),
                         optionalInt(a, a ? l.activity->avgDurationMs : 0));
        insert.bindValue(QStringLiteral(":last_error"), textOrNull(b.lastError));
        if (!insert.exec())
            return failure(
                insert, QStringLiteral("hub_samples"), tr("Cannot store aggregated samples."));
    }
    QSqlQuery remove(db());
    if (fromResolution == 0) {
        remove.prepare(QStringLiteral("DELETE FROM hub_server_status WHERE timestamp < :cutoff"));
        remove.bindValue(QStringLiteral(":cutoff"), d.timestampValue(aligned));
        if (!remove.exec())
            return failure(
                remove, QStringLiteral("hub_server_status"), tr("Cannot delete old server rows."));
    }
    remove.prepare(
        QStringLiteral("DELETE FROM hub_samples WHERE resolution = :r AND timestamp < :cutoff"));
    remove.bindValue(QStringLiteral(":r"), fromResolution);
    remove.bindValue(QStringLiteral(":cutoff"), d.timestampValue(aligned));
    if (!remove.exec())
        return failure(
            remove, QStringLiteral("hub_samples"), tr("Cannot delete aggregated samples."));
    if (auto r = tx.commit(); !r)
        return r.error();
    return rows;
}

Result<HubSampleStore::Compaction> HubSampleStore::compact(const QDateTime &now)
{
    if (auto writable = checkWritable(QStringLiteral("hub_samples")); !writable)
        return writable.error();
    const auto r = retention();
    if (!r)
        return r.error();
    Compaction c;
    const auto raw = aggregate(0, 60, now.addSecs(-qint64(r->rawHours) * 3600));
    if (!raw)
        return raw.error();
    c.rawAggregated = *raw;
    const auto minutes = aggregate(60, 3600, now.addDays(-r->minuteDays));
    if (!minutes)
        return minutes.error();
    c.minuteAggregated = *minutes;
    QSqlQuery remove(db());
    remove.prepare(
        QStringLiteral("DELETE FROM hub_samples WHERE resolution = 3600 AND timestamp < :cutoff"));
    remove.bindValue(QStringLiteral(":cutoff"),
                     dialect().timestampValue(now.addDays(-r->hourDays)));
    if (!remove.exec())
        return failure(remove, QStringLiteral("hub_samples"), tr("Cannot delete expired samples."));
    c.deleted = remove.numRowsAffected();
    return c;
}

} // namespace mcphub
