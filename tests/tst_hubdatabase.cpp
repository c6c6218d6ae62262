// MCPHub's own database as a workspace (issue #13), on the real PostgreSQL: a database made
// from the DDL a real hub's TypeORM created (fixtures/hub-captures/db-mode/mcphub-db-schema.sql)
// and the rows it wrote (db-rows/), administered through the real mcphub-adminctl and the
// storage library. After every command, pg_dump of the public schema is byte-identical: the
// console never alters MCPHub's tables.

#include "storage/db/bearerkeyrepository.h"
#include "storage/db/connectionprofile.h"
#include "storage/db/grouprepository.h"
#include "storage/db/mcphubrowcheck.h"
#include "storage/db/mcphubschema.h"
#include "storage/db/recordrepository.h"
#include "storage/db/rowrepository.h"
#include "storage/db/serverrepository.h"
#include "storage/db/transactionguard.h"
#include "storage/db/usagelogrepository.h"
#include "storage/db/userrepository.h"
#include "storage/db/workspace.h"
#include "storage/hub/hubeventstore.h"
#include "storage/hub/hubrepository.h"
#include "storage/sqlconnection.h"
#include "tests/support/adminctlrun.h"
#include "tests/support/mcphubdatabase.h"
#include "tests/support/pgtestdatabase.h"
#include "tests/support/testenv.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
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

// A login role that may read MCPHub's tables and write nothing (no schema of its own either);
// psql's complaint, empty when made.
QString makeReadingRole(const test::PgTestDatabase &pg, const QString &role)
{
    return psql(pg.conninfo(),
                {QStringLiteral("-c"),
                 QStringLiteral("DROP ROLE IF EXISTS %1; CREATE ROLE %1 LOGIN; GRANT SELECT ON "
                                "ALL TABLES IN SCHEMA public TO %1; REVOKE CREATE ON DATABASE "
                                "\"%2\" FROM PUBLIC")
                     .arg(role, pg.spec().databaseName)});
}

QString query(const test::PgTestDatabase &pg, const QString &sql)
{
    return test::queryText(pg, sql);
}

QStringList hubDb(const test::PgTestDatabase &pg)
{
    return hubDbArguments(pg);
}

// mcphub-adminctl ARGS --hub-db ... on `pg`.
Run hubCli(const test::PgTestDatabase &pg, const QStringList &args)
{
    return adminctl(args + hubDbArguments(pg));
}

// What Node's JSON.stringify writes for the JavaScript `expression` (MCPHub's writer).
QString stringify(const QString &expression)
{
    const auto node
        = test::runNode(QStringLiteral("process.stdout.write(JSON.stringify(%1))").arg(expression));
    return node.ok ? node.output : QStringLiteral("node failed: ") + node.error;
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
    void readOnlySessionOutlivesReconnect();
    void readOnlyConnectOptionsMerge();
    void readBehindExclusiveLockWaitsBounded();
    void usageLogIsMcphubsActivities();
    void entitiesNotBuiltYetAreRefusedNotMisread();
    void serverCommandsWriteAsMcphubWrites();
    void serverRenameRewritesGroupsAndKeysAsMcphub();
    void groupCommandsWriteAsMcphubWrites();
    void keyCommandsWriteAsMcphubWrites();
    void systemConfigIsMcphubsRow();
    void systemConfigMissingRowGetsMcphubsDefaults();
    void systemConfigBadRowsAreFindingsLeftAlone();
    void recordsAreWrittenAsMcphubWritesThem();
    void recordChangedSinceReadIsAConflict();
    void recordsRoundTripInConsoleWorkspaces();
    void rowCheckKnowsMcphubsColumns();
    void userListNamesStoredRowFindings();
    void storedRowFindingsNameTableRowAndColumn();
    void hubEventsLiveInTheConsoleSchema();
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
             QStringLiteral("access_logs,change_outbox,hub_events,hub_samples,hub_server_status,"
                            "hub_settings,hubs,"
                            "mcp_usage_logs,migration_runs,schema_migrations,settings_shapes"));

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
    const QString granted = makeReadingRole(pg, role);
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

