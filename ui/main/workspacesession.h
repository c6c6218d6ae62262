#pragma once

#include "storage/db/workspace.h"
#include "storage/result.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace mcphub {

class BackupsPage;
class HubMonitor;
class MainWindow;
class OwnHealthIndicator;
class SecretStore;
class SettingsFileWorkspace;
class WorkspaceViews;

// One workspace open in the window: its database (or settings file and private database),
// the editors (WorkspaceViews), the hub monitor and the health indicator. Built by
// WorkspaceSwitcher; destroying it stops monitoring and closes the connection, so it is
// deleted (deleteLater) after the window's pages got the next session's content.
class WorkspaceSession : public QObject
{
    Q_OBJECT

public:
    static Result<WorkspaceSession *> openDatabase(const ConnectionProfile &profile,
                                                   const QString &connectionName);
    static Result<WorkspaceSession *> openSettingsFile(const QString &path,
                                                       const QString &connectionName);
    ~WorkspaceSession() override;

    // Puts the editors, Hubs page, Backups page (file workspaces) and health indicator
    // into the window. `monitor`: start polling hubs and health checks.
    void install(MainWindow *window, const SecretStore &secrets, bool monitor);

    const Workspace &workspace() const { return m_workspace; }
    SettingsFileWorkspace *settingsFile() const { return m_file.get(); }
    QString displayName() const;
    WorkspaceViews *views() const { return m_views; }
    BackupsPage *backupsPage() const { return m_backups; }

Q_SIGNALS:
    // A backup was restored over the file: the session is stale and should be reopened.
    void settingsFileRestored(const QString &path);

private:
    WorkspaceSession() = default;

    Workspace m_workspace;
    std::unique_ptr<SettingsFileWorkspace> m_file;
    std::unique_ptr<HubMonitor> m_monitor;
    QPointer<WorkspaceViews> m_views;
    QPointer<BackupsPage> m_backups;
    QPointer<OwnHealthIndicator> m_health;
};

} // namespace mcphub
