// Changes spread live between consoles (issue 16), on the real PostgreSQL and a real
// redis-server, between real processes: PostgreSQL NOTIFY mcphub_admin_changes (the
// console's schema and MCPHub's database), Redis config:update through the change outbox
// (nothing lost while Redis is down), and payloads that are malformed or of an unknown
// version, which are ignored with a log line.

#include "storage/db/connectionprofile.h"
#include "storage/db/systemconfigrepository.h"
#include "storage/db/workspace.h"
#include "storage/live/changefeed.h"
#include "storage/live/changelistener.h"
#include "storage/live/redisoutbox.h"
#include "tests/support/adminctlrun.h"
#include "tests/support/mcphubdatabase.h"
#include "tests/support/pgtestdatabase.h"
#include "tests/support/testenv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace mcphub;
using mcphub::test::adminctl;
using mcphub::test::Run;

namespace {

QString redisUrl()
{
    return qEnvironmentVariable("MCPHUB_TEST_REDIS_URL");
}

// A running `mcphub-adminctl changes listen ARGS`, read line by line.
class Listener
{
public:
    explicit Listener(const QStringList &args)
    {
        m_process.setProgram(test::binDir() + QStringLiteral("/mcphub-adminctl"));
        m_process.setArguments(QStringList{QStringLiteral("changes"), QStringLiteral("listen")}
                               + args);
        m_process.start();
    }
    ~Listener()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    // Waits (at most 30 s) until standard error has said `word` `times` times.
    bool waitForErr(const QString &word, int times = 1)
    {
        for (int i = 0; i < 60; ++i) {
            m_err += QString::fromUtf8(m_process.readAllStandardError());
            if (m_err.count(word) >= times)
                return true;
            if (m_process.state() == QProcess::NotRunning)
                return false;
            m_process.waitForReadyRead(500);
        }
        return false;
    }
    // Waits (at most 30 s) until standard output holds `count` lines.
    bool waitForLines(int count)
    {
        for (int i = 0; i < 60; ++i) {
            m_out += m_process.readAllStandardOutput();
            if (m_out.count('\n') >= count)
                return true;
            if (m_process.state() == QProcess::NotRunning)
                return false;
            m_process.waitForReadyRead(500);
        }
        return false;
    }
    // Waits (at most 60 s) for the process to end; its JSON lines.
    QList<QJsonObject> finish(int *exitCode)
    {
        m_process.waitForFinished(60'000);
        *exitCode = m_process.state() == QProcess::NotRunning ? m_process.exitCode() : -1;
        m_err += QString::fromUtf8(m_process.readAllStandardError());
        m_out += m_process.readAllStandardOutput();
        QList<QJsonObject> lines;
        const QList<QByteArray> raw = m_out.split('\n');
        for (const QByteArray &line : raw) {
            if (!line.trimmed().isEmpty())
                lines << QJsonDocument::fromJson(line).object();
        }
        return lines;
    }
    QString err() const { return m_err; }

private:
    QProcess m_process;
    QString m_err;
    QByteArray m_out;
};

// A redis-server of the test's own (to kill), on 127.0.0.1 on a free port, no persistence.
class OwnRedis
{
public:
    OwnRedis()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        m_port = probe.serverPort();
    }
    ~OwnRedis() { kill(); }
    bool start()
    {
        m_process.setProgram(QStandardPaths::findExecutable(QStringLiteral("redis-server")));
        m_process.setArguments({QStringLiteral("--bind"),
                                QStringLiteral("127.0.0.1"),
                                QStringLiteral("--port"),
                                QString::number(m_port),
                                QStringLiteral("--save"),
                                QString(),
                                QStringLiteral("--appendonly"),
                                QStringLiteral("no")});
        m_process.start();
        if (!m_process.waitForStarted(10'000))
            return false;
        const auto address = RedisAddress::parse(url());
        RedisClient client(*address, 200);
        for (int i = 0; i < 100; ++i) {
            if (client.command({"PING"}))
                return true;
            QTest::qWait(50);
        }
        return false;
    }
    void kill()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill(); // SIGKILL
        m_process.waitForFinished(10'000);
    }
    QString url() const { return QStringLiteral("redis://127.0.0.1:%1").arg(m_port); }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

QString notifyFrom(const test::PgTestDatabase &pg, const QString &payload)
{
    // A NOTIFY from another process (psql), with the payload as it is.
    return test::psql(
        pg.conninfo(),
        {QStringLiteral("-c"),
         QStringLiteral("SELECT pg_notify('mcphub_admin_changes', $q$%1$q$)").arg(payload)});
}

} // namespace

class TestLiveChanges : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void notifyReachesAnotherConsoleProcess_data();
    void notifyReachesAnotherConsoleProcess();
    void redisReachesAnotherConsoleProcess();
    void redisKilledDuring50CommitsLosesNothing();
    void malformedOrUnknownVersionNotifyIsIgnored();
    void profileKeepsItsRedis();
    void healthPingsRedisAndNamesItWhenDown();
    void healthPrometheusReportsRedisCacheFigures();
    void migrationSpreadsOneNoticePerTable_data();
    void migrationSpreadsOneNoticePerTable();
};

void TestLiveChanges::init()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
}

void TestLiveChanges::notifyReachesAnotherConsoleProcess_data()
{
    QTest::addColumn<bool>("mcphubDatabase");
    QTest::newRow("console schema") << false;
    QTest::newRow("MCPHub's database") << true;
}

// Console A (a mcphub-adminctl process) listens; console B (this process) commits a
// change: A prints it with B's instance id. Then B listens and A (another process) commits.
void TestLiveChanges::notifyReachesAnotherConsoleProcess()
{
    QFETCH(bool, mcphubDatabase);
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QStringList where{QStringLiteral("--pg"), pg.conninfo()};
    auto profile = ConnectionProfile::fromConninfo(pg.conninfo());
    QVERIFY(profile);
    if (mcphubDatabase) {
        const QString made = test::makeMcphubDatabase(pg);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        where = test::hubDbArguments(pg);
        *profile = test::mcphubProfile(pg);
    }
    const QByteArray schemaBefore
        = mcphubDatabase ? test::publicSchema(pg.conninfo()) : QByteArray();
    {
        const Run init
            = adminctl(QStringList{QStringLiteral("config"), QStringLiteral("list")} + where);
        VERIFY_RUN(init, 0); // the schema is made before anyone listens
    }

    Listener a(where + QStringList{QStringLiteral("--count"), QStringLiteral("1")});
    QVERIFY2(a.waitForErr(QStringLiteral("listening")), qPrintable(a.err()));
    const auto ws = Workspace::open(*profile, QStringLiteral("live-b"));
    QVERIFY2(ws, ws ? "" : qPrintable(ws.error().toString()));
    SystemConfigRepository config(ws->context());
    const auto set
        = config.set({QStringLiteral("routing"), QStringLiteral("{\"enableGlobalRoute\":false}")});
    QVERIFY2(set, set ? "" : qPrintable(set.error().toString()));
    int exitCode = -1;
    const QList<QJsonObject> heard = a.finish(&exitCode);
    QVERIFY2(exitCode == 0, qPrintable(a.err()));
    QCOMPARE(heard.size(), 1);
    QCOMPARE(heard.at(0).value(QStringLiteral("source")).toString(), QStringLiteral("notify"));
    QCOMPARE(heard.at(0).value(QStringLiteral("table")).toString(),
             QStringLiteral("system-config"));
    QCOMPARE(heard.at(0).value(QStringLiteral("key")).toString(), QStringLiteral("routing"));
    QCOMPARE(heard.at(0).value(QStringLiteral("instance")).toString(), ChangeFeed::instanceId());
    QVERIFY(!heard.at(0).value(QStringLiteral("changeId")).toString().isEmpty());

    // The other way round: this process listens on a connection of its own.
    const QString listenName = QStringLiteral("live-b-listen");
    const auto listenWs = Workspace::open(*profile, listenName);
    QVERIFY(listenWs);
    ChangeListener listener(listenName);
    QVERIFY(listener.start());
    QSignalSpy changed(&listener, &ChangeListener::changed);
    const Run commit = adminctl(QStringList{QStringLiteral("config"),
                                            QStringLiteral("set"),
                                            QStringLiteral("routing"),
                                            QStringLiteral("{\"enableGlobalRoute\":true}")}
                                + where);
    VERIFY_RUN(commit, 0);
    for (int i = 0; i < 100 && changed.isEmpty(); ++i)
        QTest::qWait(50);
    QCOMPARE(changed.size(), 1);
    const auto notice = changed.at(0).at(0).value<ChangeNotice>();
    QCOMPARE(notice.table, QStringLiteral("system-config"));
    QCOMPARE(notice.key, QStringLiteral("routing"));
    QVERIFY(notice.instance != ChangeFeed::instanceId());
    listener.stop();
    listenWs->close();
    ws->close();
    if (mcphubDatabase)
        QCOMPARE(test::publicSchema(pg.conninfo()), schemaBefore);
}

// Console A listens to Redis (and NOTIFY); console B, another process, commits with
// --redis: A hears the one change both ways, under one change id.
void TestLiveChanges::redisReachesAnotherConsoleProcess()
{
    MCPHUB_REQUIRE_SERVICE(!redisUrl().isEmpty(), QStringLiteral("Redis"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QStringList where{
        QStringLiteral("--pg"), pg.conninfo(), QStringLiteral("--redis"), redisUrl()};
    const Run init
        = adminctl(QStringList{QStringLiteral("config"), QStringLiteral("list")} + where);
    VERIFY_RUN(init, 0);
    Listener a(where + QStringList{QStringLiteral("--count"), QStringLiteral("2")});
    QVERIFY2(a.waitForErr(QStringLiteral("listening")), qPrintable(a.err()));
    QVERIFY2(a.waitForErr(QStringLiteral("subscribed")), qPrintable(a.err()));
    const Run commit = adminctl(QStringList{QStringLiteral("config"),
                                            QStringLiteral("set"),
                                            QStringLiteral("routing"),
                                            QStringLiteral("{\"enableGlobalRoute\":false}")}
                                + where);
    VERIFY_RUN(commit, 0);
    int exitCode = -1;
    const QList<QJsonObject> heard = a.finish(&exitCode);
    QVERIFY2(exitCode == 0, qPrintable(a.err()));
    QCOMPARE(heard.size(), 2);
    QStringList sources;
    for (const QJsonObject &line : heard) {
        sources << line.value(QStringLiteral("source")).toString();
        QCOMPARE(line.value(QStringLiteral("table")).toString(), QStringLiteral("system-config"));
        QCOMPARE(line.value(QStringLiteral("key")).toString(), QStringLiteral("routing"));
        QCOMPARE(line.value(QStringLiteral("changeId")),
                 heard.at(0).value(QStringLiteral("changeId")));
    }
    sources.sort();
    QCOMPARE(sources, QStringList({QStringLiteral("notify"), QStringLiteral("redis")}));
    // As the plan's ConfigManager: config:KEY holds the value for 300 s; the outbox is empty.
    const auto address = RedisAddress::parse(redisUrl());
    RedisClient redis(*address);
    const auto ttl = redis.command({"TTL", "config:system-config/routing"});
    QVERIFY2(ttl, ttl ? "" : qPrintable(ttl.error().toString()));
    QVERIFY2(ttl->toLongLong() > 0 && ttl->toLongLong() <= 300,
             qPrintable(QString::number(ttl->toLongLong())));
    QCOMPARE(test::queryText(pg, QStringLiteral("SELECT count(*) FROM change_outbox")),
             QStringLiteral("0"));
}

// 50 commits from this console; its Redis is SIGKILLed after the 20th and started again
// after the 50th: a subscriber in another process receives all 50 change ids, in commit
// order (at least once: a repeat is allowed, a gap or a swap is not).
void TestLiveChanges::redisKilledDuring50CommitsLosesNothing()
{
    MCPHUB_REQUIRE_SERVICE(
        !QStandardPaths::findExecutable(QStringLiteral("redis-server")).isEmpty(),
        QStringLiteral("redis-server"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    OwnRedis redis;
    QVERIFY(redis.start());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Listener subscriber({QStringLiteral("--sqlite"),
                         dir.filePath(QStringLiteral("subscriber.db")),
                         QStringLiteral("--redis"),
                         redis.url(),
                         QStringLiteral("--count"),
                         QStringLiteral("50"),
                         QStringLiteral("--timeout"),
                         QStringLiteral("120")});
    QVERIFY2(subscriber.waitForErr(QStringLiteral("subscribed")), qPrintable(subscriber.err()));

    auto profile = ConnectionProfile::fromConninfo(pg.conninfo());
    QVERIFY(profile);
    profile->redisUrl = redis.url();
    const auto ws = Workspace::open(*profile, QStringLiteral("live-50"));
    QVERIFY2(ws, ws ? "" : qPrintable(ws.error().toString()));
    // The change ids, in commit order, as this console's own NOTIFY tells them.
    const auto listenWs = Workspace::open(*profile, QStringLiteral("live-50-listen"));
    QVERIFY(listenWs);
    ChangeListener own(QStringLiteral("live-50-listen"));
    QVERIFY(own.start());
    QStringList committed;
    connect(&own, &ChangeListener::ownChange, this, [&](const ChangeNotice &notice) {
        committed << notice.changeId;
    });

    SystemConfigRepository config(ws->context());
    RedisClient client(*RedisAddress::parse(redis.url()), 300);
    int failedDeliveries = 0;
    for (int i = 0; i < 50; ++i) {
        if (i == 20) {
            // Redis's pub/sub is at most once: a PUBLISH can be answered before Redis has
            // written the message to the subscriber's socket, and a SIGKILL in between drops
            // it (seen once, on saturated cores). What this test checks is the outbox: the 30
            // notices committed while Redis is down reach the subscriber afterwards.
            QVERIFY2(subscriber.waitForLines(20), qPrintable(subscriber.err()));
            redis.kill();
        }
        const auto set
            = config.set({QStringLiteral("routing"),
                          QStringLiteral("{\"enableGlobalRoute\":%1}")
                              .arg(i % 2 ? QLatin1String("true") : QLatin1String("false"))});
        QVERIFY2(set, set ? "" : qPrintable(set.error().toString()));
        if (!RedisOutbox::deliverPending(QStringLiteral("live-50"), client))
            ++failedDeliveries;
    }
    QCOMPARE(failedDeliveries, 30);
    QCOMPARE(*RedisOutbox::pending(QStringLiteral("live-50")), qint64(30));
    for (int i = 0; i < 100 && committed.size() < 50; ++i)
        QTest::qWait(50);
    QCOMPARE(committed.size(), 50);

    QVERIFY(redis.start());
    // The subscriber comes back by itself (a second "subscribed"); then another process
    // delivers what waited.
    QVERIFY2(subscriber.waitForErr(QStringLiteral("subscribed"), 2), qPrintable(subscriber.err()));
    const Run deliver = adminctl({QStringLiteral("changes"),
                                  QStringLiteral("deliver"),
                                  QStringLiteral("--pg"),
                                  pg.conninfo(),
                                  QStringLiteral("--redis"),
                                  redis.url()});
    VERIFY_RUN(deliver, 0);
    QVERIFY2(deliver.out.contains(QLatin1String("30")), qPrintable(deliver.out));
    int exitCode = -1;
    const QList<QJsonObject> heard = subscriber.finish(&exitCode);
    QVERIFY2(exitCode == 0, qPrintable(subscriber.err()));
    QStringList received;
    for (const QJsonObject &line : heard) {
        QCOMPARE(line.value(QStringLiteral("source")).toString(), QStringLiteral("redis"));
        const QString id = line.value(QStringLiteral("changeId")).toString();
        if (!received.contains(id))
            received << id;
    }
    QCOMPARE(received, committed);
    QCOMPARE(*RedisOutbox::pending(QStringLiteral("live-50")), qint64(0));
    own.stop();
    listenWs->close();
    ws->close();
}

// Payloads sent by another process (psql): not JSON, another version, fields missing or of
// the wrong type. Each is ignored with a log line; the valid one after them still arrives.
void TestLiveChanges::malformedOrUnknownVersionNotifyIsIgnored()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const auto profile = ConnectionProfile::fromConninfo(pg.conninfo());
    QVERIFY(profile);
    const auto ws = Workspace::open(*profile, QStringLiteral("live-bad"));
    QVERIFY(ws);
    ChangeListener listener(QStringLiteral("live-bad"));
    QVERIFY(listener.start());
    QSignalSpy changed(&listener, &ChangeListener::changed);
    QSignalSpy rejected(&listener, &ChangeListener::rejected);
    const QStringList bad{
        QStringLiteral("not json"),
        QStringLiteral("[1,2]"),
        QStringLiteral("{\"v\":2,\"table\":\"servers\",\"key\":\"a\",\"changeId\":\"c\","
                       "\"instance\":\"i\"}"),
        QStringLiteral("{\"table\":\"servers\",\"changeId\":\"c\",\"instance\":\"i\"}"),
        QStringLiteral("{\"v\":1,\"table\":7,\"changeId\":\"c\",\"instance\":\"i\"}"),
        QStringLiteral("{\"v\":1,\"table\":\"servers\",\"instance\":\"i\"}"),
        QStringLiteral("{\"v\":\"1\",\"table\":\"servers\",\"changeId\":\"c\",\"instance\":\"i\"}"),
    };
    for (const QString &payload : bad) {
        const QString sent = notifyFrom(pg, payload);
        QVERIFY2(sent.isEmpty(), qPrintable(sent));
    }
    const QString good = notifyFrom(pg,
                                    QStringLiteral("{\"v\":1,\"table\":\"servers\",\"key\":"
                                                   "\"fetch\",\"changeId\":\"c1\",\"instance\":"
                                                   "\"other\",\"extra\":[1]}"));
    QVERIFY2(good.isEmpty(), qPrintable(good));
    for (int i = 0; i < 100 && changed.isEmpty(); ++i)
        QTest::qWait(50);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(rejected.size(), bad.size());
    const auto notice = changed.at(0).at(0).value<ChangeNotice>();
    QCOMPARE(notice.key, QStringLiteral("fetch"));
    QCOMPARE(notice.changeId, QStringLiteral("c1"));
    listener.stop();
    ws->close();
}

// "profile add --redis URL" keeps the Redis with the profile: a command through the profile
// queues and delivers its changes there with no --redis.
void TestLiveChanges::profileKeepsItsRedis()
{
    MCPHUB_REQUIRE_SERVICE(!redisUrl().isEmpty(), QStringLiteral("Redis"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    const QString name = QStringLiteral("live-redis");
    const Run add = adminctl({QStringLiteral("profile"),
                              QStringLiteral("add"),
                              name,
                              QStringLiteral("--sqlite"),
                              dir.filePath(QStringLiteral("ws.db")),
                              QStringLiteral("--redis"),
                              redisUrl()},
                             env);
    VERIFY_RUN(add, 0);
    const Run bad = adminctl({QStringLiteral("profile"),
                              QStringLiteral("add"),
                              QStringLiteral("bad"),
                              QStringLiteral("--sqlite"),
                              dir.filePath(QStringLiteral("bad.db")),
                              QStringLiteral("--redis"),
                              QStringLiteral("http://127.0.0.1:1")},
                             env);
    VERIFY_RUN(bad, 2);
    QVERIFY2(bad.err.contains(QLatin1String("redis://")), qPrintable(bad.err));
    const auto address = RedisAddress::parse(redisUrl());
    RedisClient redis(*address);
    QVERIFY(redis.command({"DEL", "config:system-config/nameSeparator"}));
    const Run set = adminctl({QStringLiteral("config"),
                              QStringLiteral("set"),
                              QStringLiteral("nameSeparator"),
                              QStringLiteral("\"-\""),
                              QStringLiteral("--profile"),
                              name},
                             env);
    VERIFY_RUN(set, 0);
    const auto cached = redis.command({"GET", "config:system-config/nameSeparator"});
    QVERIFY2(cached, cached ? "" : qPrintable(cached.error().toString()));
    QVERIFY2(cached->toByteArray().contains("nameSeparator"), cached->toByteArray().constData());
}

namespace {

// The "redis" entry of "health --format json" (empty when there is none).
QJsonObject redisCheckOf(const Run &run)
{
    for (const QJsonValue &c : QJsonDocument::fromJson(run.out.toUtf8()).array()) {
        if (c[QStringLiteral("check")].toString() == QLatin1String("redis"))
            return c.toObject();
    }
    return {};
}

} // namespace

// Issue 16: with a Redis URL, "health" PINGs it and reports the latency; a Redis that was
// SIGKILLed fails the check naming host:port (exit 1), and so does one that accepts the
// connection but never answers (the check's own timeout, not a hang). A workspace without a
// Redis URL has no such check.
void TestLiveChanges::healthPingsRedisAndNamesItWhenDown()
{
    MCPHUB_REQUIRE_SERVICE(
        !QStandardPaths::findExecutable(QStringLiteral("redis-server")).isEmpty(),
        QStringLiteral("redis-server"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("w.db"));
    VERIFY_RUN(
        adminctl({QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--sqlite"), path}),
        0);
    OwnRedis redis;
    QVERIFY(redis.start());
    const auto health = [&](const QString &url) {
        return adminctl({QStringLiteral("health"),
                         QStringLiteral("--format"),
                         QStringLiteral("json"),
                         QStringLiteral("--sqlite"),
                         path,
                         QStringLiteral("--redis"),
                         url});
    };
    const QString hostPort = redis.url().mid(int(qstrlen("redis://")));

    const Run up = health(redis.url());
    QJsonObject check = redisCheckOf(up);
    QVERIFY2(!check.isEmpty(), qPrintable(up.out + up.err));
    QVERIFY2(check[QStringLiteral("ok")].toBool(), qPrintable(up.out));
    QVERIFY(check[QStringLiteral("value")].toDouble() > 0); // ms
    QVERIFY2(check[QStringLiteral("detail")].toString().contains(
                 QStringLiteral("Redis at %1 answers PING in ").arg(hostPort)),
             qPrintable(up.out));

    redis.kill();
    const Run down = health(redis.url());
    VERIFY_RUN(down, 1);
    check = redisCheckOf(down);
    QVERIFY2(!check[QStringLiteral("ok")].toBool(), qPrintable(down.out));
    QVERIFY2(check[QStringLiteral("detail")].toString().contains(
                 QStringLiteral("Redis at %1 does not answer").arg(hostPort)),
             qPrintable(down.out));
    const Run text = adminctl({QStringLiteral("health"),
                               QStringLiteral("--sqlite"),
                               path,
                               QStringLiteral("--redis"),
                               redis.url()});
    VERIFY_RUN(text, 1);
    QVERIFY2(text.out.contains(QLatin1String("FAIL")) && text.out.contains(hostPort),
             qPrintable(text.out));

    // Accepts connections (the kernel's backlog) and never answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    const QString silentUrl = QStringLiteral("redis://127.0.0.1:%1").arg(silent.serverPort());
    const Run hung = health(silentUrl);
    VERIFY_RUN(hung, 1);
    QVERIFY2(redisCheckOf(hung)[QStringLiteral("detail")].toString().contains(
                 QStringLiteral("Redis at 127.0.0.1:%1 does not answer").arg(silent.serverPort())),
             qPrintable(hung.out));

    const Run none = adminctl({QStringLiteral("health"),
                               QStringLiteral("--format"),
                               QStringLiteral("json"),
                               QStringLiteral("--sqlite"),
                               path});
    QVERIFY2(redisCheckOf(none).isEmpty(), qPrintable(none.out));
}

// Issue 16: "health --format prometheus" with a Redis URL adds Redis's cache figures, as
// INFO reports them: after 5 GET hits and 2 misses on a fresh redis-server, hits 5, misses 2,
// ratio 5/7, its used memory, and the PING time; a Redis with no lookups has no ratio.
void TestLiveChanges::healthPrometheusReportsRedisCacheFigures()
{
    MCPHUB_REQUIRE_SERVICE(
        !QStandardPaths::findExecutable(QStringLiteral("redis-server")).isEmpty(),
        QStringLiteral("redis-server"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("w.db"));
    VERIFY_RUN(
        adminctl({QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--sqlite"), path}),
        0);
    OwnRedis own;
    QVERIFY(own.start());
    const auto value = [](const QString &text, const QString &metric) {
        // "metric{labels} value" -> value; -1 when absent.
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            if (line.startsWith(metric + QLatin1Char('{')))
                return line.section(QLatin1Char(' '), -1).toDouble();
        }
        return -1.0;
    };
    const auto prometheus = [&] {
        return adminctl({QStringLiteral("health"),
                         QStringLiteral("--format"),
                         QStringLiteral("prometheus"),
                         QStringLiteral("--sqlite"),
                         path,
                         QStringLiteral("--redis"),
                         own.url()});
    };

    const Run fresh = prometheus();
    QVERIFY2(fresh.out.contains(QLatin1String("# TYPE mcphub_redis_keyspace_hits_total counter\n")),
             qPrintable(fresh.out));
    QCOMPARE(value(fresh.out, QStringLiteral("mcphub_redis_keyspace_hits_total")), 0.0);
    QCOMPARE(value(fresh.out, QStringLiteral("mcphub_redis_keyspace_misses_total")), 0.0);
    QVERIFY2(!fresh.out.contains(QLatin1String("mcphub_redis_cache_hit_ratio")),
             qPrintable(fresh.out));

    const auto address = RedisAddress::parse(own.url());
    RedisClient redis(*address);
    QVERIFY(redis.command({"SET", "cache:a", "1"}));
    QVERIFY(redis.command({"SET", "cache:b", "2"}));
    for (const char *key : {"cache:a", "cache:a", "cache:a", "cache:b", "cache:b"})
        QVERIFY(redis.command({"GET", key})->isValid());
    for (const char *key : {"cache:none", "cache:nothing"})
        QVERIFY(!redis.command({"GET", key})->isValid());

    const Run run = prometheus();
    VERIFY_RUN(run, 0);
    const auto stats = redis.command({"INFO", "stats"});
    QVERIFY(stats);
    const auto info = RedisCacheFigures::parseInfo(stats->toByteArray());
    QCOMPARE(info.value("keyspace_hits").toLongLong(), 5);
    QCOMPARE(info.value("keyspace_misses").toLongLong(), 2);
    QCOMPARE(value(run.out, QStringLiteral("mcphub_redis_keyspace_hits_total")), 5.0);
    QCOMPARE(value(run.out, QStringLiteral("mcphub_redis_keyspace_misses_total")), 2.0);
    QVERIFY2(qAbs(value(run.out, QStringLiteral("mcphub_redis_cache_hit_ratio")) - 5.0 / 7.0)
                 < 1e-9,
             qPrintable(run.out));
    // Used memory moves with every client; INFO's figure now and the one printed are close.
    const auto memory = redis.command({"INFO", "memory"});
    QVERIFY(memory);
    const double used
        = RedisCacheFigures::parseInfo(memory->toByteArray()).value("used_memory").toDouble();
    const double printed = value(run.out, QStringLiteral("mcphub_redis_used_memory_bytes"));
    QVERIFY2(used > 0 && printed > used / 2 && printed < used * 2,
             qPrintable(QStringLiteral("%1 vs %2").arg(printed).arg(used)));
    QVERIFY2(value(run.out, QStringLiteral("mcphub_redis_ping_seconds")) > 0, qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String(",check=\"redis\"} 1\n")), qPrintable(run.out));

    // Redis down: no figures, the check says 0, exit 1.
    own.kill();
    const Run down = prometheus();
    VERIFY_RUN(down, 1);
    QVERIFY2(down.out.contains(QLatin1String(",check=\"redis\"} 0\n")), qPrintable(down.out));
    QVERIFY2(!down.out.contains(QLatin1String("mcphub_redis_keyspace_hits_total")),
             qPrintable(down.out));
}

void TestLiveChanges::migrationSpreadsOneNoticePerTable_data()
{
    QTest::addColumn<bool>("mcphubDatabase");
    QTest::newRow("console schema") << false;
    QTest::newRow("MCPHub's database") << true;
}

// Issue 16: a settings-file migration by the CLI (another process) spreads its changes as
// the repositories do, through ChangeFeed: this process, listening, hears one notice per
// table the run changed (not one per row: 300 servers, one "servers" notice), key empty
// (refresh the whole table), all under the run's change id, the one its audit row carries;
// and the Redis outbox (its Redis down here) holds one row per table under that id. Its
// rollback, likewise, under the rollback's own change id.
void TestLiveChanges::migrationSpreadsOneNoticePerTable()
{
    QFETCH(bool, mcphubDatabase);
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QStringList where{QStringLiteral("--pg"), pg.conninfo()};
    auto profile = ConnectionProfile::fromConninfo(pg.conninfo());
    QVERIFY(profile);
    if (mcphubDatabase) {
        const QString made = test::makeMcphubDatabase(pg);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        where = test::hubDbArguments(pg);
        *profile = test::mcphubProfile(pg);
    }
    const QString schema = mcphubDatabase ? QStringLiteral("mcphub_admin.") : QString();
    VERIFY_RUN(adminctl(QStringList{QStringLiteral("config"), QStringLiteral("list")} + where), 0);

    constexpr int kServers = 300;
    QJsonObject servers;
    for (int i = 0; i < kServers; ++i) {
        servers.insert(QStringLiteral("live-migrated-%1").arg(i),
                       QJsonObject{{QStringLiteral("command"), QStringLiteral("npx")},
                                   {QStringLiteral("args"),
                                    QJsonArray{QStringLiteral("-y"), QStringLiteral("x")}}});
    }
    const QJsonObject settings{
        {QStringLiteral("mcpServers"), servers},
        {QStringLiteral("users"),
         QJsonArray{QJsonObject{
             {QStringLiteral("username"), QStringLiteral("live-migrated")},
             {QStringLiteral("password"),
              QStringLiteral("$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.")},
             {QStringLiteral("isAdmin"), true}}}}};
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("mcp_settings.json"));
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(out.write(QJsonDocument(settings).toJson()) > 0);
    }

    const QString listenName = QStringLiteral("live-migrate-listen");
    const auto listenWs = Workspace::open(*profile, listenName);
    QVERIFY2(listenWs, listenWs ? "" : qPrintable(listenWs.error().toString()));
    ChangeListener listener(listenName);
    QVERIFY(listener.start());
    QSignalSpy changed(&listener, &ChangeListener::changed);

    // A Redis nobody listens on: the outbox keeps what it could not deliver.
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    const Run migrate = adminctl(QStringList{QStringLiteral("migrate"),
                                             file,
                                             QStringLiteral("--yes"),
                                             QStringLiteral("--backup-dir"),
                                             dir.path(),
                                             QStringLiteral("--redis"),
                                             QStringLiteral("redis://127.0.0.1:%1").arg(closedPort)}
                                 + where);
    VERIFY_RUN(migrate, 0);

    const auto heardTables = [&] {
        QStringList tables;
        for (const QList<QVariant> &signal : std::as_const(changed))
            tables << signal.at(0).value<ChangeNotice>().table;
        return tables;
    };
    for (int i = 0; i < 200
                    && !(heardTables().contains(QStringLiteral("servers"))
                         && heardTables().contains(QStringLiteral("users")));
         ++i)
        QTest::qWait(50);
    QTest::qWait(200); // anything else the same COMMIT sent has arrived by now
    const QStringList tables = heardTables();
    QVERIFY2(tables.contains(QStringLiteral("servers")) && tables.contains(QStringLiteral("users")),
             qPrintable(tables.join(QLatin1Char(' '))));
    // Once per table, never per row.
    QCOMPARE(QSet<QString>(tables.cbegin(), tables.cend()).size(), tables.size());
    QVERIFY2(tables.size() < 10, qPrintable(tables.join(QLatin1Char(' '))));

    const QString runChangeId = test::queryText(
        pg,
        QStringLiteral("SELECT change_id FROM %1access_logs WHERE action = 'migration.run'")
            .arg(schema));
    QVERIFY2(!runChangeId.isEmpty(), "the run's audit row carries no change id");
    for (const QList<QVariant> &signal : std::as_const(changed)) {
        const auto notice = signal.at(0).value<ChangeNotice>();
        QCOMPARE(notice.changeId, runChangeId);
        QCOMPARE(notice.key, QString());
        QCOMPARE(notice.action, QStringLiteral("migration.import"));
    }
    // The outbox: one row per table, under the run's change id.
    QCOMPARE(
        test::queryText(pg, QStringLiteral("SELECT count(*) FROM %1change_outbox").arg(schema)),
        QString::number(tables.size()));
    QCOMPARE(test::queryText(
                 pg,
                 QStringLiteral("SELECT count(DISTINCT change_id) || ':' || min(change_id) FROM "
                                "%1change_outbox")
                     .arg(schema)),
             QStringLiteral("1:") + runChangeId);

    // Its rollback too: one notice per table (servers, users) under the rollback's id.
    const qsizetype before = changed.size();
    const QString runId = test::queryText(
        pg,
        QStringLiteral("SELECT max(id) FROM %1migration_runs WHERE kind <> 'rollback'")
            .arg(schema));
    const Run rollback
        = adminctl(QStringList{QStringLiteral("rollback"), runId, QStringLiteral("--yes")} + where);
    VERIFY_RUN(rollback, 0);
    const QString rollbackChangeId = test::queryText(
        pg,
        QStringLiteral("SELECT change_id FROM %1access_logs WHERE action = 'migration.rollback'")
            .arg(schema));
    QVERIFY(!rollbackChangeId.isEmpty() && rollbackChangeId != runChangeId);
    const auto undoneTables = [&] {
        QStringList tables;
        for (qsizetype i = before; i < changed.size(); ++i)
            tables << changed.at(i).at(0).value<ChangeNotice>().table;
        return tables;
    };
    for (int i = 0; i < 200
                    && !(undoneTables().contains(QStringLiteral("servers"))
                         && undoneTables().contains(QStringLiteral("users")));
         ++i)
        QTest::qWait(50);
    QTest::qWait(200);
    const QStringList undone = undoneTables();
    QVERIFY2(undone.contains(QStringLiteral("servers")) && undone.contains(QStringLiteral("users")),
             qPrintable(undone.join(QLatin1Char(' '))));
    QCOMPARE(QSet<QString>(undone.cbegin(), undone.cend()).size(), undone.size());
    for (qsizetype i = before; i < changed.size(); ++i)
        QCOMPARE(changed.at(i).at(0).value<ChangeNotice>().changeId, rollbackChangeId);
    listener.stop();
    listenWs->close();
}

QTEST_GUILESS_MAIN(TestLiveChanges)
#include "tst_livechanges.moc"