// A workspace made read-only after it opened (here a role that may not write; a standby and
// a newer schema go the same way) stays read-only for the server too once its connection is
// opened again, as the keeper does after a failover, and in a clone of its connection.
void TestHubDatabase::readOnlySessionOutlivesReconnect()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QString role = QStringLiteral("hub_reader2_%1").arg(QCoreApplication::applicationPid());
    const QString granted = makeReadingRole(pg, role);
    QVERIFY2(granted.isEmpty(), qPrintable(granted));
    const auto cleanup = qScopeGuard([&] {
        (void)psql(
            pg.conninfo(),
            {QStringLiteral("-c"), QStringLiteral("DROP OWNED BY %1; DROP ROLE %1").arg(role)});
    });
    auto profile = ConnectionProfile::fromConninfo(pg.conninfo().replace(
        QRegularExpression(QStringLiteral("user=\\S+")), QStringLiteral("user=") + role));
    QVERIFY(profile.ok());
    profile->mcphubDatabase = true;
    const QString name = QStringLiteral("tst_hubdatabase_reader");
    auto ws = Workspace::open(*profile, name);
    VERIFY_OK(ws);
    QVERIFY(ws->readOnly());
    const auto readOnlyNow = [](const QString &connection) {
        QSqlQuery q(QSqlDatabase::database(connection, false));
        return q.exec(QStringLiteral("SHOW default_transaction_read_only")) && q.next()
                   ? q.value(0).toString()
                   : q.lastError().text();
    };
    QCOMPARE(readOnlyNow(name), QStringLiteral("on"));

    // The session ends (the server restarted, a failover) and the connection opens again.
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM "
                                  "pg_stat_activity WHERE usename = '%1'")
                       .arg(role)),
             QStringLiteral("1"));
    QSqlDatabase db = QSqlDatabase::database(name, false);
    db.close();
    QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    QCOMPARE(readOnlyNow(name), QStringLiteral("on"));
    {
        QSqlDatabase clone = QSqlDatabase::cloneDatabase(name, name + QStringLiteral("_clone"));
        QVERIFY2(clone.open(), qPrintable(clone.lastError().text()));
    }
    QCOMPARE(readOnlyNow(name + QStringLiteral("_clone")), QStringLiteral("on"));
    // The console's schema still comes first: the options were joined, not replaced.
    QSqlQuery path(db);
    QVERIFY(path.exec(QStringLiteral("SHOW search_path")) && path.next());
    QVERIFY2(path.value(0).toString().startsWith(McphubSchema::kConsoleSchema),
             qPrintable(path.value(0).toString()));
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name + QStringLiteral("_clone"));
    ws->close();
}

void TestHubDatabase::readOnlyConnectOptionsMerge()
{
    // Joined with the options there, once.
    const QString one = Workspace::readOnlyConnectOptions(
        QStringLiteral("connect_timeout=5;options='-c search_path=mcphub_admin,public'"), false);
    QCOMPARE(one,
             QStringLiteral("connect_timeout=5;options='-c search_path=mcphub_admin,public -c "
                            "default_transaction_read_only=on'"));
    QCOMPARE(Workspace::readOnlyConnectOptions(one, false), one);
    // None there; on several hosts any server that answers, not only a writable one.
    QCOMPARE(Workspace::readOnlyConnectOptions(
                 QStringLiteral("port=5432,5433;target_session_attrs=read-write"), true),
             QStringLiteral("port=5432,5433;options='-c default_transaction_read_only=on';"
                            "target_session_attrs=any"));
    QCOMPARE(Workspace::readOnlyConnectOptions({}, false),
             QStringLiteral("options='-c default_transaction_read_only=on'"));
    // Of several, libpq keeps the last: the setting joins that one, and one entry is left.
    QCOMPARE(Workspace::readOnlyConnectOptions(
                 QStringLiteral("options='-c a=1';sslmode=require;options='-c b=2'"), false),
             QStringLiteral("sslmode=require;options='-c b=2 -c "
                            "default_transaction_read_only=on'"));
}

