// The console's editors driven through their widgets, offscreen, on SQLite and the real
// PostgreSQL: add, edit, undo, apply and revert a user and a server, then the database and
// the audit trail are checked. Bad input: duplicates, empty names, invalid URL, non-numeric
// keep-alive, malformed inline schema, a row deleted by another connection, a PostgreSQL
// connection lost during Apply. QAbstractItemModelTester watches every model.

#include "models/bearerkeytablemodel.h"
#include "models/grouptablemodel.h"
#include "models/servertablemodel.h"
#include "models/usertablemodel.h"
#include "storage/db/auditlogrepository.h"
#include "storage/db/bearerkeyrepository.h"
#include "storage/db/grouprepository.h"
#include "storage/db/serverrepository.h"
#include "storage/db/useradministration.h"
#include "storage/db/workspace.h"
#include "storage/passwordhasher.h"
#include "tests/support/audittrail.h"
#include "tests/support/editordriver.h"
#include "tests/support/testbackend.h"
#include "tests/support/testenv.h"
#include "ui/groups/groupspage.h"
#include "ui/keys/keyspage.h"
#include "ui/main/applyalldialog.h"
#include "ui/main/mainwindow.h"
#include "ui/main/shortcutsdialog.h"
#include "ui/main/workspaceviews.h"
#include "ui/servers/serverdetailpanel.h"
#include "ui/servers/serverspage.h"
#include "ui/servers/tooloverrideseditor.h"
#include "ui/users/passworddialog.h"
#include "ui/users/userspage.h"
#include "ui/widgets/pendingtableeditor.h"
#include "ui/widgets/secretlineedit.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QWindow>

using namespace mcphub;
using namespace mcphub::test;

namespace {

const QString kConnection = QStringLiteral("tst_consoleediting");
const QString kOther = QStringLiteral("tst_consoleediting_other");

qint64 count(const QString &sql, const QString &connection = kConnection)
{
    QSqlQuery query(QSqlDatabase::database(connection));
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

} // namespace

class TestConsoleEditing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup()
    {
        closeSqlConnection(kConnection);
        closeSqlConnection(kOther);
    }

    void usersThroughWidgets_data() { MCPHUB_BACKEND_ROWS(); }
    void usersThroughWidgets();
    void serversThroughWidgets_data() { MCPHUB_BACKEND_ROWS(); }
    void serversThroughWidgets();
    void rowDeletedMeanwhile_data() { MCPHUB_BACKEND_ROWS(); }
    void rowDeletedMeanwhile();
    void lostConnectionDuringApply();
    void applyAllFromServerFormWritesEveryPage_data() { MCPHUB_BACKEND_ROWS(); }
    void applyAllFromServerFormWritesEveryPage();
    void applyAllWritesNothingWhenOnePageFails_data() { MCPHUB_BACKEND_ROWS(); }
    void applyAllWritesNothingWhenOnePageFails();
    void windowShortcutsAreUnambiguousAndActOnThePage();
};

