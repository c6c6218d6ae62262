// Following the primary and exactly-once Apply (issue 16). On the plain PostgreSQL of
// scripts/with-services: a backend killed right at COMMIT (before it: retried once; after it,
// the answer lost: found by its change id; twice: reported failed with the edits pending),
// and a formation URI with one port per host. With a real pg_auto_failover formation
// (scripts/with-formation, which ctest wraps this test in): a worker process doing 100
// Applies while the primary node is SIGKILLed and the monitor promotes the secondary. The
// console's status bar while its idle connection is broken and opened again.

#include "app/common/appsetup.h"
#include "models/servertablemodel.h"
#include "storage/db/auditlogrepository.h"
#include "storage/db/connectionkeeper.h"
#include "storage/db/connectionprofile.h"
#include "storage/db/serverrepository.h"
#include "storage/db/transactionguard.h"
#include "storage/db/workspace.h"
#include "storage/migration/openedworkspace.h"
#include "storage/secretstore.h"
#include "tests/support/formation.h"
#include "tests/support/pgtestdatabase.h"
#include "tests/support/testenv.h"
#include "ui/backups/backupspage.h"
#include "ui/main/dualwriteindicator.h"
#include "ui/main/hubchangesreporter.h"
#include "ui/main/mainwindow.h"
#include "ui/main/workspacesession.h"
#include "ui/main/workspaceviews.h"
#include "ui/monitoring/ownhealthindicator.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QLayout>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTcpServer>
#include <QTest>
#include <QThread>

#include <csignal>
#include <optional>
#include <sys/types.h>

using namespace mcphub;

namespace {

const QString kConnection = QStringLiteral("tst_failover");
const QString kKiller = QStringLiteral("tst_failover_killer");

ConnectionProfile profileOf(const SqlConnectionSpec &spec)
{
    ConnectionProfile p;
    p.kind = ConnectionProfile::Kind::Postgres;
    p.hosts = QStringList{spec.host};
    p.port = spec.port;
    p.database = spec.databaseName;
    p.user = spec.userName;
    p.connectTimeout = 3;
    return p;
}

qint64 scalar(const QString &connection, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery q(QSqlDatabase::database(connection, false));
    if (!q.prepare(sql))
        qWarning() << "prepare" << sql << q.lastError().text();
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        qWarning() << sql << q.lastError().text();
        return -1;
    }
    return q.value(0).toLongLong();
}

// Terminates the backend of `pid` from the killer connection and waits (bounded) until it is
// gone, so that the next statement on its connection meets a closed socket.
bool terminateBackend(qint64 pid)
{
    if (scalar(kKiller, QStringLiteral("SELECT pg_terminate_backend(?)::int"), {pid}) != 1)
        return false;
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (scalar(kKiller,
                   QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = ?"),
                   {pid})
            == 0)
            return true;
        QThread::msleep(10);
    }
    return false;
}

ServerRecord server(const QString &name)
{
    ServerRecord r;
    r.name = name;
    r.type = QStringLiteral("stdio");
    r.command = QStringLiteral("echo");
    return r;
}

} // namespace

class TestFailover : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup()
    {
        TransactionGuard::setCommitHook(kConnection, {});
        closeSqlConnection(kConnection);
        closeSqlConnection(kKiller);
    }

    void formationUriTakesOnePortPerHost();
    void commitAnswerLostIsFoundByChangeId();
    void brokenBeforeCommitIsRetriedOnce();
    void brokenTwiceIsReportedFailedWithEditsPending();
    void statusBarSaysReconnectingThenConnectedAsPrimary_data();
    void statusBarSaysReconnectingThenConnectedAsPrimary();
    void failoverDuringHundredAppliesIsExactlyOnce();

private:
    // Opens the workspace on a fresh database and the killer connection beside it.
    bool openBoth(const test::PgTestDatabase &pg, std::optional<Workspace> *ws);
};

