// The console on MCPHub's own database (issue #13), offscreen, on the real PostgreSQL: the
// Users editor applies as MCPHub writes (pg_dump of the public schema byte-identical after
// every Apply), and so do the servers, groups and bearer keys editors; a row MCPHub changed
// since it was read is a conflict that keeps the edits; rows MCPHub cannot load are named and
// left alone; the usage log is MCPHub's activities.

#include "models/bearerkeytablemodel.h"
#include "models/grouptablemodel.h"
#include "models/recordtablemodel.h"
#include "models/servertablemodel.h"
#include "models/systemconfigtablemodel.h"
#include "models/usagelogmodel.h"
#include "models/usertablemodel.h"
#include "storage/db/workspace.h"
#include "storage/hub/hubregistry.h"
#include "storage/migration/openedworkspace.h"
#include "storage/secretstore.h"
#include "tests/support/adminctlrun.h"
#include "tests/support/hubemulator.h"
#include "tests/support/mcphubdatabase.h"
#include "tests/support/settingssamples.h"
#include "tests/support/testenv.h"
#include "ui/config/systemconfigpage.h"
#include "ui/groups/groupspage.h"
#include "ui/keys/keyspage.h"
#include "ui/main/hubchangesreporter.h"
#include "ui/main/liverefresh.h"
#include "ui/main/mainwindow.h"
#include "ui/main/workspaceswitcher.h"
#include "ui/main/workspaceviews.h"
#include "ui/records/recorddetailpage.h"
#include "ui/records/recordspage.h"
#include "ui/servers/serverspage.h"
#include "ui/users/userspage.h"
#include "ui/widgets/pendingtableeditor.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace mcphub;
using mcphub::test::makeMcphubDatabase;
using mcphub::test::mcphubProfile;
using mcphub::test::psql;
using mcphub::test::publicSchema;
using mcphub::test::queryText;

class TestHubDatabaseGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void usersApplyAsMcphubWrites();
    void rowChangedMeanwhileIsAConflict();
    void bearerKeysAsMcphubWritesThem();
    void badRowsAreNamedAndLeftAlone();
    void groupsAsMcphubWritesThem();
    void serversAsMcphubWritesThem();
    void systemConfigAsMcphubWritesIt();
    void systemConfigChangedMeanwhileIsAConflict();
    void systemConfigBadRowsAreNamedAndLeftAlone();
    void systemConfigOfASettingsFileTakesAnyKey();
    void usageLogIsMcphubsActivities();
    void serverChangesAreToldToTheHubsOnTheDatabase();
    void recordsAsMcphubWritesThem();
    void recordConflictAndBadJsonKeepEdits();
    void userConfigRoutingIsWrittenApart();
    void storedRowFindingsAreShownAndRowsKept_data();
    void storedRowFindingsAreShownAndRowsKept();
    void exportSettingsFileWritesTheServers();
    void anotherConsolesCommitRefreshesServersAndMarksConflicts();
};

void TestHubDatabaseGui::init()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
}

void TestHubDatabaseGui::usersApplyAsMcphubWrites()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    auto ws = Workspace::open(mcphubProfile(pg), QStringLiteral("tst_hubdatabasegui"));
    VERIFY_OK(ws);
    const QByteArray schema = publicSchema(pg.conninfo());

    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    UserTableModel *users = views->users();
    PendingTableEditor *editor = views->usersPage()->editor();
    QCOMPARE(users->rowCount(), 1);
    // MCPHub's users have no status, full name or last login: not offered.
    QCOMPARE(users->fieldIndex(UserTableModel::kStatus), -1);
    QCOMPARE(users->fieldIndex(UserTableModel::kFullName), -1);

    const int row = users->addUser(QStringLiteral("dana"));
    VERIFY_OK(users->setPassword(row, QStringLiteral("Dana-pass-2026"), 10));
    QVERIFY2(editor->applyChanges(), qPrintable(editor->messageLabel()->text()));
    QCOMPARE(queryText(pg,
                       QStringLiteral("SELECT concat_ws(';', length(id::text), left(password, 7), "
                                      "\"isAdmin\") FROM users WHERE username = 'dana'")),
             QStringLiteral("36;$2b$10$;f"));

    // Promote, apply; then the table is as MCPHub would have it.
    const int dana = users->rowCount() - 1;
    QCOMPARE(users->value(dana, UserTableModel::kUsername).toString(), QStringLiteral("dana"));
    QVERIFY(users->setValue(dana, UserTableModel::kIsAdmin, true, QStringLiteral("promote")));
    QVERIFY2(editor->applyChanges(), qPrintable(editor->messageLabel()->text()));
    QCOMPARE(queryText(pg, QStringLiteral("SELECT \"isAdmin\" FROM users WHERE username = 'dana'")),
             QStringLiteral("true"));
    QCOMPARE(queryText(pg,
                       QStringLiteral("SELECT string_agg(action || ' ' || resource, ',' ORDER BY "
                                      "id) FROM mcphub_admin.access_logs")),
             QStringLiteral("user.create users/dana,user.update users/dana"));
    QCOMPARE(publicSchema(pg.conninfo()), schema);
    ws->close();
}

void TestHubDatabaseGui::rowChangedMeanwhileIsAConflict()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    QVERIFY(
        psql(pg.conninfo(),
             {QStringLiteral("-c"),
              QStringLiteral("INSERT INTO users (username, password) VALUES ('erin', "
                             "'$2b$10$8HMmwJ5N3XOMNkLKnxJjsuW9ra.jFSEVf.gSe4N8CgsxfQll1qq9S')")})
            .isEmpty());
    auto ws = Workspace::open(mcphubProfile(pg), QStringLiteral("tst_hubdatabasegui"));
    VERIFY_OK(ws);
    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    UserTableModel *users = views->users();
    PendingTableEditor *editor = views->usersPage()->editor();
    int erin = -1;
    for (int r = 0; r < users->rowCount(); ++r) {
        if (users->value(r, UserTableModel::kUsername).toString() == QLatin1String("erin"))
            erin = r;
    }
    QVERIFY(erin >= 0);
    QVERIFY(users->setValue(erin, UserTableModel::kIsAdmin, true, QStringLiteral("promote")));

    // MCPHub changes the row meanwhile (its API re-hashes the password; TypeORM sets
    // updated_at).
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("UPDATE users SET password = '$2b$10$abcdefghijklmnopqrstuu"
                                 "abcdefghijklmnopqrstuvwxyz012', updated_at = now() + "
                                 "interval '1 second' WHERE username = 'erin'")})
                .isEmpty());
    QVERIFY(!editor->applyChanges());
    QVERIFY2(editor->messageLabel()->text().contains(QLatin1String("erin"))
                 && editor->messageLabel()->text().contains(QLatin1String("updated_at")),
             qPrintable(editor->messageLabel()->text()));
    // Nothing written, the edit kept.
    QCOMPARE(queryText(pg, QStringLiteral("SELECT \"isAdmin\" FROM users WHERE username = 'erin'")),
             QStringLiteral("false"));
    QCOMPARE(users->pendingCount(), 1);
    QVERIFY(users->value(erin, UserTableModel::kIsAdmin).toBool());
    QCOMPARE(queryText(pg, QStringLiteral("SELECT count(*) FROM mcphub_admin.access_logs")),
             QStringLiteral("0"));

    // Another console demoting a row this one shows as admin: the field is named.
    QVERIFY(users->reload().ok());
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("UPDATE users SET \"isAdmin\" = true WHERE username = 'erin'")})
                .isEmpty());
    for (int r = 0; r < users->rowCount(); ++r) {
        if (users->value(r, UserTableModel::kUsername).toString() == QLatin1String("erin"))
            erin = r;
    }
    QVERIFY(users->markDeleted(erin));
    QVERIFY(!editor->applyChanges());
    QVERIFY2(editor->messageLabel()->text().contains(QLatin1String("isAdmin")),
             qPrintable(editor->messageLabel()->text()));
    QCOMPARE(queryText(pg, QStringLiteral("SELECT count(*) FROM users WHERE username = 'erin'")),
             QStringLiteral("1"));
    ws->close();
}