void TestConsoleEditing::usersThroughWidgets()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    VERIFY_OK(ws);
    const RepositoryContext context = ws->context();
    VERIFY_OK(UserAdministration(context).add(
        QStringLiteral("admin"),
        PasswordHasher::hash(QStringLiteral("admin123"), 10).value(),
        true));

    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    QAbstractItemModelTester tester(views->users());
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    PendingTableEditor *editor = views->usersPage()->editor();
    UserTableModel *model = views->users();
    QCOMPARE(model->rowCount(), 1);
    QVERIFY(!editor->applyAction()->isEnabled());

    // Add a user: the name is typed into the cell the Add button opens.
    clickAction(editor, editor->addAction());
    auto *nameEditor = editor->view()->viewport()->findChild<QLineEdit *>();
    QVERIFY(nameEditor && nameEditor->isVisible());
    QTest::keyClicks(nameEditor, QStringLiteral("admin"));
    QTest::keyClick(nameEditor, Qt::Key_Return);
    QCoreApplication::processEvents(); // the delegate commits queued
    QCOMPARE(model->rowCount(), 2);
    // Duplicate name: marked as you type, Apply refuses naming row and field.
    QVERIFY(!model->problems(1).value(UserTableModel::kUsername).isEmpty());
    clickAction(editor, editor->applyAction());
    QVERIFY2(editor->messageLabel()->text().contains(QStringLiteral("Another user")),
             qPrintable(editor->messageLabel()->text()));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users")), 1);

    typeInCell(editor, cell(editor, 1, UserTableModel::kUsername), QStringLiteral("alice"));
    QCOMPARE(model->value(1, UserTableModel::kUsername).toString(), QStringLiteral("alice"));
    // No password yet: Apply refuses, naming the row and the field.
    clickAction(editor, editor->applyAction());
    QVERIFY2(editor->messageLabel()->text().contains(QStringLiteral("alice")),
             qPrintable(editor->messageLabel()->text()));
    QVERIFY2(editor->messageLabel()->text().contains(QStringLiteral("Password")),
             qPrintable(editor->messageLabel()->text()));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users")), 1);

    // Set the password through the dialog; a weak one warns but does not block.
    editor->selectRow(1);
    QToolButton *setPassword = qobject_cast<QToolButton *>(
        editor->toolBar()->widgetForAction(views->usersPage()->setPasswordAction()));
    QTest::mouseClick(setPassword, Qt::LeftButton);
    auto *dialog = views->usersPage()->findChild<PasswordDialog *>();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->passwordEdit(), QStringLiteral("weak"));
    QTest::keyClicks(dialog->repeatEdit(), QStringLiteral("wea"));
    QPushButton *ok = dialog->buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled()); // they differ
    QTest::keyClicks(dialog->repeatEdit(), QStringLiteral("k"));
    QVERIFY(ok->isEnabled());
    QVERIFY(dialog->warningLabel()->text().contains(QStringLiteral("MCPHub")));
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY(model->hasPendingPassword(1));
    window.activateWindow(); // the dialog had it
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(!model->data(model->index(1, model->fieldIndex(UserTableModel::kPasswordHash)))
                 .toString()
                 .contains(QStringLiteral("$2")));

    // Edit the e-mail, undo it (Ctrl+Z), redo, undo again.
    typeInCell(editor, cell(editor, 1, UserTableModel::kEmail), QStringLiteral("a@example.org"));
    QCOMPARE(model->value(1, UserTableModel::kEmail).toString(), QStringLiteral("a@example.org"));
    editor->view()->setFocus();
    QTest::keyClick(editor->view(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(model->value(1, UserTableModel::kEmail).toString(), QString());
    QTest::keyClick(editor->view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(model->value(1, UserTableModel::kEmail).toString(), QStringLiteral("a@example.org"));
    QCOMPARE(window.pendingCount(), 1);
    // The title names the workspace, with "*" while edits are pending.
    window.setWorkspaceStatus(QStringLiteral("ws.db"), true, false);
    QVERIFY(window.isWindowModified());
    QVERIFY2(window.windowTitle().startsWith(QLatin1String("ws.db[*]")),
             qPrintable(window.windowTitle()));

    // Apply with Ctrl+S (Apply all, after its preview): one transaction, one audit row.
    QTest::keyClick(editor->view(), Qt::Key_S, Qt::ControlModifier);
    acceptApplyAll(&window);
    QVERIFY2(!editor->messageLabel()->text().contains(QStringLiteral("Nothing")),
             qPrintable(editor->messageLabel()->text()));
    QCOMPARE(model->pendingCount(), 0);
    QCOMPARE(window.pendingCount(), 0);
    QVERIFY(!window.isWindowModified());
    const auto alice = UserRepository(context).find(QStringLiteral("alice"));
    VERIFY_OK(alice);
    QVERIFY(alice->has_value());
    QCOMPARE((*alice)->email, QStringLiteral("a@example.org"));
    QVERIFY(PasswordHasher::verify(QStringLiteral("weak"), (*alice)->password));
    QVERIFY(auditActions(context).contains(QStringLiteral("user.create users/alice")));

    // Make alice an admin by clicking the check box, then revert the row.
    const int aliceRow
        = model->value(0, UserTableModel::kUsername) == QStringLiteral("alice") ? 0 : 1;
    const QModelIndex adminCell = cell(editor, aliceRow, UserTableModel::kIsAdmin);
    model->setData(editor->proxy()->mapToSource(adminCell), Qt::Checked, Qt::CheckStateRole);
    QVERIFY(model->value(aliceRow, UserTableModel::kIsAdmin).toBool());
    editor->selectRow(aliceRow);
    clickAction(editor, editor->revertRowAction());
    QVERIFY(!model->value(aliceRow, UserTableModel::kIsAdmin).toBool());
    QCOMPARE(model->pendingCount(), 0);

    // Deleting the last administrator: Apply refuses in storage, the edit stays pending.
    const int adminRow = 1 - aliceRow;
    editor->selectRow(adminRow);
    editor->view()->setFocus();
    QTest::keyClick(editor->view(), Qt::Key_Delete);
    QCOMPARE(model->rowState(adminRow), PendingRow::State::Deleted);
    clickAction(editor, editor->applyAction());
    QVERIFY2(editor->messageLabel()->text().contains(QStringLiteral("last administrator")),
             qPrintable(editor->messageLabel()->text()));
    QCOMPARE(model->pendingCount(), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users WHERE username = 'admin'")), 1);
    clickAction(editor, editor->revertAllAction());
    QCOMPARE(model->pendingCount(), 0);
    QVERIFY(!editor->undoAction()->isEnabled());
}

void TestConsoleEditing::serversThroughWidgets()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    VERIFY_OK(ws);
    const RepositoryContext context = ws->context();
    ServerRecord fetch;
    fetch.name = QStringLiteral("fetch");
    fetch.type = QStringLiteral("stdio");
    fetch.command = QStringLiteral("uvx");
    fetch.args = QStringLiteral("[\"mcp-server-fetch\"]");
    fetch.options = QStringLiteral("{\"timeout\":30000}");
    VERIFY_OK(ServerRepository(context).create(fetch));

    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    QAbstractItemModelTester tester(views->servers());
    ServersPage *page = views->serversPage();
    page->setConfirmDeletion(false);
    window.showArea(WorkspaceAreaModel::Area::Servers);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    PendingTableEditor *editor = page->editor();
    ServerTableModel *model = views->servers();
    ServerDetailPanel *detail = page->detail();
    QCOMPARE(model->rowCount(), 1);

    // Add: empty name and no command are marked at once.
    clickAction(editor, editor->addAction());
    QCOMPARE(model->rowCount(), 2);
    QVERIFY(detail->problemText().contains(QStringLiteral("name is empty")));
    auto *name = qobject_cast<QLineEdit *>(detail->fieldWidget(ServerTableModel::kName));
    QTest::keyClicks(name, QStringLiteral("fetch"));
    QVERIFY2(detail->problemText().contains(QStringLiteral("Another server")),
             qPrintable(detail->problemText()));
    QTest::keyClick(name, Qt::Key_Backspace);
    QTest::keyClick(name, Qt::Key_Backspace);
    QTest::keyClick(name, Qt::Key_Backspace);
    QTest::keyClick(name, Qt::Key_Backspace);
    QTest::keyClick(name, Qt::Key_Backspace);
    QTest::keyClicks(name, QStringLiteral("remote"));
    QCOMPARE(model->value(1, ServerTableModel::kName).toString(), QStringLiteral("remote"));
    QCOMPARE(model->undoStack()->count(), 2); // the add, and the typing as one step

    // Switch to streamable-http; an invalid URL and a non-numeric keep-alive are marked.
    auto *type = qobject_cast<QComboBox *>(detail->fieldWidget(ServerTableModel::kType));
    type->setFocus();
    type->setCurrentIndex(type->findText(QStringLiteral("streamable-http")));
    Q_EMIT type->activated(type->currentIndex());
    QCOMPARE(model->value(1, ServerTableModel::kType).toString(),
             QStringLiteral("streamable-http"));
    QVERIFY(detail->problemText().contains(QStringLiteral("needs a URL")));
    auto *url = qobject_cast<QLineEdit *>(detail->fieldWidget(ServerTableModel::kUrl));
    QTest::keyClicks(url, QStringLiteral("not a url"));
    QVERIFY(detail->problemText().contains(QStringLiteral("not an http")));
    QVERIFY(url->property("problem").toBool());
    auto *interval
        = qobject_cast<QLineEdit *>(detail->fieldWidget(ServerTableModel::kKeepAliveInterval));
    QTest::keyClicks(interval, QStringLiteral("soon"));
    QVERIFY(detail->problemText().contains(QStringLiteral("keep-alive interval")));
    clickAction(editor, editor->applyAction());
    QVERIFY2(editor->messageLabel()->text().contains(QStringLiteral("remote")),
             qPrintable(editor->messageLabel()->text()));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mcp_servers")), 1);

    url->selectAll();
    QTest::keyClicks(url, QStringLiteral("https://mcp.example.org/mcp"));
    interval->selectAll();
    QTest::keyClicks(interval, QStringLiteral("30000"));
    QVERIFY2(detail->problemText().isEmpty(), qPrintable(detail->problemText()));

    // Edit the existing server's command in the panel, then undo that edit.
    editor->selectRow(0);
    auto *command = qobject_cast<QLineEdit *>(detail->fieldWidget(ServerTableModel::kCommand));
    QCOMPARE(command->text(), QStringLiteral("uvx"));
    QTest::keyClicks(command, QStringLiteral("-beta"));
    QCOMPARE(model->value(0, ServerTableModel::kCommand).toString(), QStringLiteral("uvx-beta"));
    editor->undoAction()->trigger();
    QCOMPARE(model->value(0, ServerTableModel::kCommand).toString(), QStringLiteral("uvx"));
    QCOMPARE(command->text(), QStringLiteral("uvx"));
    // A per-tool override through the table: fetch-fetch disabled, with a description.
    auto *tools = detail->findChild<ToolOverridesEditor *>();
    QVERIFY(tools);
    QPushButton *addTool = nullptr;
    for (QPushButton *button : tools->findChildren<QPushButton *>())
        addTool = button->text() == QStringLiteral("Add") ? button : addTool;
    QTest::mouseClick(addTool, Qt::LeftButton);
    auto *toolName = tools->table()->viewport()->findChild<QLineEdit *>();
    QVERIFY(toolName);
    QTest::keyClicks(toolName, QStringLiteral("fetch-fetch"));
    QTest::keyClick(toolName, Qt::Key_Return);
    QCoreApplication::processEvents();
    tools->table()->item(0, ToolOverridesEditor::EnabledColumn)->setCheckState(Qt::Unchecked);
    tools->table()
        ->item(0, ToolOverridesEditor::DescriptionColumn)
        ->setText(QStringLiteral("Fetch a URL"));
    QCOMPARE(
        model->value(0, ServerTableModel::kTools).toString(),
        QStringLiteral("{\"fetch-fetch\":{\"enabled\":false,\"description\":\"Fetch a URL\"}}"));
    // Disable it with the toggle action instead.
    clickAction(editor, page->toggleAction());
    QVERIFY(!model->value(0, ServerTableModel::kEnabled).toBool());

    editor->view()->setFocus();
    QTest::keyClick(editor->view(), Qt::Key_S, Qt::ControlModifier);
    acceptApplyAll(&window);
    QCOMPARE(model->pendingCount(), 0);
    const auto remote = ServerRepository(context).find(QStringLiteral("remote"));
    VERIFY_OK(remote);
    QVERIFY(remote->has_value());
    QCOMPARE((*remote)->type, QStringLiteral("streamable-http"));
    QCOMPARE((*remote)->url, QStringLiteral("https://mcp.example.org/mcp"));
    QCOMPARE((*remote)->keepAliveInterval.value_or(0), 30000);
    const auto stored = ServerRepository(context).find(QStringLiteral("fetch"));
    VERIFY_OK(stored);
    QVERIFY(!(*stored)->enabled);
    QCOMPARE((*stored)->options, QStringLiteral("{\"timeout\":30000}")); // kept
    QVERIFY((*stored)->tools.contains(QStringLiteral("Fetch a URL")));
    const QStringList audit = auditActions(context);
    QVERIFY2(audit.contains(QStringLiteral("server.create servers/remote")),
             qPrintable(audit.join(QLatin1Char(','))));
    QVERIFY(audit.contains(QStringLiteral("server.update servers/fetch")));

    // OpenAPI with a malformed inline schema: marked, Apply refuses; fixed, it is written.
    const int remoteRow
        = model->value(0, ServerTableModel::kName) == QStringLiteral("remote") ? 0 : 1;
    editor->selectRow(remoteRow);
    type->setCurrentIndex(type->findText(QStringLiteral("openapi")));
    Q_EMIT type->activated(type->currentIndex());
    auto *schema
        = qobject_cast<QPlainTextEdit *>(detail->fieldWidget(ServerTableModel::kOpenApiSchema));
    schema->setFocus();
    QTest::keyClicks(schema, QStringLiteral("{\"openapi\": "));
    QVERIFY2(detail->problemText().contains(QStringLiteral("not a JSON object")),
             qPrintable(detail->problemText()));
    QVERIFY(!model->apply().ok());
    QTest::keyClicks(schema, QStringLiteral("\"3.1.0\"}"));
    QVERIFY2(detail->problemText().isEmpty(), qPrintable(detail->problemText()));
    QVERIFY(editor->applyChanges());
    const auto openapi = ServerRepository(context).find(QStringLiteral("remote"));
    QCOMPARE((*openapi)->type, QStringLiteral("openapi"));
    QVERIFY((*openapi)->openapi.contains(QStringLiteral("3.1.0")));
    QVERIFY((*openapi)->url.isNull()); // dropped for openapi, as MCPHub does

    // Delete, then revert all: nothing happens to the database.
    editor->selectRow(remoteRow);
    editor->view()->setFocus();
    QTest::keyClick(editor->view(), Qt::Key_Delete);
    QCOMPARE(model->pendingCount(), 1);
    clickAction(editor, editor->revertAllAction());
    QCOMPARE(model->pendingCount(), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM mcp_servers")), 2);
}

void TestConsoleEditing::rowDeletedMeanwhile()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    VERIFY_OK(ws);
    auto other = Workspace::open(backend.profile(), kOther);
    VERIFY_OK(other);
    VERIFY_OK(UserAdministration(ws->context())
                  .add(QStringLiteral("root"),
                       PasswordHasher::hash(QStringLiteral("x"), 10).value(),
                       true));
    VERIFY_OK(UserAdministration(ws->context())
                  .add(QStringLiteral("eve"),
                       PasswordHasher::hash(QStringLiteral("x"), 10).value(),
                       false));
    ServerRecord s;
    s.name = QStringLiteral("gone");
    s.type = QStringLiteral("sse");
    s.url = QStringLiteral("http://localhost:1/sse");
    VERIFY_OK(ServerRepository(ws->context()).create(s));

    UserTableModel users(ws->context());
    QAbstractItemModelTester userTester(&users);
    ServerTableModel servers(ws->context());
    QAbstractItemModelTester serverTester(&servers);
    VERIFY_OK(users.reload());
    VERIFY_OK(servers.reload());
    const int eve = users.value(0, UserTableModel::kUsername) == QStringLiteral("eve") ? 0 : 1;
    QVERIFY(users.setValue(eve, UserTableModel::kEmail, QStringLiteral("eve@example.org")));
    QVERIFY(servers.setValue(0, ServerTableModel::kDescription, QStringLiteral("changed")));
    const int extra = users.addUser(QStringLiteral("frank"));
    VERIFY_OK(users.setPassword(extra, QStringLiteral("Fr4nk!pass"), 10));

    // Another console deletes both rows meanwhile.
    VERIFY_OK(UserAdministration(other->context()).remove(QStringLiteral("eve")));
    VERIFY_OK(ServerRepository(other->context()).remove(QStringLiteral("gone")));

    const auto userApply = users.apply();
    QVERIFY(!userApply.ok());
    QVERIFY2(userApply.error().message.contains(QStringLiteral("eve"))
                 && userApply.error().message.contains(QStringLiteral("deleted meanwhile")),
             qPrintable(userApply.error().message));
    QCOMPARE(users.pendingCount(), 2); // kept, frank included
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users WHERE username = 'frank'")), 0);
    QVERIFY(!users.problems(eve).value(UserTableModel::kUsername).isEmpty());
    const auto serverApply = servers.apply();
    QVERIFY(!serverApply.ok());
    QVERIFY2(serverApply.error().message.contains(QStringLiteral("gone")),
             qPrintable(serverApply.error().message));
    QCOMPARE(servers.pendingCount(), 1);

    // A server added meanwhile under the same name as a pending one: refused, named.
    VERIFY_OK(servers.reload());
    const int added = servers.addServer(QStringLiteral("twin"), QStringLiteral("sse"));
    QVERIFY(
        servers.setValue(added, ServerTableModel::kUrl, QStringLiteral("https://a.example/sse")));
    s.name = QStringLiteral("twin");
    VERIFY_OK(ServerRepository(other->context()).create(s));
    const auto twin = servers.apply();
    QVERIFY(!twin.ok());
    QVERIFY2(twin.error().message.contains(QStringLiteral("already exists")),
             qPrintable(twin.error().message));
    QCOMPARE(servers.pendingCount(), 1);

    // After reverting the vanished row, the rest applies.
    users.revertRow(eve);
    VERIFY_OK(users.apply());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users WHERE username = 'frank'")), 1);
}

void TestConsoleEditing::lostConnectionDuringApply()
{
    mcphub::test::TestBackend backend(QStringLiteral("postgres"));
    MCPHUB_REQUIRE_SERVICE(mcphub::test::PgTestDatabase::serverConfigured(),
                           QStringLiteral("PostgreSQL"));
    QVERIFY2(backend.available(), qPrintable(backend.error()));
    auto ws = Workspace::open(backend.profile(), kConnection);
    VERIFY_OK(ws);
    auto other = Workspace::open(backend.profile(), kOther);
    VERIFY_OK(other);
    VERIFY_OK(UserAdministration(ws->context())
                  .add(QStringLiteral("root"),
                       PasswordHasher::hash(QStringLiteral("x"), 10).value(),
                       true));
    UserTableModel users(ws->context());
    VERIFY_OK(users.reload());
    const int row = users.addUser(QStringLiteral("gina"));
    VERIFY_OK(users.setPassword(row, QStringLiteral("G1na!pass"), 10));
    QVERIFY(users.setValue(0, UserTableModel::kEmail, QStringLiteral("root@example.org")));

    QSqlQuery pid(QSqlDatabase::database(kConnection));
    QVERIFY(pid.exec(QStringLiteral("SELECT pg_backend_pid()")) && pid.next());
    QSqlQuery kill(QSqlDatabase::database(kOther));
    kill.prepare(QStringLiteral("SELECT pg_terminate_backend(:pid)"));
    kill.bindValue(QStringLiteral(":pid"), pid.value(0));
    QVERIFY(kill.exec() && kill.next() && kill.value(0).toBool());

    const auto applied = users.apply();
    QVERIFY(!applied.ok());
    QVERIFY2(applied.error().message.contains(QStringLiteral("Nothing was written"))
                 && applied.error().message.contains(QStringLiteral("root")),
             qPrintable(applied.error().message));
    QCOMPARE(users.pendingCount(), 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users"), kOther), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM access_logs WHERE resource LIKE 'users/%'"),
                   kOther),
             1);
}

