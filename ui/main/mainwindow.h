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

namespace mcphub {

class AreaPage;
class MigrationWizard;
class PendingTableModel;

// The console's main window: menus, the area list, one page per area and the status bar.
// It routes between feature widgets and owns no data logic (see STYLE.md).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

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

    // Backups exist for settings-file workspaces only; database workspaces hide the area.
    void setBackupsVisible(bool visible);

    // The open workspace, offered as the target of File ▸ Migrate settings file… when it is a
    // database (set by WorkspaceSwitcher on every open).
    void
    setOpenWorkspace(const ConnectionProfile &profile, const QString &displayName, bool isDatabase);
    QAction *migrateAction() const { return m_migrateAction; }
    // Opens the migration wizard (window-modal, deleted when closed); returns it.
    MigrationWizard *openMigrationWizard();

    // The File menu, for the workspace switcher's actions.
    QMenu *fileMenu() const { return m_fileMenu; }

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
    void createCentralArea();
    void showAbout();

    AboutFacts m_aboutFacts;
    WorkspaceAreaModel *m_areas = nullptr;
    QListView *m_areaList = nullptr;
    QStackedWidget *m_pages = nullptr;
    QHash<WorkspaceAreaModel::Area, AreaPage *> m_pageByArea;
    QMenu *m_fileMenu = nullptr;
    QAction *m_migrateAction = nullptr;
    std::optional<ConnectionProfile> m_openProfile;
    QString m_openName;
    bool m_openIsDatabase = false;
    QLabel *m_workspaceLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_pendingLabel = nullptr;
    QLabel *m_waitingLabel = nullptr;
    QHash<WorkspaceAreaModel::Area, QAction *> m_areaActions;
    QList<QPointer<PendingTableModel>> m_pendingModels;
};

} // namespace mcphub
