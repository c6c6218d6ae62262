// Migrator on SQLite and the real PostgreSQL: round trip of every fixture with history and
// audit rows, idempotent rerun, each conflict policy, a dry run that leaves the database
// dump and the file bytes unchanged, --skip-invalid with its reject file, cancel before
// commit, verification that catches a database that changes what it stores (a trigger),
// and rollback back to the exact pre-run dump (refused once a later edit touched a row).

#include "storage/db/rowrepository.h"
#include "storage/db/serverrepository.h"
#include "storage/db/userrepository.h"
#include "storage/db/workspace.h"
#include "storage/migration/migrationhistory.h"
#include "storage/migration/migrationrollback.h"
#include "storage/migration/migrator.h"
#include "storage/settings/settingsfilelock.h"
#include "tests/support/testbackend.h"
#include "tests/support/testenv.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace mcphub;

namespace {

const QString kConnection = QStringLiteral("tst_migrator");

QString fullFixture()
{
    return test::fixturesDir() + QStringLiteral("/migration/full.json");
}

OrderedJson parse(const QByteArray &text)
{
    return OrderedJson::parse(text.constData(), text.constData() + text.size(), nullptr, false);
}

// Every row of every table (ordered), as text: equal dumps mean equal databases. The
// history and audit tables may be left out when a test expects them to grow.
QString dump(bool withHistory = true)
{
    QStringList tables = {QStringLiteral("users"),
                          QStringLiteral("mcp_servers"),
                          QStringLiteral("groups"),
                          QStringLiteral("bearer_keys"),
                          QStringLiteral("system_config"),
                          QStringLiteral("user_configs"),
                          QStringLiteral("oauth_clients"),
                          QStringLiteral("oauth_tokens"),
                          QStringLiteral("prompts"),
                          QStringLiteral("resources"),
                          QStringLiteral("settings_document")};
    if (withHistory)
        tables << QStringLiteral("migration_runs") << QStringLiteral("access_logs");
    QString out;
    QSqlDatabase db = QSqlDatabase::database(kConnection);
    for (const QString &table : tables) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(table)))
            return QStringLiteral("error ") + table;
        out += table + QLatin1Char('\n');
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i)
                out += q.value(i).toString() + QLatin1Char('|');
            out += QLatin1Char('\n');
        }
    }
    return out;
}

qint64 scalar(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(kConnection));
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

// The full fixture with bob made admin and one server's URL changed.
QByteArray modifiedFull()
{
    OrderedJson doc = parse(test::readFile(fullFixture()));
    doc["users"][1]["isAdmin"] = true;
    doc["mcpServers"]["héllo/wörld~1"]["url"] = "http://127.0.0.1:10/sse";
    return SettingsMapper::serialize(doc);
}

#define VERIFY_REPORT(report)                                                                      \
    QVERIFY2((report).ok(), qPrintable((report).ok() ? QString() : (report).error->toString()))

} // namespace

class TestMigrator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { closeSqlConnection(kConnection); }

    void roundTripEveryFixture_data();
    void roundTripEveryFixture();
    void idempotentRerun_data() { MCPHUB_BACKEND_ROWS(); }
    void idempotentRerun();
    void conflictPolicies_data() { MCPHUB_BACKEND_ROWS(); }
    void conflictPolicies();
    void secondFileShowsTopLevelConflictInPlan_data() { MCPHUB_BACKEND_ROWS(); }
    void secondFileShowsTopLevelConflictInPlan();
    void dryRunChangesNothing_data() { MCPHUB_BACKEND_ROWS(); }
    void dryRunChangesNothing();
    void skipInvalidWritesRejects_data() { MCPHUB_BACKEND_ROWS(); }
    void skipInvalidWritesRejects();
    void cancelBeforeCommit_data() { MCPHUB_BACKEND_ROWS(); }
    void cancelBeforeCommit();
    void verificationCatchesChangedRows_data() { MCPHUB_BACKEND_ROWS(); }
    void verificationCatchesChangedRows();
    void badInputChangesNothing_data() { MCPHUB_BACKEND_ROWS(); }
    void badInputChangesNothing();
    void consoleEditsReachTheExport_data() { MCPHUB_BACKEND_ROWS(); }
    void consoleEditsReachTheExport();
    void rollbackRestoresPreRunDump_data() { MCPHUB_BACKEND_ROWS(); }
    void rollbackRestoresPreRunDump();

