#pragma once

#include <QWidget>

namespace mcphub {

class TimeSeriesModel;

// The health timeline of one hub: coloured bands, one per stretch of time in one state
// (healthy, degraded, unhealthy, unreachable, authentication failed), over the last
// `rangeMs` up to the newest sample. Reads series 0 of a TimeSeriesModel holding
// HubHistoryModels::stateLevel values; paints only, no I/O.
class HubStateTimeline : public QWidget
{
    Q_OBJECT

public:
    explicit HubStateTimeline(QWidget *parent = nullptr);

    void setModel(TimeSeriesModel *model); // not owned
    void setRangeMs(qint64 rangeMs);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    TimeSeriesModel *m_model = nullptr;
    qint64 m_rangeMs = 60 * 60 * 1000;
};

} // namespace mcphub