void TestHubDatabaseGui::bearerKeysAsMcphubWritesThem()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    auto ws = Workspace::open(mcphubProfile(pg), QStringLiteral("tst_hubdatabasegui"));
    VERIFY_OK(ws);
    const QByteArray schema = publicSchema(pg.conninfo());
    const QString untouched = QStringLiteral(
        "SELECT concat_ws(';', name, token, enabled, kind, owner IS NULL, \"accessType\", "
        "\"allowedGroups\", \"allowedServers\", created_at, updated_at) FROM bearer_keys WHERE "
        "name = 'fixture-all-access'");
    const QString before = queryText(pg, untouched);

    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    BearerKeyTableModel *keys = views->keys();
    QVERIFY(keys);
    PendingTableEditor *editor = views->keysPage()->editor();
    QCOMPARE(keys->rowCount(), 2);
    // MCPHub lists its keys oldest first.
    QCOMPARE(keys->value(0, BearerKeyTableModel::kName).toString(),
             QStringLiteral("fixture-all-access"));
    QCOMPARE(keys->value(1, BearerKeyTableModel::kAllowedGroups).toStringList(),
             QStringList{QStringLiteral("local-tools")});

    // A new key scoped to a group: MCPHub's token format, JSON text as JSON.stringify writes.
    const int row = keys->addKey(QStringLiteral("ci"));
    QVERIFY(keys->setValue(row, BearerKeyTableModel::kAccessType, QStringLiteral("groups")));
    QVERIFY(keys->setValue(row,
                           BearerKeyTableModel::kAllowedGroups,
                           QStringList{QStringLiteral("local-tools"), QStringLiteral("ops")}));
    QVERIFY2(editor->applyChanges(), qPrintable(editor->messageLabel()->text()));
    const QStringList stored
        = queryText(pg,
                    QStringLiteral("SELECT concat_ws(';', length(id::text), token, kind, "
                                   "\"accessType\", \"allowedGroups\", \"allowedServers\", "
                                   "created_at = updated_at) FROM bearer_keys WHERE name = 'ci'"))
              .split(QLatin1Char(';'));
    QCOMPARE(stored.size(), 7);
    QCOMPARE(stored.at(0), QStringLiteral("36"));
    QVERIFY2(
        QRegularExpression(QStringLiteral("^mcphub_[0-9a-f]{64}$")).match(stored.at(1)).hasMatch(),
        qPrintable(stored.at(1)));
    QCOMPARE(stored.mid(2, 2), (QStringList{QStringLiteral("system"), QStringLiteral("groups")}));
    // Byte-equal to what MCPHub's JSON.stringify stores for these values.
    const auto node = test::runNode(
        QStringLiteral("process.stdout.write(JSON.stringify(['local-tools','ops'])+';'+"
                       "JSON.stringify([]))"));
    QVERIFY2(node.ok, qPrintable(node.error));
    QCOMPARE(stored.mid(4, 2).join(QLatin1Char(';')), node.output);
    QCOMPARE(stored.at(6), QStringLiteral("t"));

    // Disabling the first key writes enabled and updated_at only.
    QVERIFY(keys->setValue(0, BearerKeyTableModel::kEnabled, false));
    QVERIFY2(editor->applyChanges(), qPrintable(editor->messageLabel()->text()));
    const QString after = queryText(pg, untouched);
    QStringList expected = before.split(QLatin1Char(';'));
    QStringList got = after.split(QLatin1Char(';'));
    QCOMPARE(got.size(), expected.size());
    QCOMPARE(got.at(2), QStringLiteral("f"));
    QVERIFY(got.last() != expected.last()); // updated_at = now()
    expected.removeAt(2);
    got.removeAt(2);
    expected.removeLast();
    got.removeLast();
    QCOMPARE(got, expected);

    // MCPHub's API changed the other key since it was read: refused, the edit kept.
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("UPDATE bearer_keys SET \"allowedServers\" = '[\"time\"]', "
                                 "updated_at = now() + interval '1 second' WHERE name = "
                                 "'fixture-local-tools-only'")})
                .isEmpty());
    QVERIFY(keys->setValue(1, BearerKeyTableModel::kName, QStringLiteral("renamed")));
    QVERIFY(!editor->applyChanges());
    QVERIFY2(editor->messageLabel()->text().contains(QLatin1String("updated_at")),
             qPrintable(editor->messageLabel()->text()));
    QCOMPARE(keys->pendingCount(), 1);
    QCOMPARE(
        queryText(pg, QStringLiteral("SELECT count(*) FROM bearer_keys WHERE name = 'renamed'")),
        QStringLiteral("0"));
    QCOMPARE(publicSchema(pg.conninfo()), schema);
    ws->close();
}

void TestHubDatabaseGui::badRowsAreNamedAndLeftAlone()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    // Rows another tool wrote: a list that is not JSON, an access type MCPHub does not know.
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("INSERT INTO bearer_keys (name, token, \"accessType\", "
                                 "\"allowedGroups\", created_at) VALUES ('broken', "
                                 "'mcphub_x', 'weird', '[\"ops\"', now() + interval '1 hour')")})
                .isEmpty());
    const QString brokenRow = QStringLiteral(
        "SELECT concat_ws(';', \"accessType\", \"allowedGroups\", \"allowedServers\" IS "
        "NULL, updated_at) FROM bearer_keys WHERE name = 'broken'");
    const QString before = queryText(pg, brokenRow);
    auto ws = Workspace::open(mcphubProfile(pg), QStringLiteral("tst_hubdatabasegui"));
    VERIFY_OK(ws);
    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    QVERIFY2(views->loadErrors().isEmpty(), qPrintable(views->loadErrors().join(u'\n')));
    BearerKeyTableModel *keys = views->keys();
    QCOMPARE(keys->rowCount(), 3);
    const int broken = 2; // the newest
    QCOMPARE(keys->value(broken, BearerKeyTableModel::kName).toString(), QStringLiteral("broken"));
    const auto found = keys->problems(broken);
    QVERIFY2(found.value(BearerKeyTableModel::kAllowedGroups).contains(QLatin1String("[\"ops\"")),
             qPrintable(found.value(BearerKeyTableModel::kAllowedGroups)));
    QVERIFY(!found.value(BearerKeyTableModel::kAccessType).isEmpty());

    // The other rows are edited and applied as usual; the broken one is not rewritten.
    QVERIFY(keys->setValue(0, BearerKeyTableModel::kEnabled, false));
    QVERIFY2(views->keysPage()->editor()->applyChanges(),
             qPrintable(views->keysPage()->editor()->messageLabel()->text()));
    QCOMPARE(queryText(pg, brokenRow), before);
    ws->close();
}

void TestHubDatabaseGui::groupsAsMcphubWritesThem()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    auto ws = Workspace::open(mcphubProfile(pg), QStringLiteral("tst_hubdatabasegui"));
    VERIFY_OK(ws);
    const QByteArray schema = publicSchema(pg.conninfo());
    const QString serversText
        = queryText(pg, QStringLiteral("SELECT servers FROM groups WHERE name = 'local-tools'"));

    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    GroupTableModel *groups = views->groups();
    QVERIFY(groups);
    PendingTableEditor *editor = views->groupsPage()->editor();
    QCOMPARE(groups->rowCount(), 1);

    // A description edit writes description and updated_at; the members' text is kept.
    QVERIFY(groups->setValue(0, GroupTableModel::kDescription, QStringLiteral("Offline")));
    QVERIFY2(editor->applyChanges(), qPrintable(editor->messageLabel()->text()));
    QCOMPARE(queryText(pg,
                       QStringLiteral("SELECT concat_ws(';', description, servers, updated_at > "
                                      "created_at) FROM groups WHERE name = 'local-tools'")),
             QStringLiteral("Offline;") + serversText + QStringLiteral(";t"));

    // A new group: a uuid id, the servers as JSON text, owner left NULL.
    const int row = groups->addGroup(QStringLiteral("ops"));
    QVERIFY(groups->setValue(row,
                             GroupTableModel::kServers,
                             GroupTableModel::serversJson({{QStringLiteral("math-local"), {}}})));
    QVERIFY2(editor->applyChanges(), qPrintable(editor->messageLabel()->text()));
    QCOMPARE(queryText(pg,
                       QStringLiteral("SELECT concat_ws(';', length(id::text), servers, owner IS "
                                      "NULL) FROM groups WHERE name = 'ops'")),
             QStringLiteral("36;[\"math-local\"];t"));

    // Changed by MCPHub since read: refused, kept.
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("UPDATE groups SET updated_at = now() + interval '1 second' "
                                 "WHERE name = 'ops'")})
                .isEmpty());
    const int ops
        = groups->value(0, GroupTableModel::kName).toString() == QLatin1String("ops") ? 0 : 1;
    QVERIFY(groups->setValue(ops, GroupTableModel::kDescription, QStringLiteral("late")));
    QVERIFY(!editor->applyChanges());
    QVERIFY2(editor->messageLabel()->text().contains(QLatin1String("updated_at")),
             qPrintable(editor->messageLabel()->text()));
    QCOMPARE(groups->pendingCount(), 1);
    QCOMPARE(publicSchema(pg.conninfo()), schema);
    ws->close();
}

