#include "models/hubalertpolicy.h"

namespace mcphub {

QString HubAlert::kindName(Kind kind)
{
    switch (kind) {
    case Kind::StateWorse:
        return QStringLiteral("state_worse");
    case Kind::ErrorRate:
        return QStringLiteral("error_rate");
    case Kind::Recovered:
        return QStringLiteral("recovered");
    }
    return QStringLiteral("state_worse");
}

HubAlert::Kind HubAlert::kindFromName(const QString &name)
{
    if (name == QLatin1String("error_rate"))
        return Kind::ErrorRate;
    if (name == QLatin1String("recovered"))
        return Kind::Recovered;
    return Kind::StateWorse;
}

std::optional<HubAlert> HubAlertPolicy::consider(const QString &hub, const HubSample &sample)
{
    const std::optional<HubSample> previous
        = m_previous.contains(hub) ? std::optional(m_previous.value(hub)) : std::nullopt;
    m_previous.insert(hub, sample);
    const bool bad = sample.state != HubState::Healthy;
    const bool wasBad = previous && previous->state != HubState::Healthy;

    if (bad && (!previous || previous->state != sample.state)) {
        HubAlert a;
        a.kind = HubAlert::Kind::StateWorse;
        a.hub = hub;
        a.at = sample.timestamp;
        a.title = tr("Hub %1 is %2").arg(hub, HubSample::stateLabel(sample.state).toLower());
        a.message = sample.lastError.isEmpty() ? sample.healthMessage : sample.lastError;
        if (a.message.isEmpty())
            a.message = a.title;
        return rateLimited(a, hub + QStringLiteral("/state/") + HubSample::stateName(sample.state));
    }
    if (!bad && wasBad) {
        HubAlert a;
        a.kind = HubAlert::Kind::Recovered;
        a.hub = hub;
        a.at = sample.timestamp;
        a.title = tr("Hub %1 is healthy again").arg(hub);
        a.message = sample.healthMessage.isEmpty() ? a.title : sample.healthMessage;
        return a; // recoveries are never rate-limited: they close an alert
    }
    if (previous && previous->activity && sample.activity) {
        const qint64 calls = sample.activity->totalCalls - previous->activity->totalCalls;
        const qint64 errors = sample.activity->errorCount - previous->activity->errorCount;
        if (calls >= m_minimumCalls && errors >= 0
            && double(errors) / double(calls) > m_threshold) {
            HubAlert a;
            a.kind = HubAlert::Kind::ErrorRate;
            a.hub = hub;
            a.at = sample.timestamp;
            a.title = tr("Hub %1: many failing tool calls").arg(hub);
            a.message = tr("%1 of %2 tool calls failed since the previous poll (%3 %), above the "
                           "threshold of %4 %.")
                            .arg(errors)
                            .arg(calls)
                            .arg(qRound(100.0 * double(errors) / double(calls)))
                            .arg(qRound(100.0 * m_threshold));
            return rateLimited(a, hub + QStringLiteral("/error-rate"));
        }
    }
    return std::nullopt;
}

std::optional<HubAlert> HubAlertPolicy::rateLimited(const HubAlert &alert, const QString &key)
{
    const QDateTime last = m_lastRaised.value(key);
    if (last.isValid() && last.msecsTo(alert.at) < m_quietMs)
        return std::nullopt;
    m_lastRaised.insert(key, alert.at);
    return alert;
}

void HubAlertPolicy::forget(const QString &hub)
{
    m_previous.remove(hub);
}

void HubAlertPolicy::load(const QSettings &settings)
{
    m_threshold
        = qBound(1,
                 settings
                     .value(QStringLiteral("hubAlerts/errorRatePercent"), qRound(100 * m_threshold))
                     .toInt(),
                 100)
          / 100.0;
    m_minimumCalls
        = qBound(1,
                 settings.value(QStringLiteral("hubAlerts/minimumCalls"), m_minimumCalls).toInt(),
                 100000);
    m_quietMs = qint64(qBound(
                    0,
                    settings.value(QStringLiteral("hubAlerts/quietMinutes"), int(m_quietMs / 60000))
                        .toInt(),
                    24 * 60))
                * 60000;
}

void HubAlertPolicy::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("hubAlerts/errorRatePercent"), qRound(100 * m_threshold));
    settings.setValue(QStringLiteral("hubAlerts/minimumCalls"), m_minimumCalls);
    settings.setValue(QStringLiteral("hubAlerts/quietMinutes"), int(m_quietMs / 60000));
}

} // namespace mcphub
