// mcphub-adminctl hubs add|list|remove|poll and health as real processes against two emulated
// hubs (one healthy, one degraded) on SQLite and the real PostgreSQL: exit codes, the text,
// JSON and Prometheus outputs, and no secret in any output or in the database.

#include "storage/db/workspace.h"
#include "storage/sqlconnection.h"
#include "tests/support/hubemulator.h"
#include "tests/support/mcphubdatabase.h"
#include "tests/support/testbackend.h"
#include "tests/support/testenv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace mcphub;
using namespace mcphub::test;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the CLI while this thread's event loop keeps serving the emulated hubs.
Run adminctl(const QStringList &args, const QByteArray &input = {})
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(binDir() + QStringLiteral("/mcphub-adminctl"), args);
    Run result;
    if (!process.waitForStarted(10000))
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (finished.isEmpty() && !finished.wait(90'000)) {
        process.kill();
        process.waitForFinished(5000);
        return result;
    }
    if (process.exitStatus() != QProcess::NormalExit)
        return result;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

// `run` evaluated once (QVERIFY2 evaluates its message whatever the outcome).
#define VERIFY_RUN(run, code)                                                                      \
    do {                                                                                           \
        const auto &verifiedRun_ = (run);                                                          \
        QVERIFY2(verifiedRun_.exitCode == (code),                                                  \
                 qPrintable(QString::number(verifiedRun_.exitCode) + QLatin1Char(' ')              \
                            + verifiedRun_.out + verifiedRun_.err));                               \
    } while (false)

const QByteArray kPassword = "admin123";
const QByteArray kBearer = "bearer-key-7f3a9c";

} // namespace

class TestHubCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addListPollRemove_data() { MCPHUB_BACKEND_ROWS(); }
    void addListPollRemove();
    void addUnderTakenNameKeepsExistingSecret_data() { MCPHUB_BACKEND_ROWS(); }
    void addUnderTakenNameKeepsExistingSecret();
    void credentialsInUrlAreRefusedAndNeverPrinted_data() { MCPHUB_BACKEND_ROWS(); }
    void credentialsInUrlAreRefusedAndNeverPrinted();
    void health();
    void healthAsPrometheusCountsTheWorkspace();
    void registryInMcphubDatabaseLivesInTheConsolesSchema();
    void changesAreToldToTheHubsOnTheDatabase();
};

