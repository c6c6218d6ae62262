// HubResponseParser on every recorded MCPHub answer the poller reads
// (tests/fixtures/hub-captures), and the emulator's replay of those bodies byte for byte.

#include "storage/hub/hubresponseparser.h"
#include "tests/support/hubcapture.h"

#include <QTest>

using namespace mcphub;
using namespace mcphub::test;

class TestHubResponseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capturesReplayByteExact_data();
    void capturesReplayByteExact();
    void parsesHealth_data();
    void parsesHealth();
    void parsesConfigAndLogin();
    void parsesServers_data();
    void parsesServers();
    void parsesStats_data();
    void parsesStats();
    void parsesActivityPages_data();
    void parsesActivityPages();
    void activityRowIsShapedForUsageLogs();
    void errorBodiesAndPlaces();

private:
    static QByteArray body(const QString &capture) { return HubCapture::load(capture).body; }
};

void TestHubResponseParser::capturesReplayByteExact_data()
{
    QTest::addColumn<QString>("capture");
    for (const char *f : {"file-mode/GET_health.healthy.json",
                          "file-mode/GET_health.degraded.json",
                          "db-mode/GET_health.healthy.json",
                          "db-mode/GET_health.degraded.json",
                          "db-mode/GET_health.db-down.json",
                          "file-mode/GET_config.json",
                          "db-mode/GET_config.json",
                          "file-mode/POST_api_auth_login.success.json",
                          "file-mode/POST_api_auth_login.bad-password.json",
                          "file-mode/GET_api_servers.401-no-token.json",
                          "file-mode/GET_api_servers.401-invalid-token.json",
                          "file-mode/GET_api_servers.healthy.json",
                          "file-mode/GET_api_servers.degraded.json",
                          "db-mode/GET_api_servers.degraded.json",
                          "file-mode/GET_api_openapi_stats.json",
                          "file-mode/GET_api_users-stats.json",
                          "db-mode/GET_api_users-stats.json",
                          "db-mode/GET_api_activities_available.json",
                          "file-mode/GET_api_activities_available.file-mode.json",
                          "db-mode/GET_api_activities_stats.json",
                          "db-mode/GET_api_activities.default.json",
                          "db-mode/GET_api_activities.page1.json",
                          "file-mode/GET_api_activities.404-file-mode.json",
                          "rate-limit/GET_api_templates_export_groups_id.429.json",
                          "rate-limit/GET_api_servers.general-limiter-headers.json"}) {
        QTest::newRow(f) << QString::fromLatin1(f);
    }
}

void TestHubResponseParser::capturesReplayByteExact()
{
    // The emulator re-serialises recorded bodies; the length Express announced proves the
    // bytes are the ones the real hub sent (key order, escaping, number format).
    QFETCH(QString, capture);
    const HubCapture c = HubCapture::load(capture);
    QVERIFY(c.recordedContentLength > 0);
    QCOMPARE(c.body.size(), c.recordedContentLength);
}

void TestHubResponseParser::parsesHealth_data()
{
    QTest::addColumn<QString>("capture");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("connected");
    QTest::addColumn<int>("disconnected");
    QTest::newRow("file healthy") << "file-mode/GET_health.healthy.json"
                                  << "healthy" << 3 << 3 << 0;
    QTest::newRow("file degraded") << "file-mode/GET_health.degraded.json"
                                   << "degraded" << 4 << 3 << 1;
    QTest::newRow("db healthy") << "db-mode/GET_health.healthy.json"
                                << "healthy" << 3 << 3 << 0;
    QTest::newRow("db degraded") << "db-mode/GET_health.degraded.json"
                                 << "degraded" << 4 << 3 << 1;
}

void TestHubResponseParser::parsesHealth()
{
    QFETCH(QString, capture);
    QFETCH(QString, status);
    QFETCH(int, total);
    QFETCH(int, connected);
    QFETCH(int, disconnected);
    const auto h = HubResponseParser::health(body(capture), capture);
    QVERIFY2(h.ok(), qPrintable(h.ok() ? QString() : h.error().toString()));
    QCOMPARE(h->status, status);
    QVERIFY(h->hasServerCounts);
    QCOMPARE(h->total, total);
    QCOMPARE(h->connected, connected);
    QCOMPARE(h->disconnected, disconnected);
    QVERIFY(!h->message.isEmpty());
}