private:
    MigrationReport migrate(const Workspace &ws,
                            const test::TestBackend &backend,
                            const QString &path,
                            MigrationOptions::Conflict policy = MigrationOptions::Conflict::Fail,
                            bool dryRun = false)
    {
        MigrationOptions options;
        options.sourcePath = path;
        options.backupDir = backend.tempPath(QString());
        options.conflict = policy;
        options.dryRun = dryRun;
        return Migrator(ws.context(QStringLiteral("tester")), options).run();
    }
};

void TestMigrator::roundTripEveryFixture_data()
{
    QTest::addColumn<QString>("backendKind");
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<bool>("byMcpHub");
    QStringList files;
    for (const QString &n : QDir(test::fixturesDir() + QStringLiteral("/upstream"))
                                .entryList({QStringLiteral("*.json")}, QDir::Files))
        files << QStringLiteral("upstream/") + n;
    for (const QString &mode : {QStringLiteral("db-mode"), QStringLiteral("file-mode")}) {
        const QString dir = QStringLiteral("hub-captures/") + mode + QStringLiteral("/settings/");
        for (const QString &n : QDir(test::fixturesDir() + QLatin1Char('/') + dir)
                                    .entryList({QStringLiteral("*.json")}, QDir::Files))
            files << dir + n;
    }
    for (const QString &n : QDir(test::fixturesDir() + QStringLiteral("/handmade"))
                                .entryList({QStringLiteral("*.json")}, QDir::Files))
        files << QStringLiteral("handmade/") + n; // formatted as MCPHub writes
    files << QStringLiteral("migration/full.json");
    for (const QString &kind : {QStringLiteral("sqlite"), QStringLiteral("postgres")}) {
        for (const QString &f : files)
            QTest::newRow(qPrintable(kind + QLatin1Char(':') + f))
                << kind << f << !f.startsWith(QLatin1String("upstream/"));
    }
}

void TestMigrator::roundTripEveryFixture()
{
    QFETCH(QString, fixture);
    QFETCH(bool, byMcpHub);
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY(ws.ok());
    const QString path = test::fixturesDir() + QLatin1Char('/') + fixture;
    const QByteArray before = test::readFile(path);

    // Records the validator rejects (an upstream file has a clear-text password) are left
    // out into the reject file; the rest must come back exactly.
    MigrationOptions options;
    options.sourcePath = path;
    options.backupDir = backend.tempPath(QString());
    options.skipInvalid = true;
    options.rejectsPath = backend.tempPath(QStringLiteral("rejects.jsonl"));
    const MigrationReport report = Migrator(ws->context(QStringLiteral("tester")), options).run();
    VERIFY_REPORT(report);
    QCOMPARE(report.status, QStringLiteral("completed"));
    OrderedJson expected = parse(before);
    QStringList rejected;
    for (const auto &r : report.rejects)
        rejected << r.pointer;
    std::sort(rejected.begin(), rejected.end(), std::greater<>()); // later indices first
    for (const QString &pointer : rejected) {
        const nlohmann::json_pointer<std::string> at(pointer.toStdString());
        OrderedJson &container = expected[at.parent_pointer()];
        if (container.is_array())
            container.erase(std::stoul(at.back()));
        else
            container.erase(at.back());
    }
    QCOMPARE(rejected.isEmpty(),
             fixture != QLatin1String("upstream/oauth-dynamic-registration-config.json"));
    QVERIFY(report.runId > 0);
    QVERIFY(report.differences.isEmpty());
    QCOMPARE(test::readFile(report.backupPath), before);
    QCOMPARE(test::readFile(path), before);
    QCOMPARE(
        report.sourceSha256,
        QString::fromLatin1(QCryptographicHash::hash(before, QCryptographicHash::Sha256).toHex()));

    const auto exported = SettingsMapper::exportDocument(ws->context());
    QVERIFY(exported.ok());
    QCOMPARE(QString::fromStdString(exported->document.dump(1)),
             QString::fromStdString(expected.dump(1)));
    if (byMcpHub && rejected.isEmpty())
        QCOMPARE(SettingsMapper::serialize(exported->document, exported->format), before);

    const auto runs = MigrationHistory(ws->context()).list();
    QVERIFY(runs.ok());
    QCOMPARE(runs->size(), 1);
    QCOMPARE(runs->first().status, QStringLiteral("completed"));
    QCOMPARE(runs->first().sourceSha256, report.sourceSha256);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM access_logs WHERE action = "
                                   "'migration.run'")),
             1);
}

