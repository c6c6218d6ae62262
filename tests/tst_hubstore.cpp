// The hub registry and the sample store on SQLite and the real PostgreSQL: validation that
// names the field, no secret in the database, samples with their server rows, activity rows
// without duplicates and a cursor that survives reopening the workspace, ageing into 1-minute
// and 1-hour aggregates, and the monitor storing what the poller reads from the emulator.

#include "storage/db/transactionguard.h"
#include "storage/db/workspace.h"
#include "storage/hub/hubeventstore.h"
#include "storage/hub/hubmonitor.h"
#include "storage/hub/hubpoller.h"
#include "storage/hub/hubrepository.h"
#include "storage/hub/hubsampleformat.h"
#include "storage/hub/hubsamplestore.h"
#include "storage/secretstore.h"
#include "tests/support/hubemulator.h"
#include "tests/support/testbackend.h"
#include "tests/support/testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace mcphub;
using namespace mcphub::test;

namespace {

const QString kConnection = QStringLiteral("tst_hubstore");

qint64 scalar(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(kConnection));
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

HubRecord hub(const QString &name, const QString &url = QStringLiteral("http://127.0.0.1:1"))
{
    HubRecord h;
    h.name = name;
    h.baseUrl = QUrl(url);
    h.auth = HubEndpoint::Auth::Password;
    h.username = QStringLiteral("admin");
    h.pollIntervalMs = 5000;
    return h;
}

HubSample sample(const QDateTime &at, HubState state, int connected = 3, int latency = 10)
{
    HubSample s;
    s.timestamp = at;
    s.state = state;
    s.version = QStringLiteral("dev");
    s.serversTotal = 3;
    s.serversConnected = connected;
    s.serversDisconnected = 3 - connected;
    s.latencyMs = latency;
    s.activity = HubActivityStats{100, 90, 10, 42};
    return s;
}

ActivityRecord activity(const QString &id, const QDateTime &at, bool ok = true)
{
    ActivityRecord a;
    a.id = id;
    a.timestamp = at;
    a.serverName = QStringLiteral("fetch");
    a.toolName = ok ? QStringLiteral("fetch_url") : QStringLiteral("fetch_raw");
    a.success = ok;
    a.arguments = QStringLiteral("{\"url\": \"https://example.org\"}");
    a.durationMs = 12;
    return a;
}

} // namespace

class TestHubStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { closeSqlConnection(kConnection); }

    void registryCrudAndValidation_data() { MCPHUB_BACKEND_ROWS(); }
    void registryCrudAndValidation();
    void samplesAndLatest_data() { MCPHUB_BACKEND_ROWS(); }
    void samplesAndLatest();
    void activitiesWithoutDuplicatesCursorSurvives_data() { MCPHUB_BACKEND_ROWS(); }
    void activitiesWithoutDuplicatesCursorSurvives();
    void compactionAggregates_data() { MCPHUB_BACKEND_ROWS(); }
    void compactionAggregates();
    void monitorStoresPolls_data() { MCPHUB_BACKEND_ROWS(); }
    void monitorStoresPolls();
    void eventsSurviveReopenAndAcknowledge_data() { MCPHUB_BACKEND_ROWS(); }
    void eventsSurviveReopenAndAcknowledge();
    void prometheusLabelsEscaped();
    void missingSecretStillWatchesPublicEndpoints();
    void watchReadsTheKeychainWithoutBlocking();
};

