// The console's group and key editors through their widgets on SQLite and PostgreSQL, the
// read-only workspace, Copy with headers, and the question on closing with pending edits.

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
#include "ui/main/aboutdialog.h"
#include "ui/main/mainwindow.h"
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
#include <QDir>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

using namespace mcphub;
using namespace mcphub::test;

namespace {

const QString kConnection = QStringLiteral("tst_consolepages");
const QString kOther = QStringLiteral("tst_consolepages_other");

} // namespace

class TestConsolePages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aboutNamesVersionsAndPlaces();
    void cleanup()
    {
        closeSqlConnection(kConnection);
        closeSqlConnection(kOther);
    }

    void groupsAndKeysThroughWidgets_data() { MCPHUB_BACKEND_ROWS(); }
    void groupsAndKeysThroughWidgets();
    void readOnlyWorkspaceDisablesEditing();
    void copyWithHeaders();
    void closingWithPendingChangesAsks();
};

void TestConsolePages::groupsAndKeysThroughWidgets()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    VERIFY_OK(ws);
    const RepositoryContext context = ws->context();
    for (const QString &name : {QStringLiteral("fetch"), QStringLiteral("time")}) {
        ServerRecord s;
        s.name = name;
        s.type = QStringLiteral("stdio");
        s.command = QStringLiteral("uvx");
        VERIFY_OK(ServerRepository(context).create(s));
    }
    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    QAbstractItemModelTester groupTester(views->groups());
    QAbstractItemModelTester keyTester(views->keys());
    window.showArea(WorkspaceAreaModel::Area::Groups);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    // A group: add, name it in the table, check a server, limit its tools, apply.
    GroupsPage *groups = views->groupsPage();
    PendingTableEditor *groupEditor = groups->editor();
    clickAction(groupEditor, groupEditor->addAction());
    QVERIFY(!views->groups()->problems(0).value(GroupTableModel::kName).isEmpty());
    typeInCell(
        groupEditor, cell(groupEditor, 0, GroupTableModel::kName), QStringLiteral("research"));
    QCOMPARE(groups->memberList()->count(), 2);
    QListWidgetItem *fetchItem = groups->memberList()->item(0);
    QCOMPARE(fetchItem->text(), QStringLiteral("fetch"));
    groups->memberList()->setCurrentItem(fetchItem);
    fetchItem->setCheckState(Qt::Checked);
    QVERIFY(groups->toolsEdit()->isEnabled());
    QTest::keyClicks(groups->toolsEdit(), QStringLiteral("fetch, fetch_html"));
    groupEditor->view()->setFocus();
    QTest::keyClick(groupEditor->view(), Qt::Key_S, Qt::ControlModifier);
    acceptApplyAll(&window); // Ctrl+S is Apply all, after its preview
    QCOMPARE(views->groups()->pendingCount(), 0);
    const auto stored = GroupRepository(context).list({}, {0, 10});
    VERIFY_OK(stored);
    QCOMPARE(stored->items.size(), 1);
    QCOMPARE(stored->items.first().name, QStringLiteral("research"));
    QCOMPARE(stored->items.first().servers,
             QStringLiteral("[{\"name\":\"fetch\",\"tools\":[\"fetch\",\"fetch_html\"]}]"));

    // A key: added with a generated token that the table masks; group access needs groups.
    window.showArea(WorkspaceAreaModel::Area::BearerKeys);
    KeysPage *keys = views->keysPage();
    PendingTableEditor *keyEditor = keys->editor();
    clickAction(keyEditor, keyEditor->addAction());
    BearerKeyTableModel *keyModel = views->keys();
    // The new key's name cell is open for typing, as a new user's is.
    auto *nameEditor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(nameEditor && keyEditor->view()->viewport()->isAncestorOf(nameEditor));
    QCOMPARE(keyEditor->proxy()->mapToSource(keyEditor->view()->currentIndex()).column(),
             keyModel->fieldIndex(BearerKeyTableModel::kName));
    const QString token = keyModel->value(0, BearerKeyTableModel::kToken).toString();
    // MCPHub's own format: "mcphub_" and 32 random bytes as lowercase hex.
    QVERIFY2(QRegularExpression(QStringLiteral("^mcphub_[0-9a-f]{64}$")).match(token).hasMatch(),
             qPrintable(token));
    QVERIFY(token != BearerKeyTableModel::generateToken());
    QVERIFY(!keyModel->index(0, keyModel->fieldIndex(BearerKeyTableModel::kToken))
                 .data()
                 .toString()
                 .contains(token));
    QVERIFY(!keys->tokenEdit()->isRevealed());
    QTest::mouseClick(keys->generateButton(), Qt::LeftButton);
    const QString regenerated = keyModel->value(0, BearerKeyTableModel::kToken).toString();
    QVERIFY(regenerated != token);
    keys->tokenEdit()->copyAction()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), regenerated);
    typeInCell(keyEditor, cell(keyEditor, 0, BearerKeyTableModel::kName), QStringLiteral("ci"));
    typeInCell(
        keyEditor, cell(keyEditor, 0, BearerKeyTableModel::kAccessType), QStringLiteral("groups"));
    QVERIFY(!keyModel->problems(0).value(BearerKeyTableModel::kAllowedGroups).isEmpty());
    QVERIFY(!keyModel->apply().ok());
    QCOMPARE(keyModel->pendingCount(), 1);
    auto *groupsEdit = keys->findChildren<QLineEdit *>().value(0);
    for (QLineEdit *edit : keys->findChildren<QLineEdit *>()) {
        if (edit->placeholderText().contains(QStringLiteral("group")))
            groupsEdit = edit;
    }
    QTest::keyClicks(groupsEdit, QStringLiteral("research"));
    QVERIFY(keyModel->problems(0).isEmpty());
    QVERIFY(keyEditor->applyChanges());
    const auto storedKeys = BearerKeyRepository(context).list({}, {0, 10});
    VERIFY_OK(storedKeys);
    QCOMPARE(storedKeys->items.size(), 1);
    QCOMPARE(storedKeys->items.first().token, regenerated);
    QCOMPARE(storedKeys->items.first().accessType, QStringLiteral("groups"));
    QCOMPARE(storedKeys->items.first().allowedGroups, QStringLiteral("[\"research\"]"));
    const auto audit = AuditLogRepository(context).list({}, {0, 100});
    for (const AuditEntry &e : audit->items)
        QVERIFY(!QJsonDocument(e.details).toJson().contains(regenerated.toUtf8()));
    QVERIFY(auditActions(context).join(QLatin1Char(',')).contains(QStringLiteral("group.create")));
}