void TestConsoleEditing::applyAllFromServerFormWritesEveryPage()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    VERIFY_OK(ws);
    const RepositoryContext context = ws->context();
    VERIFY_OK(UserAdministration(context).add(
        QStringLiteral("admin"),
        PasswordHasher::hash(QStringLiteral("admin123"), 10).value(),
        true));
    ServerRecord fetch;
    fetch.name = QStringLiteral("fetch");
    fetch.type = QStringLiteral("stdio");
    fetch.command = QStringLiteral("uvx");
    fetch.args = QStringLiteral("[\"mcp-server-fetch\"]");
    VERIFY_OK(ServerRepository(context).create(fetch));

    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    window.setWorkspaceStatus(QStringLiteral("ws.db"), true, false);
    window.showArea(WorkspaceAreaModel::Area::Servers);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(!window.isWindowModified());
    QVERIFY2(!window.windowHandle()->title().contains(QLatin1Char('*')),
             qPrintable(window.windowHandle()->title()));
    QVERIFY(!window.applyAllAction()->isEnabled());

    // Three pages: Users (an e-mail), Bearer keys (a new key: its token is a secret) and
    // Servers (an API key in the environment, and the description typed in the form).
    QVERIFY(
        views->users()->setValue(0, UserTableModel::kEmail, QStringLiteral("root@example.org")));
    const int keyRow = views->keys()->addKey(QStringLiteral("ci"));
    const QString token = views->keys()->value(keyRow, BearerKeyTableModel::kToken).toString();
    QVERIFY(token.size() > 20);
    ServersPage *page = views->serversPage();
    page->editor()->selectRow(0);
    QVERIFY(views->servers()->setValue(
        0,
        ServerTableModel::kEnv,
        QStringLiteral("{\"API_KEY\":\"sk-secret-123\",\"REGION\":\"eu\"}")));
    auto *description
        = qobject_cast<QLineEdit *>(page->detail()->fieldWidget(ServerTableModel::kDescription));
    QVERIFY(description);
    description->setFocus();
    QTest::keyClicks(description, QStringLiteral("Fetches URLs"));
    QCOMPARE(views->servers()->value(0, ServerTableModel::kDescription).toString(),
             QStringLiteral("Fetches URLs"));
    QCOMPARE(window.pendingCount(), 3);
    // The title shows the workspace with "*" while edits are pending.
    QVERIFY(window.isWindowModified());
    QVERIFY2(window.windowHandle()->title().startsWith(QLatin1String("ws.db*")),
             qPrintable(window.windowHandle()->title()));

    // Ctrl+S with the cursor in the Servers form: the preview of every page, nothing written.
    QVERIFY(description->hasFocus());
    QTest::keyClick(description, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(shownApplyAllPreview(&window));
    ApplyAllDialog *preview = shownApplyAllPreview(&window);
    const QString text = preview->text();
    QCOMPARE(preview->tree()->topLevelItemCount(), 3);
    for (const QString &expected :
         {QStringLiteral("Users"),
          QStringLiteral("  admin (changed)"),
          QStringLiteral("    E-mail (console only): (empty) → root@example.org"),
          QStringLiteral("Servers"),
          QStringLiteral("  fetch (changed)"),
          QStringLiteral("    Description: (empty) → Fetches URLs"),
          QStringLiteral("\"REGION\":\"eu\""),
          QStringLiteral("Bearer keys"),
          QStringLiteral("  ci (added)"),
          QStringLiteral("    Token: ••••••••")}) {
        QVERIFY2(text.contains(expected),
                 qPrintable(QStringLiteral("%1 not in:\n%2").arg(expected, text)));
    }
    // Secrets masked as the pages mask them.
    QVERIFY2(!text.contains(token), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("sk-secret-123")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\"API_KEY\":\"••••••••\"")), qPrintable(text));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM bearer_keys")), 0);
    QCOMPARE(views->servers()->pendingCount(), 1);

    // Apply all: the three pages in one go.
    QTest::mouseClick(preview->applyButton(), Qt::LeftButton);
    QCOMPARE(window.pendingCount(), 0);
    QCOMPARE(views->users()->pendingCount(), 0);
    QCOMPARE(views->servers()->pendingCount(), 0);
    QCOMPARE(views->keys()->pendingCount(), 0);
    QVERIFY(!window.isWindowModified());
    QVERIFY2(!window.windowHandle()->title().contains(QLatin1Char('*')),
             qPrintable(window.windowHandle()->title()));
    const auto admin = UserRepository(context).find(QStringLiteral("admin"));
    VERIFY_OK(admin);
    QCOMPARE((*admin)->email, QStringLiteral("root@example.org"));
    const auto stored = ServerRepository(context).find(QStringLiteral("fetch"));
    VERIFY_OK(stored);
    QCOMPARE((*stored)->description, QStringLiteral("Fetches URLs"));
    QVERIFY((*stored)->env.contains(QStringLiteral("sk-secret-123")));
    const auto keys = BearerKeyRepository(context).list({}, {0, 10});
    VERIFY_OK(keys);
    QCOMPARE(keys->items.size(), 1);
    QCOMPARE(keys->items.first().token, token);
    for (PendingTableEditor *editor :
         {views->usersPage()->editor(), page->editor(), views->keysPage()->editor()}) {
        QVERIFY2(editor->messageLabel()->text().contains(QStringLiteral("Apply all")),
                 qPrintable(editor->messageLabel()->text()));
    }
    // Nothing pending: Ctrl+S shows no preview.
    QVERIFY(!window.applyAllAction()->isEnabled());
    QVERIFY(!window.previewApplyAll());
}

