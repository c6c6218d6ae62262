// A settings file into MCPHub's own database and back (issue 14), through mcphub-adminctl as a
// real process on a real PostgreSQL holding MCPHub's tables from the DDL a real hub made:
// every upstream fixture and hub capture migrates and exports back unchanged, a second run
// changes nothing, a rollback restores every row; diff finds drift in each entity and
// --conflict overwrite removes it without wiping what the file does not describe; losses are
// refused unless accepted; ids that are not uuids get stable uuids with their references;
// the hubs registered on the database are told exactly what changed; a killed run changes
// nothing.

#include "storage/db/bulkreader.h"
#include "storage/db/workspace.h"
#include "storage/migration/hubsettings.h"
#include "storage/migration/migrator.h"
#include "storage/settings/jsonpointer.h"
#include "storage/sqlconnection.h"
#include "storage/uuidseries.h"
#include "tests/support/adminctlrun.h"
#include "tests/support/hubemulator.h"
#include "tests/support/mcphubdatabase.h"
#include "tests/support/testenv.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <csignal>
#include <limits>

using namespace mcphub;
using namespace mcphub::test;

namespace {

const QByteArray kBearer = "bearer-key-5c1e";
const QString kHash
    = QStringLiteral("$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.");

OrderedJson readJson(const QString &path)
{
    const QByteArray bytes = readFile(path);
    return OrderedJson::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
}

bool writeJson(const QString &path, const OrderedJson &json)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const std::string text = json.dump(2);
    return file.write(text.data(), qint64(text.size())) == qint64(text.size());
}

QString emptyMcphubDatabase(const PgTestDatabase &pg)
{
    return psql(pg.conninfo(),
                {QStringLiteral("-f"),
                 fixturesDir() + QStringLiteral("/hub-captures/db-mode/mcphub-db-schema.sql")});
}

// carol, a user the test's files do not describe, holding the address ops@example.org
// (users.email is unique in MCPHub's schema).
bool carolHoldsOpsEmail(const PgTestDatabase &pg)
{
    return psql(pg.conninfo(),
                {QStringLiteral("-c"),
                 QStringLiteral("INSERT INTO users (username, password, email) VALUES "
                                "('carol', '%1', 'ops@example.org')")
                     .arg(kHash)})
        .isEmpty();
}

QStringList items(const QJsonObject &report, const QString &list)
{
    QStringList out;
    for (const QJsonValue &v : report.value(list).toArray())
        out << v[QStringLiteral("pointer")].toString();
    return out;
}

int written(const QJsonObject &report)
{
    int n = 0;
    const QJsonObject counts = report.value(QStringLiteral("counts")).toObject();
    for (auto it = counts.begin(); it != counts.end(); ++it)
        n += it->toObject().value(QStringLiteral("new")).toInt()
             + it->toObject().value(QStringLiteral("overwritten")).toInt();
    return n;
}

// `exported` without the rows the report says the database kept beside the file's
// ("/users/operator"), and without a collection the file did not have that only they filled.
OrderedJson withoutKept(OrderedJson exported, const QStringList &kept, const OrderedJson &source)
{
    for (const QString &pointer : kept) {
        const QStringList tokens = JsonPointer::tokens(pointer);
        if (tokens.size() == 1 && !source.contains(tokens.at(0).toStdString()))
            exported.erase(tokens.at(0).toStdString()); // systemConfig
        if (tokens.size() != 2)
            continue;
        const std::string entity = tokens.at(0).toStdString();
        if (!exported.contains(entity))
            continue;
        OrderedJson &value = exported[entity];
        const HubEntity *spec = hubEntity(tokens.at(0));
        if (value.is_object()) {
            value.erase(tokens.at(1).toStdString());
        } else if (value.is_array() && spec) {
            for (auto it = value.begin(); it != value.end(); ++it) {
                if (it->value(spec->keyField.toStdString(), std::string())
                    == tokens.at(1).toStdString()) {
                    value.erase(it);
                    break;
                }
            }
        }
        if (value.empty() && !source.contains(entity))
            exported.erase(entity);
    }
    return exported;
}

} // namespace

class TestHubMigration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everySettingsFileComesBack_data();
    void everySettingsFileComesBack();
    void diffFindsDriftAndOverwriteKeepsWhatTheFileDoesNotDescribe();
    void lossesAreListedAndRefusedUnlessAccepted();
    void idsThatAreNotUuidsGetStableUuidsAndTheirReferencesFollow();
    void theHubsAreToldWhatAMigrationChanged();
    void aKilledRunChangesNothing();
    void aBrokenFileIsRefusedAtItsPlace();
    void aValueMcphubHoldsOnceIsRefusedAtItsPlace();
    void usersWrittenAsTheyAreMappedStopWithTheRun();
    void usersProgressCountsAndCancelsMidway();
    void oneMigrationAtATime();
    void aValueChangedOnTheWayInIsADifference();
    void aRollbackIsRefusedWhileARowTheRunAddedIsChanged();
    void timesTheRunDidNotWriteAreDigestedAsTheyAre();
    void recordedDigestFormatsAreFixed();
    void newIdsAreRecordedAsTheirSeries();
    void runsRecordedInEarlierDigestFormatsRollBack_data();
    void runsRecordedInEarlierDigestFormatsRollBack();
    void shapesOfRowsTheFileSkipsOrNoLongerHasAreKept();
    void anEntityShapeKeepsTheFirstEntryOfAKey();

private:
    // Migrates a file of one server ("a") and two users (admin, bob) into `pg`'s MCPHub
    // tables, the file and its report named after `name` in m_dir: the run's id, or empty
    // (with what the command said) when it failed.
    QString migrateAdminAndBob(const PgTestDatabase &pg, const QString &name);

    QTemporaryDir m_dir;
};

