// The Hubs tab: its models under QAbstractItemModelTester, the alert policy (state changes,
// error rate, rate limiting, recovery), the chart series derived from known samples, and the
// whole tab in the main window against two emulated hubs (one healthy, one degraded), saved
// as screenshots in English and Chinese into the build folder.

#include "app/common/appsetup.h"
#include "models/hubalertpolicy.h"
#include "models/hubeventmodel.h"
#include "models/hubhistorymodels.h"
#include "models/hubserverstatusmodel.h"
#include "models/hubtablemodel.h"
#include "storage/db/workspace.h"
#include "storage/hub/hubeventstore.h"
#include "storage/hub/hubmonitor.h"
#include "storage/hub/hubregistry.h"
#include "storage/hub/hubsamplestore.h"
#include "storage/secretstore.h"
#include "storage/sqlconnection.h"
#include "tests/support/hubemulator.h"
#include "tests/support/stoppedkeychain.h"
#include "tests/support/testenv.h"
#include "ui/hubs/hubalertnotifier.h"
#include "ui/hubs/hubalertsettingsdialog.h"
#include "ui/hubs/hubdialog.h"
#include "ui/hubs/huboverviewstrip.h"
#include "ui/hubs/hubsview.h"
#include "ui/main/areapage.h"
#include "ui/main/mainwindow.h"
#include "ui/monitoring/ownhealthindicator.h"
#include "ui/monitoring/timeserieschart.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QValueAxis>

#include <cmath>
#include <optional>

using namespace mcphub;
using namespace mcphub::test;

namespace {

HubSample sampleAt(qint64 secs, HubState state, qint64 calls = -1, qint64 errors = 0)
{
    HubSample s;
    s.timestamp = QDateTime::fromSecsSinceEpoch(1'700'000'000 + secs, Qt::UTC);
    s.state = state;
    s.serversTotal = 3;
    s.serversConnected = state == HubState::Healthy ? 3 : 2;
    s.serversDisconnected = 3 - s.serversConnected;
    s.latencyMs = 20;
    if (calls >= 0)
        s.activity = HubActivityStats{calls, calls - errors, errors, 15};
    return s;
}

} // namespace

class TestHubsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelsPassTheTester();
    void alertPolicy();
    void alertSettingsApplyAndPersist();
    void historySeries();
    void ownHealthChecksAndIndicator();
    void ownHealthRunsOffTheGuiThread();
    void ownHealthIndicatorChecksRedis();
    void hubChangesDoNotWaitForTheKeychain();
    void secretNotStoredTakesTheRowBack();
    void overviewStripShowsEveryHubAndSelects();
    void eventsPersistAcrossReopenAndAcknowledge();
    void hubsTabScreenshots_data();
    void hubsTabScreenshots();
};