void TestConsoleEditing::applyAllWritesNothingWhenOnePageFails()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    VERIFY_OK(ws);
    auto other = Workspace::open(backend.profile(), kOther);
    VERIFY_OK(other);
    const RepositoryContext context = ws->context();
    VERIFY_OK(UserAdministration(context).add(
        QStringLiteral("root"), PasswordHasher::hash(QStringLiteral("x"), 10).value(), true));
    ServerRecord gone;
    gone.name = QStringLiteral("gone");
    gone.type = QStringLiteral("sse");
    gone.url = QStringLiteral("http://localhost:1/sse");
    VERIFY_OK(ServerRepository(context).create(gone));

    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    // Users is written first, then Servers fails, and Bearer keys comes after.
    QVERIFY(
        views->users()->setValue(0, UserTableModel::kEmail, QStringLiteral("root@example.org")));
    QVERIFY(views->servers()->setValue(0, ServerTableModel::kDescription, QStringLiteral("x")));
    views->keys()->addKey(QStringLiteral("ci"));
    VERIFY_OK(ServerRepository(other->context()).remove(QStringLiteral("gone")));

    QVERIFY(window.previewApplyAll());
    acceptApplyAll(&window);
    // One transaction: nothing of any page was written, every edit is kept.
    QCOMPARE(window.pendingCount(), 3);
    QCOMPARE(views->users()->pendingCount(), 1);
    QCOMPARE(views->keys()->pendingCount(), 1);
    const auto root = UserRepository(context).find(QStringLiteral("root"));
    VERIFY_OK(root);
    QCOMPARE((*root)->email, QString());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM bearer_keys")), 0);
    // The page that refused is shown, saying why.
    QCOMPARE(window.currentArea(), WorkspaceAreaModel::Area::Servers);
    const QString message = views->serversPage()->editor()->messageLabel()->text();
    QVERIFY2(message.contains(QStringLiteral("gone")), qPrintable(message));
    QVERIFY(window.isWindowModified());
    // Revert all drops every page's edits.
    QVERIFY(window.revertAllAction()->isEnabled());
    window.revertAllNow();
    QCOMPARE(window.pendingCount(), 0);
    QCOMPARE(views->servers()->pendingCount(), 0);
    QVERIFY(!window.isWindowModified());
    QVERIFY(!window.revertAllAction()->isEnabled());
}

