#pragma once

#include "storage/migration/migrator.h"

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;

namespace mcphub {

// The migration itself, on the wizard's runner thread: a progress bar and the current step,
// entity and counts from the migrator's progress callback (queued signals), and a Cancel
// button that stops the run before its commit, which then rolls back.
class MigrationProgressPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit MigrationProgressPage(QWidget *parent = nullptr);

    QProgressBar *progressBar() const { return m_bar; }
    QLabel *stepLabel() const { return m_step; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *cancelButton() const { return m_cancel; }
    bool isRunning() const { return m_running; }

    void initializePage() override;
    bool isComplete() const override;

Q_SIGNALS:
    void runFinished();

private:
    void showProgress(const MigrationProgress &progress);
    void showFinished(const MigrationReport &report);

    QProgressBar *m_bar = nullptr;
    QLabel *m_step = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_cancel = nullptr;
    bool m_running = false;
};

} // namespace mcphub
