// Replication (issue #16) against the real primary and its streaming standby that
// scripts/with-services starts (MCPHUB_STANDBY_PORT): the status in storage, "mcphub-adminctl
// db replication", a standby workspace opened read-only with its banner, a profile whose
// hosts are all standbys, and the console's Replication page.

#include "models/hubeventmodel.h"
#include "models/replicationalertpolicy.h"
#include "storage/db/connectionkeeper.h"
#include "storage/db/profilestore.h"
#include "storage/db/replicationstatus.h"
#include "storage/db/systemconfigrepository.h"
#include "storage/db/userrepository.h"
#include "storage/db/workspace.h"
#include "storage/live/redisoutbox.h"
#include "storage/secretstore.h"
#include "storage/sqlconnection.h"
#include "support/adminctlrun.h"
#include "support/pgtestdatabase.h"
#include "support/silentserver.h"
#include "support/testenv.h"
#include "ui/hubs/hubalertnotifier.h"
#include "ui/main/areapage.h"
#include "ui/main/mainwindow.h"
#include "ui/main/workspaceswitcher.h"
#include "ui/replication/replicationpage.h"
#include "ui/widgets/pendingtableeditor.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <memory>

using namespace mcphub;

namespace {

int standbyPort()
{
    return qEnvironmentVariableIntValue("MCPHUB_STANDBY_PORT");
}

int primaryPort()
{
    return qEnvironmentVariableIntValue("PGPORT");
}

QString conninfo(int port, const QString &database = QStringLiteral("postgres"))
{
    return QStringLiteral("host=127.0.0.1 port=%1 user=%2 dbname=%3")
        .arg(QString::number(port),
             qEnvironmentVariable("PGUSER", QStringLiteral("postgres")),
             database);
}

// Waits (bounded: 30 s) until the standby has replayed everything the primary wrote so far.
bool standbyCaughtUp()
{
    ConnectionProfile primary = *ConnectionProfile::fromConninfo(conninfo(primaryPort()));
    const QString name = QStringLiteral("tst-replication-catchup");
    QString target;
    {
        auto db = openSqlConnection(primary.toSpec(), name);
        if (!db)
            return false;
        QSqlQuery q(*db);
        if (!q.exec(QStringLiteral("SELECT pg_current_wal_lsn()::text")) || !q.next())
            return false;
        target = q.value(0).toString();
    }
    closeSqlConnection(name);
    ConnectionProfile standby = *ConnectionProfile::fromConninfo(conninfo(standbyPort()));
    bool caughtUp = false;
    {
        auto db = openSqlConnection(standby.toSpec(), name);
        if (!db)
            return false;
        for (int i = 0; i < 300 && !caughtUp; ++i) {
            QSqlQuery q(*db);
            q.prepare(QStringLiteral(
                "SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), :target::pg_lsn) >= 0"));
            q.bindValue(QStringLiteral(":target"), target);
            caughtUp = q.exec() && q.next() && q.value(0).toBool();
            if (!caughtUp)
                QThread::msleep(100);
        }
    }
    closeSqlConnection(name);
    return caughtUp;
}

// Reads the page's status again and waits (at most 30 s) for the reading it shows.
Result<ReplicationStatus> readPage(ReplicationPage *page)
{
    QSignalSpy refreshed(page, &ReplicationPage::refreshed);
    page->refresh(); // a reading already under way (the page was just shown) is waited for
    if (!refreshed.wait(30'000) || !page->lastReading())
        return Error::make(
            Error::Code::Generic, QStringLiteral("the reading did not end"), QString());
    return *page->lastReading();
}

// The conninfo of a pg_auto_failover monitor that accepts connections and never answers.
QString silentMonitor(const test::SilentServer &silent, int connectTimeout)
{
    return QStringLiteral("host=127.0.0.1 port=%1 user=autoctl_node dbname=pg_auto_failover "
                          "connect_timeout=%2")
        .arg(QString::number(silent.port()), QString::number(connectTimeout));
}

QJsonObject jsonOf(const test::Run &run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

// The "replication" entry of "health --format json" (empty when there is none).
QJsonObject replicationCheckOf(const test::Run &run)
{
    for (const QJsonValue &c : QJsonDocument::fromJson(run.out.toUtf8()).array()) {
        if (c[QStringLiteral("check")].toString() == QLatin1String("replication"))
            return c.toObject();
    }
    return {};
}

} // namespace

class TestReplication : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void statusOnPrimaryListsStreamingStandby();
    void statusOnStandbyNamesItsPrimary();
    void dbReplicationTextAndJsonOnPrimary();
    void dbReplicationTextAndJsonOnStandby();
    void dbReplicationOnSqliteSaysEmbedded();
    void dbReplicationWithAMonitorThatIsNoneSaysWhy();
    void profileKeepsItsMonitor();
    void dbReplicationOnMcphubDatabaseStandby();
    void standbyWorkspaceOpensReadOnlyWithBanner();
    void deliverOnStandbyPublishesNothing();
    void mcphubDatabaseOnStandbyRefusesWrites();
    void allHostsStandbysGiveClearMessage();
    void replicationPageShowsStandbyOnPrimary();
    void standbyProfileInConsoleIsReadOnlyWithBanner();
    void alertPolicyRaisesLagAndVanishedStandbyOnce();
    void replicationPageRaisesAlertThroughNotifier();
    void replicationPageDoesNotWaitForAMonitorThatHangs();
    void closingThePageDoesNotWaitForItsReading();
    void healthChecksReplicationOnPrimaryAndStandby();
    void unresolvableHostIsNamedByDbTestAndReplication();
    void monitorDownStillPrintsTheDatabasesStatus();
};

void TestReplication::init()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured() && standbyPort() > 0,
                           QStringLiteral("PostgreSQL with a streaming standby (with-services)"));
}

