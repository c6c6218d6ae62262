#include "ui/monitoring/timeserieschart.h"

#include "models/downsampling.h"
#include "models/timeseriesmodel.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace mcphub {

namespace {

qint64 rangeMsecs(TimeSeriesChart::Range range)
{
    switch (range) {
    case TimeSeriesChart::Range::FifteenMinutes:
        return 15 * 60 * 1000LL;
    case TimeSeriesChart::Range::OneHour:
        return 60 * 60 * 1000LL;
    case TimeSeriesChart::Range::OneDay:
        return 24 * 60 * 60 * 1000LL;
    case TimeSeriesChart::Range::SevenDays:
        return 7 * 24 * 60 * 60 * 1000LL;
    case TimeSeriesChart::Range::All:
    case TimeSeriesChart::Range::Custom:
        break;
    }
    return 0;
}

} // namespace

TimeSeriesChart::TimeSeriesChart(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_timeAxis(new QDateTimeAxis(this))
    , m_valueAxis(new QValueAxis(this))
    , m_rangeBox(new QComboBox(this))
    , m_pauseBox(new QCheckBox(tr("Pause"), this))
{
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_valueAxis->setLabelFormat(QStringLiteral("%g"));
    // Squeezed labels are all elided to "…": keep to the ticks the plot has room for.
    m_valueAxis->setTickType(QValueAxis::TicksDynamic);
    connect(m_chart, &QChart::plotAreaChanged, this, &TimeSeriesChart::fitValueTicks);
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setRubberBand(QChartView::HorizontalRubberBand);

    m_rangeBox->addItem(tr("Last 15 minutes"), QVariant::fromValue(Range::FifteenMinutes));
    m_rangeBox->addItem(tr("Last hour"), QVariant::fromValue(Range::OneHour));
    m_rangeBox->addItem(tr("Last 24 hours"), QVariant::fromValue(Range::OneDay));
    m_rangeBox->addItem(tr("Last 7 days"), QVariant::fromValue(Range::SevenDays));
    m_rangeBox->addItem(tr("All samples"), QVariant::fromValue(Range::All));
    m_rangeBox->addItem(tr("Custom range"), QVariant::fromValue(Range::Custom));
    m_rangeBox->setCurrentIndex(1);
    m_rangeBox->setToolTip(tr("Time range shown, ending at the newest sample"));
    m_pauseBox->setToolTip(tr("Stop following new samples"));
    auto *resetZoom = new QPushButton(tr("Reset zoom"), this);
    resetZoom->setToolTip(tr("Drag across the chart to zoom in; this shows the whole range again"));

    m_customFrom = new QDateTimeEdit(this);
    m_customTo = new QDateTimeEdit(this);
    for (QDateTimeEdit *edit : {m_customFrom, m_customTo}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setVisible(false);
    }
    m_customFrom->setToolTip(tr("Start of the custom range"));
    m_customTo->setToolTip(tr("End of the custom range"));
    const auto customEdited = [this] {
        setCustomRange(m_customFrom->dateTime().toMSecsSinceEpoch(),
                       m_customTo->dateTime().toMSecsSinceEpoch());
    };
    connect(m_customFrom, &QDateTimeEdit::editingFinished, this, customEdited);
    connect(m_customTo, &QDateTimeEdit::editingFinished, this, customEdited);

    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setToolTip(tr("Save the chart as a PNG image or its data as CSV"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    exportMenu->addAction(tr("Chart as PNG..."), this, [this] { chooseExportFile(true); });
    exportMenu->addAction(tr("Data as CSV..."), this, [this] { chooseExportFile(false); });
    exportButton->setMenu(exportMenu);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_rangeBox);
    controls->addWidget(m_customFrom);
    controls->addWidget(m_customTo);
    controls->addWidget(m_pauseBox);
    controls->addWidget(resetZoom);
    controls->addStretch(1);
    controls->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_view, 1);

    connect(m_rangeBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        setRange(m_rangeBox->itemData(index).value<Range>());
    });
    connect(m_pauseBox, &QCheckBox::toggled, this, &TimeSeriesChart::setPaused);
    connect(resetZoom, &QPushButton::clicked, this, [this] {
        m_chart->zoomReset();
        refresh();
    });
}