void TestHubDatabaseGui::serversAsMcphubWritesThem()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    auto ws = Workspace::open(mcphubProfile(pg), QStringLiteral("tst_hubdatabasegui"));
    VERIFY_OK(ws);
    const QByteArray schema = publicSchema(pg.conninfo());
    const QString row = QStringLiteral(
        "SELECT concat_ws(';', type IS NULL, command, args, env, enabled, visibility, "
        "\"enableKeepAlive\", description) FROM servers WHERE name = '%1'");
    const QString broken = queryText(pg, row.arg(QStringLiteral("broken")));

    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    QVERIFY2(views->loadErrors().isEmpty(), qPrintable(views->loadErrors().join(u'\n')));
    ServerTableModel *servers = views->servers();
    QVERIFY(servers);
    PendingTableEditor *editor = views->serversPage()->editor();
    QCOMPARE(servers->rowCount(), 5);
    const auto rowOf = [servers](const QString &name) {
        for (int r = 0; r < servers->rowCount(); ++r) {
            if (servers->value(r, ServerTableModel::kName).toString() == name)
                return r;
        }
        return -1;
    };
    // A server MCPHub stored without a type (it infers stdio from the command).
    QCOMPARE(servers->value(rowOf(QStringLiteral("broken")), ServerTableModel::kType).toString(),
             QStringLiteral("stdio"));

    // A description: that column and updated_at only; the NULL type stays NULL.
    QVERIFY(servers->setValue(rowOf(QStringLiteral("broken")),
                              ServerTableModel::kDescription,
                              QStringLiteral("Never starts")));
    QVERIFY2(editor->applyChanges(), qPrintable(editor->messageLabel()->text()));
    QVERIFY2(editor->messageLabel()->text().contains(QLatin1String("only when told")),
             qPrintable(editor->messageLabel()->text()));
    QCOMPARE(queryText(pg, row.arg(QStringLiteral("broken"))),
             broken + QStringLiteral(";Never starts"));

    // A new stdio server: MCPHub's columns, JSON text as its JSON.stringify writes.
    const int added = servers->addServer(QStringLiteral("time"), QStringLiteral("stdio"));
    QVERIFY(servers->setValue(added, ServerTableModel::kCommand, QStringLiteral("npx")));
    QVERIFY(servers->setValue(added,
                              ServerTableModel::kArgs,
                              QStringList{QStringLiteral("-y"), QStringLiteral("mcp-time")}));
    QVERIFY(servers->setValue(added, ServerTableModel::kEnv, QStringLiteral("{\"TZ\":\"UTC\"}")));
    QVERIFY2(editor->applyChanges(), qPrintable(editor->messageLabel()->text()));
    const auto node = test::runNode(
        QStringLiteral("process.stdout.write(['f','npx',JSON.stringify(['-y','mcp-time']),"
                       "JSON.stringify({TZ:'UTC'}),'t','private','f'].join(';'))"));
    QVERIFY2(node.ok, qPrintable(node.error));
    QCOMPARE(queryText(pg, row.arg(QStringLiteral("time"))), node.output);
    QCOMPARE(
        queryText(pg, QStringLiteral("SELECT length(id::text) FROM servers WHERE name = 'time'")),
        QStringLiteral("36"));

    // A rename as MCPHub's API does it: the row keeps its uuid, and the groups naming the
    // server name the new name ({name, tools} entries too), in the same Apply; the Groups
    // page shows it without a reload by hand.
    const QString echoId
        = queryText(pg, QStringLiteral("SELECT id FROM servers WHERE name = 'echo-local'"));
    const int math = rowOf(QStringLiteral("math-local"));
    QVERIFY(servers->setValue(math, ServerTableModel::kName, QStringLiteral("math2")));
    QVERIFY2(editor->applyChanges(), qPrintable(editor->messageLabel()->text()));
    const auto renamed = test::runNode(QStringLiteral(
        "process.stdout.write(JSON.stringify(['echo-local',{name:'math2',tools:['add']}]))"));
    QVERIFY2(renamed.ok, qPrintable(renamed.error));
    QCOMPARE(queryText(pg, QStringLiteral("SELECT servers FROM groups")), renamed.output);
    QCOMPARE(views->groups()->value(0, GroupTableModel::kServers).toString(), renamed.output);
    QCOMPARE(queryText(pg, QStringLiteral("SELECT count(*) FROM servers WHERE name = 'math2'")),
             QStringLiteral("1"));
    // A name another server has is refused, nothing written.
    const int echo = rowOf(QStringLiteral("echo-local"));
    QVERIFY(servers->setValue(echo, ServerTableModel::kName, QStringLiteral("math2")));
    QVERIFY(!editor->applyChanges());
    QVERIFY2(editor->messageLabel()->text().contains(QLatin1String("math2")),
             qPrintable(editor->messageLabel()->text()));
    servers->revertAll();
    QCOMPARE(queryText(pg, QStringLiteral("SELECT id FROM servers WHERE name = 'echo-local'")),
             echoId);

    // MCPHub wrote the server's OAuth state meanwhile: the edit is refused, not overwriting it.
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("UPDATE servers SET oauth = '{\"tokens\":{}}', updated_at = "
                                 "now() + interval '1 second' WHERE name = 'echo-local'")})
                .isEmpty());
    QVERIFY(servers->setValue(echo, ServerTableModel::kEnabled, false));
    QVERIFY(!editor->applyChanges());
    QVERIFY2(editor->messageLabel()->text().contains(QLatin1String("updated_at")),
             qPrintable(editor->messageLabel()->text()));
    QCOMPARE(queryText(pg, QStringLiteral("SELECT enabled FROM servers WHERE name = 'echo-local'")),
             QStringLiteral("true"));
    QCOMPARE(publicSchema(pg.conninfo()), schema);
    ws->close();
}

void TestHubDatabaseGui::usageLogIsMcphubsActivities()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    auto ws = Workspace::open(mcphubProfile(pg), QStringLiteral("tst_hubdatabasegui"));
    VERIFY_OK(ws);
    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    QVERIFY2(views->loadErrors().isEmpty(), qPrintable(views->loadErrors().join(u'\n')));
    QTRY_COMPARE(QString::number(views->usageLog()->rowCount()),
                 queryText(pg, QStringLiteral("SELECT count(*) FROM activities")));
    ws->close();
}