void TestMigrator::idempotentRerun()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY(ws.ok());
    VERIFY_REPORT(migrate(*ws, backend, fullFixture()));
    const QString first = dump(false);
    const MigrationReport again = migrate(*ws, backend, fullFixture());
    VERIFY_REPORT(again);
    QCOMPARE(again.totalWritten(), 0);
    int identical = 0;
    for (const auto &c : again.counts) {
        QCOMPARE(c.created, 0);
        QCOMPARE(c.conflicting, 0);
        identical += c.identical;
    }
    QCOMPARE(identical, 20); // every entity of full.json
    QCOMPARE(dump(false), first);
}

void TestMigrator::conflictPolicies()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY(ws.ok());
    VERIFY_REPORT(migrate(*ws, backend, fullFixture()));
    const QString modified = backend.tempPath(QStringLiteral("modified.json"));
    QVERIFY(test::writeFile(modified, modifiedFull()));
    const QString before = dump(false);

    const MigrationReport failed = migrate(*ws, backend, modified);
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error->code, Error::Code::Conflict);
    // Two entities and the document (other format: no final newline either way; same here).
    QCOMPARE(failed.countsFor(QStringLiteral("users")).conflicting, 1);
    QCOMPARE(failed.countsFor(QStringLiteral("mcpServers")).conflicting, 1);
    QCOMPARE(dump(false), before);
    QCOMPARE(MigrationHistory(ws->context()).list()->first().status, QStringLiteral("failed"));

    const MigrationReport skipped
        = migrate(*ws, backend, modified, MigrationOptions::Conflict::Skip);
    VERIFY_REPORT(skipped);
    QCOMPARE(skipped.totalWritten(), 0);
    QCOMPARE(skipped.countsFor(QStringLiteral("users")).skipped, 1);
    QCOMPARE(dump(false), before);

    const MigrationReport overwritten
        = migrate(*ws, backend, modified, MigrationOptions::Conflict::Overwrite);
    VERIFY_REPORT(overwritten);
    QCOMPARE(overwritten.totalWritten(), 2);
    const auto exported = SettingsMapper::exportDocument(ws->context());
    QVERIFY(exported.ok());
    QCOMPARE(SettingsMapper::serialize(exported->document, exported->format),
             test::readFile(modified));
}

// Issue 11 item 9: a second settings file with other top-level keys (and so another key
// order) conflicts on the top-level document only. The plan shows that conflict like an
// entity's: its own counts row, a message naming what differs and what each policy does.
void TestMigrator::secondFileShowsTopLevelConflictInPlan()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY(ws.ok());
    const QString first = backend.tempPath(QStringLiteral("first.json"));
    const QString second = backend.tempPath(QStringLiteral("second.json"));
    QVERIFY(test::writeFile(first,
                            "{\n  \"mcpServers\": {\n    \"a\": {\n      \"command\": "
                            "\"npx\"\n    }\n  }\n}\n"));
    QVERIFY(test::writeFile(second,
                            "{\n  \"x-note\": \"second\",\n  \"mcpServers\": {\n    "
                            "\"b\": {\n      \"command\": \"uvx\"\n    }\n  }\n}\n"));
    VERIFY_REPORT(migrate(*ws, backend, first));
    const QString before = dump(true);

    const auto topLevel = [](const MigrationReport &r) {
        return r.countsFor(MigrationReport::kTopLevelEntity);
    };
    const MigrationReport failed
        = migrate(*ws, backend, second, MigrationOptions::Conflict::Fail, true);
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error->code, Error::Code::Conflict);
    QCOMPARE(failed.error->where, QStringLiteral("/"));
    QCOMPARE(failed.countsFor(QStringLiteral("mcpServers")).conflicting, 0);
    QCOMPARE(failed.countsFor(QStringLiteral("mcpServers")).created, 1);
    QVERIFY(!failed.counts.isEmpty());
    QCOMPARE(failed.counts.first().entity, MigrationReport::kTopLevelEntity);
    QCOMPARE(topLevel(failed).total, 1);
    QCOMPARE(topLevel(failed).conflicting, 1);
    QCOMPARE(failed.conflicts.size(), 1);
    QCOMPARE(failed.conflicts.first().pointer, QStringLiteral("/"));
    const QString message = failed.conflicts.first().message;
    QVERIFY2(message.contains(QLatin1String("the order of the top-level keys")),
             qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("not model")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("\"skip\" keeps the database's top level")),
             qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("\"overwrite\" replaces it with this file's")),
             qPrintable(message));

    const MigrationReport skipped
        = migrate(*ws, backend, second, MigrationOptions::Conflict::Skip, true);
    VERIFY_REPORT(skipped);
    QCOMPARE(topLevel(skipped).skipped, 1);
    QCOMPARE(topLevel(skipped).overwritten, 0);
    QCOMPARE(skipped.totalWritten(), 1); // server b
    const MigrationReport overwritten
        = migrate(*ws, backend, second, MigrationOptions::Conflict::Overwrite, true);
    VERIFY_REPORT(overwritten);
    QCOMPARE(topLevel(overwritten).overwritten, 1);
    QCOMPARE(overwritten.totalWritten(), 2); // server b and the top level
    QCOMPARE(dump(true), before);            // dry runs

    // Run for real with overwrite: the export has the second file's top level and both servers.
    VERIFY_REPORT(migrate(*ws, backend, second, MigrationOptions::Conflict::Overwrite));
    const auto exported = SettingsMapper::exportDocument(ws->context());
    QVERIFY(exported.ok());
    QCOMPARE(QString::fromStdString(exported->document.begin().key()), QStringLiteral("x-note"));
    QVERIFY(exported->document["mcpServers"].contains("a"));
    QVERIFY(exported->document["mcpServers"].contains("b"));
}

