// HubClient and HubResponseParser against the recorded MCPHub captures and the hub emulator,
// over real HTTP (and TLS) on 127.0.0.1.

#include "storage/hub/hubclient.h"
#include "storage/hub/hubresponseparser.h"
#include "tests/support/hubcapture.h"
#include "tests/support/hubemulator.h"
#include "tests/support/selfsignedcertificate.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace mcphub;
using namespace mcphub::test;

class TestHubClient : public QObject
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

    void servesCapturesOverHttp();
    void logsInAndSendsToken();
    void reloginOnceOn401();
    void wrongPasswordIsAuthFailure();
    void repeated401IsAuthFailureWithoutLoop();
    void bearerKey();
    void ownTimeoutDecides();
    void connectionRefused();
    void basePath();
    void malformedAndTruncatedBodies();
    void hugeBodyIsRefused();
    void tlsUntrustedNamesFingerprint();
    void tlsTrustedFingerprint();

private:
    static HubEndpoint endpoint(const HubEmulator &emulator,
                                HubEndpoint::Auth auth = HubEndpoint::Auth::Password);
    static std::optional<HubResponse>
    fetch(HubClient &client, const HubEndpoint &hub, const QString &path, int waitMs = 30'000);
    static QByteArray body(const QString &capture) { return HubCapture::load(capture).body; }
};

HubEndpoint TestHubClient::endpoint(const HubEmulator &emulator, HubEndpoint::Auth auth)
{
    HubEndpoint hub;
    hub.name = QStringLiteral("hub-under-test");
    hub.baseUrl = emulator.baseUrl();
    hub.auth = auth;
    hub.username = QStringLiteral("admin");
    hub.password = QStringLiteral("admin123");
    hub.timeoutMs = 20'000;
    return hub;
}

std::optional<HubResponse>
TestHubClient::fetch(HubClient &client, const HubEndpoint &hub, const QString &path, int waitMs)
{
    std::optional<HubResponse> result;
    QObject context;
    client.get(hub, path, &context, [&](const HubResponse &r) { result = r; });
    QTest::qWaitFor([&] { return result.has_value(); }, waitMs);
    return result;
}

void TestHubClient::capturesReplayByteExact_data()
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

void TestHubClient::capturesReplayByteExact()
{
    // The emulator re-serialises recorded bodies; the length Express announced proves the
    // bytes are the ones the real hub sent (key order, escaping, number format).
    QFETCH(QString, capture);
    const HubCapture c = HubCapture::load(capture);
    QVERIFY(c.recordedContentLength > 0);
    QCOMPARE(c.body.size(), c.recordedContentLength);
}

void TestHubClient::parsesHealth_data()
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

void TestHubClient::parsesHealth()
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

void TestHubClient::parsesConfigAndLogin()
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

void TestHubClient::parsesServers_data()
{
    QTest::addColumn<QString>("capture");
    QTest::addColumn<bool>("brokenEnabled");
    QTest::newRow("file healthy") << "file-mode/GET_api_servers.healthy.json" << false;
    QTest::newRow("file degraded") << "file-mode/GET_api_servers.degraded.json" << true;
    QTest::newRow("db degraded") << "db-mode/GET_api_servers.degraded.json" << true;
    QTest::newRow("limiter headers")
        << "rate-limit/GET_api_servers.general-limiter-headers.json" << false;
}

void TestHubClient::parsesServers()
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

void TestHubClient::parsesStats_data()
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

void TestHubClient::parsesStats()
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

void TestHubClient::parsesActivityPages_data()
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

void TestHubClient::parsesActivityPages()
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

void TestHubClient::activityRowIsShapedForUsageLogs()
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

void TestHubClient::errorBodiesAndPlaces()
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