void TestHubResponseParser::parsesConfigAndLogin()
{
    for (const char *f : {"file-mode/GET_config.json", "db-mode/GET_config.json"}) {
        const auto v = HubResponseParser::version(body(QString::fromLatin1(f)), QString());
        QVERIFY(v.ok());
        QCOMPARE(*v, QStringLiteral("dev"));
    }
    const HubCapture login
        = HubCapture::load(QStringLiteral("db-mode/POST_api_auth_login.success.json"));
    const auto token = HubResponseParser::loginToken(login.body, QString());
    QVERIFY(token.ok());
    QCOMPARE(*token, QByteArray::fromStdString(login.json["token"].get<std::string>()));
    QVERIFY(token->startsWith("eyJ"));

    const auto refused = HubResponseParser::loginToken(
        body(QStringLiteral("file-mode/POST_api_auth_login.bad-password.json")),
        QStringLiteral("hub-a (http://127.0.0.1:1/api/auth/login)"));
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(QStringLiteral("Invalid username or password")));
    QCOMPARE(refused.error().where, QStringLiteral("hub-a (http://127.0.0.1:1/api/auth/login)"));
}

void TestHubResponseParser::parsesServers_data()
{
    QTest::addColumn<QString>("capture");
    QTest::addColumn<bool>("brokenEnabled");
    QTest::newRow("file healthy") << "file-mode/GET_api_servers.healthy.json" << false;
    QTest::newRow("file degraded") << "file-mode/GET_api_servers.degraded.json" << true;
    QTest::newRow("db degraded") << "db-mode/GET_api_servers.degraded.json" << true;
    QTest::newRow("limiter headers")
        << "rate-limit/GET_api_servers.general-limiter-headers.json" << false;
}

void TestHubResponseParser::parsesServers()
{
    QFETCH(QString, capture);
    QFETCH(bool, brokenEnabled);
    const auto servers = HubResponseParser::servers(body(capture), capture);
    QVERIFY2(servers.ok(), qPrintable(servers.ok() ? QString() : servers.error().toString()));
    QCOMPARE(servers->size(), 5);
    QStringList names;
    for (const HubServerStatus &s : *servers)
        names.append(s.name);
    QCOMPARE(names,
             QStringList({QStringLiteral("echo-local"),
                          QStringLiteral("math-local"),
                          QStringLiteral("http-local"),
                          QStringLiteral("broken"),
                          QStringLiteral("disabled-one")}));
    QCOMPARE(servers->at(0).status, QStringLiteral("connected"));
    QCOMPARE(servers->at(0).toolCount, 3);
    QVERIFY(servers->at(0).error.isEmpty());
    const HubServerStatus &broken = servers->at(3);
    QCOMPARE(broken.status, QStringLiteral("disconnected"));
    QCOMPARE(broken.toolCount, 0);
    QCOMPARE(broken.enabled, brokenEnabled);
    QVERIFY(broken.error.contains(QStringLiteral("ENOENT")));
    QVERIFY(!servers->at(4).enabled);
}