// A page read outside a transaction while another session holds an exclusive lock on the
// table (MCPHub's TypeORM synchronising its schema at a hub's start, a DBA's VACUUM FULL)
// fails after the lock timeout with Locked, instead of holding the window until the lock goes.
void TestHubDatabase::readBehindExclusiveLockWaitsBounded()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const int lockTimeout = TransactionGuard::lockTimeout();
    TransactionGuard::setLockTimeout(500);
    const auto restore = qScopeGuard([&] { TransactionGuard::setLockTimeout(lockTimeout); });
    auto ws = Workspace::open(mcphubProfile(pg), QStringLiteral("tst_hubdatabase_locked"));
    VERIFY_OK(ws);
    UserRepository users(ws->context());
    VERIFY_OK(users.list({}, {0, 10, true}));

    // The holder lets go by itself after 20 s at most: without the bound the read waits
    // until then, and the elapsed time below says so.
    auto holder = openSqlConnection(pg.spec(), QStringLiteral("tst_hubdatabase_holder"));
    VERIFY_OK(holder);
    const auto closeHolder
        = qScopeGuard([] { closeSqlConnection(QStringLiteral("tst_hubdatabase_holder")); });
    QSqlQuery hold(*holder);
    QVERIFY2(hold.exec(QStringLiteral("SET idle_in_transaction_session_timeout = '20s'")),
             qPrintable(hold.lastError().text()));
    QVERIFY(hold.exec(QStringLiteral("BEGIN")));
    QVERIFY2(hold.exec(QStringLiteral("LOCK TABLE users IN ACCESS EXCLUSIVE MODE")),
             qPrintable(hold.lastError().text()));

    QElapsedTimer timer;
    timer.start();
    const auto page = users.list({}, {0, 10, true});
    const qint64 waited = timer.elapsed();
    QVERIFY(!page.ok());
    QCOMPARE(page.error().code, Error::Code::Locked);
    QVERIFY2(waited >= 400 && waited < 5000, qPrintable(QString::number(waited)));
    QVERIFY(hold.exec(QStringLiteral("ROLLBACK")));
    VERIFY_OK(users.list({}, {0, 10, true}));
    ws->close();
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

