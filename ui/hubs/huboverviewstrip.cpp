#include "ui/hubs/huboverviewstrip.h"

#include "models/hubtablemodel.h"
#include "ui/hubs/hubalertnotifier.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QHBoxLayout>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QStyleOptionFocusRect>

namespace mcphub {

namespace {

// One hub: its name, a coloured dot with the state in words, and the red badge of its
// unacknowledged events. Painted, so that it stays compact in any style and language.
class HubTile : public QAbstractButton
{
public:
    explicit HubTile(const QString &name, QWidget *parent)
        : QAbstractButton(parent)
        , m_name(name)
    {
        setCheckable(true);
        setCursor(Qt::PointingHandCursor);
        setFocusPolicy(Qt::StrongFocus);
        setObjectName(QStringLiteral("hubTile:") + name);
    }

    void setState(const QString &label, const QColor &color, int badge, const QString &tooltip)
    {
        m_label = label;
        m_color = color;
        m_badge = badge;
        setText(badge > 0 ? HubOverviewStrip::tr("%1: %2, %n unacknowledged event(s)", "", badge)
                                .arg(m_name, label)
                          : HubOverviewStrip::tr("%1: %2").arg(m_name, label));
        setAccessibleName(text());
        setToolTip(tooltip);
        updateGeometry();
        update();
    }

    QSize sizeHint() const override
    {
        QFont bold = font();
        bold.setBold(true);
        const QFontMetrics boldMetrics(bold);
        const QFontMetrics metrics(font());
        const int textWidth = qMax(boldMetrics.horizontalAdvance(m_name),
                                   metrics.height() + metrics.horizontalAdvance(m_label));
        const int badgeWidth = m_badge > 0 ? badgeSize().width() + 6 : 0;
        return {qMin(12 + textWidth + badgeWidth + 10, 260),
                6 + boldMetrics.height() + metrics.height() + 6};
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
        const QPalette pal = palette();
        p.setPen(QPen(isChecked() ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid),
                      isChecked() ? 2 : 1));
        p.setBrush(underMouse() ? pal.color(QPalette::AlternateBase) : pal.color(QPalette::Base));
        p.drawRoundedRect(box, 4, 4);
        // The state's colour down the left edge, as in the health timeline.
        p.setPen(Qt::NoPen);
        p.setBrush(m_color);
        p.drawRoundedRect(QRectF(box.left() + 1, box.top() + 1, 5, box.height() - 2), 2, 2);

        QFont bold = font();
        bold.setBold(true);
        const QFontMetrics boldMetrics(bold);
        const QFontMetrics metrics(font());
        const int left = 12;
        const int badgeWidth = m_badge > 0 ? badgeSize().width() + 6 : 0;
        const int textRight = width() - 6 - badgeWidth;
        p.setFont(bold);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(left, 6, textRight - left, boldMetrics.height()),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   boldMetrics.elidedText(m_name, Qt::ElideRight, textRight - left));
        const int y = 6 + boldMetrics.height();
        const int dot = metrics.height() / 2;
        p.setPen(Qt::NoPen);
        p.setBrush(m_color);
        p.drawEllipse(QRectF(left, y + (metrics.height() - dot) / 2.0, dot, dot));
        p.setFont(font());
        p.setPen(m_color.darker(120));
        p.drawText(QRect(left + dot + 4, y, textRight - left - dot - 4, metrics.height()),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   m_label);
        if (m_badge > 0) {
            const QSize size = badgeSize();
            const QRectF badge(width() - 6 - size.width(),
                               (height() - size.height()) / 2.0,
                               size.width(),
                               size.height());
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(0xc6, 0x28, 0x28));
            p.drawRoundedRect(badge, size.height() / 2.0, size.height() / 2.0);
            QFont small = bold;
            p.setFont(small);
            p.setPen(Qt::white);
            p.drawText(badge, Qt::AlignCenter, badgeText());
        }
        if (hasFocus()) {
            QStyleOptionFocusRect focus;
            focus.initFrom(this);
            focus.rect = rect().adjusted(2, 2, -2, -2);
            style()->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, &p, this);
        }
    }

    void enterEvent(QEnterEvent *event) override
    {
        update();
        QAbstractButton::enterEvent(event);
    }
    void leaveEvent(QEvent *event) override
    {
        update();
        QAbstractButton::leaveEvent(event);
    }

private:
    QString badgeText() const
    {
        return m_badge > 99 ? QStringLiteral("99+") : QString::number(m_badge);
    }
    QSize badgeSize() const
    {
        QFont bold = font();
        bold.setBold(true);
        const QFontMetrics metrics(bold);
        const int h = metrics.height() + 2;
        return {qMax(h, metrics.horizontalAdvance(badgeText()) + 10), h};
    }

    QString m_name;
    QString m_label;
    QColor m_color = Qt::gray;
    int m_badge = 0;
};

} // namespace