void TestHubStore::missingSecretStillWatchesPublicEndpoints()
{
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    QTemporaryDir dir;
    auto ws = Workspace::open(ConnectionProfile::sqliteFile(dir.filePath(QStringLiteral("w.db"))),
                              kConnection);
    QVERIFY(ws.ok());
    HubRecord record = hub(QStringLiteral("nosecret"), emulator.baseUrl().toString());
    record.pollIntervalMs = 60'000;
    VERIFY_OK(HubRepository(ws->context()).add(record));
    const SecretStore secrets(QStringLiteral("mcphub-admin-test"));
    (void)secrets.remove(HubRepository::secretKey(record.name));
    HubMonitor monitor(ws->context(), secrets);
    QSignalSpy stored(&monitor, &HubMonitor::sampleStored);
    QSignalSpy problems(&monitor, &HubMonitor::problem);
    VERIFY_OK(monitor.start());
    if (problems.isEmpty()) // the keychain answers by signal
        QVERIFY(problems.wait(30'000));
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().at(0).toString(), record.name);
    QVERIFY2(problems.first().at(1).toString().contains(emulator.baseUrl().toString()),
             qPrintable(problems.first().at(1).toString()));
    QVERIFY(stored.wait(30'000));
    const HubSample s = stored.first().at(1).value<HubSample>();
    QCOMPARE(s.state, HubState::Healthy);
    QVERIFY(s.servers.isEmpty()); // /api/* needs the missing credentials
    for (const auto &r : emulator.requests())
        QVERIFY2(!r.path.startsWith(QLatin1String("/api/")), qPrintable(r.path));
    ws->close();
}

void TestHubStore::watchReadsTheKeychainWithoutBlocking()
{
    // Issue 11.10: HubMonitor::start()/watch() read hub secrets from the keychain in a nested
    // event loop on the calling (GUI) thread, where timers and the poller ran re-entrantly.
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    HubEmulator emulator;
    QVERIFY(emulator.listen());
    QTemporaryDir dir;
    auto ws = Workspace::open(ConnectionProfile::sqliteFile(dir.filePath(QStringLiteral("w.db"))),
                              kConnection);
    QVERIFY(ws.ok());
    HubRecord record = hub(QStringLiteral("async-%1").arg(QCoreApplication::applicationPid()),
                           emulator.baseUrl().toString());
    record.pollIntervalMs = 60'000;
    VERIFY_OK(HubRepository(ws->context()).add(record));
    const SecretStore secrets(QStringLiteral("mcphub-admin-test"));
    VERIFY_OK(secrets.write(HubRepository::secretKey(record.name), QStringLiteral("admin123")));
    HubMonitor monitor(ws->context(), secrets);
    QSignalSpy stored(&monitor, &HubMonitor::sampleStored);
    QSignalSpy problems(&monitor, &HubMonitor::problem);

    bool inStart = false;
    bool reentered = false;
    QTimer ticker;
    ticker.setInterval(0);
    connect(&ticker, &QTimer::timeout, this, [&] { reentered = reentered || inStart; });
    ticker.start();
    inStart = true;
    VERIFY_OK(monitor.start());
    inStart = false;
    QVERIFY2(!reentered, "an event loop ran inside HubMonitor::start()");
    QVERIFY(stored.wait(30'000));
    ticker.stop();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).value(1).toString()));
    // The secret arrived: the hub logged in and its servers were read.
    QVERIFY(!stored.first().at(1).value<HubSample>().servers.isEmpty());
    VERIFY_OK(secrets.remove(HubRepository::secretKey(record.name)));
    ws->close();
}

void TestHubStore::eventsSurviveReopenAndAcknowledge()
{
    MCPHUB_BACKEND(backend);
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-60);
    {
        auto ws = Workspace::open(backend.profile(), kConnection);
        VERIFY_OK(ws);
        // 0004 made the table: the migration applies on this kind.
        QVERIFY(ws->schema().databaseVersion >= 4);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM hub_events")), 0);
        VERIFY_OK(HubRepository(ws->context()).add(hub(QStringLiteral("a"))));
        VERIFY_OK(HubRepository(ws->context()).add(hub(QStringLiteral("b"))));
        HubEventStore events(ws->context());
        HubEvent e;
        e.hub = QStringLiteral("a");
        e.at = t0;
        e.kind = QStringLiteral("state_worse");
        e.state = QStringLiteral("degraded");
        e.title = QStringLiteral("Hub a is degraded");
        e.message = QStringLiteral("1 of 3 servers are not connected");
        VERIFY_OK(events.record(e));
        e.at = t0.addSecs(10);
        e.kind = QStringLiteral("recovered");
        e.state = QStringLiteral("healthy");
        e.title = QStringLiteral("Hub a is healthy again");
        VERIFY_OK(events.record(e));
        e.hub = QStringLiteral("b");
        e.at = t0.addSecs(5);
        e.kind = QStringLiteral("error_rate");
        e.state.clear();
        VERIFY_OK(events.record(e));
        e.hub = QStringLiteral("zz");
        QCOMPARE(events.record(e).error().code, Error::Code::NotFound);
        e.hub = QStringLiteral("b");
        e.kind = QStringLiteral("bogus"); // the table's check refuses it, nothing stored
        QVERIFY(!events.record(e).ok());
        ws->close();
    }
    {
        // Reopened (another session): the same events, newest first, none acknowledged.
        auto ws = Workspace::open(backend.profile(), kConnection);
        VERIFY_OK(ws);
        HubEventStore events(ws->context());
        const auto listed = events.list();
        VERIFY_OK(listed);
        QCOMPARE(listed->size(), 3);
        QCOMPARE(listed->at(0).title, QStringLiteral("Hub a is healthy again"));
        QCOMPARE(listed->at(0).at, t0.addSecs(10));
        QCOMPARE(listed->at(1).hub, QStringLiteral("b"));
        QCOMPARE(listed->at(1).kind, QStringLiteral("error_rate"));
        QVERIFY(listed->at(1).state.isEmpty());
        QCOMPARE(listed->at(2).state, QStringLiteral("degraded"));
        QCOMPARE(listed->at(2).message, QStringLiteral("1 of 3 servers are not connected"));
        for (const HubEvent &event : *listed)
            QVERIFY(!event.acknowledged());
        QCOMPARE(*events.unacknowledgedCounts(),
                 (QHash<QString, int>{{QStringLiteral("a"), 2}, {QStringLiteral("b"), 1}}));

        // One acknowledged (twice: the second changes nothing), audited with who did it.
        QCOMPARE(*events.acknowledge({listed->at(2).id}), 1);
        QCOMPARE(*events.acknowledge({listed->at(2).id}), 0);
        QCOMPARE(*events.unacknowledgedCounts(),
                 (QHash<QString, int>{{QStringLiteral("a"), 1}, {QStringLiteral("b"), 1}}));
        QCOMPARE(scalar(QStringLiteral(
                     "SELECT count(*) FROM access_logs WHERE action = 'hub.event.acknowledge'")),
                 2);
        // All of one hub, then all.
        QCOMPARE(*events.acknowledgeAll(QStringLiteral("b")), 1);
        QCOMPARE(*events.unacknowledgedCounts(), (QHash<QString, int>{{QStringLiteral("a"), 1}}));
        QCOMPARE(*events.acknowledgeAll(), 1);
        QVERIFY(events.unacknowledgedCounts()->isEmpty());
        ws->close();
    }
    {
        auto ws = Workspace::open(backend.profile(), kConnection);
        VERIFY_OK(ws);
        const auto listed = HubEventStore(ws->context()).list();
        VERIFY_OK(listed);
        QCOMPARE(listed->size(), 3);
        for (const HubEvent &event : *listed) {
            QVERIFY(event.acknowledged());
            QCOMPARE(event.acknowledgedBy, ws->context().actor);
        }
        // Removing a hub removes its events, not the other hub's.
        VERIFY_OK(HubRepository(ws->context()).remove(QStringLiteral("a")));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM hub_events")), 1);
        ws->close();
    }
}

void TestHubStore::prometheusLabelsEscaped()
{
    QCOMPARE(HubSampleFormat::escapeLabel(QStringLiteral("a\"b\\c\nd")),
             QStringLiteral("a\\\"b\\\\c\\nd"));
    HubSample s;
    s.timestamp = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    s.state = HubState::Unreachable;
    s.version = QStringLiteral("1.0\"x");
    const QString text
        = QString::fromUtf8(HubSampleFormat::prometheus({{QStringLiteral("we\"ird"), s}}));
    QVERIFY2(text.contains(QLatin1String("mcphub_hub_up{hub=\"we\\\"ird\"} 0\n")),
             qPrintable(text));
    QVERIFY(text.contains(QLatin1String("version=\"1.0\\\"x\"")));
    QVERIFY(text.contains(
        QLatin1String("mcphub_hub_last_poll_timestamp_seconds{hub=\"we\\\"ird\"} 1700000000\n")));
    QVERIFY(!text.contains(QLatin1String("mcphub_hub_health_latency_seconds{"))); // no answer

    // JSON names the parts a poll carried forward instead of reading them again.
    s.state = HubState::Healthy;
    s.carried = HubSample::Part::Servers | HubSample::Part::Users;
    const QJsonArray json
        = QJsonDocument::fromJson(HubSampleFormat::json({{QStringLiteral("a"), s}})).array();
    QCOMPARE(json.at(0)[QStringLiteral("carried")].toArray(),
             QJsonArray({QStringLiteral("servers"), QStringLiteral("users")}));
}

void TestHubStore::registryCrudAndValidation()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
    // Up to date, and at least 0002 (the hub tables).
    QVERIFY(ws->schema().databaseVersion >= 2);
    QCOMPARE(ws->schema().databaseVersion, ws->schema().knownVersion);
    HubRepository hubs(ws->context());

    const auto id = hubs.add(hub(QStringLiteral("prod")));
    VERIFY_OK(id);
    QVERIFY(*id > 0);
    const auto dup = hubs.add(hub(QStringLiteral("prod")));
    QVERIFY(!dup.ok());
    QCOMPARE(dup.error().code, Error::Code::Conflict);
    QVERIFY(dup.error().where.contains(QLatin1String("prod")));

    HubRecord bad = hub(QStringLiteral("ftp"), QStringLiteral("ftp://host/x"));
    const auto invalid = hubs.add(bad);
    QVERIFY(!invalid.ok());
    QCOMPARE(invalid.error().code, Error::Code::Invalid);
    QCOMPARE(invalid.error().where, QStringLiteral("ftp: baseUrl"));
    bad = hub(QStringLiteral("fast"));
    bad.pollIntervalMs = 10;
    QCOMPARE(hubs.add(bad).error().where, QStringLiteral("fast: pollInterval"));
    QCOMPARE(hubs.add(hub(QStringLiteral("bad name!"))).error().code, Error::Code::Invalid);

    auto found = hubs.find(QStringLiteral("prod"));
    VERIFY_OK(found);
    QCOMPARE(found->baseUrl, QUrl(QStringLiteral("http://127.0.0.1:1")));
    QCOMPARE(found->auth, HubEndpoint::Auth::Password);
    QCOMPARE(found->username, QStringLiteral("admin"));
    found->pollIntervalMs = 60'000;
    found->enabled = false;
    found->trustedFingerprint = QStringLiteral("AB:CD");
    VERIFY_OK(hubs.update(*found));
    const auto again = hubs.find(QStringLiteral("prod"));
    VERIFY_OK(again);
    QCOMPARE(again->pollIntervalMs, 60'000);
    QVERIFY(!again->enabled);
    QCOMPARE(again->trustedFingerprint, QStringLiteral("AB:CD"));
    QCOMPARE(hubs.find(QStringLiteral("none")).error().code, Error::Code::NotFound);

    // No column can hold a secret; every change left an audit row.
    QSqlQuery columns(QSqlDatabase::database(kConnection));
    QVERIFY(columns.exec(QStringLiteral("SELECT * FROM hubs")));
    const QSqlRecord record = columns.record();
    for (int i = 0; i < record.count(); ++i) {
        QVERIFY2(!record.fieldName(i).contains(QLatin1String("password"))
                     && !record.fieldName(i).contains(QLatin1String("key")),
                 qPrintable(record.fieldName(i)));
    }
    QCOMPARE(
        scalar(QStringLiteral("SELECT count(*) FROM access_logs WHERE resource = 'hubs/prod'")), 2);

    VERIFY_OK(HubSampleStore(ws->context())
                  .append(QStringLiteral("prod"),
                          sample(QDateTime::currentDateTimeUtc(), HubState::Healthy)));
    VERIFY_OK(hubs.remove(QStringLiteral("prod")));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM hubs")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM hub_samples")), 0);
    QCOMPARE(hubs.remove(QStringLiteral("prod")).error().code, Error::Code::NotFound);
    ws->close();
}