bool TestFailover::openBoth(const test::PgTestDatabase &pg, std::optional<Workspace> *ws)
{
    auto opened = Workspace::open(profileOf(pg.spec()), kConnection);
    if (!opened) {
        qWarning() << opened.error().toString();
        return false;
    }
    *ws = *opened;
    return openSqlConnection(pg.spec(), kKiller).ok();
}

void TestFailover::formationUriTakesOnePortPerHost()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    // What `pg_autoctl show uri --formation default` prints: one port per host. Nothing
    // listens on the first one; libpq goes on to the second, the server.
    int closedPort = 0;
    {
        QTcpServer probe; // a port that was just free
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        closedPort = probe.serverPort();
    }
    const QString uri = QStringLiteral("postgres://%1@127.0.0.1:%2,127.0.0.1:%3/%4"
                                       "?target_session_attrs=read-write&sslmode=prefer")
                            .arg(pg.spec().userName,
                                 QString::number(closedPort),
                                 QString::number(pg.spec().port),
                                 pg.spec().databaseName);
    QStringList warnings;
    auto profile = ConnectionProfile::fromConninfo(uri, &warnings);
    VERIFY_OK(profile);
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    QCOMPARE(profile->hostPorts, (QList<int>{closedPort, pg.spec().port}));
    QVERIFY(profile->toSpec().connectOptions.contains(
        QStringLiteral("port=%1,%2").arg(closedPort).arg(pg.spec().port)));
    QVERIFY(profile->displayName().contains(
        QStringLiteral("127.0.0.1:%1,127.0.0.1:%2").arg(closedPort).arg(pg.spec().port)));
    auto ws = Workspace::open(*profile, kConnection);
    VERIFY_OK(ws);
    const auto role = ConnectionKeeper::serverRole(ws->database());
    VERIFY_OK(role);
    QCOMPARE(role->port, pg.spec().port);
    QVERIFY(role->primary);
}

void TestFailover::commitAnswerLostIsFoundByChangeId()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    std::optional<Workspace> ws;
    QVERIFY(openBoth(pg, &ws));
    const RepositoryContext context = ws->context();
    const qint64 backend = scalar(kConnection, QStringLiteral("SELECT pg_backend_pid()"));
    // COMMIT runs and the server commits; then the backend dies before the client has read
    // a further answer: the client sees an error on a broken connection, as when the
    // primary dies right after committing.
    int hooked = 0;
    TransactionGuard::setCommitHook(
        kConnection, {[&](const TransactionGuard::Commit &commit) -> Result<void> {
            if (hooked++ > 0)
                return commit();
            if (auto done = commit(); !done)
                return done;
            if (!terminateBackend(backend))
                return Error::make(Error::Code::Generic, QStringLiteral("could not kill"));
            QSqlQuery(QSqlDatabase::database(kConnection, false)).exec(QStringLiteral("SELECT 1"));
            return Error::make(Error::Code::Database, QStringLiteral("no answer to COMMIT"));
        }});
    ExactlyOnceReport report;
    const auto done = runExactlyOnce(
        context,
        [&]() -> Result<void> {
            TransactionGuard tx(ws->database());
            if (auto created = ServerRepository(context).create(server(QStringLiteral("a")));
                !created)
                return created.error();
            return tx.commit();
        },
        &report);
    VERIFY_OK(done);
    QCOMPARE(int(report.settled), int(ExactlyOnceReport::Settled::FoundAfterLoss));
    QCOMPARE(hooked, 1); // not run a second time
    QVERIFY(scalar(kConnection, QStringLiteral("SELECT pg_backend_pid()")) != backend);
    QCOMPARE(scalar(kConnection, QStringLiteral("SELECT count(*) FROM mcp_servers")), 1);
    QCOMPARE(scalar(kConnection,
                    QStringLiteral("SELECT count(*) FROM access_logs WHERE change_id = ?"),
                    {report.changeId}),
             1);
    const auto audit = AuditLogRepository(context).list({}, {0, 1});
    VERIFY_OK(audit);
    QCOMPARE(audit->items.value(0).changeId, report.changeId);
}