void TestHubCli::addListPollRemove()
{
    MCPHUB_BACKEND(backend);
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    HubEmulator healthy, degraded;
    QVERIFY(healthy.listen());
    degraded.setMode(HubEmulator::Mode::Database);
    degraded.setHealth(HubEmulator::Health::Degraded);
    degraded.setBearerKey(kBearer);
    QVERIFY(degraded.listen());
    const QString ws = backend.cliArgument();
    const QString hubs = QStringLiteral("hubs");

    VERIFY_RUN(adminctl({hubs,
                         QStringLiteral("add"),
                         QStringLiteral("alpha"),
                         healthy.baseUrl().toString(),
                         QStringLiteral("--user"),
                         QStringLiteral("admin"),
                         QStringLiteral("--password-stdin"),
                         QStringLiteral("--interval"),
                         QStringLiteral("5"),
                         ws},
                        kPassword + '\n'),
               0);
    VERIFY_RUN(adminctl({hubs,
                         QStringLiteral("add"),
                         QStringLiteral("beta"),
                         degraded.baseUrl().toString(),
                         QStringLiteral("--bearer-stdin"),
                         ws},
                        kBearer + '\n'),
               0);
    const Run again = adminctl(
        {hubs, QStringLiteral("add"), QStringLiteral("alpha"), healthy.baseUrl().toString(), ws});
    VERIFY_RUN(again, 2);
    QVERIFY2(again.err.contains(QLatin1String("alpha")), qPrintable(again.err));
    const Run bad = adminctl(
        {hubs, QStringLiteral("add"), QStringLiteral("gamma"), QStringLiteral("ftp://x/y"), ws});
    VERIFY_RUN(bad, 2);
    QVERIFY2(bad.err.contains(QLatin1String("gamma: baseUrl")), qPrintable(bad.err));
    VERIFY_RUN(adminctl({hubs,
                         QStringLiteral("add"),
                         QStringLiteral("delta"),
                         healthy.baseUrl().toString(),
                         QStringLiteral("--user"),
                         QStringLiteral("admin"),
                         ws}),
               2); // a user without --password-stdin

    const Run listed = adminctl({hubs, QStringLiteral("list"), ws});
    VERIFY_RUN(listed, 0);
    QVERIFY2(listed.out.contains(QLatin1String("alpha"))
                 && listed.out.contains(QLatin1String("beta"))
                 && listed.out.contains(QLatin1String("not polled yet")),
             qPrintable(listed.out));

    // One poll of each: exit 1 because beta is degraded.
    const Run json = adminctl({hubs,
                               QStringLiteral("poll"),
                               QStringLiteral("--once"),
                               QStringLiteral("--format"),
                               QStringLiteral("json"),
                               ws});
    VERIFY_RUN(json, 1);
    const QJsonArray array = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(array.size(), 2);
    QCOMPARE(array.at(0)[QStringLiteral("hub")].toString(), QStringLiteral("alpha"));
    QCOMPARE(array.at(0)[QStringLiteral("state")].toString(), QStringLiteral("healthy"));
    QCOMPARE(array.at(0)[QStringLiteral("servers")].toArray().size(), 5);
    QCOMPARE(array.at(0)[QStringLiteral("carried")].toArray().size(), 0); // a first poll reads all
    QCOMPARE(array.at(1)[QStringLiteral("state")].toString(), QStringLiteral("degraded"));
    QVERIFY(array.at(1)[QStringLiteral("activity")].isObject()); // database mode, bearer key
    QVERIFY(!degraded.requestsTo(QStringLiteral("/api/activities")).isEmpty());

    const Run prom = adminctl({hubs,
                               QStringLiteral("poll"),
                               QStringLiteral("--once"),
                               QStringLiteral("--format"),
                               QStringLiteral("prometheus"),
                               ws});
    VERIFY_RUN(prom, 1);
    static const QRegularExpression sampleLine(
        QStringLiteral(R"(^[a-z_]+\{([a-z_]+="([^"\\\n]|\\.)*",?)+\} -?[0-9.e+]+$)"));
    int samples = 0;
    for (const QString &line : prom.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1Char('#'))) {
            QVERIFY2(line.startsWith(QLatin1String("# HELP mcphub_"))
                         || line.startsWith(QLatin1String("# TYPE mcphub_")),
                     qPrintable(line));
            continue;
        }
        QVERIFY2(sampleLine.match(line).hasMatch(), qPrintable(line));
        ++samples;
    }
    QVERIFY(samples > 20);
    QVERIFY2(
        prom.out.contains(QLatin1String("mcphub_hub_state{hub=\"beta\",state=\"degraded\"} 1")),
        qPrintable(prom.out));
    QVERIFY(prom.out.contains(QLatin1String("mcphub_hub_up{hub=\"alpha\"} 1")));

    // Written atomically for the textfile collector.
    const QString file = backend.tempPath(QStringLiteral("hubs.prom"));
    VERIFY_RUN(adminctl({hubs,
                         QStringLiteral("poll"),
                         QStringLiteral("--once"),
                         QStringLiteral("--format"),
                         QStringLiteral("prometheus"),
                         QStringLiteral("--output"),
                         file,
                         ws}),
               1);
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(written.readAll().contains("mcphub_hub_servers{hub=\"alpha\",status=\"connected\"} 3"));

    const Run text = adminctl({hubs, QStringLiteral("list"), ws});
    VERIFY_RUN(text, 0);
    QVERIFY2(text.out.contains(QLatin1String("Degraded")), qPrintable(text.out));

    for (const Run &r : {json, prom, text, listed}) {
        QVERIFY(!r.out.contains(QString::fromLatin1(kPassword))
                && !r.err.contains(QString::fromLatin1(kPassword)));
        QVERIFY(!r.out.contains(QString::fromLatin1(kBearer)));
    }
    if (!backend.isPostgres()) {
        QFile db(backend.profile().sqlitePath);
        QVERIFY(db.open(QIODevice::ReadOnly));
        const QByteArray bytes = db.readAll();
        QVERIFY(!bytes.contains(kBearer));
        QVERIFY(!bytes.contains("\"" + kPassword)); // the emulator's own captures hold no secret
    }

    const Run retention = adminctl({hubs,
                                    QStringLiteral("retention"),
                                    QStringLiteral("48"),
                                    QStringLiteral("14"),
                                    QStringLiteral("365"),
                                    ws});
    VERIFY_RUN(retention, 0);
    QVERIFY2(retention.out.contains(QLatin1String("48 hours")), qPrintable(retention.out));
    VERIFY_RUN(adminctl({hubs,
                         QStringLiteral("retention"),
                         QStringLiteral("48"),
                         QStringLiteral("1"),
                         QStringLiteral("365"),
                         ws}),
               2); // minute aggregates shorter than the raw samples

    VERIFY_RUN(adminctl({hubs, QStringLiteral("remove"), QStringLiteral("alpha"), ws}), 0);
    VERIFY_RUN(adminctl({hubs, QStringLiteral("remove"), QStringLiteral("beta"), ws}), 0);
    VERIFY_RUN(adminctl({hubs, QStringLiteral("remove"), QStringLiteral("beta"), ws}), 2);
    const Run empty = adminctl({hubs, QStringLiteral("list"), ws});
    VERIFY_RUN(empty, 0);
    QVERIFY(!empty.out.contains(QLatin1String("alpha")));
}