void TestHubsView::modelsPassTheTester()
{
    HubTableModel hubs;
    HubServerStatusModel servers;
    HubEventModel events;
    QAbstractItemModelTester t1(&hubs, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&servers, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t3(&events, QAbstractItemModelTester::FailureReportingMode::QtTest);

    HubRecord a, b;
    a.name = QStringLiteral("a");
    b.name = QStringLiteral("b");
    b.enabled = false;
    hubs.setHubs({a, b});
    QCOMPARE(hubs.rowCount(), 2);
    QCOMPARE(hubs.index(0, HubTableModel::State).data(HubTableModel::StateRole).toInt(), -1);
    HubSample s = sampleAt(0, HubState::Degraded);
    s.version = QStringLiteral("0.9.1");
    s.lastError = QStringLiteral("first line\nsecond line");
    hubs.updateSample(QStringLiteral("a"), s);
    hubs.updateSample(QStringLiteral("nobody"), s);
    hubs.setBudgetWarning(QStringLiteral("a"), QStringLiteral("too fast"));
    QCOMPARE(hubs.index(0, HubTableModel::State).data(HubTableModel::StateRole).toInt(),
             int(HubState::Degraded));
    QCOMPARE(hubs.index(0, HubTableModel::Servers).data().toString(), QStringLiteral("2 / 3"));
    QCOMPARE(hubs.index(0, HubTableModel::LastError).data().toString(),
             QStringLiteral("first line"));
    QCOMPARE(hubs.index(0, HubTableModel::BudgetWarning).data().toString(),
             QStringLiteral("too fast"));
    QVERIFY(hubs.index(1, HubTableModel::Name).data().toString().contains(QLatin1String("b")));
    hubs.setHubs({b}); // a removed, b keeps its (empty) state
    QCOMPARE(hubs.rowOf(QStringLiteral("a")), -1);

    servers.setServers({{QStringLiteral("fetch"), QStringLiteral("connected"), {}, 3, true},
                        {QStringLiteral("time"),
                         QStringLiteral("disconnected"),
                         QStringLiteral("ENOENT"),
                         0,
                         true}});
    QCOMPARE(servers.index(1, HubServerStatusModel::Error).data().toString(),
             QStringLiteral("ENOENT"));
    QCOMPARE(servers.index(0, HubServerStatusModel::Tools).data().toInt(), 3);
    QCOMPARE(servers.index(1, HubServerStatusModel::Status).data().toString(),
             QStringLiteral("Disconnected"));
    // Disabled on purpose: "Disabled" in grey, not a red "Disconnected".
    servers.setServers({{QStringLiteral("off"), QStringLiteral("disconnected"), {}, 0, false}});
    QCOMPARE(servers.index(0, HubServerStatusModel::Status).data().toString(),
             QStringLiteral("Disabled"));
    QVERIFY(servers.index(0, HubServerStatusModel::Status).data(Qt::ForegroundRole).value<QColor>()
            != QColor(0xc6, 0x28, 0x28));

    for (int i = 0; i < HubEventModel::kMaximumRows + 3; ++i)
        events.add({HubAlert::Kind::StateWorse,
                    QStringLiteral("a"),
                    s.timestamp.addSecs(i),
                    QStringLiteral("t%1").arg(i),
                    QStringLiteral("m")});
    QCOMPARE(events.rowCount(), HubEventModel::kMaximumRows);
    QCOMPARE(events.index(0, HubEventModel::Event).data().toString(),
             QStringLiteral("t%1").arg(HubEventModel::kMaximumRows + 2)); // newest first
}

void TestHubsView::alertPolicy()
{
    HubAlertPolicy policy;
    policy.setQuietPeriodMs(60'000);
    const QString hub = QStringLiteral("prod");
    QVERIFY(!policy.consider(hub, sampleAt(0, HubState::Healthy, 100, 10)));
    auto a = policy.consider(hub, sampleAt(5, HubState::Degraded, 110, 11));
    QVERIFY(a);
    QCOMPARE(a->kind, HubAlert::Kind::StateWorse);
    QVERIFY(a->title.contains(hub));
    QVERIFY(!policy.consider(hub, sampleAt(10, HubState::Degraded, 120, 12))); // no change
    a = policy.consider(hub, sampleAt(15, HubState::Unreachable));
    QVERIFY(a);
    QCOMPARE(a->kind, HubAlert::Kind::StateWorse);
    a = policy.consider(hub, sampleAt(20, HubState::Healthy, 130, 13));
    QVERIFY(a);
    QCOMPARE(a->kind, HubAlert::Kind::Recovered);
    // Flapping back within the quiet period: not raised again.
    QVERIFY(!policy.consider(hub, sampleAt(25, HubState::Degraded, 140, 14)));
    QVERIFY(policy.consider(hub, sampleAt(30, HubState::Healthy, 150, 15)));
    // 10 of 20 calls failed: above 20 %.
    a = policy.consider(hub, sampleAt(35, HubState::Healthy, 170, 25));
    QVERIFY(a);
    QCOMPARE(a->kind, HubAlert::Kind::ErrorRate);
    QVERIFY2(a->message.contains(QLatin1String("50")), qPrintable(a->message));
    QVERIFY(!policy.consider(hub, sampleAt(40, HubState::Healthy, 190, 35))); // rate-limited
    QVERIFY(!policy.consider(hub, sampleAt(45, HubState::Healthy, 192, 37))); // too few calls
    a = policy.consider(hub, sampleAt(200, HubState::Healthy, 220, 60)); // after the quiet period
    QVERIFY(a);
    QCOMPARE(a->kind, HubAlert::Kind::ErrorRate);
}

// The thresholds the administrator sets in Alert settings… apply at once, are kept in the
// console's settings, and a new session's notifier starts with them.
void TestHubsView::alertSettingsApplyAndPersist()
{
    QSettings().remove(QStringLiteral("hubAlerts"));
    HubAlertPolicy policy;
    HubAlertSettingsDialog dialog(&policy);
    auto *rate = dialog.findChild<QSpinBox *>(QStringLiteral("errorRate"));
    auto *calls = dialog.findChild<QSpinBox *>(QStringLiteral("minimumCalls"));
    auto *quiet = dialog.findChild<QSpinBox *>(QStringLiteral("quietMinutes"));
    QVERIFY(rate && calls && quiet);
    QCOMPARE(rate->value(), 20); // the defaults
    QCOMPARE(calls->value(), 5);
    QCOMPARE(quiet->value(), 10);
    rate->setValue(60);
    calls->setValue(2);
    quiet->setValue(1);
    dialog.accept();
    QCOMPARE(policy.errorRateThreshold(), 0.6);
    QCOMPARE(policy.minimumCalls(), 2);
    QCOMPARE(policy.quietPeriodMs(), 60'000);

    // 10 of 20 calls failed: 50 % is below 60 % now; 15 of 20 is above.
    const QString hub = QStringLiteral("prod");
    QVERIFY(!policy.consider(hub, sampleAt(0, HubState::Healthy, 100, 10)));
    QVERIFY(!policy.consider(hub, sampleAt(5, HubState::Healthy, 120, 20)));
    const auto a = policy.consider(hub, sampleAt(10, HubState::Healthy, 140, 35));
    QVERIFY(a);
    QCOMPARE(a->kind, HubAlert::Kind::ErrorRate);

    HubAlertNotifier notifier;
    QCOMPARE(notifier.policy().errorRateThreshold(), 0.6);
    QCOMPARE(notifier.policy().minimumCalls(), 2);
    QCOMPARE(notifier.policy().quietPeriodMs(), 60'000);
    QSettings().remove(QStringLiteral("hubAlerts"));
}

void TestHubsView::historySeries()
{
    HubHistoryModels history;
    QAbstractItemModelTester tester(history.calls(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<StoredHubSample> stored;
    for (const HubSample &s : {sampleAt(0, HubState::Healthy, 100, 0),
                               sampleAt(5, HubState::Healthy, 110, 1),
                               sampleAt(10, HubState::Unreachable),
                               sampleAt(15, HubState::Degraded, 130, 6),
                               sampleAt(20, HubState::Healthy, 4, 0)}) { // hub restarted
        StoredHubSample st;
        st.sample = s;
        stored << st;
    }
    history.load(stored);
    const qint64 from = stored.first().sample.timestamp.toMSecsSinceEpoch();
    const qint64 to = stored.last().sample.timestamp.toMSecsSinceEpoch();
    const auto calls = history.calls()->points(0, from, to);
    // NaN (no previous counter, unreachable, counter reset) is left out.
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls.at(0).y(), 10.0);
    QCOMPARE(calls.at(1).y(), 20.0); // 130 - 110 across the unreachable poll
    const auto rate = history.errorRate()->points(0, from, to);
    QCOMPARE(rate.at(0).y(), 10.0);
    QCOMPARE(rate.at(1).y(), 25.0);
    const auto connected = history.servers()->points(0, from, to);
    QCOMPARE(connected.size(), 4); // no server counts from an unreachable hub
    QCOMPARE(history.state()->points(0, from, to).at(2).y(),
             HubHistoryModels::stateLevel(HubState::Unreachable));
}

void TestHubsView::ownHealthChecksAndIndicator()
{
    QTemporaryDir dir;
    const OwnHealthCheck folder
        = OwnHealth::checkSettingsFolder(dir.filePath(QStringLiteral("cfg")));
    QVERIFY2(folder.ok, qPrintable(folder.detail));
    QVERIFY(folder.value > 0);
    QVERIFY(QDir(dir.filePath(QStringLiteral("cfg"))).isEmpty()); // the probe file is gone
    // A folder below a regular file can never be created.
    QFile file(dir.filePath(QStringLiteral("plain")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const OwnHealthCheck blocked
        = OwnHealth::checkSettingsFolder(file.fileName() + QStringLiteral("/sub"));
    QVERIFY(!blocked.ok);
    QVERIFY(blocked.detail.contains(file.fileName()));
    const OwnHealthCheck noDb = OwnHealth::checkDatabase(QStringLiteral("no-such-connection"),
                                                         QStringLiteral("profile \"x\""));
    QVERIFY(!noDb.ok);
    QVERIFY(noDb.detail.contains(QLatin1String("profile \"x\"")));
    const OwnHealthCheck memory = OwnHealth::checkMemory();
    QVERIFY(memory.ok);
    QVERIFY(memory.value > 1e6);

    const SecretStore secrets(QStringLiteral("mcphub-admin-test"));
    OwnHealthIndicator indicator(
        QStringLiteral("no-such-connection"), QStringLiteral("w"), dir.path(), secrets);
    indicator.showChecks({folder, memory});
    QVERIFY(indicator.text().contains(QLatin1String("OK")));
    indicator.showChecks({folder, noDb, memory});
    QVERIFY2(indicator.text().contains(OwnHealthCheck::kindLabel(OwnHealthCheck::Kind::Database)),
             qPrintable(indicator.text()));
    QCOMPARE(indicator.toolTip().count(QLatin1Char('\n')), 2); // one line per check
}

void TestHubsView::ownHealthRunsOffTheGuiThread()
{
    // Issue 11.10: the status bar's health check read the keychain on the GUI thread, spinning
    // a nested event loop (up to 15 s) in which timers, the poller and database code ran
    // re-entrantly. Now runChecks() only starts a run on a worker thread.
    QTemporaryDir dir;
    const QString connection = QStringLiteral("tst_hubsview_health");
    QVERIFY(openSqlConnection(SqlConnectionSpec::sqlite(dir.filePath(QStringLiteral("w.db"))),
                              connection)
                .ok());
    const SecretStore secrets(QStringLiteral("mcphub-admin-test"));
    OwnHealthIndicator indicator(connection, QStringLiteral("w.db"), dir.path(), secrets);
    QSignalSpy ready(indicator.runner(), &OwnHealthRunner::checksReady);

    bool inRun = false;
    bool reentered = false;
    QTimer ticker;
    ticker.setInterval(0);
    connect(&ticker, &QTimer::timeout, this, [&] { reentered = reentered || inRun; });
    ticker.start();
    inRun = true;
    indicator.runChecks();
    inRun = false;
    QVERIFY2(!reentered, "an event loop ran inside runChecks() on the GUI thread");
    QVERIFY(indicator.lastChecks().isEmpty()); // not run on this thread
    QVERIFY(indicator.runner()->isRunning());
    indicator.runChecks(); // one run at a time
    QVERIFY(ready.wait(60'000));
    ticker.stop();
    QCOMPARE(ready.size(), 1);
    const QList<OwnHealthCheck> checks = indicator.lastChecks();
    QCOMPARE(checks.size(), 4);
    QCOMPARE(checks.at(0).kind, OwnHealthCheck::Kind::Database);
    // The worker's own connection to the same database answers, and is closed again.
    QVERIFY2(checks.at(0).ok, qPrintable(checks.at(0).detail));
    QVERIFY(checks.at(0).detail.contains(QLatin1String("w.db")));
    QCOMPARE(checks.at(2).kind, OwnHealthCheck::Kind::Keychain);
    for (const QString &name : QSqlDatabase::connectionNames())
        QVERIFY2(!name.startsWith(QLatin1String("own-health")), qPrintable(name));
    QVERIFY(!indicator.runner()->isRunning());
    closeSqlConnection(connection);
    // And the keychain answers on this thread afterwards as it did for the run.
    QCOMPARE(OwnHealth::checkKeychain(secrets).ok, checks.at(2).ok);
}

// Issue 16: the status bar's own health checks the profile's Redis too (on the worker): a
// Redis nobody listens on fails, naming host:port, in the indicator's text and tooltip; the
// test Redis answers PING.
void TestHubsView::ownHealthIndicatorChecksRedis()
{
    const QString redisUrl = qEnvironmentVariable("MCPHUB_TEST_REDIS_URL");
    MCPHUB_REQUIRE_SERVICE(!redisUrl.isEmpty(), QStringLiteral("Redis"));
    QTemporaryDir dir;
    const QString connection = QStringLiteral("tst_hubsview_health_redis");
    QVERIFY(openSqlConnection(SqlConnectionSpec::sqlite(dir.filePath(QStringLiteral("w.db"))),
                              connection)
                .ok());
    const SecretStore secrets(QStringLiteral("mcphub-admin-test"));
    OwnHealthIndicator indicator(connection, QStringLiteral("w.db"), dir.path(), secrets);
    QSignalSpy ready(indicator.runner(), &OwnHealthRunner::checksReady);
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    const auto redisCheck = [&]() -> std::optional<OwnHealthCheck> {
        for (const OwnHealthCheck &c : indicator.lastChecks()) {
            if (c.kind == OwnHealthCheck::Kind::Redis)
                return c;
        }
        return std::nullopt;
    };

    indicator.runner()->setRedisUrl(QStringLiteral("redis://127.0.0.1:%1").arg(closedPort));
    indicator.runChecks();
    QVERIFY(ready.wait(60'000));
    auto down = redisCheck();
    QVERIFY(down);
    QVERIFY(!down->ok);
    const QString hostPort = QStringLiteral("127.0.0.1:%1").arg(closedPort);
    QVERIFY2(down->detail.contains(QStringLiteral("Redis at %1 does not answer").arg(hostPort)),
             qPrintable(down->detail));
    QVERIFY2(indicator.toolTip().contains(hostPort), qPrintable(indicator.toolTip()));
    QVERIFY2(indicator.text().contains(QLatin1String("failing")), qPrintable(indicator.text()));

    indicator.runner()->setRedisUrl(redisUrl);
    indicator.runChecks();
    QVERIFY(ready.wait(60'000));
    auto up = redisCheck();
    QVERIFY(up);
    QVERIFY2(up->ok, qPrintable(up->detail));
    QVERIFY(up->value > 0);
    closeSqlConnection(connection);
}

// Issue 11.10: adding, editing and removing a hub wrote the keychain on the GUI thread, in a
// nested event loop of up to 15 s. With the keychain frozen (SIGSTOP), each click returns, the
// event loop keeps running, the buttons wait and the tab says why; once the keychain runs
// again the change completes.
void TestHubsView::hubChangesDoNotWaitForTheKeychain()
{
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    QTemporaryDir dir;
    auto ws = Workspace::open(ConnectionProfile::sqliteFile(dir.filePath(QStringLiteral("w.db"))),
                              QStringLiteral("tst_hubsview_keychain"));
    QVERIFY(ws.ok());
    const SecretStore secrets(QStringLiteral("mcphub-admin-test"));
    const QString name = QStringLiteral("frozen-%1").arg(QCoreApplication::applicationPid());
    const QString key = HubRepository::secretKey(name);
    HubMonitor monitor(ws->context(), secrets);
    HubAlertNotifier alerts;
    HubsView view(&monitor, secrets, &alerts);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *add = view.findChild<QPushButton *>(QStringLiteral("addHub"));
    auto *edit = view.findChild<QPushButton *>(QStringLiteral("editHub"));
    auto *remove = view.findChild<QPushButton *>(QStringLiteral("removeHub"));
    auto *status = view.findChild<QLabel *>(QStringLiteral("keychainStatus"));
    QVERIFY(add && edit && remove && status);
    QSignalSpy finished(&view, &HubsView::hubChangeFinished);

    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(10);
    // Answers the modal dialog a click opens: the hub dialog filled in, a question with Yes.
    auto answerDialog = [&](const QString &secret) {
        QTimer::singleShot(0, this, [secret] {
            QWidget *modal = QApplication::activeModalWidget();
            if (auto *dialog = qobject_cast<HubDialog *>(modal)) {
                auto *nameField = dialog->findChild<QLineEdit *>(QStringLiteral("name"));
                if (!nameField->isReadOnly()) {
                    nameField->setText(
                        QStringLiteral("frozen-%1").arg(QCoreApplication::applicationPid()));
                    dialog->findChild<QLineEdit *>(QStringLiteral("url"))
                        ->setText(QStringLiteral("http://127.0.0.1:9"));
                    auto *auth = dialog->findChild<QComboBox *>(QStringLiteral("auth"));
                    auth->setCurrentIndex(auth->findData(int(HubEndpoint::Auth::BearerKey)));
                }
                dialog->findChild<QLineEdit *>(QStringLiteral("secret"))->setText(secret);
                dialog->accept();
            } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                box->button(QMessageBox::Yes)->click();
            } else if (modal) {
                modal->close();
            }
        });
    };
    // Clicks `button` with the keychain frozen; returns how long the click took.
    auto clickFrozen = [&](QPushButton *button, const QString &secret) {
        ticks = 0;
        answerDialog(secret);
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(button, Qt::LeftButton);
        const qint64 took = clock.elapsed();
        QTest::qWait(1000);
        return took;
    };

    {
        test::StoppedKeychain frozen;
        QVERIFY2(frozen.stopped(), qPrintable(frozen.error()));
        const qint64 took = clickFrozen(add, QStringLiteral("key-1"));
        QVERIFY2(took < 3000, qPrintable(QString::number(took)));
        QVERIFY(view.keychainPending());
        QCOMPARE(finished.size(), 0);
        QVERIFY2(ticks >= 30, qPrintable(QString::number(ticks))); // the event loop ran
        QVERIFY(!add->isEnabled() && !edit->isEnabled() && !remove->isEnabled());
        QVERIFY(status->isVisible());
        QVERIFY2(status->text().contains(name), qPrintable(status->text()));
        QVERIFY(HubRepository(ws->context()).find(name).ok()); // the row comes first
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20'000);
    QVERIFY(!view.keychainPending());
    QVERIFY(!status->isVisible());
    QVERIFY(add->isEnabled() && edit->isEnabled() && remove->isEnabled());
    QCOMPARE(view.selectedHub(), name);
    QCOMPARE(view.hubsModel()->rowOf(name), 0);
    QCOMPARE(*secrets.read(key), QStringLiteral("key-1"));

    {
        test::StoppedKeychain frozen;
        QVERIFY2(frozen.stopped(), qPrintable(frozen.error()));
        QVERIFY(clickFrozen(edit, QStringLiteral("key-2")) < 3000);
        QVERIFY(view.keychainPending());
        QVERIFY(ticks >= 30);
        QVERIFY(!add->isEnabled() && !edit->isEnabled() && !remove->isEnabled());
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20'000);
    QCOMPARE(*secrets.read(key), QStringLiteral("key-2"));

    {
        test::StoppedKeychain frozen;
        QVERIFY2(frozen.stopped(), qPrintable(frozen.error()));
        QVERIFY(clickFrozen(remove, QString()) < 3000);
        QVERIFY(view.keychainPending());
        QVERIFY(ticks >= 30);
        QVERIFY2(status->text().contains(name), qPrintable(status->text()));
        QCOMPARE(HubRepository(ws->context()).find(name).error().code, Error::Code::NotFound);
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 20'000);
    QCOMPARE(view.hubsModel()->rowOf(name), -1);
    QVERIFY(add->isEnabled() && !edit->isEnabled());
    QCOMPARE(secrets.read(key).error().code, Error::Code::NotFound);
    ticker.stop();
    view.close();
    ws->close();
}

// A secret the keychain does not store (here: it does not answer within its timeout) takes
// the new row back, also when the keychain was not waited for.
void TestHubsView::secretNotStoredTakesTheRowBack()
{
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    QTemporaryDir dir;
    auto ws = Workspace::open(ConnectionProfile::sqliteFile(dir.filePath(QStringLiteral("w.db"))),
                              QStringLiteral("tst_hubsview_undo"));
    QVERIFY(ws.ok());
    const SecretStore secrets(QStringLiteral("mcphub-admin-test"));
    HubRecord hub;
    hub.name = QStringLiteral("undone-%1").arg(QCoreApplication::applicationPid());
    hub.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    hub.auth = HubEndpoint::Auth::BearerKey;
    std::optional<Result<qint64>> added;
    {
        // The keychain's timeout, shortened from its 15 s for this test.
        const std::chrono::milliseconds before = SecretStore::timeout();
        SecretStore::setTimeout(std::chrono::seconds(2));
        const auto restore = qScopeGuard([before] { SecretStore::setTimeout(before); });
        test::StoppedKeychain frozen;
        QVERIFY2(frozen.stopped(), qPrintable(frozen.error()));
        HubRegistry(ws->context(), secrets)
            .addAsync(
                hub, QStringLiteral("k"), this, [&](const Result<qint64> &id) { added = id; });
        QVERIFY(!added);
        QVERIFY(HubRepository(ws->context()).find(hub.name).ok());
        QTRY_VERIFY_WITH_TIMEOUT(added.has_value(), 30'000);
    }
    QVERIFY(!added->ok());
    QCOMPARE(added->error().code, Error::Code::Keychain);
    QCOMPARE(HubRepository(ws->context()).find(hub.name).error().code, Error::Code::NotFound);
    // The late write may still land once the keychain runs again: leave nothing behind.
    QTest::qWait(500);
    (void)secrets.remove(HubRepository::secretKey(hub.name));

    // A name that is taken is refused before the keychain is touched, at once.
    const SecretStore otherKeys(QStringLiteral("mcphub-admin-test"));
    QVERIFY(HubRepository(ws->context()).add(hub).ok());
    added.reset();
    HubRegistry(ws->context(), otherKeys)
        .addAsync(hub, QStringLiteral("k"), this, [&](const Result<qint64> &id) { added = id; });
    QVERIFY(added.has_value()); // before addAsync returned
    QCOMPARE(added->error().code, Error::Code::Conflict);
    QCOMPARE(secrets.read(HubRepository::secretKey(hub.name)).error().code, Error::Code::NotFound);
    ws->close();
}

namespace {

// Registers hubs up (healthy), deg (degraded), down (unreachable) and new (never polled),
// with the last sample an earlier session stored for the first three.
void registerFourHubs(const Workspace &ws)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const auto &[name, state] : {std::pair{QStringLiteral("up"), HubState::Healthy},
                                      std::pair{QStringLiteral("deg"), HubState::Degraded},
                                      std::pair{QStringLiteral("down"), HubState::Unreachable},
                                      std::pair{QStringLiteral("new"), HubState::Healthy}}) {
        HubRecord h;
        h.name = name;
        h.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
        h.pollIntervalMs = 60'000;
        VERIFY_OK(HubRepository(ws.context()).add(h));
        if (name == QLatin1String("new"))
            continue;
        HubSample s = sampleAt(0, state);
        s.timestamp = now.addSecs(-30);
        VERIFY_OK(HubSampleStore(ws.context()).append(name, s));
    }
}

int eventRowOf(HubEventModel *events, const QString &hub)
{
    for (int r = 0; r < events->rowCount(); ++r) {
        if (events->alertAt(r).hub == hub)
            return r;
    }
    return -1;
}

} // namespace

void TestHubsView::overviewStripShowsEveryHubAndSelects()
{
    QTemporaryDir dir;
    auto ws = Workspace::open(ConnectionProfile::sqliteFile(dir.filePath(QStringLiteral("w.db"))),
                              QStringLiteral("tst_hubsview_strip"));
    VERIFY_OK(ws);
    registerFourHubs(*ws);
    const SecretStore secrets(QStringLiteral("mcphub-admin-test"));
    {
        MainWindow window;
        HubMonitor monitor(ws->context(), secrets);
        auto *alerts = new HubAlertNotifier(&window);
        auto *view = new HubsView(&monitor, secrets, alerts);
        window.page(WorkspaceAreaModel::Area::Hubs)->setContent(view);
        window.showArea(WorkspaceAreaModel::Area::Hubs);
        window.resize(1100, 712); // the console's default size
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QApplication::processEvents();

        HubOverviewStrip *strip = view->overview();
        QVERIFY(strip && strip->isVisible());
        // State in words (the colour is only a second cue), unknown before the first poll.
        QCOMPARE(strip->stateText(QStringLiteral("up")), QStringLiteral("Up"));
        QCOMPARE(strip->stateText(QStringLiteral("deg")), QStringLiteral("Degraded"));
        QCOMPARE(strip->stateText(QStringLiteral("down")), QStringLiteral("Down"));
        QCOMPARE(strip->stateText(QStringLiteral("new")), QStringLiteral("Unknown"));
        for (const QString &name : {QStringLiteral("up"),
                                    QStringLiteral("deg"),
                                    QStringLiteral("down"),
                                    QStringLiteral("new")}) {
            QAbstractButton *tile = strip->tile(name);
            QVERIFY2(tile && tile->isVisible(), qPrintable(name));
            QVERIFY2(tile->text().startsWith(name + QLatin1Char(':')), qPrintable(tile->text()));
            // Every tile is whole on screen at the default width, with its name and state.
            const QRect onStrip(tile->mapTo(strip, QPoint(0, 0)), tile->size());
            QVERIFY2(strip->viewport()->rect().contains(onStrip), qPrintable(name));
            QVERIFY(tile->width() >= tile->sizeHint().width());
            QCOMPARE(strip->badge(name), 0);
        }
        QVERIFY(strip->tile(QStringLiteral("down"))->text().contains(QLatin1String("Down")));
        // The strip is compact: the table keeps its four rows and the charts their height.
        QVERIFY2(strip->height() <= 90, qPrintable(QString::number(strip->height())));
        auto *hubTable = view->findChild<QTableView *>();
        QVERIFY(hubTable->viewport()->height()
                >= 4 * hubTable->verticalHeader()->defaultSectionSize());
        for (TimeSeriesChart *chart : view->charts())
            QVERIFY(chart->height() >= 200);

        // A click on a tile selects its hub, in the table and the charts' title too.
        QCOMPARE(view->selectedHub(), QStringLiteral("deg")); // the first by name
        QTest::mouseClick(strip->tile(QStringLiteral("down")), Qt::LeftButton);
        QCOMPARE(view->selectedHub(), QStringLiteral("down"));
        QVERIFY(strip->tile(QStringLiteral("down"))->isChecked());
        QVERIFY(!strip->tile(QStringLiteral("deg"))->isChecked());
        QCOMPARE(hubTable->selectionModel()->selectedRows().value(0).row(),
                 view->hubsModel()->rowOf(QStringLiteral("down")));
        // Selecting in the table moves the highlight on the strip.
        view->selectHub(QStringLiteral("up"));
        QVERIFY(strip->tile(QStringLiteral("up"))->isChecked());

        // A poll that changes a hub's state changes its tile.
        HubSample recovered = sampleAt(0, HubState::Healthy);
        recovered.timestamp = QDateTime::currentDateTimeUtc();
        Q_EMIT monitor.sampleStored(QStringLiteral("down"), recovered);
        QCOMPARE(strip->stateText(QStringLiteral("down")), QStringLiteral("Up"));
        QVERIFY(strip->tile(QStringLiteral("down"))->text().contains(QLatin1String("Up")));

        // Removing a hub removes its tile.
        VERIFY_OK(HubRepository(ws->context()).remove(QStringLiteral("new")));
        view->reload();
        QVERIFY(!strip->tile(QStringLiteral("new")));
        QVERIFY(strip->tile(QStringLiteral("up")));
    }
    ws->close();
}

void TestHubsView::eventsPersistAcrossReopenAndAcknowledge()
{
    QTemporaryDir dir;
    const ConnectionProfile profile
        = ConnectionProfile::sqliteFile(dir.filePath(QStringLiteral("w.db")));
    const QString connection = QStringLiteral("tst_hubsview_events");
    const SecretStore secrets(QStringLiteral("mcphub-admin-test"));
    {
        auto ws = Workspace::open(profile, connection);
        VERIFY_OK(ws);
        registerFourHubs(*ws);
        HubMonitor monitor(ws->context(), secrets);
        HubAlertNotifier alerts;
        HubsView view(&monitor, secrets, &alerts);
        view.resize(1100, 712);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(alerts.events()->rowCount(), 0);

        // Polls raise alerts: deg turns degraded; down is unreachable, then unhealthy.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        HubSample s = sampleAt(0, HubState::Degraded);
        s.timestamp = now;
        Q_EMIT monitor.sampleStored(QStringLiteral("deg"), s);
        s.state = HubState::Unreachable;
        Q_EMIT monitor.sampleStored(QStringLiteral("down"), s);
        s.state = HubState::Unhealthy;
        s.timestamp = now.addSecs(1);
        Q_EMIT monitor.sampleStored(QStringLiteral("down"), s);
        QCOMPARE(alerts.events()->rowCount(), 3);
        HubOverviewStrip *strip = view.overview();
        QCOMPARE(strip->badge(QStringLiteral("deg")), 1);
        QCOMPARE(strip->badge(QStringLiteral("down")), 2);
        QCOMPARE(strip->badge(QStringLiteral("up")), 0);
        QVERIFY2(strip->tile(QStringLiteral("down"))->text().contains(QLatin1String("2")),
                 qPrintable(strip->tile(QStringLiteral("down"))->text()));
        const int eventsTab = view.details()->indexOf(view.eventsView()->parentWidget());
        QVERIFY(eventsTab >= 0);
        QCOMPARE(view.details()->tabText(eventsTab), QStringLiteral("Events (3)"));

        // Acknowledge the selected event (deg's): its badge goes, down's stays.
        auto *acknowledge = view.findChild<QPushButton *>(QStringLiteral("acknowledgeEvents"));
        QVERIFY(acknowledge);
        view.details()->setCurrentIndex(eventsTab);
        QVERIFY(!acknowledge->isEnabled()); // nothing selected
        view.eventsView()->selectRow(eventRowOf(alerts.events(), QStringLiteral("deg")));
        QVERIFY(acknowledge->isEnabled());
        QTest::mouseClick(acknowledge, Qt::LeftButton);
        QCOMPARE(strip->badge(QStringLiteral("deg")), 0);
        QCOMPARE(strip->badge(QStringLiteral("down")), 2);
        QCOMPARE(view.details()->tabText(eventsTab), QStringLiteral("Events (2)"));
        {
            const QString folder
                = QDir(testBinDir()).absoluteFilePath(QStringLiteral("../screenshots"));
            QVERIFY(QDir().mkpath(folder));
            QApplication::processEvents();
            QVERIFY(view.grab().save(folder + QStringLiteral("/hubs_events_en.png")));
        }
        const int degRow = eventRowOf(alerts.events(), QStringLiteral("deg"));
        QCOMPARE(alerts.events()->index(degRow, HubEventModel::Status).data().toString(),
                 QStringLiteral("Acknowledged"));
        ws->close();
    }
    {
        // A restart: the events are read back, with what was acknowledged.
        auto ws = Workspace::open(profile, connection);
        VERIFY_OK(ws);
        HubMonitor monitor(ws->context(), secrets);
        HubAlertNotifier alerts;
        HubsView view(&monitor, secrets, &alerts);
        QCOMPARE(alerts.events()->rowCount(), 3);
        HubOverviewStrip *strip = view.overview();
        QCOMPARE(strip->badge(QStringLiteral("deg")), 0);
        QCOMPARE(strip->badge(QStringLiteral("down")), 2);
        const int degRow = eventRowOf(alerts.events(), QStringLiteral("deg"));
        QVERIFY(alerts.events()->index(degRow, 0).data(HubEventModel::AcknowledgedRole).toBool());
        QCOMPARE(alerts.events()->alertAt(0).hub, QStringLiteral("down")); // newest first
        QCOMPARE(alerts.events()->alertAt(0).kind, HubAlert::Kind::StateWorse);
        QVERIFY(alerts.events()->alertAt(0).title.contains(QLatin1String("down")));

        // Acknowledge all clears every badge, and that is kept too.
        auto *all = view.findChild<QPushButton *>(QStringLiteral("acknowledgeAllEvents"));
        QVERIFY(all && all->isEnabled());
        QTest::mouseClick(all, Qt::LeftButton);
        QCOMPARE(strip->badge(QStringLiteral("down")), 0);
        QVERIFY(!all->isEnabled());
        QVERIFY(alerts.unacknowledgedCounts().isEmpty());
        ws->close();
    }
    {
        auto ws = Workspace::open(profile, connection);
        VERIFY_OK(ws);
        const auto counts = HubEventStore(ws->context()).unacknowledgedCounts();
        VERIFY_OK(counts);
        QVERIFY(counts->isEmpty());
        const auto events = HubEventStore(ws->context()).list();
        VERIFY_OK(events);
        QCOMPARE(events->size(), 3);
        for (const HubEvent &e : *events) {
            QVERIFY(e.acknowledged());
            QVERIFY(!e.acknowledgedBy.isEmpty());
        }
        ws->close();
    }
}

void TestHubsView::hubsTabScreenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QString();
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN"); // after English: translators stay
}

void TestHubsView::hubsTabScreenshots()
{
    QFETCH(QString, language);
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    if (!language.isEmpty())
        QCOMPARE(installTranslators(*qApp, language), language);

    HubEmulator healthy, degraded;
    QVERIFY(healthy.listen());
    degraded.setMode(HubEmulator::Mode::Database);
    degraded.setHealth(HubEmulator::Health::Degraded);
    QVERIFY(degraded.listen());
    QTimer traffic; // tool calls keep arriving at the degraded hub
    connect(&traffic, &QTimer::timeout, &degraded, [&degraded] { degraded.addActivities(3); });
    traffic.start(400);

    QTemporaryDir dir;
    auto ws = Workspace::open(ConnectionProfile::sqliteFile(dir.filePath(QStringLiteral("w.db"))),
                              QStringLiteral("tst_hubsview_") + language);
    QVERIFY(ws.ok());
    const SecretStore secrets(QStringLiteral("mcphub-admin-test"));
    for (const auto &[name, url] : {std::pair{QStringLiteral("alpha"), healthy.baseUrl()},
                                    std::pair{QStringLiteral("beta"), degraded.baseUrl()}}) {
        HubRecord h;
        h.name = name;
        h.baseUrl = url;
        h.auth = HubEndpoint::Auth::Password;
        h.username = QStringLiteral("admin");
        h.pollIntervalMs = 1000;
        QVERIFY(HubRepository(ws->context()).add(h).ok());
        QVERIFY(secrets.write(HubRepository::secretKey(name), QStringLiteral("admin123")).ok());
    }

    // The last hour as an earlier console session stored it, one sample a minute: beta was
    // healthy, turned degraded, briefly unhealthy, then degraded; its calls and errors rose.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    HubSampleStore store(ws->context());
    for (int m = 60; m >= 1; --m) {
        const QDateTime t = now.addSecs(-60 * m);
        HubSample a = sampleAt(0, HubState::Healthy);
        a.timestamp = t;
        a.version = QStringLiteral("dev");
        a.latencyMs = 8 + (m * 7) % 9;
        QVERIFY(store.append(QStringLiteral("alpha"), a).ok());
        const int i = 60 - m;
        const HubState state = i < 20              ? HubState::Healthy
                               : i >= 35 && i < 40 ? HubState::Unhealthy
                                                   : HubState::Degraded;
        HubSample b = sampleAt(0, state, 40 * i + (i * i) % 17, i < 20 ? i / 4 : i + (i % 5) * 2);
        b.timestamp = t;
        b.version = QStringLiteral("dev");
        b.serversConnected = state == HubState::Healthy ? 4 : state == HubState::Degraded ? 3 : 0;
        b.serversTotal = 4;
        b.serversDisconnected = 4 - b.serversConnected;
        b.latencyMs = state == HubState::Unhealthy ? -1 : 15 + (i * 13) % 25;
        if (state == HubState::Unhealthy) {
            b.activity.reset();
            b.lastError = QStringLiteral("beta: HTTP 500 Internal Server Error");
        }
        QVERIFY(store.append(QStringLiteral("beta"), b).ok());
    }

    MainWindow window;
    window.setWorkspaceStatus(dir.filePath(QStringLiteral("w.db")), true, false);
    HubMonitor monitor(ws->context(), secrets);
    auto *alerts = new HubAlertNotifier(&window);
    auto *view = new HubsView(&monitor, secrets, alerts);
    window.page(WorkspaceAreaModel::Area::Hubs)->setContent(view);
    window.showArea(WorkspaceAreaModel::Area::Hubs);
    window.resize(1100, 712); // the console's default size
    window.show();
    QVERIFY(monitor.start().ok());
    view->selectHub(QStringLiteral("beta"));

    HubTableModel *model = view->hubsModel();
    QTRY_VERIFY_WITH_TIMEOUT(view->history()->state()->rowCount() >= 60 + 5, 40'000);
    const int alpha = model->rowOf(QStringLiteral("alpha"));
    const int beta = model->rowOf(QStringLiteral("beta"));
    QTRY_COMPARE_WITH_TIMEOUT(model->index(alpha, 0).data(HubTableModel::StateRole).toInt(),
                              int(HubState::Healthy),
                              20'000);
    QCOMPARE(model->index(beta, 0).data(HubTableModel::StateRole).toInt(), int(HubState::Degraded));
    QCOMPARE(model->index(beta, HubTableModel::Servers).data().toString(),
             QStringLiteral("3 / 4")); // the degraded capture
    QVERIFY(view->serversModel()->rowCount() > 0);
    QVERIFY(view->topCallsModel()->rowCount() > 0);
    QVERIFY(alerts->events()->rowCount() >= 1); // beta turned degraded
    QCOMPARE(alerts->events()->alertAt(alerts->events()->rowCount() - 1).hub,
             QStringLiteral("beta"));
    // The charts drew the samples: connected servers and tool calls.
    TimeSeriesChart *servers = view->charts().at(0);
    servers->refresh();
    QVERIFY(!servers->lineSeries().isEmpty());
    QVERIFY(servers->lineSeries().first()->count() >= 5);
    TimeSeriesChart *calls = view->charts().at(1);
    calls->refresh();
    QVERIFY(calls->lineSeries().first()->count() >= 3);
    // At the default size every chart keeps a readable height (the page scrolls), the hub
    // table has room for four hubs, and one time range drives the four charts.
    QApplication::processEvents();
    for (TimeSeriesChart *chart : view->charts())
        QVERIFY2(chart->height() >= 200, qPrintable(QString::number(chart->height())));
    // and its value labels have room: squeezed, Qt elides every one of them to "…".
    for (TimeSeriesChart *chart : view->charts()) {
        const double plot = chart->chart()->plotArea().height();
        const int ticks = chart->valueTickCount();
        const double font = QFontMetricsF(chart->valueAxis()->labelsFont()).height();
        QVERIFY(ticks >= 2);
        QVERIFY2(
            plot / (ticks - 1) >= font,
            qPrintable(
                QStringLiteral("%1: %2 ticks in %3 px")
                    .arg(chart->chart()->title(), QString::number(ticks), QString::number(plot))));
    }
    auto *hubTable = view->findChild<QTableView *>();
    QVERIFY(hubTable);
    QVERIFY(hubTable->viewport()->height() >= 4 * hubTable->verticalHeader()->defaultSectionSize());
    servers->setRange(TimeSeriesChart::Range::OneDay);
    for (TimeSeriesChart *chart : view->charts())
        QCOMPARE(chart->range(), TimeSeriesChart::Range::OneDay);
    calls->setRange(TimeSeriesChart::Range::OneHour);
    for (TimeSeriesChart *chart : view->charts())
        QCOMPARE(chart->range(), TimeSeriesChart::Range::OneHour);
    if (!language.isEmpty()) {
        QVERIFY2(model->headerData(HubTableModel::State, Qt::Horizontal).toString()
                     != QLatin1String("State"),
                 "the Chinese translation is loaded");
    }

    const QString folder = QDir(testBinDir()).absoluteFilePath(QStringLiteral("../screenshots"));
    QVERIFY(QDir().mkpath(folder));
    const QString suffix = language.isEmpty() ? QStringLiteral("en") : language;
    QApplication::processEvents();
    const QImage image = window.grab().toImage();
    QVERIFY(!image.isNull());
    const QString path = folder + QStringLiteral("/hubs_tab_%1.png").arg(suffix);
    QVERIFY2(image.save(path), qPrintable(path));
    view->details()->setCurrentIndex(1); // servers and tools
    QApplication::processEvents();
    QVERIFY(
        window.grab().toImage().save(folder + QStringLiteral("/hubs_servers_%1.png").arg(suffix)));
    {
        HubAlertSettingsDialog settings(&alerts->policy(), &window);
        settings.adjustSize();
        QVERIFY(settings.grab().toImage().save(
            folder + QStringLiteral("/hubs_alert_settings_%1.png").arg(suffix)));
    }

    traffic.stop();
    for (const QString &name : {QStringLiteral("alpha"), QStringLiteral("beta")})
        (void)secrets.remove(HubRepository::secretKey(name));
    window.close();
}

QTEST_MAIN(TestHubsView)
#include "tst_hubsview.moc"
