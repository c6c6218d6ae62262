// mcphub-adminctl db init|status|migrate and profile add|list|remove, run as administrators
// run them: a real process, its exit code, its output, and the database file's bytes.

#include "storage/db/connectionprofile.h"
#include "storage/sqlconnection.h"
#include "tests/support/adminctlrun.h"
#include "tests/support/testbackend.h"
#include "tests/support/testenv.h"

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

using namespace mcphub;

using mcphub::test::adminctl;
using mcphub::test::Run;

namespace {

// A settings file with a group naming its servers both ways and a key scoped to a server.
const QByteArray kScopedSettings
    = "{\n"
      "  \"mcpServers\": {\n"
      "    \"fetch\": {\n"
      "      \"command\": \"uvx\",\n"
      "      \"args\": [\"mcp-server-fetch\"]\n"
      "    },\n"
      "    \"web\": {\n"
      "      \"type\": \"sse\",\n"
      "      \"url\": \"http://127.0.0.1:1/sse\"\n"
      "    }\n"
      "  },\n"
      "  \"groups\": [\n"
      "    {\n"
      "      \"id\": \"g1\",\n"
      "      \"name\": \"tools\",\n"
      "      \"servers\": [\"fetch\", {\"name\": \"web\", \"tools\": [\"get\"]}]\n"
      "    }\n"
      "  ],\n"
      "  \"bearerKeys\": [\n"
      "    {\n"
      "      \"id\": \"k1\",\n"
      "      \"name\": \"ci\",\n"
      "      \"token\": "
      "\"mcphub_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\",\n"
      "      \"enabled\": true,\n"
      "      \"accessType\": \"servers\",\n"
      "      \"allowedGroups\": [],\n"
      "      \"allowedServers\": [\"web\", \"fetch\"]\n"
      "    }\n"
      "  ]\n"
      "}";

} // namespace

class TestDbCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initStatusMigrateSqlite();
    void statusOnMissingFileIsUnusable();
    void driftExitsOne();
    void newerDatabase();
    void initStatusPostgres();
    void hubDatabaseIsRefused();
    void pgPasswordInConninfoWarns();
    void profileWithoutKeychainKeepsPasswordOutOfFile();
    void profileCommandsOpenWorkspace();
    void consoleCreatesDefaultWorkspaceWithSchema();
    void serverGroupKeyCommandsOnConsoleKinds_data();
    void serverGroupKeyCommandsOnConsoleKinds();
    void dbTestShowsVersionAndPrimaryOrTheError();
    void chineseMessagesOfCommandsAndStorage();
};