void TestHubCli::addUnderTakenNameKeepsExistingSecret()
{
    // Issue 11.3: "hubs add" under a taken name wrote the new password to the keychain entry
    // hub/<name> before the name conflict was found, so the registered hub lost its secret.
    MCPHUB_BACKEND(backend);
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    HubEmulator hub;
    QVERIFY(hub.listen());
    const QString ws = backend.cliArgument();
    // Keychain entries are per user, not per database: a name no other run uses.
    const QString name = QStringLiteral("keep-%1-%2")
                             .arg(QString::number(QCoreApplication::applicationPid()),
                                  QString::fromLatin1(QTest::currentDataTag()));
    const QString url = hub.baseUrl().toString();
    const QString user = QStringLiteral("--user");
    const QString admin = QStringLiteral("admin");
    const QString stdinFlag = QStringLiteral("--password-stdin");
    const QString hubs = QStringLiteral("hubs");

    VERIFY_RUN(adminctl({hubs, QStringLiteral("add"), name, url, user, admin, stdinFlag, ws},
                        kPassword + '\n'),
               0);
    const Run taken = adminctl({hubs, QStringLiteral("add"), name, url, user, admin, stdinFlag, ws},
                               "not-the-password\n");
    VERIFY_RUN(taken, 2);
    QVERIFY2(taken.err.contains(name), qPrintable(taken.err));

    // The registered hub still logs in: its /api requests are answered.
    const Run polled = adminctl({hubs,
                                 QStringLiteral("poll"),
                                 QStringLiteral("--once"),
                                 QStringLiteral("--format"),
                                 QStringLiteral("json"),
                                 ws});
    VERIFY_RUN(polled, 0);
    const QJsonArray array = QJsonDocument::fromJson(polled.out.toUtf8()).array();
    QCOMPARE(array.size(), 1);
    QCOMPARE(array.at(0)[QStringLiteral("state")].toString(), QStringLiteral("healthy"));
    QCOMPARE(array.at(0)[QStringLiteral("servers")].toArray().size(), 5);
    bool loggedIn = false;
    for (const HubEmulator::Request &r : hub.requestsTo(QStringLiteral("/api/auth/login")))
        loggedIn = loggedIn || r.status == 200;
    QVERIFY(loggedIn);
    for (const HubEmulator::Request &r : hub.requestsTo(QStringLiteral("/api/auth/login")))
        QVERIFY2(!r.body.contains("not-the-password"), r.body.constData());

    VERIFY_RUN(adminctl({hubs, QStringLiteral("remove"), name, ws}), 0);
}

