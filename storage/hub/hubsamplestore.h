#pragma once

#include "storage/db/repositorybase.h"
#include "storage/hub/activityrecord.h"
#include "storage/hub/hubactivitycursor.h"
#include "storage/hub/hubsample.h"

#include <QCoreApplication>
#include <QHash>

namespace mcphub {

// One stored sample: a poll (resolution 0) or an aggregate of `sampleCount` polls over
// `resolution` seconds starting at sample.timestamp.
struct StoredHubSample
{
    qint64 id = 0;
    QString hub;
    int resolution = 0;
    int sampleCount = 1;
    HubSample sample; // servers filled only by latest()
};

// How long samples are kept at each resolution (table hub_settings).
struct HubRetention
{
    int rawHours = 24;  // then 1-minute aggregates
    int minuteDays = 7; // then 1-hour aggregates
    int hourDays = 90;  // then deleted
    bool operator==(const HubRetention &) const = default;
};

struct HubCallCount
{
    QString name; // server or tool
    qint64 calls = 0;
    qint64 errors = 0;
};

// The history of the hubs (tables hub_samples, hub_server_status, the hub rows of
// mcp_usage_logs): appends what the poller reports, activity rows with no duplicates (unique
// hub + activity id) together with the hub's sync cursor, reads ranges for the charts and
// ages old samples into 1-minute and 1-hour aggregates (compact()). Not audited: these are
// observations, not an administrator's changes. On the connection's thread.
class HubSampleStore : public RepositoryBase
{
    Q_DECLARE_TR_FUNCTIONS(HubSampleStore)

public:
    using RepositoryBase::RepositoryBase;

    // Stores one poll and its per-server rows in one transaction; returns the sample id.
    Result<qint64> append(const QString &hub, const HubSample &sample);
    // Inserts the rows the table does not have yet and moves the hub's stored cursor past
    // them, in one transaction; returns how many rows were new.
    Result<int> appendActivities(const QString &hub, const QList<ActivityRecord> &records);

    // Samples of `hub` with from <= timestamp < to (invalid: open end), oldest first, every
    // resolution (aggregates cover the older part).
    Result<QList<StoredHubSample>>
    samples(const QString &hub, const QDateTime &from = {}, const QDateTime &to = {}) const;
    // The newest sample of every hub that has one, with its per-server rows.
    Result<QHash<QString, StoredHubSample>> latest() const;

    // Calls per server or per tool synced from `hub` in [from, to), most first.
    enum class Group { Server, Tool };
    Result<QList<HubCallCount>>
    topCalls(const QString &hub, Group group, const QDateTime &from, int limit = 10) const;

    Result<HubRetention> retention() const;
    Result<void> setRetention(const HubRetention &retention);

    struct Compaction
    {
        int rawAggregated = 0;    // raw samples folded into 1-minute rows
        int minuteAggregated = 0; // 1-minute rows folded into 1-hour rows
        int deleted = 0;          // 1-hour rows past retention
    };
    // Ages samples older than the retention relative to `now`, each step in one transaction.
    Result<Compaction> compact(const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    Result<qint64> hubId(const QString &hub) const;
    Result<int> aggregate(int fromResolution, int toResolution, const QDateTime &cutoff);
    StoredHubSample fromRecord(const QSqlRecord &r) const;
    Error failure(const QSqlQuery &query, const QString &table, const QString &doing) const;

    mutable QHash<QString, qint64> m_hubIds;
};

} // namespace mcphub