void TestReplication::statusOnPrimaryListsStreamingStandby()
{
    const auto status
        = ReplicationStatus::readProfile(*ConnectionProfile::fromConninfo(conninfo(primaryPort())));
    VERIFY_OK(status);
    QCOMPARE(status->role, ReplicationStatus::Role::Primary);
    QVERIFY(!status->currentLsn.isEmpty());
    const auto it = std::find_if(
        status->standbys.cbegin(), status->standbys.cend(), [](const StandbyLink &s) {
            return s.applicationName == QLatin1String("mcphub_standby");
        });
    QVERIFY2(it != status->standbys.cend(), "the with-services standby is not listed");
    QCOMPARE(it->state, QStringLiteral("streaming"));
    QCOMPARE(it->clientAddress, QStringLiteral("127.0.0.1"));
    QCOMPARE(it->syncState, QStringLiteral("async"));
    QVERIFY(it->replayLagBytes.has_value());
    QVERIFY(*it->replayLagBytes >= 0);
    QVERIFY(it->replayLagSeconds.has_value() || *it->replayLagBytes > 0);
    QVERIFY(!it->replayLsn.isEmpty());
}

void TestReplication::statusOnStandbyNamesItsPrimary()
{
    const auto status
        = ReplicationStatus::readProfile(*ConnectionProfile::fromConninfo(conninfo(standbyPort())));
    VERIFY_OK(status);
    QCOMPARE(status->role, ReplicationStatus::Role::Standby);
    QCOMPARE(status->primaryAddress(), QStringLiteral("127.0.0.1:%1").arg(primaryPort()));
    QCOMPARE(status->receiverStatus, QStringLiteral("streaming"));
    QVERIFY(!status->receiveLsn.isEmpty());
    QVERIFY(!status->replayLsn.isEmpty());
    // In seconds once a transaction was replayed (0 while nothing received waits); unknown
    // while the standby replays WAL before its first transaction.
    QVERIFY(status->replayLagSeconds.has_value() || !status->lastReplayAt.isValid());
    QVERIFY(!status->replayLagSeconds || *status->replayLagSeconds >= 0);
    QVERIFY(status->replayLagBytes.has_value());
}

void TestReplication::dbReplicationTextAndJsonOnPrimary()
{
    const test::Run text = test::adminctl({QStringLiteral("db"),
                                           QStringLiteral("replication"),
                                           QStringLiteral("--pg"),
                                           conninfo(primaryPort())});
    VERIFY_RUN(text, 0);
    QVERIFY2(text.out.contains(QLatin1String(": primary, WAL at ")), qPrintable(text.out));
    QVERIFY2(text.out.contains(QLatin1String("mcphub_standby  127.0.0.1  streaming  async")),
             qPrintable(text.out));
    QVERIFY2(text.out.contains(QLatin1String("replay")), qPrintable(text.out));

    const test::Run json = test::adminctl({QStringLiteral("db"),
                                           QStringLiteral("replication"),
                                           QStringLiteral("--format"),
                                           QStringLiteral("json"),
                                           QStringLiteral("--pg"),
                                           conninfo(primaryPort())});
    VERIFY_RUN(json, 0);
    const QJsonObject o = jsonOf(json);
    QCOMPARE(o.value(QStringLiteral("role")).toString(), QStringLiteral("primary"));
    bool found = false;
    for (const QJsonValue &v : o.value(QStringLiteral("standbys")).toArray()) {
        const QJsonObject s = v.toObject();
        if (s.value(QStringLiteral("applicationName")).toString()
            != QLatin1String("mcphub_standby"))
            continue;
        found = true;
        QCOMPARE(s.value(QStringLiteral("state")).toString(), QStringLiteral("streaming"));
        QVERIFY(s.value(QStringLiteral("replayLagBytes")).isDouble());
        QVERIFY(s.value(QStringLiteral("flushLagBytes")).isDouble());
        // Seconds as the server measured them: null only while WAL is on its way.
        QVERIFY(s.value(QStringLiteral("replayLagSeconds")).isDouble()
                || s.value(QStringLiteral("replayLagBytes")).toDouble() > 0);
        QVERIFY(!s.value(QStringLiteral("sentLsn")).toString().isEmpty());
    }
    QVERIFY2(found, qPrintable(json.out));

    // An unknown format is bad usage.
    const test::Run bad = test::adminctl({QStringLiteral("db"),
                                          QStringLiteral("replication"),
                                          QStringLiteral("--format"),
                                          QStringLiteral("yaml"),
                                          QStringLiteral("--pg"),
                                          conninfo(primaryPort())});
    VERIFY_RUN(bad, 2);
}