void TestFailover::brokenBeforeCommitIsRetriedOnce()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    std::optional<Workspace> ws;
    QVERIFY(openBoth(pg, &ws));
    const RepositoryContext context = ws->context();
    const qint64 backend = scalar(kConnection, QStringLiteral("SELECT pg_backend_pid()"));
    // The backend dies just before COMMIT: nothing was committed, the change id is absent,
    // and the change is written once more on the new connection. Through the CLI's path
    // (ServerRepository::create, whose audited() is the outermost transaction).
    int hooked = 0;
    TransactionGuard::setCommitHook(
        kConnection, {[&](const TransactionGuard::Commit &commit) -> Result<void> {
            if (hooked++ == 0 && !terminateBackend(backend))
                return Error::make(Error::Code::Generic, QStringLiteral("could not kill"));
            return commit();
        }});
    VERIFY_OK(ServerRepository(context).create(server(QStringLiteral("b"))));
    QCOMPARE(hooked, 2);
    QCOMPARE(
        scalar(kConnection, QStringLiteral("SELECT count(*) FROM mcp_servers WHERE name = 'b'")),
        1);
    QCOMPARE(scalar(kConnection,
                    QStringLiteral("SELECT count(*) FROM access_logs WHERE resource = 'servers/b' "
                                   "AND change_id IS NOT NULL")),
             1);
}

void TestFailover::brokenTwiceIsReportedFailedWithEditsPending()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    std::optional<Workspace> ws;
    QVERIFY(openBoth(pg, &ws));
    const RepositoryContext context = ws->context();
    ConnectionKeeper keeper(kConnection);
    keeper.registerForConnection();
    // Every COMMIT meets a dead backend: the console's Apply (the Servers editor's model)
    // reports the change failed, nothing is written, and the edits stay pending.
    int hooked = 0;
    TransactionGuard::setCommitHook(
        kConnection, {[&](const TransactionGuard::Commit &commit) -> Result<void> {
            ++hooked;
            const qint64 backend = scalar(kConnection, QStringLiteral("SELECT pg_backend_pid()"));
            if (!terminateBackend(backend))
                return Error::make(Error::Code::Generic, QStringLiteral("could not kill"));
            return commit();
        }});
    ServerTableModel model(context);
    VERIFY_OK(model.reload());
    const int row = model.addServer(QStringLiteral("c"), QStringLiteral("stdio"));
    QVERIFY(model.setValue(row, ServerTableModel::kCommand, QStringLiteral("echo")));
    const auto applied = model.apply();
    QVERIFY(!applied.ok());
    QVERIFY2(applied.error().message.contains(QStringLiteral("not saved")),
             qPrintable(applied.error().toString()));
    QCOMPARE(hooked, 2);
    QCOMPARE(keeper.reconnects(), 2);
    QCOMPARE(model.pendingCount(), 1);
    TransactionGuard::setCommitHook(kConnection, {});
    QCOMPARE(scalar(kConnection, QStringLiteral("SELECT count(*) FROM mcp_servers")), 0);
    QCOMPARE(scalar(kConnection, QStringLiteral("SELECT count(*) FROM access_logs")), 0);
    // Applied again once the connection holds: written once.
    VERIFY_OK(model.apply());
    QCOMPARE(model.pendingCount(), 0);
    QCOMPARE(scalar(kConnection, QStringLiteral("SELECT count(*) FROM mcp_servers")), 1);
}

void TestFailover::statusBarSaysReconnectingThenConnectedAsPrimary_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QString();
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN"); // after English: translators stay
}