void TestHubDatabase::serverCommandsWriteAsMcphubWrites()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QByteArray schema = publicSchema(pg.conninfo());

    const Run list = hubCli(pg, {QStringLiteral("server"), QStringLiteral("list")});
    VERIFY_RUN(list, 0);
    for (const char *name : {"broken", "disabled-one", "echo-local", "http-local", "math-local"})
        QVERIFY2(list.out.contains(QLatin1String(name)), qPrintable(list.out));
    // A NULL type is inferred as stdio from the command, as MCPHub does.
    QVERIFY2(
        QRegularExpression(QStringLiteral("(?m)^broken\\s+stdio\\s")).match(list.out).hasMatch(),
        qPrintable(list.out));
    const Run show = hubCli(
        pg, {QStringLiteral("server"), QStringLiteral("show"), QStringLiteral("echo-local")});
    VERIFY_RUN(show, 0);
    QVERIFY2(show.out.contains(QLatin1String("{\"ECHO_MODE\":\"test\"}")), qPrintable(show.out));

    // A new server: MCPHub's columns, JSON text byte-equal to JSON.stringify, uuid id.
    const Run add = hubCli(pg,
                           {QStringLiteral("server"),
                            QStringLiteral("add"),
                            QStringLiteral("time"),
                            QStringLiteral("--type"),
                            QStringLiteral("stdio"),
                            QStringLiteral("--command"),
                            QStringLiteral("npx"),
                            QStringLiteral("--arg"),
                            QStringLiteral("-y"),
                            QStringLiteral("--arg"),
                            QStringLiteral("mcp-time"),
                            QStringLiteral("--env"),
                            QStringLiteral("TZ=UTC"),
                            QStringLiteral("--env"),
                            QStringLiteral("NOTE=h\u00e9llo \"x\" \\ \u2028/")});
    VERIFY_RUN(add, 0);
    QVERIFY2(add.out.contains(QLatin1String("only when told")), qPrintable(add.out));
    const QString row = QStringLiteral(
        "SELECT concat_ws(';', type, command, args, env, enabled, visibility, "
        "\"enableKeepAlive\", description IS NULL, url IS NULL, length(id::text)) FROM servers "
        "WHERE name = '%1'");
    QCOMPARE(query(pg, row.arg(QStringLiteral("time"))),
             QStringLiteral("stdio;npx;") + stringify(QStringLiteral("['-y','mcp-time']"))
                 + QLatin1Char(';')
                 + stringify(QStringLiteral("{TZ:'UTC',NOTE:'h\\u00e9llo \"x\" \\\\ \\u2028/'}"))
                 + QStringLiteral(";t;private;f;t;t;36"));

    // A change writes only what changed (MCPHub's runtime OAuth state stays) and
    // updated_at = now().
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("UPDATE servers SET updated_at = '2020-01-01', oauth = "
                                 "'{\"tokens\":{}}' WHERE name = 'time'")})
                .isEmpty());
    const QString id = query(pg, QStringLiteral("SELECT id FROM servers WHERE name = 'time'"));
    const Run set = hubCli(pg,
                           {QStringLiteral("server"),
                            QStringLiteral("set"),
                            QStringLiteral("time"),
                            QStringLiteral("description=Clock"),
                            QStringLiteral("args=[ \"-y\" , \"mcp-time\",\"--utc\" ]"),
                            QStringLiteral("tools={\"now\": {\"enabled\": false}}")});
    VERIFY_RUN(set, 0);
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT concat_ws(';', id, description, args, tools, oauth, "
                                  "updated_at > '2020-01-02') FROM servers WHERE name = 'time'")),
             QStringList({id,
                          QStringLiteral("Clock"),
                          stringify(QStringLiteral("['-y','mcp-time','--utc']")),
                          stringify(QStringLiteral("{now:{enabled:false}}")),
                          QStringLiteral("{\"tokens\":{}}"),
                          QStringLiteral("t")})
                 .join(QLatin1Char(';')));

    // Bad input names the field; nothing is written.
    const QString before = query(pg, row.arg(QStringLiteral("time")));
    for (const auto &[argument, field] :
         {std::pair{QStringLiteral("url=http://example.org/"), QStringLiteral("/url")},
          std::pair{QStringLiteral("env=[1]"), QStringLiteral("/env")},
          std::pair{QStringLiteral("enabled=maybe"), QStringLiteral("/enabled")},
          std::pair{QStringLiteral("command="), QStringLiteral("/command")},
          std::pair{QStringLiteral("colour=red"), QStringLiteral("colour")}}) {
        const Run bad = hubCli(
            pg,
            {QStringLiteral("server"), QStringLiteral("set"), QStringLiteral("time"), argument});
        VERIFY_RUN(bad, 2);
        QVERIFY2(bad.err.contains(field), qPrintable(argument + bad.err));
    }
    QCOMPARE(query(pg, row.arg(QStringLiteral("time"))), before);
    const Run taken = hubCli(pg,
                             {QStringLiteral("server"),
                              QStringLiteral("add"),
                              QStringLiteral("echo-local"),
                              QStringLiteral("--type"),
                              QStringLiteral("sse"),
                              QStringLiteral("--url"),
                              QStringLiteral("http://127.0.0.1:1/sse")});
    VERIFY_RUN(taken, 2);

    // Enable, disable, remove: the enabled column only; the note each time.
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("UPDATE servers SET updated_at = '2020-01-01' WHERE name = "
                                 "'echo-local'")})
                .isEmpty());
    const Run disable = hubCli(
        pg, {QStringLiteral("server"), QStringLiteral("disable"), QStringLiteral("echo-local")});
    VERIFY_RUN(disable, 0);
    QVERIFY2(disable.out.contains(QLatin1String("only when told")), qPrintable(disable.out));
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT concat_ws(';', enabled, updated_at > '2020-01-02') "
                                  "FROM servers WHERE name = 'echo-local'")),
             QStringLiteral("f;t"));
    VERIFY_RUN(
        hubCli(pg,
               {QStringLiteral("server"), QStringLiteral("enable"), QStringLiteral("echo-local")}),
        0);
    QCOMPARE(query(pg, QStringLiteral("SELECT enabled FROM servers WHERE name = 'echo-local'")),
             QStringLiteral("true"));
    const Run remove
        = hubCli(pg, {QStringLiteral("server"), QStringLiteral("remove"), QStringLiteral("time")});
    VERIFY_RUN(remove, 0);
    QVERIFY2(remove.out.contains(QLatin1String("only when told")), qPrintable(remove.out));
    QCOMPARE(query(pg, QStringLiteral("SELECT count(*) FROM servers WHERE name = 'time'")),
             QStringLiteral("0"));
    VERIFY_RUN(
        hubCli(pg, {QStringLiteral("server"), QStringLiteral("remove"), QStringLiteral("time")}),
        2);
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT string_agg(action, ',' ORDER BY id) FROM "
                                  "mcphub_admin.access_logs")),
             QStringLiteral("server.create,server.update,server.disable,server.enable,"
                            "server.delete"));
    QCOMPARE(publicSchema(pg.conninfo()), schema);
}

