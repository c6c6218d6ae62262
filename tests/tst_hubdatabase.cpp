// MCPHub's own database as a workspace (issue #13), on the real PostgreSQL: a database made
// from the DDL a real hub's TypeORM created (fixtures/hub-captures/db-mode/mcphub-db-schema.sql)
// and the rows it wrote (db-rows/), administered through the real mcphub-adminctl and the
// storage library. After every command, pg_dump of the public schema is byte-identical: the
// console never alters MCPHub's tables.

#include "storage/db/connectionprofile.h"
#include "storage/db/recordrepository.h"
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
#include <QTemporaryDir>
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
    void recordsAreWrittenAsMcphubWritesThem();
    void recordChangedSinceReadIsAConflict();
    void recordsRoundTripInConsoleWorkspaces();
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
    // MCPHub's OAuth tokens have other columns than the console's table: refused, never
    // read with the console's columns and shown empty, never written. Its OAuth clients are
    // RecordRepository's: the console's row code is refused on them too.
    const auto tokens = RowRepository::oauthTokens(ws->context()).list({0, 100, true});
    QVERIFY(!tokens.ok());
    QVERIFY2(tokens.error().message.contains(QLatin1String("not read or written here yet")),
             qPrintable(tokens.error().toString()));
    QVERIFY(!RowRepository::oauthClients(ws->context()).list({0, 100, true}).ok());
    QVERIFY(!RowRepository::oauthClients(ws->context()).create({}).ok());
    ws->close();
}

