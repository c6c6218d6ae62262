// The console on MCPHub's own database (issue #13), offscreen, on the real PostgreSQL: the
// Users editor applies as MCPHub writes (pg_dump of the public schema byte-identical after
// every Apply), and so do the servers, groups and bearer keys editors; a row MCPHub changed
// since it was read is a conflict that keeps the edits; rows MCPHub cannot load are named and
// left alone; the usage log is MCPHub's activities.

#include "models/bearerkeytablemodel.h"
#include "models/grouptablemodel.h"
#include "models/servertablemodel.h"
#include "models/usagelogmodel.h"
#include "models/usertablemodel.h"
#include "storage/db/workspace.h"
#include "tests/support/mcphubdatabase.h"
#include "tests/support/testenv.h"
#include "ui/groups/groupspage.h"
#include "ui/keys/keyspage.h"
#include "ui/main/mainwindow.h"
#include "ui/main/workspaceviews.h"
#include "ui/servers/serverspage.h"
#include "ui/users/userspage.h"
#include "ui/widgets/pendingtableeditor.h"

#include <QLabel>
#include <QRegularExpression>
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
    void usageLogIsMcphubsActivities();
    void storedRowFindingsAreShownAndRowsKept_data();
    void storedRowFindingsAreShownAndRowsKept();
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

    // Renaming is MCPHub's API's job (it rewrites groups and keys): refused, nothing written.
    const int echo = rowOf(QStringLiteral("echo-local"));
    QVERIFY(servers->setValue(echo, ServerTableModel::kName, QStringLiteral("echo2")));
    QVERIFY(!editor->applyChanges());
    QVERIFY2(editor->messageLabel()->text().contains(QLatin1String("rename")),
             qPrintable(editor->messageLabel()->text()));
    servers->revertAll();

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

QTEST_MAIN(TestHubDatabaseGui)
#include "tst_hubdatabasegui.moc"
