// Connection profiles: libpq connection strings and URIs as psql takes them, a multi-host
// profile that finds the server on the second host, passwords through the real
// gnome-keyring, and never a password in the QSettings file.

#include "storage/db/connectionkeeper.h"
#include "storage/db/connectionwatchdog.h"
#include "storage/db/profilestore.h"
#include "storage/db/serverfinder.h"
#include "storage/db/workspace.h"
#include "tests/support/mcphubdatabase.h"
#include "tests/support/pgtestdatabase.h"
#include "tests/support/silentserver.h"
#include "tests/support/testenv.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <atomic>
#include <memory>

#include <libpq-fe.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

using namespace mcphub;

namespace {

// A TCP relay to PostgreSQL on a thread of its own. freeze() makes it stop passing bytes
// both ways (swallowing them) while its sockets stay open: to TCP the server is alive, and
// it never answers (a new connection neither); `closeAfterMs` later it closes the
// connections it has. thaw() makes it pass bytes again.
class FreezableRelay
{
public:
    explicit FreezableRelay(quint16 target)
    {
        m_thread.reset(QThread::create([this, target] {
            QTcpServer server;
            QObject control; // what freeze() runs on, in this thread
            server.listen(QHostAddress::LocalHost);
            QObject::connect(&server, &QTcpServer::newConnection, &server, [&] {
                while (QTcpSocket *client = server.nextPendingConnection()) {
                    auto *upstream = new QTcpSocket(client);
                    upstream->connectToHost(QHostAddress::LocalHost, target);
                    const auto pass = [this](QTcpSocket *from, QTcpSocket *to) {
                        const QByteArray bytes = from->readAll();
                        if (!m_frozen)
                            to->write(bytes);
                    };
                    QObject::connect(
                        client, &QTcpSocket::readyRead, client, [=] { pass(client, upstream); });
                    QObject::connect(
                        upstream, &QTcpSocket::readyRead, client, [=] { pass(upstream, client); });
                    m_clients << client;
                }
            });
            m_control = &control;
            m_port = server.serverPort();
            QEventLoop loop;
            m_loop = &loop;
            m_ready.release();
            loop.exec();
            qDeleteAll(m_clients);
        }));
        m_thread->start();
        m_ready.acquire();
    }
    ~FreezableRelay()
    {
        QMetaObject::invokeMethod(m_control, [this] { m_loop->quit(); });
        m_thread->wait();
    }
    quint16 port() const { return m_port; }
    // Passes bytes again (what was swallowed is lost).
    void thaw() { m_frozen = false; }
    void freeze(int closeAfterMs)
    {
        m_frozen = true;
        QMetaObject::invokeMethod(m_control, [this, closeAfterMs] {
            QTimer::singleShot(closeAfterMs, m_control, [this] {
                for (QTcpSocket *client : std::as_const(m_clients))
                    client->abort();
            });
        });
    }

private:
    std::unique_ptr<QThread> m_thread;
    QSemaphore m_ready;
    std::atomic<bool> m_frozen{false};
    quint16 m_port = 0;
    QObject *m_control = nullptr;
    QEventLoop *m_loop = nullptr;
    QList<QTcpSocket *> m_clients; // on the relay's thread
};

// A profile of `pg`'s database through `relay`.
ConnectionProfile throughRelay(const test::PgTestDatabase &pg, const FreezableRelay &relay)
{
    ConnectionProfile p = *ConnectionProfile::fromConninfo(pg.conninfo());
    p.hosts = QStringList{QStringLiteral("127.0.0.1")};
    p.port = relay.port();
    return p;
}

// A workspace named `name` on `pg`'s database through `relay`, with `connectTimeout`.
Result<Workspace> openThroughRelay(const test::PgTestDatabase &pg,
                                   const FreezableRelay &relay,
                                   int connectTimeout,
                                   const QString &name)
{
    ConnectionProfile profile = throughRelay(pg, relay);
    profile.connectTimeout = connectTimeout;
    return Workspace::open(profile, name);
}

// The longest time between two ticks of a 20 ms timer while it runs: how long the thread that
// runs it was held.
class TickGaps : public QObject
{
public:
    TickGaps()
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_longest = qMax(m_longest, m_since.restart());
        });
        m_since.start();
        m_timer.start(20);
    }
    qint64 longest() const { return m_longest; }

private:
    QTimer m_timer;
    QElapsedTimer m_since;
    qint64 m_longest = 0;
};

} // namespace

class TestConnectionProfiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesConninfo_data();
    void parsesConninfo();
    void passwordInConninfoWarns();
    void invalidConninfoNamesOption();
    void multiHostSpec();
    void multiHostFindsServer();
    void readOnlyWorkspaceOpensOnMultiHostProfile();
    void connectionsNoticeAServerThatStopsAnswering();
    void idleProbeNeverWaitsForTheServer();
    void watchdogLeavesAFrozenServer();
    void commandLineGivesAFrozenServerUp();
    void finderConninfoKeepsEveryValue();
    void finderTellsPrimaryFromStandby();
    void finderGoesOnToTheNextAddressOfAName();
    void reconnectInBackgroundNeverWaitsForTheServer();
    void reconnectInBackgroundOpensOnTheServerFound();
    void applyWhileReconnectingInBackgroundWritesNothing();
    void keeperGoesAtOnceWhileItsLookWaits();
    void passwordRoundTripsThroughKeychain();
    void noPasswordInSettingsFile();
    void badProfileNameRefused();

