#pragma once

#include "models/workspaceareamodel.h"
#include "storage/db/connectionprofile.h"
#include "ui/main/aboutdialog.h"

#include <QMainWindow>
#include <QPointer>

#include <optional>

class QAction;
class QLabel;
class QListView;
class QMenu;
class QStackedWidget;
class QToolBar;

namespace mcphub {

class ApplyAllDialog;
class AreaPage;
class EditActions;
class MigrationWizard;
class PendingPages;
class PendingTableEditor;
class PendingTableModel;
class PreferencesDialog;

// The console's main window: menus, the area list, one page per area and the status bar.
// It routes between feature widgets and owns no data logic (see STYLE.md).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The places Help ▸ About names that the application chose (default workspace, keychain
    // service).
    void setAboutFacts(const AboutFacts &facts) { m_aboutFacts = facts; }
    const AboutFacts &aboutFacts() const { return m_aboutFacts; }

    // What the status bar shows about the open workspace.
    void setWorkspaceStatus(const QString &workspace,
                            bool connected,
                            bool readOnly,
                            const QString &problem = {});

    // Following the primary (issue 16): the connection label's text while the workspace
    // connection is reconnecting or after it did ("Connected to HOST:PORT as primary"), with
    // a tooltip; setWorkspaceStatus() sets it back to its own.
    void setConnectionState(const QString &state, const QString &toolTip = {});
    QString connectionState() const;

    // What the console waits for (such as the keychain's answer), shown in the status bar
    // until it is cleared with an empty text.
    void setWaitingFor(const QString &text);
    QString waitingFor() const;

    // Counts the model's pending edits in the status bar and asks before closing with any.
    void trackPendingChanges(PendingTableModel *model);
    int pendingCount() const;
    // A page's editor: its edits counted (trackPendingChanges) and written by Apply all, which
    // names the page by `place`; `connectionName` is the workspace connection it writes on.
    void
    trackEditor(PendingTableEditor *editor, const QString &place, const QString &connectionName);

    // Apply all (Ctrl+S, from anywhere in the window): the preview of every page's pending
    // edits (window-modal, deleted when closed; nullptr when nothing is pending), whose
    // "Apply all" writes them in one transaction (applyAllNow).
    QAction *applyAllAction() const { return m_applyAllAction; }
    QAction *revertAllAction() const { return m_revertAllAction; }
    ApplyAllDialog *previewApplyAll();
    void applyAllNow();
    // Drops every page's pending edits (Revert all asks first; this does not).
    void revertAllNow();

    // The main toolbar (open/connect, Apply all, Revert all, Undo, Redo, Reload, Find).
    QToolBar *mainToolBar() const { return m_toolBar; }
    // Puts workspace actions (open, connect, new) at the start of the toolbar with a short
    // text and an icon: WorkspaceSwitcher's File actions, and any other (File ▸ New SQLite
    // database…) through the same call.
    void addOpenActions(const QList<QAction *> &actions);
    // File ▸ Reload (F5) as the toolbar's Refresh.
    void setRefreshAction(QAction *action);
    EditActions *editActions() const { return m_editActions; }
    // Help ▸ Keyboard shortcuts (non-modal, deleted when closed) and F1's help of the page.
    QDialog *showShortcuts();
    QDialog *showPageHelp();

    // Backups exist for settings-file workspaces only; database workspaces hide the area.
    void setBackupsVisible(bool visible);
    // Replication exists for PostgreSQL workspaces only (WorkspaceSession shows it).
    void setReplicationVisible(bool visible);
    // A banner above the pages for the open workspace (a standby: "Standby of HOST:PORT —
    // replay lag N s"); hidden when empty.
    void setWorkspaceBanner(const QString &text);
    QString workspaceBanner() const;

    // The open workspace, offered as the target of File ▸ Migrate settings file… when it is a
    // database (set by WorkspaceSwitcher on every open).
    void
    setOpenWorkspace(const ConnectionProfile &profile, const QString &displayName, bool isDatabase);
    QAction *migrateAction() const { return m_migrateAction; }
    // Opens the migration wizard (window-modal, deleted when closed); returns it.
    MigrationWizard *openMigrationWizard();

    // The File menu, for the workspace switcher's actions.
    QMenu *fileMenu() const { return m_fileMenu; }

    // Edit ▸ Preferences…: the preferences dialog, window-modal, deleted when closed.
    PreferencesDialog *showPreferences();
    QAction *preferencesAction() const { return m_preferencesAction; }

    void showArea(WorkspaceAreaModel::Area area);
    WorkspaceAreaModel::Area currentArea() const;
    AreaPage *page(WorkspaceAreaModel::Area area) const;

Q_SIGNALS:
    void currentAreaChanged(mcphub::WorkspaceAreaModel::Area area);
    // A migration committed into the open workspace: its views should reload.
    void workspaceMigrated();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void updatePendingLabel();
    void createMenus();
    void createEditMenu();
    void createToolBar();
    void createCentralArea();
    void showAbout();
    void confirmRevertAll();
    void revealPage(QWidget *widget); // shows the area (and tab) holding the widget
    // Issue 15 (connections): Edit ▸ Preferences…, in the Edit menu (made when there is none).
    void addPreferencesAction();
    void createReplicationArea();

    AboutFacts m_aboutFacts;
    WorkspaceAreaModel *m_areas = nullptr;
    QListView *m_areaList = nullptr;
    QStackedWidget *m_pages = nullptr;
    QHash<WorkspaceAreaModel::Area, AreaPage *> m_pageByArea;
    QMenu *m_fileMenu = nullptr;
    QAction *m_migrateAction = nullptr;
    QAction *m_preferencesAction = nullptr;
    std::optional<ConnectionProfile> m_openProfile;
    QString m_openName;
    bool m_openIsDatabase = false;
    QLabel *m_workspaceLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_pendingLabel = nullptr;
    QLabel *m_waitingLabel = nullptr;
    QLabel *m_workspaceBanner = nullptr;
    QHash<WorkspaceAreaModel::Area, QAction *> m_areaActions;
    QList<QPointer<PendingTableModel>> m_pendingModels;
    PendingPages *m_pendingPages = nullptr;
    EditActions *m_editActions = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_openSeparator = nullptr; // the toolbar's open actions go before it
    QAction *m_refreshAnchor = nullptr; // Refresh goes before it
    QAction *m_applyAllAction = nullptr;
    QAction *m_revertAllAction = nullptr;
};

} // namespace mcphub