void TestHubResponseParser::parsesStats_data()
{
    QTest::addColumn<QString>("capture");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("openapi file") << "file-mode/GET_api_openapi_stats.json"
                                  << "openapi" << QList<qint64>{3, 9};
    QTest::newRow("openapi db") << "db-mode/GET_api_openapi_stats.json"
                                << "openapi" << QList<qint64>{3, 9};
    QTest::newRow("users file") << "file-mode/GET_api_users-stats.json"
                                << "users" << QList<qint64>{1, 1, 0};
    QTest::newRow("users db") << "db-mode/GET_api_users-stats.json"
                              << "users" << QList<qint64>{1, 1, 0};
    QTest::newRow("available db") << "db-mode/GET_api_activities_available.json"
                                  << "available" << QList<qint64>{1};
    QTest::newRow("available after calls")
        << "db-mode/GET_api_activities_available.after-calls.json"
        << "available" << QList<qint64>{1};
    QTest::newRow("available file") << "file-mode/GET_api_activities_available.file-mode.json"
                                    << "available" << QList<qint64>{0};
    QTest::newRow("activity stats") << "db-mode/GET_api_activities_stats.json"
                                    << "activity" << QList<qint64>{11, 7, 4, 2};
    QTest::newRow("activity stats empty") << "db-mode/GET_api_activities_stats.empty.json"
                                          << "activity" << QList<qint64>{0, 0, 0, 0};
    QTest::newRow("activity stats filtered")
        << "db-mode/GET_api_activities_stats.filter-server-echo-local.json"
        << "activity" << QList<qint64>{5, 3, 2, 2};
}

void TestHubResponseParser::parsesStats()
{
    QFETCH(QString, capture);
    QFETCH(QString, kind);
    QFETCH(QList<qint64>, expected);
    const QByteArray b = body(capture);
    QList<qint64> got;
    if (kind == QLatin1String("openapi")) {
        const auto s = HubResponseParser::openApiStats(b, capture);
        QVERIFY(s.ok());
        got = {s->totalServers, s->totalTools};
    } else if (kind == QLatin1String("users")) {
        const auto s = HubResponseParser::userStats(b, capture);
        QVERIFY(s.ok());
        got = {s->totalUsers, s->adminUsers, s->regularUsers};
    } else if (kind == QLatin1String("available")) {
        const auto s = HubResponseParser::activitiesAvailable(b, capture);
        QVERIFY(s.ok());
        got = {*s ? 1 : 0};
    } else {
        const auto s = HubResponseParser::activityStats(b, capture);
        QVERIFY(s.ok());
        got = {s->totalCalls, s->successCount, s->errorCount, s->avgDurationMs};
    }
    QCOMPARE(got, expected);

    // The reference documents the user stats unwrapped; both forms are read.
    if (kind == QLatin1String("users")) {
        const auto bare = HubResponseParser::userStats(
            R"({"totalUsers":4,"adminUsers":1,"regularUsers":3})", QString());
        QVERIFY(bare.ok());
        QCOMPARE(bare->regularUsers, 3);
    }
}

void TestHubResponseParser::parsesActivityPages_data()
{
    QTest::addColumn<QString>("capture");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("total");
    QTest::addColumn<bool>("hasNext");
    QTest::newRow("empty") << "db-mode/GET_api_activities.empty.json" << 0 << 0 << false;
    QTest::newRow("default") << "db-mode/GET_api_activities.default.json" << 11 << 11 << false;
    QTest::newRow("page1") << "db-mode/GET_api_activities.page1.json" << 5 << 11 << true;
    QTest::newRow("page2") << "db-mode/GET_api_activities.page2.json" << 5 << 11 << true;
    QTest::newRow("page3") << "db-mode/GET_api_activities.page3.json" << 1 << 11 << false;
    QTest::newRow("status error") << "db-mode/GET_api_activities.filter-status-error.json" << 4 << 4
                                  << false;
    QTest::newRow("server") << "db-mode/GET_api_activities.filter-server-math-local.json" << 3 << 3
                            << false;
    QTest::newRow("keyName") << "db-mode/GET_api_activities.filter-keyName.json" << 2 << 2 << false;
}

void TestHubResponseParser::parsesActivityPages()
{
    QFETCH(QString, capture);
    QFETCH(int, rows);
    QFETCH(int, total);
    QFETCH(bool, hasNext);
    const auto page = HubResponseParser::activities(body(capture), capture);
    QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().toString()));
    QCOMPARE(page->records.size(), rows);
    QCOMPARE(page->pagination.total, total);
    QCOMPARE(page->pagination.hasNextPage, hasNext);
    for (qsizetype i = 1; i < page->records.size(); ++i)
        QVERIFY(page->records[i - 1].timestamp >= page->records[i].timestamp); // newest first
}

