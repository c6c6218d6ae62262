#include "ui/hubs/hubstatetimeline.h"

#include "models/hubtablemodel.h"
#include "models/timeseriesmodel.h"

#include <QDateTime>
#include <QLocale>
#include <QPainter>

#include <cmath>

namespace mcphub {

HubStateTimeline::HubStateTimeline(QWidget *parent)
    : QWidget(parent)
{
    setMinimumHeight(44);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize HubStateTimeline::sizeHint() const
{
    return {400, 48};
}

void HubStateTimeline::setModel(TimeSeriesModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::rowsInserted, this, qOverload<>(&QWidget::update));
        connect(m_model, &QAbstractItemModel::modelReset, this, qOverload<>(&QWidget::update));
    }
    update();
}

void HubStateTimeline::setRangeMs(qint64 rangeMs)
{
    m_rangeMs = qMax<qint64>(1000, rangeMs);
    update();
}

void HubStateTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRect bands = rect().adjusted(0, 0, -1, -fontMetrics().height() - 4);
    p.fillRect(bands, palette().alternateBase());
    p.setPen(palette().mid().color());
    p.drawRect(bands);
    if (!m_model || m_model->rowCount() == 0) {
        p.setPen(palette().text().color());
        p.drawText(bands, Qt::AlignCenter, tr("No samples yet"));
        return;
    }
    const qint64 to = qMax(m_model->lastMsecs(), QDateTime::currentMSecsSinceEpoch());
    const qint64 from = to - m_rangeMs;
    const QList<QPointF> points = m_model->points(0, from - m_rangeMs, to);
    auto xOf = [&](qint64 t) {
        return bands.left() + double(t - from) / double(m_rangeMs) * bands.width();
    };
    for (qsizetype i = 0; i < points.size(); ++i) {
        const qint64 start = qint64(points.at(i).x());
        const qint64 end = i + 1 < points.size() ? qint64(points.at(i + 1).x()) : to;
        if (end < from)
            continue;
        const double x0 = qMax<double>(bands.left(), xOf(start));
        const double x1 = qMin<double>(bands.right(), xOf(end));
        const auto state = HubState(int(std::lround(points.at(i).y())));
        p.fillRect(QRectF(x0, bands.top() + 1, qMax(1.0, x1 - x0), bands.height() - 1),
                   HubTableModel::stateColor(state));
    }
    p.setPen(palette().text().color());
    const QLocale locale;
    const QRect labels(bands.left(), bands.bottom() + 2, bands.width(), fontMetrics().height());
    p.drawText(labels,
               Qt::AlignLeft,
               locale.toString(QDateTime::fromMSecsSinceEpoch(from).time(), QLocale::ShortFormat));
    p.drawText(labels,
               Qt::AlignRight,
               locale.toString(QDateTime::fromMSecsSinceEpoch(to).time(), QLocale::ShortFormat));
}

} // namespace mcphub
