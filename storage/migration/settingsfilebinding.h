#pragma once

#include "storage/db/repositorycontext.h"
#include "storage/migration/migrationreport.h"
#include "storage/result.h"
#include "storage/settings/settingsdocument.h"
#include "storage/settings/settingsfilestore.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>

namespace mcphub {

// A settings file that follows a workspace database (dual-write, issue #5): installed as the
// commit hook of the database connection (TransactionGuard::setCommitHook), it exports the
// settings document the database holds at the end of every outermost transaction and saves
// it through SettingsFileStore (validated, locked, backed up, atomic, MCPHub's format) just
// before COMMIT. A failed save (validation error, lock held, disk error, or a file changed on
// disk since it was last loaded or saved: Error::Code::Conflict) rolls the transaction back
// with an error naming the file; a COMMIT that fails after the save puts the file's previous
// bytes back (or removes a file the save created). One class for the three users: a profile
// bound to a settings file, a plain settings file opened as a workspace
// (SettingsFileWorkspace) and DualWriter.
//
// The database is the source of truth. A transaction whose export equals the last one
// synchronised (audit-only, hub samples) writes nothing; one that changes the settings writes
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

    // The hook's two halves, public for callers that run their own transaction protocol:
    // restorePrevious() undoes what the last saveDatabaseState() wrote (nothing when it
    // wrote nothing).
    Result<void> saveDatabaseState();
    void restorePrevious();

private:
    SettingsFileBinding() = default;
    Error explainSaveError(Error error) const;

    RepositoryContext m_context;
    QString m_path;
    SaveOptions m_options;
    SettingsDocument m_document; // the file as last loaded or saved
    SettingsDocument m_previous; // before the last save, for a COMMIT that fails after it
    bool m_previousExisted = false;
    SettingsDocument::Json
        m_synced; // the database's settings when the file was last loaded or saved
    SettingsDocument::Json m_previousSynced;
    bool m_lastSaveWrote = false; // the last saveDatabaseState() wrote the file
    QString m_lastBackup;
    int m_saves = 0;
    bool m_installed = false;
};

} // namespace mcphub