void TestHubStore::samplesAndLatest()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY(ws.ok());
    HubRepository hubs(ws->context());
    VERIFY_OK(hubs.add(hub(QStringLiteral("a"))));
    VERIFY_OK(hubs.add(hub(QStringLiteral("b"))));
    HubSampleStore store(ws->context());
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-60);
    HubSample first = sample(t0, HubState::Healthy);
    first.servers = {{QStringLiteral("fetch"), QStringLiteral("connected"), {}, 2, true}};
    HubSample second = sample(t0.addSecs(5), HubState::Degraded, 2, -1);
    second.servers = {{QStringLiteral("fetch"), QStringLiteral("connected"), {}, 2, true},
                      {QStringLiteral("time"),
                       QStringLiteral("disconnected"),
                       QStringLiteral("spawn time ENOENT"),
                       0,
                       true}};
    second.lastError = QStringLiteral("a (http://127.0.0.1:1/api/servers): refused");
    second.activity.reset();
    VERIFY_OK(store.append(QStringLiteral("a"), first));
    VERIFY_OK(store.append(QStringLiteral("a"), second));
    VERIFY_OK(store.append(QStringLiteral("b"), sample(t0, HubState::Unreachable, 0)));
    QCOMPARE(store.append(QStringLiteral("zz"), first).error().code, Error::Code::NotFound);

    const auto all = store.samples(QStringLiteral("a"));
    VERIFY_OK(all);
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).sample.timestamp, t0);
    QCOMPARE(all->at(0).sample.activity->errorCount, 10);
    QCOMPARE(all->at(1).sample.state, HubState::Degraded);
    QCOMPARE(all->at(1).sample.latencyMs, -1);
    QVERIFY(!all->at(1).sample.activity);
    const auto later = store.samples(QStringLiteral("a"), t0.addSecs(1));
    VERIFY_OK(later);
    QCOMPARE(later->size(), 1);

    const auto latest = store.latest();
    VERIFY_OK(latest);
    QCOMPARE(latest->size(), 2);
    const StoredHubSample a = latest->value(QStringLiteral("a"));
    QCOMPARE(a.sample.state, HubState::Degraded);
    QCOMPARE(a.sample.servers.size(), 2);
    QCOMPARE(a.sample.servers.at(1).error, QStringLiteral("spawn time ENOENT"));
    QCOMPARE(a.sample.lastError, second.lastError);
    QCOMPARE(latest->value(QStringLiteral("b")).sample.state, HubState::Unreachable);
    ws->close();
}