// Apply on Servers tells the hubs registered in this workspace (the hubs that run on this
// database) what they keep in memory, through their API (mcphub-dbmode.md §2.4, §11): the
// removed server is stopped before its row goes, then the added one started, the disabled one
// stopped and the one with new arguments reloaded; a hub answering 500 is reported as failed
// while the database change stays committed.
void TestHubDatabaseGui::serverChangesAreToldToTheHubsOnTheDatabase()
{
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    auto ws = Workspace::open(mcphubProfile(pg), QStringLiteral("tst_hubdatabasegui"));
    VERIFY_OK(ws);
    const QByteArray schema = publicSchema(pg.conninfo());

    test::HubEmulator hub;
    hub.setMode(test::HubEmulator::Mode::Database);
    hub.setBearerKey("key-of-the-hub-on-this-db");
    QVERIFY(hub.listen());
    const SecretStore secrets;
    HubRecord record;
    record.name = QStringLiteral("hub-on-db-%1").arg(QCoreApplication::applicationPid());
    record.baseUrl = hub.baseUrl();
    record.auth = HubEndpoint::Auth::BearerKey;
    record.timeoutMs = 5'000;
    HubRegistry registry(ws->context(), secrets);
    VERIFY_OK(registry.add(record, QStringLiteral("key-of-the-hub-on-this-db")));

    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    ServerTableModel *servers = views->servers();
    PendingTableEditor *editor = views->serversPage()->editor();
    auto *reporter = new HubChangesReporter(ws->context(), secrets, servers, editor, &window);
    const auto rowOf = [servers](const QString &name) {
        for (int r = 0; r < servers->rowCount(); ++r) {
            if (servers->value(r, ServerTableModel::kName).toString() == name)
                return r;
        }
        return -1;
    };
    const auto calls = [&hub] {
        QStringList out;
        for (const test::HubEmulator::Request &r : hub.requests())
            out << QString::fromLatin1(r.method) + QLatin1Char(' ') + r.path + QLatin1Char(' ')
                       + QString::fromUtf8(r.body);
        return out;
    };
    QSignalSpy reported(reporter, &HubChangesReporter::reported);

    QVERIFY(servers->markDeleted(rowOf(QStringLiteral("echo-local"))));
    QVERIFY(
        servers->setValue(rowOf(QStringLiteral("http-local")), ServerTableModel::kEnabled, false));
    QVERIFY(servers->setValue(rowOf(QStringLiteral("math-local")),
                              ServerTableModel::kArgs,
                              QStringList{QStringLiteral("/srv/math.mjs")}));
    QVERIFY(servers->setValue(rowOf(QStringLiteral("broken")),
                              ServerTableModel::kDescription,
                              QStringLiteral("read per request: nothing to tell")));
    const int added = servers->addServer(QStringLiteral("time"), QStringLiteral("stdio"));
    QVERIFY(servers->setValue(added, ServerTableModel::kCommand, QStringLiteral("npx")));
    editor->applyAction()->trigger();
    QVERIFY(reported.wait(30'000));
    QCOMPARE(servers->pendingCount(), 0);
    QCOMPARE(
        calls(),
        (QStringList{QStringLiteral(R"(POST /api/servers/echo-local/toggle {"enabled":false})"),
                     QStringLiteral(R"(POST /api/servers/http-local/toggle {"enabled":false})"),
                     QStringLiteral("POST /api/servers/math-local/reload {}"),
                     QStringLiteral(R"(POST /api/servers/time/toggle {"enabled":true})")}));
    QCOMPARE(reporter->lastResults().size(), 4);
    QVERIFY2(reporter->lastSummary().contains(QLatin1String("4 done")),
             qPrintable(reporter->lastSummary()));
    QVERIFY2(editor->messageLabel()->text().contains(reporter->lastSummary()),
             qPrintable(editor->messageLabel()->text()));
    // The stop went before the row did: the hub's API still found it.
    QCOMPARE(
        queryText(pg, QStringLiteral("SELECT count(*) FROM servers WHERE name = 'echo-local'")),
        QStringLiteral("0"));

    // The hub fails: the change stays committed and the failure is said.
    hub.clearRequests();
    test::HubEmulator::Fault error;
    error.kind = test::HubEmulator::Fault::Kind::ServerError;
    hub.addFault(QStringLiteral("/api/servers/time/toggle"), error);
    QVERIFY(servers->setValue(rowOf(QStringLiteral("time")), ServerTableModel::kEnabled, false));
    editor->applyAction()->trigger();
    QVERIFY(reported.wait(30'000));
    QCOMPARE(queryText(pg, QStringLiteral("SELECT enabled FROM servers WHERE name = 'time'")),
             QStringLiteral("false"));
    QCOMPARE(reporter->lastResults().size(), 1);
    QVERIFY2(reporter->lastResults().at(0).text().contains(QLatin1String("failed"))
                 && reporter->lastResults().at(0).text().contains(QLatin1String("500")),
             qPrintable(reporter->lastResults().at(0).text()));
    QVERIFY2(reporter->lastSummary().contains(QLatin1String("1 failed")),
             qPrintable(reporter->lastSummary()));
    QVERIFY(reporter->resultsAction()->isEnabled());

    VERIFY_OK(registry.remove(record.name));
    QCOMPARE(publicSchema(pg.conninfo()), schema);
    ws->close();
}

namespace {

// MCPHub's system_config row but the column `except` and updated_at, rows joined.
QString otherConfigColumns(const test::PgTestDatabase &pg, const QString &except)
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
                        QStringLiteral("\"activityLog\"")};
    columns.removeIf([&](const QString &c) { return c.contains(except); });
    QStringList coalesced;
    for (const QString &c : columns)
        coalesced << QStringLiteral("coalesce(%1, '<null>')").arg(c);
    return queryText(pg,
                     QStringLiteral("SELECT concat_ws(';', id, %1) FROM system_config ORDER BY id")
                         .arg(coalesced.join(QStringLiteral(", "))));
}

// Selects the row of `key` in the page's table.
void selectKey(SystemConfigPage *page, SystemConfigTableModel *model, const QString &key)
{
    page->editor()->selectRow(model->rowOfConfigKey(key));
}

} // namespace

void TestHubDatabaseGui::systemConfigAsMcphubWritesIt()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("UPDATE system_config SET updated_at = '2020-01-01'")})
                .isEmpty());
    auto ws = Workspace::open(mcphubProfile(pg), QStringLiteral("tst_hubdatabasegui"));
    VERIFY_OK(ws);
    const QByteArray schema = publicSchema(pg.conninfo());

    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    QVERIFY2(views->loadErrors().isEmpty(), qPrintable(views->loadErrors().join(u'\n')));
    SystemConfigTableModel *config = views->systemConfig();
    SystemConfigPage *page = views->systemConfigPage();
    QVERIFY(config && page);
    // The columns MCPHub set (activityLog is NULL); only the one left is offered to add.
    QCOMPARE(config->rowCount(), 11);
    QCOMPARE(config->offeredKeys().size(), 12);
    QCOMPARE(page->newKeyBox()->count(), 1);
    QCOMPARE(page->newKeyBox()->itemText(0), QStringLiteral("activityLog"));
    QVERIFY(!page->newKeyBox()->isEditable());

    // Typed JSON is checked as typed, with line and column; Apply refuses it.
    selectKey(page, config, QStringLiteral("routing"));
    QCOMPARE(page->valueEditor()->toPlainText(), QStringLiteral("{}"));
    page->valueEditor()->setPlainText(QStringLiteral("{\n  \"enableGlobalRoute\": false,\n}"));
    const int routing = config->rowOfConfigKey(QStringLiteral("routing"));
    QVERIFY2(config->problems(routing)
                 .value(SystemConfigTableModel::kValue)
                 .startsWith(QLatin1String("Line 3, column 1")),
             qPrintable(config->problems(routing).value(SystemConfigTableModel::kValue)));
    QVERIFY(!page->editor()->applyChanges());
    QCOMPARE(queryText(pg, QStringLiteral("SELECT routing FROM system_config")),
             QStringLiteral("{}"));

    // Fixed: that column and updated_at only, as JSON.stringify writes it; the note says when
    // a running hub sees it.
    const QString others = otherConfigColumns(pg, QStringLiteral("routing"));
    const QString text = QStringLiteral("{\n  \"enableGlobalRoute\": false,\n  \"jsonBodyLimit\": "
                                        "\"2mb\",\n  \"weight\": 2.50\n}");
    page->valueEditor()->setPlainText(text);
    QVERIFY(config->problems(routing).isEmpty());
    QCOMPARE(config->pendingCount(), 1);
    QVERIFY2(page->editor()->applyChanges(), qPrintable(page->editor()->messageLabel()->text()));
    QVERIFY2(page->editor()->messageLabel()->text().contains(QLatin1String("next request")),
             qPrintable(page->editor()->messageLabel()->text()));
    const auto node = test::runNode(
        QStringLiteral("process.stdout.write(JSON.stringify(JSON.parse(process.argv[1])))"),
        {text});
    QVERIFY2(node.ok, qPrintable(node.error));
    QCOMPARE(queryText(pg, QStringLiteral("SELECT routing FROM system_config")), node.output);
    QCOMPARE(otherConfigColumns(pg, QStringLiteral("routing")), others);
    QCOMPARE(queryText(pg, QStringLiteral("SELECT updated_at > '2020-01-02' FROM system_config")),
             QStringLiteral("true"));

    // Add the key MCPHub left unset; a key its table has no column for is refused.
    page->editor()->addAction()->trigger();
    const int added = config->rowOfConfigKey(QStringLiteral("activityLog"));
    QVERIFY(added >= 0);
    QCOMPARE(page->editor()->currentRow(), added);
    page->valueEditor()->setPlainText(QStringLiteral("{\"storeToolPayload\": false}"));
    const int bogus = config->addKey(QStringLiteral("theme"));
    QVERIFY(config->problems(bogus)
                .value(SystemConfigTableModel::kKey)
                .contains(QLatin1String("no place")));
    QVERIFY(!page->editor()->applyChanges());
    QVERIFY(config->markDeleted(bogus));
    // Two keys in one Apply: both written (they share the row and its updated_at).
    selectKey(page, config, QStringLiteral("nameSeparator"));
    page->valueEditor()->setPlainText(QStringLiteral("\"_\""));
    QVERIFY2(page->editor()->applyChanges(), qPrintable(page->editor()->messageLabel()->text()));
    QVERIFY2(
        page->editor()->messageLabel()->text().contains(QLatin1String("PUT /api/system-config")),
        qPrintable(page->editor()->messageLabel()->text()));
    QCOMPARE(queryText(pg,
                       QStringLiteral("SELECT concat_ws(';', \"activityLog\", \"nameSeparator\") "
                                      "FROM system_config")),
             QStringLiteral("{\"storeToolPayload\":false};_"));

    // Removing a key sets its column NULL.
    selectKey(page, config, QStringLiteral("discovery"));
    page->editor()->deleteAction()->trigger();
    QVERIFY2(page->editor()->applyChanges(), qPrintable(page->editor()->messageLabel()->text()));
    QCOMPARE(queryText(pg, QStringLiteral("SELECT discovery IS NULL FROM system_config")),
             QStringLiteral("true"));
    QCOMPARE(queryText(pg,
                       QStringLiteral("SELECT count(*) FROM mcphub_admin.access_logs WHERE "
                                      "action LIKE 'system-config.%'")),
             QStringLiteral("4"));

    // Read-only: shown, not editable.
    config->setReadOnly(true);
    selectKey(page, config, QStringLiteral("oauthServer"));
    QVERIFY(page->valueEditor()->isReadOnly());
    QVERIFY(page->valueEditor()->toPlainText().contains(QLatin1String("accessTokenLifetime")));
    QCOMPARE(publicSchema(pg.conninfo()), schema);
    ws->close();
}