private:
    static bool keychainPresent()
    {
        return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
    }
};

void TestConnectionProfiles::parsesConninfo_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<QString>("hosts");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("sslMode");
    QTest::newRow("keywords")
        << "host=db.example.org port=6543 dbname=mcphub user=admin sslmode=require"
        << "db.example.org" << 6543 << "mcphub"
        << "admin"
        << "require";
    QTest::newRow("quoted value") << "host=h dbname='my db' user=u"
                                  << "h" << 5432 << "my db"
                                  << "u"
                                  << "";
    QTest::newRow("uri") << "postgresql://admin@db.example.org:6543/mcphub?sslmode=verify-full"
                         << "db.example.org" << 6543 << "mcphub"
                         << "admin"
                         << "verify-full";
    QTest::newRow("uri multi-host")
        << "postgres://u@a.example,b.example:5433/d?target_session_attrs=read-write"
        << "a.example,b.example" << 5433 << "d"
        << "u"
        << "";
    QTest::newRow("keyword multi-host") << "host=a,b dbname=d user=u"
                                        << "a,b" << 5432 << "d"
                                        << "u"
                                        << "";
    QTest::newRow("percent-encoded") << "postgresql://us%40er@h/d%2Fb"
                                     << "h" << 5432 << "d/b"
                                     << "us@er"
                                     << "";
}

void TestConnectionProfiles::parsesConninfo()
{
    QFETCH(QString, conninfo);
    QFETCH(QString, hosts);
    QFETCH(int, port);
    QFETCH(QString, database);
    QFETCH(QString, user);
    QFETCH(QString, sslMode);
    QStringList warnings;
    const auto p = ConnectionProfile::fromConninfo(conninfo, &warnings);
    QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().toString()));
    QCOMPARE(p->kind, ConnectionProfile::Kind::Postgres);
    QCOMPARE(p->hosts.join(QLatin1Char(',')), hosts);
    QCOMPARE(p->port, port);
    QCOMPARE(p->database, database);
    QCOMPARE(p->user, user);
    QCOMPARE(p->sslMode, sslMode);
    QVERIFY(p->password.isEmpty());
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
}

void TestConnectionProfiles::passwordInConninfoWarns()
{
    for (const QString &conninfo : {QStringLiteral("host=h dbname=d user=u password=s3cret"),
                                    QStringLiteral("postgresql://u:s3cret@h/d")}) {
        QStringList warnings;
        const auto p = ConnectionProfile::fromConninfo(conninfo, &warnings);
        QVERIFY(p.ok());
        QCOMPARE(p->password, QStringLiteral("s3cret"));
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.first().contains(QLatin1String("profile")));
        QVERIFY(!warnings.first().contains(QLatin1String("s3cret")));
    }
}

void TestConnectionProfiles::invalidConninfoNamesOption()
{
    const auto p = ConnectionProfile::fromConninfo(QStringLiteral("host=h nosuchkey=1"));
    QVERIFY(!p.ok());
    QCOMPARE(p.error().code, Error::Code::Invalid);
    QCOMPARE(p.error().where, QStringLiteral("--pg"));
    QVERIFY2(p.error().detail.contains(QLatin1String("nosuchkey")), qPrintable(p.error().detail));
    const auto badPort
        = ConnectionProfile::fromConninfo(QStringLiteral("postgresql://h:notaport/d"));
    QVERIFY(!badPort.ok());
    QCOMPARE(badPort.error().detail, QStringLiteral("notaport"));
    QVERIFY(
        !ConnectionProfile::fromConninfo(QStringLiteral("postgresql://h/d?nosuchparam=1")).ok());
}

void TestConnectionProfiles::multiHostSpec()
{
    ConnectionProfile p;
    p.kind = ConnectionProfile::Kind::Postgres;
    p.hosts = QStringList{QStringLiteral("a"), QStringLiteral("b")};
    p.sslMode = QStringLiteral("require");
    p.applicationName = QStringLiteral("mcphub admin");
    const SqlConnectionSpec spec = p.toSpec();
    QCOMPARE(spec.host, QStringLiteral("a,b"));
    QVERIFY(spec.connectOptions.contains(QLatin1String("target_session_attrs=read-write")));
    QVERIFY(spec.connectOptions.contains(QLatin1String("sslmode='require'")));
    QVERIFY(spec.connectOptions.contains(QLatin1String("application_name='mcphub admin'")));
    p.hosts.removeLast();
    QVERIFY(!p.toSpec().connectOptions.contains(QLatin1String("target_session_attrs")));
}

