#include "ui/logs/timerangeselector.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>

namespace mcphub {

TimeRangeSelector::TimeRangeSelector(QWidget *parent)
    : QWidget(parent)
    , m_preset(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
{
    m_preset->addItem(tr("All time"), AllTime);
    m_preset->addItem(tr("Last hour"), LastHour);
    m_preset->addItem(tr("Last 24 hours"), LastDay);
    m_preset->addItem(tr("Last 7 days"), LastWeek);
    m_preset->addItem(tr("Last 30 days"), LastMonth);
    m_preset->addItem(tr("Custom…"), Custom);
    m_preset->setToolTip(tr("Only rows in this time range."));
    const QDateTime now = QDateTime::currentDateTime();
    m_from->setDateTime(now.addDays(-1));
    m_to->setDateTime(now);
    m_from->setCalendarPopup(true);
    m_to->setCalendarPopup(true);
    m_from->setToolTip(tr("From (inclusive)"));
    m_to->setToolTip(tr("To (exclusive)"));
    m_from->hide();
    m_to->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_preset);
    layout->addWidget(m_from);
    layout->addWidget(m_to);
    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = m_preset->currentData().toInt() == Custom;
        m_from->setVisible(custom);
        m_to->setVisible(custom);
        Q_EMIT rangeChanged();
    });
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &TimeRangeSelector::rangeChanged);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &TimeRangeSelector::rangeChanged);
}

void TimeRangeSelector::setPreset(Preset preset)
{
    m_preset->setCurrentIndex(m_preset->findData(preset));
}

void TimeRangeSelector::setCustomRange(const QDateTime &from, const QDateTime &to)
{
    m_from->setDateTime(from);
    m_to->setDateTime(to);
    setPreset(Custom);
}

QDateTime TimeRangeSelector::from() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (Preset(m_preset->currentData().toInt())) {
    case AllTime:
        return {};
    case LastHour:
        return now.addSecs(-3600);
    case LastDay:
        return now.addDays(-1);
    case LastWeek:
        return now.addDays(-7);
    case LastMonth:
        return now.addDays(-30);
    case Custom:
        return m_from->dateTime().toUTC();
    }
    return {};
}

QDateTime TimeRangeSelector::to() const
{
    return m_preset->currentData().toInt() == Custom ? m_to->dateTime().toUTC() : QDateTime();
}

} // namespace mcphub
