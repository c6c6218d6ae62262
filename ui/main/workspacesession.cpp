#include "ui/main/workspacesession.h"

#include "storage/hub/hubmonitor.h"
#include "storage/migration/settingsfileworkspace.h"
#include "storage/ownhealth.h"
#include "storage/secretstore.h"
#include "ui/backups/backupspage.h"
#include "ui/hubs/hubalertnotifier.h"
#include "ui/hubs/hubsview.h"
#include "ui/main/areapage.h"
#include "ui/main/mainwindow.h"
#include "ui/main/workspaceviews.h"
#include "ui/monitoring/ownhealthindicator.h"

#include <QStatusBar>

namespace mcphub {

Result<WorkspaceSession *> WorkspaceSession::openDatabase(const ConnectionProfile &profile,
                                                          const QString &connectionName)
{
    auto opened = Workspace::open(profile, connectionName);
    if (!opened)
        return opened.error();
    auto *session = new WorkspaceSession;
    session->m_workspace = *opened;
    return session;
}

Result<WorkspaceSession *> WorkspaceSession::openSettingsFile(const QString &path,
                                                              const QString &connectionName)
{
    auto opened = SettingsFileWorkspace::open(path, connectionName);
    if (!opened)
        return opened.error();
    auto *session = new WorkspaceSession;
    session->m_workspace = (*opened)->workspace();
    session->m_file = std::move(*opened);
    return session;
}

WorkspaceSession::~WorkspaceSession()
{
    delete m_health;
    m_monitor.reset();
    delete m_views; // the models, before the connection closes
    if (m_file)
        m_file.reset();
    else
        m_workspace.close();
}

QString WorkspaceSession::displayName() const
{
    return m_file ? m_file->settingsPath() : m_workspace.profile().displayName();
}

void WorkspaceSession::install(MainWindow *window, const SecretStore &secrets, bool monitor)
{
    using Area = WorkspaceAreaModel::Area;
    window->setWorkspaceStatus(
        displayName(), true, m_workspace.readOnly(), m_workspace.warnings().join(QLatin1Char(' ')));
    m_views = new WorkspaceViews(m_workspace, window); // hides Backups; shown again below
    m_views->setParent(this);

    if (m_file) {
        m_backups = new BackupsPage(m_file->settingsPath());
        window->page(Area::Backups)->setContent(m_backups);
        window->setBackupsVisible(true);
        connect(m_backups, &BackupsPage::restored, this, [this] {
            Q_EMIT settingsFileRestored(m_file->settingsPath());
        });
    } else {
        window->page(Area::Backups)->clearContent();
    }

    m_monitor = std::make_unique<HubMonitor>(m_workspace.context(), secrets);
    auto *alerts = new HubAlertNotifier(this);
    auto *hubs = new HubsView(m_monitor.get(), secrets, alerts);
    window->page(Area::Hubs)->setContent(hubs);

    m_health = new OwnHealthIndicator(
        m_workspace.connectionName(), displayName(), OwnHealth::settingsFolder(), secrets, window);
    window->statusBar()->addPermanentWidget(m_health);
    if (monitor) {
        // Polls asynchronously on this thread. A registry that cannot be read already shows
        // its error on the Hubs page (HubsView::reload).
        (void)m_monitor->start();
        m_health->start();
    }
}

} // namespace mcphub