void TimeSeriesChart::setModel(TimeSeriesModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &TimeSeriesChart::scheduleRefresh);
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            rebuildSeries();
            scheduleRefresh();
        });
    }
    rebuildSeries();
    refresh();
}

void TimeSeriesChart::setTitle(const QString &title)
{
    m_chart->setTitle(title);
}

void TimeSeriesChart::setCustomRange(qint64 fromMsecs, qint64 toMsecs)
{
    m_customFromMsecs = std::min(fromMsecs, toMsecs);
    m_customToMsecs = std::max(fromMsecs, toMsecs);
    const QSignalBlocker blockFrom(m_customFrom);
    const QSignalBlocker blockTo(m_customTo);
    m_customFrom->setDateTime(QDateTime::fromMSecsSinceEpoch(m_customFromMsecs));
    m_customTo->setDateTime(QDateTime::fromMSecsSinceEpoch(m_customToMsecs));
    setRange(Range::Custom);
}

void TimeSeriesChart::setRange(Range range)
{
    if (range == Range::Custom && m_customToMsecs == 0 && m_model) {
        // First choice of a custom range: start from the whole data, then let the user narrow it.
        m_customFromMsecs = m_model->firstMsecs();
        m_customToMsecs = m_model->lastMsecs();
        m_customFrom->setDateTime(QDateTime::fromMSecsSinceEpoch(m_customFromMsecs));
        m_customTo->setDateTime(QDateTime::fromMSecsSinceEpoch(m_customToMsecs));
    }
    m_range = range;
    m_customFrom->setVisible(range == Range::Custom);
    m_customTo->setVisible(range == Range::Custom);
    const int index = m_rangeBox->findData(QVariant::fromValue(range));
    if (index != m_rangeBox->currentIndex())
        m_rangeBox->setCurrentIndex(index);
    refresh();
    Q_EMIT rangeChanged(m_range, m_customFromMsecs, m_customToMsecs);
}

void TimeSeriesChart::setPaused(bool paused)
{
    m_paused = paused;
    if (m_pauseBox->isChecked() != paused)
        m_pauseBox->setChecked(paused);
    if (!paused)
        refresh();
}

int TimeSeriesChart::pointBudget() const
{
    // From the view's width, not the plot area's, which moves with the axis labels.
    return std::max(200, 2 * m_view->width());
}

void TimeSeriesChart::rebuildSeries()
{
    for (QLineSeries *series : std::as_const(m_series)) {
        m_chart->removeSeries(series);
        delete series;
    }
    m_series.clear();
    if (!m_model)
        return;
    for (const QString &name : m_model->seriesNames()) {
        auto *series = new QLineSeries(this);
        series->setName(name);
        m_chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_valueAxis);
        connect(
            series, &QLineSeries::hovered, this, [this, series](const QPointF &point, bool state) {
                if (!state) {
                    QToolTip::hideText();
                    return;
                }
                const QString when = QLocale().toString(
                    QDateTime::fromMSecsSinceEpoch(qint64(point.x())).toLocalTime(),
                    QLocale::ShortFormat);
                QToolTip::showText(QCursor::pos(),
                                   QStringLiteral("%1\n%2: %3")
                                       .arg(when, series->name(), QString::number(point.y())));
            });
        m_series.append(series);
    }
}

void TimeSeriesChart::scheduleRefresh()
{
    if (m_paused || m_refreshPending)
        return;
    // Coalesce a burst of inserted samples into one redraw.
    m_refreshPending = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshPending = false;
        refresh();
    });
}