void TestConnectionProfiles::multiHostFindsServer()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    // QPSQL passes setHostName("a,b") to libpq, which tries each host: nothing listens on
    // 127.0.0.2, the server is on 127.0.0.1.
    ConnectionProfile p;
    p.name = QStringLiteral("ha");
    p.kind = ConnectionProfile::Kind::Postgres;
    p.hosts = QStringList{QStringLiteral("127.0.0.2"), pg.spec().host};
    p.port = pg.spec().port;
    p.database = pg.spec().databaseName;
    p.user = pg.spec().userName;
    p.connectTimeout = 3;
    p.applicationName = QStringLiteral("mcphub admin test");
    auto ws = Workspace::open(p, QStringLiteral("ha"));
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
    {
        QSqlQuery q(ws->database());
        QVERIFY(q.exec(
            QStringLiteral("SELECT inet_server_addr()::text, current_setting('application_name'), "
                           "pg_is_in_recovery()")));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toString().startsWith(QLatin1String("127.0.0.1")));
        QCOMPARE(q.value(1).toString(), QStringLiteral("mcphub admin test"));
        QCOMPARE(q.value(2).toBool(), false); // target_session_attrs=read-write: the primary
    }
    ws->close();
}

// The socket of a profile's connection carries the keepalives and TCP_USER_TIMEOUT that
// toSpec() asks libpq for: a server that stops answering is noticed within about a minute.
// A read-only workspace on a profile with several hosts: toSpec's
// target_session_attrs=read-write refused every host of a read-only session ("session is
// read-only"), so such a workspace never opened.
void TestConnectionProfiles::readOnlyWorkspaceOpensOnMultiHostProfile()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    ConnectionProfile p = *ConnectionProfile::fromConninfo(pg.conninfo());
    const QString name = QStringLiteral("read-only-multi-host");
    {
        auto ws = Workspace::open(p, name); // the console's schema, made once
        QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
        ws->close();
    }
    p.hosts = QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("127.0.0.1")};
    p.connectTimeout = 3;
    p.readOnly = true;
    auto ws = Workspace::open(p, name);
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
    QVERIFY(ws->readOnly());
    QSqlQuery q(ws->database());
    QVERIFY(!q.exec(QStringLiteral("CREATE TABLE refused (x int)"))); // read-only on the server
    ws->close();
}

void TestConnectionProfiles::connectionsNoticeAServerThatStopsAnswering()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    auto p = ConnectionProfile::fromConninfo(pg.conninfo());
    QVERIFY(p);
    auto ws = Workspace::open(*p, QStringLiteral("keepalive"));
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
    const QVariant handle = ws->database().driver()->handle();
    QVERIFY(handle.isValid());
    PGconn *conn = *static_cast<PGconn *const *>(handle.constData());
    const int fd = PQsocket(conn);
    QVERIFY(fd >= 0);
    const auto option = [fd](int level, int name) {
        int value = -1;
        socklen_t size = sizeof value;
        return ::getsockopt(fd, level, name, &value, &size) == 0 ? value : -1;
    };
    QCOMPARE(option(SOL_SOCKET, SO_KEEPALIVE), 1);
    QCOMPARE(option(IPPROTO_TCP, TCP_KEEPIDLE), 30);
    QCOMPARE(option(IPPROTO_TCP, TCP_KEEPINTVL), 10);
    QCOMPARE(option(IPPROTO_TCP, TCP_KEEPCNT), 3);
    QCOMPARE(option(IPPROTO_TCP, TCP_USER_TIMEOUT), 60000);
    ws->close();
}

// The console's idle probe (ConnectionKeeper::probe, on its GUI thread every 3 s) on a
// workspace connection whose server stops answering (a relay that swallows every byte and
// closes 4 s later): the probe comes back at once and says "not lost" (a query would have
// waited until the close, then said lost); once the connection is closed, a probe says lost.
void TestConnectionProfiles::idleProbeNeverWaitsForTheServer()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    FreezableRelay relay(quint16(pg.spec().port));
    const QString name = QStringLiteral("idle-probe");
    auto ws = Workspace::open(throughRelay(pg, relay), name);
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
    ConnectionKeeper keeper(name);
    QVERIFY(!keeper.probe());
    relay.freeze(4000);
    QVERIFY(!keeper.probe()); // would wait 4 s in a "SELECT 1", then be lost
    QTRY_VERIFY_WITH_TIMEOUT(keeper.probe(), 20'000);
    ws->close();
}