void TestConsolePages::readOnlyWorkspaceDisablesEditing()
{
    mcphub::test::TestBackend backend(QStringLiteral("sqlite"));
    {
        auto ws = Workspace::open(backend.profile(), kConnection);
        VERIFY_OK(ws);
        VERIFY_OK(UserAdministration(ws->context())
                      .add(QStringLiteral("root"),
                           PasswordHasher::hash(QStringLiteral("x"), 10).value(),
                           true));
        ws->close();
    }
    ConnectionProfile profile = backend.profile();
    profile.readOnly = true;
    auto ws = Workspace::open(profile, kConnection);
    VERIFY_OK(ws);
    QVERIFY(ws->readOnly());
    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    PendingTableEditor *editor = views->usersPage()->editor();
    editor->selectRow(0);
    for (QAction *action : {editor->addAction(),
                            editor->deleteAction(),
                            editor->applyAction(),
                            editor->revertAllAction(),
                            views->usersPage()->setPasswordAction()})
        QVERIFY2(!action->isEnabled(), qPrintable(action->text()));
    QVERIFY(!(views->users()->flags(views->users()->index(0, 1)) & Qt::ItemIsUserCheckable));
    QVERIFY(views->users()->addUser(QStringLiteral("x")) < 0);
    const QList<QLabel *> labels = editor->findChildren<QLabel *>();
    bool banner = false;
    for (const QLabel *label : labels)
        banner
            = banner || (label->isVisible() && label->text().contains(QStringLiteral("read-only")));
    QVERIFY(banner);
}