void TestHubCli::credentialsInUrlAreRefusedAndNeverPrinted()
{
    // Issue 12.8: "hubs add h http://admin:PW@host" kept PW in hubs.base_url and "hubs list"
    // printed it.
    MCPHUB_BACKEND(backend);
    HubEmulator hub;
    QVERIFY(hub.listen());
    const QString ws = backend.cliArgument();
    const QString secret = QStringLiteral("Pw-in-url-93x");
    const QString hubs = QStringLiteral("hubs");
    QUrl withCredentials = hub.baseUrl();
    withCredentials.setUserName(QStringLiteral("admin"));
    withCredentials.setPassword(secret);
    const Run refused = adminctl(
        {hubs, QStringLiteral("add"), QStringLiteral("h"), withCredentials.toString(), ws});
    VERIFY_RUN(refused, 2);
    QVERIFY2(refused.err.contains(QLatin1String("h: baseUrl")), qPrintable(refused.err));
    QVERIFY2(!refused.err.contains(secret) && !refused.out.contains(secret),
             qPrintable(refused.err));
    const Run listed = adminctl({hubs, QStringLiteral("list"), ws});
    VERIFY_RUN(listed, 0);
    QVERIFY2(!listed.out.contains(QLatin1String("127.0.0.1")), qPrintable(listed.out));

    // A row written before such URLs were refused is listed without its password.
    VERIFY_RUN(
        adminctl({hubs, QStringLiteral("add"), QStringLiteral("h"), hub.baseUrl().toString(), ws}),
        0);
    {
        auto opened = Workspace::open(backend.profile(), QStringLiteral("tst_hubcli_legacy"));
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        QSqlQuery update(opened->database());
        QVERIFY(update.prepare(QStringLiteral("UPDATE hubs SET base_url = ? WHERE name = 'h'")));
        update.addBindValue(withCredentials.toString());
        QVERIFY2(update.exec(), qPrintable(update.lastError().text()));
    }
    closeSqlConnection(QStringLiteral("tst_hubcli_legacy"));
    const Run legacy = adminctl({hubs, QStringLiteral("list"), ws});
    VERIFY_RUN(legacy, 0);
    QVERIFY2(legacy.out.contains(QLatin1String("127.0.0.1")) && !legacy.out.contains(secret),
             qPrintable(legacy.out));
}

