// A settings file as the console's workspace, offscreen: a user added through the widgets
// and applied reaches the file (valid, MCPHub's format, bcrypt hash, everything else
// unchanged) with a backup; a conflict keeps the edit pending; Backups lists and restores;
// screenshots of the Users and Backups areas of a file workspace in English and Chinese,
// written by the real mcphub-admin into build/tests/screenshots.

#include "models/recordtablemodel.h"
#include "models/servertablemodel.h"
#include "models/systemconfigtablemodel.h"
#include "models/usertablemodel.h"
#include "storage/db/useradministration.h"
#include "storage/db/workspace.h"
#include "storage/migration/migrator.h"
#include "storage/migration/settingsfileworkspace.h"
#include "storage/passwordhasher.h"
#include "storage/secretstore.h"
#include "storage/settings/mcphubjsonwriter.h"
#include "storage/settings/settingsbackups.h"
#include "tests/support/editordriver.h"
#include "tests/support/testenv.h"
#include "ui/backups/backupspage.h"
#include "ui/config/systemconfigpage.h"
#include "ui/main/areapage.h"
#include "ui/main/mainwindow.h"
#include "ui/main/workspacesession.h"
#include "ui/main/workspaceswitcher.h"
#include "ui/main/workspaceviews.h"
#include "ui/records/recordspage.h"
#include "ui/servers/serverjsondialog.h"
#include "ui/servers/serverspage.h"
#include "ui/users/passworddialog.h"
#include "ui/users/userspage.h"
#include "ui/widgets/pendingtableeditor.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
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
    void systemConfigPageEditsEnableBearerAuth();
    void rawServerJsonEditsBecomePendingAndApply();
    void migratedSystemConfigAndOauthClientsAreVisible();
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

namespace {

QString copyLegacyFixture(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("mcp_settings.json"));
    QFile::copy(fixturesDir() + QStringLiteral("/upstream/mcp_settings.legacy-2025-11-21.json"),
                path);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return path;
}

} // namespace

// issue 15: the System config page edits routing.enableBearerAuth of a settings file and the
// saved file has it; nothing else in the file changes.
void TestFileWorkspaceGui::systemConfigPageEditsEnableBearerAuth()
{
    QTemporaryDir dir;
    const QString path = copyLegacyFixture(dir);
    const QByteArray before = test::readFile(path);
    const OrderedJson original = parse(before);
    QVERIFY(original["systemConfig"]["routing"]["enableBearerAuth"].get<bool>());
    const SecretStore secrets;
    MainWindow window;
    WorkspaceSwitcher switcher(&window, secrets, false);
    const auto opened = switcher.openSettingsFile(path);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    WorkspaceViews *views = switcher.session()->views();
    QVERIFY(views);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    SystemConfigTableModel *config = views->systemConfig();
    SystemConfigPage *page = views->systemConfigPage();
    QVERIFY(config && page);
    // Every key of the file's systemConfig has its row.
    for (const char *key : {"routing", "install", "smartRouting", "mcpRouter", "oauthServer"})
        QVERIFY2(config->rowOfConfigKey(QLatin1String(key)) >= 0, key);
    // MCPHub's other keys are offered to add (the box also takes any name).
    for (const char *key : {"nameSeparator", "enableSessionRebuild", "toolResultCompression"})
        QVERIFY2(page->newKeyBox()->findText(QLatin1String(key)) >= 0, key);

    // Select routing, turn enableBearerAuth off by typing in the JSON, Apply.
    page->editor()->selectRow(config->rowOfConfigKey(QStringLiteral("routing")));
    QPlainTextEdit *text = page->valueEditor();
    QVERIFY(!text->isReadOnly());
    const QString shown = text->toPlainText();
    QVERIFY2(shown.contains(QLatin1String("\"enableBearerAuth\": true")), qPrintable(shown));
    text->setFocus();
    QTextCursor cursor = text->document()->find(QStringLiteral("\"enableBearerAuth\": true"));
    QVERIFY(!cursor.isNull());
    const int end = cursor.selectionEnd();
    cursor.setPosition(end - 4); // select "true"
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    text->setTextCursor(cursor);
    QTest::keyClicks(text, QStringLiteral("false"));
    QCOMPARE(config->pendingCount(), 1);
    clickAction(page->editor(), page->editor()->applyAction());
    QVERIFY2(config->pendingCount() == 0, qPrintable(page->editor()->messageLabel()->text()));

    const OrderedJson saved = parse(test::readFile(path));
    QVERIFY(!saved.is_discarded());
    QVERIFY(saved["systemConfig"]["routing"]["enableBearerAuth"] == OrderedJson(false));
    OrderedJson expected = original;
    expected["systemConfig"]["routing"]["enableBearerAuth"] = false;
    QVERIFY(saved == expected); // the rest as it was, in its order
    QVERIFY(test::readFile(path).contains("\"enableBearerAuth\": false,\n"));
}