void TestMigrator::dryRunChangesNothing()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY(ws.ok());
    VERIFY_REPORT(migrate(*ws, backend, fullFixture()));
    const QString modified = backend.tempPath(QStringLiteral("modified.json"));
    QVERIFY(test::writeFile(modified, modifiedFull()));
    const QByteArray bytes = test::readFile(modified);
    const QString before = dump(true);
    const MigrationReport dry
        = migrate(*ws, backend, modified, MigrationOptions::Conflict::Overwrite, true);
    VERIFY_REPORT(dry);
    QCOMPARE(dry.status, QStringLiteral("dry-run"));
    QCOMPARE(dry.runId, 0);
    QCOMPARE(dry.totalWritten(), 2); // what would change
    QCOMPARE(dump(true), before);
    QCOMPARE(test::readFile(modified), bytes);

    // A dry run into an empty database simulates the whole import.
    closeSqlConnection(kConnection);
    test::TestBackend empty(backend.isPostgres() ? QStringLiteral("postgres")
                                                 : QStringLiteral("sqlite"));
    auto ws2 = Workspace::open(empty.profile(), kConnection);
    QVERIFY(ws2.ok());
    const QString emptyDump = dump(true);
    const MigrationReport dry2 = migrate(*ws2, empty, fullFixture(), {}, true);
    VERIFY_REPORT(dry2);
    QCOMPARE(dry2.totalWritten(), 20);
    QCOMPARE(dump(true), emptyDump);
}

void TestMigrator::skipInvalidWritesRejects()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY(ws.ok());
    const QString path = backend.tempPath(QStringLiteral("bad.json"));
    // Valid records around three invalid ones (not an object, no name, a duplicate name).
    const QByteArray hash = "$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.";
    const QByteArray bytes = "{\"mcpServers\":{\"ok\":{\"command\":\"x\",\"args\":[]},\"bad\":7},"
                             "\"users\":[{\"username\":\"a\",\"password\":\""
                             + hash + "\",\"isAdmin\":true},{\"password\":\"" + hash
                             + "\"},{\"username\":\"a\",\"password\":\"$2b$10$q" + hash.mid(8)
                             + "\"}]}";
    QVERIFY(test::writeFile(path, bytes));
    const QString before = dump(false);

    MigrationOptions options;
    options.sourcePath = path;
    options.backupDir = backend.tempPath(QString());
    const MigrationReport refused = Migrator(ws->context(), options).run();
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error->code, Error::Code::Invalid);
    QCOMPARE(refused.rejects.size(), 3);
    QCOMPARE(dump(false), before);

    options.skipInvalid = true;
    options.rejectsPath = backend.tempPath(QStringLiteral("rejects.jsonl"));
    const MigrationReport report = Migrator(ws->context(), options).run();
    VERIFY_REPORT(report);
    QCOMPARE(report.countsFor(QStringLiteral("users")).rejected, 2);
    QCOMPARE(report.countsFor(QStringLiteral("users")).created, 1);
    QCOMPARE(report.countsFor(QStringLiteral("mcpServers")).created, 1);
    const QList<QByteArray> lines = test::readFile(options.rejectsPath).trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    const OrderedJson first = parse(lines.at(0));
    QCOMPARE(QString::fromStdString(first["pointer"].get<std::string>()),
             QStringLiteral("/mcpServers/bad"));
    QVERIFY(first["record"] == OrderedJson(7));
    QVERIFY(parse(lines.at(2))["record"]["password"].get<std::string>().substr(0, 8) == "$2b$10$q");
    QCOMPARE(test::readFile(path), bytes);
}

