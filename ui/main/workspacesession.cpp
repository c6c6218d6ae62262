#include "ui/main/workspacesession.h"
#include "ui/main/liverefresh.h"

#include "ui/main/hubchangesreporter.h"
#include "ui/servers/serverspage.h"

#include "storage/db/connectionkeeper.h"
#include "storage/db/connectionwatchdog.h"
#include "storage/db/workspacecapabilities.h"
#include "storage/hub/hubmonitor.h"
#include "storage/logging.h"
#include "storage/ownhealth.h"
#include "storage/secretstore.h"
#include "storage/sqlconnection.h"
#include "ui/backups/backupspage.h"
#include "ui/hubs/hubalertnotifier.h"
#include "ui/hubs/hubsview.h"
#include "ui/main/areapage.h"
#include "ui/main/dualwriteindicator.h"
#include "ui/main/mainwindow.h"
#include "ui/main/workspaceviews.h"
#include "ui/monitoring/ownhealthindicator.h"
#include "ui/replication/replicationpage.h"

#include <QCoreApplication>
#include <QLabel>
#include <QSqlError>
#include <QStatusBar>
#include <QTimer>

namespace mcphub {

namespace {
// A call on a PostgreSQL connection that holds the window this long has its server looked
// at; a server that does not answer a new connection within kProbeTimeoutSeconds is left.
constexpr int kStallMs = 15000;
constexpr int kProbeTimeoutSeconds = 10;

// A watchdog of the keeper's connection, watching it now. It follows the keeper: the socket
// it watches goes when the keeper opens the connection again, and the new one is watched
// once it is open.
ConnectionWatchdog *watchConnection(ConnectionKeeper *keeper)
{
    auto *watchdog
        = new ConnectionWatchdog(keeper->connectionName(), kStallMs, kProbeTimeoutSeconds, keeper);
    watchdog->arm();
    QObject::connect(
        keeper, &ConnectionKeeper::reconnecting, watchdog, [watchdog] { watchdog->disarm(); });
    QObject::connect(
        keeper, &ConnectionKeeper::gaveUp, watchdog, [watchdog] { watchdog->disarm(); });
    QObject::connect(
        keeper, &ConnectionKeeper::reconnected, watchdog, [watchdog] { watchdog->arm(); });
    return watchdog;
}
} // namespace

WorkspaceSession *WorkspaceSession::create(OpenedWorkspace opened)
{
    auto *session = new WorkspaceSession;
    session->m_opened = std::move(opened);
    return session;
}

WorkspaceSession::~WorkspaceSession()
{
    delete m_health;
    delete m_dualWrite;
    delete m_live; // its connection, before the workspace's closes
    m_monitor.reset();
    if (!m_hubConnection.isEmpty())
        closeSqlConnection(m_hubConnection);
    delete m_views; // the models, before the connection closes
    m_opened.close();
}

DualWriteIndicator *WorkspaceSession::dualWriteIndicator() const
{
    return m_dualWrite;
}

HubChangesReporter *WorkspaceSession::hubChanges() const
{
    return m_hubChanges;
}

ConnectionKeeper *WorkspaceSession::connectionKeeper() const
{
    return m_keeper;
}

void WorkspaceSession::keepConnection(MainWindow *window)
{
    const Workspace &ws = m_opened.workspace();
    if (ws.profile().kind != ConnectionProfile::Kind::Postgres || m_opened.settingsFile())
        return;
    m_keeper = new ConnectionKeeper(ws.connectionName(), {}, this);
    m_keeper->registerForConnection();
    m_keeper->setStandbyAccepted(ws.readOnly());
    // The window keeps painting (the status bar says why it waits); clicks wait.
    m_keeper->setWhileWaiting(
        [] { QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents, 20); });
    connect(m_keeper,
            &ConnectionKeeper::reconnecting,
            window,
            [window](int attempt, const QString &why) {
                window->setConnectionState(tr("Reconnecting… (attempt %1)").arg(attempt), why);
            });
    connect(m_keeper, &ConnectionKeeper::reconnected, window, [window](const ServerRole &role) {
        window->setConnectionState(role.primary
                                       ? tr("Connected to %1 as primary").arg(role.address())
                                       : tr("Connected to %1 as standby").arg(role.address()));
    });
    connect(m_keeper, &ConnectionKeeper::gaveUp, window, [window](const Error &error) {
        window->setConnectionState(tr("Not connected"), error.message + u' ' + error.detail);
    });
    // A server that stops answering in the middle of a call (a frozen process: TCP does not
    // notice) is left after kStallMs and a look that gets no answer, and reconnected.
    connect(watchConnection(m_keeper),
            &ConnectionWatchdog::broke,
            window,
            [window](const QString &why) {
                window->setConnectionState(
                    tr("The database server stopped answering; reconnecting…"), why);
            });
    // A connection that broke while idle is noticed here, not at the next Apply, and opened
    // again in the background: the window never waits for a server that does not answer.
    auto *probe = new QTimer(m_keeper);
    probe->setInterval(3000);
    connect(probe, &QTimer::timeout, m_keeper, [keeper = m_keeper.data()] {
        if (!keeper->isReconnecting() && keeper->probe())
            keeper->reconnectInBackground();
    });
    probe->start();
}

