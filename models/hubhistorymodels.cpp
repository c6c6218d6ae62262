#include "models/hubhistorymodels.h"

#include <limits>

namespace mcphub {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

HubHistoryModels::HubHistoryModels(QObject *parent)
    : QObject(parent)
    , m_state(new TimeSeriesModel(this))
    , m_servers(new TimeSeriesModel(this))
    , m_calls(new TimeSeriesModel(this))
    , m_errorRate(new TimeSeriesModel(this))
    , m_latency(new TimeSeriesModel(this))
{
    m_state->setSeriesNames({tr("State")});
    m_servers->setSeriesNames({tr("Connected"), tr("Disconnected")});
    m_calls->setSeriesNames({tr("Tool calls")});
    m_errorRate->setSeriesNames({tr("Error rate (%)")});
    m_latency->setSeriesNames({tr("Health latency (ms)"), tr("Average call (ms)")});
}

double HubHistoryModels::stateLevel(HubState state)
{
    return double(int(state));
}

void HubHistoryModels::clear()
{
    for (TimeSeriesModel *m : {m_state, m_servers, m_calls, m_errorRate, m_latency})
        m->clear();
    m_lastActivity.reset();
}

void HubHistoryModels::load(const QList<StoredHubSample> &samples)
{
    clear();
    for (const StoredHubSample &s : samples)
        append(s.sample);
}

void HubHistoryModels::append(const HubSample &s)
{
    const qint64 t = s.timestamp.toMSecsSinceEpoch();
    m_state->appendSample(t, {stateLevel(s.state)});
    const bool answered = s.state == HubState::Healthy || s.state == HubState::Degraded;
    m_servers->appendSample(t,
                            {answered ? double(s.serversConnected) : kNaN,
                             answered ? double(s.serversDisconnected) : kNaN});
    double calls = kNaN, rate = kNaN;
    if (s.activity && m_lastActivity) {
        const qint64 dc = s.activity->totalCalls - m_lastActivity->totalCalls;
        const qint64 de = s.activity->errorCount - m_lastActivity->errorCount;
        if (dc >= 0 && de >= 0) {
            calls = double(dc);
            rate = dc > 0 ? 100.0 * double(de) / double(dc) : 0.0;
        }
    }
    if (s.activity)
        m_lastActivity = s.activity;
    m_calls->appendSample(t, {calls});
    m_errorRate->appendSample(t, {rate});
    m_latency->appendSample(t,
                            {s.latencyMs >= 0 ? double(s.latencyMs) : kNaN,
                             s.activity ? double(s.activity->avgDurationMs) : kNaN});
}

} // namespace mcphub