void TestHubClient::servesCapturesOverHttp()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    HubClient client;
    const HubEndpoint hub = endpoint(emulator);

    const auto health = fetch(client, hub, QStringLiteral("/health"));
    QVERIFY(health);
    QCOMPARE(health->status, 200);
    QCOMPARE(health->body, body(QStringLiteral("file-mode/GET_health.healthy.json")));
    QCOMPARE(health->header("x-powered-by"), QByteArray("Express"));
    QVERIFY(health->header("RateLimit-Limit").isEmpty()); // /health is not rate-limited

    emulator.setMode(HubEmulator::Mode::Database);
    emulator.setHealth(HubEmulator::Health::Degraded);
    const auto degraded = fetch(client, hub, QStringLiteral("/health"));
    QVERIFY(degraded);
    QCOMPARE(degraded->body, body(QStringLiteral("db-mode/GET_health.degraded.json")));

    const auto servers = fetch(client, hub, QStringLiteral("/api/servers"));
    QVERIFY(servers);
    QCOMPARE(servers->status, 200);
    QCOMPARE(servers->body, body(QStringLiteral("db-mode/GET_api_servers.degraded.json")));
    QCOMPARE(servers->header("RateLimit-Policy"), QByteArray("600;w=900"));
    QCOMPARE(servers->header("RateLimit-Remaining"), QByteArray("598")); // login + this one
}

void TestHubClient::logsInAndSendsToken()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    HubClient client;
    const HubEndpoint hub = endpoint(emulator);
    const auto r = fetch(client, hub, QStringLiteral("/api/users-stats"));
    QVERIFY(r);
    QVERIFY2(r->ok(), qPrintable(r->error ? r->error->toString() : QString()));
    QVERIFY(client.hasToken(hub.name));
    const auto requests = emulator.requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests[0].method, QByteArray("POST"));
    QCOMPARE(requests[0].path, QStringLiteral("/api/auth/login"));
    QCOMPARE(requests[1].path, QStringLiteral("/api/users-stats"));
    QVERIFY(requests[1].headers.value("x-auth-token").startsWith("eyJ"));

    // The token is reused: no second login.
    QVERIFY(fetch(client, hub, QStringLiteral("/api/servers"))->ok());
    QCOMPARE(emulator.requestsTo(QStringLiteral("/api/auth/login")).size(), 1);
}

void TestHubClient::reloginOnceOn401()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    HubClient client;
    const HubEndpoint hub = endpoint(emulator);
    QVERIFY(fetch(client, hub, QStringLiteral("/api/servers"))->ok());
    emulator.expireTokens(); // a hub restart without JWT_SECRET, or 24 h later
    emulator.clearRequests();
    const auto r = fetch(client, hub, QStringLiteral("/api/servers"));
    QVERIFY(r);
    QVERIFY(r->ok());
    const auto requests = emulator.requests();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests[0].status, 401);
    QCOMPARE(requests[1].path, QStringLiteral("/api/auth/login"));
    QCOMPARE(requests[2].status, 200);
    QVERIFY(requests[2].headers.value("x-auth-token") != requests[0].headers.value("x-auth-token"));
}

void TestHubClient::wrongPasswordIsAuthFailure()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    HubClient client;
    HubEndpoint hub = endpoint(emulator);
    hub.password = QStringLiteral("not-the-password");
    const auto r = fetch(client, hub, QStringLiteral("/api/servers"));
    QVERIFY(r);
    QCOMPARE(r->failure, HubResponse::Failure::Auth);
    QVERIFY(r->error);
    QVERIFY(r->error->where.contains(hub.name));
    QVERIFY(r->error->where.contains(QStringLiteral("/api/auth/login")));
    QVERIFY(r->error->message.contains(QStringLiteral("Invalid username or password")));
    QVERIFY(!r->error->toString().contains(hub.password)); // never a secret in a message
    QVERIFY(!client.hasToken(hub.name));
    QCOMPARE(emulator.requests().size(), 1); // no /api/servers without a token
}

void TestHubClient::repeated401IsAuthFailureWithoutLoop()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    HubClient client;
    const HubEndpoint hub = endpoint(emulator);
    QVERIFY(fetch(client, hub, QStringLiteral("/api/servers"))->ok());
    emulator.addFault(QStringLiteral("/api/servers"), {HubEmulator::Fault::Kind::Unauthorized}, 5);
    emulator.clearRequests();
    const auto r = fetch(client, hub, QStringLiteral("/api/servers"));
    QVERIFY(r);
    QCOMPARE(r->failure, HubResponse::Failure::Auth);
    QCOMPARE(r->status, 401);
    QCOMPARE(emulator.requestsTo(QStringLiteral("/api/servers")).size(), 2); // re-login once only
    QCOMPARE(emulator.requestsTo(QStringLiteral("/api/auth/login")).size(), 1);
}