void TestReplication::dbReplicationTextAndJsonOnStandby()
{
    const QString primary = QStringLiteral("127.0.0.1:%1").arg(primaryPort());
    const test::Run text = test::adminctl({QStringLiteral("db"),
                                           QStringLiteral("replication"),
                                           QStringLiteral("--pg"),
                                           conninfo(standbyPort())});
    VERIFY_RUN(text, 0);
    QVERIFY2(text.out.contains(
                 QStringLiteral(": standby (in recovery) of %1, receiver streaming.").arg(primary)),
             qPrintable(text.out));
    QVERIFY2(text.out.contains(QLatin1String("replay lag")), qPrintable(text.out));

    const test::Run json = test::adminctl({QStringLiteral("db"),
                                           QStringLiteral("replication"),
                                           QStringLiteral("--format"),
                                           QStringLiteral("json"),
                                           QStringLiteral("--pg"),
                                           conninfo(standbyPort())});
    VERIFY_RUN(json, 0);
    const QJsonObject o = jsonOf(json);
    QCOMPARE(o.value(QStringLiteral("role")).toString(), QStringLiteral("standby"));
    QCOMPARE(o.value(QStringLiteral("inRecovery")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("primaryHost")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(o.value(QStringLiteral("primaryPort")).toInt(), primaryPort());
    QVERIFY(o.value(QStringLiteral("replayLagSeconds")).isDouble()
            || o.value(QStringLiteral("lastReplayAt")).isNull());
    QVERIFY(!o.value(QStringLiteral("replayLsn")).toString().isEmpty());
}

void TestReplication::dbReplicationOnSqliteSaysEmbedded()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("x.db"));
    const test::Run text = test::adminctl(
        {QStringLiteral("db"), QStringLiteral("replication"), QStringLiteral("--sqlite"), path});
    VERIFY_RUN(text, 0);
    QVERIFY2(text.out.contains(QLatin1String("no replication (embedded database)")),
             qPrintable(text.out));
    const test::Run json = test::adminctl({QStringLiteral("db"),
                                           QStringLiteral("replication"),
                                           QStringLiteral("--format"),
                                           QStringLiteral("json"),
                                           QStringLiteral("--sqlite"),
                                           path});
    VERIFY_RUN(json, 0);
    QCOMPARE(jsonOf(json).value(QStringLiteral("role")).toString(), QStringLiteral("embedded"));
}

void TestReplication::dbReplicationWithAMonitorThatIsNoneSaysWhy()
{
    // A database without pg_auto_failover named as the monitor: the server's own status is
    // printed, the formation part says why it is missing, exit 1 (a problem found).
    const test::Run json = test::adminctl({QStringLiteral("db"),
                                           QStringLiteral("replication"),
                                           QStringLiteral("--format"),
                                           QStringLiteral("json"),
                                           QStringLiteral("--pg"),
                                           conninfo(standbyPort()),
                                           QStringLiteral("--monitor"),
                                           conninfo(primaryPort())});
    VERIFY_RUN(json, 1);
    const QJsonObject o = jsonOf(json);
    QCOMPARE(o.value(QStringLiteral("role")).toString(), QStringLiteral("standby"));
    const QJsonObject formation = o.value(QStringLiteral("formation")).toObject();
    QVERIFY(formation.value(QStringLiteral("nodes")).toArray().isEmpty());
    QVERIFY2(formation.value(QStringLiteral("error"))
                 .toString()
                 .contains(QLatin1String("pgautofailover.node")),
             qPrintable(json.out));
    QVERIFY2(json.err.contains(QLatin1String("pg_auto_failover monitor")), qPrintable(json.err));
}

void TestReplication::profileKeepsItsMonitor()
{
    // "profile add --monitor" keeps the monitor in the profile; "db replication --profile"
    // then reads the formation from it (here a database that is no monitor: said, exit 1).
    const QString name = QStringLiteral("replication-with-monitor");
    const test::Run add = test::adminctl({QStringLiteral("profile"),
                                          QStringLiteral("add"),
                                          name,
                                          QStringLiteral("--pg"),
                                          conninfo(primaryPort()),
                                          QStringLiteral("--monitor"),
                                          conninfo(standbyPort())});
    VERIFY_RUN(add, 0);
    const test::Run list = test::adminctl({QStringLiteral("profile"), QStringLiteral("list")});
    QVERIFY2(list.out.contains(QStringLiteral("monitor: ") + conninfo(standbyPort())),
             qPrintable(list.out));
    const auto loaded = ProfileStore().loadWithoutPassword(name);
    VERIFY_OK(loaded);
    QCOMPARE(loaded->failoverMonitor, conninfo(standbyPort()));
    const test::Run text = test::adminctl(
        {QStringLiteral("db"), QStringLiteral("replication"), QStringLiteral("--profile"), name});
    VERIFY_RUN(text, 1);
    QVERIFY2(text.out.contains(QLatin1String("pg_auto_failover formation:")), qPrintable(text.out));
    QVERIFY2(text.out.contains(QLatin1String("pgautofailover.node")), qPrintable(text.out));
    const test::Run bad = test::adminctl({QStringLiteral("profile"),
                                          QStringLiteral("add"),
                                          name,
                                          QStringLiteral("--pg"),
                                          conninfo(primaryPort()),
                                          QStringLiteral("--monitor"),
                                          QStringLiteral("host='unterminated")});
    VERIFY_RUN(bad, 2);
}