void TestHubCli::health()
{
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("w.db"));
    VERIFY_RUN(
        adminctl({QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--sqlite"), path}),
        0);
    const Run ok = adminctl({QStringLiteral("health"),
                             QStringLiteral("--sqlite"),
                             path,
                             QStringLiteral("--format"),
                             QStringLiteral("json")});
    VERIFY_RUN(ok, 0);
    const QJsonArray checks = QJsonDocument::fromJson(ok.out.toUtf8()).array();
    QCOMPARE(checks.size(), 4);
    QStringList names;
    for (const QJsonValue &c : checks) {
        names << c[QStringLiteral("check")].toString();
        QVERIFY2(c[QStringLiteral("ok")].toBool(),
                 qPrintable(c[QStringLiteral("detail")].toString()));
    }
    QCOMPARE(names,
             QStringList({QStringLiteral("database"),
                          QStringLiteral("settings-folder"),
                          QStringLiteral("keychain"),
                          QStringLiteral("memory")}));
    QVERIFY(checks.at(0)[QStringLiteral("value")].toDouble() >= 0);
    QVERIFY(checks.at(3)[QStringLiteral("value")].toDouble() > 1e6); // a few MB resident

    const QString missing = dir.filePath(QStringLiteral("none.db"));
    const Run down = adminctl({QStringLiteral("health"), QStringLiteral("--sqlite"), missing});
    VERIFY_RUN(down, 1);
    QVERIFY2(down.out.contains(QLatin1String("FAIL")) && down.out.contains(missing),
             qPrintable(down.out));
    QVERIFY(!QFile::exists(missing)); // a health check creates nothing
}

// health --format prometheus: the checks and the workspace's figures, each counted from the
// workspace's own tables (a console SQLite database, then MCPHub's own database), in the
// exposition format node_exporter's textfile collector reads.
void TestHubCli::healthAsPrometheusCountsTheWorkspace()
{
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    MCPHUB_REQUIRE_SERVICE(PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    const auto value = [](const QString &text, const QString &metric) {
        // "metric{labels} value" -> value; -1 when absent.
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            if (line.startsWith(metric + QLatin1Char('{')))
                return line.section(QLatin1Char(' '), -1).toDouble();
        }
        return -1.0;
    };
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("w.db"));
    VERIFY_RUN(
        adminctl({QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--sqlite"), path}),
        0);
    for (const QString &name : {QStringLiteral("a"), QStringLiteral("b")}) {
        VERIFY_RUN(adminctl({QStringLiteral("server"),
                             QStringLiteral("add"),
                             name,
                             QStringLiteral("--type"),
                             QStringLiteral("stdio"),
                             QStringLiteral("--command"),
                             QStringLiteral("npx"),
                             QStringLiteral("--sqlite"),
                             path}),
                   0);
    }
    VERIFY_RUN(adminctl({QStringLiteral("server"),
                         QStringLiteral("disable"),
                         QStringLiteral("b"),
                         QStringLiteral("--sqlite"),
                         path}),
               0);
    const Run sqlite = adminctl({QStringLiteral("health"),
                                 QStringLiteral("--sqlite"),
                                 path,
                                 QStringLiteral("--format"),
                                 QStringLiteral("prometheus")});
    VERIFY_RUN(sqlite, 0);
    QVERIFY2(sqlite.out.contains(QLatin1String("# TYPE mcphub_servers gauge\n")),
             qPrintable(sqlite.out));
    QVERIFY2(sqlite.out.contains(QLatin1String("mcphub_admin_health_ok{workspace=\"")),
             qPrintable(sqlite.out));
    QVERIFY2(sqlite.out.contains(QLatin1String(",check=\"database\"} 1\n")),
             qPrintable(sqlite.out));
    QCOMPARE(value(sqlite.out, QStringLiteral("mcphub_servers")), 2.0);
    QCOMPARE(value(sqlite.out, QStringLiteral("mcphub_servers_enabled")), 1.0);
    QCOMPARE(value(sqlite.out, QStringLiteral("mcphub_tool_calls")), 0.0);
    QVERIFY(value(sqlite.out, QStringLiteral("mcphub_database_latency_seconds")) >= 0);
    QVERIFY(value(sqlite.out, QStringLiteral("process_resident_memory_bytes")) > 1e6);
    // SQLite has no connection count: left out, not reported as 0.
    QCOMPARE(value(sqlite.out, QStringLiteral("mcphub_database_connections")), -1.0);

    PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const Run hub = adminctl(QStringList{QStringLiteral("health"),
                                         QStringLiteral("--format"),
                                         QStringLiteral("prometheus")}
                             + hubDbArguments(pg));
    VERIFY_RUN(hub, 0);
    const auto count = [&](const QString &sql) {
        return queryText(pg, sql).toDouble();
    };
    QCOMPARE(value(hub.out, QStringLiteral("mcphub_users")),
             count(QStringLiteral("SELECT count(*) FROM users")));
    QCOMPARE(value(hub.out, QStringLiteral("mcphub_servers")),
             count(QStringLiteral("SELECT count(*) FROM servers")));
    QCOMPARE(value(hub.out, QStringLiteral("mcphub_tool_calls")),
             count(QStringLiteral("SELECT count(*) FROM activities")));
    QVERIFY2(value(hub.out, QStringLiteral("mcphub_database_connections")) >= 1,
             qPrintable(hub.out));

    const Run unknown = adminctl({QStringLiteral("health"),
                                  QStringLiteral("--sqlite"),
                                  path,
                                  QStringLiteral("--format"),
                                  QStringLiteral("xml")});
    VERIFY_RUN(unknown, 2);
    QVERIFY2(unknown.err.contains(QLatin1String("xml")), qPrintable(unknown.err));
}

// In MCPHub's own database the hub registry, the samples and the activities synced from a
// hub live in the console's schema mcphub_admin: MCPHub's tables, and its own activities,
// are not touched by registering and polling a hub.
void TestHubCli::registryInMcphubDatabaseLivesInTheConsolesSchema()
{
    MCPHUB_REQUIRE_SERVICE(PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QByteArray schema = publicSchema(pg.conninfo());
    const QString activities = queryText(pg, QStringLiteral("SELECT count(*) FROM activities"));
    const QStringList ws = hubDbArguments(pg);

    HubEmulator hub;
    hub.setMode(HubEmulator::Mode::Database);
    hub.setBearerKey(kBearer);
    QVERIFY(hub.listen());
    VERIFY_RUN(adminctl(QStringList{QStringLiteral("hubs"),
                                    QStringLiteral("add"),
                                    QStringLiteral("db-hub"),
                                    hub.baseUrl().toString(),
                                    QStringLiteral("--bearer-stdin")}
                            + ws,
                        kBearer + '\n'),
               0);
    const Run poll = adminctl(QStringList{QStringLiteral("hubs"),
                                          QStringLiteral("poll"),
                                          QStringLiteral("--once"),
                                          QStringLiteral("--format"),
                                          QStringLiteral("json")}
                              + ws);
    VERIFY_RUN(poll, 0);
    const QJsonArray polled = QJsonDocument::fromJson(poll.out.toUtf8()).array();
    QCOMPARE(polled.size(), 1);
    QCOMPARE(polled.at(0)[QStringLiteral("state")].toString(), QStringLiteral("healthy"));
    QVERIFY(polled.at(0)[QStringLiteral("activity")].isObject());

    QCOMPARE(queryText(pg, QStringLiteral("SELECT name FROM mcphub_admin.hubs")),
             QStringLiteral("db-hub"));
    QCOMPARE(queryText(pg, QStringLiteral("SELECT count(*) > 0 FROM mcphub_admin.hub_samples")),
             QStringLiteral("true"));
    QCOMPARE(queryText(pg,
                       QStringLiteral("SELECT count(*) > 0 FROM mcphub_admin.mcp_usage_logs "
                                      "WHERE hub_name = 'db-hub'")),
             QStringLiteral("true"));
    // Nothing beside MCPHub's tables, nothing added to its own activities.
    QCOMPARE(queryText(pg,
                       QStringLiteral("SELECT count(*) FROM pg_catalog.pg_tables WHERE "
                                      "schemaname = 'public' AND tablename LIKE 'hub%'")),
             QStringLiteral("0"));
    QCOMPARE(queryText(pg, QStringLiteral("SELECT count(*) FROM activities")), activities);

    const Run listed = adminctl(QStringList{QStringLiteral("hubs"), QStringLiteral("list")} + ws);
    VERIFY_RUN(listed, 0);
    QVERIFY2(listed.out.contains(QLatin1String("db-hub")), qPrintable(listed.out));
    {
        // The console's monitoring polls on a clone of the workspace's connection: it finds
        // the registry in the console's schema too.
        auto opened = Workspace::open(mcphubProfile(pg), QStringLiteral("tst_hubcli_hubdb"));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
        {
            QSqlDatabase clone = QSqlDatabase::cloneDatabase(opened->connectionName(),
                                                             QStringLiteral("tst_hubcli_clone"));
            QVERIFY2(clone.open(), qPrintable(clone.lastError().text()));
            QSqlQuery query(clone);
            QVERIFY2(query.exec(QStringLiteral("SELECT name FROM hubs")) && query.next(),
                     qPrintable(query.lastError().text()));
            QCOMPARE(query.value(0).toString(), QStringLiteral("db-hub"));
        }
        closeSqlConnection(QStringLiteral("tst_hubcli_clone"));
    }
    VERIFY_RUN(
        adminctl(
            QStringList{QStringLiteral("hubs"), QStringLiteral("remove"), QStringLiteral("db-hub")}
            + ws),
        0);
    QCOMPARE(queryText(pg, QStringLiteral("SELECT count(*) FROM mcphub_admin.hubs")),
             QStringLiteral("0"));
    QCOMPARE(publicSchema(pg.conninfo()), schema);
}

// server and config commands on MCPHub's database tell the hubs registered there, through
// their API, what they keep in memory (mcphub-dbmode.md §2.4, §8.4, §11): one line per hub
// and change; --no-apply tells nothing; a hub answering 500 exits 1 with the change committed.
void TestHubCli::changesAreToldToTheHubsOnTheDatabase()
{
    MCPHUB_REQUIRE_SERVICE(PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QStringList ws = hubDbArguments(pg);
    HubEmulator hub;
    hub.setMode(HubEmulator::Mode::Database);
    hub.setBearerKey(kBearer);
    QVERIFY(hub.listen());
    const QString hubName = QStringLiteral("told-%1").arg(QCoreApplication::applicationPid());
    const Run added = adminctl(QStringList{QStringLiteral("hubs"),
                                           QStringLiteral("add"),
                                           hubName,
                                           hub.baseUrl().toString(),
                                           QStringLiteral("--bearer-stdin")}
                                   + ws,
                               kBearer + '\n');
    QCOMPARE(added.exitCode, 0);
    const auto calls = [&hub] {
        QStringList out;
        for (const HubEmulator::Request &r : hub.requests())
            out << QString::fromLatin1(r.method) + QLatin1Char(' ') + r.path + QLatin1Char(' ')
                       + QString::fromUtf8(r.body);
        hub.clearRequests();
        return out;
    };
    const auto run = [&ws](const QStringList &args) {
        return adminctl(args + ws);
    };

    Run r = run({QStringLiteral("server"),
                 QStringLiteral("add"),
                 QStringLiteral("time"),
                 QStringLiteral("--type"),
                 QStringLiteral("stdio"),
                 QStringLiteral("--command"),
                 QStringLiteral("npx")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(hubName + QStringLiteral(": start server \"time\": done")),
             qPrintable(r.out));
    QCOMPARE(calls(),
             QStringList{QStringLiteral(R"(POST /api/servers/time/toggle {"enabled":true})")});

    r = run({QStringLiteral("server"),
             QStringLiteral("set"),
             QStringLiteral("math-local"),
             QStringLiteral(R"(args=["/srv/math.mjs"])")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(calls(), QStringList{QStringLiteral("POST /api/servers/math-local/reload {}")});

    r = run({QStringLiteral("server"), QStringLiteral("disable"), QStringLiteral("http-local")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(
        calls(),
        QStringList{QStringLiteral(R"(POST /api/servers/http-local/toggle {"enabled":false})")});

    // Removed: stopped while the hub's API still finds it, then the row goes.
    r = run({QStringLiteral("server"), QStringLiteral("remove"), QStringLiteral("echo-local")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(
        calls(),
        QStringList{QStringLiteral(R"(POST /api/servers/echo-local/toggle {"enabled":false})")});

    r = run({QStringLiteral("server"),
             QStringLiteral("rename"),
             QStringLiteral("math-local"),
             QStringLiteral("calc")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(
        calls(),
        (QStringList{QStringLiteral(R"(POST /api/servers/math-local/toggle {"enabled":false})"),
                     QStringLiteral(R"(POST /api/servers/calc/toggle {"enabled":true})")}));

    // A key the hub caches at boot: PUT /api/system-config re-reads the row.
    r = run({QStringLiteral("config"),
             QStringLiteral("set"),
             QStringLiteral("nameSeparator"),
             QStringLiteral(R"("__")")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(calls(),
             QStringList{QStringLiteral(R"(PUT /api/system-config {"nameSeparator":"__"})")});

    r = run({QStringLiteral("server"),
             QStringLiteral("enable"),
             QStringLiteral("http-local"),
             QStringLiteral("--no-apply")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(calls(), QStringList{});

    // The hub fails: the change is committed, the line says what to do, exit 1.
    HubEmulator::Fault error;
    error.kind = HubEmulator::Fault::Kind::ServerError;
    hub.addFault(QStringLiteral("/api/servers/calc/toggle"), error);
    r = run({QStringLiteral("server"), QStringLiteral("disable"), QStringLiteral("calc")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QLatin1String("failed")) && r.out.contains(QLatin1String("500")),
             qPrintable(r.out));
    QCOMPARE(queryText(pg, QStringLiteral("SELECT enabled FROM servers WHERE name = 'calc'")),
             QStringLiteral("false"));

    QCOMPARE(adminctl(QStringList{QStringLiteral("hubs"), QStringLiteral("remove"), hubName} + ws)
                 .exitCode,
             0);
}

QTEST_GUILESS_MAIN(TestHubCli)
#include "tst_hubcli.moc"