// mcphub-adminctl has no event loop to beat: with --server-timeout 2, a migration whose
// server freezes while it imports (a relay that swallows every byte and closes only after
// 60 s) ends, exit 2, saying the server stopped answering: after the 2 s look and its 2 s
// wait, and the connect_timeout (10 s) of recording the failed run on a new connection.
// Once the relay lets go, the frozen session ends and nothing of the import is there.
void TestConnectionProfiles::commandLineGivesAFrozenServerUp()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess generate;
    generate.start(test::binDir() + QStringLiteral("/mcphub-adminctl"),
                   {QStringLiteral("generate"),
                    dir.path(),
                    QStringLiteral("--servers"),
                    QStringLiteral("2000"),
                    QStringLiteral("--users"),
                    QStringLiteral("50000"),
                    QStringLiteral("--groups"),
                    QStringLiteral("100"),
                    QStringLiteral("--keys"),
                    QStringLiteral("100"),
                    QStringLiteral("--usage-rows"),
                    QStringLiteral("0")});
    QVERIFY(generate.waitForFinished(60000) && generate.exitCode() == 0);
    auto relay = std::make_unique<FreezableRelay>(quint16(pg.spec().port));
    const QString hubDb = QStringLiteral("host=127.0.0.1 port=%1 dbname=%2 user=%3")
                              .arg(relay->port())
                              .arg(pg.spec().databaseName, pg.spec().userName);
    QProcess migrate;
    migrate.start(test::binDir() + QStringLiteral("/mcphub-adminctl"),
                  {QStringLiteral("migrate"),
                   dir.filePath(QStringLiteral("mcp_settings.json")),
                   QStringLiteral("--yes"),
                   QStringLiteral("--accept-loss"),
                   QStringLiteral("--no-apply"),
                   QStringLiteral("--create"),
                   QStringLiteral("--hub-db"),
                   hubDb,
                   QStringLiteral("--server-timeout"),
                   QStringLiteral("2")});
    QVERIFY(migrate.waitForStarted(10000));
    QByteArray progress;
    for (int i = 0;
         i < 600 && !progress.contains("Importing") && migrate.state() == QProcess::Running;
         ++i) {
        migrate.waitForReadyRead(100);
        progress += migrate.readAllStandardError();
    }
    QVERIFY2(progress.contains("Importing"), progress.constData());
    relay->freeze(60000);
    QElapsedTimer frozen;
    frozen.start();
    QVERIFY2(migrate.waitForFinished(40000), "the command still waits for the frozen server");
    const qint64 took = frozen.elapsed();
    progress += migrate.readAllStandardError();
    qInfo("given up %lld ms after the server froze", took);
    QVERIFY2(took < 25000, qPrintable(QString::number(took)));
    QCOMPARE(migrate.exitStatus(), QProcess::NormalExit);
    QCOMPARE(migrate.exitCode(), 2);
    QVERIFY2(progress.contains("stopped answering"), progress.constData());
    relay.reset(); // its connections close: the server ends the frozen session
    const QString others = QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname "
                                          "= current_database() AND pid <> pg_backend_pid()");
    QString sessions;
    for (int i = 0; i < 100 && sessions != QLatin1String("0"); ++i) {
        QTest::qWait(100);
        sessions = test::queryText(pg, others);
    }
    QCOMPARE(sessions, QStringLiteral("0"));
    QCOMPARE(test::queryText(pg, QStringLiteral("SELECT count(*) FROM users")),
             QStringLiteral("0"));
}

// A server that stops answering in the middle of a call (the relay swallows every byte, new
// connections too, and closes its connections only after 30 s: a frozen server process, to
// TCP alive): the watchdog leaves the connection after its stall (1.5 s) and a look at the
// server that gets no answer (2 s), and the call fails then, not after 30 s. A call that takes
// long on a server that answers (pg_sleep) is left alone.
void TestConnectionProfiles::watchdogLeavesAFrozenServer()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    {
        const QString name = QStringLiteral("watchdog-busy");
        auto ws = Workspace::open(*ConnectionProfile::fromConninfo(pg.conninfo()), name);
        VERIFY_OK(ws);
        ConnectionWatchdog watchdog(name, 1500, 2);
        watchdog.arm();
        QSqlQuery sleep(QSqlDatabase::database(name, false));
        QVERIFY2(sleep.exec(QStringLiteral("SELECT pg_sleep(5)")),
                 qPrintable(sleep.lastError().text()));
        QVERIFY(watchdog.probes() >= 1); // it looked, and the server answered
        QCOMPARE(watchdog.breaks(), 0);
        ws->close();
    }
    FreezableRelay relay(quint16(pg.spec().port));
    const QString name = QStringLiteral("watchdog-frozen");
    auto ws = openThroughRelay(pg, relay, 2, name);
    VERIFY_OK(ws);
    ConnectionWatchdog watchdog(name, 1500, 2);
    watchdog.arm();
    QSignalSpy broke(&watchdog, &ConnectionWatchdog::broke);
    QSqlQuery before(QSqlDatabase::database(name, false));
    QVERIFY(before.exec(QStringLiteral("SELECT 1")));
    relay.freeze(30000);
    QElapsedTimer timer;
    timer.start();
    QSqlQuery query(QSqlDatabase::database(name, false));
    const bool answered = query.exec(QStringLiteral("SELECT 1"));
    const qint64 waited = timer.elapsed();
    QVERIFY(!answered);
    QVERIFY2(waited >= 1400 && waited < 12000, qPrintable(QString::number(waited)));
    QCOMPARE(watchdog.breaks(), 1);
    QTRY_COMPARE(broke.size(), 1);
    QVERIFY2(broke.first().first().toString().contains(QLatin1String("did not answer")),
             qPrintable(broke.first().first().toString()));
    ws->close();
}

