// MCPHub's own database as a workspace (issue #13), on the real PostgreSQL: a database made
// from the DDL a real hub's TypeORM created (fixtures/hub-captures/db-mode/mcphub-db-schema.sql)
// and the rows it wrote (db-rows/), administered through the real mcphub-adminctl and the
// storage library. After every command, pg_dump of the public schema is byte-identical: the
// console never alters MCPHub's tables.

#include "storage/db/connectionprofile.h"
#include "storage/db/rowrepository.h"
#include "storage/db/usagelogrepository.h"
#include "storage/db/workspace.h"
#include "storage/sqlconnection.h"
#include "tests/support/adminctlrun.h"
#include "tests/support/mcphubdatabase.h"
#include "tests/support/pgtestdatabase.h"
#include "tests/support/testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace mcphub;

using mcphub::test::adminctl;
using mcphub::test::Run;

namespace {

using test::hubDbArguments;
using test::makeMcphubDatabase;
using test::mcphubProfile;
using test::psql;
using test::publicSchema;

const QString kDbMode = QStringLiteral("/hub-captures/db-mode/");

QString query(const test::PgTestDatabase &pg, const QString &sql)
{
    return test::queryText(pg, sql);
}

QStringList hubDb(const test::PgTestDatabase &pg)
{
    return hubDbArguments(pg);
}

} // namespace

class TestHubDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void createMakesExactlyMcphubsTablesOnce();
    void databaseWithoutMcphubTablesIsRefused();
    void pgOnMcphubDatabaseNamesHubDb();
    void usersAreWrittenAsMcphubWritesThem();
    void lastAdministratorIsKept();
    void readOnlyRoleOpensReadOnly();
    void usageLogIsMcphubsActivities();
    void entitiesNotBuiltYetAreRefusedNotMisread();
    void systemConfigIsMcphubsRow();
    void systemConfigMissingRowGetsMcphubsDefaults();
    void systemConfigBadRowsAreFindingsLeftAlone();
};

void TestHubDatabase::init()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
}

void TestHubDatabase::createMakesExactlyMcphubsTablesOnce()
{
    test::PgTestDatabase reference;
    QVERIFY2(reference.available(), qPrintable(reference.error()));
    const QString loaded
        = psql(reference.conninfo(),
               {QStringLiteral("-f"),
                test::fixturesDir() + kDbMode + QStringLiteral("mcphub-db-schema.sql")});
    QVERIFY2(loaded.isEmpty(), qPrintable(loaded));

    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const Run first = adminctl(QStringList{QStringLiteral("db"), QStringLiteral("init")} + hubDb(pg)
                               + QStringList{QStringLiteral("--create")});
    VERIFY_RUN(first, 0);
    QVERIFY2(first.out.contains(QLatin1String("Created MCPHub's tables")), qPrintable(first.out));
    // Exactly the DDL a real hub's TypeORM made, so that a hub starts on it unaltered.
    const QByteArray created = publicSchema(pg.conninfo());
    QCOMPARE(created, publicSchema(reference.conninfo()));
    // The console's own tables are in its schema, not beside MCPHub's.
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT string_agg(tablename, ',' ORDER BY tablename) FROM "
                                  "pg_tables WHERE schemaname = 'mcphub_admin'")),
             QStringLiteral("access_logs,migration_runs,schema_migrations"));

    const Run second = adminctl(QStringList{QStringLiteral("user"), QStringLiteral("list")}
                                + hubDb(pg) + QStringList{QStringLiteral("--create")});
    VERIFY_RUN(second, 0);
    QVERIFY2(!second.out.contains(QLatin1String("Created")), qPrintable(second.out));
    QCOMPARE(publicSchema(pg.conninfo()), created);

    const Run misplaced
        = adminctl({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--create")});
    VERIFY_RUN(misplaced, 2);
    QVERIFY2(misplaced.err.contains(QLatin1String("--create goes with --hub-db")),
             qPrintable(misplaced.err));
}

void TestHubDatabase::databaseWithoutMcphubTablesIsRefused()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QByteArray before = publicSchema(pg.conninfo());
    for (const QStringList &command :
         {QStringList{QStringLiteral("user"), QStringLiteral("list")},
          QStringList{QStringLiteral("db"), QStringLiteral("init")},
          QStringList{QStringLiteral("db"), QStringLiteral("status")}}) {
        const Run run = adminctl(command + hubDb(pg));
        VERIFY_RUN(run, 2);
        QVERIFY2(run.err.contains(QLatin1String("no MCPHub tables")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("--create")), qPrintable(run.err));
    }
    QCOMPARE(publicSchema(pg.conninfo()), before);
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = "
                                  "'mcphub_admin'")),
             QStringLiteral("0"));

    // Some of MCPHub's tables only: named, and nothing created.
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("CREATE TABLE public.servers (id int); CREATE TABLE "
                                 "public.activities (id int)")})
                .isEmpty());
    const Run partial = adminctl(QStringList{QStringLiteral("user"), QStringLiteral("list")}
                                 + hubDb(pg) + QStringList{QStringLiteral("--create")});
    VERIFY_RUN(partial, 2);
    QVERIFY2(partial.err.contains(QLatin1String("only some of MCPHub's tables"))
                 && partial.err.contains(QLatin1String("users")),
             qPrintable(partial.err));
    QCOMPARE(
        query(pg, QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")),
        QStringLiteral("2"));
}