void TestMigrator::cancelBeforeCommit()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY(ws.ok());
    const QString before = dump(false);
    for (const int stopAt : {5, 31, 90, 99}) {
        MigrationOptions options;
        options.sourcePath = fullFixture();
        options.backupDir = backend.tempPath(QString());
        Migrator migrator(ws->context(), options);
        QList<int> seen;
        migrator.setProgressCallback([&](const MigrationProgress &p) {
            seen << p.percent;
            return p.percent < stopAt;
        });
        const MigrationReport report = migrator.run();
        QVERIFY(!report.ok());
        QCOMPARE(report.error->code, Error::Code::Cancelled);
        QCOMPARE(report.status, QStringLiteral("cancelled"));
        QVERIFY(std::is_sorted(seen.cbegin(), seen.cend()));
        QCOMPARE(dump(false), before);
    }
    VERIFY_REPORT(migrate(*ws, backend, fullFixture()));
}

void TestMigrator::verificationCatchesChangedRows()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY(ws.ok());
    QSqlQuery q(ws->database());
    if (backend.isPostgres()) {
        QVERIFY(q.exec(QStringLiteral(
            "CREATE FUNCTION promote() RETURNS trigger AS $$ BEGIN NEW.is_admin := true; "
            "RETURN NEW; END $$ LANGUAGE plpgsql")));
        QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER promote BEFORE INSERT ON users FOR EACH ROW "
                                      "WHEN (NEW.username = 'bob') EXECUTE FUNCTION promote()")));
    } else {
        QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER promote AFTER INSERT ON users WHEN "
                                      "NEW.username = 'bob' BEGIN UPDATE users SET is_admin = 1 "
                                      "WHERE id = NEW.id; END")));
    }
    const QString before = dump(false);
    const MigrationReport report = migrate(*ws, backend, fullFixture());
    QVERIFY(!report.ok());
    QCOMPARE(report.differences.size(), 1);
    QCOMPARE(report.differences.first().pointer, QStringLiteral("/users/1/isAdmin"));
    QCOMPARE(dump(false), before);
}

void TestMigrator::badInputChangesNothing()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY(ws.ok());
    const QString before = dump(false);
    const QString path = backend.tempPath(QStringLiteral("bad.json"));

    // Duplicate server names: JSON.parse would keep the last silently.
    QVERIFY(test::writeFile(path,
                            "{\"mcpServers\": {\"fetch\": {\"url\": \"a\"},\n"
                            "\"fetch\": {\"url\": \"b\"}}}"));
    MigrationReport report = migrate(*ws, backend, path);
    QVERIFY(!report.ok());
    QCOMPARE(report.error->code, Error::Code::Invalid);
    QVERIFY2(report.error->where.endsWith(QLatin1String("#/mcpServers/fetch")),
             qPrintable(report.error->where));

    // Not JSON: the error names line and column.
    QVERIFY(test::writeFile(path, "{\n  \"mcpServers\": {,\n}"));
    report = migrate(*ws, backend, path);
    QVERIFY(!report.ok());
    QCOMPARE(report.error->code, Error::Code::Parse);
    QVERIFY2(report.error->where.endsWith(QLatin1String(":2:18")), qPrintable(report.error->where));
    QCOMPARE(test::readFile(path), QByteArray("{\n  \"mcpServers\": {,\n}"));
    QCOMPARE(dump(false), before);

    // The settings file's lock is held (by a console saving it): the run waits, then stops.
    {
        SettingsFileLock held(fullFixture());
        QVERIFY(held.acquire(std::chrono::milliseconds(1000)).ok());
        MigrationOptions options;
        options.sourcePath = fullFixture();
        options.backupDir = backend.tempPath(QString());
        options.lockTimeoutMs = 300;
        report = Migrator(ws->context(), options).run();
        QVERIFY(!report.ok());
        QCOMPARE(report.error->code, Error::Code::Locked);
        QCOMPARE(dump(false), before);
    }

    // A read-only profile: refused, nothing written.
    closeSqlConnection(kConnection);
    ConnectionProfile readOnly = backend.profile();
    readOnly.readOnly = true;
    auto ro = Workspace::open(readOnly, kConnection);
    QVERIFY(ro.ok());
    report = migrate(*ro, backend, fullFixture());
    QVERIFY(!report.ok());
    QCOMPARE(report.error->code, Error::Code::ReadOnly);
    QCOMPARE(dump(false), before);
}

