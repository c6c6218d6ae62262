// MCPHub's own database as a workspace (issue #13), on the real PostgreSQL: a database made
// from the DDL a real hub's TypeORM created (fixtures/hub-captures/db-mode/mcphub-db-schema.sql)
// and the rows it wrote (db-rows/), administered through the real mcphub-adminctl and the
// storage library. After every command, pg_dump of the public schema is byte-identical: the
// console never alters MCPHub's tables.

#include "storage/db/bearerkeyrepository.h"
#include "storage/db/connectionprofile.h"
#include "storage/db/grouprepository.h"
#include "storage/db/mcphubrowcheck.h"
#include "storage/db/rowrepository.h"
#include "storage/db/serverrepository.h"
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
    void rowCheckKnowsMcphubsColumns();
    void userListNamesStoredRowFindings();
    void storedRowFindingsNameTableRowAndColumn();
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

// The columns McphubRowCheck knows are those of MCPHub's DDL: any other is a newer MCPHub's.
void TestHubDatabase::rowCheckKnowsMcphubsColumns()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    for (const QString &table : {QStringLiteral("servers"),
                                 QStringLiteral("groups"),
                                 QStringLiteral("bearer_keys"),
                                 QStringLiteral("users")}) {
        QStringList ddl = query(pg,
                                QStringLiteral("SELECT column_name FROM information_schema.columns "
                                               "WHERE table_schema = 'public' AND table_name = "
                                               "'%1' ORDER BY column_name")
                                    .arg(table))
                              .split(u'|');
        QStringList known = McphubRowCheck::knownColumns(table);
        known.sort();
        ddl.sort();
        QCOMPARE(known, ddl);
    }
}

// Issue 13, "Bad input", on the CLI: `user list` lists every user, a row with a value in a
// column a newer MCPHub added among them, and names it (table, row, column) on stderr; the row
// is not rewritten by listing or by editing another user, and an edit of that user writes
// only what changed: the newer column's value survives.
void TestHubDatabase::userListNamesStoredRowFindings()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("ALTER TABLE users ADD COLUMN \"lastHubLogin\" timestamp; "
                                 "INSERT INTO users (username, password) VALUES ('spare', 'x'), "
                                 "('other', 'y'); UPDATE users SET \"lastHubLogin\" = "
                                 "'2026-11-30 10:00' WHERE username = 'spare'")})
                .isEmpty());
    const QByteArray schema = publicSchema(pg.conninfo()); // after the newer column
    const QString spare = QStringLiteral("SELECT u::text FROM users u WHERE username = 'spare'");
    const QString before = query(pg, spare);
    const QString id = query(pg, QStringLiteral("SELECT id FROM users WHERE username = 'spare'"));

    const Run list
        = adminctl(QStringList{QStringLiteral("user"), QStringLiteral("list")} + hubDb(pg));
    VERIFY_RUN(list, 0);
    for (const QString &name :
         {QStringLiteral("admin"), QStringLiteral("spare"), QStringLiteral("other")})
        QVERIFY2(
            QRegularExpression(QStringLiteral("(^|\n)%1\\s").arg(name)).match(list.out).hasMatch(),
            qPrintable(list.out));
    QVERIFY2(list.err.contains(QStringLiteral("warning: users/spare (id %1): column "
                                              "\"lastHubLogin\":")
                                   .arg(id)),
             qPrintable(list.err));
    QCOMPARE(list.err.count(QLatin1String("warning: ")), 1);
    QCOMPARE(query(pg, spare), before);

    const Run other = adminctl(QStringList{QStringLiteral("user"),
                                           QStringLiteral("set"),
                                           QStringLiteral("other"),
                                           QStringLiteral("--admin")}
                               + hubDb(pg));
    VERIFY_RUN(other, 0);
    QCOMPARE(query(pg, spare), before);
    const Run promote = adminctl(QStringList{QStringLiteral("user"),
                                             QStringLiteral("set"),
                                             QStringLiteral("spare"),
                                             QStringLiteral("--admin")}
                                 + hubDb(pg));
    VERIFY_RUN(promote, 0);
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT concat_ws(';', \"isAdmin\", \"lastHubLogin\"::text) "
                                  "FROM users WHERE username = 'spare'")),
             QStringLiteral("t;2026-11-30 10:00:00"));
    QCOMPARE(publicSchema(pg.conninfo()), schema);
}