HubOverviewStrip::HubOverviewStrip(HubTableModel *hubs, HubAlertNotifier *alerts, QWidget *parent)
    : QScrollArea(parent)
    , m_hubs(hubs)
    , m_alerts(alerts)
    , m_content(new QWidget(this))
    , m_layout(new QHBoxLayout(m_content))
    , m_group(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("hubOverview"));
    m_group->setExclusive(true);
    m_layout->setContentsMargins(0, 2, 0, 2);
    m_layout->setSpacing(6);
    m_layout->addStretch();
    setWidget(m_content);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    connect(m_hubs, &QAbstractItemModel::modelReset, this, &HubOverviewStrip::rebuild);
    connect(m_hubs, &QAbstractItemModel::rowsInserted, this, &HubOverviewStrip::rebuild);
    connect(m_hubs, &QAbstractItemModel::rowsRemoved, this, &HubOverviewStrip::rebuild);
    connect(m_hubs, &QAbstractItemModel::dataChanged, this, &HubOverviewStrip::refresh);
    connect(m_alerts, &HubAlertNotifier::unacknowledgedChanged, this, &HubOverviewStrip::refresh);
    rebuild();
}

QString HubOverviewStrip::overallLabel(Overall overall)
{
    switch (overall) {
    case Overall::Up:
        return tr("Up");
    case Overall::Degraded:
        return tr("Degraded");
    case Overall::Down:
        return tr("Down");
    case Overall::Unknown:
        break;
    }
    return tr("Unknown");
}

QColor HubOverviewStrip::overallColor(Overall overall)
{
    switch (overall) {
    case Overall::Up:
        return HubTableModel::stateColor(HubState::Healthy);
    case Overall::Degraded:
        return HubTableModel::stateColor(HubState::Degraded);
    case Overall::Down:
        return HubTableModel::stateColor(HubState::Unhealthy);
    case Overall::Unknown:
        break;
    }
    return QColor(0x75, 0x75, 0x75);
}

HubOverviewStrip::Overall HubOverviewStrip::overall(const QString &hub) const
{
    const int row = m_hubs->rowOf(hub);
    const auto sample = row >= 0 ? m_hubs->sampleAt(row) : std::nullopt;
    if (!sample)
        return Overall::Unknown;
    switch (sample->state) {
    case HubState::Healthy:
        return Overall::Up;
    case HubState::Degraded:
        return Overall::Degraded;
    case HubState::Unhealthy:
    case HubState::Unreachable:
    case HubState::AuthFailed:
        return Overall::Down;
    }
    return Overall::Unknown;
}

QString HubOverviewStrip::stateText(const QString &hub) const
{
    return overallLabel(overall(hub));
}

int HubOverviewStrip::badge(const QString &hub) const
{
    return m_alerts->unacknowledged(hub);
}

void HubOverviewStrip::rebuild()
{
    for (const QPointer<QAbstractButton> &tile : std::as_const(m_tiles))
        delete tile.data();
    m_tiles.clear();
    for (int row = 0; row < m_hubs->rowCount(); ++row) {
        const QString name = m_hubs->hubAt(row).name;
        auto *tile = new HubTile(name, m_content);
        m_group->addButton(tile);
        m_layout->insertWidget(row, tile);
        connect(tile, &QAbstractButton::clicked, this, [this, name] { Q_EMIT hubClicked(name); });
        m_tiles.insert(name, tile);
    }
    setVisible(!m_tiles.isEmpty());
    refresh();
    setCurrentHub(m_current);
}

void HubOverviewStrip::refresh()
{
    int height = 0;
    for (auto it = m_tiles.cbegin(); it != m_tiles.cend(); ++it) {
        auto *tile = static_cast<HubTile *>(it->data());
        if (!tile)
            continue;
        const int row = m_hubs->rowOf(it.key());
        const Overall o = overall(it.key());
        const auto sample = row >= 0 ? m_hubs->sampleAt(row) : std::nullopt;
        QString tooltip = sample ? tr("%1: %2").arg(it.key(), HubSample::stateLabel(sample->state))
                                 : tr("%1: not polled yet").arg(it.key());
        const int unacknowledged = badge(it.key());
        if (unacknowledged > 0)
            tooltip += QLatin1Char('\n')
                       + tr("%n unacknowledged event(s): see Events", "", unacknowledged);
        tile->setState(overallLabel(o), overallColor(o), unacknowledged, tooltip);
        height = qMax(height, tile->sizeHint().height());
    }
    // Room for the tiles and, when they overflow, the horizontal scroll bar.
    setFixedHeight(height + 4 + horizontalScrollBar()->sizeHint().height());
}

void HubOverviewStrip::setCurrentHub(const QString &name)
{
    m_current = name;
    if (QAbstractButton *tile = m_tiles.value(name)) {
        tile->setChecked(true);
        ensureWidgetVisible(tile);
    } else if (QAbstractButton *checked = m_group->checkedButton()) {
        m_group->setExclusive(false);
        checked->setChecked(false);
        m_group->setExclusive(true);
    }
}

} // namespace mcphub
