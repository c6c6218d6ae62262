#pragma once

#include "storage/db/repositorycontext.h"
#include "storage/db/transactionguard.h"
#include "storage/migration/migrationreport.h"
#include "storage/result.h"
#include "storage/settings/settingsdocument.h"
#include "storage/settings/settingsfilestore.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>

namespace mcphub {

// A settings file that follows a workspace database (dual-write, issue #5): installed as the
// commit hook of the database connection (TransactionGuard::setCommitHook), it exports the
// settings document the database holds at the end of every outermost transaction that
// changed it and commits database and file as one unit, holding the file's lock throughout:
//   1. the save is prepared through SettingsFileStore (validated, conflict-checked, the old
//      content backed up) and the new content is staged, fsynced, in a side file beside the
//      settings file (`<name>.pending-<id>`, with the file's permissions and owner);
//   2. the database COMMITs;
//   3. the side file is renamed over the settings file.
// Readers of the settings file (MCPHub) never see a change the database did not commit, also
// while COMMIT waits for a lock. A failed step 1 (validation error, lock held, disk error, or a
// file changed on disk since it was last loaded or saved: Error::Code::Conflict) or a failed
// COMMIT rolls the database back and leaves the file as it was, with an error naming the file.
// A process killed between the steps leaves the side file: the next load() of the binding
// (opening the workspace) finishes the rename when the database holds exactly the staged
// settings (the COMMIT happened) and deletes it otherwise, so file and database agree again.
// One class for the three users: a profile bound to a settings file, a plain settings file
// opened as a workspace (SettingsFileWorkspace, whose private database is discarded, so its
// leftovers are always deleted: discardStaged()) and DualWriter.
//
// The database is the source of truth. A transaction that wrote no settings table (audit rows
// only, hub registry and samples) is not even exported; one whose export equals the last one
// synchronised writes nothing; one that changes the settings writes
// the whole export, so differences the file had in other entities (drift) are replaced by
// what the database holds. That is deliberate: the file is a mirror, and an out-of-date
// mirror must not block edits. Drift is not silent, though: drift() lists it, and opening a
// bound workspace reports it as a warning before anything is written. A file that changed on
// disk since it was loaded or saved is still a conflict (MCPHub or another console wrote it):
// reopen the workspace, look at the drift, then edit again.
//
// On the connection's thread. Not copyable; destroying it uninstalls the hook.
class SettingsFileBinding
{
    Q_DECLARE_TR_FUNCTIONS(SettingsFileBinding)

public:
    // The store options the binding saves with: warnings allowed (MCPHub reads them, the
    // editors show them), the store's lock timeout and backups.
    static SaveOptions defaultSaveOptions();
    // The backups defaultSaveOptions() keeps (10 unless the console's preferences say
    // otherwise; the CLI takes --keep per command instead). Any thread.
    static void setDefaultKeepBackups(int keep);
    // How long defaultSaveOptions() waits for the settings file's lock (the store's 10 s
    // unless set). Any thread.
    static void setDefaultLockTimeout(std::chrono::milliseconds timeout);

    // Loads the file at `path` (a file that does not exist yet is created by the first save;
    // a missing folder is reported by that save) and records the settings the database holds
    // now. Refuses a file that is not valid JSON naming FILE:LINE:COL. Does not install the
    // hook.
    static Result<std::unique_ptr<SettingsFileBinding>> load(const RepositoryContext &context,
                                                             const QString &path,
                                                             const SaveOptions &options
                                                             = defaultSaveOptions());
    // The same for a document already loaded by SettingsFileStore.
    static Result<std::unique_ptr<SettingsFileBinding>> fromLoaded(const RepositoryContext &context,
                                                                   SettingsDocument loaded,
                                                                   const SaveOptions &options
                                                                   = defaultSaveOptions());

    // Whether `path` can be bound: its folder exists and, when the file exists, it is a
    // settings file SettingsFileStore can load. The error names the file.
    static Result<void> checkBindable(const QString &path);

    ~SettingsFileBinding();
    SettingsFileBinding(const SettingsFileBinding &) = delete;
    SettingsFileBinding &operator=(const SettingsFileBinding &) = delete;

    // Makes every outermost transaction on the context's connection save the file before it
    // commits; uninstall() (or the destructor) stops that.
    void install();
    void uninstall();
    bool installed() const { return m_installed; }

    const QString &path() const { return m_path; }
    // The backup the last save made ("" when none was made yet).
    const QString &lastBackupPath() const { return m_lastBackup; }
    // How many times the file was written since the binding was made.
    int saveCount() const { return m_saves; }

    // Every difference between the file as loaded or last saved and what the database holds
    // now; a file that does not exist yet is one item for the whole document.
    Result<QList<MigrationReport::Item>> drift() const;
    // The drift as translated warning lines for a status bar or stderr (empty: none).
    static QStringList driftWarnings(const QString &path,
                                     const QList<MigrationReport::Item> &drift,
                                     int maxItems = 20);

    // Loads the file again as the base the next save compares with (DualWriter::apply, so
    // that only a change made during the call is a conflict).
    Result<void> reload();

    // The hook: commits the open transaction through `commit` (which runs COMMIT) with the
    // file saved as one unit, as described above. Public for callers that run their own
    // transaction (DualWriter).
    Result<void> commitWith(const TransactionGuard::Commit &commit);

    // The side files a dual-written commit stages beside `path` ("<name>.pending-<id>").
    static QStringList stagedFiles(const QString &path);
    // After a killed commit: with the file's lock held, renames a side file over `path` when
    // the database behind `context` holds exactly its settings (the COMMIT happened), and
    // deletes the others. Nothing to do when no side file is there; a lock held by a live
    // process (its commit still running) leaves them to it.
    static Result<void> recoverStaged(const RepositoryContext &context, const QString &path);
    // The same for a settings file opened as a workspace, whose private database died with
    // the process that staged them: every side file is deleted.
    static Result<void> discardStaged(const QString &path);

    // The steps of a dual-written commit, announced to an observer installed for tests
    // (mcphub-adminctl's MCPHUB_TEST_PAUSE_AT stops the process at one, to be killed there).
    enum class Step { Staged, Committed, Replaced };
    static QString stepName(Step step); // "staged", "committed", "replaced"
    using StepObserver = std::function<void(Step)>;
    static void setStepObserver(StepObserver observer);

    // The tables a settings document is exported from (settingsEntities() and the document's
    // own table): a transaction that wrote none of them is not exported at all.
    static QStringList settingsTables();

private:
    SettingsFileBinding() = default;
    Error explainSaveError(Error error) const;
    // Whether the open transaction wrote a settings table: on SQLite, temporary triggers
    // (installed with the hook) flag it in a temporary table; on PostgreSQL the statistics of
    // the current transaction (pg_stat_xact_user_tables) say it. True when it cannot tell.
    bool settingsTouched() const;
    void startTouchTracking();
    void stopTouchTracking();

    RepositoryContext m_context;
    QString m_path;
    SaveOptions m_options;
    SettingsDocument m_document; // the file as last loaded or saved
    SettingsDocument::Json
        m_synced; // the database's settings when the file was last loaded or saved
    QString m_lastBackup;
    int m_saves = 0;
    bool m_installed = false;
    bool m_tracking = false; // settingsTouched() can tell
};

} // namespace mcphub