void TestHubClient::bearerKey()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    emulator.setBearerKey("mcphub_test_key");
    HubClient client;
    HubEndpoint hub = endpoint(emulator, HubEndpoint::Auth::BearerKey);
    hub.bearerKey = QStringLiteral("mcphub_test_key");
    QVERIFY(fetch(client, hub, QStringLiteral("/api/servers"))->ok());
    QCOMPARE(emulator.requests().first().headers.value("authorization"),
             QByteArray("Bearer mcphub_test_key"));
    hub.bearerKey = QStringLiteral("wrong");
    const auto refused = fetch(client, hub, QStringLiteral("/api/servers"));
    QVERIFY(refused);
    QCOMPARE(refused->failure, HubResponse::Failure::Auth);
    QCOMPARE(emulator.requestsTo(QStringLiteral("/api/auth/login")).size(), 0);
}

void TestHubClient::ownTimeoutDecides()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    emulator.setHealth(HubEmulator::Health::DatabaseDown);
    emulator.setDatabaseDownDelayMs(20'000); // the real hub waits ~45 s, then answers 500
    HubClient client;
    HubEndpoint hub = endpoint(emulator);
    hub.timeoutMs = 300;
    const auto r = fetch(client, hub, QStringLiteral("/health"), 15'000);
    QVERIFY(r); // it came well before the hub would have answered
    QCOMPARE(r->failure, HubResponse::Failure::Timeout);
    QCOMPARE(r->status, 0);
    QVERIFY(r->elapsedMs < 15'000);
    QVERIFY(r->error->where.contains(QStringLiteral("hub-under-test")));
    QVERIFY(r->error->where.contains(QStringLiteral("/health")));

    // With a shorter hang the hub's 500 arrives before the deadline.
    emulator.setDatabaseDownDelayMs(50);
    hub.timeoutMs = 10'000;
    const auto answered = fetch(client, hub, QStringLiteral("/health"));
    QVERIFY(answered);
    QCOMPARE(answered->failure, HubResponse::Failure::None);
    QCOMPARE(answered->status, 500);
    QVERIFY(answered->error->message.contains(QStringLiteral("Internal server error")));
}

void TestHubClient::connectionRefused()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    const HubEndpoint hub = endpoint(emulator);
    emulator.close();
    HubClient client;
    const auto r = fetch(client, hub, QStringLiteral("/health"));
    QVERIFY(r);
    QCOMPARE(r->failure, HubResponse::Failure::Connection);
    QVERIFY(!r->error->detail.isEmpty());
}

void TestHubClient::basePath()
{
    HubEmulator emulator;
    emulator.setBasePath(QStringLiteral("/mcphub"));
    QVERIFY(emulator.listen());
    HubClient client;
    const HubEndpoint hub = endpoint(emulator);
    QCOMPARE(hub.urlFor(QStringLiteral("/health")).path(), QStringLiteral("/health"));
    QCOMPARE(hub.urlFor(QStringLiteral("/api/servers?page=2")).toString(),
             emulator.baseUrl().toString() + QStringLiteral("/api/servers?page=2"));
    QCOMPARE(fetch(client, hub, QStringLiteral("/health"))->status, 200);
    const auto config = fetch(client, hub, QStringLiteral("/config"));
    QCOMPARE(config->status, 200);
    QCOMPARE(*HubResponseParser::version(config->body, QString()), QStringLiteral("dev"));
    QVERIFY(fetch(client, hub, QStringLiteral("/api/servers"))->ok());
}

void TestHubClient::malformedAndTruncatedBodies()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    HubClient client;
    const HubEndpoint hub = endpoint(emulator);
    emulator.addFault(QStringLiteral("/config"), {HubEmulator::Fault::Kind::MalformedJson});
    const auto malformed = fetch(client, hub, QStringLiteral("/config"));
    QVERIFY(malformed);
    QCOMPARE(malformed->status, 200);
    const auto version = HubResponseParser::version(malformed->body, hub.where(malformed->path));
    QVERIFY(!version.ok());
    QCOMPARE(version.error().code, Error::Code::Parse);

    emulator.addFault(QStringLiteral("/config"), {HubEmulator::Fault::Kind::Truncated});
    const auto truncated = fetch(client, hub, QStringLiteral("/config"));
    QVERIFY(truncated);
    QVERIFY(!truncated->ok());
    QVERIFY(truncated->error);
}

