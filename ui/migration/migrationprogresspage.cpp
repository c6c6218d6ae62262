#include "ui/migration/migrationprogresspage.h"

#include "ui/migration/migrationrunner.h"
#include "ui/migration/migrationwizard.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace mcphub {

MigrationProgressPage::MigrationProgressPage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Migrating"));
    setSubTitle(tr("Everything is written in one transaction: until it commits, cancelling "
                   "leaves the database as it was."));
    auto *layout = new QVBoxLayout(this);
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, 100);
    layout->addWidget(m_bar);
    m_step = new QLabel(this);
    m_step->setWordWrap(true);
    layout->addWidget(m_step);
    auto *buttons = new QHBoxLayout;
    m_cancel = new QPushButton(tr("&Cancel migration"), this);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    layout->addStretch(1);

    connect(m_cancel, &QPushButton::clicked, this, [this] {
        auto *w = qobject_cast<MigrationWizard *>(wizard());
        if (!w || !w->migrationRunner()->isRunning())
            return;
        w->migrationRunner()->cancel();
        m_cancel->setEnabled(false);
        m_status->setText(tr("Cancelling…"));
    });
}

void MigrationProgressPage::initializePage()
{
    auto *w = qobject_cast<MigrationWizard *>(wizard());
    m_bar->setValue(0);
    m_step->clear();
    m_status->clear();
    m_status->setStyleSheet(QString());
    m_cancel->setEnabled(true);
    MigrationRunner *runner = w->migrationRunner();
    disconnect(runner, nullptr, this, nullptr);
    connect(runner, &MigrationRunner::progress, this, &MigrationProgressPage::showProgress);
    connect(runner, &MigrationRunner::finished, this, &MigrationProgressPage::showFinished);
    const auto target = w->target();
    if (!target) {
        MigrationReport failed;
        failed.error = target.error();
        failed.status = QStringLiteral("failed");
        failed.sourcePath = w->options().sourcePath;
        showFinished(failed);
        return;
    }
    // With prune into MCPHub's database the hubs stop the servers the run removes first;
    // the run (and its cancel) starts when they answered.
    m_running = true;
    m_cancel->setEnabled(false);
    m_step->setText(tr("Stopping the servers the migration removes on the hubs that run on "
                       "this database first…"));
    w->startMigration([this, w, runner, target = *target] {
        m_running = runner->start(target, w->options());
        m_cancel->setEnabled(m_running);
        m_step->setText(tr("Opening %1…").arg(w->targetDescription()));
        Q_EMIT completeChanged();
    });
    Q_EMIT completeChanged();
}

bool MigrationProgressPage::isComplete() const
{
    return !m_running;
}

void MigrationProgressPage::showProgress(const MigrationProgress &progress)
{
    m_bar->setValue(progress.percent);
    if (progress.entity.isEmpty())
        m_step->setText(progress.step);
    else if (progress.total <= 0) // a step that counts nothing (reading a table)
        m_step->setText(tr("%1: %2").arg(progress.step, progress.entity));
    else
        m_step->setText(tr("%1: %2 (%3 of %4)")
                            .arg(progress.step,
                                 progress.entity,
                                 QString::number(progress.done),
                                 QString::number(progress.total)));
}

void MigrationProgressPage::showFinished(const MigrationReport &report)
{
    m_running = false;
    m_cancel->setEnabled(false);
    auto *w = qobject_cast<MigrationWizard *>(wizard());
    w->takeReport(report);
    if (report.ok()) {
        m_bar->setValue(100);
        m_status->setText(
            tr("The migration completed and was verified (run %1).").arg(report.runId));
    } else if (report.error->code == Error::Code::Cancelled) {
        m_status->setText(tr("Cancelled: nothing was changed in the workspace."));
    } else {
        m_status->setText(
            tr("The migration failed and nothing was changed: %1").arg(report.error->toString()));
        m_status->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    }
    Q_EMIT completeChanged();
    Q_EMIT runFinished();
}

} // namespace mcphub
