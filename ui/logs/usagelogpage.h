#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTimer;

namespace mcphub {

class LogView;
class TimeRangeSelector;
class UsageLogModel;

// The Usage log area: filters (time range, server, tool, user, success/error, free text)
// applied in SQL a moment after typing stops, the lazily fetched table sorted in SQL by
// clicking a header, the arguments of the selected call, export.
class UsageLogPage : public QWidget
{
    Q_OBJECT

public:
    explicit UsageLogPage(UsageLogModel *model, QWidget *parent = nullptr);

    LogView *logView() const { return m_log; }
    QLineEdit *serverFilter() const { return m_server; }
    QLineEdit *searchBox() const { return m_text; }
    TimeRangeSelector *timeRange() const { return m_range; }
    void applyFilter(); // now, without waiting for the typing pause

private:
    UsageLogModel *m_model;
    LogView *m_log;
    TimeRangeSelector *m_range;
    QLineEdit *m_server;
    QLineEdit *m_tool;
    QLineEdit *m_user;
    QComboBox *m_result;
    QLineEdit *m_text;
    QTimer *m_debounce;
};

} // namespace mcphub
