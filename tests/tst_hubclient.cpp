// HubClient against the hub emulator (which replays the recorded MCPHub captures),
// over real HTTP (and TLS) on 127.0.0.1.

#include "storage/db/serverrepository.h"
#include "storage/hub/hubchangeapplier.h"
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
    void serverChangesMapToMcphubsCalls();
    void changesReachEveryHubAsItsApiExpects();
    void failingAndHangingHubsAreReported();

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
    if (!QTest::qWaitFor([&] { return result.has_value(); }, waitMs))
        return std::nullopt; // the caller's QVERIFY(response) fails
    return result;
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

// What a committed change to a servers row asks of a running hub (mcphub-dbmode.md §2.4,
// §11): inserted or enabled -> toggle true; disabled or removed -> toggle false; connection
// fields -> reload; fields read per request (tools) -> nothing.
void TestHubClient::serverChangesMapToMcphubsCalls()
{
    using Kind = HubChange::Kind;
    ServerRecord a;
    a.name = QStringLiteral("fs");
    a.command = QStringLiteral("npx");
    a.args = QStringLiteral("[\"-y\"]");
    ServerRecord disabled = a;
    disabled.enabled = false;
    ServerRecord moved = a;
    moved.args = QStringLiteral("[\"-y\",\"x\"]");
    ServerRecord tools = a;
    tools.tools = QStringLiteral("{\"fs-read\":{\"enabled\":false}}");
    ServerRecord renamed = a;
    renamed.name = QStringLiteral("files");

    QCOMPARE(HubChange::forServer(std::nullopt, a), QList{HubChange::startServer(a.name)});
    QCOMPARE(HubChange::forServer(std::nullopt, disabled), QList<HubChange>{});
    QCOMPARE(HubChange::forServer(a, disabled), QList{HubChange::stopServer(a.name)});
    QCOMPARE(HubChange::forServer(disabled, a), QList{HubChange::startServer(a.name)});
    QCOMPARE(HubChange::forServer(a, moved), QList{HubChange::reloadServer(a.name)});
    QCOMPARE(HubChange::forServer(disabled, disabled), QList<HubChange>{});
    QCOMPARE(HubChange::forServer(a, tools), QList<HubChange>{});
    QCOMPARE(HubChange::forServer(a, std::nullopt), QList{HubChange::stopServer(a.name)});
    QCOMPARE(HubChange::forServer(disabled, std::nullopt), QList<HubChange>{});
    QCOMPARE(HubChange::forServer(a, renamed),
             (QList{HubChange::stopServer(QStringLiteral("fs")),
                    HubChange::startServer(QStringLiteral("files"))}));

    const HubChange start = HubChange::startServer(QStringLiteral("a b/c"));
    QCOMPARE(start.kind, Kind::StartServer);
    QCOMPARE(start.method(), QByteArray("POST"));
    QCOMPARE(start.path(), QStringLiteral("/api/servers/a%20b%2Fc/toggle"));
    QCOMPARE(start.body(), QByteArray(R"({"enabled":true})"));
    QCOMPARE(HubChange::reloadServer(QStringLiteral("x")).path(),
             QStringLiteral("/api/servers/x/reload"));
    const HubChange config = HubChange::refreshSystemConfig(QStringLiteral("-"));
    QCOMPARE(config.method(), QByteArray("PUT"));
    QCOMPARE(config.path(), QStringLiteral("/api/system-config"));
    QCOMPARE(config.body(), QByteArray(R"({"nameSeparator":"-"})"));
    QVERIFY(HubChange::refreshesSystemConfig(QStringLiteral("activityLog")));
    QVERIFY(!HubChange::refreshesSystemConfig(QStringLiteral("routing")));
}

namespace {

std::optional<QList<HubChangeResult>> applyAndWait(HubChangeApplier &applier,
                                                   const QList<HubEndpoint> &hubs,
                                                   const QList<HubChange> &changes)
{
    std::optional<QList<HubChangeResult>> out;
    applier.apply(hubs, changes, [&out](const QList<HubChangeResult> &r) { out = r; });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, 60'000))
        return std::nullopt;
    return out; // empty when it never finished
}

QStringList calls(const HubEmulator &hub)
{
    QStringList out;
    for (const HubEmulator::Request &r : hub.requests()) {
        if (r.path != QLatin1String("/api/auth/login"))
            out << QString::fromLatin1(r.method) + QLatin1Char(' ') + r.path + QLatin1Char(' ')
                       + QString::fromUtf8(r.body);
    }
    return out;
}

} // namespace