void TestConsolePages::copyWithHeaders()
{
    mcphub::test::TestBackend backend(QStringLiteral("sqlite"));
    auto ws = Workspace::open(backend.profile(), kConnection);
    VERIFY_OK(ws);
    VERIFY_OK(UserAdministration(ws->context())
                  .add(QStringLiteral("root"),
                       PasswordHasher::hash(QStringLiteral("x"), 10).value(),
                       true));
    UserTableModel users(ws->context());
    VERIFY_OK(users.reload());
    PendingTableEditor editor(&users, {});
    editor.view()->selectAll();
    const QString copied = editor.copySelection();
    QVERIFY2(copied.startsWith(QStringLiteral("Username\tAdmin\tStatus")), qPrintable(copied));
    QVERIFY2(copied.contains(QStringLiteral("root\ttrue\tactive")), qPrintable(copied));
    QVERIFY(!copied.contains(QStringLiteral("$2")));
    editor.searchBox()->setText(QStringLiteral("nobody"));
    QCOMPARE(editor.proxy()->rowCount(), 0);
}

void TestConsolePages::closingWithPendingChangesAsks()
{
    mcphub::test::TestBackend backend(QStringLiteral("sqlite"));
    auto ws = Workspace::open(backend.profile(), kConnection);
    VERIFY_OK(ws);
    VERIFY_OK(UserAdministration(ws->context())
                  .add(QStringLiteral("root"),
                       PasswordHasher::hash(QStringLiteral("x"), 10).value(),
                       true));
    MainWindow window;
    auto *views = new WorkspaceViews(*ws, &window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(views->users()->setValue(0, UserTableModel::kEmail, QStringLiteral("r@example.org")));
    QCOMPARE(window.pendingCount(), 1);
    const QList<QLabel *> labels = window.findChildren<QLabel *>();
    bool counted = false;
    for (const QLabel *label : labels)
        counted = counted || label->text() == QStringLiteral("1 pending change(s)");
    QVERIFY(counted);

    // The question comes up; Cancel keeps the window and the edit.
    const auto answer = [](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, [button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (box)
                box->button(button)->click();
        });
    };
    answer(QMessageBox::Cancel);
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());
    QCOMPARE(window.pendingCount(), 1);
    // Apply writes the edit, then the window closes.
    answer(QMessageBox::Apply);
    QVERIFY(window.close());
    const auto root = UserRepository(ws->context()).find(QStringLiteral("root"));
    VERIFY_OK(root);
    QCOMPARE((*root)->email, QStringLiteral("r@example.org"));
}

// Help ▸ About: what a bug report needs, copied as text.
void TestConsolePages::aboutNamesVersionsAndPlaces()
{
    AboutDialog about({QStringLiteral("/data/mcphub-admin.db"), QStringLiteral("mcphub-admin")});
    const QString text = about.text();
    QVERIFY2(text.contains(QString::fromLatin1(qVersion())), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("QSQLITE")) && text.contains(QLatin1String("QPSQL")),
             qPrintable(text));
    QVERIFY2(QRegularExpression(QStringLiteral("SQLite 3\\.\\d+")).match(text).hasMatch()
                 && QRegularExpression(QStringLiteral("libpq \\d+\\.\\d+")).match(text).hasMatch(),
             qPrintable(text));
    QVERIFY2(text.contains(QDir::toNativeSeparators(QSettings().fileName())), qPrintable(text));
    QVERIFY2(text.contains(QDir::toNativeSeparators(QStringLiteral("/data/mcphub-admin.db")))
                 && text.contains(QLatin1String("mcphub-admin"))
                 && text.contains(QLatin1String("Apache")),
             qPrintable(text));
    const auto buttons = about.findChildren<QPushButton *>();
    const auto copy = std::find_if(buttons.begin(), buttons.end(), [](QPushButton *b) {
        return b->text() == AboutDialog::tr("&Copy");
    });
    QVERIFY(copy != buttons.end());
    (*copy)->click();
    QCOMPARE(QApplication::clipboard()->text(), text);
}

QTEST_MAIN(TestConsolePages)
#include "tst_consolepages.moc"