// What the look in the background connects with is what QPSQL opens the connection with:
// values with spaces, quotes and backslashes, the host list and the connect options.
void TestConnectionProfiles::finderConninfoKeepsEveryValue()
{
    const QString name = QStringLiteral("finder-conninfo");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(QStringLiteral("db1.example.org,db2.example.org"));
        db.setDatabaseName(QStringLiteral("mcp hub"));
        db.setUserName(QStringLiteral("o'brien"));
        db.setPassword(QStringLiteral("p\\a's s"));
        db.setConnectOptions(
            QStringLiteral("port=5432,5433;connect_timeout=7;target_session_attrs=read-write"));
        const QByteArray conninfo = ServerFinder::conninfoOf(db);
        char *error = nullptr;
        PQconninfoOption *options = PQconninfoParse(conninfo.constData(), &error);
        const QString parseError = error ? QString::fromUtf8(error) : QString();
        PQfreemem(error);
        QVERIFY2(options, qPrintable(parseError));
        QHash<QString, QString> values;
        for (const PQconninfoOption *o = options; o->keyword; ++o) {
            if (o->val)
                values.insert(QString::fromUtf8(o->keyword), QString::fromUtf8(o->val));
        }
        PQconninfoFree(options);
        QCOMPARE(values.value(QStringLiteral("host")),
                 QStringLiteral("db1.example.org,db2.example.org"));
        QCOMPARE(values.value(QStringLiteral("dbname")), QStringLiteral("mcp hub"));
        QCOMPARE(values.value(QStringLiteral("user")), QStringLiteral("o'brien"));
        QCOMPARE(values.value(QStringLiteral("password")), QStringLiteral("p\\a's s"));
        QCOMPARE(values.value(QStringLiteral("port")), QStringLiteral("5432,5433"));
        QCOMPARE(values.value(QStringLiteral("connect_timeout")), QStringLiteral("7"));
        QCOMPARE(values.value(QStringLiteral("target_session_attrs")),
                 QStringLiteral("read-write"));
    }
    QSqlDatabase::removeDatabase(name);
}

// A host name with two addresses, the first of which takes the connection and never answers
// (an IPv6 address on a network that drops it looks the same): the look gives that address its
// connect_timeout and reaches the server on the second, as libpq's blocking open does, instead
// of giving the host up. The name is made with nss_wrapper (LD_PRELOAD, NSS_WRAPPER_HOSTS), so
// the test runs itself again as a child with them (MCPHUB_TEST_NSS_CHILD says which it is).
void TestConnectionProfiles::finderGoesOnToTheNextAddressOfAName()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    MCPHUB_REQUIRE_SERVICE(QFile::exists(QStringLiteral(MCPHUB_NSS_WRAPPER)),
                           QStringLiteral("nss_wrapper (scripts/deps installs libnss-wrapper)"));
    const QString name = QStringLiteral("twohomed.mcphub.test");
    const QString port = qEnvironmentVariable("PGPORT");
    if (!qEnvironmentVariableIsSet("MCPHUB_TEST_NSS_CHILD")) {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile hosts(dir.filePath(QStringLiteral("hosts")));
        QVERIFY(hosts.open(QIODevice::WriteOnly));
        hosts.write(QStringLiteral("127.0.0.2 %1\n127.0.0.1 %1\n").arg(name).toUtf8());
        hosts.close();
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral(MCPHUB_NSS_WRAPPER));
        env.insert(QStringLiteral("NSS_WRAPPER_HOSTS"), hosts.fileName());
        env.insert(QStringLiteral("MCPHUB_TEST_NSS_CHILD"), QStringLiteral("1"));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("finderGoesOnToTheNextAddressOfAName")});
        QVERIFY(child.waitForFinished(60000));
        const QString out = QString::fromUtf8(child.readAll());
        QVERIFY2(child.exitCode() == 0
                     && out.contains(QLatin1String("PASS   : TestConnectionProfiles::"
                                                   "finderGoesOnToTheNextAddressOfAName()")),
                 qPrintable(out));
        return;
    }
    // The resolver gives the silent address first (else this would prove nothing).
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *list = nullptr;
    QCOMPARE(getaddrinfo(qPrintable(name), nullptr, &hints, &list), 0);
    QStringList order;
    for (const addrinfo *a = list; a; a = a->ai_next) {
        char text[NI_MAXHOST] = {};
        getnameinfo(a->ai_addr, a->ai_addrlen, text, sizeof text, nullptr, 0, NI_NUMERICHOST);
        if (!order.contains(QString::fromLatin1(text)))
            order << QString::fromLatin1(text);
    }
    freeaddrinfo(list);
    QCOMPARE(order, QStringList({QStringLiteral("127.0.0.2"), QStringLiteral("127.0.0.1")}));
    test::SilentServer silent(QHostAddress(QStringLiteral("127.0.0.2")), quint16(port.toUInt()));
    QVERIFY(silent.isListening());

    const QByteArray conninfo
        = QStringLiteral("host=%1 port=%2 user=postgres dbname=postgres connect_timeout=2")
              .arg(name, port)
              .toUtf8();
    const std::atomic<bool> never{false};
    QElapsedTimer timer;
    timer.start();
    const auto found = ServerFinder::find(conninfo, false, never);
    QVERIFY2(found, qPrintable(found ? QString() : found.error().toString()));
    QCOMPARE(found->hostAddress, QStringLiteral("127.0.0.1"));
    QCOMPARE(found->host, name);
    QVERIFY(found->primary);
    QVERIFY2(timer.elapsed() >= 1900, qPrintable(QString::number(timer.elapsed())));
}

