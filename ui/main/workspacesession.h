#pragma once

#include "storage/migration/openedworkspace.h"
#include "storage/result.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace mcphub {

class BackupsPage;
class ConnectionKeeper;
class DualWriteIndicator;
class HubAlertNotifier;
class HubChangesReporter;
class HubMonitor;
class LiveRefresh;
class MainWindow;
class OwnHealthIndicator;
class SecretStore;
class WorkspaceViews;

// One workspace open in the window: its database (or settings file and private database;
// or a database dual-writing to a bound settings file), the editors (WorkspaceViews), the
// hub monitor, the health indicator and the dual-write indicator. Built by
// WorkspaceSwitcher; destroying it stops monitoring and closes the connection, so it is
// deleted (deleteLater) after the window's pages got the next session's content.
class WorkspaceSession : public QObject
{
    Q_OBJECT

public:
    // Takes over a workspace opened by OpenedWorkspace (which installs a bound file's
    // dual-write and reports its drift).
    static WorkspaceSession *create(OpenedWorkspace opened);
    ~WorkspaceSession() override;

    // Puts the editors, Hubs page, Backups page (file workspaces) and health indicator
    // into the window. `monitor`: start polling hubs and health checks.
    void install(MainWindow *window, const SecretStore &secrets, bool monitor);

    const Workspace &workspace() const { return m_opened.workspace(); }
    SettingsFileWorkspace *settingsFile() const { return m_opened.settingsFile(); }
    SettingsFileBinding *binding() const { return m_opened.binding(); }
    const OpenedWorkspace &opened() const { return m_opened; }
    QString displayName() const { return m_opened.displayName(); }
    // The status bar's "Dual-write: PATH" of a bound profile, or nullptr.
    DualWriteIndicator *dualWriteIndicator() const;
    WorkspaceViews *views() const { return m_views; }
    BackupsPage *backupsPage() const { return m_backups; }
    // Telling the hubs on an MCPHub database what Apply on Servers changed; else null.
    HubChangesReporter *hubChanges() const;
    // Keeps a PostgreSQL workspace's connection (reconnects by itself, shown in the status
    // bar); null for SQLite and settings files.
    ConnectionKeeper *connectionKeeper() const;

Q_SIGNALS:
    // A backup was restored over the file: the session is stale and should be reopened.
    void settingsFileRestored(const QString &path);

private:
    WorkspaceSession() = default;
    // The context hub monitoring runs on: a connection of its own to the workspace database.
    RepositoryContext hubMonitoringContext();
    // The Replication page (PostgreSQL workspaces) and a standby's banner; `monitor`: watch
    // replication for alerts from now on.
    void installReplication(MainWindow *window, bool monitor);
    // Following the primary (issue 16): a keeper for a PostgreSQL workspace's connection,
    // whose state the status bar shows, and a probe of the idle connection every few seconds.
    void keepConnection(MainWindow *window);

    OpenedWorkspace m_opened;
    std::unique_ptr<HubMonitor> m_monitor;
    QString m_hubConnection; // closed with the session
    QPointer<WorkspaceViews> m_views;
    QPointer<BackupsPage> m_backups;
    QPointer<OwnHealthIndicator> m_health;
    LiveRefresh *m_live = nullptr; // issue 16
    QPointer<DualWriteIndicator> m_dualWrite;
    QPointer<HubChangesReporter> m_hubChanges;
    QPointer<HubAlertNotifier> m_alerts; // also raises the Replication page's alerts
    QPointer<ConnectionKeeper> m_keeper;
};

} // namespace mcphub