// The storage side, one place for the editors and the CLI: each repository lists the bad
// row with RowFinding naming table, row and column, and lists every other row.
void TestHubDatabase::storedRowFindingsNameTableRowAndColumn()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral(
                      "UPDATE servers SET args = '[\"--stdio\"', headers = 'null' WHERE name = "
                      "'broken'; INSERT INTO groups (name, servers) VALUES ('ghosts', "
                      "'[\"gone\",{\"name\":\"echo-local\"}]'), ('nulls', 'null'); UPDATE "
                      "bearer_keys SET \"allowedGroups\" = '{\"a\":1}', \"accessType\" = 'x' "
                      "WHERE name = 'fixture-all-access'")})
                .isEmpty());
    auto ws = Workspace::open(mcphubProfile(pg), QStringLiteral("tst_hubdatabase"));
    VERIFY_OK(ws);
    const auto texts = [](const QList<RowFinding> &findings) {
        QStringList all;
        for (const RowFinding &f : findings)
            all << f.toString();
        return all.join(u'\n');
    };
    QMap<QString, QString> byRow;
    const auto servers = ServerRepository(ws->context()).list({}, {0, 100, true});
    VERIFY_OK(servers);
    QCOMPARE(servers->items.size(), 5);
    for (const ServerRecord &s : servers->items)
        byRow.insert(QStringLiteral("servers/") + s.name, texts(s.findings));
    const auto groups = GroupRepository(ws->context()).list({}, {0, 100, true});
    VERIFY_OK(groups);
    QCOMPARE(groups->items.size(), 3);
    for (const GroupRecord &g : groups->items)
        byRow.insert(QStringLiteral("groups/") + g.name, texts(g.findings));
    const auto keys = BearerKeyRepository(ws->context()).list({}, {0, 100, true});
    VERIFY_OK(keys);
    QCOMPARE(keys->items.size(), 2);
    for (const BearerKeyRecord &k : keys->items)
        byRow.insert(QStringLiteral("bearer_keys/") + k.name, texts(k.findings));
    const QString broken = byRow.value(QStringLiteral("servers/broken"));
    QVERIFY2(broken.contains(QLatin1String("servers/broken (id 1ab6b020-ef7b-4ed0-8481-"
                                           "e47c429f088d): column \"args\": The stored text is "
                                           "not JSON")),
             qPrintable(broken));
    QVERIFY2(!broken.contains(QLatin1String("\"headers\"")), qPrintable(broken)); // null: none
    const QString ghosts = byRow.value(QStringLiteral("groups/ghosts"));
    QVERIFY2(ghosts.contains(QLatin1String("column \"servers\": The server \"gone\" does not "
                                           "exist")),
             qPrintable(ghosts));
    QVERIFY2(!ghosts.contains(QLatin1String("echo-local")), qPrintable(ghosts));
    QVERIFY2(byRow.value(QStringLiteral("groups/nulls")).contains(QLatin1String("JSON null")),
             qPrintable(byRow.value(QStringLiteral("groups/nulls"))));
    const QString key = byRow.value(QStringLiteral("bearer_keys/fixture-all-access"));
    QVERIFY2(key.contains(QLatin1String("column \"allowedGroups\"")), qPrintable(key));
    QVERIFY2(key.contains(QLatin1String("column \"accessType\": The access type \"x\"")),
             qPrintable(key));
    // Nothing about the rows as MCPHub wrote them.
    for (const QString &fine : {QStringLiteral("servers/echo-local"),
                                QStringLiteral("servers/http-local"),
                                QStringLiteral("groups/local-tools"),
                                QStringLiteral("bearer_keys/fixture-local-tools-only")})
        QVERIFY2(byRow.contains(fine) && byRow.value(fine).isEmpty(),
                 qPrintable(fine + QStringLiteral(": ") + byRow.value(fine)));
    ws->close();
}

QTEST_GUILESS_MAIN(TestHubDatabase)
#include "tst_hubdatabase.moc"
