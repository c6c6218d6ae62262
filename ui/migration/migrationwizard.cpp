#include "ui/migration/migrationwizard.h"

#include "storage/hub/hubchangeapplier.h"
#include "storage/hub/hubclient.h"
#include "storage/migration/openedworkspace.h"
#include "storage/settings/atomicfilewriter.h"
#include "ui/main/hubchangesreporter.h"

#include "ui/migration/migrationplanpage.h"
#include "ui/migration/migrationprogresspage.h"
#include "ui/migration/migrationresultpage.h"
#include "ui/migration/migrationrunner.h"
#include "ui/migration/migrationsourcepage.h"
#include "ui/migration/migrationtargetpage.h"
#include "ui/migration/migrationvalidationpage.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>

namespace mcphub {

MigrationWizard::MigrationWizard(std::optional<OpenWorkspace> open, QWidget *parent)
    : QWizard(parent)
    , m_open(std::move(open))
    , m_planRunner(new MigrationRunner(this))
    , m_runner(new MigrationRunner(this))
    , m_applier(new HubChangeApplier(new HubClient(this), this))
{
    setWindowTitle(tr("Migrate settings file"));
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    m_sourcePage = new MigrationSourcePage(this);
    m_targetPage = new MigrationTargetPage(this);
    m_validationPage = new MigrationValidationPage(this);
    m_planPage = new MigrationPlanPage(this);
    m_progressPage = new MigrationProgressPage(this);
    m_resultPage = new MigrationResultPage(this);
    setPage(SourcePageId, m_sourcePage);
    setPage(TargetPageId, m_targetPage);
    setPage(ValidationPageId, m_validationPage);
    setPage(PlanPageId, m_planPage);
    setPage(ProgressPageId, m_progressPage);
    setPage(ResultPageId, m_resultPage);
    setStartId(SourcePageId);
    resize(860, 640);
}

MigrationWizard::~MigrationWizard()
{
    // The pages listen to the runners: stop the threads while everything still exists.
    stopRuns();
}

void MigrationWizard::stopRuns()
{
    for (MigrationRunner *runner : {m_planRunner, m_runner}) {
        if (runner->isRunning()) {
            runner->cancel();
            runner->wait();
        }
    }
}

void MigrationWizard::reject()
{
    stopRuns();
    QWizard::reject();
}

MigrationOptions MigrationWizard::options() const
{
    MigrationOptions options;
    options.sourcePath = m_sourcePage->settingsPath();
    options.usageLogPath = m_sourcePage->usageLogPath();
    options.accessLogPath = m_sourcePage->accessLogPath();
    options.conflict = m_targetPage->conflictPolicy();
    options.skipInvalid = m_targetPage->skipInvalid();
    options.rejectsPath = options.skipInvalid ? m_targetPage->rejectsPath() : QString();
    options.target = m_targetPage->targetName();
    options.prune = m_targetPage->prune();
    options.acceptLoss = m_planPage->acceptLoss();
    return options;
}

Result<ConnectionProfile> MigrationWizard::target() const
{
    return m_targetPage->profile();
}

QString MigrationWizard::targetDescription() const
{
    return m_targetPage->targetDescription();
}

bool MigrationWizard::targetsOpenWorkspace() const
{
    return m_targetPage->choice() == MigrationTargetPage::Choice::OpenWorkspace;
}

void MigrationWizard::takeReport(const MigrationReport &report)
{
    m_report = report;
    m_reportError.clear();
    // Beside the backup of the source (or the source itself when the run stopped before
    // the backup), unless a path was chosen.
    QString path = m_targetPage->reportPath();
    if (path.isEmpty()) {
        const QString stamp
            = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        path = report.backupPath.isEmpty()
                   ? QStringLiteral("%1.migration-report.%2.json").arg(report.sourcePath, stamp)
                   : report.backupPath + QStringLiteral(".migration-report.json");
    }
    // Checked and synced like every file the console writes; it quotes the settings, so it
    // takes the source's permissions (0600 when there is none).
    const auto written = AtomicFileWriter::writeFile(
        path, QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented), report.sourcePath);
    if (written) {
        m_reportPath = QFileInfo(path).absoluteFilePath();
    } else {
        m_reportPath.clear();
        m_reportError = tr("The report could not be written to %1: %2")
                            .arg(QDir::toNativeSeparators(path), written.error().detail);
    }
    m_hubResults.clear();
    m_hubSummary.clear();
    if (!report.dryRun) {
        const auto target = this->target();
        QList<HubChange> changes;
        if (report.ok() && target && target->mcphubDatabase) {
            for (const HubChange &change : report.hubChanges) {
                if (!report.stopsPrunedServer(change))
                    changes << change; // the stops of pruned servers went out before
            }
        }
        if (!changes.isEmpty()) {
            if (!tellHubs(*target, changes, [this](const QList<HubChangeResult> &results) {
                    finishHubs(results);
                }))
                m_stopResults.clear();
        } else if (!m_stopResults.isEmpty()) {
            finishHubs({}); // only the stops (or the run failed after them): still said
        }
    }
    if (report.ok() && !report.dryRun)
        Q_EMIT migrated(targetsOpenWorkspace());
}

void MigrationWizard::startMigration(const std::function<void()> &start)
{
    m_stopResults.clear();
    const MigrationReport &plan = m_planPage->plan();
    const auto target = this->target();
    QList<HubChange> stops;
    if (target && target->mcphubDatabase && options().prune) {
        for (const HubChange &change : plan.hubChanges) {
            if (plan.stopsPrunedServer(change))
                stops << change;
        }
    }
    if (stops.isEmpty()) {
        start();
        return;
    }
    const bool told = tellHubs(*target, stops, [this, start](const QList<HubChangeResult> &r) {
        m_tellingHubs = false;
        m_stopResults = r;
        start();
    });
    if (!told)
        start(); // hubSummary() says why the hubs were not told
}

bool MigrationWizard::tellHubs(const ConnectionProfile &target,
                               const QList<HubChange> &changes,
                               HubsDone done)
{
    // The hubs registered in the target database run on it. The registry is read on a
    // connection of this thread, which the applier needs only until it returns (the
    // secrets and the hubs' answers arrive later, by signal).
    static int opened = 0;
    const QString connection = QStringLiteral("migration-wizard-hubs-%1").arg(++opened);
    auto workspace = OpenedWorkspace::openDatabase(target, connection);
    if (!workspace) {
        m_hubSummary = tr("The hubs on %1 were not told what changed (%2); they take it at "
                          "their next restart.")
                           .arg(target.displayName(), workspace.error().toString());
        closeSqlConnection(connection);
        Q_EMIT hubsTold(m_hubSummary);
        return false;
    }
    m_tellingHubs = true;
    m_applier->applyToLinkedHubs(workspace->context(), m_secrets, changes, std::move(done));
    workspace->close();
    closeSqlConnection(connection);
    return true;
}

void MigrationWizard::finishHubs(const QList<HubChangeResult> &after)
{
    m_tellingHubs = false;
    m_hubResults = m_stopResults + after;
    m_stopResults.clear();
    m_hubSummary = m_hubResults.isEmpty()
                       ? tr("No hub is linked to this database: the hubs running on it take the "
                            "change at their next restart.")
                       : HubChangesReporter::summarize(m_hubResults);
    Q_EMIT hubsTold(m_hubSummary);
}

} // namespace mcphub