void TestHubDatabase::pgOnMcphubDatabaseNamesHubDb()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QByteArray before = publicSchema(pg.conninfo());
    const Run run = adminctl(
        {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--pg"), pg.conninfo()});
    VERIFY_RUN(run, 2);
    QVERIFY2(run.err.contains(QLatin1String("--hub-db")), qPrintable(run.err));
    QCOMPARE(publicSchema(pg.conninfo()), before);
}

void TestHubDatabase::usersAreWrittenAsMcphubWritesThem()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QByteArray schema = publicSchema(pg.conninfo());

    const Run list
        = adminctl(QStringList{QStringLiteral("user"), QStringLiteral("list")} + hubDb(pg));
    VERIFY_RUN(list, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^admin\\s+admin")).match(list.out).hasMatch(),
             qPrintable(list.out));

    const Run add = adminctl(QStringList{QStringLiteral("user"),
                                         QStringLiteral("add"),
                                         QStringLiteral("bob"),
                                         QStringLiteral("--password-stdin")}
                                 + hubDb(pg),
                             "Correct-Horse-42\n");
    VERIFY_RUN(add, 0);
    const QString row = query(pg,
                              QStringLiteral("SELECT concat_ws(';', id, password, \"isAdmin\", "
                                             "email IS NULL, sso_user_id IS NULL, "
                                             "created_at = updated_at) FROM users WHERE "
                                             "username = 'bob'"));
    const QStringList fields = row.split(QLatin1Char(';'));
    QCOMPARE(fields.size(), 6);
    // A uuid v4 id from the table's default, as TypeORM's @PrimaryGeneratedColumn('uuid').
    QVERIFY2(
        QRegularExpression(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
                                          "[0-9a-f]{12}$"))
            .match(fields.at(0))
            .hasMatch(),
        qPrintable(row));
    QVERIFY2(fields.at(1).startsWith(QLatin1String("$2b$10$")) && fields.at(1).size() == 60,
             qPrintable(row));
    QCOMPARE(fields.mid(2).join(QLatin1Char(';')), QStringLiteral("f;t;t;t"));
    // The password is one MCPHub's own bcryptjs accepts at sign-in.
    const auto node
        = test::runNode(QStringLiteral("const b=require('bcryptjs');"
                                       "process.stdout.write(String(b.compareSync(process.argv[1],"
                                       "process.argv[2])))"),
                        {QStringLiteral("Correct-Horse-42"), fields.at(1)});
    QVERIFY2(node.ok, qPrintable(node.error));
    QCOMPARE(node.output, QStringLiteral("true"));

    // A change writes only what changed, and updated_at = now() as TypeORM does.
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("UPDATE users SET updated_at = '2020-01-01', email = "
                                 "'bob@example.org' WHERE username = 'bob'")})
                .isEmpty());
    const Run promote = adminctl(QStringList{QStringLiteral("user"),
                                             QStringLiteral("set"),
                                             QStringLiteral("bob"),
                                             QStringLiteral("--admin")}
                                 + hubDb(pg));
    VERIFY_RUN(promote, 0);
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT concat_ws(';', \"isAdmin\", email, password = '")
                       + fields.at(1)
                       + QStringLiteral("', updated_at > '2020-01-02') FROM users WHERE "
                                        "username = 'bob'")),
             QStringLiteral("t;bob@example.org;t;t"));

    // What MCPHub's users table has no place for is refused, naming it.
    const Run status = adminctl(QStringList{QStringLiteral("user"),
                                            QStringLiteral("set"),
                                            QStringLiteral("bob"),
                                            QStringLiteral("--status"),
                                            QStringLiteral("disabled")}
                                + hubDb(pg));
    VERIFY_RUN(status, 2);
    QVERIFY2(status.err.contains(QLatin1String("\"status\"")), qPrintable(status.err));

    const Run demote = adminctl(QStringList{QStringLiteral("user"),
                                            QStringLiteral("set"),
                                            QStringLiteral("bob"),
                                            QStringLiteral("--no-admin")}
                                + hubDb(pg));
    VERIFY_RUN(demote, 0);
    QVERIFY2(demote.out.contains(QLatin1String("24 hours")), qPrintable(demote.out));

    // Every change is in the console's audit trail, in its own schema, without the hash.
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT string_agg(action || ' ' || resource, ',' ORDER BY "
                                  "id) FROM mcphub_admin.access_logs")),
             QStringLiteral("user.create users/bob,user.update users/bob,user.update users/bob"));
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT count(*) FROM mcphub_admin.access_logs WHERE "
                                  "details::text LIKE '%$2b$%'")),
             QStringLiteral("0"));
    QCOMPARE(publicSchema(pg.conninfo()), schema);
}