void TestReplication::dbReplicationOnMcphubDatabaseStandby()
{
    // MCPHub's database on the standby: the same status, nothing written anywhere (a
    // standby would refuse any write).
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QVERIFY(standbyCaughtUp());
    const test::Run json = test::adminctl({QStringLiteral("db"),
                                           QStringLiteral("replication"),
                                           QStringLiteral("--format"),
                                           QStringLiteral("json"),
                                           QStringLiteral("--hub-db"),
                                           conninfo(standbyPort(), pg.spec().databaseName)});
    VERIFY_RUN(json, 0);
    QCOMPARE(jsonOf(json).value(QStringLiteral("role")).toString(), QStringLiteral("standby"));
    QCOMPARE(jsonOf(json).value(QStringLiteral("primaryPort")).toInt(), primaryPort());
}

// `changes deliver` against a standby: its outbox (the primary's, replayed) cannot lose the
// rows it would deliver, so nothing is published, or the same changes would go out again at
// every try and once more from the primary.
void TestReplication::deliverOnStandbyPublishesNothing()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString database = pg.spec().databaseName;
    {
        // Two changes wait in the primary's outbox (a Redis that is not there).
        auto profile = *ConnectionProfile::fromConninfo(conninfo(primaryPort(), database));
        profile.redisUrl = QStringLiteral("redis://127.0.0.1:1");
        auto primary = Workspace::open(profile, QStringLiteral("tst-replication-outbox"));
        VERIFY_OK(primary);
        SystemConfigRepository config(primary->context());
        VERIFY_OK(config.set(
            {QStringLiteral("routing"), QStringLiteral("{\"enableGlobalRoute\":false}")}));
        VERIFY_OK(config.set(
            {QStringLiteral("routing"), QStringLiteral("{\"enableGlobalRoute\":true}")}));
        const auto pending = RedisOutbox::pending(QStringLiteral("tst-replication-outbox"));
        VERIFY_OK(pending);
        QCOMPARE(*pending, qint64(2));
        primary->close();
    }
    QVERIFY(standbyCaughtUp());

    // The "Redis" is a listener of this test's own: whatever reaches it is seen.
    QTcpServer redis;
    QVERIFY(redis.listen(QHostAddress::LocalHost));
    const test::Run deliver
        = test::adminctl({QStringLiteral("changes"),
                          QStringLiteral("deliver"),
                          QStringLiteral("--pg"),
                          conninfo(standbyPort(), database),
                          QStringLiteral("--redis"),
                          QStringLiteral("redis://127.0.0.1:%1").arg(redis.serverPort())});
    QVERIFY2(deliver.exitCode != 0, qPrintable(deliver.out + deliver.err));
    QVERIFY2(deliver.err.contains(QLatin1String("read-only")), qPrintable(deliver.err));
    QVERIFY(!redis.waitForNewConnection(0));
    QVERIFY(!redis.hasPendingConnections());
}

void TestReplication::standbyWorkspaceOpensReadOnlyWithBanner()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString database = pg.spec().databaseName;
    {
        // The console's schema on the primary, replayed on the standby.
        auto primary
            = Workspace::open(*ConnectionProfile::fromConninfo(conninfo(primaryPort(), database)),
                              QStringLiteral("tst-replication-primary"));
        VERIFY_OK(primary);
        QVERIFY(!primary->readOnly());
        QVERIFY(!primary->isStandby());
        primary->close();
    }
    QVERIFY(standbyCaughtUp());

    auto standby
        = Workspace::open(*ConnectionProfile::fromConninfo(conninfo(standbyPort(), database)),
                          QStringLiteral("tst-replication-standby"));
    VERIFY_OK(standby);
    QVERIFY(standby->readOnly());
    QVERIFY(standby->isStandby());
    const QString banner
        = QStringLiteral("Standby of 127.0.0.1:%1 — replay lag ").arg(primaryPort());
    QVERIFY2(standby->standbyBanner().startsWith(banner), qPrintable(standby->standbyBanner()));
    const QRegularExpression whole(
        QStringLiteral("^Standby of 127\\.0\\.0\\.1:%1 — replay lag (\\d+\\.\\d s|unknown)$")
            .arg(primaryPort()));
    QVERIFY2(whole.match(standby->standbyBanner()).hasMatch(),
             qPrintable(standby->standbyBanner()));
    QVERIFY2(standby->warnings().join(QLatin1Char(' ')).contains(banner),
             qPrintable(standby->warnings().join(QLatin1Char(' '))));

    // A write is refused as read-only by the console before it reaches the server.
    UserRepository users(standby->context());
    UserRecord user;
    user.username = QStringLiteral("replica-writer");
    user.password = QStringLiteral("$2b$10$abcdefghijklmnopqrstuuN6Nrm6Zlq3RSpVsg7zk4w4ovO8dDeW");
    const auto added = users.create(user);
    QVERIFY(!added);
    QCOMPARE(added.error().code, Error::Code::ReadOnly);
    standby->close();
}