void TestHubResponseParser::activityRowIsShapedForUsageLogs()
{
    const auto page = HubResponseParser::activities(
        body(QStringLiteral("db-mode/GET_api_activities.filter-keyName.json")), QString());
    QVERIFY(page.ok());
    const ActivityRecord &r = page->records.first();
    QCOMPARE(r.id, QStringLiteral("dbddf728-c361-46b6-8733-c020df97b1a8"));
    QCOMPARE(r.timestamp, QDateTime(QDate(2026, 11, 25), QTime(19, 11, 56, 865), Qt::UTC));
    QCOMPARE(r.timestamp.timeSpec(), Qt::UTC);
    QCOMPARE(r.serverName, QStringLiteral("echo-local"));
    QCOMPARE(r.toolName, QStringLiteral("echo"));
    QVERIFY(r.success);
    QCOMPARE(r.durationMs, 2);
    QCOMPARE(r.username, QStringLiteral("system"));
    QCOMPARE(r.ip, QStringLiteral("127.0.0.1"));
    QCOMPARE(r.group, QStringLiteral("local-tools"));
    QCOMPARE(r.keyName, QStringLiteral("fixture-local-tools-only"));
    QCOMPARE(r.arguments, QStringLiteral("{\n  \"text\": \"group route\"\n}"));
    QVERIFY(r.errorMessage.isEmpty());

    const auto errors = HubResponseParser::activities(
        body(QStringLiteral("db-mode/GET_api_activities.filter-status-error.json")), QString());
    QVERIFY(errors.ok());
    const ActivityRecord &e = errors->records.first();
    QVERIFY(!e.success);
    QCOMPARE(e.errorMessage, QStringLiteral("Error | Server not found: anything"));
    QVERIFY(e.username.isNull());
    QVERIFY(e.output.isEmpty());
}

void TestHubResponseParser::errorBodiesAndPlaces()
{
    const QString where = QStringLiteral("hub-a (http://127.0.0.1:9/api/activities)");
    // File mode: no activity log.
    const auto notFound = HubResponseParser::activities(
        body(QStringLiteral("file-mode/GET_api_activities.404-file-mode.json")), where);
    QVERIFY(!notFound.ok());
    QCOMPARE(notFound.error().where, where);
    QVERIFY(notFound.error().message.contains(QStringLiteral("only available in database mode")));
    // Validation errors and the database-down 500 carry "message".
    QCOMPARE(HubResponseParser::errorMessage(
                 body(QStringLiteral("db-mode/GET_api_activities.400-limit.json"))),
             QStringLiteral("Limit must be between 1 and 100"));
    QCOMPARE(
        HubResponseParser::errorMessage(body(QStringLiteral("db-mode/GET_health.db-down.json"))),
        QStringLiteral("Internal server error"));
    QCOMPARE(HubResponseParser::errorMessage(
                 body(QStringLiteral("file-mode/GET_api_servers.401-no-token.json"))),
             QStringLiteral("No token, authorization denied"));
    // The 429 body is text/html.
    QVERIFY(HubResponseParser::errorMessage(
                body(QStringLiteral("rate-limit/GET_api_templates_export_groups_id.429.json")))
                .isEmpty());
    const auto garbage = HubResponseParser::health("<html>nginx</html>", where);
    QVERIFY(!garbage.ok());
    QCOMPARE(garbage.error().code, Error::Code::Parse);
    QCOMPARE(garbage.error().where, where);
    // A row without an id spoils the whole page: never a partial page.
    const auto partial = HubResponseParser::activities(
        R"({"success":true,"data":[{"id":"a","timestamp":"2026-11-25T19:12:03.398Z"},{"timestamp":"2026-11-25T19:12:03.398Z"}]})",
        where);
    QVERIFY(!partial.ok());
    QVERIFY(partial.error().where.endsWith(QStringLiteral("/data/1")));
}

QTEST_GUILESS_MAIN(TestHubResponseParser)
#include "tst_hubresponseparser.moc"