void TestHubDatabase::lastAdministratorIsKept()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    // users never becomes empty: MCPHub would re-import its settings file at the next start.
    const Run remove = adminctl(
        QStringList{QStringLiteral("user"), QStringLiteral("remove"), QStringLiteral("admin")}
        + hubDb(pg));
    VERIFY_RUN(remove, 2);
    QVERIFY2(remove.err.contains(QLatin1String("last administrator")), qPrintable(remove.err));
    const Run demote = adminctl(QStringList{QStringLiteral("user"),
                                            QStringLiteral("set"),
                                            QStringLiteral("admin"),
                                            QStringLiteral("--no-admin")}
                                + hubDb(pg));
    VERIFY_RUN(demote, 2);
    QCOMPARE(query(pg, QStringLiteral("SELECT count(*) FROM users WHERE \"isAdmin\"")),
             QStringLiteral("1"));
    QCOMPARE(query(pg, QStringLiteral("SELECT count(*) FROM mcphub_admin.access_logs")),
             QStringLiteral("0"));
}

void TestHubDatabase::readOnlyRoleOpensReadOnly()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QString role = QStringLiteral("hub_reader_%1").arg(QCoreApplication::applicationPid());
    const QString granted = psql(
        pg.conninfo(),
        {QStringLiteral("-c"),
         QStringLiteral("DROP ROLE IF EXISTS %1; CREATE ROLE %1 LOGIN; GRANT SELECT ON ALL "
                        "TABLES IN SCHEMA public TO %1; REVOKE CREATE ON DATABASE \"%2\" FROM "
                        "PUBLIC")
             .arg(role, pg.spec().databaseName)});
    QVERIFY2(granted.isEmpty(), qPrintable(granted));
    const QString conninfo = pg.conninfo().replace(QRegularExpression(QStringLiteral("user=\\S+")),
                                                   QStringLiteral("user=") + role);
    const QByteArray schema = publicSchema(pg.conninfo());

    const Run list = adminctl(
        {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--hub-db"), conninfo});
    VERIFY_RUN(list, 0);
    QVERIFY2(list.out.contains(QLatin1String("admin")), qPrintable(list.out));
    QVERIFY2(list.err.contains(QLatin1String("read-only")) && list.err.contains(role),
             qPrintable(list.err));

    const Run add = adminctl({QStringLiteral("user"),
                              QStringLiteral("add"),
                              QStringLiteral("carol"),
                              QStringLiteral("--password-stdin"),
                              QStringLiteral("--hub-db"),
                              conninfo},
                             "Correct-Horse-42\n");
    VERIFY_RUN(add, 2);
    QVERIFY2(add.err.contains(QLatin1String("read-only")), qPrintable(add.err));
    QCOMPARE(query(pg, QStringLiteral("SELECT count(*) FROM users")), QStringLiteral("1"));
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = "
                                  "'mcphub_admin'")),
             QStringLiteral("0"));
    QCOMPARE(publicSchema(pg.conninfo()), schema);
    (void)psql(pg.conninfo(),
               {QStringLiteral("-c"), QStringLiteral("DROP OWNED BY %1; DROP ROLE %1").arg(role)});
}