// OAuth clients, built-in prompts and resources and user configs through the real CLI, on
// MCPHub's own tables: uuid ids from the tables' defaults, JSON columns as compact
// JSON.stringify text, every NOT NULL column filled, only the changed columns and
// updated_at = now(); a row MCPHub cannot load is named (table/row/column) and left alone;
// secrets never listed or audited; pg_dump of public unchanged.
void TestHubDatabase::recordsAreWrittenAsMcphubWritesThem()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QByteArray schema = publicSchema(pg.conninfo());
    const QRegularExpression uuid(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    const auto run = [&](const QStringList &args, const QByteArray &input = {}) {
        return adminctl(args + hubDb(pg), input);
    };

    VERIFY_RUN(run({QStringLiteral("prompt"),
                    QStringLiteral("add"),
                    QStringLiteral("greet"),
                    QStringLiteral("template=Hello {{who}}"),
                    QStringLiteral("title=Greeting"),
                    QStringLiteral("arguments=[ {\"name\": \"who\", \"required\": true} ]")}),
               0);
    QStringList row = query(pg,
                            QStringLiteral("SELECT concat_ws(';', id, title, template, arguments, "
                                           "enabled, description IS NULL, created_at = "
                                           "updated_at) FROM builtin_prompts WHERE name = "
                                           "'greet'"))
                          .split(QLatin1Char(';'));
    QCOMPARE(row.size(), 7);
    QVERIFY2(uuid.match(row.at(0)).hasMatch(), qPrintable(row.join(QLatin1Char(';'))));
    QCOMPARE(row.mid(1).join(QLatin1Char(';')),
             QStringLiteral("Greeting;Hello {{who}};[{\"name\":\"who\",\"required\":true}];t;t;t"));

    const Run client = run({QStringLiteral("oauth-client"),
                            QStringLiteral("add"),
                            QStringLiteral("dash"),
                            QStringLiteral("name=Dashboard"),
                            QStringLiteral("redirectUris=[\"https://app.example.org/cb\"]"),
                            QStringLiteral("metadata={\"application_type\": \"web\"}"),
                            QStringLiteral("--secret-stdin")},
                           "s3cret-value\n");
    VERIFY_RUN(client, 0);
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT concat_ws(';', length(id::text), client_secret, name, "
                                  "redirect_uris, grants, scopes IS NULL, metadata, owner IS "
                                  "NULL) FROM oauth_clients WHERE client_id = 'dash'")),
             QStringLiteral("36;s3cret-value;Dashboard;[\"https://app.example.org/cb\"];[];t;"
                            "{\"application_type\":\"web\"};t"));
    const Run clients = run({QStringLiteral("oauth-client"), QStringLiteral("list")});
    VERIFY_RUN(clients, 0);
    QVERIFY2(clients.out.contains(QLatin1String("dash")), qPrintable(clients.out));
    QVERIFY2(!clients.out.contains(QLatin1String("s3cret")), qPrintable(clients.out));

    VERIFY_RUN(run({QStringLiteral("resource"),
                    QStringLiteral("add"),
                    QStringLiteral("file:///notes/readme"),
                    QStringLiteral("content=Read me"),
                    QStringLiteral("mimeType=text/markdown")}),
               0);
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT concat_ws(';', length(id::text), \"mimeType\", content, "
                                  "enabled) FROM builtin_resources WHERE uri = "
                                  "'file:///notes/readme'")),
             QStringLiteral("36;text/markdown;Read me;t"));

    VERIFY_RUN(run({QStringLiteral("user-config"),
                    QStringLiteral("add"),
                    QStringLiteral("alice"),
                    QStringLiteral("routing={\"enableBearerAuth\": false}"),
                    QStringLiteral("additionalConfig={\"theme\": \"dark\"}")}),
               0);
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT concat_ws(';', length(id::text), routing, "
                                  "\"additionalConfig\") FROM user_configs WHERE username = "
                                  "'alice'")),
             QStringLiteral("36;{\"enableBearerAuth\":false};{\"theme\":\"dark\"}"));

    // A change writes only what changed (another writer's column stays) and updated_at.
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("UPDATE builtin_prompts SET updated_at = '2020-01-01', "
                                 "description = 'by the hub' WHERE name = 'greet'")})
                .isEmpty());
    VERIFY_RUN(run({QStringLiteral("prompt"),
                    QStringLiteral("set"),
                    QStringLiteral("greet"),
                    QStringLiteral("title=Hi"),
                    QStringLiteral("enabled=false")}),
               0);
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT concat_ws(';', title, enabled, description, "
                                  "updated_at > '2020-01-02') FROM builtin_prompts WHERE name = "
                                  "'greet'")),
             QStringLiteral("Hi;f;by the hub;t"));

    // Bad JSON is refused naming the field and line:column; nothing written.
    const Run bad = run({QStringLiteral("prompt"),
                         QStringLiteral("set"),
                         QStringLiteral("greet"),
                         QStringLiteral("arguments=[1,\n 2,,]")});
    VERIFY_RUN(bad, 2);
    QVERIFY2(bad.err.contains(QLatin1String("prompts/greet/arguments:2:4")), qPrintable(bad.err));
    QCOMPARE(
        query(pg, QStringLiteral("SELECT arguments FROM builtin_prompts WHERE name = 'greet'")),
        QStringLiteral("[{\"name\":\"who\",\"required\":true}]"));

    // A row MCPHub cannot load: listed, named by table/row/column, exit 1, left as it is.
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("UPDATE oauth_clients SET metadata = '{oops' WHERE client_id "
                                 "= 'dash'")})
                .isEmpty());
    const QString before = query(pg, QStringLiteral("SELECT updated_at FROM oauth_clients"));
    const Run findings = run({QStringLiteral("oauth-client"), QStringLiteral("list")});
    VERIFY_RUN(findings, 1);
    QVERIFY2(findings.out.contains(QLatin1String("dash")), qPrintable(findings.out));
    QVERIFY2(findings.err.contains(QLatin1String("oauth_clients/dash/metadata")),
             qPrintable(findings.err));
    QCOMPARE(query(pg, QStringLiteral("SELECT metadata FROM oauth_clients")),
             QStringLiteral("{oops"));
    QCOMPARE(query(pg, QStringLiteral("SELECT updated_at FROM oauth_clients")), before);

    // MCPHub reads {routing, ...additionalConfig}: a routing its migration left in
    // additionalConfig goes when the routing is set, as MCPHub's API writes it.
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("INSERT INTO user_configs (username, routing, "
                                 "\"additionalConfig\") VALUES ('bob', '{\"a\":1}', "
                                 "'{\"routing\":{\"a\":1},\"x\":2}')")})
                .isEmpty());
    // Both say the same: nothing to report. A routing of its own in additionalConfig that
    // differs, which MCPHub reads instead of the column: named.
    VERIFY_RUN(run({QStringLiteral("user-config"), QStringLiteral("list")}), 0);
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("INSERT INTO user_configs (username, routing, "
                                 "\"additionalConfig\") VALUES ('carol', '{\"a\":1}', "
                                 "'{\"routing\":{\"a\":2}}')")})
                .isEmpty());
    const Run shadowed = run({QStringLiteral("user-config"), QStringLiteral("list")});
    VERIFY_RUN(shadowed, 1);
    QVERIFY2(shadowed.err.contains(QLatin1String("user_configs/carol/additionalConfig"))
                 && !shadowed.err.contains(QLatin1String("bob")),
             qPrintable(shadowed.err));
    VERIFY_RUN(run({QStringLiteral("user-config"),
                    QStringLiteral("set"),
                    QStringLiteral("bob"),
                    QStringLiteral("routing={\"a\": 3}")}),
               0);
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT concat_ws(';', routing, \"additionalConfig\") FROM "
                                  "user_configs WHERE username = 'bob'")),
             QStringLiteral("{\"a\":3};{\"x\":2}"));

    VERIFY_RUN(run({QStringLiteral("resource"),
                    QStringLiteral("remove"),
                    QStringLiteral("file:///notes/readme")}),
               0);
    QCOMPARE(query(pg, QStringLiteral("SELECT count(*) FROM builtin_resources")),
             QStringLiteral("0"));

    QCOMPARE(query(pg,
                   QStringLiteral("SELECT string_agg(action || ' ' || resource, ',' ORDER BY "
                                  "id) FROM mcphub_admin.access_logs")),
             QStringLiteral("prompt.create prompts/greet,oauth-client.create oauth-clients/dash,"
                            "resource.create resources/file:///notes/readme,user-config.create "
                            "user-configs/alice,prompt.update prompts/greet,user-config.update "
                            "user-configs/bob,resource.delete resources/file:///notes/readme"));
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT count(*) FROM mcphub_admin.access_logs WHERE "
                                  "details::text LIKE '%s3cret%' OR details::text LIKE '%dark%'")),
             QStringLiteral("0"));
    QCOMPARE(publicSchema(pg.conninfo()), schema);
}

