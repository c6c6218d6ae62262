// The console on MCPHub's own database (issue #13), offscreen, on the real PostgreSQL: the
// Users editor applies as MCPHub writes (pg_dump of the public schema byte-identical after
// every Apply), a row MCPHub changed since it was read is a conflict that keeps the edits,
// the usage log is MCPHub's activities, and the entities not mapped yet say so.

#include "models/usagelogmodel.h"
#include "models/usertablemodel.h"
#include "models/workspaceareamodel.h"
#include "storage/db/workspace.h"
#include "tests/support/mcphubdatabase.h"
#include "tests/support/testenv.h"
#include "ui/main/areapage.h"
#include "ui/main/mainwindow.h"
#include "ui/main/workspaceviews.h"
#include "ui/users/userspage.h"
#include "ui/widgets/pendingtableeditor.h"

#include <QLabel>
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
    void usageLogAndUnmappedPages();
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

void TestHubDatabaseGui::usageLogAndUnmappedPages()
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
    QVERIFY(!views->servers());
    const auto *note = window.page(WorkspaceAreaModel::Area::Servers)
                           ->findChild<QLabel *>(QStringLiteral("notBuiltYet"));
    QVERIFY(note);
    QVERIFY2(note->text().contains(QLatin1String("does not read or edit the servers")),
             qPrintable(note->text()));
    ws->close();
}

QTEST_MAIN(TestHubDatabaseGui)
#include "tst_hubdatabasegui.moc"