void TestHubDatabase::usageLogIsMcphubsActivities()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const ConnectionProfile profile = mcphubProfile(pg);
    auto ws = Workspace::open(profile, QStringLiteral("tst_hubdatabase_usage"));
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
    QCOMPARE(ws->kind(), WorkspaceKind::McphubDatabase);
    UsageLogRepository log(ws->context());

    const int total = query(pg, QStringLiteral("SELECT count(*) FROM activities")).toInt();
    QVERIFY(total > 0);
    auto all = log.list({}, {0, 1000, true});
    VERIFY_OK(all);
    QCOMPARE(all->total, qint64(total));
    QCOMPARE(all->items.size(), total);
    // Newest first, as MCPHub's own API lists them; uuid ids; status read as success.
    for (int i = 1; i < all->items.size(); ++i)
        QVERIFY(all->items.at(i - 1).timestamp >= all->items.at(i).timestamp);
    const UsageLogEntry &newest = all->items.first();
    QCOMPARE(newest.id.toString(),
             query(pg,
                   QStringLiteral("SELECT id FROM activities ORDER BY \"timestamp\" DESC, id "
                                  "DESC LIMIT 1")));
    QCOMPARE(newest.timestamp.timeSpec(), Qt::UTC);
    QCOMPARE(newest.timestamp.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")),
             query(pg,
                   QStringLiteral("SELECT to_char(max(\"timestamp\"), 'YYYY-MM-DD HH24:MI:SS.MS') "
                                  "FROM activities")));

    // A server and a time range, filtered in SQL; errors; output kept for the detail pane.
    const QString server = query(pg,
                                 QStringLiteral("SELECT server FROM activities GROUP BY server "
                                                "ORDER BY count(*) DESC LIMIT 1"));
    UsageLogFilter filter;
    filter.serverName = server;
    filter.from = newest.timestamp.addDays(-1);
    filter.to = newest.timestamp.addMSecs(1);
    const auto filtered = log.count(filter);
    VERIFY_OK(filtered);
    QCOMPARE(QString::number(*filtered),
             query(pg,
                   QStringLiteral("SELECT count(*) FROM activities WHERE server = '%1' AND "
                                  "\"timestamp\" >= (SELECT max(\"timestamp\") FROM activities) "
                                  "- interval '1 day'")
                       .arg(server)));
    UsageLogFilter errors;
    errors.success = false;
    const auto failed = log.list(errors, {0, 1000, true});
    VERIFY_OK(failed);
    QCOMPARE(
        QString::number(failed->total),
        query(pg, QStringLiteral("SELECT count(*) FROM activities WHERE status <> 'success'")));
    for (const UsageLogEntry &e : failed->items)
        QVERIFY(!e.success);
    QCOMPARE(
        QString::number(std::count_if(all->items.cbegin(),
                                      all->items.cend(),
                                      [](const UsageLogEntry &e) { return !e.output.isEmpty(); })),
        query(pg, QStringLiteral("SELECT count(*) FROM activities WHERE output IS NOT NULL")));

    // Keyset paging over uuid ids reads every row once.
    UsageLogFilter paged;
    QStringList seen;
    for (int guard = 0; guard < 100; ++guard) {
        const auto page = log.list(paged, {0, 3, false});
        VERIFY_OK(page);
        for (const UsageLogEntry &e : page->items)
            seen << e.id.toString();
        if (page->items.size() < 3)
            break;
        paged.before = qMakePair(page->items.last().timestamp, page->items.last().id);
    }
    QCOMPARE(seen.size(), total);
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), total);

    // MCPHub appends its activities itself.
    QVERIFY(!log.append({UsageLogEntry()}).ok());
    ws->close();
}