// What the console changes after a migration reaches the exported file (dual-write and file
// workspaces save through the export): a key the file did not have is appended (a server
// disabled, a user made admin), a key the console cleared goes; everything else stays as the
// file had it.
void TestMigrator::consoleEditsReachTheExport()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY(ws.ok());
    MigrationOptions options;
    options.sourcePath = test::fixturesDir() + QStringLiteral("/migration/full.json");
    options.backupDir = backend.tempPath(QString());
    VERIFY_REPORT(Migrator(ws->context(QStringLiteral("tester")), options).run());
    OrderedJson expected = parse(test::readFile(options.sourcePath));

    const QString name = QStringLiteral("h\u00e9llo/w\u00f6rld~1");
    ServerRepository servers(ws->context(QStringLiteral("tester")));
    VERIFY_OK(servers.setEnabled(name, false)); // the file has no "enabled" for it
    auto server = servers.find(name);
    QVERIFY(server.ok() && server->has_value());
    ServerRecord changed = **server;
    changed.owner.clear(); // the file has "owner": cleared
    VERIFY_OK(servers.update(changed));
    expected["mcpServers"][name.toStdString()].erase("owner");
    expected["mcpServers"][name.toStdString()]["enabled"] = false;

    const auto exported = SettingsMapper::exportDocument(ws->context());
    QVERIFY(exported.ok());
    QCOMPARE(QString::fromStdString(exported->document.dump(1)),
             QString::fromStdString(expected.dump(1)));
}

void TestMigrator::rollbackRestoresPreRunDump()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY(ws.ok());
    VERIFY_REPORT(migrate(*ws, backend, fullFixture()));
    // A second file adds a user and changes two entries.
    OrderedJson doc = parse(modifiedFull());
    doc["users"].push_back(
        {{"username", "carol"},
         {"password", "$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa."}});
    const QString modified = backend.tempPath(QStringLiteral("modified.json"));
    QVERIFY(test::writeFile(modified, SettingsMapper::serialize(doc)));
    const QString before = dump(false);
    const MigrationReport run
        = migrate(*ws, backend, modified, MigrationOptions::Conflict::Overwrite);
    VERIFY_REPORT(run);
    QCOMPARE(run.totalWritten(), 3);
    QVERIFY(dump(false) != before);

    const auto rolledBack = MigrationRollback(ws->context()).rollback(run.runId);
    QVERIFY2(rolledBack.ok(),
             qPrintable(rolledBack.ok() ? QString() : rolledBack.error().toString()));
    QCOMPARE(dump(false), before);
    const auto original = MigrationHistory(ws->context()).find(run.runId);
    QCOMPARE((*original)->status, QStringLiteral("rolled-back"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM access_logs WHERE action = "
                                   "'migration.rollback'")),
             1);
    // Twice is refused.
    QCOMPARE(MigrationRollback(ws->context()).rollback(run.runId).error().code,
             Error::Code::Conflict);

    // Run again, then edit a row it wrote: the rollback refuses and changes nothing.
    const MigrationReport again
        = migrate(*ws, backend, modified, MigrationOptions::Conflict::Overwrite);
    VERIFY_REPORT(again);
    RowRepository users(ws->context(), settingsEntity(QStringLiteral("users"))->table);
    QVERIFY(
        users.update(QStringLiteral("carol"), {{QStringLiteral("password"), QStringLiteral("y")}})
            .ok());
    const QString edited = dump(false);
    MigrationRollback refused(ws->context());
    const auto result = refused.rollback(again.runId);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, Error::Code::Conflict);
    QCOMPARE(refused.touchedRows(), QStringList{QStringLiteral("/users/carol")});
    QCOMPARE(dump(false), edited);
}

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