// Also renders the window while it reconnects and once it is back, in English and Chinese,
// into the build folder's screenshots (reconnecting-LANG.png, reconnected-LANG.png).
void TestFailover::statusBarSaysReconnectingThenConnectedAsPrimary()
{
    QFETCH(QString, language);
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    if (!language.isEmpty())
        QCOMPARE(installTranslators(*qApp, language), language);
    const QString shots
        = QDir(test::testBinDir()).absoluteFilePath(QStringLiteral("../screenshots"));
    QVERIFY(QDir().mkpath(shots));
    const QString suffix = language.isEmpty() ? QStringLiteral("en") : language;
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    VERIFY_OK(openSqlConnection(pg.spec(), kKiller));
    auto opened = OpenedWorkspace::openDatabase(profileOf(pg.spec()), kConnection);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    MainWindow window;
    window.resize(1100, 712);
    window.show();
    WorkspaceSession *session = WorkspaceSession::create(std::move(*opened));
    const auto done = qScopeGuard([session] { delete session; });
    session->install(&window, SecretStore(QStringLiteral("mcphub-admin-tst-failover")), false);
    QVERIFY(session->connectionKeeper());
    QStringList states;
    connect(session->connectionKeeper(), &ConnectionKeeper::reconnecting, this, [&] {
        states << window.connectionState();
        if (states.size() == 1) {
            // The status bar as the event loop would lay it out with the new text.
            window.statusBar()->layout()->activate();
            window.grab().save(shots + QStringLiteral("/reconnecting-%1.png").arg(suffix));
        }
    });
    // The idle connection breaks: the session notices it by itself (its probe), reconnects,
    // and the status bar says so, then names the server and its role.
    QVERIFY(terminateBackend(scalar(kConnection, QStringLiteral("SELECT pg_backend_pid()"))));
    QTRY_VERIFY_WITH_TIMEOUT(!states.isEmpty(), 20000);
    const QString reconnecting
        = language.isEmpty() ? QStringLiteral("Reconnecting…") : QStringLiteral("正在重新连接…");
    QVERIFY2(states.first().startsWith(reconnecting), qPrintable(states.first()));
    const QString connected
        = language.isEmpty()
              ? QStringLiteral("Connected to 127.0.0.1:%1 as primary").arg(pg.spec().port)
              : QStringLiteral("已连接到 127.0.0.1:%1（主库）").arg(pg.spec().port);
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionState(), connected, 20000);
    window.statusBar()->layout()->activate();
    window.grab().save(shots + QStringLiteral("/reconnected-%1.png").arg(suffix));
    QCOMPARE(session->connectionKeeper()->reconnects(), 1);
    QCOMPARE(scalar(kConnection, QStringLiteral("SELECT 1")), 1);
}