void TestHubDatabaseGui::systemConfigChangedMeanwhileIsAConflict()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    auto ws = Workspace::open(mcphubProfile(pg), QStringLiteral("tst_hubdatabasegui"));
    VERIFY_OK(ws);
    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    SystemConfigTableModel *config = views->systemConfig();
    SystemConfigPage *page = views->systemConfigPage();
    selectKey(page, config, QStringLiteral("nameSeparator"));
    page->valueEditor()->setPlainText(QStringLiteral("\"::\""));

    // MCPHub's PUT /api/system-config saves another section meanwhile (TypeORM sets
    // updated_at).
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("UPDATE system_config SET \"mcpRouter\" = '{\"title\":\"x\"}', "
                                 "updated_at = now() + interval '1 second'")})
                .isEmpty());
    const QString before = otherConfigColumns(pg, QStringLiteral("none"));
    QVERIFY(!page->editor()->applyChanges());
    const QString message = page->editor()->messageLabel()->text();
    QVERIFY2(message.contains(QLatin1String("system_config/default"))
                 && message.contains(QLatin1String("(updated_at)"))
                 && message.contains(QLatin1String("nameSeparator")),
             qPrintable(message));
    // Nothing written, the edit kept.
    QCOMPARE(otherConfigColumns(pg, QStringLiteral("none")), before);
    QCOMPARE(config->pendingCount(), 1);
    QCOMPARE(page->valueEditor()->toPlainText(), QStringLiteral("\"::\""));
    QCOMPARE(queryText(pg, QStringLiteral("SELECT count(*) FROM mcphub_admin.access_logs")),
             QStringLiteral("0"));
    ws->close();
}

void TestHubDatabaseGui::systemConfigBadRowsAreNamedAndLeftAlone()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("UPDATE system_config SET \"smartRouting\" = '{\"enabled\": "
                                 "tru}'; INSERT INTO system_config (id, auth) VALUES ('legacy', "
                                 "'{}')")})
                .isEmpty());
    const QString before = otherConfigColumns(pg, QStringLiteral("routing"));
    auto ws = Workspace::open(mcphubProfile(pg), QStringLiteral("tst_hubdatabasegui"));
    VERIFY_OK(ws);
    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    QVERIFY2(views->loadErrors().isEmpty(), qPrintable(views->loadErrors().join(u'\n')));
    SystemConfigTableModel *config = views->systemConfig();
    SystemConfigPage *page = views->systemConfigPage();
    QCOMPARE(config->rowCount(), 11);
    const QString findings = page->findingsLabel()->text();
    QVERIFY2(findings.contains(QLatin1String("system_config row \"legacy\""))
                 && findings.contains(
                     QLatin1String("system_config row \"default\", column smartRouting")),
             qPrintable(findings));
    QVERIFY(!page->findingsLabel()->isHidden());
    const int smart = config->rowOfConfigKey(QStringLiteral("smartRouting"));
    QVERIFY(!config->problems(smart).value(SystemConfigTableModel::kValue).isEmpty());

    // Another key is edited and applied; the broken text and the second row stay.
    selectKey(page, config, QStringLiteral("routing"));
    page->valueEditor()->setPlainText(QStringLiteral("{\"skipAuth\":true}"));
    QVERIFY2(page->editor()->applyChanges(), qPrintable(page->editor()->messageLabel()->text()));
    QCOMPARE(otherConfigColumns(pg, QStringLiteral("routing")), before);
    ws->close();
}

void TestHubDatabaseGui::systemConfigOfASettingsFileTakesAnyKey()
{
    // The other kinds: any key, typed beside Add; Apply saves the settings file.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mcp_settings.json"));
    QVERIFY(test::writeFile(path,
                            "{\n  \"mcpServers\": {},\n  \"users\": [],\n  \"systemConfig\": "
                            "{\n    \"nameSeparator\": \"-\"\n  }\n}"));
    auto ws = OpenedWorkspace::openSettingsFile(path, QStringLiteral("tst_hubdatabasegui"));
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
    MainWindow window;
    auto *views = new WorkspaceViews(ws->workspace(), &window);
    SystemConfigTableModel *config = views->systemConfig();
    SystemConfigPage *page = views->systemConfigPage();
    QCOMPARE(config->rowCount(), 1);
    QVERIFY(config->offeredKeys().isEmpty());
    QVERIFY(page->newKeyBox()->isEditable());
    page->newKeyBox()->setEditText(QStringLiteral("x-team"));
    page->editor()->addAction()->trigger();
    const int row = config->rowOfConfigKey(QStringLiteral("x-team"));
    QVERIFY(row >= 0);
    QCOMPARE(page->editor()->currentRow(), row);
    page->valueEditor()->setPlainText(QStringLiteral("{\"owner\": \"ops\"}"));
    QVERIFY2(page->editor()->applyChanges(), qPrintable(page->editor()->messageLabel()->text()));
    QVERIFY(page->effectLabel()->isHidden()); // no running hub reads this file's rows by itself
    QVERIFY2(test::readFile(path).contains("\"x-team\": {\n      \"owner\": \"ops\"\n    }"),
             test::readFile(path).constData());
    ws->close();
}

namespace {

int rowWithKey(const RecordTableModel *model, const QString &key)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->value(r, model->entity().keyField).toString() == key)
            return r;
    }
    return -1;
}

} // namespace

// The "Clients & content" area on MCPHub's database: a prompt, an OAuth client, a resource
// and a user config added and edited through the widgets (typing into the detail form), as
// MCPHub writes them; JSON columns byte-equal to what JSON.stringify stores.
void TestHubDatabaseGui::recordsAsMcphubWritesThem()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    auto ws = Workspace::open(mcphubProfile(pg), QStringLiteral("tst_hubdatabasegui"));
    VERIFY_OK(ws);
    const QByteArray schema = publicSchema(pg.conninfo());

    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    RecordsPage *records = views->recordsPage();
    QVERIFY(records);
    QCOMPARE(records->tabs()->count(), 4);
    QVERIFY2(views->loadErrors().isEmpty(),
             qPrintable(views->loadErrors().join(QLatin1Char('\n'))));

    // A prompt, typed into the form as a user does.
    RecordTableModel *prompts = records->model(QStringLiteral("prompts"));
    RecordDetailPage *page = records->page(QStringLiteral("prompts"));
    QCOMPARE(prompts->rowCount(), 0);
    page->editor()->addAction()->trigger();
    QCOMPARE(prompts->rowCount(), 1);
    QTest::keyClicks(qobject_cast<QLineEdit *>(page->fieldEditor(QStringLiteral("name"))),
                     QStringLiteral("greet"));
    QTest::keyClicks(qobject_cast<QPlainTextEdit *>(page->fieldEditor(QStringLiteral("template"))),
                     QStringLiteral("Hello {{who}}"));
    QTest::keyClicks(qobject_cast<QPlainTextEdit *>(page->fieldEditor(QStringLiteral("arguments"))),
                     QStringLiteral("[ {\"name\": \"who\", \"description\": \"Who?\"} ]"));
    QVERIFY2(page->editor()->applyChanges(), qPrintable(page->editor()->messageLabel()->text()));
    const QStringList prompt
        = queryText(pg,
                    QStringLiteral("SELECT concat_ws(';', length(id::text), template, enabled, "
                                   "created_at = updated_at, arguments) FROM builtin_prompts "
                                   "WHERE name = 'greet'"))
              .split(QLatin1Char(';'));
    QCOMPARE(prompt.size(), 5);
    QCOMPARE(prompt.mid(0, 4).join(QLatin1Char(';')), QStringLiteral("36;Hello {{who}};t;t"));
    const auto node = test::runNode(QStringLiteral(
        "process.stdout.write(JSON.stringify([{name:'who',description:'Who?'}])+';'+"
        "JSON.stringify(['https://a.example/cb'])+';'+JSON.stringify({enableBearerAuth:true,"
        "bearerAuthKey:'k\u00e9\u2028'}))"));
    QVERIFY2(node.ok, qPrintable(node.error));
    const QStringList expected = node.output.split(QLatin1Char(';'));
    QCOMPARE(prompt.at(4), expected.at(0));

    // Disable it: enabled and updated_at only.
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("UPDATE builtin_prompts SET updated_at = '2020-01-01' WHERE "
                                 "name = 'greet'")})
                .isEmpty());
    VERIFY_OK(prompts->reload());
    auto *enabled = qobject_cast<QCheckBox *>(page->fieldEditor(QStringLiteral("enabled")));
    QVERIFY(enabled->isChecked());
    enabled->click();
    QVERIFY2(page->editor()->applyChanges(), qPrintable(page->editor()->messageLabel()->text()));
    QCOMPARE(queryText(pg,
                       QStringLiteral("SELECT concat_ws(';', enabled, template, arguments, "
                                      "updated_at > '2020-01-02') FROM builtin_prompts")),
             QStringLiteral("f;Hello {{who}};") + expected.at(0) + QStringLiteral(";t"));

    // An OAuth client: the NOT NULL lists filled, the secret never in the audit trail.
    RecordTableModel *clients = records->model(QStringLiteral("oauthClients"));
    const int client = clients->addRecord(QStringLiteral("dash"));
    QVERIFY(clients->setValues(
        client,
        {{QStringLiteral("name"), QStringLiteral("Dashboard")},
         {QStringLiteral("clientSecret"), QStringLiteral("s3cret")},
         {QStringLiteral("redirectUris"), QStringLiteral("[\"https://a.example/cb\"]")}},
        QStringLiteral("edit")));
    VERIFY_OK(clients->apply());
    QCOMPARE(queryText(pg,
                       QStringLiteral("SELECT concat_ws(';', client_secret, name, redirect_uris, "
                                      "grants, scopes IS NULL) FROM oauth_clients")),
             QStringLiteral("s3cret;Dashboard;") + expected.at(1) + QStringLiteral(";[];t"));

    // A resource and a user config, then the resource removed.
    RecordTableModel *resources = records->model(QStringLiteral("resources"));
    const int resource = resources->addRecord(QStringLiteral("file:///r"));
    QVERIFY(resources->setValue(resource, QStringLiteral("content"), QStringLiteral("body")));
    VERIFY_OK(resources->apply());
    QCOMPARE(
        queryText(pg,
                  QStringLiteral("SELECT concat_ws(';', content, enabled) FROM builtin_resources")),
        QStringLiteral("body;t"));
    RecordTableModel *configs = records->model(QStringLiteral("userConfigs"));
    const int config = configs->addRecord(QStringLiteral("admin"));
    QVERIFY(configs->setValue(
        config,
        QStringLiteral("routing"),
        QStringLiteral("{ \"enableBearerAuth\": true, \"bearerAuthKey\": \"k\u00e9\\u2028\" }")));
    VERIFY_OK(configs->apply());
    QCOMPARE(
        queryText(pg, QStringLiteral("SELECT routing FROM user_configs WHERE username = 'admin'")),
        expected.at(2));
    QVERIFY(resources->markDeleted(rowWithKey(resources, QStringLiteral("file:///r"))));
    VERIFY_OK(resources->apply());
    QCOMPARE(queryText(pg, QStringLiteral("SELECT count(*) FROM builtin_resources")),
             QStringLiteral("0"));

    QCOMPARE(queryText(pg,
                       QStringLiteral("SELECT count(*) FROM mcphub_admin.access_logs WHERE "
                                      "details::text LIKE '%s3cret%'")),
             QStringLiteral("0"));
    QCOMPARE(queryText(pg, QStringLiteral("SELECT count(*) FROM mcphub_admin.access_logs")),
             QStringLiteral("6"));
    QCOMPARE(publicSchema(pg.conninfo()), schema);
    ws->close();
}