void TestHubDatabase::entitiesNotBuiltYetAreRefusedNotMisread()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const ConnectionProfile profile = mcphubProfile(pg);
    auto ws = Workspace::open(profile, QStringLiteral("tst_hubdatabase_entities"));
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
    // MCPHub's OAuth clients have other columns than the console's table: refused, never
    // read with the console's columns and shown empty, never written.
    const auto clients = RowRepository::oauthClients(ws->context()).list({0, 100, true});
    QVERIFY(!clients.ok());
    QVERIFY2(clients.error().message.contains(QLatin1String("not read or written here yet")),
             qPrintable(clients.error().toString()));
    QVERIFY(!RowRepository::oauthClients(ws->context()).create({}).ok());
    ws->close();
}

namespace {

QStringList config(const test::PgTestDatabase &pg, const QStringList &arguments)
{
    return QStringList{QStringLiteral("config")} + arguments + hubDbArguments(pg);
}

// Every column of MCPHub's system_config row but `except`, and updated_at: what a write of
// one key must leave as it was.
QString otherColumns(const test::PgTestDatabase &pg, const QString &except)
{
    QStringList columns{QStringLiteral("routing"),
                        QStringLiteral("install"),
                        QStringLiteral("\"smartRouting\""),
                        QStringLiteral("\"toolResultCompression\""),
                        QStringLiteral("\"mcpRouter\""),
                        QStringLiteral("\"nameSeparator\""),
                        QStringLiteral("oauth"),
                        QStringLiteral("\"oauthServer\""),
                        QStringLiteral("auth"),
                        QStringLiteral("\"enableSessionRebuild\"::text"),
                        QStringLiteral("discovery"),
                        QStringLiteral("\"activityLog\""),
                        QStringLiteral("created_at::text")};
    columns.removeIf([&](const QString &c) { return c.contains(except); });
    QStringList coalesced;
    for (const QString &c : columns)
        coalesced << QStringLiteral("coalesce(%1, '<null>')").arg(c);
    return test::queryText(pg,
                           QStringLiteral("SELECT concat_ws(';', id, %1) FROM system_config "
                                          "ORDER BY id")
                               .arg(coalesced.join(QStringLiteral(", "))));
}

} // namespace

