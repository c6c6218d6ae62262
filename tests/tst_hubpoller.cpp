// HubPoller against the hub emulator over real HTTP on 127.0.0.1: states, backoff, rate-limit
// budget and Retry-After, and the incremental activity sync. Intervals are short (50-200 ms)
// and every wait is bounded.

#include "storage/hub/hubbackoff.h"
#include "storage/hub/hubpoller.h"
#include "tests/support/hubcapture.h"
#include "tests/support/hubemulator.h"

#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace mcphub;
using namespace mcphub::test;

class TestHubPoller : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void healthyHubSample();
    void publicOnlyWithoutCredentials();
    void stateFollowsTheHub();
    void hangingHubIsUnreachableNotStuck();
    void refusedIsUnreachable();
    void authFailedState();
    void backoffStaysWithinJitterBounds();
    void pollerBacksOffAndRecovers();
    void retryAfterIsHonoured();
    void budgetWarning();
    void budgetKeepsUnderTheLimit();
    void activitiesWithoutDuplicates();
    void failedPageHandsOnNothing();
    void cursorResumesSync();
    void removedHubStopsPolling();
    void pollNowPollsAtOnce();
    void scheduleFollowsTheOptionsTable();
    void defaultScheduleReadsRareKindsEveryTenthPoll();
    void stateChangeReadsTheWholeSet();
    void carriedValuesAreTheLastRead();
    void activityPagesOnlyWhenTotalsMove();

private:
    static HubEndpoint endpoint(const HubEmulator &emulator, int intervalMs);
    static HubSample sampleAt(const QSignalSpy &spy, qsizetype i)
    {
        return spy.at(i).at(1).value<HubSample>();
    }
    // Waits (bounded) until a sample satisfying `accept` arrives; returns it.
    static std::optional<HubSample>
    waitForSample(QSignalSpy &spy,
                  const std::function<bool(const HubSample &)> &accept,
                  int timeoutMs = 20'000);
    // Polls `hub` once more (pollNow) and returns the paths of that poll's requests, without
    // their queries and logins, in order.
    static QStringList
    pollOnce(HubPoller &poller, const QString &hub, HubEmulator &emulator, QSignalSpy &samples);
};

