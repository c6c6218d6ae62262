#pragma once

#include "models/timeseriesmodel.h"
#include "storage/hub/hubsamplestore.h"

#include <QObject>
#include <optional>

namespace mcphub {

// The time series the Hubs tab charts for one hub, derived from its samples: health state
// (0 healthy ... 4 auth failed, for the state bands), servers connected and disconnected,
// tool calls per poll interval, error rate (%) and latency (/health round trip and average
// tool-call duration, ms). Calls and errors are differences of the hub's cumulative counters,
// so a counter reset (hub restart) leaves a gap. Owns its models. GUI thread.
class HubHistoryModels : public QObject
{
    Q_OBJECT

public:
    explicit HubHistoryModels(QObject *parent = nullptr);

    TimeSeriesModel *state() const { return m_state; }
    TimeSeriesModel *servers() const { return m_servers; }
    TimeSeriesModel *calls() const { return m_calls; }
    TimeSeriesModel *errorRate() const { return m_errorRate; }
    TimeSeriesModel *latency() const { return m_latency; }

    void clear();
    void load(const QList<StoredHubSample> &samples);
    void append(const HubSample &sample);

    static double stateLevel(HubState state);

private:
    TimeSeriesModel *m_state;
    TimeSeriesModel *m_servers;
    TimeSeriesModel *m_calls;
    TimeSeriesModel *m_errorRate;
    TimeSeriesModel *m_latency;
    std::optional<HubActivityStats> m_lastActivity;
};

} // namespace mcphub
