// A settings file as the console's workspace, offscreen: a user added through the widgets
// and applied reaches the file (valid, MCPHub's format, bcrypt hash, everything else
// unchanged) with a backup; a conflict keeps the edit pending; Backups lists and restores;
// screenshots of the Users and Backups areas of a file workspace in English and Chinese,
// written by the real mcphub-admin into build/tests/screenshots.

#include "models/usertablemodel.h"
#include "storage/db/useradministration.h"
#include "storage/migration/settingsfileworkspace.h"
#include "storage/passwordhasher.h"
#include "storage/secretstore.h"
#include "storage/settings/settingsbackups.h"
#include "tests/support/editordriver.h"
#include "tests/support/testenv.h"
#include "ui/backups/backupspage.h"
#include "ui/main/mainwindow.h"
#include "ui/main/workspacesession.h"
#include "ui/main/workspaceswitcher.h"
#include "ui/main/workspaceviews.h"
#include "ui/users/passworddialog.h"
#include "ui/users/userspage.h"
#include "ui/widgets/pendingtableeditor.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

#include <nlohmann/json.hpp>

using namespace mcphub;
using namespace mcphub::test;
using OrderedJson = nlohmann::ordered_json;

namespace {

OrderedJson parse(const QByteArray &text)
{
    return OrderedJson::parse(text.constData(), text.constData() + text.size(), nullptr, false);
}

QString copyFixture(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("mcp_settings.json"));
    QFile::copy(fixturesDir() + QStringLiteral("/upstream/mcp_settings.default.json"), path);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return path;
}

// Adds `name` with `password` through the Users page's widgets (Add, type the name, Set
// password dialog), leaving it pending.
void addUserThroughWidgets(WorkspaceViews *views, const QString &name, const QString &password)
{
    PendingTableEditor *editor = views->usersPage()->editor();
    UserTableModel *model = views->users();
    const int row = model->rowCount();
    clickAction(editor, editor->addAction());
    auto *nameEditor = editor->view()->viewport()->findChild<QLineEdit *>();
    QVERIFY(nameEditor && nameEditor->isVisible());
    QTest::keyClicks(nameEditor, name);
    QTest::keyClick(nameEditor, Qt::Key_Return);
    QCoreApplication::processEvents();
    QCOMPARE(model->rowCount(), row + 1);
    editor->selectRow(row);
    auto *setPassword = qobject_cast<QToolButton *>(
        editor->toolBar()->widgetForAction(views->usersPage()->setPasswordAction()));
    QTest::mouseClick(setPassword, Qt::LeftButton);
    auto *dialog = views->usersPage()->findChild<PasswordDialog *>();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->passwordEdit(), password);
    QTest::keyClicks(dialog->repeatEdit(), password);
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(model->hasPendingPassword(row));
}

} // namespace

class TestFileWorkspaceGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addUserAppliesToFile();
    void backupsRestore();
    void screenshots();
};

void TestFileWorkspaceGui::addUserAppliesToFile()
{
    QTemporaryDir dir;
    const QString path = copyFixture(dir);
    const QByteArray before = test::readFile(path);
    const SecretStore secrets;
    MainWindow window;
    WorkspaceSwitcher switcher(&window, secrets, false);
    const auto opened = switcher.openSettingsFile(path);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    WorkspaceViews *views = switcher.session()->views();
    QVERIFY(views);
    QVERIFY(switcher.session()->backupsPage());
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QCOMPARE(views->users()->rowCount(), 1);
    QCOMPARE(test::readFile(path), before); // opening writes nothing

    addUserThroughWidgets(views, QStringLiteral("alice"), QStringLiteral("Al1ce!pass"));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    PendingTableEditor *editor = views->usersPage()->editor();
    clickAction(editor, editor->applyAction());
    QCOMPARE(views->users()->pendingCount(), 0);

    const QByteArray after = test::readFile(path);
    OrderedJson document = parse(after);
    QVERIFY(!document.is_discarded());
    QCOMPARE(document["users"].size(), size_t(2));
    const OrderedJson &alice = document["users"][1];
    QCOMPARE(alice["username"].get<std::string>(), std::string("alice"));
    const QString hash = QString::fromStdString(alice["password"].get<std::string>());
    QVERIFY2(hash.startsWith(QLatin1String("$2b$")), qPrintable(hash));
    QVERIFY(PasswordHasher::verify(QStringLiteral("Al1ce!pass"), hash));
    document["users"].erase(1);
    QVERIFY(document == parse(before)); // everything else unchanged, in order
    QVERIFY(after.startsWith(before.left(before.indexOf("\"users\"")))); // lines before it too
    const QStringList backups = SettingsBackups::paths(path);
    QCOMPARE(backups.size(), 1);
    QCOMPARE(test::readFile(backups.first()), before);

    // MCPHub rewrites the file: the next Apply is refused, says so, and stays pending.
    QByteArray hubBytes = after;
    hubBytes.replace("\"isAdmin\": true", "\"isAdmin\": true ");
    QTest::qWait(20);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(hubBytes);
    }
    addUserThroughWidgets(views, QStringLiteral("bob"), QStringLiteral("B0b!passw"));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    clickAction(editor, editor->applyAction());
    QVERIFY2(editor->messageLabel()->text().contains(QStringLiteral("Reload")),
             qPrintable(editor->messageLabel()->text()));
    QCOMPARE(views->users()->pendingCount(), 1);
    QCOMPARE(test::readFile(path), hubBytes);

    // File ▸ Reload: asks to drop the pending edit, then shows the file as MCPHub left it.
    bool asked = false;
    QTimer::singleShot(0, this, [&asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        asked = true;
        box->button(QMessageBox::Discard)->click();
    });
    const auto reloaded = switcher.reload();
    QVERIFY2(reloaded.ok(), qPrintable(reloaded.ok() ? QString() : reloaded.error().toString()));
    QVERIFY(asked);
    views = switcher.session()->views();
    QCOMPARE(views->users()->rowCount(), 2); // admin and alice, no bob
    QCOMPARE(views->users()->pendingCount(), 0);
    QCOMPARE(test::readFile(path), hubBytes); // reloading writes nothing
}

