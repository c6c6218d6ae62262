#pragma once

#include "storage/db/connectionprofile.h"
#include "storage/hub/hubchange.h"
#include "storage/migration/migrator.h"
#include "storage/result.h"
#include "storage/secretstore.h"

#include <QWizard>

#include <functional>
#include <optional>

namespace mcphub {

class HubChangeApplier;
class MigrationPlanPage;
class MigrationProgressPage;
class MigrationResultPage;
class MigrationRunner;
class MigrationSourcePage;
class MigrationTargetPage;
class MigrationValidationPage;

// File ▸ Migrate settings file…: moves an MCPHub settings file (and optionally its usage and
// access logs) into a workspace database through the storage Migrator. Source, target and
// options, the validator's findings with their place in the file, a dry-run plan, the real
// run on a worker thread with progress and cancel, and the result with the verification,
// the backup and the report JSON the wizard writes. Into MCPHub's own database, what its
// tables cannot hold must be accepted on the plan page, and after the commit the hubs linked
// to that database are told what changed (HubChangeApplier), one result per hub and change
// on the result page. Closing it during a run cancels the run and waits for its thread.
// GUI thread.
class MigrationWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId {
        SourcePageId,
        TargetPageId,
        ValidationPageId,
        PlanPageId,
        ProgressPageId,
        ResultPageId
    };

    // The workspace open in the main window, offered as the target when it is a database.
    struct OpenWorkspace
    {
        ConnectionProfile profile;
        QString displayName;
        bool isDatabase = true; // false: a settings-file workspace, which cannot be a target
    };

    explicit MigrationWizard(std::optional<OpenWorkspace> open, QWidget *parent = nullptr);
    ~MigrationWizard() override;

    const std::optional<OpenWorkspace> &openWorkspace() const { return m_open; }

    // What the pages chose, as the migrator takes it (dryRun false).
    MigrationOptions options() const;
    // The target database; an error when the chosen profile cannot be loaded.
    Result<ConnectionProfile> target() const;
    bool targetsOpenWorkspace() const;
    // The target in full (kind, path or server, profile, bound settings file), translated.
    QString targetDescription() const;

    MigrationRunner *planRunner() const { return m_planRunner; }
    MigrationRunner *migrationRunner() const { return m_runner; }

    MigrationSourcePage *sourcePage() const { return m_sourcePage; }
    MigrationTargetPage *targetPage() const { return m_targetPage; }
    MigrationValidationPage *validationPage() const { return m_validationPage; }
    MigrationPlanPage *planPage() const { return m_planPage; }
    MigrationProgressPage *progressPage() const { return m_progressPage; }
    MigrationResultPage *resultPage() const { return m_resultPage; }

    // The real run's report, and where the wizard wrote it as JSON (empty: not written,
    // reportError() says why).
    const MigrationReport &report() const { return m_report; }
    QString reportPath() const { return m_reportPath; }
    QString reportError() const { return m_reportError; }
    // Called by the progress page when the run has ended: keeps and writes the report, and
    // after a completed run into MCPHub's database tells the linked hubs report.hubChanges.
    void takeReport(const MigrationReport &report);

    // Starts the real run through `start`. With prune into MCPHub's database, the servers the
    // plan removes are first stopped on the linked hubs (after the commit their API no
    // longer finds them); `start` runs when the hubs answered. Their results come first in
    // hubResults().
    void startMigration(const std::function<void()> &start);

    // The hubs linked to the target MCPHub database, told the run's hubChanges: busy until
    // they all answered (or timed out); then one result per hub and change.
    bool tellingHubs() const { return m_tellingHubs; }
    const QList<HubChangeResult> &hubResults() const { return m_hubResults; }
    QString hubSummary() const { return m_hubSummary; }

    // Cancels a running dry run or migration and waits for its thread before closing.
    void reject() override;

Q_SIGNALS:
    // A migration completed and committed; `intoOpenWorkspace`: the window's views are stale.
    void migrated(bool intoOpenWorkspace);
    // The linked hubs answered (hubResults()); `summary` is one line for a status bar.
    void hubsTold(const QString &summary);

private:
    void stopRuns();
    using HubsDone = std::function<void(const QList<HubChangeResult> &results)>;
    // False (and `done` never runs) when the target cannot be opened: hubSummary() says so.
    bool tellHubs(const ConnectionProfile &target, const QList<HubChange> &changes, HubsDone done);
    void finishHubs(const QList<HubChangeResult> &after);

    std::optional<OpenWorkspace> m_open;
    MigrationRunner *m_planRunner = nullptr;
    MigrationRunner *m_runner = nullptr;
    MigrationSourcePage *m_sourcePage = nullptr;
    MigrationTargetPage *m_targetPage = nullptr;
    MigrationValidationPage *m_validationPage = nullptr;
    MigrationPlanPage *m_planPage = nullptr;
    MigrationProgressPage *m_progressPage = nullptr;
    MigrationResultPage *m_resultPage = nullptr;
    MigrationReport m_report;
    QString m_reportPath;
    QString m_reportError;
    SecretStore m_secrets;
    HubChangeApplier *m_applier = nullptr;
    bool m_tellingHubs = false;
    QList<HubChangeResult> m_hubResults;
    QList<HubChangeResult> m_stopResults; // told before the run
    QString m_hubSummary;
};

} // namespace mcphub
