// 100 emulated hubs (database mode, one in ten degraded) polled every 5 s for 60 s
// (`bench_hubpoller [SECONDS] [INTERVAL_MS]`), the hubs served by a separate process so that
// only the console is measured: its CPU time as a share of one core (target < 2 %). The floor
// is a bare QNetworkAccessManager replaying exactly the GETs the poller made (same hubs, same
// paths, so the same answers) with nothing parsed, as a share of the same wall time: when the
// poller's schedule changes, the floor follows it.

#include "storage/hub/hubclient.h"
#include "storage/hub/hubpoller.h"
#include "tests/support/benchreport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTest>
#include <QTimer>

#include <sys/resource.h>

using namespace mcphub;

namespace {

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // A 5 s interval is too short for MCPHub's budget, and the poller says so once per hub.
    QLoggingCategory::setFilterRules(QStringLiteral("mcphub.hub.warning=false"));
    const int seconds = argc > 1 ? std::atoi(argv[1]) : 60;
    const int intervalMs = argc > 2 ? std::atoi(argv[2]) : 5000;
    constexpr int kHubs = 100;

    QProcess server;
    server.start(QCoreApplication::applicationDirPath() + QStringLiteral("/hubemulator_server"),
                 {QString::number(kHubs)});
    QList<int> ports;
    QElapsedTimer startup;
    startup.start();
    while (startup.elapsed() < 60'000) {
        if (!server.canReadLine() && !server.waitForReadyRead(1000))
            continue;
        const QByteArray line = server.readLine().trimmed();
        if (line.startsWith("PORT "))
            ports.append(line.mid(5).toInt());
        if (line == "READY")
            break;
    }
    if (ports.size() != kHubs)
        qFatal("the hub emulator process did not start: %s",
               server.readAllStandardError().constData());

    HubClient client;
    HubPoller poller(&client);
    // Every GET the poller made, in order: what the floor replays (logins are not replayed;
    // the floor logs in once per hub before it is measured).
    QList<QPair<int, QString>> made; // hub index ("hub-<index>"), path with its query
    made.reserve(seconds * kHubs * 10);
    int logins = 0;
    QObject::connect(
        &client, &HubClient::exchangeFinished, [&](const QString &hubName, const HubResponse &r) {
            if (r.path == QLatin1String("/api/auth/login")) {
                ++logins;
                return;
            }
            made.append({QStringView(hubName).mid(4).toInt(), r.path});
        });
    int samples = 0;
    int unhealthy = 0;
    QObject::connect(&poller, &HubPoller::sampleReady, [&](const QString &, const HubSample &s) {
        ++samples;
        unhealthy += s.state == HubState::Healthy || s.state == HubState::Degraded ? 0 : 1;
    });

    const double cpuBefore = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < kHubs; ++i) {
        HubEndpoint hub;
        hub.name = QStringLiteral("hub-%1").arg(i);
        hub.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(ports[i]));
        hub.auth = HubEndpoint::Auth::Password;
        hub.username = QStringLiteral("admin");
        hub.password = QStringLiteral("admin123");
        hub.pollIntervalMs = intervalMs;
        poller.addHub(hub);
    }
    // Wait in the event loop itself: QTest::qWait wakes every 10 ms to process events and sleep
    // again, and that CPU time would be counted as the poller's.
    QEventLoop polling;
    QTimer::singleShot(seconds * 1000, &polling, &QEventLoop::quit);
    polling.exec();
    const double pollerCpu = cpuSeconds() - cpuBefore;
    const double wallSeconds = wall.elapsed() / 1000.0;
    for (const QString &name : poller.hubNames())
        poller.removeHub(name);

    // The floor: the same GETs with a bare QNetworkAccessManager, 10 at a time.
    QNetworkAccessManager network;
    const int exchanges = int(made.size());
    QList<QByteArray> tokens(kHubs);
    int loggedIn = 0;
    for (int i = 0; i < kHubs; ++i) {
        QNetworkRequest login(
            QUrl(QStringLiteral("http://127.0.0.1:%1/api/auth/login").arg(ports[i])));
        login.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *reply = network.post(login, R"({"username":"admin","password":"admin123"})");
        QObject::connect(reply, &QNetworkReply::finished, [&, reply, i] {
            const QByteArray body = reply->readAll();
            const qsizetype at = body.indexOf("\"token\":\"") + 9;
            tokens[i] = body.mid(at, body.indexOf('"', at) - at);
            ++loggedIn;
            reply->deleteLater();
        });
    }
    if (!QTest::qWaitFor([&] { return loggedIn == kHubs; }, 60'000))
        qFatal("the floor could not log in to every emulated hub");
    const double floorBefore = cpuSeconds();
    QEventLoop replaying; // not QTest::qWaitFor, for the same reason
    QTimer::singleShot(300'000, &replaying, &QEventLoop::quit);
    int sent = 0;
    int done = 0;
    std::function<void()> sendNext = [&] {
        if (sent >= exchanges)
            return;
        const auto &[hub, path] = made[sent++];
        QNetworkRequest request(
            QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(ports[hub]).arg(path)));
        request.setRawHeader("x-auth-token", tokens[hub]);
        QNetworkReply *reply = network.get(request);
        QObject::connect(reply, &QNetworkReply::finished, [&, reply] {
            reply->readAll();
            reply->deleteLater();
            if (++done == exchanges)
                replaying.quit();
            sendNext();
        });
    };
    for (int i = 0; i < 10; ++i)
        sendNext();
    if (exchanges > 0)
        replaying.exec();
    if (done != exchanges)
        qFatal("the floor's requests did not finish");
    const double floorCpu = cpuSeconds() - floorBefore;

    server.closeWriteChannel();
    if (!server.waitForFinished(10'000))
        server.kill();

    const double share = 100.0 * pollerCpu / wallSeconds;
    const double floorShare = 100.0 * floorCpu / wallSeconds;
    test::printBench(
        QStringLiteral("hub_poll_%1hubs_every_%2ms_cpu_pct").arg(kHubs).arg(intervalMs),
        share,
        floorShare,
        QStringLiteral("value<2"));
    std::printf("# %d samples (%d not healthy/degraded), %d GETs (%.2f per poll) and %d logins in "
                "%.1f s; poller %.3f s CPU, bare QNetworkAccessManager %.3f s CPU for the same "
                "GETs\n",
                samples,
                unhealthy,
                exchanges,
                samples ? double(exchanges) / samples : 0.0,
                logins,
                wallSeconds,
                pollerCpu,
                floorCpu);
    return 0;
}