void TimeSeriesChart::refresh()
{
    if (!m_model || m_model->rowCount() == 0) {
        for (QLineSeries *series : std::as_const(m_series))
            series->clear();
        return;
    }
    if (m_range == Range::Custom) {
        m_from = m_customFromMsecs;
        m_to = m_customToMsecs;
    } else {
        m_to = m_model->lastMsecs();
        const qint64 span = rangeMsecs(m_range);
        m_from = span > 0 ? m_to - span : m_model->firstMsecs();
    }

    const int budget = pointBudget();
    double minY = std::numeric_limits<double>::max();
    double maxY = std::numeric_limits<double>::lowest();
    for (int i = 0; i < m_series.size(); ++i) {
        const QList<QPointF> points = downsampleLttb(m_model->points(i, m_from, m_to), budget);
        for (const QPointF &p : points) {
            minY = std::min(minY, p.y());
            maxY = std::max(maxY, p.y());
        }
        m_series.at(i)->replace(points);
    }
    if (minY > maxY) {
        minY = 0;
        maxY = 1;
    }
    const double pad = (maxY - minY) * 0.05;
    // Counts, rates and latencies are never negative: keep zero as the floor for them, and let
    // the axis pick round tick values.
    const double lower = minY >= 0 ? 0.0 : minY - pad;
    m_valueAxis->setRange(lower, maxY + std::max(pad, 1e-9));
    m_valueAxis->applyNiceNumbers();
    fitValueTicks();
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(m_from),
                         QDateTime::fromMSecsSinceEpoch(std::max(m_to, m_from + 1)));
    m_timeAxis->setFormat(m_to - m_from > 24 * 60 * 60 * 1000LL ? QStringLiteral("MM-dd HH:mm")
                                                                : QStringLiteral("HH:mm:ss"));
}

void TimeSeriesChart::fitValueTicks()
{
    // Round steps (1, 2, 5 x 10^n) from the axis' lower end, at most one label per 1.6 lines
    // of the plot's height, and never fewer than the two ends.
    const double height = m_chart->plotArea().height();
    const double line = QFontMetricsF(m_valueAxis->labelsFont()).height() * 1.6;
    const double span = m_valueAxis->max() - m_valueAxis->min();
    if (span <= 0 || line <= 0)
        return;
    const int room = height > 0 ? std::max(2, int(height / line) + 1) : 5;
    const double wanted = span / (room - 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(wanted)));
    double step = 10 * magnitude;
    for (const double m : {1.0, 2.0, 5.0}) {
        if (m * magnitude >= wanted * (1 - 1e-9)) {
            step = m * magnitude;
            break;
        }
    }
    m_valueAxis->setTickAnchor(m_valueAxis->min());
    if (!qFuzzyCompare(m_valueAxis->tickInterval(), step))
        m_valueAxis->setTickInterval(step);
}

int TimeSeriesChart::valueTickCount() const
{
    const double span = m_valueAxis->max() - m_valueAxis->min();
    if (m_valueAxis->tickType() != QValueAxis::TicksDynamic || m_valueAxis->tickInterval() <= 0)
        return m_valueAxis->tickCount();
    return int(std::floor(span / m_valueAxis->tickInterval() + 1e-9)) + 1;
}

void TimeSeriesChart::chooseExportFile(bool png)
{
    const QString title = m_chart->title().isEmpty() ? tr("chart") : m_chart->title();
    const QString path = QFileDialog::getSaveFileName(
        this,
        png ? tr("Save chart as PNG") : tr("Save chart data as CSV"),
        title + (png ? QStringLiteral(".png") : QStringLiteral(".csv")),
        png ? tr("PNG images (*.png)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (!(png ? exportPng(path) : exportCsv(path))) {
        QMessageBox::warning(
            this,
            tr("Export failed"),
            tr("%1 could not be written. Check the folder and its permissions.").arg(path));
    }
}

bool TimeSeriesChart::exportPng(const QString &path) const
{
    return m_view->grab().save(path, "PNG");
}

bool TimeSeriesChart::exportCsv(const QString &path) const
{
    if (!m_model)
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(m_model->toCsv(m_from, m_to));
    return file.commit();
}

} // namespace mcphub
