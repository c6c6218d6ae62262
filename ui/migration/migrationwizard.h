#pragma once

#include "storage/db/connectionprofile.h"
#include "storage/migration/migrator.h"
#include "storage/result.h"

#include <QWizard>

#include <optional>

namespace mcphub {

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
// the backup and the report JSON the wizard writes. Closing it during a run cancels the run
// and waits for its thread. GUI thread.
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
    // Called by the progress page when the run has ended: keeps and writes the report.
    void takeReport(const MigrationReport &report);

    // Cancels a running dry run or migration and waits for its thread before closing.
    void reject() override;

Q_SIGNALS:
    // A migration completed and committed; `intoOpenWorkspace`: the window's views are stale.
    void migrated(bool intoOpenWorkspace);

private:
    void stopRuns();

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
};

} // namespace mcphub
