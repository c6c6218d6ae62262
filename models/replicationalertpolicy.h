#pragma once

#include "models/hubalertpolicy.h"
#include "storage/db/replicationstatus.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QSettings>

namespace mcphub {

// Decides which replication readings raise an alert (as HubAlerts, so that the console's
// alert notifier lists and shows them): a standby whose replay lag passes the threshold (in
// seconds or bytes), a standby that was streaming and is gone, a standby that lost its
// primary; and each one's recovery. Edge-triggered: an alert is raised when a condition
// starts and a recovery when it ends, never again while it lasts. A plain value; no I/O.
class ReplicationAlertPolicy
{
    Q_DECLARE_TR_FUNCTIONS(ReplicationAlertPolicy)

public:
    void setLagThresholdSeconds(double seconds) { m_thresholds.seconds = seconds; }
    double lagThresholdSeconds() const { return m_thresholds.seconds; }
    void setLagThresholdBytes(qint64 bytes) { m_thresholds.bytes = bytes; }
    qint64 lagThresholdBytes() const { return m_thresholds.bytes; }
    const ReplicationLagThresholds &thresholds() const { return m_thresholds; }

    // The administrator's choices (ReplicationLagThresholds::load).
    void load(const QSettings &settings);

    // The alerts this reading raises, in order; remembers the reading for the next call.
    QList<HubAlert> consider(const ReplicationStatus &status);

private:
    bool lagging(const std::optional<double> &seconds, const std::optional<qint64> &bytes) const;

    ReplicationLagThresholds m_thresholds;
    bool m_seen = false;
    QSet<QString> m_standbys; // "application@address" streaming at the previous reading
    QSet<QString> m_lagging;  // standbys (or this standby, "") over the threshold
    bool m_receiving = true;  // a standby: its WAL receiver was streaming
};

} // namespace mcphub