// A row changed by another connection since it was read is refused, nothing written, the edit
// kept; a JSON text MCPHub cannot load is named on its row and field and left alone; invalid
// JSON typed in is refused before anything is written; a read-only workspace edits nothing.
void TestHubDatabaseGui::recordConflictAndBadJsonKeepEdits()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("INSERT INTO builtin_prompts (name, template, arguments) VALUES "
                                 "('ok', 't', '[]'), ('bad', 't', '[{\"name\":')")})
                .isEmpty());
    auto ws = Workspace::open(mcphubProfile(pg), QStringLiteral("tst_hubdatabasegui"));
    VERIFY_OK(ws);
    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    RecordTableModel *prompts = views->recordsPage()->model(QStringLiteral("prompts"));
    RecordDetailPage *page = views->recordsPage()->page(QStringLiteral("prompts"));
    QCOMPARE(prompts->rowCount(), 2);
    const int bad = rowWithKey(prompts, QStringLiteral("bad"));
    QVERIFY(bad >= 0);
    const QString problem = prompts->problems(bad).value(QStringLiteral("arguments"));
    QVERIFY2(problem.contains(QLatin1String("line 1, column")), qPrintable(problem));
    QCOMPARE(prompts->pendingCount(), 0);
    QCOMPARE(
        queryText(pg, QStringLiteral("SELECT arguments FROM builtin_prompts WHERE name = 'bad'")),
        QStringLiteral("[{\"name\":"));

    // Conflict: MCPHub changes "ok" after it was read.
    const int ok = rowWithKey(prompts, QStringLiteral("ok"));
    QVERIFY(prompts->setValue(ok, QStringLiteral("title"), QStringLiteral("mine")));
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("UPDATE builtin_prompts SET template = 'hub', updated_at = "
                                 "now() + interval '1 second' WHERE name = 'ok'")})
                .isEmpty());
    QVERIFY(!page->editor()->applyChanges());
    const QString message = page->editor()->messageLabel()->text();
    QVERIFY2(message.contains(QLatin1String("ok: "))
                 && message.contains(QLatin1String("updated_at")),
             qPrintable(message));
    QCOMPARE(prompts->pendingCount(), 1);
    QCOMPARE(prompts->value(ok, QStringLiteral("title")).toString(), QStringLiteral("mine"));
    QCOMPARE(queryText(pg,
                       QStringLiteral("SELECT concat_ws(';', template, title IS NULL) FROM "
                                      "builtin_prompts WHERE name = 'ok'")),
             QStringLiteral("hub;t"));
    QCOMPARE(queryText(pg, QStringLiteral("SELECT count(*) FROM mcphub_admin.access_logs")),
             QStringLiteral("0"));

    // Invalid JSON typed in: named with its place, nothing written.
    prompts->revertAll();
    QVERIFY(prompts->setValue(ok, QStringLiteral("arguments"), QStringLiteral("[1,\n 2,,]")));
    QVERIFY(!page->editor()->applyChanges());
    QVERIFY2(page->editor()->messageLabel()->text().contains(QLatin1String("2:4")),
             qPrintable(page->editor()->messageLabel()->text()));
    QCOMPARE(
        queryText(pg, QStringLiteral("SELECT arguments FROM builtin_prompts WHERE name = 'ok'")),
        QStringLiteral("[]"));
    ws->close();

    // A read-only workspace: nothing editable.
    RepositoryContext readOnly = ws->context();
    readOnly.readOnly = true;
    RecordTableModel locked(readOnly, RecordEntity::prompts());
    QVERIFY(locked.isReadOnly());
    QCOMPARE(locked.addRecord(QStringLiteral("x")), -1);
    RecordDetailPage lockedPage(&locked);
    QVERIFY(!lockedPage.fieldEditor(QStringLiteral("template"))->isEnabled());
    QVERIFY(!lockedPage.editor()->addAction()->isEnabled());
}

// MCPHub reads {routing, ...additionalConfig}: a routing its migration left in
// additionalConfig that differs from the column is named; typing a new routing in the form
// clears it, and Apply writes the routing apart and the rest without it, as MCPHub's API.
void TestHubDatabaseGui::userConfigRoutingIsWrittenApart()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("INSERT INTO user_configs (username, routing, "
                                 "\"additionalConfig\") VALUES ('carol', '{\"a\":1}', "
                                 "'{\"routing\":{\"a\":2},\"x\":2}')")})
                .isEmpty());
    const QByteArray schema = publicSchema(pg.conninfo());
    auto ws = Workspace::open(mcphubProfile(pg), QStringLiteral("tst_hubdatabasegui"));
    VERIFY_OK(ws);
    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    RecordTableModel *configs = views->recordsPage()->model(QStringLiteral("userConfigs"));
    RecordDetailPage *page = views->recordsPage()->page(QStringLiteral("userConfigs"));
    QCOMPARE(configs->rowCount(), 1);
    QVERIFY(configs->problems(0)
                .value(QStringLiteral("additionalConfig"))
                .contains(QLatin1String("routing")));
    auto *routing = qobject_cast<QPlainTextEdit *>(page->fieldEditor(QStringLiteral("routing")));
    QCOMPARE(routing->toPlainText(), QStringLiteral("{\"a\":1}"));
    routing->selectAll();
    QTest::keyClicks(routing, QStringLiteral("{\"a\": 3}"));
    QVERIFY(configs->problems(0).isEmpty());
    QVERIFY2(page->editor()->applyChanges(), qPrintable(page->editor()->messageLabel()->text()));
    QCOMPARE(queryText(pg,
                       QStringLiteral("SELECT concat_ws(';', routing, \"additionalConfig\") FROM "
                                      "user_configs")),
             QStringLiteral("{\"a\":3};{\"x\":2}"));
    QVERIFY(configs->problems(0).isEmpty());
    QCOMPARE(publicSchema(pg.conninfo()), schema);
    ws->close();
}

namespace {

// The editor of `entity` in the views, its model and the field holding a row's name.
struct EntityEditor
{
    PendingTableModel *model = nullptr;
    PendingTableEditor *editor = nullptr;
    QString nameField;
};

EntityEditor entityEditor(WorkspaceViews *views, const QString &entity)
{
    if (entity == QLatin1String("servers"))
        return {views->servers(), views->serversPage()->editor(), ServerTableModel::kName};
    if (entity == QLatin1String("groups"))
        return {views->groups(), views->groupsPage()->editor(), GroupTableModel::kName};
    if (entity == QLatin1String("bearer_keys"))
        return {views->keys(), views->keysPage()->editor(), BearerKeyTableModel::kName};
    return {views->users(), views->usersPage()->editor(), UserTableModel::kUsername};
}

int rowNamed(const EntityEditor &e, const QString &name)
{
    for (int r = 0; r < e.model->rowCount(); ++r) {
        if (e.model->value(r, e.nameField).toString() == name)
            return r;
    }
    return -1;
}

} // namespace