QStringList TestHubPoller::pollOnce(HubPoller &poller,
                                    const QString &hub,
                                    HubEmulator &emulator,
                                    QSignalSpy &samples)
{
    emulator.clearRequests();
    const qsizetype before = samples.size();
    poller.pollNow(hub);
    if (!QTest::qWaitFor([&] { return samples.size() > before; }, 20'000))
        return {QStringLiteral("no sample")};
    QStringList paths;
    for (const auto &r : emulator.requests()) {
        if (r.path != QLatin1String("/api/auth/login"))
            paths.append(r.path);
    }
    return paths;
}

HubEndpoint TestHubPoller::endpoint(const HubEmulator &emulator, int intervalMs)
{
    HubEndpoint hub;
    hub.name = QStringLiteral("hub-%1").arg(emulator.port());
    hub.baseUrl = emulator.baseUrl();
    hub.auth = HubEndpoint::Auth::Password;
    hub.username = QStringLiteral("admin");
    hub.password = QStringLiteral("admin123");
    hub.pollIntervalMs = intervalMs;
    hub.timeoutMs = 10'000;
    return hub;
}

std::optional<HubSample> TestHubPoller::waitForSample(
    QSignalSpy &spy, const std::function<bool(const HubSample &)> &accept, int timeoutMs)
{
    qsizetype seen = 0;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        for (; seen < spy.size(); ++seen) {
            const HubSample s = sampleAt(spy, seen);
            if (accept(s))
                return s;
        }
        spy.wait(int(qMax<qint64>(1, qMin<qint64>(500, timeoutMs - clock.elapsed()))));
    }
    return std::nullopt;
}

void TestHubPoller::healthyHubSample()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    HubPoller poller;
    QSignalSpy samples(&poller, &HubPoller::sampleReady);
    const HubEndpoint hub = endpoint(emulator, 60'000);
    poller.addHub(hub);
    QVERIFY(samples.wait(20'000));
    QCOMPARE(samples.first().at(0).toString(), hub.name);
    const HubSample s = sampleAt(samples, 0);
    QCOMPARE(s.state, HubState::Healthy);
    QVERIFY2(s.lastError.isEmpty(), qPrintable(s.lastError));
    QCOMPARE(s.version, QStringLiteral("dev"));
    QCOMPARE(s.healthMessage, QStringLiteral("All enabled MCP servers are ready"));
    QCOMPARE(s.serversTotal, 3);
    QCOMPARE(s.serversConnected, 3);
    QCOMPARE(s.serversDisconnected, 0);
    QCOMPARE(s.servers.size(), 5);
    QVERIFY(s.openApi); // counted from /api/servers, as the recorded /api/openapi/stats says
    QCOMPARE(s.openApi->totalServers, 3);
    QCOMPARE(s.openApi->totalTools, 9);
    QVERIFY(s.users);
    QCOMPARE(s.users->totalUsers, 1);
    QVERIFY(!s.activitiesAvailable); // file mode
    QVERIFY(!s.activity);
    QVERIFY(s.latencyMs >= 0);
    QCOMPARE(s.timestamp.timeSpec(), Qt::UTC);
    QCOMPARE(s.carried, HubSample::Parts()); // the first poll reads everything

    QStringList paths;
    for (const auto &r : emulator.requests())
        paths.append(r.path);
    QCOMPARE(paths,
             QStringList({QStringLiteral("/health"),
                          QStringLiteral("/config"),
                          QStringLiteral("/api/auth/login"),
                          QStringLiteral("/api/servers"),
                          QStringLiteral("/api/users-stats"),
                          QStringLiteral("/api/activities/available")}));
    QCOMPARE(HubSample::stateName(s.state), QStringLiteral("healthy"));
    QCOMPARE(HubSample::stateFromName(QStringLiteral("auth-failed")), HubState::AuthFailed);
}

void TestHubPoller::publicOnlyWithoutCredentials()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    HubPoller poller;
    QSignalSpy samples(&poller, &HubPoller::sampleReady);
    HubEndpoint hub = endpoint(emulator, 60'000);
    hub.auth = HubEndpoint::Auth::None;
    poller.addHub(hub);
    QVERIFY(samples.wait(20'000));
    const HubSample s = sampleAt(samples, 0);
    QCOMPARE(s.state, HubState::Healthy);
    QCOMPARE(s.version, QStringLiteral("dev"));
    QVERIFY(s.servers.isEmpty());
    QCOMPARE(emulator.requests().size(), 2); // /health and /config only
    QVERIFY(poller.budgetWarning(hub.name).isEmpty());
}

void TestHubPoller::stateFollowsTheHub()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    emulator.setDatabaseDownDelayMs(100);
    HubPoller poller;
    QSignalSpy samples(&poller, &HubPoller::sampleReady);
    poller.addHub(endpoint(emulator, 100));
    QVERIFY(
        waitForSample(samples, [](const HubSample &s) { return s.state == HubState::Healthy; }));

    emulator.setHealth(HubEmulator::Health::Degraded);
    const auto degraded = waitForSample(samples, [](const HubSample &s) {
        return s.state == HubState::Degraded && !s.servers.isEmpty();
    });
    QVERIFY(degraded);
    QCOMPARE(degraded->serversDisconnected, 1);
    QVERIFY(degraded->servers.at(3).error.contains(QStringLiteral("ENOENT")));

    emulator.setHealth(HubEmulator::Health::DatabaseDown); // 500 after 100 ms
    const auto unhealthy
        = waitForSample(samples, [](const HubSample &s) { return s.state == HubState::Unhealthy; });
    QVERIFY(unhealthy);
    QVERIFY2(unhealthy->lastError.contains(QStringLiteral("Internal server error")),
             qPrintable(unhealthy->lastError));
    QVERIFY(unhealthy->lastError.contains(QStringLiteral("/health")));

    emulator.setHealth(HubEmulator::Health::Healthy);
    QVERIFY(
        waitForSample(samples, [](const HubSample &s) { return s.state == HubState::Healthy; }));
}

void TestHubPoller::hangingHubIsUnreachableNotStuck()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    emulator.setHealth(HubEmulator::Health::DatabaseDown);
    emulator.setDatabaseDownDelayMs(60'000); // the real one hangs ~45 s
    HubPoller poller;
    QSignalSpy samples(&poller, &HubPoller::sampleReady);
    HubEndpoint hub = endpoint(emulator, 100);
    hub.timeoutMs = 300;
    poller.addHub(hub);
    QVERIFY(samples.wait(20'000));
    const HubSample first = sampleAt(samples, 0);
    QCOMPARE(first.state, HubState::Unreachable);
    QVERIFY(first.lastError.contains(hub.name));
    QCOMPARE(first.latencyMs, -1);
    // Not stuck: the next poll comes (after its backoff) and meets the same deadline.
    QVERIFY(waitForSample(
        samples, [](const HubSample &) { return true; }, 20'000));
    QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= 2, 20'000);
    QVERIFY(poller.consecutiveFailures(hub.name) >= 2);
}

void TestHubPoller::refusedIsUnreachable()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    const HubEndpoint hub = endpoint(emulator, 100);
    emulator.close();
    HubPoller poller;
    QSignalSpy samples(&poller, &HubPoller::sampleReady);
    poller.addHub(hub);
    QVERIFY(samples.wait(20'000));
    const HubSample s = sampleAt(samples, 0);
    QCOMPARE(s.state, HubState::Unreachable);
    QVERIFY(s.lastError.contains(hub.baseUrl.toString()));
}

void TestHubPoller::authFailedState()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    HubPoller poller;
    QSignalSpy samples(&poller, &HubPoller::sampleReady);
    HubEndpoint hub = endpoint(emulator, 100);
    hub.password = QStringLiteral("wrong-password");
    poller.addHub(hub);
    QVERIFY(samples.wait(20'000));
    const HubSample s = sampleAt(samples, 0);
    QCOMPARE(s.state, HubState::AuthFailed);
    QVERIFY2(s.lastError.contains(QStringLiteral("Invalid username or password")),
             qPrintable(s.lastError));
    QVERIFY(!s.lastError.contains(hub.password));
    QCOMPARE(s.serversTotal, 3); // /health (public) was still read
    QCOMPARE(poller.consecutiveFailures(hub.name), 1);
    QCOMPARE(emulator.requestsTo(QStringLiteral("/api/servers")).size(), 0);
}

void TestHubPoller::backoffStaysWithinJitterBounds()
{
    HubBackoff probe(100, 10'000, 0.2);
    QCOMPARE(probe.minimumDelayMs(0), 80);
    QCOMPARE(probe.maximumDelayMs(0), 120);
    QCOMPARE(probe.minimumDelayMs(3), 640);
    QCOMPARE(probe.maximumDelayMs(3), 960);
    QCOMPARE(probe.maximumDelayMs(10), 10'000); // capped
    QList<double> means(9, 0.0);
    QSet<int> distinct;
    constexpr int kRounds = 200;
    for (int round = 0; round < kRounds; ++round) {
        HubBackoff b(100, 10'000, 0.2);
        for (int k = 0; k < 9; ++k) {
            const int d = b.nextDelayMs();
            QVERIFY2(d >= b.minimumDelayMs(k) && d <= b.maximumDelayMs(k),
                     qPrintable(QStringLiteral("failure %1: %2 ms").arg(k).arg(d)));
            means[k] += d / double(kRounds);
            if (k == 3)
                distinct.insert(d);
        }
    }
    QVERIFY(distinct.size() > 20); // jitter is really random
    for (int k = 1; k < 7; ++k)
        QVERIFY(means[k] > 1.5 * means[k - 1]); // and the delay grows exponentially
}

void TestHubPoller::pollerBacksOffAndRecovers()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    emulator.addFault(QStringLiteral("/health"), {HubEmulator::Fault::Kind::ServerError}, 4);
    HubPoller poller;
    QSignalSpy scheduled(&poller, &HubPoller::pollScheduled);
    QSignalSpy samples(&poller, &HubPoller::sampleReady);
    const HubEndpoint hub = endpoint(emulator, 100);
    poller.addHub(hub);
    QVERIFY(
        waitForSample(samples, [](const HubSample &s) { return s.state == HubState::Healthy; }));

    HubBackoff bounds(100, 300'000, 0.2);
    QVERIFY(scheduled.size() >= 5);
    for (int k = 0; k < 4; ++k) {
        QCOMPARE(sampleAt(samples, k).state, HubState::Unhealthy);
        const int delay = scheduled.at(k).at(1).toInt();
        QVERIFY2(delay >= bounds.minimumDelayMs(k) && delay <= bounds.maximumDelayMs(k),
                 qPrintable(QStringLiteral("failure %1: %2 ms").arg(k).arg(delay)));
    }
    QCOMPARE(scheduled.at(4).at(1).toInt(), 100); // back to the interval once it answers
    QCOMPARE(poller.consecutiveFailures(hub.name), 0);

    // The hub really was left alone for at least each delay.
    const auto health = emulator.requestsTo(QStringLiteral("/health"));
    QVERIFY(health.size() >= 5);
    for (int k = 0; k < 4; ++k) {
        const qint64 gap = health[k + 1].atMs - health[k].atMs;
        QVERIFY2(gap >= scheduled.at(k).at(1).toInt() - 2,
                 qPrintable(QStringLiteral("gap %1 ms after failure %2").arg(gap).arg(k)));
    }
}

void TestHubPoller::retryAfterIsHonoured()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    HubEmulator::Fault tooMany{HubEmulator::Fault::Kind::TooManyRequests};
    tooMany.retryAfterSeconds = 2;
    emulator.addFault(QStringLiteral("/api/servers"), tooMany, 1);
    HubPoller poller;
    QSignalSpy samples(&poller, &HubPoller::sampleReady);
    poller.addHub(endpoint(emulator, 100));

    QTRY_VERIFY_WITH_TIMEOUT(emulator.tooManyRequestsServed() == 1, 20'000);
    qint64 at429 = -1;
    for (const auto &r : emulator.requests()) {
        if (r.status == 429)
            at429 = r.atMs;
    }
    // Wait for the first rate-limited request after the 429.
    const auto limitedAfter = [&] {
        QList<HubEmulator::Request> list;
        for (const auto &r : emulator.requests()) {
            if (r.rateLimited && r.atMs > at429)
                list.append(r);
        }
        return list;
    };
    QTRY_VERIFY_WITH_TIMEOUT(!limitedAfter().isEmpty(), 20'000);
    const qint64 resumedAt = limitedAfter().first().atMs;
    QVERIFY2(
        resumedAt >= at429 + 2000 - 20,
        qPrintable(
            QStringLiteral("a rate-limited request %1 ms after the 429").arg(resumedAt - at429)));
    // Meanwhile the free endpoints kept the health timeline going.
    int healthPolls = 0;
    for (const auto &r : emulator.requestsTo(QStringLiteral("/health")))
        healthPolls += r.atMs > at429 && r.atMs < resumedAt ? 1 : 0;
    QVERIFY2(healthPolls >= 3, qPrintable(QString::number(healthPolls)));
    QVERIFY(waitForSample(samples, [](const HubSample &s) {
        return s.lastError.contains(QStringLiteral("rate limit"));
    }));
    QCOMPARE(emulator.tooManyRequestsServed(), 1);
}

void TestHubPoller::budgetWarning()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    HubPoller poller;
    QSignalSpy samples(&poller, &HubPoller::sampleReady);
    QSignalSpy warnings(&poller, &HubPoller::budgetWarningChanged);
    HubEndpoint fast = endpoint(emulator, 250);
    fast.name = QStringLiteral("fast");
    HubEndpoint slow = endpoint(emulator, 60'000);
    slow.name = QStringLiteral("slow");
    poller.addHub(fast);
    poller.addHub(slow);
    // Before any header the older 300-per-15-min budget is assumed.
    QVERIFY(poller.budgetWarning(QStringLiteral("fast")).contains(QStringLiteral("300")));
    QVERIFY(poller.budgetWarning(QStringLiteral("slow")).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= 2, 20'000);
    // Then the hub's own RateLimit-Policy (600;w=900) decides. In file mode a poll makes 0.3
    // rate-limited requests on average (/api/servers, /api/users-stats and
    // /api/activities/available every 10th poll): every 250 ms that is 1080 per 15 min;
    // 480 (80 % of 600) allow one poll every 563 ms, so "every 1 s".
    const QString warning = poller.budgetWarning(QStringLiteral("fast"));
    QVERIFY2(warning.contains(QStringLiteral("600")), qPrintable(warning));
    QVERIFY2(warning.contains(QStringLiteral("1080")), qPrintable(warning));
    QVERIFY2(warning.contains(QStringLiteral("every 1 s")), qPrintable(warning));
    QVERIFY(poller.budgetWarning(QStringLiteral("slow")).isEmpty());
    for (const auto &w : warnings)
        QVERIFY(w.at(0).toString() == QLatin1String("fast") || w.at(1).toString().isEmpty());
}

void TestHubPoller::budgetKeepsUnderTheLimit()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    emulator.setRateLimit(8, 2); // 8 requests per 2 s window
    HubPoller poller;
    const HubEndpoint hub = endpoint(emulator, 50);
    poller.addHub(hub);
    const qint64 start = emulator.clockMs();
    QTest::qWait(4500);
    QCOMPARE(emulator.tooManyRequestsServed(), 0);
    int limited = 0;
    for (const auto &r : emulator.requests())
        limited += r.rateLimited && r.atMs > start ? 1 : 0;
    QVERIFY2(limited > 8, qPrintable(QString::number(limited))); // it resumed after the reset
    QVERIFY(limited <= 8 * 3);
    QVERIFY(!poller.budgetWarning(hub.name).isEmpty());
}

void TestHubPoller::activitiesWithoutDuplicates()
{
    HubEmulator emulator;
    emulator.setMode(HubEmulator::Mode::Database);
    QVERIFY(emulator.listen());
    HubPoller poller;
    HubPoller::Options options;
    options.activityPageSize = 5;
    poller.setOptions(options);
    QSignalSpy fetched(&poller, &HubPoller::activitiesFetched);
    QSignalSpy samples(&poller, &HubPoller::sampleReady);
    poller.addHub(endpoint(emulator, 150));

    QVERIFY(fetched.wait(20'000));
    QList<ActivityRecord> first = fetched.at(0).at(1).value<QList<ActivityRecord>>();
    QStringList recorded = emulator.activityIds(); // newest first
    QCOMPARE(first.size(), 11);
    QStringList firstIds;
    for (const ActivityRecord &r : first)
        firstIds.prepend(r.id); // handed on oldest first
    QCOMPARE(firstIds, recorded);
    const auto stats = waitForSample(samples, [](const HubSample &s) { return bool(s.activity); });
    QVERIFY(stats);
    QCOMPARE(stats->activity->totalCalls, 11);
    QCOMPARE(stats->activity->errorCount, 4);
    QVERIFY(stats->activitiesAvailable);

    // New calls between polls, and more arriving while a sync is paging.
    int armed = 2;
    connect(&emulator, &HubEmulator::requestReceived, this, [&](const QString &path) {
        if (path == QLatin1String("/api/activities") && armed > 0) {
            --armed;
            emulator.addActivities(3);
        }
    });
    emulator.addActivities(12);
    QTRY_VERIFY_WITH_TIMEOUT(armed == 0, 20'000);
    const int expected = 11 + 12 + 6;
    QCOMPARE(emulator.activityCount(), expected);

    QSet<QString> all;
    int handedOn = 0;
    const auto collect = [&] {
        all.clear();
        handedOn = 0;
        for (const auto &call : fetched) {
            for (const ActivityRecord &r : call.at(1).value<QList<ActivityRecord>>()) {
                all.insert(r.id);
                ++handedOn;
            }
        }
        return all.size() == expected;
    };
    QTRY_VERIFY_WITH_TIMEOUT(collect(), 20'000);
    QCOMPARE(handedOn, expected); // every row exactly once
    const QStringList ids = emulator.activityIds();
    QCOMPARE(all, QSet<QString>(ids.begin(), ids.end()));
    QTest::qWait(400); // a few more polls with nothing new: nothing handed on
    collect();
    QCOMPARE(handedOn, expected);
}

void TestHubPoller::failedPageHandsOnNothing()
{
    HubEmulator emulator;
    emulator.setMode(HubEmulator::Mode::Database);
    QVERIFY(emulator.listen());
    bool faulted = false;
    connect(&emulator, &HubEmulator::requestReceived, this, [&](const QString &path) {
        if (path == QLatin1String("/api/activities") && !faulted) {
            faulted = true; // page 2 of the first sync fails
            emulator.addFault(path, {HubEmulator::Fault::Kind::ServerError}, 1);
        }
    });
    HubPoller poller;
    HubPoller::Options options;
    options.activityPageSize = 5;
    poller.setOptions(options);
    QSignalSpy fetched(&poller, &HubPoller::activitiesFetched);
    QSignalSpy samples(&poller, &HubPoller::sampleReady);
    poller.addHub(endpoint(emulator, 100));
    QVERIFY(samples.wait(20'000));
    QVERIFY(faulted);
    QVERIFY2(sampleAt(samples, 0).lastError.contains(QStringLiteral("500")),
             qPrintable(sampleAt(samples, 0).lastError));
    QCOMPARE(fetched.size(), 0); // page 1 alone was not handed on
    QVERIFY(fetched.wait(20'000));
    QCOMPARE(fetched.at(0).at(1).value<QList<ActivityRecord>>().size(), 11);
}

void TestHubPoller::cursorResumesSync()
{
    HubEmulator emulator;
    emulator.setMode(HubEmulator::Mode::Database);
    QVERIFY(emulator.listen());
    HubPoller poller;
    QSignalSpy fetched(&poller, &HubPoller::activitiesFetched);
    QSignalSpy samples(&poller, &HubPoller::sampleReady);
    const HubEndpoint hub = endpoint(emulator, 100);
    poller.addHub(hub);
    // What the workspace already holds: the newest recorded row.
    poller.setActivityCursor(hub.name,
                             QDateTime(QDate(2026, 11, 25), QTime(19, 12, 3, 398), Qt::UTC),
                             {QStringLiteral("e30fabba-e0b1-439d-943e-38e6ac613dc9")});
    QVERIFY(samples.wait(20'000));
    QCOMPARE(fetched.size(), 0);
    emulator.addActivities(2);
    QVERIFY(fetched.wait(20'000));
    const auto rows = fetched.at(0).at(1).value<QList<ActivityRecord>>();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(1).id, emulator.activityIds().at(0));
}

void TestHubPoller::removedHubStopsPolling()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    emulator.setHealth(HubEmulator::Health::DatabaseDown);
    emulator.setDatabaseDownDelayMs(300);
    HubPoller poller;
    QSignalSpy samples(&poller, &HubPoller::sampleReady);
    const HubEndpoint hub = endpoint(emulator, 50);
    poller.addHub(hub);
    QTRY_VERIFY_WITH_TIMEOUT(!emulator.requests().isEmpty(), 20'000);
    poller.removeHub(hub.name); // mid-request
    QVERIFY(poller.hubNames().isEmpty());
    QTest::qWait(800);
    QCOMPARE(samples.size(), 0);
    QCOMPARE(emulator.requests().size(), 1);
}

void TestHubPoller::pollNowPollsAtOnce()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    HubPoller poller;
    QSignalSpy samples(&poller, &HubPoller::sampleReady);
    const HubEndpoint hub = endpoint(emulator, 600'000); // next turn in ten minutes
    poller.addHub(hub);
    QVERIFY(samples.wait(20'000));
    emulator.setHealth(HubEmulator::Health::Degraded);
    poller.pollNow(hub.name);
    QVERIFY(samples.wait(20'000));
    QCOMPARE(sampleAt(samples, 1).state, HubState::Degraded);
    QCOMPARE(emulator.requestsTo(QStringLiteral("/api/auth/login")).size(), 1); // token kept
}

void TestHubPoller::scheduleFollowsTheOptionsTable()
{
    HubEmulator emulator;
    emulator.setMode(HubEmulator::Mode::Database);
    QVERIFY(emulator.listen());
    HubPoller poller;
    HubPoller::Options options;
    options.infoEvery = 4;
    options.serversEvery = 3;
    options.usersEvery = 5;
    options.activityStatsEvery = 2;
    options.activitySyncEvery = 3;
    poller.setOptions(options);
    QCOMPARE(poller.rateLimitedRequestsPerPoll(false), 1.0 / 3 + 1.0 / 5 + 1.0 / 4);
    QCOMPARE(poller.rateLimitedRequestsPerPoll(true), 1.0 / 3 + 1.0 / 5 + 1.0 / 4 + 0.5 + 1.0);
    QSignalSpy samples(&poller, &HubPoller::sampleReady);
    const HubEndpoint hub = endpoint(emulator, 600'000);
    poller.addHub(hub);
    QVERIFY(samples.wait(20'000));

    // Poll 1 read everything; then each kind every N-th poll (read on poll 1, 1 + N, ...).
    // Nothing changes on the hub, so the activity totals stay and the pages are read only on
    // their own turn.
    const QString health = QStringLiteral("/health");
    const QString config = QStringLiteral("/config");
    const QString servers = QStringLiteral("/api/servers");
    const QString users = QStringLiteral("/api/users-stats");
    const QString available = QStringLiteral("/api/activities/available");
    const QString stats = QStringLiteral("/api/activities/stats");
    const QString pages = QStringLiteral("/api/activities");
    const QList<QStringList> expected = {
        {health},                                           // poll 2
        {health, stats},                                    // 3
        {health, servers, pages},                           // 4
        {health, config, available, stats},                 // 5
        {health, users},                                    // 6
        {health, servers, stats, pages},                    // 7
        {health},                                           // 8
        {health, config, available, stats},                 // 9
        {health, servers, pages},                           // 10
        {health, users, stats},                             // 11
        {health},                                           // 12
        {health, config, servers, available, stats, pages}, // 13
        {health},                                           // 14
    };
    using P = HubSample::Part;
    const HubSample::Parts all
        = P::Version | P::Servers | P::Users | P::ActivityAvailability | P::ActivityStats;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QStringList paths = pollOnce(poller, hub.name, emulator, samples);
        QVERIFY2(paths == expected[i],
                 qPrintable(QStringLiteral("poll %1: %2").arg(i + 2).arg(paths.join(u' '))));
        const HubSample s = sampleAt(samples, samples.size() - 1);
        HubSample::Parts fresh;
        fresh.setFlag(P::Version, paths.contains(config));
        fresh.setFlag(P::Servers, paths.contains(servers));
        fresh.setFlag(P::Users, paths.contains(users));
        fresh.setFlag(P::ActivityAvailability, paths.contains(available));
        fresh.setFlag(P::ActivityStats, paths.contains(stats));
        QCOMPARE(s.carried, all & ~fresh);
        // Every part is there, read now or carried.
        QCOMPARE(s.state, HubState::Healthy);
        QCOMPARE(s.version, QStringLiteral("dev"));
        QCOMPARE(s.servers.size(), 5);
        QVERIFY(s.openApi && s.users && s.activity && s.activitiesAvailable);
    }
}

void TestHubPoller::defaultScheduleReadsRareKindsEveryTenthPoll()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    HubPoller poller;
    QCOMPARE(poller.rateLimitedRequestsPerPoll(false), 0.3);
    QCOMPARE(poller.rateLimitedRequestsPerPoll(true), 2.3);
    QSignalSpy samples(&poller, &HubPoller::sampleReady);
    poller.addHub(endpoint(emulator, 600'000));
    const QString name = poller.hubNames().constFirst();
    for (int i = 0; i < 12; ++i) {
        if (i > 0)
            poller.pollNow(name);
        QVERIFY(samples.wait(20'000));
    }
    QCOMPARE(samples.size(), 12);
    // Polls 1 and 11 read everything; the others read /health and carry the rest forward.
    QCOMPARE(emulator.requestsTo(QStringLiteral("/health")).size(), 12);
    QCOMPARE(emulator.requestsTo(QStringLiteral("/config")).size(), 2);
    QCOMPARE(emulator.requestsTo(QStringLiteral("/api/servers")).size(), 2);
    QCOMPARE(emulator.requestsTo(QStringLiteral("/api/users-stats")).size(), 2);
    QCOMPARE(emulator.requestsTo(QStringLiteral("/api/activities/available")).size(), 2);
    QCOMPARE(emulator.requestsTo(QStringLiteral("/api/openapi/stats")).size(), 0);
    for (qsizetype i = 0; i < samples.size(); ++i) {
        const HubSample s = sampleAt(samples, i);
        QCOMPARE(s.version, QStringLiteral("dev"));
        QCOMPARE(s.servers.size(), 5);
        QCOMPARE(s.openApi->totalTools, 9);
        QCOMPARE(s.users->totalUsers, 1);
        QCOMPARE(s.carried == HubSample::Parts(), i == 0 || i == 10);
    }
}

void TestHubPoller::stateChangeReadsTheWholeSet()
{
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    HubPoller poller;
    QSignalSpy samples(&poller, &HubPoller::sampleReady);
    const HubEndpoint hub = endpoint(emulator, 600'000);
    poller.addHub(hub);
    QVERIFY(samples.wait(20'000));
    const QStringList healthOnly = {QStringLiteral("/health")};
    const QStringList wholeSet = {QStringLiteral("/health"),
                                  QStringLiteral("/config"),
                                  QStringLiteral("/api/servers"),
                                  QStringLiteral("/api/users-stats"),
                                  QStringLiteral("/api/activities/available")};
    QCOMPARE(pollOnce(poller, hub.name, emulator, samples), healthOnly);

    // Degraded: /health tells it within one poll, and that poll reads the whole set again.
    emulator.setHealth(HubEmulator::Health::Degraded);
    QCOMPARE(pollOnce(poller, hub.name, emulator, samples), wholeSet);
    HubSample s = sampleAt(samples, samples.size() - 1);
    QCOMPARE(s.state, HubState::Degraded);
    QCOMPARE(s.carried, HubSample::Parts());
    QVERIFY(s.servers.at(3).enabled); // the new list: "broken" is enabled and disconnected
    QVERIFY(s.servers.at(3).error.contains(QStringLiteral("ENOENT")));
    QCOMPARE(s.serversDisconnected, 1);
    QCOMPARE(pollOnce(poller, hub.name, emulator, samples), healthOnly);
    QVERIFY(sampleAt(samples, samples.size() - 1).servers.at(3).enabled);

    // Down for one poll: that poll stops at /health and carries nothing (the hub's data is
    // unknown); the poll that finds it back reads the whole set.
    emulator.addFault(QStringLiteral("/health"), {HubEmulator::Fault::Kind::ServerError}, 1);
    QCOMPARE(pollOnce(poller, hub.name, emulator, samples), healthOnly);
    s = sampleAt(samples, samples.size() - 1);
    QCOMPARE(s.state, HubState::Unhealthy);
    QVERIFY(s.servers.isEmpty() && !s.users && !s.openApi);
    QCOMPARE(s.carried, HubSample::Parts());
    emulator.setHealth(HubEmulator::Health::Healthy);
    QCOMPARE(pollOnce(poller, hub.name, emulator, samples), wholeSet);
    s = sampleAt(samples, samples.size() - 1);
    QCOMPARE(s.state, HubState::Healthy);
    QVERIFY(!s.servers.at(3).enabled); // the healthy hub's list again
    QCOMPARE(pollOnce(poller, hub.name, emulator, samples), healthOnly);
}

void TestHubPoller::carriedValuesAreTheLastRead()
{
    HubEmulator emulator;
    emulator.setMode(HubEmulator::Mode::Database);
    QVERIFY(emulator.listen());
    HubPoller poller;
    HubPoller::Options options;
    options.activityStatsEvery = 3;
    poller.setOptions(options);
    QSignalSpy samples(&poller, &HubPoller::sampleReady);
    QSignalSpy fetched(&poller, &HubPoller::activitiesFetched);
    const HubEndpoint hub = endpoint(emulator, 600'000);
    poller.addHub(hub);
    QVERIFY(samples.wait(20'000));
    const HubSample first = sampleAt(samples, 0);
    QCOMPARE(first.activity->totalCalls, 11);
    QCOMPARE(fetched.size(), 1);

    emulator.addActivities(2); // the hub's totals move, but the next two polls skip them
    for (int poll = 2; poll <= 3; ++poll) {
        QCOMPARE(pollOnce(poller, hub.name, emulator, samples),
                 QStringList{QStringLiteral("/health")});
        const HubSample s = sampleAt(samples, samples.size() - 1);
        using P = HubSample::Part;
        QCOMPARE(s.carried,
                 P::Version | P::Servers | P::Users | P::ActivityAvailability | P::ActivityStats);
        QCOMPARE(s.activity->totalCalls, 11); // the last read, not the hub's 13
        QCOMPARE(s.activity->errorCount, first.activity->errorCount);
        QCOMPARE(s.activity->avgDurationMs, first.activity->avgDurationMs);
        QCOMPARE(s.version, first.version);
        QCOMPARE(s.users->totalUsers, first.users->totalUsers);
        QCOMPARE(s.openApi->totalTools, first.openApi->totalTools);
        QCOMPARE(s.servers.size(), first.servers.size());
        for (qsizetype i = 0; i < s.servers.size(); ++i) {
            QCOMPARE(s.servers[i].name, first.servers[i].name);
            QCOMPARE(s.servers[i].status, first.servers[i].status);
            QCOMPARE(s.servers[i].toolCount, first.servers[i].toolCount);
        }
        QCOMPARE(s.serversConnected, first.serversConnected); // /health's, read every poll
        QVERIFY(s.timestamp > first.timestamp);
        QCOMPARE(fetched.size(), 1);
    }
    // Poll 4 reads the totals again: they moved, so the new rows are fetched in that poll.
    QCOMPARE(pollOnce(poller, hub.name, emulator, samples),
             QStringList({QStringLiteral("/health"),
                          QStringLiteral("/api/activities/stats"),
                          QStringLiteral("/api/activities")}));
    const HubSample s = sampleAt(samples, samples.size() - 1);
    QCOMPARE(s.activity->totalCalls, 13);
    QVERIFY(!s.carried.testFlag(HubSample::Part::ActivityStats));
    QCOMPARE(fetched.size(), 2);
    QCOMPARE(fetched.at(1).at(1).value<QList<ActivityRecord>>().size(), 2);
}

void TestHubPoller::activityPagesOnlyWhenTotalsMove()
{
    HubEmulator emulator;
    emulator.setMode(HubEmulator::Mode::Database);
    QVERIFY(emulator.listen());
    HubPoller poller;
    QSignalSpy samples(&poller, &HubPoller::sampleReady);
    QSignalSpy fetched(&poller, &HubPoller::activitiesFetched);
    const HubEndpoint hub = endpoint(emulator, 600'000);
    poller.addHub(hub);
    QVERIFY(samples.wait(20'000));
    QCOMPARE(fetched.size(), 1);
    const QStringList quiet = {QStringLiteral("/health"), QStringLiteral("/api/activities/stats")};
    QCOMPARE(pollOnce(poller, hub.name, emulator, samples), quiet);
    QVERIFY(!sampleAt(samples, 1).carried.testFlag(HubSample::Part::ActivityStats));

    emulator.addActivities(1);
    QCOMPARE(pollOnce(poller, hub.name, emulator, samples),
             QStringList({QStringLiteral("/health"),
                          QStringLiteral("/api/activities/stats"),
                          QStringLiteral("/api/activities")}));
    QCOMPARE(fetched.size(), 2);
    QCOMPARE(fetched.at(1).at(1).value<QList<ActivityRecord>>().size(), 1);
    QCOMPARE(sampleAt(samples, 2).activity->totalCalls, 12);
    QCOMPARE(pollOnce(poller, hub.name, emulator, samples), quiet);
    QCOMPARE(fetched.size(), 2);
}

QTEST_GUILESS_MAIN(TestHubPoller)
#include "tst_hubpoller.moc"