void TestHubStore::activitiesWithoutDuplicatesCursorSurvives()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY(ws.ok());
    VERIFY_OK(HubRepository(ws->context()).add(hub(QStringLiteral("a"))));
    VERIFY_OK(HubRepository(ws->context()).add(hub(QStringLiteral("b"))));
    HubSampleStore store(ws->context());
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-30);
    const QList<ActivityRecord> batch{activity(QStringLiteral("id-1"), t0),
                                      activity(QStringLiteral("id-2"), t0.addSecs(1), false),
                                      activity(QStringLiteral("id-3"), t0.addSecs(2)),
                                      activity(QStringLiteral("id-4"), t0.addSecs(2))};
    auto n = store.appendActivities(QStringLiteral("a"), batch.mid(0, 3));
    VERIFY_OK(n);
    QCOMPARE(*n, 3);
    n = store.appendActivities(QStringLiteral("a"), batch); // a re-read page
    VERIFY_OK(n);
    QCOMPARE(*n, 1);
    // The same activity id from another hub is another call.
    n = store.appendActivities(QStringLiteral("b"), batch.mid(0, 1));
    VERIFY_OK(n);
    QCOMPARE(*n, 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM mcp_usage_logs")), 5);

    const auto top
        = store.topCalls(QStringLiteral("a"), HubSampleStore::Group::Tool, t0.addSecs(-1));
    VERIFY_OK(top);
    QCOMPARE(top->size(), 2);
    QCOMPARE(top->at(0).name, QStringLiteral("fetch_url"));
    QCOMPARE(top->at(0).calls, 3);
    QCOMPARE(top->at(1).errors, 1);
    ws->close();

    // Reopened: the cursor says where the sync resumes.
    auto reopened = Workspace::open(backend.profile(), kConnection);
    QVERIFY(reopened.ok());
    const auto cursor = HubRepository(reopened->context()).cursor(QStringLiteral("a"));
    VERIFY_OK(cursor);
    QCOMPARE(cursor->newest(), t0.addSecs(2));
    QCOMPARE(cursor->idsAtNewest(),
             QSet<QString>({QStringLiteral("id-3"), QStringLiteral("id-4")}));
    reopened->close();
}