// Issue 13, "Bad input": rows MCPHub's database holds in a shape MCPHub or the console cannot
// use (written by MCPHub, another version of it, or another tool). Each is listed with a
// finding on the row naming table, row and column; the other rows load; opening, listing and
// editing another row leave the bad row byte for byte as it was; editing the bad row writes
// only the edited column (the bad value, and a newer MCPHub's column, survive); pg_dump of
// public is unchanged (the baseline taken after the case's own ALTER).
void TestHubDatabaseGui::storedRowFindingsAreShownAndRowsKept_data()
{
    QTest::addColumn<QString>("setup");     // SQL making the bad row
    QTest::addColumn<QString>("table");     // MCPHub's table = the entity
    QTest::addColumn<QString>("badRow");    // its name
    QTest::addColumn<QString>("column");    // the column named
    QTest::addColumn<QString>("field");     // the editor's field carrying the finding
    QTest::addColumn<QString>("otherRow");  // a row edited beside it
    QTest::addColumn<QString>("editField"); // the field edited, on both rows
    QTest::addColumn<QVariant>("editValue");
    QTest::addColumn<QString>("editColumn"); // the column it is stored in

    const QString spareGroup
        = QStringLiteral("INSERT INTO groups (name, servers) VALUES ('spare', '[]');");
    QTest::newRow("servers.args not JSON")
        << "UPDATE servers SET args = '[\"--stdio\"' WHERE name = 'broken'"
        << "servers"
        << "broken"
        << "args" << ServerTableModel::kArgs << "http-local" << ServerTableModel::kDescription
        << QVariant(QStringLiteral("edited")) << "description";
    QTest::newRow("servers.env not an object")
        << "UPDATE servers SET env = '[\"A=1\"]' WHERE name = 'math-local'"
        << "servers"
        << "math-local"
        << "env" << ServerTableModel::kEnv << "http-local" << ServerTableModel::kDescription
        << QVariant(QStringLiteral("edited")) << "description";
    QTest::newRow("servers.openapi not JSON")
        << "UPDATE servers SET type = 'openapi', command = NULL, args = NULL, openapi = "
           "'{\"url\":' WHERE name = 'disabled-one'"
        << "servers"
        << "disabled-one"
        << "openapi" << ServerTableModel::kName << "http-local" << ServerTableModel::kDescription
        << QVariant(QStringLiteral("edited")) << "description";
    QTest::newRow("servers: a newer MCPHub's column")
        << "ALTER TABLE servers ADD COLUMN \"settingsSyncHash\" varchar(128); UPDATE servers "
           "SET \"settingsSyncHash\" = 'sha256:abc' WHERE name = 'echo-local'"
        << "servers"
        << "echo-local"
        << "settingsSyncHash" << ServerTableModel::kName << "http-local"
        << ServerTableModel::kEnabled << QVariant(false) << "enabled";
    QTest::newRow("groups.servers JSON null")
        << spareGroup
               + QStringLiteral("UPDATE groups SET servers = 'null' WHERE name = "
                                "'local-tools'")
        << "groups"
        << "local-tools"
        << "servers" << GroupTableModel::kServers << "spare" << GroupTableModel::kDescription
        << QVariant(QStringLiteral("edited")) << "description";
    QTest::newRow("groups.servers names a missing server")
        << spareGroup
               + QStringLiteral("INSERT INTO groups (name, servers) VALUES ('ghosts', "
                                "'[\"echo-local\",{\"name\":\"gone\"}]')")
        << "groups"
        << "ghosts"
        << "servers" << GroupTableModel::kServers << "spare" << GroupTableModel::kDescription
        << QVariant(QStringLiteral("edited")) << "description";
    QTest::newRow("bearer_keys.allowedServers not JSON")
        << "UPDATE bearer_keys SET \"allowedServers\" = '[\"time\"' WHERE name = "
           "'fixture-local-tools-only'"
        << "bearer_keys"
        << "fixture-local-tools-only"
        << "allowedServers" << BearerKeyTableModel::kAllowedServers << "fixture-all-access"
        << BearerKeyTableModel::kEnabled << QVariant(false) << "enabled";
    QTest::newRow("bearer_keys unknown access type")
        << "UPDATE bearer_keys SET \"accessType\" = 'everything' WHERE name = "
           "'fixture-local-tools-only'"
        << "bearer_keys"
        << "fixture-local-tools-only"
        << "accessType" << BearerKeyTableModel::kAccessType << "fixture-all-access"
        << BearerKeyTableModel::kEnabled << QVariant(false) << "enabled";
    QTest::newRow("bearer_keys unknown kind")
        << "UPDATE bearer_keys SET kind = 'robot' WHERE name = 'fixture-all-access'"
        << "bearer_keys"
        << "fixture-all-access"
        << "kind" << BearerKeyTableModel::kName << "fixture-local-tools-only"
        << BearerKeyTableModel::kEnabled << QVariant(false) << "enabled";
    QTest::newRow("users: a newer MCPHub's column")
        << "ALTER TABLE users ADD COLUMN \"lastHubLogin\" timestamp; INSERT INTO users "
           "(username, password) VALUES ('spare', 'x'), ('other', 'y'); UPDATE users SET "
           "\"lastHubLogin\" = '2026-11-30 10:00' WHERE username = 'spare'"
        << "users"
        << "spare"
        << "lastHubLogin" << UserTableModel::kUsername << "other" << UserTableModel::kIsAdmin
        << QVariant(true) << "isAdmin";
}

void TestHubDatabaseGui::storedRowFindingsAreShownAndRowsKept()
{
    QFETCH(QString, setup);
    QFETCH(QString, table);
    QFETCH(QString, badRow);
    QFETCH(QString, column);
    QFETCH(QString, field);
    QFETCH(QString, otherRow);
    QFETCH(QString, editField);
    QFETCH(QVariant, editValue);
    QFETCH(QString, editColumn);
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QString bad = psql(pg.conninfo(), {QStringLiteral("-c"), setup});
    QVERIFY2(bad.isEmpty(), qPrintable(bad));
    const QString nameColumn
        = table == QLatin1String("users") ? QStringLiteral("username") : QStringLiteral("name");
    // The whole row as PostgreSQL prints it: every column, byte for byte.
    const QString wholeRow
        = QStringLiteral("SELECT t::text FROM %1 t WHERE %2 = '%3'").arg(table, nameColumn, badRow);
    const QString rowBefore = queryText(pg, wholeRow);
    QVERIFY(!rowBefore.isEmpty());
    const QString rows = queryText(pg, QStringLiteral("SELECT count(*) FROM %1").arg(table));
    const QByteArray schema = publicSchema(pg.conninfo()); // after the case's own ALTER

    auto ws = Workspace::open(mcphubProfile(pg), QStringLiteral("tst_hubdatabasegui"));
    VERIFY_OK(ws);
    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    QVERIFY2(views->loadErrors().isEmpty(), qPrintable(views->loadErrors().join(u'\n')));
    const EntityEditor e = entityEditor(views, table);
    QVERIFY(e.model);
    // Every row is listed, the bad one with its finding on the row: table, row and column.
    QCOMPARE(QString::number(e.model->rowCount()), rows);
    int row = rowNamed(e, badRow);
    QVERIFY(row >= 0);
    const QString finding = e.model->findings(row).value(field);
    QVERIFY2(finding.contains(table + u'/' + badRow) && finding.contains(u'"' + column + u'"'),
             qPrintable(finding));
    QCOMPARE(e.model->problems(row).value(field), finding);
    // In the table: on the finding's column, or on the name when the field is no column.
    const QModelIndex cell = e.model->index(
        row, e.model->fieldIndex(e.model->fieldIndex(field) >= 0 ? field : e.nameField));
    QVERIFY2(e.model->data(cell, Qt::ToolTipRole).toString().contains(finding),
             qPrintable(e.model->data(cell, Qt::ToolTipRole).toString()));
    QVERIFY(e.model->data(cell, Qt::BackgroundRole).isValid());
    QVERIFY(e.model->firstProblem().isEmpty());
    const int other = rowNamed(e, otherRow);
    QVERIFY(other >= 0);
    QVERIFY(e.model->findings(other).isEmpty());
    QCOMPARE(queryText(pg, wholeRow), rowBefore); // opening and listing wrote nothing

    // Another row edited and applied: the bad row is as it was.
    QVERIFY(e.model->setValue(other, editField, editValue));
    QVERIFY2(e.editor->applyChanges(), qPrintable(e.editor->messageLabel()->text()));
    QCOMPARE(queryText(pg, wholeRow), rowBefore);

    // The bad row itself edited: only the edited column (and updated_at) is written; the value
    // named by the finding stays byte for byte, and the row still carries the finding.
    const QString badValue = QStringLiteral("SELECT concat_ws(';', \"%1\"::text, \"%2\"::text) "
                                            "FROM %3 WHERE %4 = '%5'")
                                 .arg(column, editColumn, table, nameColumn, badRow);
    const QStringList valueBefore = queryText(pg, badValue).split(u';');
    row = rowNamed(e, badRow);
    QVERIFY(e.model->setValue(row, editField, editValue));
    QVERIFY2(e.editor->applyChanges(), qPrintable(e.editor->messageLabel()->text()));
    const QStringList valueAfter = queryText(pg, badValue).split(u';');
    QCOMPARE(valueAfter.value(0), valueBefore.value(0));
    QVERIFY2(valueAfter.value(1) != valueBefore.value(1), qPrintable(valueAfter.join(u';')));
    row = rowNamed(e, badRow);
    QVERIFY(!e.model->findings(row).value(field).isEmpty());
    QCOMPARE(QString::number(e.model->rowCount()), rows);
    QCOMPARE(publicSchema(pg.conninfo()), schema);
    ws->close();
}