void TestHubDatabase::recordChangedSinceReadIsAConflict()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    auto ws = Workspace::open(mcphubProfile(pg), QStringLiteral("tst_hubdatabase_records"));
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
    RecordRepository prompts(ws->context(), RecordEntity::prompts());
    VERIFY_OK(prompts.add({{QStringLiteral("name"), QStringLiteral("p")},
                           {QStringLiteral("template"), QStringLiteral("t")}}));
    const auto read = prompts.find(QStringLiteral("p"));
    VERIFY_OK(read);
    QVERIFY(read->has_value());
    // Another connection (MCPHub) changes the row after it was read.
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("UPDATE builtin_prompts SET template = 'hub', updated_at = "
                                 "now() + interval '1 second' WHERE name = 'p'")})
                .isEmpty());
    const auto refused = prompts.update(QStringLiteral("p"),
                                        {{QStringLiteral("title"), QStringLiteral("mine")}},
                                        (*read)->updatedAt);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Conflict);
    QCOMPARE(refused.error().where, QStringLiteral("builtin_prompts/p/updated_at"));
    QVERIFY(!prompts.remove(QStringLiteral("p"), (*read)->updatedAt).ok());
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT concat_ws(';', template, title IS NULL) FROM "
                                  "builtin_prompts")),
             QStringLiteral("hub;t"));
    QCOMPARE(query(pg, QStringLiteral("SELECT count(*) FROM mcphub_admin.access_logs")),
             QStringLiteral("1"));
    ws->close();
}