void TestHubDatabase::serverRenameRewritesGroupsAndKeysAsMcphub()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QByteArray schema = publicSchema(pg.conninfo());
    // A key scoped to servers (the fixture's keys name none), and rows last saved long ago.
    VERIFY_RUN(hubCli(pg,
                      {QStringLiteral("key"),
                       QStringLiteral("add"),
                       QStringLiteral("scoped"),
                       QStringLiteral("--access"),
                       QStringLiteral("servers"),
                       QStringLiteral("--server"),
                       QStringLiteral("math-local"),
                       QStringLiteral("--server"),
                       QStringLiteral("echo-local")}),
               0);
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("UPDATE servers SET updated_at = '2020-01-01'; UPDATE groups "
                                 "SET updated_at = '2020-01-01'; UPDATE bearer_keys SET "
                                 "updated_at = '2020-01-01'")})
                .isEmpty());
    const QString serverRow = QStringLiteral(
        "SELECT concat_ws(';', id, type IS NULL, args, tools IS NULL, updated_at > '2020-01-02') "
        "FROM servers WHERE name = '%1'");
    const QString math = query(pg, serverRow.arg(QStringLiteral("math-local")));
    const QString groupId = query(pg, QStringLiteral("SELECT id FROM groups"));

    const Run rename = hubCli(pg,
                              {QStringLiteral("server"),
                               QStringLiteral("rename"),
                               QStringLiteral("math-local"),
                               QStringLiteral("math2")});
    VERIFY_RUN(rename, 0);
    QVERIFY2(rename.out.contains(QLatin1String("only when told")), qPrintable(rename.out));
    // The row keeps its uuid; only the name and updated_at change (the NULL type stays).
    QCOMPARE(query(pg, serverRow.arg(QStringLiteral("math2"))),
             math.left(math.size() - 1) + QLatin1Char('t'));
    // The group's {name, tools} entry is renamed in place, as MCPHub's GroupDao does.
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT concat_ws(';', id, servers, updated_at > "
                                  "'2020-01-02') FROM groups")),
             groupId + QLatin1Char(';')
                 + stringify(QStringLiteral("['echo-local',{name:'math2',tools:['add']}]"))
                 + QStringLiteral(";t"));
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT concat_ws(';', \"allowedServers\", \"allowedGroups\", "
                                  "updated_at > '2020-01-02') FROM bearer_keys WHERE name = "
                                  "'scoped'")),
             stringify(QStringLiteral("['math2','echo-local']")) + QStringLiteral(";[];t"));
    // Keys and groups that do not name it are not touched.
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT count(*) FROM bearer_keys WHERE updated_at > "
                                  "'2020-01-02'")),
             QStringLiteral("1"));

    // A plain name in a group, through the storage MCPHub's pages use too.
    VERIFY_RUN(hubCli(pg,
                      {QStringLiteral("server"),
                       QStringLiteral("rename"),
                       QStringLiteral("echo-local"),
                       QStringLiteral("echo2")}),
               0);
    QCOMPARE(query(pg, QStringLiteral("SELECT servers FROM groups")),
             stringify(QStringLiteral("['echo2',{name:'math2',tools:['add']}]")));
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT \"allowedServers\" FROM bearer_keys WHERE name = "
                                  "'scoped'")),
             stringify(QStringLiteral("['math2','echo2']")));

    // A name taken, or no such server: refused, nothing changed.
    const QString groups = query(pg, QStringLiteral("SELECT servers || updated_at FROM groups"));
    const Run taken = hubCli(pg,
                             {QStringLiteral("server"),
                              QStringLiteral("rename"),
                              QStringLiteral("echo2"),
                              QStringLiteral("math2")});
    VERIFY_RUN(taken, 2);
    QVERIFY2(taken.err.contains(QLatin1String("math2")), qPrintable(taken.err));
    VERIFY_RUN(hubCli(pg,
                      {QStringLiteral("server"),
                       QStringLiteral("rename"),
                       QStringLiteral("nosuch"),
                       QStringLiteral("other")}),
               2);
    QCOMPARE(query(pg, QStringLiteral("SELECT servers || updated_at FROM groups")), groups);
    QCOMPARE(query(pg, QStringLiteral("SELECT count(*) FROM servers WHERE name = 'echo2'")),
             QStringLiteral("1"));
    // The usage log and the servers' tool keys are MCPHub's history: not rewritten.
    QCOMPARE(query(pg, QStringLiteral("SELECT count(*) FROM activities WHERE server = 'echo2'")),
             QStringLiteral("0"));
    // Each rewritten row is in the audit trail, in the one transaction of the rename.
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT string_agg(action || ' ' || resource, ',' ORDER BY id) "
                                  "FROM mcphub_admin.access_logs WHERE action <> "
                                  "'bearer-key.create'")),
             QStringList({QStringLiteral("group.update groups/") + groupId,
                          QStringLiteral("bearer-key.update bearer-keys/")
                              + query(pg,
                                      QStringLiteral("SELECT id FROM bearer_keys WHERE name = "
                                                     "'scoped'")),
                          QStringLiteral("server.update servers/math2"),
                          QStringLiteral("group.update groups/") + groupId,
                          QStringLiteral("bearer-key.update bearer-keys/")
                              + query(pg,
                                      QStringLiteral("SELECT id FROM bearer_keys WHERE name = "
                                                     "'scoped'")),
                          QStringLiteral("server.update servers/echo2")})
                 .join(QLatin1Char(',')));
    QCOMPARE(publicSchema(pg.conninfo()), schema);
}