void TestHubDatabaseGui::exportSettingsFileWritesTheServers()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QByteArray schema = publicSchema(pg.conninfo());
    // The captured keys' tokens are redacted to one placeholder: MCPHub (and the export's
    // validation) need them distinct.
    QVERIFY(psql(pg.conninfo(),
                 {QStringLiteral("-c"),
                  QStringLiteral("UPDATE bearer_keys SET token = 'mcphub_' || md5(id::text) || "
                                 "md5(name)")})
                .isEmpty());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mcp_settings.json"));

    MainWindow window;
    const SecretStore secrets;
    WorkspaceSwitcher switcher(&window, secrets, false);
    switcher.addMenuActions(window.fileMenu());
    QVERIFY(switcher.exportAction());
    QVERIFY(!switcher.exportAction()->isEnabled()); // no workspace yet
    QVERIFY(window.fileMenu()->actions().contains(switcher.exportAction()));
    VERIFY_OK(switcher.openMcphubDatabase(mcphubProfile(pg)));
    QVERIFY(switcher.exportAction()->isEnabled());

    const auto exported = switcher.exportSettingsFile(path);
    VERIFY_OK(exported);
    QVERIFY2(window.statusBar()->currentMessage().contains(QDir::toNativeSeparators(path)),
             qPrintable(window.statusBar()->currentMessage()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QJsonParseError error;
    const QJsonDocument written = QJsonDocument::fromJson(bytes, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    // Formatted as MCPHub's own writer formats it: JSON.stringify(value, null, 2) in node
    // gives back the very bytes (MCPHub rewrites the file so; a diff shows nothing).
    MCPHUB_REQUIRE_SERVICE(test::nodeAvailable(), QStringLiteral("node (MCPHub's JSON writer)"));
    QString nodeError;
    const QByteArray viaNode = test::nodeStringify(bytes, &nodeError);
    QVERIFY2(nodeError.isEmpty(), qPrintable(nodeError));
    QCOMPARE(bytes.trimmed(), viaNode.trimmed());
    QStringList names = written.object().value(QStringLiteral("mcpServers")).toObject().keys();
    names.sort();
    QCOMPARE(names.join(QLatin1Char('|')),
             queryText(pg, QStringLiteral("SELECT name FROM servers ORDER BY name")));
    QVERIFY(!names.isEmpty());

    // Again over the file: replaced, the previous one backed up and named.
    QVERIFY(test::writeFile(path, "{\"mcpServers\": {}}\n"));
    const auto again = switcher.exportSettingsFile(path);
    VERIFY_OK(again);
    QVERIFY2(again->contains(QLatin1String("backed up")), qPrintable(*again));
    // A place that cannot be written: refused, naming it, nothing written.
    const QString nowhere = dir.filePath(QStringLiteral("missing/folder/mcp_settings.json"));
    const auto refused = switcher.exportSettingsFile(nowhere);
    QVERIFY(!refused);
    QVERIFY2(refused.error().toString().contains(QLatin1String("missing")),
             qPrintable(refused.error().toString()));
    QVERIFY(!QFile::exists(nowhere));
    QCOMPARE(publicSchema(pg.conninfo()), schema);

    // Every workspace kind: the exported file opened as a settings-file workspace, exported.
    VERIFY_OK(switcher.openSettingsFile(path));
    QVERIFY(switcher.exportAction()->isEnabled());
    const QString copy = dir.filePath(QStringLiteral("copy/mcp_settings.json"));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("copy")));
    VERIFY_OK(switcher.exportSettingsFile(copy));
    QFile copied(copy);
    QVERIFY(copied.open(QIODevice::ReadOnly));
    QStringList copiedNames = QJsonDocument::fromJson(copied.readAll())
                                  .object()
                                  .value(QStringLiteral("mcpServers"))
                                  .toObject()
                                  .keys();
    copiedNames.sort();
    QCOMPARE(copiedNames, names);
}

// Issue 16: another console (a mcphub-adminctl process) disables two servers; this one, with
// the Servers page open and an edit pending on the second, shows the first as disabled
// within the bounded wait, and keeps the second's edit with a conflict marker instead of
// overwriting it. Reverting that row shows what is stored now.
void TestHubDatabaseGui::anotherConsolesCommitRefreshesServersAndMarksConflicts()
{
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    auto ws = Workspace::open(mcphubProfile(pg), QStringLiteral("tst_hubdatabasegui"));
    VERIFY_OK(ws);
    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    QVERIFY2(views->loadErrors().isEmpty(), qPrintable(views->loadErrors().join(u'\n')));
    LiveRefresh live(*ws, views);
    QVERIFY(live.isListening());
    QSignalSpy refreshed(&live, &LiveRefresh::refreshed);
    ServerTableModel *servers = views->servers();
    const auto rowOf = [servers](const QString &name) {
        for (int r = 0; r < servers->rowCount(); ++r) {
            if (servers->value(r, ServerTableModel::kName).toString() == name)
                return r;
        }
        return -1;
    };
    QStringList enabled;
    for (int r = 0; r < servers->rowCount() && enabled.size() < 2; ++r) {
        if (servers->value(r, ServerTableModel::kEnabled).toBool())
            enabled << servers->value(r, ServerTableModel::kName).toString();
    }
    QCOMPARE(enabled.size(), 2);
    QStringList names; // every row's, in the table's order
    for (int r = 0; r < servers->rowCount(); ++r)
        names << servers->value(r, ServerTableModel::kName).toString();
    const QString plain = enabled.at(0);
    const QString edited = enabled.at(1);
    QVERIFY(servers->setValue(rowOf(edited),
                              ServerTableModel::kDescription,
                              QStringLiteral("edited here"),
                              QStringLiteral("describe")));
    QCOMPARE(servers->pendingCount(), 1);

    for (const QString &name : {plain, edited}) {
        const test::Run run
            = test::adminctl(QStringList{QStringLiteral("server"), QStringLiteral("disable"), name}
                             + test::hubDbArguments(pg));
        VERIFY_RUN(run, 0);
    }
    for (int i = 0; i < 200
                    && !(servers->rowCount() > 0 && rowOf(plain) >= 0
                         && !servers->value(rowOf(plain), ServerTableModel::kEnabled).toBool()
                         && servers->hasConflict(rowOf(edited)));
         ++i)
        QTest::qWait(50);
    QVERIFY(!refreshed.isEmpty());
    // Every row is still its own server (in MCPHub's database the rows are told apart by
    // their uuids; taken for one id, they all showed the last row read).
    QStringList after;
    for (int r = 0; r < servers->rowCount(); ++r)
        after << servers->value(r, ServerTableModel::kName).toString();
    QCOMPARE(after, names);
    QVERIFY(rowOf(plain) >= 0);
    QVERIFY(!servers->value(rowOf(plain), ServerTableModel::kEnabled).toBool());
    QCOMPARE(servers->rowState(rowOf(plain)), PendingRow::State::Unchanged);
    // The edited row: the edit kept, not overwritten, and marked.
    const int row = rowOf(edited);
    QVERIFY(servers->hasConflict(row));
    QCOMPARE(servers->value(row, ServerTableModel::kDescription).toString(),
             QStringLiteral("edited here"));
    QVERIFY(servers->value(row, ServerTableModel::kEnabled).toBool());
    QCOMPARE(servers->pendingCount(), 1);
    const QString marker = servers->problems(row).value(ServerTableModel::kName);
    QVERIFY2(marker.contains(QLatin1String("another console")), qPrintable(marker));
    // Apply refuses it (changed meanwhile): nothing overwritten.
    QVERIFY(!views->serversPage()->editor()->applyChanges());
    QCOMPARE(
        queryText(pg, QStringLiteral("SELECT enabled FROM servers WHERE name = '%1'").arg(edited)),
        QStringLiteral("false"));
    // Reverting shows what the other console stored.
    QVERIFY(servers->revertRow(rowOf(edited)));
    QVERIFY(!servers->hasConflict(rowOf(edited)));
    QVERIFY(!servers->value(rowOf(edited), ServerTableModel::kEnabled).toBool());
    QCOMPARE(servers->pendingCount(), 0);
    ws->close();
}

QTEST_MAIN(TestHubDatabaseGui)
#include "tst_hubdatabasegui.moc"