void TestFailover::failoverDuringHundredAppliesIsExactlyOnce()
{
    const QString uri = qEnvironmentVariable("MCPHUB_FORMATION_URI");
    const QString dir = qEnvironmentVariable("MCPHUB_FORMATION_DIR");
    MCPHUB_REQUIRE_SERVICE(!uri.isEmpty(),
                           QStringLiteral("A pg_auto_failover formation (scripts/with-formation)"));
    // The monitor names the primary node; its pg_autoctl supervisor's pid is in NAME.pid.
    const QString monitor = QStringLiteral("tst_failover_monitor");
    QVERIFY(test::openFormationMonitor(monitor));
    const auto cleanupMonitor = qScopeGuard([&] { closeSqlConnection(monitor); });
    const QString killed = test::formationPrimary(monitor, QStringLiteral("-"));
    QVERIFY(!killed.isEmpty());

    QProcess worker;
    worker.setProgram(test::testBinDir() + QStringLiteral("/failoverworker"));
    worker.setArguments({QStringLiteral("--pg"),
                         uri,
                         QStringLiteral("--count"),
                         QStringLiteral("100"),
                         QStringLiteral("--prefix"),
                         QStringLiteral("fo"),
                         QStringLiteral("--pause-ms"),
                         QStringLiteral("40")});
    worker.setProcessChannelMode(QProcess::SeparateChannels);
    worker.start();
    QVERIFY2(worker.waitForStarted(10000), qPrintable(worker.errorString()));
    const auto stopWorker = qScopeGuard([&] {
        if (worker.state() != QProcess::NotRunning) {
            worker.kill();
            worker.waitForFinished(5000);
        }
    });

    // Kill the primary node (its supervisor and every process under it, PostgreSQL's
    // included: a machine that died) once 25 Applies are through.
    QByteArray out;
    const QDeadlineTimer started(60000);
    while (out.count("\nAPPLIED") + out.startsWith("APPLIED") < 25 && !started.hasExpired()
           && worker.state() == QProcess::Running) {
        worker.waitForReadyRead(200);
        out += worker.readAllStandardOutput();
    }
    QVERIFY2(out.count("APPLIED") >= 25, (out + worker.readAllStandardError()).constData());
    const pid_t supervisor
        = test::readFile(dir + u'/' + killed + QStringLiteral(".pid")).trimmed().toInt();
    QVERIFY(supervisor > 1);
    const QList<pid_t> tree = test::processTree(supervisor);
    QVERIFY2(tree.size() > 2, "the primary's pg_autoctl and PostgreSQL processes");
    QElapsedTimer sinceKill;
    sinceKill.start();
    for (pid_t pid : tree)
        ::kill(pid, SIGKILL);
    const qsizetype appliedBeforeKill = out.count("APPLIED");

    // The monitor promotes the other node by itself.
    QString promoted;
    const QDeadlineTimer promotion(60000);
    while (!promotion.hasExpired()) {
        const QString now = test::formationPrimary(monitor, killed);
        if (!now.isEmpty()) {
            promoted = now;
            break;
        }
        QThread::msleep(100);
    }
    QVERIFY2(!promoted.isEmpty(), "the secondary was not promoted within 60 s");
    qInfo("promotion of %s after %.1f s", qPrintable(promoted), sinceKill.elapsed() / 1000.0);

    QVERIFY2(worker.waitForFinished(60000), "the worker did not finish within 60 s");
    out += worker.readAllStandardOutput();
    const QByteArray err = worker.readAllStandardError();
    QCOMPARE(worker.exitStatus(), QProcess::NormalExit);
    QVERIFY2(worker.exitCode() == 0, err.constData());

    // Every Apply reported; the applied ones once each, the failed ones absent with their
    // edits pending (the console's path).
    QStringList applied, failed;
    int reconnects = -1;
    for (const QByteArray &line : out.split('\n')) {
        const QList<QByteArray> f = line.split(' ');
        if (f.value(0) == "APPLIED")
            applied << QString::fromUtf8(f.value(2));
        else if (f.value(0) == "FAILED") {
            failed << QString::fromUtf8(f.value(2));
            if (f.value(3) == "model")
                QVERIFY2(f.value(4) == "pending=1", line.constData());
        } else if (f.value(0) == "RECONNECTS")
            reconnects = f.value(1).toInt();
    }
    QCOMPARE(applied.size() + failed.size(), 100);
    QVERIFY2(reconnects >= 1, err.constData()); // it reconnected by itself
    QVERIFY2(applied.size() > appliedBeforeKill, "no Apply went through after the failover");

    auto profile = ConnectionProfile::fromConninfo(uri);
    VERIFY_OK(profile);
    VERIFY_OK(openSqlConnection(profile->toSpec(), kConnection));
    const auto countOf = [](const QString &sql, const QString &name) {
        return scalar(kConnection, sql, {name});
    };
    for (const QString &name : std::as_const(applied)) {
        QCOMPARE(countOf(QStringLiteral("SELECT count(*) FROM mcp_servers WHERE name = ?"), name),
                 1);
        QCOMPARE(countOf(QStringLiteral("SELECT count(*) FROM access_logs WHERE resource = ?"),
                         QStringLiteral("servers/") + name),
                 1);
    }
    for (const QString &name : std::as_const(failed)) {
        QCOMPARE(countOf(QStringLiteral("SELECT count(*) FROM mcp_servers WHERE name = ?"), name),
                 0);
        QCOMPARE(countOf(QStringLiteral("SELECT count(*) FROM access_logs WHERE resource = ?"),
                         QStringLiteral("servers/") + name),
                 0);
    }
    QCOMPARE(scalar(kConnection, QStringLiteral("SELECT count(*) FROM mcp_servers")),
             qint64(applied.size()));
    qInfo("%d applied, %d failed, %d reconnects; worker log:\n%s",
          int(applied.size()),
          int(failed.size()),
          reconnects,
          err.constData());
}

QTEST_MAIN(TestFailover)
#include "tst_failover.moc"