void TestHubDatabase::groupCommandsWriteAsMcphubWrites()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QByteArray schema = publicSchema(pg.conninfo());

    const Run list = hubCli(pg, {QStringLiteral("group"), QStringLiteral("list")});
    VERIFY_RUN(list, 0);
    QVERIFY2(list.out.contains(QLatin1String("local-tools"))
                 && list.out.contains(QLatin1String("echo-local, math-local")),
             qPrintable(list.out));
    const Run add = hubCli(pg,
                           {QStringLiteral("group"),
                            QStringLiteral("add"),
                            QStringLiteral("web"),
                            QStringLiteral("--server"),
                            QStringLiteral("http-local"),
                            QStringLiteral("--description"),
                            QStringLiteral("Remote ones")});
    VERIFY_RUN(add, 0);
    const QString row = QStringLiteral("SELECT concat_ws(';', length(id::text), description, "
                                       "servers, owner IS NULL) FROM groups WHERE name = '%1'");
    QCOMPARE(query(pg, row.arg(QStringLiteral("web"))),
             QStringLiteral("36;Remote ones;") + stringify(QStringLiteral("['http-local']"))
                 + QStringLiteral(";t"));
    // Members changed: a member kept keeps its tool selection; JSON as JSON.stringify.
    VERIFY_RUN(hubCli(pg,
                      {QStringLiteral("group"),
                       QStringLiteral("set"),
                       QStringLiteral("local-tools"),
                       QStringLiteral("servers=[\"math-local\", \"http-local\"]")}),
               0);
    QCOMPARE(query(pg, QStringLiteral("SELECT servers FROM groups WHERE name = 'local-tools'")),
             stringify(QStringLiteral("[{name:'math-local',tools:['add']},'http-local']")));
    // Bad input names the field: a server that does not exist, a name already taken.
    const Run unknown = hubCli(pg,
                               {QStringLiteral("group"),
                                QStringLiteral("add"),
                                QStringLiteral("ghosts"),
                                QStringLiteral("--server"),
                                QStringLiteral("nosuch")});
    VERIFY_RUN(unknown, 2);
    QVERIFY2(unknown.err.contains(QLatin1String("groups/ghosts/servers")), qPrintable(unknown.err));
    const Run taken = hubCli(pg,
                             {QStringLiteral("group"),
                              QStringLiteral("set"),
                              QStringLiteral("web"),
                              QStringLiteral("name=local-tools")});
    VERIFY_RUN(taken, 2);
    QVERIFY2(taken.err.contains(QLatin1String("groups/web/name")), qPrintable(taken.err));
    VERIFY_RUN(hubCli(pg,
                      {QStringLiteral("group"),
                       QStringLiteral("set"),
                       QStringLiteral("web"),
                       QStringLiteral("name=remote"),
                       QStringLiteral("description=")}),
               0);
    QCOMPARE(query(pg, row.arg(QStringLiteral("remote"))),
             QStringLiteral("36;") + stringify(QStringLiteral("['http-local']"))
                 + QStringLiteral(";t"));
    const Run show
        = hubCli(pg, {QStringLiteral("group"), QStringLiteral("show"), QStringLiteral("remote")});
    VERIFY_RUN(show, 0);
    QVERIFY2(show.out.contains(QLatin1String("[\"http-local\"]")), qPrintable(show.out));
    VERIFY_RUN(
        hubCli(pg, {QStringLiteral("group"), QStringLiteral("remove"), QStringLiteral("remote")}),
        0);
    QCOMPARE(query(pg, QStringLiteral("SELECT count(*) FROM groups")), QStringLiteral("1"));
    QCOMPARE(publicSchema(pg.conninfo()), schema);
}