void TestHubDatabase::systemConfigIsMcphubsRow()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QByteArray schema = publicSchema(pg.conninfo());

    // The columns MCPHub set, with a size and a summary; no values (they hold secrets).
    const Run list = adminctl(config(pg, {QStringLiteral("list")}));
    VERIFY_RUN(list, 0);
    for (const char *key : {"routing",
                            "install",
                            "smartRouting",
                            "toolResultCompression",
                            "mcpRouter",
                            "nameSeparator",
                            "oauth",
                            "oauthServer",
                            "auth",
                            "enableSessionRebuild",
                            "discovery"})
        QVERIFY2(list.out.contains(
                     QRegularExpression(QStringLiteral("(^|\\n)%1 ").arg(QLatin1String(key)))),
                 qPrintable(list.out));
    QVERIFY2(!list.out.contains(QLatin1String("activityLog")), qPrintable(list.out)); // NULL
    QVERIFY2(!list.out.contains(QLatin1String("accessTokenLifetime")), qPrintable(list.out));
    QVERIFY2(list.out.contains(QLatin1String("object, 8 key(s)")), qPrintable(list.out));
    const Run get = adminctl(config(pg, {QStringLiteral("get"), QStringLiteral("oauthServer")}));
    VERIFY_RUN(get, 0);
    QCOMPARE(get.out.trimmed(),
             query(pg, QStringLiteral("SELECT \"oauthServer\" FROM system_config")));

    // A section: that column and updated_at only, JSON.stringify's compact text.
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("UPDATE system_config SET updated_at = '2020-01-01'")})
                .isEmpty());
    const QString others = otherColumns(pg, QStringLiteral("routing"));
    const QString routing
        = QStringLiteral("{ \"enableGlobalRoute\": false,\n \"jsonBodyLimit\": \"2mb\", "
                         "\"ratio\": 1.50, \"name\": \"\u00e9\\u00e9\" }");
    const Run set
        = adminctl(config(pg, {QStringLiteral("set"), QStringLiteral("routing"), routing}));
    VERIFY_RUN(set, 0);
    QVERIFY2(set.out.contains(QLatin1String("next request")), qPrintable(set.out));
    const auto node = test::runNode(
        QStringLiteral("process.stdout.write(JSON.stringify(JSON.parse(process.argv[1])))"),
        {routing});
    QVERIFY2(node.ok, qPrintable(node.error));
    QCOMPARE(query(pg, QStringLiteral("SELECT routing FROM system_config")), node.output);
    QCOMPARE(otherColumns(pg, QStringLiteral("routing")), others);
    QCOMPARE(query(pg, QStringLiteral("SELECT updated_at > '2020-01-02' FROM system_config")),
             QStringLiteral("true"));

    // From standard input, with a secret that never reaches the audit trail.
    const QByteArray smart = "{\n  \"enabled\": true,\n  \"openaiApiKey\": \"sk-secret-42\"\n}\n";
    const Run fromStdin = adminctl(
        config(pg, {QStringLiteral("set"), QStringLiteral("smartRouting"), QStringLiteral("-")}),
        smart);
    VERIFY_RUN(fromStdin, 0);
    QCOMPARE(query(pg, QStringLiteral("SELECT \"smartRouting\" FROM system_config")),
             QStringLiteral("{\"enabled\":true,\"openaiApiKey\":\"sk-secret-42\"}"));
    const Run quiet = adminctl(config(pg, {QStringLiteral("list")}));
    QVERIFY2(!quiet.out.contains(QLatin1String("sk-secret")), qPrintable(quiet.out));

    // The scalar columns: nameSeparator a string of at most 10 characters, a boolean.
    const Run separator = adminctl(config(
        pg, {QStringLiteral("set"), QStringLiteral("nameSeparator"), QStringLiteral("\"__\"")}));
    VERIFY_RUN(separator, 0);
    QVERIFY2(separator.out.contains(QLatin1String("PUT /api/system-config")),
             qPrintable(separator.out));
    QCOMPARE(query(pg, QStringLiteral("SELECT \"nameSeparator\" FROM system_config")),
             QStringLiteral("__"));
    for (const QString &bad : {QStringLiteral("\"12345678901\""), QStringLiteral("5")}) {
        const Run refused
            = adminctl(config(pg, {QStringLiteral("set"), QStringLiteral("nameSeparator"), bad}));
        VERIFY_RUN(refused, 2);
        QVERIFY2(refused.err.contains(QLatin1String("10 characters")), qPrintable(refused.err));
    }
    const Run rebuild = adminctl(config(
        pg,
        {QStringLiteral("set"), QStringLiteral("enableSessionRebuild"), QStringLiteral("true")}));
    VERIFY_RUN(rebuild, 0);
    QCOMPARE(query(pg, QStringLiteral("SELECT \"enableSessionRebuild\" FROM system_config")),
             QStringLiteral("true"));
    const Run restart = adminctl(
        config(pg, {QStringLiteral("set"), QStringLiteral("oauth"), QStringLiteral("{}")}));
    VERIFY_RUN(restart, 0);
    QVERIFY2(restart.out.contains(QLatin1String("only when it starts")), qPrintable(restart.out));

    // Invalid JSON, with its line and column; a key MCPHub's table has no column for.
    const Run typo = adminctl(config(
        pg, {QStringLiteral("set"), QStringLiteral("routing"), QStringLiteral("{\"a\": 1,\n}")}));
    VERIFY_RUN(typo, 2);
    QVERIFY2(typo.err.contains(QLatin1String(":2:1")), qPrintable(typo.err));
    const Run unknown = adminctl(
        config(pg, {QStringLiteral("set"), QStringLiteral("theme"), QStringLiteral("{}")}));
    VERIFY_RUN(unknown, 2);
    QVERIFY2(unknown.err.contains(QLatin1String("\"theme\""))
                 && unknown.err.contains(QLatin1String("no place")),
             qPrintable(unknown.err));

    // unset = NULL in the column.
    const Run unset = adminctl(config(pg, {QStringLiteral("unset"), QStringLiteral("discovery")}));
    VERIFY_RUN(unset, 0);
    QCOMPARE(query(pg, QStringLiteral("SELECT discovery IS NULL FROM system_config")),
             QStringLiteral("true"));
    VERIFY_RUN(adminctl(config(pg, {QStringLiteral("get"), QStringLiteral("discovery")})), 2);

    QCOMPARE(query(pg, QStringLiteral("SELECT count(*) FROM system_config")), QStringLiteral("1"));
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT string_agg(action || ' ' || resource, ',' ORDER BY "
                                  "id) FROM mcphub_admin.access_logs")),
             QStringLiteral("system-config.set system-config/routing,system-config.set "
                            "system-config/smartRouting,system-config.set "
                            "system-config/nameSeparator,system-config.set "
                            "system-config/enableSessionRebuild,system-config.set "
                            "system-config/oauth,system-config.remove system-config/discovery"));
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT count(*) FROM mcphub_admin.access_logs WHERE "
                                  "details::text LIKE '%sk-secret%'")),
             QStringLiteral("0"));
    QCOMPARE(publicSchema(pg.conninfo()), schema);
}