void TestConsoleEditing::windowShortcutsAreUnambiguousAndActOnThePage()
{
    const TestBackend backend(QStringLiteral("sqlite"));
    QVERIFY2(backend.available(), qPrintable(backend.error()));
    auto ws = Workspace::open(backend.profile(), kConnection);
    VERIFY_OK(ws);
    VERIFY_OK(UserAdministration(ws->context())
                  .add(QStringLiteral("root"),
                       PasswordHasher::hash(QStringLiteral("x"), 10).value(),
                       true));
    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    // Qt ignores a key that two active shortcuts share: each window-wide key is one action's,
    // and no page action (active inside its page) takes one of them.
    QHash<QString, QString> windowKeys;
    QList<QPair<QString, QString>> pageKeys;
    for (QAction *action : window.findChildren<QAction *>()) {
        for (const QKeySequence &key : action->shortcuts()) {
            const QString k = key.toString();
            if (action->shortcutContext() == Qt::WindowShortcut
                || action->shortcutContext() == Qt::ApplicationShortcut) {
                QVERIFY2(!windowKeys.contains(k),
                         qPrintable(QStringLiteral("%1: %2 and %3")
                                        .arg(k, windowKeys.value(k), action->text())));
                windowKeys.insert(k, action->text());
            } else {
                pageKeys.append({k, action->text()});
            }
        }
    }
    for (const auto &[key, text] : std::as_const(pageKeys)) {
        QVERIFY2(!windowKeys.contains(key),
                 qPrintable(QStringLiteral("%1: %2 and %3").arg(key, windowKeys.value(key), text)));
    }
    QVERIFY(windowKeys.contains(QStringLiteral("Ctrl+S")));
    QVERIFY(windowKeys.contains(QStringLiteral("Ctrl+Z")));
    QVERIFY(windowKeys.contains(QStringLiteral("Ctrl+F")));

    // Edit ▸ Undo (Ctrl+Z) in the table undoes the page's pending edit; Redo brings it back.
    PendingTableEditor *editor = views->usersPage()->editor();
    QVERIFY(views->users()->setValue(0, UserTableModel::kEmail, QStringLiteral("a@example.org")));
    editor->view()->setFocus();
    QTest::keyClick(editor->view(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(views->users()->value(0, UserTableModel::kEmail).toString(), QString());
    QTest::keyClick(editor->view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(views->users()->value(0, UserTableModel::kEmail).toString(),
             QStringLiteral("a@example.org"));
    // Edit ▸ Copy (Ctrl+C) copies the selected cells with their headers.
    editor->view()->setCurrentIndex(cell(editor, 0, UserTableModel::kUsername));
    QTest::keyClick(editor->view(), Qt::Key_C, Qt::ControlModifier);
    QVERIFY2(QApplication::clipboard()->text().contains(QStringLiteral("root")),
             qPrintable(QApplication::clipboard()->text()));
    // Find (Ctrl+F) goes to the page's search box.
    QTest::keyClick(editor->view(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(editor->searchBox()->hasFocus());

    // Help ▸ Keyboard shortcuts lists what the actions have, the pages' own included.
    auto *shortcuts = qobject_cast<ShortcutsDialog *>(window.showShortcuts());
    QVERIFY(shortcuts);
    const QString listed = shortcuts->text();
    for (const QString &line : {QStringLiteral("Apply all…\tCtrl+S\tEdit"),
                                QStringLiteral("Undo\tCtrl+Z\tEdit"),
                                QStringLiteral("Find…\tCtrl+F\tEdit"),
                                QStringLiteral("Help for this page\tF1\tHelp"),
                                QStringLiteral("Add\tCtrl+N\tTable pages")}) {
        QVERIFY2(listed.contains(line),
                 qPrintable(QStringLiteral("%1 not in:\n%2").arg(line, listed)));
    }
    QCOMPARE(shortcuts->table()->rowCount(),
             int(ShortcutsDialog::actionsWithShortcuts(&window).size()));
    shortcuts->close();

    // F1: the current page's help.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    editor->view()->setFocus();
    QTest::keyClick(editor->view(), Qt::Key_F1);
    QMessageBox *help = nullptr;
    QTRY_VERIFY((help = window.findChild<QMessageBox *>(QStringLiteral("pageHelpDialog"))));
    QVERIFY2(help->informativeText().contains(
                 WorkspaceAreaModel::description(WorkspaceAreaModel::Area::Users)),
             qPrintable(help->informativeText()));
    help->close();
}

QTEST_MAIN(TestConsoleEditing)
#include "tst_consoleediting.moc"