// issue 15: a server's raw JSON is its entry as MCPHub's file holds it, read-only until Edit;
// bad JSON is refused with line:column, a schema error with its JSON pointer; a good edit is
// a pending edit of the row that Apply writes to the file.
void TestFileWorkspaceGui::rawServerJsonEditsBecomePendingAndApply()
{
    QTemporaryDir dir;
    const QString path = copyFixture(dir);
    const QByteArray before = test::readFile(path);
    const OrderedJson original = parse(before);
    const SecretStore secrets;
    MainWindow window;
    WorkspaceSwitcher switcher(&window, secrets, false);
    const auto opened = switcher.openSettingsFile(path);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    WorkspaceViews *views = switcher.session()->views();
    ServersPage *page = views->serversPage();
    ServerTableModel *servers = views->servers();
    QVERIFY(page && servers);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    int fetch = -1;
    for (int r = 0; r < servers->rowCount(); ++r) {
        if (servers->value(r, ServerTableModel::kName).toString() == QLatin1String("fetch"))
            fetch = r;
    }
    QVERIFY(fetch >= 0);
    page->editor()->selectRow(fetch);
    QVERIFY(page->rawJsonAction()->isEnabled());
    page->rawJsonAction()->trigger();
    auto *dialog = page->findChild<ServerJsonDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    // Exactly what MCPHub's writer makes of the file's entry; read-only.
    QCOMPARE(dialog->textEdit()->toPlainText(),
             QString::fromUtf8(McpHubJsonWriter::write(original["mcpServers"]["fetch"])));
    QVERIFY(dialog->textEdit()->isReadOnly());
    QVERIFY(!dialog->applyButton()->isEnabled());
    QTest::mouseClick(dialog->editButton(), Qt::LeftButton);
    QVERIFY(!dialog->textEdit()->isReadOnly());

    // A syntax error: refused with its line and column, the dialog stays, nothing pending.
    dialog->textEdit()->setPlainText(
        QStringLiteral("{\n  \"command\": \"uvx\",\n  \"args\": [\n}"));
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->problemLabel()->text().contains(QLatin1String(":4:1")),
             qPrintable(dialog->problemLabel()->text()));
    QCOMPARE(dialog->textEdit()->textCursor().blockNumber(), 3);
    QCOMPARE(servers->pendingCount(), 0);
    {
        // Looked at: the dialog with the refused text and the place it names.
        const QString folder
            = QDir(testBinDir()).absoluteFilePath(QStringLiteral("../screenshots"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(dialog->grab().save(folder + QStringLiteral("/server-raw-json-en.png")));
    }
    // MCPHub's checks: a command that is not a string, named by its JSON pointer.
    dialog->textEdit()->setPlainText(QStringLiteral("{\n  \"command\": 5\n}"));
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    QVERIFY2(dialog->problemLabel()->text().startsWith(QLatin1String("/mcpServers/fetch/command")),
             qPrintable(dialog->problemLabel()->text()));
    QCOMPARE(servers->pendingCount(), 0);
    // A part the page has no field for is refused rather than lost.
    dialog->textEdit()->setPlainText(QStringLiteral(
        "{\n  \"command\": \"uvx\",\n  \"args\": [\"mcp-server-fetch\"],\n  \"options\": "
        "{\"timeout\": 5}\n}"));
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    QVERIFY2(dialog->problemLabel()->text().startsWith(QLatin1String("/mcpServers/fetch/options")),
             qPrintable(dialog->problemLabel()->text()));
    QCOMPARE(servers->pendingCount(), 0);

    // A good edit: the row shows it pending; the dialog closes.
    dialog->textEdit()->setPlainText(
        QStringLiteral("{\n  \"command\": \"uvx\",\n  \"args\": [\n    \"mcp-server-fetch\",\n    "
                       "\"--ignore-robots-txt\"\n  ],\n  \"description\": \"Fetch pages\"\n}"));
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    QTRY_VERIFY(!page->findChild<ServerJsonDialog *>()); // closed and deleted
    QCOMPARE(servers->pendingCount(), 1);
    QCOMPARE(servers->rowState(fetch), PendingRow::State::Modified);
    QCOMPARE(
        servers->value(fetch, ServerTableModel::kArgs).toStringList(),
        (QStringList{QStringLiteral("mcp-server-fetch"), QStringLiteral("--ignore-robots-txt")}));
    QCOMPARE(servers->value(fetch, ServerTableModel::kDescription).toString(),
             QStringLiteral("Fetch pages"));
    QCOMPARE(test::readFile(path), before); // pending, not written
    // The raw view shows the pending edit.
    page->rawJsonAction()->trigger();
    dialog = page->findChild<ServerJsonDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->textEdit()->toPlainText().contains(QLatin1String("--ignore-robots-txt")));
    dialog->reject();

    clickAction(page->editor(), page->editor()->applyAction());
    QCOMPARE(servers->pendingCount(), 0);
    const OrderedJson saved = parse(test::readFile(path));
    OrderedJson expected = original;
    expected["mcpServers"]["fetch"]["args"].push_back("--ignore-robots-txt");
    expected["mcpServers"]["fetch"]["description"] = "Fetch pages";
    QVERIFY2(saved["mcpServers"]["fetch"] == expected["mcpServers"]["fetch"],
             saved["mcpServers"]["fetch"].dump().c_str());
    QVERIFY(saved == expected);
}