void TestHubDatabase::systemConfigMissingRowGetsMcphubsDefaults()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QByteArray schema = publicSchema(pg.conninfo());
    // The row MCPHub made (the fixture) is what its SystemConfigRepository creates when there
    // is none, but for activityLog, which it leaves unset.
    const QString fixtureRow = otherColumns(pg, QStringLiteral("activityLog"));
    QVERIFY(psql(pg.conninfo(), {QStringLiteral("-c"), QStringLiteral("DELETE FROM system_config")})
                .isEmpty());
    const Run empty = adminctl(config(pg, {QStringLiteral("list")}));
    VERIFY_RUN(empty, 0);
    QCOMPARE(empty.out, QString());

    const Run set = adminctl(config(pg,
                                    {QStringLiteral("set"),
                                     QStringLiteral("activityLog"),
                                     QStringLiteral("{\"storeToolPayload\": true}")}));
    VERIFY_RUN(set, 0);
    QCOMPARE(otherColumns(pg, QStringLiteral("activityLog")).section(u';', 0, -2),
             fixtureRow.section(u';', 0, -2)); // all but created_at
    QCOMPARE(query(pg, QStringLiteral("SELECT \"activityLog\" FROM system_config")),
             QStringLiteral("{\"storeToolPayload\":true}"));
    QCOMPARE(publicSchema(pg.conninfo()), schema);
}

void TestHubDatabase::systemConfigBadRowsAreFindingsLeftAlone()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("UPDATE system_config SET install = '{\"npmRegistry\":'; "
                                 "INSERT INTO system_config (id, routing) VALUES ('second', "
                                 "'{}')")})
                .isEmpty());
    const QString before = otherColumns(pg, QStringLiteral("routing"));

    // Named by table, row and column; the rest is listed; exit 1 (problems found).
    const Run list = adminctl(config(pg, {QStringLiteral("list")}));
    VERIFY_RUN(list, 1);
    QVERIFY2(list.err.contains(QLatin1String("system_config row \"second\"")),
             qPrintable(list.err));
    QVERIFY2(list.err.contains(QLatin1String("system_config row \"default\", column install")),
             qPrintable(list.err));
    QVERIFY2(list.out.contains(QLatin1String("oauthServer")), qPrintable(list.out));
    const Run get = adminctl(config(pg, {QStringLiteral("get"), QStringLiteral("install")}));
    VERIFY_RUN(get, 1);
    QCOMPARE(get.out.trimmed(), QStringLiteral("{\"npmRegistry\":"));

    // Another key is written; the broken text and the second row are left as they are.
    const Run set = adminctl(config(pg,
                                    {QStringLiteral("set"),
                                     QStringLiteral("routing"),
                                     QStringLiteral("{\"skipAuth\":false}")}));
    VERIFY_RUN(set, 0);
    QCOMPARE(query(pg, QStringLiteral("SELECT routing FROM system_config WHERE id = 'default'")),
             QStringLiteral("{\"skipAuth\":false}"));
    const QString after = otherColumns(pg, QStringLiteral("routing"));
    QCOMPARE(after, before);
}

QTEST_GUILESS_MAIN(TestHubDatabase)
#include "tst_hubdatabase.moc"
