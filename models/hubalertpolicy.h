#pragma once

#include "storage/hub/hubsample.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSettings>
#include <optional>

namespace mcphub {

// One alert about a hub.
struct HubAlert
{
    enum class Kind { StateWorse, ErrorRate, Recovered };
    Kind kind = Kind::StateWorse;
    QString hub;
    QDateTime at;
    QString title;   // translated, short
    QString message; // translated, names the hub and the reason

    // "state_worse" | "error_rate" | "recovered": how the event store names the kind.
    static QString kindName(Kind kind);
    static Kind kindFromName(const QString &name); // StateWorse for an unknown name
};

// Decides which samples raise an alert: a hub turning degraded, unhealthy, unreachable or
// auth-failed, or its tool-call error rate since the previous sample rising above the
// threshold; and a recovery. The same alert (hub + kind + state) is raised at most once per
// quiet period. A plain value; no I/O.
class HubAlertPolicy
{
    Q_DECLARE_TR_FUNCTIONS(HubAlertPolicy)

public:
    void setErrorRateThreshold(double fraction) { m_threshold = fraction; } // 0.2 = 20 %
    double errorRateThreshold() const { return m_threshold; }
    void setQuietPeriodMs(qint64 ms) { m_quietMs = ms; }
    qint64 quietPeriodMs() const { return m_quietMs; }
    void setMinimumCalls(int calls) { m_minimumCalls = calls; }
    int minimumCalls() const { return m_minimumCalls; }

    // The administrator's choices, kept in the console's settings (group "hubAlerts");
    // absent ones keep the defaults (20 %, 5 calls, 10 minutes).
    void load(const QSettings &settings);
    void save(QSettings &settings) const;

    // The alert this sample raises, if any; remembers the sample for the next call.
    std::optional<HubAlert> consider(const QString &hub, const HubSample &sample);
    void forget(const QString &hub);

private:
    std::optional<HubAlert> rateLimited(const HubAlert &alert, const QString &key);

    double m_threshold = 0.2;
    qint64 m_quietMs = 10 * 60 * 1000;
    int m_minimumCalls = 5;
    QHash<QString, HubSample> m_previous;
    QHash<QString, QDateTime> m_lastRaised; // hub + kind + state -> when
};

} // namespace mcphub
