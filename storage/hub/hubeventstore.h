#pragma once

#include "storage/db/repositorybase.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>

namespace mcphub {

// One stored event about a hub (table hub_events): an alert the console raised, with the
// text it showed then, and who acknowledged it when.
struct HubEvent
{
    qint64 id = 0;
    QString hub;
    QDateTime at;             // UTC
    QString kind;             // state_worse | error_rate | recovered
    QString state;            // the hub's state then (HubSample::stateName), may be empty
    QString title;            // as shown when raised
    QString message;          // as shown when raised
    QDateTime acknowledgedAt; // invalid: not acknowledged
    QString acknowledgedBy;
    bool acknowledged() const { return acknowledgedAt.isValid(); }
};

// The events of the registered hubs: recorded as the console raises them, listed newest
// first, counted per hub while unacknowledged, and acknowledged one by one or all at once
// (audited: an administrator's decision; recording is not, it is an observation). Removing a
// hub removes its events (HubRepository::remove). On the connection's thread.
class HubEventStore : public RepositoryBase
{
    Q_DECLARE_TR_FUNCTIONS(HubEventStore)

public:
    using RepositoryBase::RepositoryBase;

    // Stores `event` (id and acknowledgement ignored); returns its id. NotFound when the hub
    // is not registered.
    Result<qint64> record(const HubEvent &event);
    // The newest `limit` events of every hub, newest first.
    Result<QList<HubEvent>> list(int limit = 500) const;
    // Unacknowledged events per hub name (hubs without any are absent).
    Result<QHash<QString, int>> unacknowledgedCounts() const;
    // Acknowledges the events `ids` not acknowledged yet; returns how many it changed.
    Result<int> acknowledge(const QList<qint64> &ids);
    // Acknowledges every unacknowledged event (of `hub` only when given); returns how many.
    Result<int> acknowledgeAll(const QString &hub = {});

private:
    Error failure(const QSqlQuery &query, const QString &doing) const;
};

} // namespace mcphub