void TestReplication::mcphubDatabaseOnStandbyRefusesWrites()
{
    // MCPHub's database (its real DDL and the console's schema beside it, made on the
    // primary), opened on the standby: read-only with the standby's warning; a write is
    // refused by the console as read-only, not by the server halfway.
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString database = pg.spec().databaseName;
    const test::Run init = test::adminctl({QStringLiteral("db"),
                                           QStringLiteral("init"),
                                           QStringLiteral("--create"),
                                           QStringLiteral("--hub-db"),
                                           conninfo(primaryPort(), database)});
    VERIFY_RUN(init, 0);
    QVERIFY(standbyCaughtUp());
    const QString standby = conninfo(standbyPort(), database);
    const test::Run list = test::adminctl(
        {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--hub-db"), standby});
    VERIFY_RUN(list, 0);
    const QString warning
        = QStringLiteral("warning: Standby of 127.0.0.1:%1 — replay lag ").arg(primaryPort());
    QVERIFY2(list.err.contains(warning), qPrintable(list.err));
    const test::Run add = test::adminctl({QStringLiteral("user"),
                                          QStringLiteral("add"),
                                          QStringLiteral("bob"),
                                          QStringLiteral("--admin"),
                                          QStringLiteral("--password-stdin"),
                                          QStringLiteral("--hub-db"),
                                          standby},
                                         "Secret-pass-123456\n");
    VERIFY_RUN(add, 2);
    QVERIFY2(add.err.contains(QLatin1String("open read-only, so users/bob was not changed")),
             qPrintable(add.err));
}

void TestReplication::allHostsStandbysGiveClearMessage()
{
    // Two hosts (so target_session_attrs=read-write), both the standby: libpq tries each and
    // finds no primary. A clear message, not a hang.
    auto profile = ConnectionProfile::fromConninfo(
        QStringLiteral("host=127.0.0.1,localhost port=%1 user=postgres dbname=postgres "
                       "connect_timeout=5")
            .arg(standbyPort()));
    VERIFY_OK(profile);
    QCOMPARE(profile->hosts.size(), 2);
    const auto ws = Workspace::open(*profile, QStringLiteral("tst-replication-allstandbys"));
    QVERIFY(!ws);
    QVERIFY2(ws.error().message.contains(QLatin1String("each one is a standby")),
             qPrintable(ws.error().toString()));
}

void TestReplication::replicationPageShowsStandbyOnPrimary()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    ConnectionProfile profile
        = *ConnectionProfile::fromConninfo(conninfo(primaryPort(), pg.spec().databaseName));
    profile.name = QStringLiteral("replication-primary");
    const SecretStore secrets;
    VERIFY_OK(ProfileStore().save(profile));

    MainWindow window;
    WorkspaceSwitcher switcher(&window, secrets, false);
    VERIFY_OK(switcher.openAtStartup(profile.name));
    QVERIFY(window.workspaceBanner().isEmpty()); // a primary: no standby banner
    window.showArea(WorkspaceAreaModel::Area::Replication);
    QCOMPARE(window.currentArea(), WorkspaceAreaModel::Area::Replication);
    auto *page = qobject_cast<ReplicationPage *>(
        window.page(WorkspaceAreaModel::Area::Replication)->content());
    QVERIFY(page);
    VERIFY_OK(readPage(page));
    QTableWidget *table = page->standbyTable();
    bool found = false;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->text() == QLatin1String("mcphub_standby")) {
            found = true;
            QCOMPARE(table->item(row, 2)->text(), QStringLiteral("streaming"));
            QCOMPARE(table->item(row, 1)->text(), QStringLiteral("127.0.0.1"));
        }
    }
    QVERIFY(found);
    QVERIFY2(page->summaryLabel()->text().contains(QLatin1String("primary")),
             qPrintable(page->summaryLabel()->text()));
    // Refresh reads again.
    QSignalSpy refreshed(page, &ReplicationPage::refreshed);
    page->refreshButton()->click();
    QVERIFY(refreshed.wait(30'000));
    QCOMPARE(refreshed.size(), 1);
    QVERIFY(page->timer()->interval() > 0);

    // A SQLite workspace has no Replication area.
    QTemporaryDir dir;
    VERIFY_OK(switcher.openSqlite(dir.filePath(QStringLiteral("x.db"))));
    QVERIFY(window.currentArea() != WorkspaceAreaModel::Area::Replication);
    window.showArea(WorkspaceAreaModel::Area::Replication);
    QVERIFY(window.currentArea() != WorkspaceAreaModel::Area::Replication);
}

void TestReplication::standbyProfileInConsoleIsReadOnlyWithBanner()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString database = pg.spec().databaseName;
    {
        auto primary
            = Workspace::open(*ConnectionProfile::fromConninfo(conninfo(primaryPort(), database)),
                              QStringLiteral("tst-replication-primary"));
        VERIFY_OK(primary);
        primary->close();
    }
    QVERIFY(standbyCaughtUp());
    ConnectionProfile profile = *ConnectionProfile::fromConninfo(conninfo(standbyPort(), database));
    profile.name = QStringLiteral("replication-standby");
    VERIFY_OK(ProfileStore().save(profile));

    MainWindow window;
    const SecretStore secrets;
    WorkspaceSwitcher switcher(&window, secrets, false);
    VERIFY_OK(switcher.openAtStartup(profile.name));
    QVERIFY2(window.workspaceBanner().startsWith(
                 QStringLiteral("Standby of 127.0.0.1:%1 — replay lag ").arg(primaryPort())),
             qPrintable(window.workspaceBanner()));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("workspaceBanner"))->isVisibleTo(&window));
    // No edit is offered: every editor's Add and Apply are disabled.
    const auto editors = window.findChildren<PendingTableEditor *>();
    QVERIFY(!editors.isEmpty());
    for (PendingTableEditor *editor : editors) {
        QVERIFY(!editor->addAction()->isEnabled());
        QVERIFY(!editor->applyAction()->isEnabled());
    }
    // The Replication page shows the standby's own state.
    window.showArea(WorkspaceAreaModel::Area::Replication);
    auto *page = qobject_cast<ReplicationPage *>(
        window.page(WorkspaceAreaModel::Area::Replication)->content());
    QVERIFY(page);
    QSignalSpy banner(page, &ReplicationPage::standbyBannerChanged);
    const auto status = readPage(page);
    VERIFY_OK(status);
    QCOMPARE(status->role, ReplicationStatus::Role::Standby);
    // The banner follows each reading.
    QVERIFY(!banner.isEmpty());
    QCOMPARE(window.workspaceBanner(), status->standbyBanner());
    QVERIFY2(
        page->summaryLabel()->text().contains(QStringLiteral("127.0.0.1:%1").arg(primaryPort())),
        qPrintable(page->summaryLabel()->text()));
    QCOMPARE(page->standbyTable()->item(1, 1)->text(),
             QStringLiteral("127.0.0.1:%1").arg(primaryPort()));
    // Both of the workspace's connections (its own and hub monitoring's) take the standby
    // again when they reconnect, instead of waiting for a primary.
    int keepers = 0;
    for (const QString &name : QSqlDatabase::connectionNames()) {
        if (ConnectionKeeper *keeper = ConnectionKeeper::forConnection(name)) {
            ++keepers;
            QVERIFY2(keeper->standbyAccepted(), qPrintable(name));
        }
    }
    QCOMPARE(keepers, 2);
}