// Every linked hub gets exactly the calls, in order, with its own credentials.
void TestHubClient::changesReachEveryHubAsItsApiExpects()
{
    HubEmulator first, second;
    second.setBearerKey("bearer-key-for-second");
    QVERIFY(first.listen());
    QVERIFY(second.listen());
    HubEndpoint one = endpoint(first);
    one.name = QStringLiteral("one");
    HubEndpoint two = endpoint(second, HubEndpoint::Auth::BearerKey);
    two.name = QStringLiteral("two");
    two.bearerKey = QStringLiteral("bearer-key-for-second");

    HubClient client;
    HubChangeApplier applier(&client);
    const QList<HubChange> changes{HubChange::startServer(QStringLiteral("new")),
                                   HubChange::reloadServer(QStringLiteral("edited")),
                                   HubChange::stopServer(QStringLiteral("off")),
                                   HubChange::refreshSystemConfig(QStringLiteral("__"))};
    const auto results = applyAndWait(applier, {one, two}, changes);
    QVERIFY(results);
    QCOMPARE(results->size(), 8);
    for (int i = 0; i < results->size(); ++i) {
        const HubChangeResult &r = results->at(i);
        QVERIFY2(r.applied, qPrintable(r.text()));
        QCOMPARE(r.hub, i < 4 ? QStringLiteral("one") : QStringLiteral("two"));
        QCOMPARE(r.change, changes.at(i % 4));
        QVERIFY2(r.text().endsWith(QLatin1String(": done")), qPrintable(r.text()));
    }
    const QStringList expected{QStringLiteral(R"(POST /api/servers/new/toggle {"enabled":true})"),
                               QStringLiteral("POST /api/servers/edited/reload {}"),
                               QStringLiteral(R"(POST /api/servers/off/toggle {"enabled":false})"),
                               QStringLiteral(R"(PUT /api/system-config {"nameSeparator":"__"})")};
    QCOMPARE(calls(first), expected);
    QCOMPARE(calls(second), expected);
    for (const HubEmulator::Request &r : second.requests())
        QCOMPARE(r.headers.value("authorization"), QByteArray("Bearer bearer-key-for-second"));
}

// A hub answering 500 gets a failure naming it and what to do; a hub that hangs is not sent
// the rest, and each change "applies at the next restart"; the other hub is not held up.
void TestHubClient::failingAndHangingHubsAreReported()
{
    HubEmulator failing, hanging, fine;
    QVERIFY(failing.listen());
    QVERIFY(hanging.listen());
    QVERIFY(fine.listen());
    HubEmulator::Fault error;
    error.kind = HubEmulator::Fault::Kind::ServerError;
    failing.addFault(QStringLiteral("/api/servers/a/toggle"), error);
    HubEmulator::Fault hang;
    hang.kind = HubEmulator::Fault::Kind::Hang;
    hang.delayMs = 30'000;
    hanging.addFault(QStringLiteral("/api/servers/"), hang, 10);
    HubEndpoint f = endpoint(failing);
    f.name = QStringLiteral("failing");
    HubEndpoint h = endpoint(hanging);
    h.name = QStringLiteral("hanging");
    h.timeoutMs = 1'500;
    HubEndpoint ok = endpoint(fine);
    ok.name = QStringLiteral("fine");

    HubClient client;
    HubChangeApplier applier(&client);
    const QList<HubChange> changes{HubChange::startServer(QStringLiteral("a")),
                                   HubChange::startServer(QStringLiteral("b"))};
    const auto results = applyAndWait(applier, {f, h, ok}, changes);
    QVERIFY(results);
    QCOMPARE(results->size(), 6);
    QVERIFY(!results->at(0).applied && !results->at(0).unreachable);
    QVERIFY2(results->at(0).text().contains(QLatin1String("failing: start server \"a\": failed"))
                 && results->at(0).text().contains(QLatin1String("500"))
                 && results->at(0).text().contains(QLatin1String("restart failing")),
             qPrintable(results->at(0).text()));
    QVERIFY(results->at(1).applied); // the next change is still sent
    for (int i = 2; i < 4; ++i) {
        QVERIFY(results->at(i).unreachable);
        QVERIFY2(
            results->at(i).text().contains(QLatin1String("applies at the next restart of hanging")),
            qPrintable(results->at(i).text()));
    }
    QCOMPARE(hanging.requestsTo(QStringLiteral("/api/servers/b/toggle")).size(), 0);
    QVERIFY(results->at(4).applied && results->at(5).applied);
}

QTEST_GUILESS_MAIN(TestHubClient)
#include "tst_hubclient.moc"
