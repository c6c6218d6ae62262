#pragma once

#include "storage/migration/openedworkspace.h"
#include "storage/result.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QAction;
class QFileDialog;
class QMenu;

namespace mcphub {

class ConnectionsDialog;
class MainWindow;
class SettingsFileProblemsDialog;
class SecretStore;
class WorkspaceSession;

// Opens the window's workspace and switches it: a settings file (.json, in its private
// database, with the Backups area), a SQLite file or a saved connection profile (resolved by
// OpenedWorkspace, as the CLI does; a profile bound to a settings file dual-writes). Adds
// "Open settings file…", "Open SQLite file…", "Connect to profile…", "Recent" (the last
// 8, in QSettings), "Reload" and "Bind settings file…"/"Unbind settings file" (for the open
// profile) to the File menu. Each open builds the editors, the Hubs page and the health indicator
// for the new workspace, then drops the previous one (asking first when it has edits not applied).
// A settings file with validation errors is not just refused: it is shown read-only with its
// findings in a SettingsFileProblemsDialog, which can repair the values, save and open it.
// GUI thread.
class WorkspaceSwitcher : public QObject
{
    Q_OBJECT

public:
    // `monitor`: poll hubs and check health (off for --screenshot).
    WorkspaceSwitcher(MainWindow *window, const SecretStore &secrets, bool monitor);
    ~WorkspaceSwitcher() override;

    void addMenuActions(QMenu *fileMenu);
    // The open and connect actions, and Reload, on the window's main toolbar, with icons.
    void addToolBarActions(const QList<QAction *> &openActions);

    // A path ending in .json is a settings file, an existing file or a path with a folder
    // a SQLite workspace, anything else a profile name. The window shows what went wrong.
    Result<void> open(const QString &pathOrProfile);
    // A file with validation errors: the problems dialog is shown, and the error returned.
    Result<void> openSettingsFile(const QString &path);
    // The dialog showing the last settings file that had errors (nullptr when none is open).
    SettingsFileProblemsDialog *problemsDialog() const;
    Result<void> openSqlite(const QString &path);
    // File ▸ New SQLite database…: creates `path` with the console's schema and opens it. An
    // existing file that is not empty is refused (nothing changed) unless `replace` (the user
    // confirmed): then it is replaced, its -wal/-shm/-journal included. The open workspace's
    // own file is never replaced.
    Result<void> createSqlite(const QString &path, bool replace);
    // The profile's password is read from the keychain without blocking: when one must be
    // read, this returns at once, the window says what it waits for, and the workspace is
    // installed (workspaceChanged) or the error shown when the answer arrives. A SQLite
    // profile, or one whose password this session keeps, is opened before this returns. A
    // later open supersedes a profile still waiting for its password.
    Result<void> openProfile(const QString &name);
    // MCPHub's own database (File ▸ Connect to MCPHub database…, or a "hub-db:" entry).
    Result<void> openMcphubDatabase(ConnectionProfile profile);
    // The profile waiting for its password, or empty.
    QString waitingForProfile() const { return m_waitingProfile; }
    // open() for the command line (--workspace), before the event loop runs: a profile's
    // password is read with the blocking keychain call, so that --screenshot renders the
    // opened workspace. Nothing runs yet that the wait could hold up or re-enter.
    Result<void> openAtStartup(const QString &pathOrProfile);
    // What the console opens at start without --workspace/--sqlite: the last workspace (the
    // first Recent entry) and area when the preferences say so, else `defaultSqlitePath`.
    Result<void> openAtStart(const QString &defaultSqlitePath);
    // Opens the current workspace again (File ▸ Reload, F5), asking first when edits are not
    // applied: after a save refused because MCPHub rewrote the settings file, this loads
    // MCPHub's version.
    Result<void> reload();
    // Binds the open profile to `settingsPath` (empty: unbinds it) and reopens it.
    Result<void> bindCurrentProfile(const QString &settingsPath);

    WorkspaceSession *session() const;

    // File ▸ Export settings file…: the open workspace (any kind) as an MCPHub settings file
    // at `path` (SettingsExport: validated, a replaced file backed up, atomic); the status
    // bar names the file. Returns the translated status line, or the error naming the place.
    Result<QString> exportSettingsFile(const QString &path);
    QAction *exportAction() const { return m_exportAction; }
    QStringList recent() const;
    // How File ▸ Recent shows an entry: "title — kind", the full path or target as tooltip.
    struct RecentEntry
    {
        QString title; // file name, profile name or database name
        QString kind;  // "SQLite", "settings file", "PostgreSQL profile", "MCPHub database" …
        QString place; // the full path, or the profile's target (never a password)
    };
    static RecentEntry describeRecent(const QString &entry);
    QMenu *recentMenu() const;

    // File ▸ Connections…: the profile manager, window-modal and deleted when closed; its Open
    // opens the chosen profile here.
    ConnectionsDialog *showConnections();

    // File ▸ Open settings file…'s dialog, not shown yet (--screenshot --dialog shows it).
    QFileDialog *createSettingsFileDialog() const;

Q_SIGNALS:
    void workspaceChanged();
    // A profile that waited for its password was opened (`opened`) or could not be.
    void profileOpenFinished(const QString &name, bool opened);

private:
    bool confirmDiscardPending(bool reloading = false); // true: go on
    Result<void> installOrReport(Result<OpenedWorkspace> opened,
                                 const QString &shownName,
                                 const QString &recentEntry);
    QString currentProfileName() const;
    QString displayedWorkspace() const;
    void updateBindActions();
    void chooseBoundFile();
    void unbindFile();
    Result<void> install(WorkspaceSession *session, const QString &recentEntry);
    void rememberRecent(const QString &entry);
    void rebuildRecentMenu();
    void chooseSettingsFile();
    void chooseSqliteFile();
    void chooseNewSqliteFile();
    void chooseProfile();
    void chooseMcphubDatabase();
    void chooseExportFile();
    void showOpenError(const Error &error); // unless the problems dialog already shows it
    void showProblems(const QString &path);
    QString nextConnectionName();
    void setWaitingForProfile(const QString &name);

    MainWindow *m_window;
    const SecretStore &m_secrets;
    bool m_monitor;
    int m_opened = 0;
    QPointer<WorkspaceSession> m_session;
    QPointer<QMenu> m_recentMenu;
    QPointer<QAction> m_bindAction;
    QPointer<QAction> m_unbindAction;
    QPointer<QAction> m_reloadAction;
    QPointer<QAction> m_exportAction;
    QPointer<SettingsFileProblemsDialog> m_problems;
    QString m_current;      // the open workspace as the Recent list names it
    int m_openRequests = 0; // the last open asked for; an older answer is dropped
    QString m_waitingProfile;
    QHash<QString, QString> m_sessionPasswords; // MCPHub databases: entry -> typed password
};

} // namespace mcphub