// The look in the background along [standby, primary] (scripts/test's streaming standby):
// a workspace that takes only a primary passes the standby over, after asking it without
// blocking (pg_is_in_recovery()); one that accepts a standby stops there; when none is taken,
// each host is named with its reason (a silent one: no answer within connect_timeout=2).
void TestConnectionProfiles::finderTellsPrimaryFromStandby()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured()
                               && qEnvironmentVariableIsSet("MCPHUB_STANDBY_PORT"),
                           QStringLiteral("PostgreSQL with a standby"));
    const QString primaryPort = qEnvironmentVariable("PGPORT");
    const QString standbyPort = qEnvironmentVariable("MCPHUB_STANDBY_PORT");
    const QByteArray conninfo = QStringLiteral("host=127.0.0.1,127.0.0.1 port=%1,%2 user=postgres "
                                               "dbname=postgres connect_timeout=5")
                                    .arg(standbyPort, primaryPort)
                                    .toUtf8();
    const std::atomic<bool> never{false};
    const auto primary = ServerFinder::find(conninfo, false, never);
    QVERIFY2(primary, qPrintable(primary ? QString() : primary.error().toString()));
    QCOMPARE(QString::number(primary->port), primaryPort);
    QVERIFY(primary->primary);
    QCOMPARE(primary->hostAddress, QStringLiteral("127.0.0.1"));
    const auto standby = ServerFinder::find(conninfo, true, never);
    QVERIFY(standby);
    QCOMPARE(QString::number(standby->port), standbyPort);
    QVERIFY(!standby->primary);

    test::SilentServer silent; // takes the connection and never answers
    const QString refused = QString::number(silent.port());
    const auto none = ServerFinder::find(QStringLiteral("host=127.0.0.1,127.0.0.1 port=%1,%2 "
                                                        "user=postgres dbname=postgres "
                                                        "connect_timeout=2")
                                             .arg(standbyPort, refused)
                                             .toUtf8(),
                                         false,
                                         never);
    QVERIFY(!none);
    QVERIFY2(none.error().message.contains(QStringLiteral("standby"))
                 && none.error().message.contains(QStringLiteral("127.0.0.1:") + refused),
             qPrintable(none.error().message));
    // A name that does not resolve is named with the resolver's reason, and the next host
    // is tried.
    const auto unresolved = ServerFinder::find(
        QStringLiteral("host=nowhere.mcphub.invalid,127.0.0.1 port=%1 user=postgres "
                       "dbname=postgres connect_timeout=2")
            .arg(primaryPort)
            .toUtf8(),
        false,
        never);
    QVERIFY2(unresolved, qPrintable(unresolved ? QString() : unresolved.error().toString()));
    QCOMPARE(QString::number(unresolved->port), primaryPort);
    const auto nowhere = ServerFinder::find(
        QStringLiteral("host=nowhere.mcphub.invalid user=postgres dbname=postgres").toUtf8(),
        false,
        never);
    QVERIFY(!nowhere);
    QVERIFY2(nowhere.error().message.startsWith(QLatin1String("nowhere.mcphub.invalid: "))
                 && nowhere.error().message.contains(QLatin1String("does not resolve")),
             qPrintable(nowhere.error().message));
}