void TestHubDatabase::keyCommandsWriteAsMcphubWrites()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QByteArray schema = publicSchema(pg.conninfo());

    const Run add = hubCli(pg,
                           {QStringLiteral("key"),
                            QStringLiteral("add"),
                            QStringLiteral("ci"),
                            QStringLiteral("--access"),
                            QStringLiteral("groups"),
                            QStringLiteral("--group"),
                            QStringLiteral("local-tools")});
    VERIFY_RUN(add, 0);
    // The token is printed once, in MCPHub's format, and stored as it is.
    const QString token = add.out.trimmed().split(QLatin1Char('\n')).value(1);
    QVERIFY2(QRegularExpression(QStringLiteral("^mcphub_[0-9a-f]{64}$")).match(token).hasMatch(),
             qPrintable(add.out));
    const QString row = QStringLiteral(
        "SELECT concat_ws(';', token, enabled, kind, owner IS NULL, \"accessType\", "
        "\"allowedGroups\", \"allowedServers\") FROM bearer_keys WHERE name = '%1'");
    QCOMPARE(query(pg, row.arg(QStringLiteral("ci"))),
             token + QStringLiteral(";t;system;t;groups;")
                 + stringify(QStringLiteral("['local-tools']")) + QStringLiteral(";[]"));
    // Lists never show a whole token: MCPHub's API mask, first 8 ... last 4.
    const Run list = hubCli(pg, {QStringLiteral("key"), QStringLiteral("list")});
    VERIFY_RUN(list, 0);
    QVERIFY2(!list.out.contains(token), qPrintable(list.out));
    QVERIFY2(list.out.contains(token.left(8) + QStringLiteral("...") + token.right(4)),
             qPrintable(list.out));
    QVERIFY2(list.out.contains(QLatin1String("fixture-local-tools-only")), qPrintable(list.out));
    const Run show
        = hubCli(pg, {QStringLiteral("key"), QStringLiteral("show"), QStringLiteral("ci")});
    VERIFY_RUN(show, 0);
    QVERIFY2(!show.out.contains(token), qPrintable(show.out));

    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("UPDATE bearer_keys SET updated_at = '2020-01-01'")})
                .isEmpty());
    VERIFY_RUN(hubCli(pg, {QStringLiteral("key"), QStringLiteral("disable"), QStringLiteral("ci")}),
               0);
    QCOMPARE(query(pg,
                   QStringLiteral("SELECT concat_ws(';', enabled, updated_at > '2020-01-02') "
                                  "FROM bearer_keys WHERE name = 'ci'")),
             QStringLiteral("f;t"));
    VERIFY_RUN(hubCli(pg,
                      {QStringLiteral("key"),
                       QStringLiteral("set"),
                       QStringLiteral("ci"),
                       QStringLiteral("accessType=servers"),
                       QStringLiteral("allowedServers=[\"echo-local\",\"h\u00e9\"]"),
                       QStringLiteral("enabled=true")}),
               0);
    QCOMPARE(query(pg, row.arg(QStringLiteral("ci"))),
             token + QStringLiteral(";t;system;t;servers;")
                 + stringify(QStringLiteral("['local-tools']")) + QLatin1Char(';')
                 + stringify(QStringLiteral("['echo-local','h\\u00e9']")));
    // Bad input names the field; nothing is written.
    const QString before = query(pg, row.arg(QStringLiteral("ci")));
    for (const auto &[argument, field] :
         {std::pair{QStringLiteral("accessType=everything"), QStringLiteral("/accessType")},
          std::pair{QStringLiteral("allowedServers="), QStringLiteral("/allowedServers")},
          std::pair{QStringLiteral("allowedGroups={}"), QStringLiteral("/allowedGroups")},
          std::pair{QStringLiteral("token=mcphub_0"), QStringLiteral("token")}}) {
        const Run bad = hubCli(
            pg, {QStringLiteral("key"), QStringLiteral("set"), QStringLiteral("ci"), argument});
        VERIFY_RUN(bad, 2);
        QVERIFY2(bad.err.contains(field), qPrintable(argument + bad.err));
    }
    QCOMPARE(query(pg, row.arg(QStringLiteral("ci"))), before);
    // Two keys of one name: named by id instead.
    VERIFY_RUN(hubCli(pg, {QStringLiteral("key"), QStringLiteral("add"), QStringLiteral("ci")}), 0);
    const Run ambiguous
        = hubCli(pg, {QStringLiteral("key"), QStringLiteral("remove"), QStringLiteral("ci")});
    VERIFY_RUN(ambiguous, 2);
    const QString firstId = query(
        pg,
        QStringLiteral("SELECT id FROM bearer_keys WHERE name = 'ci' ORDER BY created_at LIMIT 1"));
    QVERIFY2(ambiguous.err.contains(firstId), qPrintable(ambiguous.err));
    VERIFY_RUN(hubCli(pg, {QStringLiteral("key"), QStringLiteral("remove"), firstId}), 0);
    QCOMPARE(query(pg, QStringLiteral("SELECT count(*) FROM bearer_keys WHERE name = 'ci'")),
             QStringLiteral("1"));
    // No token in the audit trail.
    QCOMPARE(
        query(pg,
              QStringLiteral("SELECT count(*) FROM mcphub_admin.access_logs WHERE details::text "
                             "LIKE '%mcphub_%'")),
        QStringLiteral("0"));
    QCOMPARE(publicSchema(pg.conninfo()), schema);
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