// The same commands on the console's own kinds of workspace: SQLite and a settings file
// (written back in MCPHub's format).
void TestHubDatabase::recordsRoundTripInConsoleWorkspaces()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString settings = dir.filePath(QStringLiteral("mcp_settings.json"));
    {
        QFile file(settings);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\n  \"mcpServers\": {}\n}");
    }
    for (const QStringList &place :
         {QStringList{QStringLiteral("--sqlite"), dir.filePath(QStringLiteral("ws.db"))},
          QStringList{QStringLiteral("--file"), settings}}) {
        const auto run = [&](const QStringList &args, const QByteArray &input = {}) {
            return adminctl(args + place, input);
        };
        VERIFY_RUN(run({QStringLiteral("prompt"),
                        QStringLiteral("add"),
                        QStringLiteral("greet"),
                        QStringLiteral("template=Hi {{who}}"),
                        QStringLiteral("arguments=[{\"name\": \"who\"}]")}),
                   0);
        VERIFY_RUN(run({QStringLiteral("oauth-client"),
                        QStringLiteral("add"),
                        QStringLiteral("dash"),
                        QStringLiteral("name=Dashboard"),
                        QStringLiteral("--secret-stdin")},
                       "s3cret\n"),
                   0);
        VERIFY_RUN(run({QStringLiteral("user-config"),
                        QStringLiteral("add"),
                        QStringLiteral("alice"),
                        QStringLiteral("routing={\"a\": 1}"),
                        QStringLiteral("additionalConfig={\"b\": 2}")}),
                   0);
        VERIFY_RUN(run({QStringLiteral("prompt"),
                        QStringLiteral("set"),
                        QStringLiteral("greet"),
                        QStringLiteral("title=Hello")}),
                   0);
        VERIFY_RUN(run({QStringLiteral("resource"),
                        QStringLiteral("add"),
                        QStringLiteral("file:///x"),
                        QStringLiteral("content=x")}),
                   0);
        VERIFY_RUN(run({QStringLiteral("resource"),
                        QStringLiteral("remove"),
                        QStringLiteral("file:///x")}),
                   0);
        const Run show
            = run({QStringLiteral("prompt"), QStringLiteral("show"), QStringLiteral("greet")});
        VERIFY_RUN(show, 0);
        QVERIFY2(show.out.contains(QLatin1String("title: Hello"))
                     && show.out.contains(QLatin1String("arguments: [{\"name\":\"who\"}]")),
                 qPrintable(show.out));
        const Run config
            = run({QStringLiteral("user-config"), QStringLiteral("show"), QStringLiteral("alice")});
        VERIFY_RUN(config, 0);
        QVERIFY2(config.out.contains(QLatin1String("routing: {\"a\":1}"))
                     && config.out.contains(QLatin1String("additionalConfig: {\"b\":2}")),
                 qPrintable(config.out));
        const Run clients = run({QStringLiteral("oauth-client"), QStringLiteral("list")});
        VERIFY_RUN(clients, 0);
        QVERIFY2(clients.out.contains(QLatin1String("dash"))
                     && !clients.out.contains(QLatin1String("s3cret")),
                 qPrintable(clients.out));
    }
    // The settings file holds them as MCPHub's file does.
    QFile file(settings);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject prompt = root.value(QStringLiteral("prompts")).toArray().at(0).toObject();
    QCOMPARE(prompt.value(QStringLiteral("name")).toString(), QStringLiteral("greet"));
    QCOMPARE(prompt.value(QStringLiteral("title")).toString(), QStringLiteral("Hello"));
    QCOMPARE(prompt.value(QStringLiteral("arguments"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("who"));
    const QJsonObject client
        = root.value(QStringLiteral("oauthClients")).toArray().at(0).toObject();
    QCOMPARE(client.value(QStringLiteral("clientId")).toString(), QStringLiteral("dash"));
    QCOMPARE(client.value(QStringLiteral("clientSecret")).toString(), QStringLiteral("s3cret"));
    QCOMPARE(root.value(QStringLiteral("userConfigs"))
                 .toObject()
                 .value(QStringLiteral("alice"))
                 .toObject(),
             QJsonObject({{QStringLiteral("routing"), QJsonObject{{QStringLiteral("a"), 1}}},
                          {QStringLiteral("b"), 2}}));
    QVERIFY(root.value(QStringLiteral("resources")).toArray().isEmpty());
}

QTEST_GUILESS_MAIN(TestHubDatabase)
#include "tst_hubdatabase.moc"