// The console's reconnection after its idle check found the connection lost
// (ConnectionKeeper::reconnectInBackground): the relay closes the connection and then
// swallows every new one (each attempt waits out connect_timeout=2). This thread is never
// held while the attempts run; once the relay passes bytes again, an attempt reaches the
// server, the connection is opened again on this thread and used.
void TestConnectionProfiles::reconnectInBackgroundNeverWaitsForTheServer()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    FreezableRelay relay(quint16(pg.spec().port));
    const QString name = QStringLiteral("background-reconnect");
    auto ws = openThroughRelay(pg, relay, 2, name);
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
    ConnectionKeeper keeper(name, ReconnectPolicy{40, 100, 500, 60'000});
    QSignalSpy reconnecting(&keeper, &ConnectionKeeper::reconnecting);
    QSignalSpy reconnected(&keeper, &ConnectionKeeper::reconnected);
    QSignalSpy gaveUp(&keeper, &ConnectionKeeper::gaveUp);
    relay.freeze(0);
    QTRY_VERIFY_WITH_TIMEOUT(keeper.probe(), 10'000);

    TickGaps gaps;
    keeper.reconnectInBackground();
    QVERIFY(keeper.isReconnecting());
    QTRY_VERIFY_WITH_TIMEOUT(reconnecting.size() >= 2, 20'000); // a first attempt waited out
    QVERIFY(reconnected.isEmpty());

    relay.thaw();
    QTRY_COMPARE_WITH_TIMEOUT(reconnected.size(), 1, 30'000);
    QVERIFY2(gaps.longest() < 1000, qPrintable(QString::number(gaps.longest())));
    QVERIFY(gaveUp.isEmpty());
    QVERIFY(!keeper.isReconnecting());
    QCOMPARE(keeper.reconnects(), 1);
    QSqlQuery query(ws->database());
    QVERIFY2(query.exec(QStringLiteral("SELECT 1")) && query.next(),
             qPrintable(query.lastError().text()));
    ws->close();
}

// A profile's first host hangs (it takes the connection and never answers: connect_timeout=4
// there), the second is the server. The look in the background waits the 4 s out on its own
// thread; the connection is then opened on this thread on the server found, not along the list
// again (which would hold this thread 4 s on the first host), and the list is kept.
void TestConnectionProfiles::reconnectInBackgroundOpensOnTheServerFound()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    test::SilentServer silent;
    ConnectionProfile profile = *ConnectionProfile::fromConninfo(pg.conninfo());
    profile.hosts = QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("127.0.0.1")};
    profile.hostPorts = QList<int>{silent.port(), pg.spec().port};
    profile.connectTimeout = 4;
    const QString name = QStringLiteral("background-reconnect-found");
    auto ws = Workspace::open(profile, name); // waits the 4 s out on the first host
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
    const QString options = ws->database().connectOptions();
    QVERIFY2(options.contains(QLatin1String("port=")), qPrintable(options));
    QString pid;
    {
        QSqlQuery q(ws->database());
        QVERIFY(q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next());
        pid = q.value(0).toString();
    }
    ConnectionKeeper keeper(name);
    QSignalSpy reconnected(&keeper, &ConnectionKeeper::reconnected);
    QCOMPARE(test::queryText(pg, QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)),
             QStringLiteral("true"));
    QTRY_VERIFY_WITH_TIMEOUT(keeper.probe(), 10'000);

    TickGaps gaps;
    keeper.reconnectInBackground();
    QTRY_COMPARE_WITH_TIMEOUT(reconnected.size(), 1, 30'000);
    QVERIFY2(gaps.longest() < 2000, qPrintable(QString::number(gaps.longest())));
    const auto role = reconnected.first().first().value<ServerRole>();
    QCOMPARE(role.port, pg.spec().port);
    QVERIFY(role.primary);
    QCOMPARE(ws->database().connectOptions(), options);
    QCOMPARE(ws->database().hostName(), QStringLiteral("127.0.0.1,127.0.0.1"));
    QSqlQuery query(ws->database());
    QVERIFY2(query.exec(QStringLiteral("SELECT 1")) && query.next(),
             qPrintable(query.lastError().text()));
    ws->close();
}

// An Apply while the connection is being opened again in the background: the change is not
// tried (nothing can be written on a lost connection), and the error says so.
void TestConnectionProfiles::applyWhileReconnectingInBackgroundWritesNothing()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    FreezableRelay relay(quint16(pg.spec().port));
    const QString name = QStringLiteral("background-reconnect-apply");
    auto ws = openThroughRelay(pg, relay, 10, name);
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
    {
        ConnectionKeeper keeper(name);
        keeper.registerForConnection();
        relay.freeze(0);
        QTRY_VERIFY_WITH_TIMEOUT(keeper.probe(), 10'000);
        keeper.reconnectInBackground();
        int runs = 0;
        ExactlyOnceReport report;
        QElapsedTimer took;
        took.start();
        const auto applied = runExactlyOnce(
            ws->context(),
            [&]() -> Result<void> {
                ++runs;
                return {};
            },
            &report);
        QVERIFY(took.elapsed() < 1000);
        QVERIFY(!applied);
        QCOMPARE(applied.error().code, Error::Code::Network);
        QVERIFY2(applied.error().message.contains(QLatin1String("not saved")),
                 qPrintable(applied.error().message));
        QCOMPARE(runs, 0);
        QCOMPARE(report.settled, ExactlyOnceReport::Settled::Directly);
        QVERIFY(keeper.isReconnectingInBackground());
    }
    ws->close();
}

// A keeper destroyed (the window closed, the console quitting) while its look waits for a
// server that does not answer (connect_timeout=10): it goes at once, its look stopped.
void TestConnectionProfiles::keeperGoesAtOnceWhileItsLookWaits()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    FreezableRelay relay(quint16(pg.spec().port));
    const QString name = QStringLiteral("background-reconnect-quit");
    auto ws = openThroughRelay(pg, relay, 10, name);
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
    auto keeper = std::make_unique<ConnectionKeeper>(name);
    QSignalSpy reconnecting(keeper.get(), &ConnectionKeeper::reconnecting);
    relay.freeze(0);
    QTRY_VERIFY_WITH_TIMEOUT(keeper->probe(), 10'000);
    keeper->reconnectInBackground();
    QTRY_COMPARE_WITH_TIMEOUT(reconnecting.size(), 1, 5'000);
    QTest::qWait(500); // the attempt waits in its connect
    QElapsedTimer took;
    took.start();
    keeper.reset();
    QVERIFY2(took.elapsed() < 1000, qPrintable(QString::number(took.elapsed())));
    ws->close();
}

void TestConnectionProfiles::passwordRoundTripsThroughKeychain()
{
    MCPHUB_REQUIRE_SERVICE(keychainPresent(), QStringLiteral("A D-Bus session with a keychain"));
    QTemporaryDir dir;
    const QString settings = dir.filePath(QStringLiteral("profiles.conf"));
    const SecretStore secrets(QStringLiteral("mcphub-admin-test"));
    const QString name
        = QStringLiteral("prod-%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    ConnectionProfile p;
    p.name = name;
    p.kind = ConnectionProfile::Kind::Postgres;
    p.hosts = QStringList{QStringLiteral("db1"), QStringLiteral("db2")};
    p.database = QStringLiteral("mcphub");
    p.user = QStringLiteral("admin");
    p.sslMode = QStringLiteral("verify-full");
    p.readOnly = true;
    p.password = QStringLiteral("pässwörd-密码");
    {
        ProfileStore store(settings, secrets);
        const auto saved = store.save(p);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().toString()));
        QVERIFY2(saved->isEmpty(), qPrintable(*saved)); // no warning: the keychain took it
    }
    // Straight from the keychain, not from this process's memory.
    QCOMPARE(*secrets.read(ProfileStore::secretKey(name)), p.password);
    ProfileStore store(settings, secrets);
    QString warning;
    const auto loaded = store.load(name, &warning);
    QVERIFY(loaded.ok());
    QVERIFY(warning.isEmpty());
    QCOMPARE(loaded->password, p.password);
    QCOMPARE(loaded->hosts, p.hosts);
    QCOMPARE(loaded->sslMode, p.sslMode);
    QVERIFY(loaded->readOnly);
    QCOMPARE(store.names(), QStringList{name});

    QVERIFY(store.remove(name).ok());
    QCOMPARE(secrets.read(ProfileStore::secretKey(name)).error().code, Error::Code::NotFound);
    QVERIFY(store.names().isEmpty());
}

void TestConnectionProfiles::noPasswordInSettingsFile()
{
    MCPHUB_REQUIRE_SERVICE(keychainPresent(), QStringLiteral("A D-Bus session with a keychain"));
    QTemporaryDir dir;
    const QString settings = dir.filePath(QStringLiteral("profiles.conf"));
    const QString password
        = QStringLiteral("Unique-Pa55word-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    ProfileStore store(settings, SecretStore(QStringLiteral("mcphub-admin-test")));
    ConnectionProfile p;
    p.name = QStringLiteral("team");
    p.kind = ConnectionProfile::Kind::Postgres;
    p.hosts = QStringList{QStringLiteral("db")};
    p.database = QStringLiteral("mcphub");
    p.user = QStringLiteral("admin");
    p.password = password;
    QVERIFY(store.save(p).ok());
    QCOMPARE(store.settingsFileName(), settings);
    QFile file(settings);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY2(bytes.contains("database=mcphub"), bytes.constData()); // the profile is there
    QVERIFY(!bytes.contains(password.toUtf8()));
    QVERIFY(!bytes.toLower().contains("password"));
    QVERIFY(store.remove(QStringLiteral("team")).ok());
}

void TestConnectionProfiles::badProfileNameRefused()
{
    QTemporaryDir dir;
    ProfileStore store(dir.filePath(QStringLiteral("p.conf")));
    ConnectionProfile p = ConnectionProfile::sqliteFile(dir.filePath(QStringLiteral("x.db")));
    p.name = QStringLiteral("a/b");
    const auto saved = store.save(p);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().code, Error::Code::Invalid);
    QCOMPARE(saved.error().where, QStringLiteral("a/b"));
    // A name that would do but for a newline after it (a line read with its end).
    p.name = QStringLiteral("work\n");
    const auto newline = store.save(p);
    QVERIFY(!newline.ok());
    QCOMPARE(newline.error().code, Error::Code::Invalid);
    const auto missing = store.load(QStringLiteral("nope"));
    QCOMPARE(missing.error().code, Error::Code::NotFound);
}

QTEST_GUILESS_MAIN(TestConnectionProfiles)
#include "tst_connectionprofiles.moc"