void TestHubClient::hugeBodyIsRefused()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    HubClient client;
    const HubEndpoint hub = endpoint(emulator);
    QVERIFY(fetch(client, hub, QStringLiteral("/api/servers"))->ok()); // logged in
    emulator.addFault(QStringLiteral("/api/servers"),
                      {HubEmulator::Fault::Kind::HugeBody}); // 50 MB
    const auto huge = fetch(client, hub, QStringLiteral("/api/servers"));
    QVERIFY(huge);
    QCOMPARE(huge->failure, HubResponse::Failure::Connection);
    QVERIFY(huge->body.isEmpty());
    QVERIFY2(huge->error->message.contains(QStringLiteral("32 MB")),
             qPrintable(huge->error->message));

    // Below the limit the same padded body is read and parsed.
    HubEmulator::Fault big{HubEmulator::Fault::Kind::HugeBody};
    big.bodyBytes = 8 * 1024 * 1024;
    emulator.addFault(QStringLiteral("/api/servers"), big);
    const auto ok = fetch(client, hub, QStringLiteral("/api/servers"));
    QVERIFY(ok && ok->ok());
    QCOMPARE(ok->body.size(), big.bodyBytes);
    QCOMPARE(HubResponseParser::servers(ok->body, QString())->size(), 5);
}

void TestHubClient::tlsUntrustedNamesFingerprint()
{
    QTemporaryDir dir;
    QSslCertificate certificate;
    QSslKey key;
    QString error;
    QVERIFY2(makeSelfSignedCertificate(dir.path(), &certificate, &key, &error), qPrintable(error));
    HubEmulator emulator;
    QVERIFY(emulator.listenTls(certificate, key));
    QCOMPARE(emulator.baseUrl().scheme(), QStringLiteral("https"));
    HubClient client;
    const HubEndpoint hub = endpoint(emulator);
    const auto r = fetch(client, hub, QStringLiteral("/health"));
    QVERIFY(r);
    QCOMPARE(r->failure, HubResponse::Failure::Tls);
    const QByteArray sha = certificate.digest(QCryptographicHash::Sha256);
    QCOMPARE(r->peerCertificateSha256, sha);
    QVERIFY2(r->error->message.contains(HubEndpoint::displayFingerprint(sha)),
             qPrintable(r->error->message));
    QVERIFY(emulator.requests().isEmpty()); // nothing was sent over the untrusted channel

    // Another certificate's fingerprint does not open the door either.
    HubEndpoint other = hub;
    other.trustedCertificateSha256 = QString::fromLatin1(QByteArray(32, '\x11').toHex(':'));
    QCOMPARE(fetch(client, other, QStringLiteral("/health"))->failure, HubResponse::Failure::Tls);
}

void TestHubClient::tlsTrustedFingerprint()
{
    QTemporaryDir dir;
    QSslCertificate certificate;
    QSslKey key;
    QString error;
    QVERIFY2(makeSelfSignedCertificate(dir.path(), &certificate, &key, &error), qPrintable(error));
    HubEmulator emulator;
    QVERIFY(emulator.listenTls(certificate, key));
    HubClient client;
    HubEndpoint hub = endpoint(emulator);
    // As the user would paste it from the error message: upper case with colons.
    hub.trustedCertificateSha256
        = HubEndpoint::displayFingerprint(certificate.digest(QCryptographicHash::Sha256));
    const auto health = fetch(client, hub, QStringLiteral("/health"));
    QVERIFY(health);
    QVERIFY2(health->ok(), qPrintable(health->error ? health->error->toString() : QString()));
    QCOMPARE(health->body, body(QStringLiteral("file-mode/GET_health.healthy.json")));
    const auto servers = fetch(client, hub, QStringLiteral("/api/servers"));
    QVERIFY(servers->ok()); // login and token over TLS too
}

QTEST_GUILESS_MAIN(TestHubClient)
#include "tst_hubclient.moc"