RepositoryContext WorkspaceSession::hubMonitoringContext()
{
    // Hub monitoring commits a sample on every poll. On a connection of its own, none of
    // those commits goes through the workspace connection's hook (a bound settings file's
    // export), and its transactions never nest inside an editor's.
    const Workspace &ws = m_opened.workspace();
    RepositoryContext context = ws.context();
    const QSqlDatabase source = ws.database();
    if (source.databaseName() == QLatin1String(":memory:"))
        return context; // a second connection would be another, empty database
    const QString name = ws.connectionName() + QStringLiteral("-hubs");
    QSqlDatabase clone = QSqlDatabase::cloneDatabase(ws.connectionName(), name);
    if (!clone.open()) {
        qCWarning(lcDatabase) << "hub monitoring shares the workspace connection:"
                              << clone.lastError().text();
        clone = QSqlDatabase();
        closeSqlConnection(name);
        return context;
    }
    m_hubConnection = name;
    context.connectionName = name;
    if (ws.profile().kind == ConnectionProfile::Kind::Postgres) {
        // Its writes (retention) reconnect too, and the window keeps painting meanwhile.
        auto *keeper = new ConnectionKeeper(name, {}, this);
        keeper->registerForConnection();
        // As the workspace's own: a read-only workspace (a standby) reconnects to a standby.
        keeper->setStandbyAccepted(ws.readOnly());
        keeper->setWhileWaiting(
            [] { QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents, 20); });
        watchConnection(keeper);
    }
    return context;
}

void WorkspaceSession::installReplication(MainWindow *window, bool monitor)
{
    // A PostgreSQL workspace (the console's or MCPHub's database) has a Replication page; a
    // standby opened read-only says so above the pages.
    const Workspace &ws = m_opened.workspace();
    window->setWorkspaceBanner(ws.standbyBanner());
    const bool postgres
        = ws.profile().kind == ConnectionProfile::Kind::Postgres && !m_opened.settingsFile();
    window->setReplicationVisible(postgres);
    if (!postgres) {
        window->page(WorkspaceAreaModel::Area::Replication)->clearContent();
        return;
    }
    auto *page
        = new ReplicationPage(ws.connectionName(), displayName(), ws.profile().failoverMonitor);
    page->setAlertNotifier(m_alerts);
    if (ws.isStandby()) // the banner follows the lag as the page reads it
        connect(
            page, &ReplicationPage::standbyBannerChanged, window, &MainWindow::setWorkspaceBanner);
    if (monitor && m_alerts)
        page->timer()->start(); // alerts while the page is not shown too
    window->page(WorkspaceAreaModel::Area::Replication)->setContent(page);
}

void WorkspaceSession::install(MainWindow *window, const SecretStore &secrets, bool monitor)
{
    using Area = WorkspaceAreaModel::Area;
    const Workspace &ws = m_opened.workspace();
    // The drift of a bound file goes to the dual-write indicator, not into this label.
    window->setWorkspaceStatus(
        displayName(), true, ws.readOnly(), ws.warnings().join(QLatin1Char(' ')));
    m_views = new WorkspaceViews(ws, window); // hides Backups; shown again below
    m_views->setParent(this);
    keepConnection(window);

    if (SettingsFileWorkspace *file = m_opened.settingsFile()) {
        m_backups = new BackupsPage(file->settingsPath());
        window->page(Area::Backups)->setContent(m_backups);
        window->setBackupsVisible(true);
        connect(m_backups, &BackupsPage::restored, this, [this] {
            Q_EMIT settingsFileRestored(m_opened.settingsFile()->settingsPath());
        });
    } else {
        window->page(Area::Backups)->clearContent();
    }

    // Hubs live in the console's database; a workspace without a hub registry (a settings
    // file) says so and offers nothing, rather than keeping hubs that vanish on Reload.
    const WorkspaceCapabilities capabilities(ws.kind());
    if (capabilities.hasHubRegistry()) {
        m_monitor = std::make_unique<HubMonitor>(hubMonitoringContext(), secrets);
        auto *alerts = new HubAlertNotifier(this);
        m_alerts = alerts;
        auto *hubs = new HubsView(m_monitor.get(), secrets, alerts);
        window->page(Area::Hubs)->setContent(hubs);
    } else {
        auto *none = new QLabel(capabilities.noHubRegistryMessage());
        none->setObjectName(QStringLiteral("noHubRegistry"));
        none->setWordWrap(true);
        none->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        window->page(Area::Hubs)->setContent(none);
    }

    if (ws.kind() == WorkspaceKind::McphubDatabase && m_views && m_views->serversPage()) {
        // The hubs registered here run on this database: Apply on Servers tells them.
        m_hubChanges = new HubChangesReporter(
            ws.context(), secrets, m_views->servers(), m_views->serversPage()->editor(), this);
        connect(m_hubChanges, &HubChangesReporter::reported, window, [window](const QString &s) {
            window->statusBar()->showMessage(s, 15'000);
        });
    }

    installReplication(window, monitor);
    // Issue 16: other consoles' commits show up here live (NOTIFY, Redis).
    m_live = new LiveRefresh(ws, m_views, this);

    m_health = new OwnHealthIndicator(
        ws.connectionName(), displayName(), OwnHealth::settingsFolder(), secrets, window);
    m_health->runner()->setRedisUrl(ws.profile().redisUrl); // issue 16: PING in the checks
    window->statusBar()->addPermanentWidget(m_health);
    if (m_opened.binding()) {
        m_dualWrite = new DualWriteIndicator(window);
        m_dualWrite->setBinding(
            m_opened.boundSettingsPath(),
            SettingsFileBinding::driftWarnings(m_opened.boundSettingsPath(), m_opened.drift(), 200),
            int(m_opened.drift().size()));
        window->statusBar()->addPermanentWidget(m_dualWrite);
    }
    if (monitor) {
        // Polls asynchronously on this thread. A registry that cannot be read already shows
        // its error on the Hubs page (HubsView::reload).
        if (m_monitor)
            (void)m_monitor->start();
        m_health->start();
    }
}

} // namespace mcphub