void TestHubStore::compactionAggregates()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY(ws.ok());
    VERIFY_OK(HubRepository(ws->context()).add(hub(QStringLiteral("a"))));
    HubSampleStore store(ws->context());
    const auto defaults = store.retention();
    VERIFY_OK(defaults);
    QCOMPARE(*defaults, HubRetention());
    QCOMPARE(store.setRetention({48, 1, 30}).error().code, Error::Code::Invalid);

    // 10 days of samples every 10 minutes, whole-hour aligned; one unhealthy sample per day.
    const QDateTime now = QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
    const QDateTime start = now.addDays(-10);
    int raw = 0;
    TransactionGuard seeding(ws->database()); // one commit for the 1440 rows: fast on any disk
    for (QDateTime t = start; t < now; t = t.addSecs(600), ++raw) {
        const bool bad = t.time() == QTime(3, 10);
        HubSample s
            = sample(t, bad ? HubState::Unhealthy : HubState::Healthy, bad ? 1 : 3, bad ? 100 : 10);
        if (bad)
            s.servers = {{QStringLiteral("x"), QStringLiteral("disconnected"), {}, 0, true}};
        VERIFY_OK(store.append(QStringLiteral("a"), s));
    }
    VERIFY_OK(seeding.commit());
    QCOMPARE(raw, 10 * 144);
    const auto c = store.compact(now);
    VERIFY_OK(c);
    QCOMPARE(c->rawAggregated, raw - 144); // the last 24 h stay raw
    QCOMPARE(c->deleted, 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM hub_samples WHERE resolution = 0")), 144);
    // Older than 7 days: one row per hour; 1..7 days: one row per 10-minute sample.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM hub_samples WHERE resolution = 3600")),
             3 * 24);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM hub_samples WHERE resolution = 60")),
             6 * 144);
    QCOMPARE(scalar(QStringLiteral("SELECT sum(sample_count) FROM hub_samples")), raw);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM hub_server_status")), 1);

    const auto all = store.samples(QStringLiteral("a"));
    VERIFY_OK(all);
    const StoredHubSample &hour = all->at(15); // 03:00-04:00 of the second day
    QCOMPARE(hour.resolution, 3600);
    QCOMPARE(hour.sample.timestamp, start.addSecs(15 * 3600));
    QCOMPARE(hour.sampleCount, 6);
    QCOMPARE(hour.sample.state, HubState::Unhealthy); // the worst state of the hour
    QCOMPARE(hour.sample.latencyMs, 25);              // (100 + 5 * 10) / 6
    QCOMPARE(all->at(16).sample.state, HubState::Healthy);
    for (qsizetype i = 1; i < all->size(); ++i)
        QVERIFY(all->at(i - 1).sample.timestamp < all->at(i).sample.timestamp);

    // A second run has nothing to do; a shorter retention deletes.
    const auto idle = store.compact(now);
    VERIFY_OK(idle);
    QCOMPARE(idle->rawAggregated + idle->minuteAggregated + idle->deleted, 0);
    VERIFY_OK(store.setRetention({24, 7, 8}));
    const auto pruned = store.compact(now);
    VERIFY_OK(pruned);
    QCOMPARE(pruned->deleted, 2 * 24);
    ws->close();
}

