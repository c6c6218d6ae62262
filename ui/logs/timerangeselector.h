#pragma once

#include <QDateTime>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;

namespace mcphub {

// A time range for log filters: presets (all, last hour, 24 hours, 7 days, 30 days) or a
// custom from/to pair. from()/to() are invalid when unbounded.
class TimeRangeSelector : public QWidget
{
    Q_OBJECT

public:
    enum Preset { AllTime, LastHour, LastDay, LastWeek, LastMonth, Custom };

    explicit TimeRangeSelector(QWidget *parent = nullptr);

    void setPreset(Preset preset);
    void setCustomRange(const QDateTime &from, const QDateTime &to);
    QDateTime from() const;
    QDateTime to() const;

Q_SIGNALS:
    void rangeChanged();

private:
    QComboBox *m_preset;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
};

} // namespace mcphub
