#pragma once

#include <QWidget>

class QLineEdit;
class QTimer;

namespace mcphub {

class AuditLogModel;
class LogView;
class TimeRangeSelector;

// The Audit log area: every change made through the console or its CLI, newest first,
// filtered by time range, who and resource prefix ("servers/"), with before/after details.
class AuditLogPage : public QWidget
{
    Q_OBJECT

public:
    explicit AuditLogPage(AuditLogModel *model, QWidget *parent = nullptr);

    LogView *logView() const { return m_log; }
    void applyFilter();

private:
    AuditLogModel *m_model;
    LogView *m_log;
    TimeRangeSelector *m_range;
    QLineEdit *m_user;
    QLineEdit *m_resource;
    QTimer *m_debounce;
};

} // namespace mcphub