void TestHubStore::monitorStoresPolls()
{
    MCPHUB_BACKEND(backend);
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    HubEmulator emulator;
    emulator.setMode(HubEmulator::Mode::Database);
    QVERIFY(emulator.listen());
    const int recorded = emulator.activityCount();

    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY(ws.ok());
    const SecretStore secrets(QStringLiteral("mcphub-admin-test"));
    HubRecord record = hub(QStringLiteral("emu"), emulator.baseUrl().toString());
    record.pollIntervalMs = 60'000;
    VERIFY_OK(HubRepository(ws->context()).add(record));
    VERIFY_OK(secrets.write(HubRepository::secretKey(record.name), QStringLiteral("admin123")));
    {
        HubMonitor monitor(ws->context(), secrets);
        QSignalSpy stored(&monitor, &HubMonitor::sampleStored);
        QSignalSpy rows(&monitor, &HubMonitor::activitiesStored);
        QSignalSpy problems(&monitor, &HubMonitor::problem);
        const auto watched = monitor.start();
        VERIFY_OK(watched);
        QCOMPARE(*watched, 1);
        QVERIFY(stored.wait(30'000));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).value(1).toString()));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().at(1).toInt(), recorded);
    }
    emulator.addActivities(4);
    {
        // A restarted console resumes the sync where the last one stopped.
        HubMonitor monitor(ws->context(), secrets);
        QSignalSpy rows(&monitor, &HubMonitor::activitiesStored);
        VERIFY_OK(monitor.start());
        QVERIFY(rows.wait(30'000));
        QCOMPARE(rows.first().at(1).toInt(), 4);
    }
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM mcp_usage_logs WHERE hub_name = 'emu'")),
             recorded + 4);
    QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT hub_activity_id) FROM mcp_usage_logs")),
             recorded + 4);
    const auto latest = HubSampleStore(ws->context()).latest();
    VERIFY_OK(latest);
    QCOMPARE(latest->value(QStringLiteral("emu")).sample.state, HubState::Healthy);
    QVERIFY(!latest->value(QStringLiteral("emu")).sample.servers.isEmpty());
    VERIFY_OK(secrets.remove(HubRepository::secretKey(record.name)));
    ws->close();
}

QTEST_GUILESS_MAIN(TestHubStore)
#include "tst_hubstore.moc"