void TestDbCli::initStatusMigrateSqlite()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/x.db"));
    const Run init = adminctl(
        {QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--sqlite"), path});
    VERIFY_RUN(init, 0);
    QVERIFY(QFile::exists(path));
    QVERIFY2(init.out.contains(QLatin1String("Applied schema migration 0001")),
             qPrintable(init.out));

    const QByteArray before = test::readFile(path);
    const Run status = adminctl(
        {QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--sqlite"), path});
    VERIFY_RUN(status, 0);
    // Up to date: the database's version is the newest this console knows (any number).
    QVERIFY2(
        QRegularExpression(QStringLiteral("Schema version (\\d+) \\(this console knows \\1\\)"))
            .match(status.out)
            .hasMatch(),
        qPrintable(status.out));
    QVERIFY2(status.out.contains(QLatin1String("applied"))
                 && status.out.contains(QLatin1String("0001"))
                 && status.out.contains(QLatin1String("initial")),
             qPrintable(status.out));
    QCOMPARE(test::readFile(path), before); // status changes nothing

    const Run migrate = adminctl(
        {QStringLiteral("db"), QStringLiteral("migrate"), QStringLiteral("--sqlite=") + path});
    VERIFY_RUN(migrate, 0);
    QVERIFY2(migrate.out.contains(QLatin1String("up to date")), qPrintable(migrate.out));

    const Run usage = adminctl({QStringLiteral("db"), QStringLiteral("frobnicate")});
    VERIFY_RUN(usage, 2);
    const Run both = adminctl({QStringLiteral("db"),
                               QStringLiteral("status"),
                               QStringLiteral("--sqlite"),
                               path,
                               QStringLiteral("--pg"),
                               QStringLiteral("host=x")});
    VERIFY_RUN(both, 2);
}

void TestDbCli::statusOnMissingFileIsUnusable()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("none.db"));
    const Run status = adminctl(
        {QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--sqlite"), path});
    VERIFY_RUN(status, 2);
    QVERIFY2(status.err.contains(QLatin1String("db init")), qPrintable(status.err));
    QVERIFY(!QFile::exists(path));
}

void TestDbCli::driftExitsOne()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("x.db"));
    VERIFY_RUN(
        adminctl({QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--sqlite"), path}),
        0);
    {
        const auto db = openSqlConnection(SqlConnectionSpec::sqlite(path), QStringLiteral("edit"));
        QVERIFY(db.ok());
        QSqlQuery q(*db);
        QVERIFY(q.exec(QStringLiteral(
            "UPDATE schema_migrations SET checksum = 'tampered' WHERE version = 1")));
    }
    closeSqlConnection(QStringLiteral("edit"));
    const QByteArray before = test::readFile(path);
    const Run status = adminctl(
        {QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--sqlite"), path});
    VERIFY_RUN(status, 1);
    QVERIFY2(status.out.contains(QLatin1String("DRIFT")), qPrintable(status.out));
    QVERIFY2(status.err.contains(QLatin1String("drift")), qPrintable(status.err));
    const Run migrate = adminctl(
        {QStringLiteral("db"), QStringLiteral("migrate"), QStringLiteral("--sqlite"), path});
    VERIFY_RUN(migrate, 2);
    QVERIFY2(migrate.err.contains(QLatin1String("drift")), qPrintable(migrate.err));
    QCOMPARE(test::readFile(path), before);
}

void TestDbCli::newerDatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("x.db"));
    VERIFY_RUN(
        adminctl({QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--sqlite"), path}),
        0);
    {
        const auto db = openSqlConnection(SqlConnectionSpec::sqlite(path), QStringLiteral("edit"));
        QVERIFY(db.ok());
        QSqlQuery q(*db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_migrations VALUES (500, 'future', 'x', "
                                      "'2030-01-01T00:00:00.000Z', 1, 'newer console')")));
    }
    closeSqlConnection(QStringLiteral("edit"));
    const QByteArray before = test::readFile(path);
    const Run status = adminctl(
        {QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--sqlite"), path});
    VERIFY_RUN(status, 0);
    QVERIFY2(status.err.contains(QLatin1String("newer")), qPrintable(status.err));
    const Run migrate = adminctl(
        {QStringLiteral("db"), QStringLiteral("migrate"), QStringLiteral("--sqlite"), path});
    VERIFY_RUN(migrate, 2);
    QVERIFY2(migrate.err.contains(QLatin1String("read-only")), qPrintable(migrate.err));
    QVERIFY(!migrate.out.contains(QLatin1String("up to date")));
    QCOMPARE(test::readFile(path), before);
}

void TestDbCli::dbTestShowsVersionAndPrimaryOrTheError()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QString version;
    {
        auto db = openSqlConnection(pg.spec(), QStringLiteral("version"));
        VERIFY_OK(db);
        QSqlQuery query(*db);
        QVERIFY(query.exec(QStringLiteral("SHOW server_version")) && query.next());
        version = query.value(0).toString();
    }
    closeSqlConnection(QStringLiteral("version"));
    // A host list: the first (a socket folder that does not exist) fails, the second answers.
    const QString conninfo = QStringLiteral("host=/nonexistent-socket-folder,%1 port=%2 "
                                            "dbname=%3 user=%4")
                                 .arg(pg.spec().host,
                                      QString::number(pg.spec().port),
                                      pg.spec().databaseName,
                                      pg.spec().userName);
    const Run test = adminctl(
        {QStringLiteral("db"), QStringLiteral("test"), QStringLiteral("--pg"), conninfo});
    VERIFY_RUN(test, 0);
    QVERIFY2(test.out.contains(QStringLiteral("Connected to PostgreSQL %1 on %2:%3: primary.")
                                   .arg(version, pg.spec().host, QString::number(pg.spec().port))),
             qPrintable(test.out));

    // Nothing on the port: libpq's refusal, exit 2, nothing printed as connected.
    const Run refused = adminctl({QStringLiteral("db"),
                                  QStringLiteral("test"),
                                  QStringLiteral("--pg"),
                                  QStringLiteral("host=127.0.0.1 port=1 dbname=x user=y")});
    VERIFY_RUN(refused, 2);
    QVERIFY2(refused.err.contains(QLatin1String("refused")), qPrintable(refused.err));
    QVERIFY(!refused.out.contains(QLatin1String("Connected")));
}

void TestDbCli::initStatusPostgres()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg; // only to reach the server; init creates its own database
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString dbName = QStringLiteral("mcphub_cli_%1").arg(QCoreApplication::applicationPid());
    const QString uri = QStringLiteral("postgresql://%1@%2:%3/%4")
                            .arg(pg.spec().userName, pg.spec().host)
                            .arg(pg.spec().port)
                            .arg(dbName);
    const Run init
        = adminctl({QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--pg"), uri});
    VERIFY_RUN(init, 0);
    QVERIFY2(init.out.contains(QLatin1String("Created database ") + dbName), qPrintable(init.out));
    QVERIFY(init.out.contains(QLatin1String("Applied schema migration 0001")));
    const Run status
        = adminctl({QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--pg"), uri});
    VERIFY_RUN(status, 0);
    QVERIFY2(status.out.contains(QLatin1String("0001")), qPrintable(status.out));
    QVERIFY(!status.out.contains(QLatin1String("pending")));
    const Run again
        = adminctl({QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--pg"), uri});
    VERIFY_RUN(again, 0);
    QVERIFY(!again.out.contains(QLatin1String("Created database")));
    {
        const auto admin = openSqlConnection(pg.spec(), QStringLiteral("admin"));
        QVERIFY(admin.ok());
        QSqlQuery q(*admin);
        QVERIFY(q.exec(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(dbName)));
    }
    closeSqlConnection(QStringLiteral("admin"));
}

// A hub in database mode keeps its TypeORM tables in `public`: the console's schema must not
// be created beside them (it used to fail on "relation users already exists", and a console
// schema there stops MCPHub from starting). Every command refuses, naming the tables.
void TestDbCli::hubDatabaseIsRefused()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QProcess psql;
    psql.start(QStringLiteral("psql"),
               {QStringLiteral("-X"),
                QStringLiteral("-q"),
                QStringLiteral("-v"),
                QStringLiteral("ON_ERROR_STOP=1"),
                QStringLiteral("-f"),
                test::fixturesDir() + QStringLiteral("/hub-captures/db-mode/mcphub-db-schema.sql"),
                pg.conninfo()});
    QVERIFY(psql.waitForFinished(60000));
    QVERIFY2(psql.exitCode() == 0, psql.readAllStandardError().constData());

    const auto tables = [&] {
        const auto db = openSqlConnection(pg.spec(), QStringLiteral("hubdb"));
        QSqlQuery q(*db);
        q.exec(QStringLiteral("SELECT string_agg(tablename, ',' ORDER BY tablename) FROM "
                              "pg_catalog.pg_tables WHERE schemaname = 'public'"));
        q.next();
        const QString names = q.value(0).toString();
        closeSqlConnection(QStringLiteral("hubdb"));
        return names;
    };
    const QString before = tables();
    QVERIFY2(before.contains(QLatin1String("servers")), qPrintable(before));

    for (const QStringList &command :
         {QStringList{QStringLiteral("db"), QStringLiteral("init")},
          QStringList{QStringLiteral("db"), QStringLiteral("status")},
          QStringList{QStringLiteral("user"), QStringLiteral("list")}}) {
        const Run run = adminctl(command + QStringList{QStringLiteral("--pg"), pg.conninfo()});
        VERIFY_RUN(run, 2);
        QVERIFY2(run.err.contains(QLatin1String("MCPHub's own database")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("activities")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QLatin1String("already exists")), qPrintable(run.err));
    }
    QCOMPARE(tables(), before); // nothing created, not even the history table
}

void TestDbCli::pgPasswordInConninfoWarns()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    // The server trusts local connections, so any password is accepted: only the warning counts.
    const Run run = adminctl({QStringLiteral("db"),
                              QStringLiteral("init"),
                              QStringLiteral("--pg"),
                              pg.conninfo() + QStringLiteral(" password=not-checked")});
    VERIFY_RUN(run, 0);
    QVERIFY2(run.err.contains(QLatin1String("password")), qPrintable(run.err));
    QVERIFY(!run.err.contains(QLatin1String("not-checked")));
    QVERIFY(!run.out.contains(QLatin1String("not-checked")));
}

void TestDbCli::profileWithoutKeychainKeepsPasswordOutOfFile()
{
    QTemporaryDir config;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    // No keychain: a session bus address that leads nowhere.
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=") + config.filePath(QStringLiteral("no-bus")));
    const Run add = adminctl({QStringLiteral("profile"),
                              QStringLiteral("add"),
                              QStringLiteral("team"),
                              QStringLiteral("--pg"),
                              QStringLiteral("host=db1,db2 dbname=mcphub user=admin"),
                              QStringLiteral("--password-stdin")},
                             env,
                             "Top-Secret-Cli-Pw\n");
    VERIFY_RUN(add, 0);
    QVERIFY2(add.err.contains(QLatin1String("keychain is not available")), qPrintable(add.err));
    QVERIFY2(add.err.contains(QLatin1String("memory")), qPrintable(add.err));
    const QString conf = config.filePath(QStringLiteral("MCPHub/mcphub-admin.conf"));
    const QByteArray bytes = test::readFile(conf);
    QVERIFY2(bytes.contains("hosts=\"db1,db2\"") || bytes.contains("hosts=db1,db2"),
             bytes.constData());
    QVERIFY(!bytes.contains("Top-Secret-Cli-Pw"));
    const Run list = adminctl({QStringLiteral("profile"), QStringLiteral("list")}, env);
    VERIFY_RUN(list, 0);
    QVERIFY2(list.out.contains(QLatin1String("team  postgres host=db1,db2")), qPrintable(list.out));
}

void TestDbCli::profileCommandsOpenWorkspace()
{
    QTemporaryDir config;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    const QString path = config.filePath(QStringLiteral("w.db"));
    VERIFY_RUN(adminctl({QStringLiteral("profile"),
                         QStringLiteral("add"),
                         QStringLiteral("local"),
                         QStringLiteral("--sqlite"),
                         path},
                        env),
               0);
    const Run init = adminctl({QStringLiteral("db"),
                               QStringLiteral("init"),
                               QStringLiteral("--profile"),
                               QStringLiteral("local")},
                              env);
    VERIFY_RUN(init, 0);
    QVERIFY(QFile::exists(path));
    VERIFY_RUN(adminctl({QStringLiteral("profile"),
                         QStringLiteral("add"),
                         QStringLiteral("viewer"),
                         QStringLiteral("--sqlite"),
                         path,
                         QStringLiteral("--read-only")},
                        env),
               0);
    const Run status = adminctl({QStringLiteral("db"),
                                 QStringLiteral("status"),
                                 QStringLiteral("--profile"),
                                 QStringLiteral("viewer")},
                                env);
    VERIFY_RUN(status, 0);
    const Run migrateViewer = adminctl({QStringLiteral("db"),
                                        QStringLiteral("migrate"),
                                        QStringLiteral("--profile"),
                                        QStringLiteral("viewer")},
                                       env);
    VERIFY_RUN(migrateViewer, 2);
    QVERIFY2(migrateViewer.err.contains(QLatin1String("read-only")), qPrintable(migrateViewer.err));
    const Run unknown = adminctl({QStringLiteral("db"),
                                  QStringLiteral("status"),
                                  QStringLiteral("--profile"),
                                  QStringLiteral("nope")},
                                 env);
    VERIFY_RUN(unknown, 2);
    QVERIFY2(unknown.err.contains(QLatin1String("nope")), qPrintable(unknown.err));
    VERIFY_RUN(
        adminctl({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("local")},
                 env),
        0);
    const Run list = adminctl({QStringLiteral("profile"), QStringLiteral("list")}, env);
    QVERIFY(!list.out.contains(QLatin1String("local ")));
    QVERIFY(list.out.contains(QLatin1String("viewer")));
}

void TestDbCli::consoleCreatesDefaultWorkspaceWithSchema()
{
    // The console on first run: the default SQLite file in the application-data folder is
    // created with the whole schema; the CLI's default workspace is the same file.
    QTemporaryDir data;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), data.path());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess gui;
    gui.setProcessEnvironment(env);
    gui.start(test::binDir() + QStringLiteral("/mcphub-admin"),
              {QStringLiteral("--screenshot"), data.filePath(QStringLiteral("shot.png"))});
    QVERIFY(gui.waitForFinished(60000));
    QCOMPARE(gui.exitCode(), 0);
    const QString path = data.filePath(QStringLiteral("MCPHub/mcphub-admin/mcphub-admin.db"));
    QVERIFY2(QFile::exists(path), qPrintable(path));
    const Run status = adminctl({QStringLiteral("db"), QStringLiteral("status")}, env);
    VERIFY_RUN(status, 0);
    QVERIFY2(status.out.contains(QLatin1String("0001")), qPrintable(status.out));
    QVERIFY2(!status.out.contains(QLatin1String("pending")), qPrintable(status.out));
}

void TestDbCli::serverGroupKeyCommandsOnConsoleKinds_data()
{
    QTest::addColumn<bool>("sqlite");
    QTest::newRow("settings file") << false;
    QTest::newRow("sqlite") << true;
}

void TestDbCli::serverGroupKeyCommandsOnConsoleKinds()
{
    QFETCH(bool, sqlite);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("mcp_settings.json"));
    QVERIFY(test::writeFile(file, kScopedSettings));
    QStringList workspace{QStringLiteral("--file"), file};
    if (sqlite) {
        const QString db = dir.filePath(QStringLiteral("w.db"));
        VERIFY_RUN(
            adminctl(
                {QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--sqlite"), db}),
            0);
        VERIFY_RUN(adminctl({QStringLiteral("migrate"),
                             file,
                             QStringLiteral("--yes"),
                             QStringLiteral("--sqlite"),
                             db}),
                   0);
        workspace = {QStringLiteral("--sqlite"), db};
    }
    const auto cli = [&](const QStringList &args) {
        return adminctl(args + workspace);
    };

    // A rename reaches the groups (plain and {name, tools} entries) and the keys.
    const Run rename = cli({QStringLiteral("server"),
                            QStringLiteral("rename"),
                            QStringLiteral("web"),
                            QStringLiteral("remote")});
    VERIFY_RUN(rename, 0);
    QVERIFY2(!rename.out.contains(QLatin1String("only when told")), qPrintable(rename.out));
    VERIFY_RUN(cli({QStringLiteral("server"),
                    QStringLiteral("rename"),
                    QStringLiteral("fetch"),
                    QStringLiteral("fetcher")}),
               0);
    const Run groups
        = cli({QStringLiteral("group"), QStringLiteral("show"), QStringLiteral("tools")});
    VERIFY_RUN(groups, 0);
    QVERIFY2(groups.out.contains(
                 QLatin1String("[\"fetcher\",{\"name\":\"remote\",\"tools\":[\"get\"]}]")),
             qPrintable(groups.out));
    const Run keys = cli({QStringLiteral("key"), QStringLiteral("show"), QStringLiteral("ci")});
    VERIFY_RUN(keys, 0);
    QVERIFY2(keys.out.contains(QLatin1String("[\"remote\",\"fetcher\"]")), qPrintable(keys.out));
    QVERIFY2(keys.out.contains(QLatin1String("mcphub_0...cdef"))
                 && !keys.out.contains(QLatin1String("0123456789abcdef0123")),
             qPrintable(keys.out));
    // A taken name is refused; nothing changes.
    const Run taken = cli({QStringLiteral("server"),
                           QStringLiteral("rename"),
                           QStringLiteral("remote"),
                           QStringLiteral("fetcher")});
    VERIFY_RUN(taken, 2);
    QVERIFY2(taken.err.contains(QLatin1String("servers/fetcher/name")), qPrintable(taken.err));

    // Every command works on this kind; a field set reads back.
    VERIFY_RUN(cli({QStringLiteral("server"),
                    QStringLiteral("set"),
                    QStringLiteral("remote"),
                    QStringLiteral("headers={\"X-Team\":\"a\"}"),
                    QStringLiteral("keepAliveInterval=30000")}),
               0);
    const Run show
        = cli({QStringLiteral("server"), QStringLiteral("show"), QStringLiteral("remote")});
    VERIFY_RUN(show, 0);
    QVERIFY2(show.out.contains(QLatin1String("{\"X-Team\":\"a\"}"))
                 && show.out.contains(QLatin1String("30000")),
             qPrintable(show.out));
    VERIFY_RUN(cli({QStringLiteral("group"),
                    QStringLiteral("add"),
                    QStringLiteral("solo"),
                    QStringLiteral("--server"),
                    QStringLiteral("remote")}),
               0);
    const Run key = cli({QStringLiteral("key"), QStringLiteral("add"), QStringLiteral("new")});
    VERIFY_RUN(key, 0);
    const QString token = key.out.trimmed().split(QLatin1Char('\n')).value(1);
    QVERIFY2(QRegularExpression(QStringLiteral("^mcphub_[0-9a-f]{64}$")).match(token).hasMatch(),
             qPrintable(key.out));
    const Run list = cli({QStringLiteral("key"), QStringLiteral("list")});
    VERIFY_RUN(list, 0);
    QVERIFY2(!list.out.contains(token) && list.out.contains(token.left(8) + QStringLiteral("...")),
             qPrintable(list.out));
    VERIFY_RUN(cli({QStringLiteral("key"), QStringLiteral("disable"), QStringLiteral("new")}), 0);
    VERIFY_RUN(cli({QStringLiteral("group"), QStringLiteral("remove"), QStringLiteral("solo")}), 0);
    VERIFY_RUN(cli({QStringLiteral("server"), QStringLiteral("disable"), QStringLiteral("remote")}),
               0);
    const Run servers = cli({QStringLiteral("server"), QStringLiteral("list")});
    VERIFY_RUN(servers, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("(?m)^remote\\s+sse\\s+disabled"))
                 .match(servers.out)
                 .hasMatch(),
             qPrintable(servers.out));

    // A settings file holds it all, in MCPHub's format: the file is the workspace.
    if (!sqlite) {
        const QJsonObject saved = QJsonDocument::fromJson(test::readFile(file)).object();
        QCOMPARE(saved.value(QStringLiteral("groups"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("servers")),
                 QJsonValue(QJsonDocument::fromJson(
                                "[\"fetcher\",{\"name\":\"remote\",\"tools\":[\"get\"]}]")
                                .array()));
        QJsonObject ci, added;
        for (const QJsonValue &k : saved.value(QStringLiteral("bearerKeys")).toArray())
            (k.toObject().value(QStringLiteral("name")).toString() == QLatin1String("ci") ? ci
                                                                                          : added)
                = k.toObject();
        QCOMPARE(ci.value(QStringLiteral("allowedServers")),
                 QJsonValue(QJsonArray{QStringLiteral("remote"), QStringLiteral("fetcher")}));
        QCOMPARE(added.value(QStringLiteral("token")).toString(), token);
        QCOMPARE(added.value(QStringLiteral("enabled")), QJsonValue(false));
        const QJsonObject remote = saved.value(QStringLiteral("mcpServers"))
                                       .toObject()
                                       .value(QStringLiteral("remote"))
                                       .toObject();
        QCOMPARE(remote.value(QStringLiteral("enabled")), QJsonValue(false));
        QCOMPARE(remote.value(QStringLiteral("keepAliveInterval")), QJsonValue(30000));
    }
}

// --lang zh_CN reaches the messages of the command files and of storage: their texts are
// looked up in the contexts lupdate filed them under (a file-local tr() helper once made
// lupdate file them under "mcphub::cli" and the class, so they came out in English).
void TestDbCli::chineseMessagesOfCommandsAndStorage()
{
    QTemporaryDir dir;
    const QString sqlite = QStringLiteral("--sqlite=") + dir.filePath(QStringLiteral("w.db"));
    VERIFY_RUN(adminctl({QStringLiteral("db"), QStringLiteral("init"), sqlite}), 0);
    const Run noPassword = adminctl({QStringLiteral("--lang"),
                                     QStringLiteral("zh_CN"),
                                     QStringLiteral("user"),
                                     QStringLiteral("set-password"),
                                     QStringLiteral("alice"),
                                     sqlite,
                                     QStringLiteral("--password-stdin")});
    QVERIFY2(noPassword.exitCode != 0
                 && noPassword.err.contains(QStringLiteral("标准输入中没有密码")),
             qPrintable(noPassword.err));
    const Run noAdmin = adminctl({QStringLiteral("--lang"),
                                  QStringLiteral("zh_CN"),
                                  QStringLiteral("user"),
                                  QStringLiteral("add"),
                                  QStringLiteral("alice"),
                                  sqlite,
                                  QStringLiteral("--password-stdin")},
                                 QByteArrayLiteral("Secret-pass-123\n"));
    QVERIFY2(noAdmin.exitCode != 0 && noAdmin.err.contains(QStringLiteral("工作区还没有管理员")),
             qPrintable(noAdmin.err));
}

QTEST_GUILESS_MAIN(TestDbCli)
#include "tst_dbcli.moc"
