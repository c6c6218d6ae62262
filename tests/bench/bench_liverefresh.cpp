// Live refresh latency (issue 16): from the start of a committed console change (a system
// configuration set, audited) to its notice arriving at a listener on another connection,
// over 1,000 changes each way: PostgreSQL NOTIFY (ChangeListener) and Redis (outbox
// delivered at once, as the console's deliverer does after an own commit, then
// RedisSubscriber). The floor is the bare round trip measured in the same run: a NOTIFY
// heard on the other connection, a PUBLISH heard by the subscriber. value = p99 in ms; p50
// printed beside. Needs PostgreSQL and MCPHUB_TEST_REDIS_URL (scripts/with-services).

#include "storage/db/connectionprofile.h"
#include "storage/db/systemconfigrepository.h"
#include "storage/db/workspace.h"
#include "storage/live/changelistener.h"
#include "storage/live/redisoutbox.h"
#include "tests/support/benchreport.h"
#include "tests/support/pgtestdatabase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDriver>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>

using namespace mcphub;

namespace {

constexpr int kChanges = 1000;

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * values.size())));
}

// Runs `send` and waits (at most 5 s) until `heard` grew; the milliseconds it took.
double timed(int &heard, const std::function<void()> &send)
{
    const int before = heard;
    QElapsedTimer timer;
    timer.start();
    send();
    while (heard == before && timer.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    return timer.nsecsElapsed() / 1e6;
}

void report(const QString &name, const QList<double> &value, const QList<double> &floor)
{
    std::printf("%s: p50=%.3f ms p99=%.3f ms (floor p50=%.3f p99=%.3f)\n",
                qPrintable(name),
                percentile(value, 0.5),
                percentile(value, 0.99),
                percentile(floor, 0.5),
                percentile(floor, 0.99));
    test::printBench(
        name, percentile(value, 0.99), percentile(floor, 0.99), QStringLiteral("1000"));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    test::PgTestDatabase pg;
    const QString redisUrl = qEnvironmentVariable("MCPHUB_TEST_REDIS_URL");
    if (!pg.available() || redisUrl.isEmpty()) {
        std::fprintf(stderr,
                     "bench_liverefresh: needs PostgreSQL and Redis (scripts/with-services)\n");
        return 2;
    }
    auto profile = ConnectionProfile::fromConninfo(pg.conninfo());
    profile->redisUrl = redisUrl;
    const auto ws = Workspace::open(*profile, QStringLiteral("bench-a"));
    const auto other = Workspace::open(*profile, QStringLiteral("bench-b"));
    if (!ws || !other) {
        std::fprintf(stderr, "bench_liverefresh: cannot open the workspace\n");
        return 2;
    }
    SystemConfigRepository config(ws->context());
    int n = 0;
    const auto change = [&] {
        (void)config.set({QStringLiteral("routing"),
                          QStringLiteral("{\"enableGlobalRoute\":%1}")
                              .arg(++n % 2 ? QLatin1String("true") : QLatin1String("false"))});
    };

    // NOTIFY: heard on connection b (own notices: same process, same path).
    int notified = 0;
    ChangeListener listener(QStringLiteral("bench-b"));
    listener.start();
    QObject::connect(&listener, &ChangeListener::ownChange, [&] { ++notified; });
    int floorHeard = 0;
    QSqlDriver *driver = other->database().driver();
    driver->subscribeToNotification(QStringLiteral("bench_floor"));
    QObject::connect(driver, &QSqlDriver::notification, [&](const QString &name) {
        if (name == QLatin1String("bench_floor"))
            ++floorHeard;
    });
    // The outbox would grow unread during the NOTIFY run: without Redis first.
    RepositoryContext noRedis = ws->context();
    noRedis.redisUrl.clear();
    SystemConfigRepository plain(noRedis);
    QList<double> value, floor;
    for (int i = 0; i < kChanges; ++i) {
        value << timed(notified, [&] {
            (void)plain.set({QStringLiteral("routing"),
                             QStringLiteral("{\"enableGlobalRoute\":%1}")
                                 .arg(i % 2 ? QLatin1String("true") : QLatin1String("false"))});
        });
        floor << timed(floorHeard, [&] {
            QSqlQuery(ws->database()).exec(QStringLiteral("NOTIFY bench_floor, 'x'"));
        });
    }
    report(QStringLiteral("live_refresh_notify_p99_ms"), value, floor);

    // Redis: commit (outbox row), deliver, heard by the subscriber.
    const auto address = RedisAddress::parse(redisUrl);
    RedisClient redis(*address);
    RedisClient publisher(*address);
    RedisSubscriber subscriber(*address);
    int published = 0;
    bool subscribed = false;
    QObject::connect(&subscriber, &RedisSubscriber::ownChange, [&] { ++published; });
    QObject::connect(&subscriber, &RedisSubscriber::subscribed, [&] { subscribed = true; });
    subscriber.start();
    QElapsedTimer wait;
    wait.start();
    while (!subscribed && wait.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    ChangeNotice sample
        = ChangeFeed::noticeFor(QString(), QStringLiteral("bench"), QStringLiteral("bench/x"));
    const QByteArray bare = ChangeFeed::redisMessage(sample, QStringLiteral("bench/x"), {});
    value.clear();
    floor.clear();
    for (int i = 0; i < kChanges; ++i) {
        value << timed(published, [&] {
            change();
            (void)RedisOutbox::deliverPending(QStringLiteral("bench-a"), redis);
        });
        floor << timed(published, [&] {
            (void)publisher.command({"PUBLISH", "config:update", bare});
        });
    }
    report(QStringLiteral("live_refresh_redis_p99_ms"), value, floor);
    listener.stop();
    other->close();
    ws->close();
    return 0;
}