void TestReplication::alertPolicyRaisesLagAndVanishedStandbyOnce()
{
    ReplicationAlertPolicy policy;
    policy.setLagThresholdSeconds(10);
    policy.setLagThresholdBytes(1000);
    ReplicationStatus primary;
    primary.role = ReplicationStatus::Role::Primary;
    primary.server = QStringLiteral("db1");
    StandbyLink a;
    a.applicationName = QStringLiteral("a");
    a.clientAddress = QStringLiteral("10.0.0.2");
    a.state = QStringLiteral("streaming");
    a.replayLagSeconds = 0.5;
    a.replayLagBytes = 0;
    primary.standbys = {a};
    QVERIFY(policy.consider(primary).isEmpty()); // the first reading: nothing to compare

    primary.standbys[0].replayLagSeconds = 42.0; // over 10 s
    auto alerts = policy.consider(primary);
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts.first().kind, HubAlert::Kind::StateWorse);
    QVERIFY2(alerts.first().title.contains(QLatin1String("a@10.0.0.2 lags behind")),
             qPrintable(alerts.first().title));
    QVERIFY(policy.consider(primary).isEmpty()); // still lagging: no repeat

    primary.standbys[0].replayLagSeconds = 1.0;
    alerts = policy.consider(primary);
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts.first().kind, HubAlert::Kind::Recovered);

    primary.standbys[0].replayLagBytes = 5000; // over 1000 bytes
    QCOMPARE(policy.consider(primary).size(), 1);

    primary.standbys.clear(); // gone
    alerts = policy.consider(primary);
    QCOMPARE(alerts.size(), 1);
    QVERIFY2(alerts.first().title.contains(QLatin1String("disappeared")),
             qPrintable(alerts.first().title));
    QVERIFY(alerts.first().message.contains(QLatin1String("db1")));
    QVERIFY(policy.consider(primary).isEmpty());

    // A standby losing its primary, and getting it back.
    ReplicationAlertPolicy own;
    ReplicationStatus standby;
    standby.role = ReplicationStatus::Role::Standby;
    standby.server = QStringLiteral("db2");
    standby.primaryHost = QStringLiteral("db1");
    standby.primaryPort = 5432;
    standby.receiverStatus = QStringLiteral("streaming");
    standby.replayLagSeconds = 0.0;
    QVERIFY(own.consider(standby).isEmpty());
    standby.receiverStatus.clear();
    alerts = own.consider(standby);
    QCOMPARE(alerts.size(), 1);
    QVERIFY2(alerts.first().title.contains(QLatin1String("lost its primary")),
             qPrintable(alerts.first().title));
    standby.receiverStatus = QStringLiteral("streaming");
    alerts = own.consider(standby);
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts.first().kind, HubAlert::Kind::Recovered);
}

void TestReplication::replicationPageRaisesAlertThroughNotifier()
{
    // The real primary and standby, a threshold every standby passes (-1 bytes): the page's
    // reading raises the alert through the console's notifier, once.
    ConnectionProfile profile = *ConnectionProfile::fromConninfo(conninfo(primaryPort()));
    const QString name = QStringLiteral("tst-replication-alerts");
    VERIFY_OK(openSqlConnection(profile.toSpec(), name));
    {
        HubAlertNotifier notifier;
        ReplicationPage page(name, QStringLiteral("primary"), QString());
        page.setAlertNotifier(&notifier);
        page.alertPolicy().setLagThresholdBytes(-1);
        QSignalSpy raised(&notifier, &HubAlertNotifier::alertRaised);
        VERIFY_OK(readPage(&page));
        QVERIFY(raised.size() >= 1);
        QVERIFY(notifier.events()->rowCount() >= 1);
        const auto alert = raised.first().first().value<HubAlert>();
        QVERIFY2(alert.title.contains(QLatin1String("mcphub_standby@127.0.0.1 lags behind")),
                 qPrintable(alert.title));
        const int count = int(raised.size());
        VERIFY_OK(readPage(&page));
        QCOMPARE(int(raised.size()), count); // no repeat while it lasts
    }
    closeSqlConnection(name);
}

