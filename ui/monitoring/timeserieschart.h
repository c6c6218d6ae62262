#pragma once

#include <QWidget>

class QCheckBox;
class QChart;
class QDateTimeEdit;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace mcphub {

class TimeSeriesModel;

// A line chart of a TimeSeriesModel over a time range (15 min, 1 h, 24 h, 7 d or all data,
// ending at the newest sample, or a custom from/to range). Long ranges are downsampled (LTTB) to
// about two points per pixel, so a week of 5-second samples draws as fast as a few thousand points.
// Follows new samples unless paused; horizontal rubber-band zoom; hover shows time and value;
// exports the chart as PNG and the range's data as CSV. Reads only from the model: no I/O of its
// own besides the exports.
class TimeSeriesChart : public QWidget
{
    Q_OBJECT

public:
    enum class Range { FifteenMinutes, OneHour, OneDay, SevenDays, All, Custom };
    Q_ENUM(Range)

    explicit TimeSeriesChart(QWidget *parent = nullptr);

    void setModel(TimeSeriesModel *model); // not owned
    void setTitle(const QString &title);
    void setRange(Range range);
    Range range() const { return m_range; }
    // Shows [from, to] (msecs since the epoch) and selects Range::Custom.
    void setCustomRange(qint64 fromMsecs, qint64 toMsecs);
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    // Points drawn per series: about two per horizontal pixel of the chart, at least 200.
    int pointBudget() const;
    QList<QLineSeries *> lineSeries() const { return m_series; }
    QChart *chart() const { return m_chart; }
    QValueAxis *valueAxis() const { return m_valueAxis; }
    // Ticks on the value axis now (labels as many as the plot's height has room for).
    int valueTickCount() const;

    // The time window shown, msecs since the epoch.
    qint64 rangeStart() const { return m_from; }
    qint64 rangeEnd() const { return m_to; }

    bool exportPng(const QString &path) const;
    bool exportCsv(const QString &path) const;

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    // After setRange()/setCustomRange(), from the range box too (for Custom: its bounds).
    void rangeChanged(mcphub::TimeSeriesChart::Range range, qint64 fromMsecs, qint64 toMsecs);

private:
    void chooseExportFile(bool png);
    void scheduleRefresh();
    void rebuildSeries();
    void fitValueTicks();

    TimeSeriesModel *m_model = nullptr;
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_valueAxis = nullptr;
    QComboBox *m_rangeBox = nullptr;
    QCheckBox *m_pauseBox = nullptr;
    QDateTimeEdit *m_customFrom = nullptr;
    QDateTimeEdit *m_customTo = nullptr;
    QList<QLineSeries *> m_series;
    Range m_range = Range::OneHour;
    bool m_paused = false;
    bool m_refreshPending = false;
    qint64 m_from = 0;
    qint64 m_to = 0;
    qint64 m_customFromMsecs = 0;
    qint64 m_customToMsecs = 0;
};

} // namespace mcphub