// issue 15: after a settings file is migrated into a database, its systemConfig and
// oauthClients are there to see (System config; Clients & content).
void TestFileWorkspaceGui::migratedSystemConfigAndOauthClientsAreVisible()
{
    QTemporaryDir dir;
    const QString source = copyLegacyFixture(dir);
    const OrderedJson file = parse(test::readFile(source));
    auto ws = Workspace::open(ConnectionProfile::sqliteFile(dir.filePath(QStringLiteral("w.db"))),
                              QStringLiteral("tst_fileworkspacegui_migrated"));
    VERIFY_OK(ws);
    MigrationOptions options;
    options.sourcePath = source;
    options.backupDir = dir.path();
    const MigrationReport report = Migrator(ws->context(QStringLiteral("tester")), options).run();
    QVERIFY2(report.ok(), qPrintable(report.error ? report.error->toString() : QString()));

    {
        MainWindow window;
        auto *views = new WorkspaceViews(*ws, &window);
        QVERIFY2(views->loadErrors().isEmpty(), qPrintable(views->loadErrors().join(u'\n')));
        SystemConfigTableModel *config = views->systemConfig();
        QVERIFY(config);
        const OrderedJson &systemConfig = file["systemConfig"];
        QCOMPARE(config->rowCount(), int(systemConfig.size()));
        for (auto it = systemConfig.begin(); it != systemConfig.end(); ++it) {
            const QString key = QString::fromStdString(it.key());
            const int row = config->rowOfConfigKey(key);
            QVERIFY2(row >= 0, qPrintable(key));
            const OrderedJson shown
                = parse(config->value(row, SystemConfigTableModel::kValue).toString().toUtf8());
            QVERIFY2(shown == it.value(), qPrintable(key));
        }
        RecordTableModel *clients = views->recordsPage()->model(QStringLiteral("oauthClients"));
        QVERIFY(clients);
        QCOMPARE(clients->rowCount(), int(file["oauthClients"].size()));
        QStringList ids;
        for (int r = 0; r < clients->rowCount(); ++r)
            ids << clients->value(r, clients->entity().keyField).toString();
        for (const OrderedJson &client : file["oauthClients"])
            QVERIFY2(ids.contains(QString::fromStdString(client["clientId"].get<std::string>())),
                     qPrintable(ids.join(u',')));
        // The areas are there to open.
        window.showArea(WorkspaceAreaModel::Area::Records);
        QVERIFY(window.page(WorkspaceAreaModel::Area::Records)->isVisibleTo(&window));
    }
    ws->close();
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