// A pg_auto_failover monitor that accepts the connection and never answers (a loopback
// server that says nothing), with a connect_timeout of 5 s: while the page reads, the
// window's thread goes on (a timer ticks every 20 ms; no gap between two ticks comes near
// the 4-5 s a reading on this thread would hold it), then the page shows the primary's
// status and, over the formation, why the monitor could not be read.
void TestReplication::replicationPageDoesNotWaitForAMonitorThatHangs()
{
    test::SilentServer silent;
    const QString monitor = silentMonitor(silent, 5);
    const QString name = QStringLiteral("tst-replication-hanging-monitor");
    VERIFY_OK(openSqlConnection(ConnectionProfile::fromConninfo(conninfo(primaryPort()))->toSpec(),
                                name));
    {
        ReplicationPage page(name, QStringLiteral("primary"), monitor);
        QSignalSpy refreshed(&page, &ReplicationPage::refreshed);
        int ticks = 0;
        qint64 longestGap = 0;
        QElapsedTimer sinceTick;
        sinceTick.start();
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] {
            longestGap = qMax(longestGap, sinceTick.restart());
            ++ticks;
        });
        ticker.start(20);
        page.refresh();
        QVERIFY(page.isReading());
        QVERIFY(refreshed.isEmpty());
        QVERIFY(refreshed.wait(30'000));
        QCOMPARE(int(silent.held().size()), 1); // the monitor was asked, and held the reading
        QVERIFY(ticks > 0);
        QVERIFY2(longestGap < 2000, qPrintable(QString::number(longestGap)));
        QVERIFY(!page.isReading());
        const auto &status = page.lastReading();
        QVERIFY(status);
        VERIFY_OK(*status);
        QCOMPARE((*status)->role, ReplicationStatus::Role::Primary);
        QVERIFY((*status)->formation.isEmpty());
        QVERIFY(!(*status)->monitorError.isEmpty());
        QVERIFY2(page.summaryLabel()->text().contains(QLatin1String("primary")),
                 qPrintable(page.summaryLabel()->text()));
        const auto *title = page.findChild<QLabel *>(QStringLiteral("replicationFormationTitle"));
        QVERIFY(title);
        QVERIFY2(title->text().contains((*status)->monitorError), qPrintable(title->text()));
    }
    closeSqlConnection(name);
}