void TestHubDatabase::hubEventsLiveInTheConsoleSchema()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QByteArray schema = publicSchema(pg.conninfo());
    {
        auto ws = Workspace::open(mcphubProfile(pg), QStringLiteral("tst_hubdatabase_events"));
        VERIFY_OK(ws);
        QCOMPARE(ws->kind(), WorkspaceKind::McphubDatabase);
        // The console's 0004 applied in its own schema, next to its hub registry.
        QCOMPARE(query(pg,
                       QStringLiteral("SELECT count(*) FROM mcphub_admin.schema_migrations "
                                      "WHERE version = 4")),
                 QStringLiteral("1"));
        QCOMPARE(query(pg,
                       QStringLiteral("SELECT string_agg(schemaname, ',') FROM pg_tables WHERE "
                                      "tablename = 'hub_events'")),
                 QStringLiteral("mcphub_admin"));
        HubRecord hub;
        hub.name = QStringLiteral("prod");
        hub.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
        VERIFY_OK(HubRepository(ws->context()).add(hub));
        HubEvent e;
        e.hub = hub.name;
        e.at = QDateTime::currentDateTimeUtc();
        e.kind = QStringLiteral("state_worse");
        e.state = QStringLiteral("unreachable");
        e.title = QStringLiteral("Hub prod is unreachable");
        e.message = QStringLiteral("connection refused");
        VERIFY_OK(HubEventStore(ws->context()).record(e));
        ws->close();
    }
    {
        auto ws = Workspace::open(mcphubProfile(pg), QStringLiteral("tst_hubdatabase_events"));
        VERIFY_OK(ws);
        HubEventStore events(ws->context());
        QCOMPARE(*events.unacknowledgedCounts(),
                 (QHash<QString, int>{{QStringLiteral("prod"), 1}}));
        const auto listed = events.list();
        VERIFY_OK(listed);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().title, QStringLiteral("Hub prod is unreachable"));
        QCOMPARE(*events.acknowledge({listed->first().id}), 1);
        QVERIFY(events.unacknowledgedCounts()->isEmpty());
        QCOMPARE(query(pg,
                       QStringLiteral("SELECT count(*) FROM mcphub_admin.access_logs WHERE "
                                      "action = 'hub.event.acknowledge'")),
                 QStringLiteral("1"));
        ws->close();
    }
    // MCPHub's tables: not one change.
    QCOMPARE(publicSchema(pg.conninfo()), schema);
}

QTEST_GUILESS_MAIN(TestHubDatabase)
#include "tst_hubdatabase.moc"