void TestFileWorkspaceGui::backupsRestore()
{
    QTemporaryDir dir;
    const QString path = copyFixture(dir);
    const QByteArray original = test::readFile(path);
    const SecretStore secrets;
    MainWindow window;
    WorkspaceSwitcher switcher(&window, secrets, false);
    QVERIFY(switcher.openSettingsFile(path).ok());
    const RepositoryContext context = switcher.session()->settingsFile()->context();
    const QString hash = PasswordHasher::hash(QStringLiteral("x"), 10).value();
    QVERIFY(UserAdministration(context).add(QStringLiteral("carol"), hash, false).ok());
    const QByteArray withCarol = test::readFile(path);
    QVERIFY(withCarol != original);

    BackupsPage *page = switcher.session()->backupsPage();
    // Opening the page lists the backup the save just made, without Refresh.
    QCOMPARE(page->model()->rowCount(), 0);
    window.show();
    window.showArea(WorkspaceAreaModel::Area::Backups);
    QTRY_COMPARE(page->model()->rowCount(), 1);
    QCOMPARE(page->model()->item(0, 3)->text(), QStringLiteral("1")); // users in the backup
    QVERIFY(!page->restoreButton()->isEnabled());
    page->view()->selectRow(0);
    QVERIFY(page->restoreButton()->isEnabled());

    // Restore is a save: the content with carol becomes a backup; the workspace reopens.
    WorkspaceSession *before = switcher.session();
    QVERIFY(page->restoreRow(0));
    QCOMPARE(test::readFile(path), original);
    QVERIFY(switcher.session() != before);
    QCOMPARE(switcher.session()->views()->users()->rowCount(), 1);
    const QStringList backups = SettingsBackups::paths(path);
    QCOMPARE(backups.size(), 2);
    QCOMPARE(test::readFile(backups.last()), withCarol);
    QVERIFY(switcher.recent().contains(QFileInfo(path).absoluteFilePath()));
}

void TestFileWorkspaceGui::screenshots()
{
    QTemporaryDir dir;
    const QString path = copyFixture(dir);
    {
        // Two saves, so that Backups has something to list.
        auto ws = SettingsFileWorkspace::open(path, QStringLiteral("seed"));
        QVERIFY(ws.ok());
        const QString hash = PasswordHasher::hash(QStringLiteral("x"), 10).value();
        UserAdministration users((*ws)->context());
        QVERIFY(users.add(QStringLiteral("alice"), hash, false).ok());
        QTest::qWait(5); // distinct backup names
        QVERIFY(users.add(QStringLiteral("bob"), hash, true).ok());
    }
    const QByteArray before = test::readFile(path);
    const QString out = QDir(QCoreApplication::applicationDirPath())
                            .absoluteFilePath(QStringLiteral("../screenshots"));
    QVERIFY(QDir().mkpath(out));
    QSet<QByteArray> seen;
    for (const QString &lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        for (const QString &tab : {QStringLiteral("users"), QStringLiteral("backups")}) {
            const QString file
                = QDir(out).filePath(QStringLiteral("file-%1-%2.png").arg(tab, lang));
            QFile::remove(file);
            QProcess process;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("HOME"), dir.path());
            env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
            process.setProcessEnvironment(env);
            QStringList args{QStringLiteral("--screenshot"),
                             file,
                             QStringLiteral("--workspace"),
                             path,
                             QStringLiteral("--tab"),
                             tab};
            if (lang != QLatin1String("en"))
                args << QStringLiteral("--lang") << lang;
            process.start(binDir() + QStringLiteral("/mcphub-admin"), args);
            QVERIFY(process.waitForFinished(60000));
            QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
            const QImage image(file);
            QVERIFY2(!image.isNull(), qPrintable(file));
            QVERIFY(image.width() >= 800 && image.height() >= 500);
            const QByteArray digest
                = QCryptographicHash::hash(test::readFile(file), QCryptographicHash::Sha256);
            QVERIFY2(!seen.contains(digest), qPrintable(file + QStringLiteral(" repeats")));
            seen.insert(digest);
        }
    }
    QCOMPARE(test::readFile(path), before); // looking writes nothing
}

QTEST_MAIN(TestFileWorkspaceGui)
#include "tst_fileworkspacegui.moc"