// The same silent monitor, with a connect_timeout of 10 s: a page closed while its reading
// waits for the monitor does not wait for the reading (it waits 2 s, then leaves the reading
// to end by itself, which libpq's timeout then does: the monitor sees the connection go).
void TestReplication::closingThePageDoesNotWaitForItsReading()
{
    test::SilentServer silent;
    const QString monitor = silentMonitor(silent, 10);
    const QString name = QStringLiteral("tst-replication-closed-page");
    VERIFY_OK(openSqlConnection(ConnectionProfile::fromConninfo(conninfo(primaryPort()))->toSpec(),
                                name));
    auto page = std::make_unique<ReplicationPage>(name, QStringLiteral("primary"), monitor);
    page->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(
        int(silent.held().size()), 1, 10'000); // the reading waits for the monitor
    QVERIFY(page->isReading());
    QElapsedTimer closing;
    closing.start();
    page.reset();
    // 2 s, not the 10 s the reading still has to go.
    QVERIFY2(closing.elapsed() < 6000, qPrintable(QString::number(closing.elapsed())));
    QTRY_COMPARE_WITH_TIMEOUT(
        silent.held().first()->state(), QAbstractSocket::UnconnectedState, 20'000);
    QTest::qWait(100); // the reader and its thread delete themselves
    closeSqlConnection(name);
}

// Issue 16: "health" checks the replication on PostgreSQL: the primary's streaming standby
// and its worst replay lag, the standby's own lag and primary, both against the replication
// alert thresholds of the console's settings (one place: ReplicationLagThresholds). A lag
// threshold of -1 bytes makes any known lag too much: the check fails naming the standby.
void TestReplication::healthChecksReplicationOnPrimaryAndStandby()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString database = pg.spec().databaseName;
    {
        auto primary
            = Workspace::open(*ConnectionProfile::fromConninfo(conninfo(primaryPort(), database)),
                              QStringLiteral("tst-replication-health"));
        VERIFY_OK(primary);
        primary->close();
    }
    QVERIFY(standbyCaughtUp());
    QTemporaryDir config;
    QVERIFY(config.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    const auto health = [&](int port) {
        return test::adminctl({QStringLiteral("health"),
                               QStringLiteral("--format"),
                               QStringLiteral("json"),
                               QStringLiteral("--pg"),
                               conninfo(port, database)},
                              env);
    };

    const test::Run primary = health(primaryPort());
    QJsonObject check = replicationCheckOf(primary);
    QVERIFY2(!check.isEmpty(), qPrintable(primary.out + primary.err));
    const QString primaryDetail = check[QStringLiteral("detail")].toString();
    QVERIFY2(check[QStringLiteral("ok")].toBool(), qPrintable(primaryDetail));
    QVERIFY2(
        primaryDetail.contains(QLatin1String(" is a primary with "))
            && primaryDetail.contains(QLatin1String(" standby(s) streaming, worst replay lag ")),
        qPrintable(primaryDetail));

    const test::Run standby = health(standbyPort());
    check = replicationCheckOf(standby);
    QVERIFY2(!check.isEmpty(), qPrintable(standby.out + standby.err));
    const QString standbyDetail = check[QStringLiteral("detail")].toString();
    QVERIFY2(check[QStringLiteral("ok")].toBool(), qPrintable(standbyDetail));
    QVERIFY2(standbyDetail.contains(
                 QStringLiteral(" is a standby of 127.0.0.1:%1, replay lag ").arg(primaryPort())),
             qPrintable(standbyDetail));

    // The text format lists it too.
    const test::Run text = test::adminctl(
        {QStringLiteral("health"), QStringLiteral("--pg"), conninfo(standbyPort(), database)}, env);
    QVERIFY2(text.out.contains(QLatin1String("Replication")), qPrintable(text.out));

    // The alert thresholds, as the Replication page keeps them.
    {
        QSettings settings(config.filePath(QStringLiteral("MCPHub/mcphub-admin.conf")),
                           QSettings::IniFormat);
        settings.setValue(QStringLiteral("replicationAlerts/lagBytes"), -1);
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }
    const test::Run lagging = health(primaryPort());
    VERIFY_RUN(lagging, 1);
    check = replicationCheckOf(lagging);
    QVERIFY2(!check[QStringLiteral("ok")].toBool(), qPrintable(lagging.out));
    QVERIFY2(check[QStringLiteral("detail")].toString().contains(
                 QLatin1String("mcphub_standby@127.0.0.1")),
             qPrintable(lagging.out));
    QVERIFY2(check[QStringLiteral("detail")].toString().contains(QLatin1String("-1 bytes")),
             qPrintable(lagging.out));
    const test::Run standbyLagging = health(standbyPort());
    VERIFY_RUN(standbyLagging, 1);
    QVERIFY(!replicationCheckOf(standbyLagging)[QStringLiteral("ok")].toBool());
}

// Issue 16, faults: a profile whose host is a DNS name that does not resolve. "db test" and
// "db replication" say so naming the host, exit 2 (an unusable environment), no hang.
void TestReplication::unresolvableHostIsNamedByDbTestAndReplication()
{
    const QString conninfo = QStringLiteral(
        "host=nonexistent.invalid port=5432 user=postgres dbname=postgres connect_timeout=3");
    for (const QString &action : {QStringLiteral("test"), QStringLiteral("replication")}) {
        const test::Run run
            = test::adminctl({QStringLiteral("db"), action, QStringLiteral("--pg"), conninfo});
        VERIFY_RUN(run, 2);
        QVERIFY2(run.err.contains(QLatin1String("nonexistent.invalid")), qPrintable(run.err));
    }
}

// Issue 16, faults: the pg_auto_failover monitor down (a closed loopback port). "db
// replication --monitor" still prints the database's own replication status, says the
// monitor cannot be reached (naming it) and exits 1 (a problem found), in text and JSON.
void TestReplication::monitorDownStillPrintsTheDatabasesStatus()
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        closedPort = probe.serverPort();
    }
    const QString monitor
        = QStringLiteral("host=127.0.0.1 port=%1 user=autoctl_node dbname=pg_auto_failover "
                         "connect_timeout=3")
              .arg(closedPort);
    const test::Run text = test::adminctl({QStringLiteral("db"),
                                           QStringLiteral("replication"),
                                           QStringLiteral("--pg"),
                                           conninfo(primaryPort()),
                                           QStringLiteral("--monitor"),
                                           monitor});
    VERIFY_RUN(text, 1);
    QVERIFY2(text.out.contains(QLatin1String(": primary, WAL at ")), qPrintable(text.out));
    QVERIFY2(text.out.contains(QLatin1String("mcphub_standby  127.0.0.1  streaming")),
             qPrintable(text.out));
    QVERIFY2(text.err.contains(QLatin1String("pg_auto_failover monitor"))
                 && text.err.contains(QString::number(closedPort)),
             qPrintable(text.err));

    const test::Run json = test::adminctl({QStringLiteral("db"),
                                           QStringLiteral("replication"),
                                           QStringLiteral("--format"),
                                           QStringLiteral("json"),
                                           QStringLiteral("--pg"),
                                           conninfo(primaryPort()),
                                           QStringLiteral("--monitor"),
                                           monitor});
    VERIFY_RUN(json, 1);
    const QJsonObject o = jsonOf(json);
    QCOMPARE(o.value(QStringLiteral("role")).toString(), QStringLiteral("primary"));
    QVERIFY(!o.value(QStringLiteral("standbys")).toArray().isEmpty());
    const QJsonObject formation = o.value(QStringLiteral("formation")).toObject();
    QVERIFY(formation.value(QStringLiteral("nodes")).toArray().isEmpty());
    QVERIFY2(
        formation.value(QStringLiteral("error")).toString().contains(QString::number(closedPort)),
        qPrintable(json.out));
}

// The profiles these tests save live in the user's configuration: a private folder, so
// that suites running in parallel never see them (adminctl inherits it).
int main(int argc, char **argv)
{
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());
    QApplication app(argc, argv);
    TestReplication test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_replication.moc"