void TestHubMigration::initTestCase()
{
    MCPHUB_REQUIRE_SERVICE(PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    QVERIFY(m_dir.isValid());
}

void TestHubMigration::everySettingsFileComesBack_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("rejected"); // records the console refuses (a broken hash)
    const QString root = fixturesDir();
    QStringList files;
    for (const QString &name : QDir(root + QStringLiteral("/upstream"))
                                   .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        files << root + QStringLiteral("/upstream/") + name;
    for (const QString &sub : {QStringLiteral("/hub-captures/file-mode/settings"),
                               QStringLiteral("/hub-captures/db-mode/settings")}) {
        for (const QString &name :
             QDir(root + sub)
                 .entryList({QStringLiteral("mcp_settings*.json")}, QDir::Files, QDir::Name))
            files << root + sub + QLatin1Char('/') + name;
    }
    files << root + QStringLiteral("/handmade/mcp_settings.populated.json");
    QVERIFY(files.size() >= 11);
    for (const QString &file : std::as_const(files)) {
        // Upstream's OAuth test file holds a truncated bcrypt hash ("$2b$10$" + 22 characters):
        // nobody can log in with it, and the console refuses to store it as a password.
        const int rejected = file.endsWith(QLatin1String("oauth-dynamic-registration-config.json"));
        QTest::newRow(qPrintable(QFileInfo(file).fileName())) << file << rejected;
    }
}

void TestHubMigration::everySettingsFileComesBack()
{
    QFETCH(QString, path);
    QFETCH(int, rejected);
    PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QVERIFY2(emptyMcphubDatabase(pg).isEmpty(), "DDL");
    const QStringList ws = hubDbArguments(pg);
    const OrderedJson original = readJson(path);
    QVERIFY(original.is_object());
    // MCPHub never runs with no user (it would re-seed): files without one go into a database
    // that has one, which the migration keeps.
    if (!original.contains("users") || original["users"].empty() || rejected > 0) {
        QCOMPARE(psql(pg.conninfo(),
                      {QStringLiteral("-c"),
                       QStringLiteral("INSERT INTO users (username, password, \"isAdmin\") VALUES "
                                      "('operator', '%1', true)")
                           .arg(kHash)}),
                 QString());
    }
    const QString source = m_dir.filePath(QFileInfo(path).fileName());
    QFile::remove(source);
    QVERIFY(QFile::copy(path, source));
    QFile::setPermissions(source, QFile::ReadOwner | QFile::WriteOwner);
    const QByteArray sourceBytes = readFile(source);
    const QByteArray before = publicData(pg.conninfo());
    const QByteArray schema = publicSchema(pg.conninfo());
    const QString reportPath = m_dir.filePath(QStringLiteral("report.json"));

    QStringList migrate{QStringLiteral("migrate"),
                        source,
                        QStringLiteral("--yes"),
                        QStringLiteral("--report"),
                        reportPath};
    if (rejected > 0)
        migrate << QStringLiteral("--skip-invalid") << QStringLiteral("--rejects")
                << m_dir.filePath(QStringLiteral("rejects.jsonl"));
    const Run first = adminctl(migrate + ws);
    VERIFY_RUN(first, 0);
    const QJsonObject report = QJsonDocument::fromJson(readFile(reportPath)).object();
    QCOMPARE(items(report, QStringLiteral("losses")), QStringList());
    QCOMPARE(items(report, QStringLiteral("rejects")).size(), rejected);
    if (rejected > 0) { // the refused record itself, as the file has it
        const QByteArray line = readFile(m_dir.filePath(QStringLiteral("rejects.jsonl")));
        const OrderedJson reject = OrderedJson::parse(
            line.constData(), line.constData() + line.indexOf('\n'), nullptr, false);
        QCOMPARE(QString::fromStdString(reject.value("pointer", std::string())),
                 QStringLiteral("/users/0"));
        QVERIFY(reject.value("record", OrderedJson()) == original["users"][0]);
    }
    for (const QString &pointer : items(report, QStringLiteral("idRewrites")))
        QVERIFY2(pointer.endsWith(QLatin1String("/id"))
                     || pointer.contains(QLatin1String("/allowedGroups/")),
                 qPrintable(pointer));
    const qint64 runId = report.value(QStringLiteral("runId")).toInteger();
    QVERIFY(runId > 0);
    QCOMPARE(readFile(source), sourceBytes); // only read

    const QString exported = m_dir.filePath(QStringLiteral("exported.json"));
    VERIFY_RUN(adminctl(QStringList{QStringLiteral("export"), exported} + ws), 0);
    OrderedJson expected = HubSettings::withRewrittenIds(original);
    if (rejected > 0) // the one refused user
        expected["users"].erase(expected["users"].begin());
    const OrderedJson back
        = withoutKept(readJson(exported), items(report, QStringLiteral("kept")), original);
    // Equal with the keys in the file's order, not only as values.
    QVERIFY2(back == expected,
             qPrintable(QString::fromStdString(back.dump(1)) + QStringLiteral("\n!=\n")
                        + QString::fromStdString(expected.dump(1))));
    if (rejected == 0 && items(report, QStringLiteral("kept")).isEmpty()
        && items(report, QStringLiteral("idRewrites")).isEmpty()
        && sourceBytes == SettingsMapper::serialize(original))
        QCOMPARE(readFile(exported), sourceBytes); // MCPHub's own bytes

    // The same file again changes nothing.
    const QByteArray migrated = publicData(pg.conninfo());
    const Run second = adminctl(migrate + ws);
    VERIFY_RUN(second, 0);
    QCOMPARE(written(QJsonDocument::fromJson(readFile(reportPath)).object()), 0);
    QCOMPARE(publicData(pg.conninfo()), migrated);
    VERIFY_RUN(adminctl(QStringList{QStringLiteral("diff"), source} + ws),
               items(report, QStringLiteral("kept")).isEmpty() && rejected == 0 ? 0 : 1);

    // Rolled back: every row as before, to the microsecond.
    VERIFY_RUN(
        adminctl(
            QStringList{QStringLiteral("rollback"), QString::number(runId), QStringLiteral("--yes")}
            + ws),
        0);
    QCOMPARE(publicData(pg.conninfo()), before);
    QCOMPARE(publicSchema(pg.conninfo()), schema); // MCPHub's tables never altered
}

void TestHubMigration::diffFindsDriftAndOverwriteKeepsWhatTheFileDoesNotDescribe()
{
    PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QVERIFY2(emptyMcphubDatabase(pg).isEmpty(), "DDL");
    const QStringList ws = hubDbArguments(pg);
    const QString source = m_dir.filePath(QStringLiteral("populated.json"));
    QFile::remove(source);
    QVERIFY(QFile::copy(fixturesDir() + QStringLiteral("/handmade/mcp_settings.populated.json"),
                        source));
    QFile::setPermissions(source, QFile::ReadOwner | QFile::WriteOwner);
    VERIFY_RUN(
        adminctl(QStringList{QStringLiteral("migrate"), source, QStringLiteral("--yes")} + ws), 0);
    VERIFY_RUN(adminctl(QStringList{QStringLiteral("diff"), source} + ws), 0);

    // One change in each entity, made behind the file's back (as MCPHub's UI would), and an
    // admin with an OAuth token that only the database has.
    const QStringList planted{
        QStringLiteral(
            "UPDATE servers SET url = 'http://127.0.0.1:9/changed' WHERE name = 'time-sse'"),
        QStringLiteral("UPDATE users SET \"isAdmin\" = NOT \"isAdmin\" WHERE username = 'bob'"),
        QStringLiteral("UPDATE groups SET description = 'changed' WHERE name = 'research'"),
        QStringLiteral("UPDATE bearer_keys SET enabled = NOT enabled WHERE name = 'ci'"),
        QStringLiteral("UPDATE system_config SET \"nameSeparator\" = '::'"),
        QStringLiteral(
            "UPDATE user_configs SET routing = '{\"changed\":true}' WHERE username = 'alice'"),
        QStringLiteral("UPDATE oauth_clients SET name = 'changed'"),
        QStringLiteral("UPDATE oauth_tokens SET scope = 'changed'"),
        QStringLiteral("UPDATE builtin_prompts SET template = 'changed'"),
        QStringLiteral("UPDATE builtin_resources SET content = 'changed'"),
        QStringLiteral(
            "INSERT INTO users (username, password, \"isAdmin\") VALUES ('dbadmin', '%1', "
            "true)")
            .arg(kHash),
        QStringLiteral(
            "INSERT INTO oauth_tokens (access_token, access_token_expires_at, client_id, "
            "username) VALUES ('db-only-token', now() + interval '1 day', 'x', "
            "'dbadmin')")};
    for (const QString &sql : planted)
        QCOMPARE(psql(pg.conninfo(), {QStringLiteral("-c"), sql}), QString());

    // diff names an entry by its key (a user by username, a group or key by id...).
    const QStringList drift{
        QStringLiteral("/mcpServers/time-sse/url"),
        QStringLiteral("/users/bob/isAdmin"),
        QStringLiteral("/groups/5b0d7c36-3f7e-4c55-9d3e-0c1a2b3c4d5e/description"),
        QStringLiteral("/bearerKeys/2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e/enabled"),
        QStringLiteral("/systemConfig/nameSeparator"),
        QStringLiteral("/userConfigs/alice/routing"),
        QStringLiteral("/oauthClients/claude-desktop/name"),
        QStringLiteral("/oauthTokens/mcphub_at_3f1c9e0b7a/scope"),
        QStringLiteral("/prompts/c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f/template"),
        QStringLiteral("/resources/d2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f6a/content")};
    Run diff = adminctl(QStringList{QStringLiteral("diff"), source} + ws);
    VERIFY_RUN(diff, 1);
    for (const QString &pointer : drift)
        QVERIFY2(diff.out.contains(pointer), qPrintable(pointer + QLatin1Char('\n') + diff.out));
    QVERIFY2(diff.out.contains(QLatin1String("/users/dbadmin: Only in the database")),
             qPrintable(diff.out));

    // The default policy refuses and changes nothing.
    const QByteArray drifted = publicData(pg.conninfo());
    const Run refused
        = adminctl(QStringList{QStringLiteral("migrate"), source, QStringLiteral("--yes")} + ws);
    VERIFY_RUN(refused, 1);
    QVERIFY2(refused.out.contains(QLatin1String("conflict: /mcpServers/time-sse/url")),
             qPrintable(refused.out));
    QCOMPARE(publicData(pg.conninfo()), drifted);

    // Overwrite: the file's content again; the database's own admin and token stay.
    const Run reseeded = adminctl(QStringList{QStringLiteral("migrate"),
                                              source,
                                              QStringLiteral("--yes"),
                                              QStringLiteral("--conflict"),
                                              QStringLiteral("overwrite")}
                                  + ws);
    VERIFY_RUN(reseeded, 0);
    QVERIFY2(reseeded.out.contains(QLatin1String("kept: /users/dbadmin"))
                 && reseeded.out.contains(QLatin1String("kept: /oauthTokens/db-only-token")),
             qPrintable(reseeded.out));
    diff = adminctl(QStringList{QStringLiteral("diff"), source} + ws);
    for (const QString &pointer : drift)
        QVERIFY2(!diff.out.contains(pointer), qPrintable(pointer + QLatin1Char('\n') + diff.out));
    QCOMPARE(queryText(pg, QStringLiteral("SELECT count(*) FROM users WHERE username = 'dbadmin'")),
             QStringLiteral("1"));
    QCOMPARE(queryText(pg,
                       QStringLiteral("SELECT count(*) FROM oauth_tokens WHERE access_token = "
                                      "'db-only-token'")),
             QStringLiteral("1"));
    QCOMPARE(queryText(pg, QStringLiteral("SELECT count(*) FROM bearer_keys")),
             QStringLiteral("3")); // matched by name, never duplicated

    // --prune removes them: the database is the file.
    const Run pruned = adminctl(
        QStringList{
            QStringLiteral("migrate"), source, QStringLiteral("--yes"), QStringLiteral("--prune")}
        + ws);
    VERIFY_RUN(pruned, 0);
    QVERIFY2(pruned.out.contains(QLatin1String("pruned: /users/dbadmin")), qPrintable(pruned.out));
    VERIFY_RUN(adminctl(QStringList{QStringLiteral("diff"), source} + ws), 0);

    // Never an empty users table: a file without users cannot prune them all.
    OrderedJson noUsers = readJson(source);
    noUsers["users"] = OrderedJson::array();
    const QString empty = m_dir.filePath(QStringLiteral("no-users.json"));
    QVERIFY(writeJson(empty, noUsers));
    const Run refusedEmpty = adminctl(
        QStringList{
            QStringLiteral("migrate"), empty, QStringLiteral("--yes"), QStringLiteral("--prune")}
        + ws);
    VERIFY_RUN(refusedEmpty, 1);
    QVERIFY2(refusedEmpty.err.contains(QLatin1String("users table would be empty")),
             qPrintable(refusedEmpty.err));
    QCOMPARE(queryText(pg, QStringLiteral("SELECT count(*) FROM users")), QStringLiteral("3"));
}

void TestHubMigration::lossesAreListedAndRefusedUnlessAccepted()
{
    PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QVERIFY2(emptyMcphubDatabase(pg).isEmpty(), "DDL");
    const QStringList ws = hubDbArguments(pg);
    const QString source = m_dir.filePath(QStringLiteral("lossy.json"));
    QVERIFY(writeJson(source,
                      OrderedJson::parse(R"({
  "mcpServers": {"a": {"command": "npx", "args": ["x"], "somethingUnknown": 1,
                        "proxy": {"enabled": true, "type": "socks5", "host": "127.0.0.1", "port": 1080}}},
  "users": [{"username": "admin", "password": ")"
                                         + kHash.toStdString()
                                         + R"(", "isAdmin": true, "nickname": "boss"}],
  "systemConfig": {"nameSeparator": "-", "activityLog": {"enabled": true}, "futureSection": {}},
  "futureTopLevel": [1]
})")));
    const QByteArray before = publicData(pg.conninfo());
    const Run refused
        = adminctl(QStringList{QStringLiteral("migrate"), source, QStringLiteral("--yes")} + ws);
    VERIFY_RUN(refused, 1);
    for (const char *pointer : {"lost: /mcpServers/a/somethingUnknown",
                                "lost: /users/0/nickname",
                                "lost: /systemConfig/futureSection",
                                "lost: /futureTopLevel"})
        QVERIFY2(refused.out.contains(QLatin1String(pointer)),
                 qPrintable(QLatin1String(pointer) + refused.out));
    QVERIFY2(!refused.out.contains(QLatin1String("/proxy"))
                 && !refused.out.contains(QLatin1String("/activityLog")),
             qPrintable(refused.out)); // MCPHub's seed drops them; its tables hold them
    QVERIFY2(refused.err.contains(QLatin1String("--accept-loss")), qPrintable(refused.err));
    QCOMPARE(publicData(pg.conninfo()), before);

    VERIFY_RUN(adminctl(QStringList{QStringLiteral("migrate"),
                                    source,
                                    QStringLiteral("--yes"),
                                    QStringLiteral("--accept-loss")}
                        + ws),
               0);
    QCOMPARE(queryText(pg, QStringLiteral("SELECT proxy FROM servers WHERE name = 'a'")),
             QStringLiteral(R"({"enabled":true,"type":"socks5","host":"127.0.0.1","port":1080})"));
    QCOMPARE(queryText(pg, QStringLiteral("SELECT \"activityLog\" FROM system_config")),
             QStringLiteral(R"({"enabled":true})"));
    const QString exported = m_dir.filePath(QStringLiteral("lossy-back.json"));
    VERIFY_RUN(adminctl(QStringList{QStringLiteral("export"), exported} + ws), 0);
    const OrderedJson back = readJson(exported);
    QVERIFY(!back.contains("futureTopLevel"));
    QVERIFY(!back["mcpServers"]["a"].contains("somethingUnknown"));
    QCOMPARE(back["mcpServers"]["a"]["proxy"]["port"].get<int>(), 1080);
}

void TestHubMigration::idsThatAreNotUuidsGetStableUuidsAndTheirReferencesFollow()
{
    PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QVERIFY2(emptyMcphubDatabase(pg).isEmpty(), "DDL");
    const QStringList ws = hubDbArguments(pg);
    const QString source = m_dir.filePath(QStringLiteral("ids.json"));
    QVERIFY(writeJson(source,
                      OrderedJson::parse(R"({
  "mcpServers": {"fetch": {"command": "uvx", "args": ["mcp-server-fetch"]}},
  "users": [{"username": "admin", "password": ")"
                                         + kHash.toStdString() + R"(", "isAdmin": true}],
  "groups": [{"id": "team-a", "name": "Team A", "servers": ["fetch"]},
             {"id": "0F8FAD5B-D9CB-469F-A165-70867728950E", "name": "Upper", "servers": []},
             {"id": "0f8fad5b-d9cb-469f-a165-70867728950f\n", "name": "Newline", "servers": []}],
  "bearerKeys": [{"id": "key-1", "name": "team", "token": "mcphub_x", "enabled": true,
                  "accessType": "groups", "allowedGroups": ["team-a", "Upper"]}]
})")));
    const QString reportPath = m_dir.filePath(QStringLiteral("ids-report.json"));
    const QStringList migrate{QStringLiteral("migrate"),
                              source,
                              QStringLiteral("--yes"),
                              QStringLiteral("--report"),
                              reportPath};
    VERIFY_RUN(adminctl(migrate + ws), 0);
    const QString team = HubSettings::uuidFor(QStringLiteral("groups"), "team-a");
    const QString key = HubSettings::uuidFor(QStringLiteral("bearerKeys"), "key-1");
    // A uuid followed by a newline is not a uuid (nor is it to PostgreSQL): a uuid of its own.
    const QString newline
        = HubSettings::uuidFor(QStringLiteral("groups"), "0f8fad5b-d9cb-469f-a165-70867728950f\n");
    QCOMPARE(queryText(pg, QStringLiteral("SELECT id FROM groups ORDER BY name")),
             newline + QLatin1Char('|') + team
                 + QStringLiteral("|0f8fad5b-d9cb-469f-a165-70867728950e"));
    QCOMPARE(
        queryText(pg, QStringLiteral("SELECT id || ' ' || \"allowedGroups\" FROM bearer_keys")),
        key + QStringLiteral(R"( [")") + team + QStringLiteral(R"(","Upper"])"));
    const QJsonObject report = QJsonDocument::fromJson(readFile(reportPath)).object();
    QCOMPARE(items(report, QStringLiteral("idRewrites")),
             (QStringList{QStringLiteral("/groups/0/id"),
                          QStringLiteral("/groups/1/id"),
                          QStringLiteral("/groups/2/id"),
                          QStringLiteral("/bearerKeys/0/id"),
                          QStringLiteral("/bearerKeys/0/allowedGroups/0")}));
    // Stable: the same file matches the same rows.
    VERIFY_RUN(adminctl(migrate + ws), 0);
    QCOMPARE(written(QJsonDocument::fromJson(readFile(reportPath)).object()), 0);
    VERIFY_RUN(adminctl(QStringList{QStringLiteral("diff"), source} + ws), 0);
}

void TestHubMigration::theHubsAreToldWhatAMigrationChanged()
{
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg); // the rows a real hub wrote
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QStringList ws = hubDbArguments(pg);
    HubEmulator hub;
    hub.setMode(HubEmulator::Mode::Database);
    hub.setBearerKey(kBearer);
    QVERIFY(hub.listen());
    const QString hubName = QStringLiteral("seeded-%1").arg(QCoreApplication::applicationPid());
    VERIFY_RUN(adminctl(QStringList{QStringLiteral("hubs"),
                                    QStringLiteral("add"),
                                    hubName,
                                    hub.baseUrl().toString(),
                                    QStringLiteral("--bearer-stdin"),
                                    QStringLiteral("--timeout"),
                                    QStringLiteral("1")}
                            + ws,
                        kBearer + '\n'),
               0);
    const auto calls = [&hub] {
        QStringList out;
        for (const HubEmulator::Request &r : hub.requests()) {
            if (r.path.startsWith(QLatin1String("/api/servers/"))
                || r.path.startsWith(QLatin1String("/api/system-config")))
                out << QString::fromLatin1(r.method) + QLatin1Char(' ') + r.path + QLatin1Char(' ')
                           + QString::fromUtf8(r.body);
        }
        hub.clearRequests();
        return out;
    };

    // The hub's capture has two bearer keys sharing one token, which a settings file may not
    // hold (MCPHub could not tell which access applies): one gets a token of its own first.
    QCOMPARE(psql(pg.conninfo(),
                  {QStringLiteral("-c"),
                   QStringLiteral("UPDATE bearer_keys SET token = token || '-2' WHERE id = (SELECT "
                                  "id FROM bearer_keys ORDER BY created_at DESC LIMIT 1)")}),
             QString());
    // The database as a file, edited as an administrator would edit it.
    const QString file = m_dir.filePath(QStringLiteral("hub.json"));
    VERIFY_RUN(adminctl(QStringList{QStringLiteral("export"), file} + ws), 0);
    OrderedJson settings = readJson(file);
    QVERIFY(settings["mcpServers"].contains("echo-local"));
    QVERIFY(settings["mcpServers"].contains("math-local"));
    QVERIFY(settings["mcpServers"].contains("http-local"));
    settings["mcpServers"]["time"] = OrderedJson::parse(R"({"command":"npx","args":["t"]})");
    settings["mcpServers"]["math-local"]["args"] = OrderedJson::parse(R"(["/srv/math2.mjs"])");
    settings["mcpServers"]["http-local"]["enabled"] = false;
    settings["mcpServers"].erase("echo-local");
    settings["systemConfig"]["nameSeparator"] = "__";
    QVERIFY(writeJson(file, settings));
    const QStringList migrate{QStringLiteral("migrate"),
                              file,
                              QStringLiteral("--yes"),
                              QStringLiteral("--conflict"),
                              QStringLiteral("overwrite"),
                              QStringLiteral("--prune")};

    // A dry run: nothing written, nothing told.
    const QByteArray before = publicData(pg.conninfo());
    Run r = adminctl(migrate + QStringList{QStringLiteral("--dry-run")} + ws);
    VERIFY_RUN(r, 0);
    QCOMPARE(calls(), QStringList());
    QCOMPARE(publicData(pg.conninfo()), before);

    r = adminctl(migrate + ws);
    VERIFY_RUN(r, 0);
    const QStringList told = calls();
    // The removed server is stopped first, while the hub can still find it.
    QCOMPARE(told.value(0),
             QStringLiteral(R"(POST /api/servers/echo-local/toggle {"enabled":false})"));
    QCOMPARE(
        QSet<QString>(told.begin(), told.end()),
        (QSet<QString>{QStringLiteral(R"(POST /api/servers/echo-local/toggle {"enabled":false})"),
                       QStringLiteral("POST /api/servers/math-local/reload {}"),
                       QStringLiteral(R"(POST /api/servers/http-local/toggle {"enabled":false})"),
                       QStringLiteral(R"(POST /api/servers/time/toggle {"enabled":true})"),
                       QStringLiteral(R"(PUT /api/system-config {"nameSeparator":"__"})")}));
    QCOMPARE(told.size(), 5);
    QVERIFY2(r.out.contains(hubName + QStringLiteral(": start server \"time\": done")),
             qPrintable(r.out));

    // --no-apply: the change is written, nothing is told.
    settings["mcpServers"]["time"]["args"] = OrderedJson::parse(R"(["t2"])");
    QVERIFY(writeJson(file, settings));
    VERIFY_RUN(adminctl(migrate + QStringList{QStringLiteral("--no-apply")} + ws), 0);
    QCOMPARE(calls(), QStringList());
    QCOMPARE(queryText(pg, QStringLiteral("SELECT args FROM servers WHERE name = 'time'")),
             QStringLiteral(R"(["t2"])"));

    // A hub that fails or hangs: the database change stays, each line says what to do, exit 1.
    settings["mcpServers"]["http-local"]["enabled"] = true;
    settings["mcpServers"]["time"]["args"] = OrderedJson::parse(R"(["t3"])");
    QVERIFY(writeJson(file, settings));
    HubEmulator::Fault error;
    error.kind = HubEmulator::Fault::Kind::ServerError;
    hub.addFault(QStringLiteral("/api/servers/http-local/toggle"), error);
    HubEmulator::Fault hang;
    hang.kind = HubEmulator::Fault::Kind::Hang;
    hang.delayMs = 3000; // beyond the hub's 1 s timeout
    hub.addFault(QStringLiteral("/api/servers/time/reload"), hang);
    r = adminctl(migrate + ws);
    VERIFY_RUN(r, 1);
    QVERIFY2(r.out.contains(QLatin1String("start server \"http-local\": failed"))
                 && r.out.contains(QLatin1String("500")),
             qPrintable(r.out));
    QVERIFY2(
        r.out.contains(QStringLiteral("reload server \"time\": applies at the next restart of %1")
                           .arg(hubName)),
        qPrintable(r.out));
    QCOMPARE(
        queryText(pg,
                  QStringLiteral(
                      "SELECT coalesce(args, 'null') || ' ' || enabled FROM servers WHERE name = "
                      "'time' OR name = 'http-local' ORDER BY name")),
        QStringLiteral(R"(null true|["t3"] true)"));

    VERIFY_RUN(
        adminctl(QStringList{QStringLiteral("hubs"), QStringLiteral("remove"), hubName} + ws), 0);
}

void TestHubMigration::aKilledRunChangesNothing()
{
    PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QVERIFY2(emptyMcphubDatabase(pg).isEmpty(), "DDL");
    const QStringList ws = hubDbArguments(pg);
    const QString dir = m_dir.filePath(QStringLiteral("large"));
    QVERIFY(QDir().mkpath(dir));
    VERIFY_RUN(adminctl({QStringLiteral("generate"),
                         dir,
                         QStringLiteral("--servers"),
                         QStringLiteral("3000"),
                         QStringLiteral("--users"),
                         QStringLiteral("20000"),
                         QStringLiteral("--groups"),
                         QStringLiteral("300"),
                         QStringLiteral("--keys"),
                         QStringLiteral("2000"),
                         QStringLiteral("--usage-rows"),
                         QStringLiteral("0")}),
               0);
    const QString source = dir + QStringLiteral("/mcp_settings.json");
    const QByteArray sourceBytes = readFile(source);
    {
        // The console's schema (its run records) made, as opening the workspace makes it.
        const QString name = QStringLiteral("killed-run");
        auto opened = Workspace::open(mcphubProfile(pg), name);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        opened->close();
        closeSqlConnection(name);
    }
    const QByteArray before = publicData(pg.conninfo());
    // Killed at three moments: while planning, while importing, while verifying.
    for (const char *moment : {"Planning", "Importing", "Verifying"}) {
        // A verification takes tens of milliseconds: the run could commit before the kill
        // lands. Another session holds the run records in SHARE mode, so that the run waits
        // at recording itself (after verifying, before its commit) until it is killed.
        QProcess holder;
        const bool hold = qstrcmp(moment, "Verifying") == 0;
        if (hold) {
            holder.start(QStringLiteral("psql"),
                         {QStringLiteral("-X"),
                          QStringLiteral("-q"),
                          QStringLiteral("-c"),
                          QStringLiteral("BEGIN"),
                          QStringLiteral("-c"),
                          QStringLiteral("LOCK TABLE mcphub_admin.migration_runs IN SHARE MODE"),
                          QStringLiteral("-c"),
                          QStringLiteral("SELECT pg_sleep(120)"),
                          pg.conninfo()});
            QVERIFY(holder.waitForStarted(10000));
            QString held;
            for (int i = 0; i < 100 && held != QLatin1String("1"); ++i) {
                QTest::qWait(100);
                held = queryText(pg,
                                 QStringLiteral("SELECT count(*) FROM pg_locks l JOIN pg_class c "
                                                "ON c.oid = l.relation WHERE c.relname = "
                                                "'migration_runs' AND l.mode = 'ShareLock' AND "
                                                "l.granted"));
            }
            QCOMPARE(held, QStringLiteral("1"));
        }
        const auto release = qScopeGuard([&] {
            if (!hold)
                return;
            // Its backend ended (a killed psql leaves it sleeping, the lock held).
            queryText(pg,
                      QStringLiteral("SELECT count(pg_terminate_backend(l.pid)) FROM pg_locks l "
                                     "JOIN pg_class c ON c.oid = l.relation WHERE c.relname = "
                                     "'migration_runs' AND l.mode = 'ShareLock'"));
            if (!holder.waitForFinished(10000))
                holder.kill();
        });
        QProcess p;
        p.setProgram(binDir() + QStringLiteral("/mcphub-adminctl"));
        p.setArguments(QStringList{QStringLiteral("migrate"),
                                   source,
                                   QStringLiteral("--yes"),
                                   QStringLiteral("--accept-loss")}
                       + ws);
        p.start();
        QVERIFY(p.waitForStarted(10000));
        QByteArray progress;
        bool seen = false;
        for (int i = 0; i < 600 && !seen && p.state() == QProcess::Running; ++i) {
            p.waitForReadyRead(100);
            progress += p.readAllStandardError();
            seen = progress.contains(moment);
        }
        if (seen)
            ::kill(pid_t(p.processId()), SIGKILL);
        p.waitForFinished(30000);
        QVERIFY2(seen, qPrintable(QString::fromLatin1(moment) + QString::fromUtf8(progress)));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        QCOMPARE(publicData(pg.conninfo()), before);
        QCOMPARE(readFile(source), sourceBytes);
    }
    // And the same run, not killed, completes.
    const Run done = adminctl(QStringList{QStringLiteral("migrate"),
                                          source,
                                          QStringLiteral("--yes"),
                                          QStringLiteral("--accept-loss")}
                              + ws);
    VERIFY_RUN(done, 0);
    QCOMPARE(queryText(pg, QStringLiteral("SELECT count(*) FROM users")), QStringLiteral("20000"));
}

void TestHubMigration::aBrokenFileIsRefusedAtItsPlace()
{
    PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QVERIFY2(emptyMcphubDatabase(pg).isEmpty(), "DDL");
    const QStringList ws = hubDbArguments(pg);
    const QByteArray before = publicData(pg.conninfo());
    const QString broken = fixturesDir() + QStringLiteral("/bad-settings/trailing-comma.json");
    const Run r
        = adminctl(QStringList{QStringLiteral("migrate"), broken, QStringLiteral("--yes")} + ws);
    VERIFY_RUN(r, 2);
    QVERIFY2(QRegularExpression(QStringLiteral("trailing-comma\\.json:\\d+:\\d+"))
                 .match(r.err)
                 .hasMatch(),
             qPrintable(r.err));
    QCOMPARE(publicData(pg.conninfo()), before);
    QCOMPARE(queryText(pg, QStringLiteral("SELECT count(*) FROM mcphub_admin.migration_runs")),
             QStringLiteral("1")); // the failed run is recorded, nothing else
}

void TestHubMigration::aValueMcphubHoldsOnceIsRefusedAtItsPlace()
{
    PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QVERIFY2(emptyMcphubDatabase(pg).isEmpty(), "DDL");
    const QStringList ws = hubDbArguments(pg);
    const QString source = m_dir.filePath(QStringLiteral("emails.json"));
    const std::string hash = kHash.toStdString();
    QVERIFY(
        writeJson(source,
                  OrderedJson::parse(R"({"mcpServers": {},
  "users": [{"username": "admin", "password": ")"
                                     + hash + R"(", "isAdmin": true, "email": "ops@example.org"},
            {"username": "bob", "password": ")"
                                     + hash + R"(", "email": "ops@example.org"}]})")));
    const QByteArray before = publicData(pg.conninfo());
    Run r = adminctl(QStringList{QStringLiteral("migrate"), source, QStringLiteral("--yes")} + ws);
    VERIFY_RUN(r, 1);
    QVERIFY2(r.out.contains(QLatin1String("/users/1/email: Another entry has the same email")),
             qPrintable(r.out));
    QCOMPARE(publicData(pg.conninfo()), before);

    // A row the file does not describe holds the address already.
    QVERIFY(carolHoldsOpsEmail(pg));
    OrderedJson one = readJson(source);
    one["users"].erase(1);
    QVERIFY(writeJson(source, one));
    const QByteArray held = publicData(pg.conninfo());
    r = adminctl(QStringList{QStringLiteral("migrate"), source, QStringLiteral("--yes")} + ws);
    VERIFY_RUN(r, 1);
    QVERIFY2(r.err.contains(QLatin1String("#/users/0/email"))
                 && r.err.contains(QLatin1String("users.email")),
             qPrintable(r.err));
    QCOMPARE(publicData(pg.conninfo()), held);
}

// The users go to the server in batches as they are mapped (HubSettings::Mapping::
// kBatchEntries), before the rest of the file is planned. What the plan then finds in a later
// batch, or in another entity, still stops the run with its own error and leaves the
// database as it was; records skipped are not written.
void TestHubMigration::usersWrittenAsTheyAreMappedStopWithTheRun()
{
    PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QVERIFY2(emptyMcphubDatabase(pg).isEmpty(), "DDL");
    const QStringList ws = hubDbArguments(pg);
    constexpr int kUsers = 4500; // more than two batches
    const auto file = [&] {
        OrderedJson doc = OrderedJson::object();
        doc["mcpServers"]["a"] = OrderedJson::parse(R"({"command": "npx", "args": []})");
        OrderedJson users = OrderedJson::array();
        for (int i = 0; i < kUsers; ++i) {
            OrderedJson u = OrderedJson::object();
            u["username"] = "user" + std::to_string(i);
            u["password"] = kHash.toStdString();
            u["isAdmin"] = i == 0;
            users.push_back(std::move(u));
        }
        doc["users"] = std::move(users);
        return doc;
    };
    const QString source = m_dir.filePath(QStringLiteral("batches.json"));
    const auto migrate = [&](const OrderedJson &doc, const QStringList &more = {}) {
        if (!writeJson(source, doc))
            return Run{};
        return adminctl(QStringList{QStringLiteral("migrate"), source, QStringLiteral("--yes")}
                        + more + ws);
    };
    const auto count = [&] {
        return queryText(pg, QStringLiteral("SELECT count(*) FROM users"));
    };

    // A row of the third batch conflicts (policy fail): refused by its pointer.
    QCOMPARE(psql(pg.conninfo(),
                  {QStringLiteral("-c"),
                   QStringLiteral("INSERT INTO users (username, password) VALUES "
                                  "('user4200', '%1')")
                       .arg(QString(kHash).replace(QStringLiteral("$2b$10$"),
                                                   QStringLiteral("$2b$11$")))}),
             QString());
    QByteArray before = publicData(pg.conninfo());
    Run r = migrate(file());
    VERIFY_RUN(r, 1);
    QVERIFY2(r.out.contains(QLatin1String("/users/4200/password")), qPrintable(r.out));
    QCOMPARE(publicData(pg.conninfo()), before);

    // A loss in the second batch, not accepted: refused, nothing written; accepted: written.
    QCOMPARE(psql(pg.conninfo(), {QStringLiteral("-c"), QStringLiteral("DELETE FROM users")}),
             QString());
    before = publicData(pg.conninfo());
    OrderedJson lossy = file();
    lossy["users"][2500]["nickname"] = "boss";
    r = migrate(lossy);
    VERIFY_RUN(r, 1);
    QVERIFY2(r.out.contains(QLatin1String("lost: /users/2500/nickname")), qPrintable(r.out));
    QCOMPARE(publicData(pg.conninfo()), before);

    // A loss in a later entity stops the users already sent.
    OrderedJson lateLoss = file();
    lateLoss["mcpServers"]["a"]["somethingUnknown"] = 1;
    r = migrate(lateLoss);
    VERIFY_RUN(r, 1);
    QVERIFY2(r.out.contains(QLatin1String("lost: /mcpServers/a/somethingUnknown")),
             qPrintable(r.out));
    QCOMPARE(publicData(pg.conninfo()), before);

    // A row the file does not describe holds the email of a user of the third batch: the run
    // names the plan's reason, not the database's.
    QVERIFY(carolHoldsOpsEmail(pg));
    before = publicData(pg.conninfo());
    OrderedJson taken = file();
    taken["users"][4100]["email"] = "ops@example.org";
    r = migrate(taken);
    VERIFY_RUN(r, 1);
    QVERIFY2(r.err.contains(QLatin1String("#/users/4100/email"))
                 && r.err.contains(QLatin1String("users.email")),
             qPrintable(r.err));
    QCOMPARE(publicData(pg.conninfo()), before);

    // Records skipped, in the first and third batches: the others are written, once each.
    OrderedJson invalid = file();
    invalid["users"][10].erase("username");
    invalid["users"][4400]["username"] = "user1"; // a second user1
    r = migrate(invalid,
                {QStringLiteral("--skip-invalid"),
                 QStringLiteral("--rejects"),
                 m_dir.filePath(QStringLiteral("batches-rejects.jsonl"))});
    VERIFY_RUN(r, 0);
    QCOMPARE(count(), QString::number(kUsers - 2 + 1)); // and carol
    QCOMPARE(queryText(pg, QStringLiteral("SELECT count(*) FROM users WHERE username = 'user1'")),
             QStringLiteral("1"));
    // Their new ids: version 4 uuids as PostgreSQL writes them, each its own.
    QCOMPARE(
        queryText(pg,
                  QStringLiteral(
                      "SELECT count(DISTINCT id) FROM users WHERE username ~ '^user[0-9]+$' "
                      "AND id::text ~ "
                      "'^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'")),
        QString::number(kUsers - 2));
    // Planned again without the records skipped, the run still names the file it read (whose
    // hash is made beside the import).
    const auto lastRunSha = [&] {
        return queryText(pg,
                         QStringLiteral("SELECT source_sha256 FROM mcphub_admin.migration_runs "
                                        "ORDER BY id DESC LIMIT 1"));
    };
    const QString sourceSha = QString::fromLatin1(
        QCryptographicHash::hash(readFile(source), QCryptographicHash::Sha256).toHex());
    QCOMPARE(lastRunSha(), sourceSha);
    // So does a run whose validation fails: recorded as failed, with the same hash.
    OrderedJson refused = file();
    refused["users"][20].erase("password");
    r = migrate(refused);
    VERIFY_RUN(r, 1);
    QCOMPARE(lastRunSha(),
             QString::fromLatin1(
                 QCryptographicHash::hash(readFile(source), QCryptographicHash::Sha256).toHex()));
    QVERIFY(lastRunSha() != sourceSha);

    // The rest of the file accepted with its loss: every user is there.
    QCOMPARE(psql(pg.conninfo(), {QStringLiteral("-c"), QStringLiteral("DELETE FROM users")}),
             QString());
    VERIFY_RUN(migrate(lossy, {QStringLiteral("--accept-loss")}), 0);
    QCOMPARE(count(), QString::number(kUsers));
}

// The users, written as they are mapped, are most of a large run: their progress counts up to
// all of them, each entity ends at its count, a step that counts nothing says so (total 0), and
// a cancel between two batches of users ends the run with nothing written.
void TestHubMigration::usersProgressCountsAndCancelsMidway()
{
    PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QVERIFY2(emptyMcphubDatabase(pg).isEmpty(), "DDL");
    constexpr int kUsers = 4500; // three batches
    OrderedJson doc = OrderedJson::object();
    doc["mcpServers"]["a"] = OrderedJson::parse(R"({"command": "npx", "args": []})");
    for (int i = 0; i < kUsers; ++i) {
        OrderedJson u = OrderedJson::object();
        u["username"] = "user" + std::to_string(i);
        u["password"] = kHash.toStdString();
        u["isAdmin"] = i == 0;
        doc["users"].push_back(std::move(u));
    }
    const QString source = m_dir.filePath(QStringLiteral("progress.json"));
    QVERIFY(writeJson(source, doc));
    const QString name = QStringLiteral("tst_hubmigration_progress");
    // Runs the migration; `cancelAt` cancels at the first users' step with at least that many.
    const auto migrate =
        [&](int cancelAt, QList<MigrationProgress> *seen, bool skipInvalid = false) {
            auto ws = Workspace::open(test::mcphubProfile(pg), name);
            if (!ws)
                return MigrationReport{};
            MigrationOptions options;
            options.sourcePath = source;
            options.backUp = false;
            options.skipInvalid = skipInvalid;
            if (skipInvalid)
                options.rejectsPath = m_dir.filePath(QStringLiteral("progress-rejects.jsonl"));
            Migrator migrator(ws->context(QStringLiteral("test")), options);
            migrator.setProgressCallback([&](const MigrationProgress &p) {
                seen->append(p);
                return !(cancelAt > 0 && p.entity == QLatin1String("users") && p.done >= cancelAt);
            });
            MigrationReport report = migrator.run();
            ws->close();
            return report;
        };

    const QByteArray before = publicData(pg.conninfo());
    QList<MigrationProgress> seen;
    MigrationReport report = migrate(2000, &seen);
    closeSqlConnection(name);
    QVERIFY(!report.ok());
    QCOMPARE(report.status, QStringLiteral("cancelled"));
    QCOMPARE(seen.last().done, 2000); // cancelled after the first batch, not at the end
    QCOMPARE(publicData(pg.conninfo()), before);

    seen.clear();
    report = migrate(0, &seen);
    closeSqlConnection(name);
    QVERIFY2(report.ok(), report.error ? qPrintable(report.error->toString()) : "");
    QList<int> users;
    int servers = -1;
    int lastPercent = 0;
    for (const MigrationProgress &p : std::as_const(seen)) {
        QVERIFY2(p.percent >= lastPercent, qPrintable(p.step + QLatin1Char(' ') + p.entity));
        lastPercent = p.percent;
        QVERIFY(p.done <= p.total || p.total == 0);
        if (p.step == QLatin1String("Importing") && p.entity == QLatin1String("users"))
            users << p.done;
        if (p.step == QLatin1String("Importing") && p.entity == QLatin1String("mcpServers"))
            servers = p.done;
        if (p.step == QLatin1String("Importing") && !p.entity.isEmpty())
            QVERIFY(p.total > 0 || p.entity != QLatin1String("users"));
    }
    QVERIFY2(users.size() >= 4, qPrintable(QString::number(users.size())));
    QVERIFY(std::is_sorted(users.begin(), users.end()));
    QCOMPARE(users.first(), 0);
    QCOMPARE(users.last(), kUsers);
    QVERIFY(users.contains(2000) && users.contains(4000));
    QCOMPARE(servers, 1);
    QCOMPARE(queryText(pg, QStringLiteral("SELECT count(*) FROM users")), QString::number(kUsers));

    // A record the validation refuses, skipped: what was planned and written before the
    // validation ended is taken back and planned again, and the progress does not go back.
    doc["users"][10]["password"] = "not a hash";
    QVERIFY(writeJson(source, doc));
    seen.clear();
    report = migrate(0, &seen, true);
    closeSqlConnection(name);
    QVERIFY2(report.ok(), report.error ? qPrintable(report.error->toString()) : "");
    QCOMPARE(report.rejects.size(), 1);
    lastPercent = 0;
    for (const MigrationProgress &p : std::as_const(seen)) {
        QVERIFY2(p.percent >= lastPercent, qPrintable(p.step + QLatin1Char(' ') + p.entity));
        lastPercent = p.percent;
    }
    QCOMPARE(lastPercent, 100);
}

void TestHubMigration::oneMigrationAtATime()
{
    PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QVERIFY2(emptyMcphubDatabase(pg).isEmpty(), "DDL");
    const QStringList ws = hubDbArguments(pg);
    const QString source = m_dir.filePath(QStringLiteral("one.json"));
    QVERIFY(writeJson(source,
                      OrderedJson::parse(R"({"mcpServers": {"a": {"command": "x", "args": []}},
  "users": [{"username": "admin", "password": ")"
                                         + kHash.toStdString() + R"(", "isAdmin": true}]})")));
    const QString name = QStringLiteral("tst_hubmigration_lock");
    {
        // Another run's transaction, holding the lock every migration into this database takes.
        auto db = openSqlConnection(pg.spec(), name);
        QVERIFY2(db, "connection");
        QVERIFY(db->transaction());
        QSqlQuery q(*db);
        QVERIFY(
            q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(0x6d63706875626d67LL)));
        const Run r = adminctl(
            QStringList{QStringLiteral("migrate"), source, QStringLiteral("--yes")} + ws);
        VERIFY_RUN(r, 1);
        QVERIFY2(r.err.contains(QLatin1String("Another migration into this database is running")),
                 qPrintable(r.err));
        QCOMPARE(queryText(pg, QStringLiteral("SELECT count(*) FROM servers")),
                 QStringLiteral("0"));
        QVERIFY(db->rollback());
    }
    closeSqlConnection(name);
    VERIFY_RUN(
        adminctl(QStringList{QStringLiteral("migrate"), source, QStringLiteral("--yes")} + ws), 0);

    // What the run reads under its lock while the file is parsed cannot be read (the
    // console's shapes table gone): the run says so, not that its transaction was aborted.
    QCOMPARE(
        psql(pg.conninfo(),
             {QStringLiteral("-c"), QStringLiteral("DROP TABLE mcphub_admin.settings_shapes")}),
        QString());
    const Run broken
        = adminctl(QStringList{QStringLiteral("migrate"), source, QStringLiteral("--yes")} + ws);
    VERIFY_RUN(broken, 2); // a database error
    QVERIFY2(broken.err.contains(QLatin1String("settings_shapes"))
                 && !broken.err.contains(QLatin1String("aborted")),
             qPrintable(broken.err));
}

void TestHubMigration::aValueChangedOnTheWayInIsADifference()
{
    // The read-back verification compares every column of every written row with the file:
    // a trigger that changes values on the way in (text, boolean, integer) or drops a row is
    // caught, named by pointer, and the run rolled back.
    PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QVERIFY2(emptyMcphubDatabase(pg).isEmpty(), "DDL");
    QCOMPARE(psql(pg.conninfo(),
                  {QStringLiteral("-c"),
                   QStringLiteral(
                       "CREATE FUNCTION public.tamper() RETURNS trigger AS $$ BEGIN "
                       "IF NEW.name = 'b' THEN RETURN NULL; END IF; "
                       "IF NEW.name = 'a' THEN NEW.description := 'changed'; "
                       "NEW.enabled := NOT NEW.enabled; NEW.\"keepAliveInterval\" := 99; END IF; "
                       "RETURN NEW; END $$ LANGUAGE plpgsql"),
                   QStringLiteral("-c"),
                   QStringLiteral("CREATE TRIGGER tamper BEFORE INSERT ON servers FOR EACH ROW "
                                  "EXECUTE FUNCTION public.tamper()")}),
             QString());
    const QStringList ws = hubDbArguments(pg);
    const QString source = m_dir.filePath(QStringLiteral("tampered.json"));
    QVERIFY(writeJson(source,
                      OrderedJson::parse(R"({"mcpServers": {
    "a": {"command": "x", "args": [], "description": "as written", "keepAliveInterval": 30000},
    "b": {"command": "y", "args": []},
    "c": {"command": "z", "args": ["-v"]}},
  "users": [{"username": "admin", "password": ")"
                                         + kHash.toStdString() + R"(", "isAdmin": true}]})")));
    const QByteArray before = publicData(pg.conninfo());
    const QString reportPath = m_dir.filePath(QStringLiteral("tampered-report.json"));
    const Run r = adminctl(QStringList{QStringLiteral("migrate"),
                                       source,
                                       QStringLiteral("--yes"),
                                       QStringLiteral("--report"),
                                       reportPath}
                           + ws);
    VERIFY_RUN(r, 1);
    const QJsonObject report = QJsonDocument::fromJson(readFile(reportPath)).object();
    QStringList differences = items(report, QStringLiteral("differences"));
    differences.sort();
    QCOMPARE(differences,
             QStringList({QStringLiteral("/mcpServers/a/description"),
                          QStringLiteral("/mcpServers/a/enabled"),
                          QStringLiteral("/mcpServers/a/keepAliveInterval"),
                          QStringLiteral("/mcpServers/b")}));
    QCOMPARE(publicData(pg.conninfo()), before);
}

QString TestHubMigration::migrateAdminAndBob(const PgTestDatabase &pg, const QString &name)
{
    const QString source = m_dir.filePath(name + QStringLiteral(".json"));
    const std::string hash = kHash.toStdString();
    if (!writeJson(source,
                   OrderedJson::parse(R"({"mcpServers": {"a": {"command": "x", "args": []}},
  "users": [{"username": "admin", "password": ")"
                                      + hash + R"(", "isAdmin": true},
            {"username": "bob", "password": ")"
                                      + hash + R"("}]})")))
        return {};
    const QString reportPath = m_dir.filePath(name + QStringLiteral("-report.json"));
    const Run migrated = adminctl(QStringList{QStringLiteral("migrate"),
                                              source,
                                              QStringLiteral("--yes"),
                                              QStringLiteral("--report"),
                                              reportPath}
                                  + hubDbArguments(pg));
    if (migrated.exitCode != 0) {
        qWarning("%s", qPrintable(migrated.out + migrated.err));
        return {};
    }
    return QString::number(QJsonDocument::fromJson(readFile(reportPath))
                               .object()
                               .value(QStringLiteral("runId"))
                               .toInteger());
}

void TestHubMigration::aRollbackIsRefusedWhileARowTheRunAddedIsChanged()
{
    // A rollback removes the rows a run added only when each is still exactly as the run left
    // it (its recorded digest), the rows of MCPHub's tables and the shapes beside them alike.
    PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QVERIFY2(emptyMcphubDatabase(pg).isEmpty(), "DDL");
    const QStringList ws = hubDbArguments(pg);
    const QByteArray before = publicData(pg.conninfo());
    const QString runId = migrateAdminAndBob(pg, QStringLiteral("added"));
    QVERIFY(!runId.isEmpty());
    const QStringList rollback{QStringLiteral("rollback"), runId, QStringLiteral("--yes")};

    const struct
    {
        QString change, undo, named;
    } edits[] = {
        {QStringLiteral("UPDATE users SET email = 'bob@example.org' WHERE username = 'bob'"),
         QStringLiteral("UPDATE users SET email = NULL WHERE username = 'bob'"),
         QStringLiteral("users")},
        // A column the file has no key for counts as much.
        {QStringLiteral("UPDATE users SET updated_at = updated_at + interval '1 second' WHERE "
                        "username = 'bob'"),
         QStringLiteral("UPDATE users SET updated_at = updated_at - interval '1 second' WHERE "
                        "username = 'bob'"),
         QStringLiteral("users")},
        {QStringLiteral("UPDATE mcphub_admin.settings_shapes SET ordinal = 7 WHERE id = '*/users'"),
         QStringLiteral("UPDATE mcphub_admin.settings_shapes SET ordinal = 0 WHERE id = '*/users'"),
         QStringLiteral("settings_shapes")},
        // A record naming a table no migration writes: refused, the name never run as SQL.
        {QStringLiteral("UPDATE mcphub_admin.migration_runs SET changes = replace(changes, "
                        "'\"table\":\"users\"', '\"table\":\"users t; DELETE FROM servers; "
                        "--\"')"),
         QStringLiteral("UPDATE mcphub_admin.migration_runs SET changes = replace(changes, "
                        "'\"table\":\"users t; DELETE FROM servers; --\"', "
                        "'\"table\":\"users\"')"),
         QStringLiteral("users t; DELETE FROM servers")},
    };
    for (const auto &edit : edits) {
        QCOMPARE(psql(pg.conninfo(), {QStringLiteral("-c"), edit.change}), QString());
        const QByteArray edited = publicData(pg.conninfo());
        const Run refused = adminctl(rollback + ws);
        VERIFY_RUN(refused, 1);
        QVERIFY2(refused.err.contains(QLatin1String("changed later"))
                     && refused.err.contains(edit.named),
                 qPrintable(refused.err));
        QCOMPARE(publicData(pg.conninfo()), edited);
        // Put back exactly as the run left it: the digest matches again.
        QCOMPARE(psql(pg.conninfo(), {QStringLiteral("-c"), edit.undo}), QString());
    }
    const Run rolledBack = adminctl(rollback + ws);
    VERIFY_RUN(rolledBack, 0);
    QCOMPARE(publicData(pg.conninfo()), before);
}

// The times a run does not write (created_at, updated_at...) are in its digests. When such a
// time is the run's own now() it is read back as NULL and its text put back (the server writes
// fewer times out); any other time (set by a trigger, a column of another type) is digested as
// it reads. Either way a rollback finds the rows as the run left them, and refuses once one
// of those times changes.
void TestHubMigration::timesTheRunDidNotWriteAreDigestedAsTheyAre()
{
    PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QVERIFY2(emptyMcphubDatabase(pg).isEmpty(), "DDL");
    const QStringList ws = hubDbArguments(pg);
    QCOMPARE(psql(pg.conninfo(),
                  {QStringLiteral("-c"),
                   QStringLiteral("ALTER TABLE users ADD COLUMN seen timestamptz NOT NULL "
                                  "DEFAULT now(), ADD COLUMN noted timestamp DEFAULT now()"),
                   QStringLiteral("-c"),
                   QStringLiteral("CREATE FUNCTION early() RETURNS trigger LANGUAGE plpgsql AS "
                                  "$$BEGIN NEW.created_at := '2020-01-02 03:04:05.678'; "
                                  "RETURN NEW; END$$"),
                   QStringLiteral("-c"),
                   QStringLiteral("CREATE TRIGGER early BEFORE INSERT ON servers FOR EACH ROW "
                                  "EXECUTE FUNCTION early()")}),
             QString());
    const QByteArray before = publicData(pg.conninfo());
    const QString runId = migrateAdminAndBob(pg, QStringLiteral("times"));
    QVERIFY(!runId.isEmpty());
    QCOMPARE(queryText(pg, QStringLiteral("SELECT created_at::text FROM servers WHERE name = 'a'")),
             QStringLiteral("2020-01-02 03:04:05.678"));
    QCOMPARE(queryText(pg,
                       QStringLiteral("SELECT count(*) FROM users WHERE seen = created_at "
                                      "AND noted = created_at")),
             QStringLiteral("2"));
    const QStringList rollback{QStringLiteral("rollback"), runId, QStringLiteral("--yes")};
    for (const QString &column : {QStringLiteral("seen"), QStringLiteral("noted")}) {
        QCOMPARE(psql(pg.conninfo(),
                      {QStringLiteral("-c"),
                       QStringLiteral("UPDATE users SET %1 = %1 + interval '1 second' WHERE "
                                      "username = 'bob'")
                           .arg(column)}),
                 QString());
        const Run refused = adminctl(rollback + ws);
        VERIFY_RUN(refused, 1);
        QVERIFY2(refused.err.contains(QLatin1String("changed later")), qPrintable(refused.err));
        QCOMPARE(psql(pg.conninfo(),
                      {QStringLiteral("-c"),
                       QStringLiteral("UPDATE users SET %1 = %1 - interval '1 second' WHERE "
                                      "username = 'bob'")
                           .arg(column)}),
                 QString());
    }
    QCOMPARE(
        psql(pg.conninfo(),
             {QStringLiteral("-c"),
              QStringLiteral("UPDATE servers SET created_at = created_at + interval '1 day'")}),
        QString());
    VERIFY_RUN(adminctl(rollback + ws), 1);
    QCOMPARE(
        psql(pg.conninfo(),
             {QStringLiteral("-c"),
              QStringLiteral("UPDATE servers SET created_at = created_at - interval '1 day'")}),
        QString());
    VERIFY_RUN(adminctl(rollback + ws), 0);
    QCOMPARE(publicData(pg.conninfo()), before);
}

// The digests a run records are read again by rollbacks of later versions: their formats are
// fixed. The expected values were computed apart from this code (Python's hashlib over the
// bytes each format names), so that a change in how they are computed shows here.
void TestHubMigration::recordedDigestFormatsAreFixed()
{
    // fieldsDigest: each field as its length (4 bytes, big-endian; 0xffffffff for NULL) and
    // its UTF-8 bytes.
    const QByteArray id("3f0c6a2e-6c49-4f5e-9d3b-0a1b2c3d4e5f");
    const QByteArray name("admin");
    const QByteArray empty;
    const QByteArray flag("t");
    const QByteArray text = QStringLiteral("Zo\u00eb\t\"q\"").toUtf8();
    const std::vector<std::optional<QByteArrayView>> fields{QByteArrayView(id),
                                                            QByteArrayView(name),
                                                            std::nullopt,
                                                            QByteArrayView(empty),
                                                            QByteArrayView(flag),
                                                            QByteArrayView(text)};
    QCOMPARE(HubSettings::fieldsDigest(fields),
             QByteArray("51ef076b3c787e1f42e891190852e68be1af3107529d39cbfde1f665cf44b64e"));
    // textDigest and rowDigest: SHA-256 of the row's JSON text, in hex.
    QCOMPARE(HubSettings::CreatedRows::textDigest("{\"id\":\"x\",\"n\":1}"),
             QByteArray("bf9f9832fae8a4cbc1ae47621865c99b5bcf79ef9634d5e188b6ef3509f53156"));
    QCOMPARE(HubSettings::rowDigest(OrderedJson::parse(R"({"id":"x","n":1})")),
             QStringLiteral("bf9f9832fae8a4cbc1ae47621865c99b5bcf79ef9634d5e188b6ef3509f53156"));
}

// The new rows' ids come from a uuid series (UuidSeries), which the run's record keeps as its
// key and the runs of indexes used: the rollback makes the same ids again.
void TestHubMigration::newIdsAreRecordedAsTheirSeries()
{
    UuidSeries series;
    const QByteArray key = series.key();
    QCOMPARE(key.size(), 32);
    QVERIFY(key != UuidSeries().key());
    std::vector<std::string> made;
    QSet<QString> distinct;
    for (qint64 i = 0; i < 600; ++i) { // more than one pool of keystream (256 a pool)
        qint64 index = -2;
        const QString id = series.next(&index);
        QCOMPARE(index, i);
        const QUuid uuid(id);
        QCOMPARE(uuid.toString(QUuid::WithoutBraces), id);
        QCOMPARE(uuid.version(), QUuid::Random);
        QCOMPARE(uuid.variant(), QUuid::DCE);
        distinct.insert(id);
        made.push_back(id.toStdString());
    }
    QCOMPARE(distinct.size(), 600);
    std::vector<std::string> again;
    QVERIFY(UuidSeries::make(key, 0, 600, &again));
    QVERIFY(again == made);
    again.clear();
    QVERIFY(UuidSeries::make(key.toUpper(), 255, 3, &again));
    QVERIFY(again == std::vector<std::string>(made.begin() + 255, made.begin() + 258));
    for (const QByteArray &bad : {key.left(31), key + "0", QByteArray(32, 'g'), QByteArray()})
        QVERIFY(!UuidSeries::make(bad, 0, 1, &again));
    QVERIFY(!UuidSeries::make(key, std::numeric_limits<quint64>::max(), 2, &again));
    QCOMPARE(again.size(), size_t(3));

    // The record: runs of the series and the other ids in the order the rows were found.
    HubSettings::CreatedRows created;
    created.setSeries(QStringLiteral("users"), key);
    const QList<std::pair<std::string, qint64>> rows{
        {made[0], 0}, {made[1], 1}, {made[2], 2}, {"file-id", -1}, {made[5], 5}, {made[6], 6}};
    for (const auto &[id, index] : rows)
        created.addText(QStringLiteral("users"), id, QByteArrayView(id), index);
    created.addText(QStringLiteral("groups"), "g1", "g1", 7); // a table without a series
    OrderedJson changes = OrderedJson::array();
    created.record(&changes);
    QCOMPARE(changes.size(), size_t(2));
    OrderedJson record = OrderedJson::parse(changes.dump());
    OrderedJson &users = record[0];
    QCOMPARE(users["uuidSeries"], OrderedJson(key.toStdString()));
    QCOMPARE(users["createdRuns"], OrderedJson::parse(R"([[0,3],"file-id",[5,2]])"));
    QCOMPARE(users["created"], OrderedJson::array({HubSettings::CreatedRows::kSeriesOnly}));
    QCOMPARE(record[1]["created"], OrderedJson::parse(R"(["g1"])"));
    HubSettings::CreatedRows::expand(&record);
    QVERIFY(!users.contains("createdRuns"));
    QCOMPARE(record[1]["created"], OrderedJson::parse(R"(["g1"])"));
    OrderedJson ids = OrderedJson::array();
    for (const auto &row : rows)
        ids.push_back(row.first);
    QCOMPARE(users["created"], ids);
    QByteArray all;
    for (const auto &row : rows)
        all += HubSettings::CreatedRows::textDigest(QByteArrayView(row.first));
    QCOMPARE(users["createdRowsSha256"].get<std::string>(),
             HubSettings::CreatedRows::textDigest(all).toStdString());

    // A damaged record names an id no row has: its rollback finds the rows changed and stops.
    // At most 20 million ids in a record: [0, 19999999] after the first change's two passes
    // the bound, and is refused before any id is made.
    const auto change = [&](const char *table, const OrderedJson &runs) {
        OrderedJson c = OrderedJson::object();
        c["table"] = table;
        c["uuidSeries"] = key.toStdString();
        c["createdRuns"] = runs;
        return c;
    };
    for (const char *runs : {R"([[0, 30000000]])",
                             R"([[0, 19999999]])",
                             R"([[-1, 2]])",
                             R"([[0]])",
                             R"({})",
                             R"([[0, 2], [1.5, 1]])",
                             R"([[18446744073709551615, 2]])"}) {
        OrderedJson damaged = OrderedJson::array({change("groups", OrderedJson::parse("[[0, 2]]")),
                                                  change("users", OrderedJson::parse(runs))});
        HubSettings::CreatedRows::expand(&damaged);
        QCOMPARE(damaged[0]["created"].size(), size_t(2));
        QCOMPARE(damaged[1]["created"], OrderedJson::array({"(unreadable record)"}));
    }
    OrderedJson unkeyed = OrderedJson::parse(R"([{"table": "users", "createdRuns": [[0, 1]]}])");
    HubSettings::CreatedRows::expand(&unkeyed);
    QCOMPARE(unkeyed[0]["created"], OrderedJson::array({"(unreadable record)"}));
}

void TestHubMigration::runsRecordedInEarlierDigestFormatsRollBack_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("createdFieldsSha256") << QStringLiteral("createdFieldsSha256");
    QTest::newRow("createdRowsSha256") << QStringLiteral("createdRowsSha256");
    QTest::newRow("createdSha256") << QStringLiteral("createdSha256");
}

// A run recorded by an earlier console names the rows it added with another digest:
// "createdFieldsSha256" (over each row's fields, read by the recorded columns),
// "createdRowsSha256" (over each row's row_to_json text) or, before that, "createdSha256"
// (over each row as readRows() parses it). Such a record, written here from a run of today's
// (its "users" entry rewritten), still rolls back exactly, and is still refused while a row
// it added is changed.
void TestHubMigration::runsRecordedInEarlierDigestFormatsRollBack()
{
    QFETCH(QString, format);
    PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QVERIFY2(emptyMcphubDatabase(pg).isEmpty(), "DDL");
    const QStringList ws = hubDbArguments(pg);
    // A column whose text differs between the two earlier digests: row_to_json keeps jsonb's
    // own text ({"a": 1}), a row parsed and dumped again does not ({"a":1}); so each format
    // passes only through its own branch of changedSince.
    QCOMPARE(
        psql(pg.conninfo(),
             {QStringLiteral("-c"),
              QStringLiteral("ALTER TABLE users ADD COLUMN probe jsonb DEFAULT '{\"a\": 1}'")}),
        QString());
    const QByteArray before = publicData(pg.conninfo());
    const QString runId = migrateAdminAndBob(pg, QStringLiteral("earlier-") + format);
    QVERIFY(!runId.isEmpty());

    // The "users" entry of the record, in the earlier format.
    OrderedJson changes = OrderedJson::parse(
        queryText(pg,
                  QStringLiteral("SELECT changes FROM mcphub_admin.migration_runs WHERE id = %1")
                      .arg(runId))
            .toStdString());
    const auto store = [&](const OrderedJson &record) {
        QString literal = QString::fromStdString(record.dump());
        literal.replace(QLatin1Char('\''), QStringLiteral("''"));
        return psql(pg.conninfo(),
                    {QStringLiteral("-c"),
                     QStringLiteral("UPDATE mcphub_admin.migration_runs SET changes = '%1' WHERE "
                                    "id = %2")
                         .arg(literal, runId)});
    };
    const QStringList rollback{QStringLiteral("rollback"), runId, QStringLiteral("--yes")};
    // The users' new ids are recorded as their series; the earlier formats listed them.
    QVERIFY(std::any_of(changes.begin(), changes.end(), [](const OrderedJson &change) {
        return change.value("table", std::string()) == "users" && change.contains("createdRuns")
               && change.contains("uuidSeries")
               && change["created"] == OrderedJson::array({HubSettings::CreatedRows::kSeriesOnly});
    }));
    {
        // A console that predates the series reads "created" alone: the id no row has makes
        // its rollback refuse rather than leave the run's rows behind.
        OrderedJson older = changes;
        for (OrderedJson &change : older) {
            change.erase("createdRuns");
            change.erase("uuidSeries");
        }
        const QByteArray migrated = publicData(pg.conninfo());
        QCOMPARE(store(older), QString());
        const Run refused = adminctl(rollback + ws);
        VERIFY_RUN(refused, 1);
        QVERIFY2(refused.err.contains(QLatin1String("changed later")), qPrintable(refused.err));
        QCOMPARE(publicData(pg.conninfo()), migrated);
    }
    HubSettings::CreatedRows::expand(&changes);
    const QString name = QStringLiteral("earlier-digests");
    QList<OrderedJson> rows;
    QHash<QString, QByteArray> rowText;      // id -> row_to_json(t)::text
    QHash<QString, QByteArray> fieldDigests; // id -> fieldsDigest by the recorded columns
    OrderedJson recordedColumns;
    for (const OrderedJson &change : changes) {
        if (change.value("table", std::string()) == "users" && change.contains("columns"))
            recordedColumns = change["columns"];
    }
    QVERIFY(recordedColumns.is_array() && !recordedColumns.empty());
    if (format == QLatin1String("createdFieldsSha256")) {
        // That format read the columns the run did not write through to_json.
        for (OrderedJson &c : recordedColumns) {
            if (c[0] == "created_at" || c[0] == "updated_at")
                c[1] = "json";
        }
    }
    {
        auto opened = Workspace::open(mcphubProfile(pg), name);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        auto read = HubSettings::readRows(opened->context(), QStringLiteral("users"));
        QVERIFY(read.ok());
        rows = *read;
        QList<HubSettings::DigestColumn> columns;
        for (const OrderedJson &c : recordedColumns)
            columns.append({QString::fromStdString(c[0].get<std::string>()), c[1] == "json"});
        QVERIFY(
            BulkReader::forEach(opened->context(),
                                QStringLiteral("SELECT %1 FROM users")
                                    .arg(HubSettings::digestSelect(opened->database(), columns)),
                                QStringLiteral("users"),
                                [&](const BulkReader::Fields &fields) {
                                    fieldDigests.insert(QString::fromUtf8(*fields.at(0)),
                                                        HubSettings::fieldsDigest(fields));
                                })
                .ok());
        QSqlQuery q(opened->database());
        QVERIFY(q.exec(QStringLiteral("SELECT t.id::text, row_to_json(t)::text FROM users t")));
        while (q.next())
            rowText.insert(q.value(0).toString(), q.value(1).toString().toUtf8());
        opened->close();
    }
    closeSqlConnection(name);
    bool rewritten = false;
    for (OrderedJson &change : changes) {
        if (change.value("table", std::string()) != "users" || !change.contains("created"))
            continue;
        QByteArray all;
        for (const OrderedJson &id : change["created"]) {
            const QString text = QString::fromStdString(id.get<std::string>());
            if (format == QLatin1String("createdFieldsSha256")) {
                QVERIFY(fieldDigests.contains(text));
                all += fieldDigests.value(text);
            } else if (format == QLatin1String("createdRowsSha256")) {
                QVERIFY(rowText.contains(text));
                all += HubSettings::CreatedRows::textDigest(rowText.value(text));
            } else {
                for (const OrderedJson &row : std::as_const(rows)) {
                    if (HubSettings::textOf(row.value("id", OrderedJson())) == text)
                        all += HubSettings::rowDigest(row).toLatin1();
                }
            }
        }
        QCOMPARE(all.size(), qsizetype(64 * change["created"].size()));
        OrderedJson earlier = OrderedJson::object();
        earlier["table"] = "users";
        earlier["created"] = change["created"];
        if (format == QLatin1String("createdFieldsSha256"))
            earlier["columns"] = recordedColumns;
        earlier[format.toStdString()]
            = QCryptographicHash::hash(all, QCryptographicHash::Sha256).toHex().toStdString();
        change = std::move(earlier);
        rewritten = true;
    }
    QVERIFY(rewritten);
    QCOMPARE(store(changes), QString());

    QCOMPARE(psql(pg.conninfo(),
                  {QStringLiteral("-c"),
                   QStringLiteral("UPDATE users SET email = 'bob@example.org' WHERE username = "
                                  "'bob'")}),
             QString());
    const Run refused = adminctl(rollback + ws);
    VERIFY_RUN(refused, 1);
    QVERIFY2(refused.err.contains(QLatin1String("changed later"))
                 && refused.err.contains(QLatin1String("users")),
             qPrintable(refused.err));
    QCOMPARE(psql(pg.conninfo(),
                  {QStringLiteral("-c"),
                   QStringLiteral("UPDATE users SET email = NULL WHERE username = 'bob'")}),
             QString());
    const Run rolledBack = adminctl(rollback + ws);
    VERIFY_RUN(rolledBack, 0);
    QCOMPARE(publicData(pg.conninfo()), before);
}

// The shapes of an entity's rows are one row of settings_shapes ("*/users"). A second file
// that no longer has a user, or whose user the run skips, leaves that user's shape (key order,
// place) as it was; a per-entry shape an earlier version wrote ("users/erin") still counts.
void TestHubMigration::shapesOfRowsTheFileSkipsOrNoLongerHasAreKept()
{
    PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QVERIFY2(emptyMcphubDatabase(pg).isEmpty(), "DDL");
    const QStringList ws = hubDbArguments(pg);
    const std::string hash = kHash.toStdString();
    const auto user = [&](const std::string &name, bool passwordFirst) {
        OrderedJson u = OrderedJson::object();
        if (passwordFirst)
            u["password"] = hash;
        u["username"] = name;
        if (!passwordFirst)
            u["password"] = hash;
        u["isAdmin"] = name == "admin";
        return u;
    };
    const QString first = m_dir.filePath(QStringLiteral("shapes-1.json"));
    OrderedJson one = OrderedJson::object();
    one["mcpServers"] = OrderedJson::object();
    one["users"]
        = OrderedJson::array({user("admin", false), user("bob", true), user("carol", false)});
    QVERIFY(writeJson(first, one));
    VERIFY_RUN(
        adminctl(QStringList{QStringLiteral("migrate"), first, QStringLiteral("--yes")} + ws), 0);
    QCOMPARE(queryText(pg,
                       QStringLiteral("SELECT string_agg(id, ',' ORDER BY id) FROM "
                                      "mcphub_admin.settings_shapes")),
             QStringLiteral("*/users,document/"));

    // Without bob and carol, with dave; carol's row changed behind the file's back is a
    // conflict the run skips (bob's and carol's rows are kept, not in the file).
    const QString second = m_dir.filePath(QStringLiteral("shapes-2.json"));
    OrderedJson two = one;
    two["users"] = OrderedJson::array({user("admin", false), user("dave", true)});
    QVERIFY(writeJson(second, two));
    VERIFY_RUN(
        adminctl(QStringList{QStringLiteral("migrate"), second, QStringLiteral("--yes")} + ws), 0);
    // A user an earlier version migrated, with its per-entry shape.
    QCOMPARE(psql(pg.conninfo(),
                  {QStringLiteral("-c"),
                   QStringLiteral("INSERT INTO users (username, password, \"isAdmin\") VALUES "
                                  "('erin', '%1', false); INSERT INTO "
                                  "mcphub_admin.settings_shapes (id, ordinal, keys) VALUES "
                                  "('users/erin', 9, '[\"isAdmin\",\"username\",\"password\"]')")
                       .arg(kHash)}),
             QString());
    // Admin in the file with the password first, while the database's admin has an email the
    // file does not: skipped, so its shape stays the first file's (and the email follows it).
    QCOMPARE(psql(pg.conninfo(),
                  {QStringLiteral("-c"),
                   QStringLiteral(
                       "UPDATE users SET email = 'admin@example.org' WHERE username = 'admin'")}),
             QString());
    const QString third = m_dir.filePath(QStringLiteral("shapes-3.json"));
    OrderedJson three = one;
    three["users"] = OrderedJson::array({user("dave", true), user("admin", true)});
    QVERIFY(writeJson(third, three));
    VERIFY_RUN(adminctl(QStringList{QStringLiteral("migrate"),
                                    third,
                                    QStringLiteral("--yes"),
                                    QStringLiteral("--conflict"),
                                    QStringLiteral("skip")}
                        + ws),
               0);

    const QString exported = m_dir.filePath(QStringLiteral("shapes-exported.json"));
    VERIFY_RUN(adminctl(QStringList{QStringLiteral("export"), exported} + ws), 0);
    const OrderedJson back = readJson(exported);
    QStringList order;
    for (const OrderedJson &u : back["users"]) {
        QStringList keys;
        for (auto it = u.begin(); it != u.end(); ++it)
            keys << QString::fromStdString(it.key());
        order << QString::fromStdString(u.value("username", std::string())) + QLatin1Char(':')
                     + keys.join(QLatin1Char(','));
    }
    // The third file's order (dave, admin), admin with the first file's keys (skipped), then
    // the users no file describes any more in the order they had, then erin by her own shape.
    QCOMPARE(order,
             QStringList({QStringLiteral("dave:password,username,isAdmin"),
                          QStringLiteral("admin:username,password,isAdmin,email"),
                          QStringLiteral("bob:password,username,isAdmin"),
                          QStringLiteral("carol:username,password,isAdmin"),
                          QStringLiteral("erin:isAdmin,username,password")}));
}

// The file's rows go in unlooked-up (addNew: their keys are unique); the entries of earlier
// runs added after them (add) never replace one, whichever way each came in.
void TestHubMigration::anEntityShapeKeepsTheFirstEntryOfAKey()
{
    const std::string a = R"(["username","password"])";
    const std::string b = R"(["username","password","isAdmin"])";
    HubSettings::EntityShapes shapes;
    shapes.reserve(3);
    shapes.addNew("admin", a);
    shapes.addNew("bob", b);
    shapes.addNew("carol", a);
    shapes.add("bob", a);   // a file row has it
    shapes.add("dave", b);  // new
    shapes.add("dave", a);  // added just before
    shapes.add("admin", b); // a file row has it
    shapes.addNew("erin", b);
    const std::string text = shapes.text();
    QCOMPARE(QString::fromStdString(text),
             QStringLiteral(R"({"shapes":[["username","password"],["username","password",)"
                            R"("isAdmin"]],"rows":[["admin",0],["bob",1],["carol",0],)"
                            R"(["dave",1],["erin",1]]})"));
    const auto entries = HubSettings::EntityShapes::parse(text);
    QCOMPARE(entries.size(), size_t(5));
    QCOMPARE(entries[1], std::make_pair(std::string("bob"), b));
    QCOMPARE(entries[3], std::make_pair(std::string("dave"), b));
}

QTEST_GUILESS_MAIN(TestHubMigration)
#include "tst_hubmigration.moc"
