// Desktop conventions of the console (issue 15, "connections" part): File ▸ New SQLite
// database…, Edit ▸ Preferences… (each preference persists and takes effect), File ▸ Recent
// with kind and full path, the Set-password warning never clipped (English and Chinese), the
// detail form filled after Apply and Revert, and an Apply error that goes once it is fixed.
// Offscreen, on real SQLite files, with a private configuration folder.

#include "app/common/appsetup.h"
#include "models/servertablemodel.h"
#include "models/usertablemodel.h"
#include "storage/db/profilestore.h"
#include "storage/db/serverrepository.h"
#include "storage/migration/settingsfilebinding.h"
#include "storage/secretstore.h"
#include "tests/support/hubemulator.h"
#include "tests/support/testenv.h"
#include "ui/backups/backupspage.h"
#include "ui/hubs/hubdialog.h"
#include "ui/main/connectionsdialog.h"
#include "ui/main/consolepreferences.h"
#include "ui/main/mainwindow.h"
#include "ui/main/preferencesdialog.h"
#include "ui/main/workspacesession.h"
#include "ui/main/workspaceswitcher.h"
#include "ui/main/workspaceviews.h"
#include "ui/servers/serverdetailpanel.h"
#include "ui/servers/serverspage.h"
#include "ui/users/passworddialog.h"
#include "ui/users/userspage.h"
#include "ui/widgets/pendingtableeditor.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QUndoStack>

using namespace mcphub;

class TestConsoleConventionsGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void newSqliteDatabaseCreatesAUsableWorkspace();
    void newSqliteDatabaseRefusesANonEmptyFileUnlessConfirmed();
    void preferencesPersistAndTakeEffect();
    void reopenLastWorkspaceOpensItAndItsAreaInANewWindow();
    void recentMenuShowsKindAndFullPath();
    void setPasswordWarningIsNotClipped_data();
    void setPasswordWarningIsNotClipped();
    void detailFormIsFilledAfterApplyAndRevert();
    void applyErrorGoesAwayOnceFixed();
    void hubDialogTestReachesTheHub();
    void dialogMnemonicsAreUnique_data();
    void dialogMnemonicsAreUnique();
};

namespace {

struct Console
{
    SecretStore secrets;
    MainWindow window;
    WorkspaceSwitcher *switcher = nullptr;

    Console()
    {
        switcher = new WorkspaceSwitcher(&window, secrets, false);
        switcher->addMenuActions(window.fileMenu());
        window.show();
    }
};

// The console's translation into `language` while in scope (none for an empty language).
class Translation
{
public:
    explicit Translation(const QString &language)
    {
        if (language.isEmpty())
            return;
        m_loaded = m_translator.load(QLocale(language),
                                     QStringLiteral("mcphub-admin"),
                                     QStringLiteral("_"),
                                     QStringLiteral(":/i18n"));
        if (m_loaded)
            QCoreApplication::installTranslator(&m_translator);
    }
    ~Translation() { QCoreApplication::removeTranslator(&m_translator); }
    Translation(const Translation &) = delete;
    Translation &operator=(const Translation &) = delete;
    bool loaded() const { return m_loaded; }

private:
    QTranslator m_translator;
    bool m_loaded = true;
};

QLineEdit *fieldEdit(ServerDetailPanel *panel, const QString &field)
{
    return qobject_cast<QLineEdit *>(panel->fieldWidget(field));
}

} // namespace

void TestConsoleConventionsGui::init()
{
    QSettings().clear();
    ConsolePreferences().apply();
}

void TestConsoleConventionsGui::newSqliteDatabaseCreatesAUsableWorkspace()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new-workspace.db"));
    Console console;
    QAction *action
        = console.window.fileMenu()->findChild<QAction *>(QStringLiteral("newSqliteDatabase"));
    QVERIFY(action);
    QVERIFY(console.window.fileMenu()->actions().contains(action));

    VERIFY_OK(console.switcher->createSqlite(path, false));
    QVERIFY(QFileInfo(path).size() > 0);
    QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadOther | QFile::ReadGroup),
             QFileDevice::Permissions());
    WorkspaceViews *views = console.switcher->session()->views();
    QVERIFY(views);
    QCOMPARE(console.switcher->session()->workspace().profile().sqlitePath,
             QFileInfo(path).absoluteFilePath());

    // A server added and applied in the new workspace is read back from the file.
    ServerTableModel *servers = views->servers();
    const int row = servers->addServer(QStringLiteral("fetch"), QStringLiteral("stdio"));
    QVERIFY(row >= 0);
    QVERIFY(servers->setValue(row, ServerTableModel::kCommand, QStringLiteral("uvx")));
    QVERIFY(views->serversPage()->editor()->applyChanges());
    const auto stored = ServerRepository(console.switcher->session()->workspace().context())
                            .find(QStringLiteral("fetch"));
    VERIFY_OK(stored);
    QVERIFY(stored->has_value());
    QCOMPARE((*stored)->command, QStringLiteral("uvx"));

    // And it is there when the file is opened again.
    VERIFY_OK(console.switcher->openSqlite(path));
    QCOMPARE(console.switcher->session()->views()->servers()->rowCount(), 1);
}

void TestConsoleConventionsGui::newSqliteDatabaseRefusesANonEmptyFileUnlessConfirmed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.db"));
    QVERIFY(test::writeFile(path, "not a database, and not to be lost\n"));
    Console console;
    const auto refused = console.switcher->createSqlite(path, false);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Conflict);
    QVERIFY(refused.error().where.endsWith(QStringLiteral("notes.db")));
    QCOMPARE(test::readFile(path), QByteArray("not a database, and not to be lost\n"));
    QVERIFY(!console.switcher->session());

    // An empty file is no loss; a confirmed replacement is a fresh workspace.
    const QString empty = dir.filePath(QStringLiteral("empty.db"));
    QVERIFY(test::writeFile(empty, {}));
    VERIFY_OK(console.switcher->createSqlite(empty, false));
    VERIFY_OK(console.switcher->createSqlite(path, true));
    QCOMPARE(console.switcher->session()->views()->servers()->rowCount(), 0);
    QVERIFY(!test::readFile(path).contains("not to be lost"));
    // The open workspace's own file is never replaced.
    const auto own = console.switcher->createSqlite(path, true);
    QVERIFY(!own.ok());
    QCOMPARE(own.error().code, Error::Code::Conflict);
}

void TestConsoleConventionsGui::preferencesPersistAndTakeEffect()
{
    {
        MainWindow window;
        QVERIFY(window.preferencesAction());
        QVERIFY(window.preferencesAction()->text().contains(QStringLiteral("Preferences")));
        PreferencesDialog *dialog = window.showPreferences();
        QVERIFY(dialog);
        auto *language = dialog->findChild<QComboBox *>(QStringLiteral("language"));
        language->setCurrentIndex(language->findData(QStringLiteral("zh_CN")));
        dialog->findChild<QSpinBox *>(QStringLiteral("bcryptCost"))->setValue(11);
        dialog->findChild<QSpinBox *>(QStringLiteral("backupsKept"))->setValue(3);
        dialog->findChild<QSpinBox *>(QStringLiteral("hubPollSeconds"))->setValue(90);
        dialog->findChild<QCheckBox *>(QStringLiteral("reopenLastWorkspace"))->setChecked(true);
        dialog->accept();
    }
    // Persisted.
    const ConsolePreferences saved = ConsolePreferences::load();
    QCOMPARE(saved.language, QStringLiteral("zh_CN"));
    QCOMPARE(saved.bcryptCost, 11);
    QCOMPARE(saved.backupsKept, 3);
    QCOMPARE(saved.hubPollSeconds, 90);
    QVERIFY(saved.reopenLastWorkspace);
    PreferencesDialog reopened;
    QCOMPARE(reopened.preferences().bcryptCost, 11);
    QCOMPARE(reopened.findChild<QComboBox *>(QStringLiteral("language"))->currentData().toString(),
             QStringLiteral("zh_CN"));

    // In effect: a new password's hash has cost 11.
    QTemporaryDir dir;
    Console console;
    VERIFY_OK(console.switcher->openSqlite(dir.filePath(QStringLiteral("w.db"))));
    UserTableModel *users = console.switcher->session()->views()->users();
    const int row = users->addUser(QStringLiteral("alice"));
    PasswordDialog password(QStringLiteral("alice"));
    QCOMPARE(password.cost(), 11);
    VERIFY_OK(users->setPassword(row, QStringLiteral("a long enough Passw0rd"), password.cost()));
    QVERIFY(users->value(row, UserTableModel::kPasswordHash)
                .toString()
                .startsWith(QStringLiteral("$2b$11$")));
    // The backups kept by a settings file the console saves, and a new hub's poll interval.
    QCOMPARE(SettingsFileBinding::defaultSaveOptions().keepBackups, 3);
    HubDialog hub;
    QCOMPARE(hub.hub().pollIntervalMs, 90'000);
}

void TestConsoleConventionsGui::reopenLastWorkspaceOpensItAndItsAreaInANewWindow()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("last.db"));
    const QString other = dir.filePath(QStringLiteral("default.db"));
    {
        Console console;
        VERIFY_OK(console.switcher->openSqlite(path));
        console.window.showArea(WorkspaceAreaModel::Area::Groups);
    }
    // Off (the default): the default workspace opens.
    {
        Console console;
        VERIFY_OK(console.switcher->openAtStart(other));
        QCOMPARE(console.switcher->session()->workspace().profile().sqlitePath, other);
    }
    ConsolePreferences preferences = ConsolePreferences::load();
    preferences.reopenLastWorkspace = true;
    preferences.save();
    {
        Console console;
        VERIFY_OK(console.switcher->openSqlite(path));
        console.window.showArea(WorkspaceAreaModel::Area::Groups);
    }
    Console console;
    VERIFY_OK(console.switcher->openAtStart(other));
    QCOMPARE(
        QFileInfo(console.switcher->session()->workspace().profile().sqlitePath).absoluteFilePath(),
        QFileInfo(path).absoluteFilePath());
    QCOMPARE(console.window.currentArea(), WorkspaceAreaModel::Area::Groups);
}

void TestConsoleConventionsGui::recentMenuShowsKindAndFullPath()
{
    QTemporaryDir dir;
    const QString sqlite = dir.filePath(QStringLiteral("team.db"));
    const QString settings = dir.filePath(QStringLiteral("mcp_settings.json"));
    QVERIFY(test::writeFile(settings, "{\n  \"mcpServers\": {}\n}\n"));
    ConnectionProfile profile;
    profile.name = QStringLiteral("staging");
    profile.kind = ConnectionProfile::Kind::Postgres;
    profile.hosts
        = QStringList{QStringLiteral("db1.example.org"), QStringLiteral("db2.example.org")};
    profile.database = QStringLiteral("mcphub");
    profile.user = QStringLiteral("admin");
    VERIFY_OK(ProfileStore().save(profile));

    Console console;
    VERIFY_OK(console.switcher->openSqlite(sqlite));
    VERIFY_OK(console.switcher->openSettingsFile(settings));
    QSettings().setValue(
        QStringLiteral("workspace/recent"),
        QStringList{QStringLiteral("profile:staging"),
                    QFileInfo(settings).absoluteFilePath(),
                    QFileInfo(sqlite).absoluteFilePath(),
                    QStringLiteral("hub-db:postgresql://mcphub@db.example.org/hubdb")});
    VERIFY_OK(console.switcher->openSettingsFile(settings)); // rebuilds the menu
    const QList<QAction *> actions = console.switcher->recentMenu()->actions();
    QCOMPARE(actions.size(), 4);
    const auto find = [&actions](const QString &start) -> QAction * {
        for (QAction *a : actions) {
            if (a->text().startsWith(start))
                return a;
        }
        return nullptr;
    };
    QAction *file = find(QStringLiteral("mcp_settings.json"));
    QVERIFY(file);
    QCOMPARE(file->text(), QStringLiteral("mcp_settings.json — settings file"));
    QCOMPARE(file->toolTip(), QDir::toNativeSeparators(QFileInfo(settings).absoluteFilePath()));
    QAction *db = find(QStringLiteral("team.db"));
    QVERIFY(db);
    QCOMPARE(db->text(), QStringLiteral("team.db — SQLite"));
    QCOMPARE(db->toolTip(), QDir::toNativeSeparators(QFileInfo(sqlite).absoluteFilePath()));
    QAction *pg = find(QStringLiteral("staging"));
    QVERIFY(pg);
    QCOMPARE(pg->text(), QStringLiteral("staging — PostgreSQL profile"));
    QVERIFY2(pg->toolTip().contains(QStringLiteral("db1.example.org,db2.example.org")),
             qPrintable(pg->toolTip()));
    QAction *hub = find(QStringLiteral("hubdb"));
    QVERIFY(hub);
    QCOMPARE(hub->text(), QStringLiteral("hubdb — MCPHub database"));
    QCOMPARE(hub->toolTip(), QStringLiteral("postgresql://mcphub@db.example.org/hubdb"));
    (void)ProfileStore().remove(QStringLiteral("staging"));
}

void TestConsoleConventionsGui::setPasswordWarningIsNotClipped_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QString();
    QTest::newRow("Chinese") << QStringLiteral("zh_CN");
}

void TestConsoleConventionsGui::setPasswordWarningIsNotClipped()
{
    QFETCH(QString, language);
    const Translation translation(language);
    QVERIFY(translation.loaded());
    PasswordDialog dialog(QStringLiteral("alice"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *password = dialog.findChildren<QLineEdit *>().value(0);
    QVERIFY(password);
    // A weak password that differs from the (empty) repetition: both warnings, several lines.
    QTest::keyClicks(password, QStringLiteral("abc"));
    QCoreApplication::processEvents();
    QLabel *warning = nullptr; // the one label that wraps
    for (QLabel *label : dialog.findChildren<QLabel *>())
        warning = label->wordWrap() ? label : warning;
    QVERIFY(warning);
    QVERIFY(!warning->text().isEmpty());
    QVERIFY(warning->isVisible());
    const int needed = warning->heightForWidth(warning->width());
    QVERIFY2(warning->height() >= needed,
             qPrintable(QStringLiteral("%1 < %2").arg(warning->height()).arg(needed)));
    QVERIFY(dialog.rect().contains(warning->geometry()));
}

void TestConsoleConventionsGui::detailFormIsFilledAfterApplyAndRevert()
{
    QTemporaryDir dir;
    Console console;
    VERIFY_OK(console.switcher->openSqlite(dir.filePath(QStringLiteral("w.db"))));
    ServerTableModel *servers = console.switcher->session()->views()->servers();
    ServersPage *page = console.switcher->session()->views()->serversPage();
    for (const QString &name : {QStringLiteral("alpha"), QStringLiteral("beta")}) {
        const int row = servers->addServer(name, QStringLiteral("stdio"));
        QVERIFY(servers->setValue(row, ServerTableModel::kCommand, QStringLiteral("uvx")));
    }
    QVERIFY(page->editor()->applyChanges());
    console.window.showArea(WorkspaceAreaModel::Area::Servers);
    auto *panel = page->findChild<ServerDetailPanel *>();
    QVERIFY(panel);
    const int beta = [servers] {
        for (int r = 0; r < servers->rowCount(); ++r) {
            if (servers->value(r, ServerTableModel::kName).toString() == QLatin1String("beta"))
                return r;
        }
        return -1;
    }();
    QVERIFY(beta >= 0);
    page->editor()->selectRow(beta);
    QCOMPARE(fieldEdit(panel, ServerTableModel::kName)->text(), QStringLiteral("beta"));

    // Apply: the same row stays selected and its form filled.
    QVERIFY(servers->setValue(beta, ServerTableModel::kDescription, QStringLiteral("second")));
    QVERIFY(page->editor()->applyChanges());
    QCOMPARE(servers->value(page->editor()->currentRow(), ServerTableModel::kName).toString(),
             QStringLiteral("beta"));
    QCOMPARE(fieldEdit(panel, ServerTableModel::kName)->text(), QStringLiteral("beta"));
    QCOMPARE(fieldEdit(panel, ServerTableModel::kDescription)->text(), QStringLiteral("second"));

    // Revert all: the same.
    QVERIFY(servers->setValue(
        page->editor()->currentRow(), ServerTableModel::kDescription, QStringLiteral("dropped")));
    page->editor()->revertAllAction()->trigger();
    QCOMPARE(fieldEdit(panel, ServerTableModel::kName)->text(), QStringLiteral("beta"));
    QCOMPARE(fieldEdit(panel, ServerTableModel::kDescription)->text(), QStringLiteral("second"));

    // Another page and back.
    console.window.showArea(WorkspaceAreaModel::Area::Users);
    console.window.showArea(WorkspaceAreaModel::Area::Servers);
    QCOMPARE(fieldEdit(panel, ServerTableModel::kName)->text(), QStringLiteral("beta"));
}

void TestConsoleConventionsGui::applyErrorGoesAwayOnceFixed()
{
    QTemporaryDir dir;
    Console console;
    VERIFY_OK(console.switcher->openSqlite(dir.filePath(QStringLiteral("w.db"))));
    ServerTableModel *servers = console.switcher->session()->views()->servers();
    PendingTableEditor *editor = console.switcher->session()->views()->serversPage()->editor();
    // A stdio server without a command is refused by validation.
    const int row = servers->addServer(QStringLiteral("broken"), QStringLiteral("stdio"));
    QVERIFY(!editor->applyChanges());
    QLabel *message = editor->messageLabel();
    QVERIFY(!message->isHidden());
    QVERIFY(!message->text().isEmpty());
    // Another edit that does not fix it: the error stays.
    QVERIFY(servers->setValue(row, ServerTableModel::kDescription, QStringLiteral("still broken")));
    QVERIFY(!message->isHidden());
    // Fixed: it goes, before any Apply.
    QVERIFY(servers->setValue(row, ServerTableModel::kCommand, QStringLiteral("uvx")));
    QVERIFY2(message->isHidden(), qPrintable(message->text()));

    // An error whose edits are undone goes as well.
    const int second = servers->addServer(QStringLiteral("second"), QStringLiteral("stdio"));
    QVERIFY(second >= 0);
    QVERIFY(!editor->applyChanges());
    QVERIFY(!message->isHidden());
    while (servers->pendingCount() > 0 && servers->undoStack()->canUndo())
        servers->undoStack()->undo();
    QCOMPARE(servers->pendingCount(), 0);
    QVERIFY(message->isHidden());
}

void TestConsoleConventionsGui::hubDialogTestReachesTheHub()
{
    test::HubEmulator hub;
    QVERIFY(hub.listen());
    HubDialog dialog;
    dialog.show();
    dialog.findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("local"));
    dialog.findChild<QLineEdit *>(QStringLiteral("url"))->setText(hub.baseUrl().toString());
    auto *auth = dialog.findChild<QComboBox *>(QStringLiteral("auth"));
    auth->setCurrentIndex(auth->findData(int(HubEndpoint::Auth::Password)));
    dialog.findChild<QLineEdit *>(QStringLiteral("user"))->setText(QStringLiteral("admin"));
    auto *secret = dialog.findChild<QLineEdit *>(QStringLiteral("secret"));
    secret->setText(QStringLiteral("admin123"));
    QSignalSpy tested(&dialog, &HubDialog::testFinished);
    dialog.findChild<QPushButton *>(QStringLiteral("testConnection"))->click();
    QCOMPARE(tested.size(), 0); // the answer arrives later, the dialog keeps running
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 20'000);
    QVERIFY2(tested.at(0).at(0).toBool(), qPrintable(dialog.testResult()));
    // The recorded hub: version "dev", five servers of which three are connected.
    QCOMPARE(dialog.testResult(), QStringLiteral("Reached MCPHub dev: 5 server(s), 3 connected."));
    QVERIFY(!hub.requestsTo(QStringLiteral("/api/servers")).isEmpty());

    // Wrong credentials: the hub's refusal.
    secret->setText(QStringLiteral("wrong"));
    dialog.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 2, 20'000);
    QVERIFY(!tested.at(1).at(0).toBool());
    QVERIFY2(dialog.testResult().startsWith(QStringLiteral("Not reached")),
             qPrintable(dialog.testResult()));

    // Nothing listening: the connection error, naming the URL.
    quint16 closed = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        closed = probe.serverPort();
    }
    dialog.findChild<QLineEdit *>(QStringLiteral("url"))
        ->setText(QStringLiteral("http://127.0.0.1:%1").arg(closed));
    dialog.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 3, 20'000);
    QVERIFY(!tested.at(2).at(0).toBool());
    QVERIFY2(dialog.testResult().contains(QStringLiteral("127.0.0.1:%1").arg(closed)),
             qPrintable(dialog.testResult()));
}

// The preferences and recent workspaces live in the user's configuration: a private folder.

void TestConsoleConventionsGui::dialogMnemonicsAreUnique_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QString();
    QTest::newRow("Chinese") << QStringLiteral("zh_CN");
}

// Alt+letter reaches one field only: no two visible labels or buttons of a dialog share a
// mnemonic (in English, and in Chinese where the letter follows the label in brackets).
void TestConsoleConventionsGui::dialogMnemonicsAreUnique()
{
    QFETCH(QString, language);
    const Translation translation(language);
    QVERIFY(translation.loaded());
    const auto mnemonic = [](const QString &text) {
        for (qsizetype i = text.indexOf(u'&'); i >= 0 && i + 1 < text.size();
             i = text.indexOf(u'&', i + 2)) {
            if (text.at(i + 1) != u'&')
                return text.at(i + 1).toUpper();
        }
        return QChar();
    };
    ConnectionsDialog connections;
    HubDialog hub;
    PreferencesDialog preferences;
    PasswordDialog password(QStringLiteral("alice"));
    for (QDialog *dialog : QList<QDialog *>{&connections, &hub, &preferences, &password}) {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QHash<QChar, QString> taken;
        QStringList texts;
        for (QLabel *label : dialog->findChildren<QLabel *>())
            if (label->isVisible() && label->buddy())
                texts << label->text();
        for (QAbstractButton *button : dialog->findChildren<QAbstractButton *>())
            if (button->isVisible())
                texts << button->text();
        for (QGroupBox *box : dialog->findChildren<QGroupBox *>())
            if (box->isVisible())
                texts << box->title();
        for (const QString &text : std::as_const(texts)) {
            const QChar key = mnemonic(text);
            if (key.isNull())
                continue;
            QVERIFY2(!taken.contains(key),
                     qPrintable(QStringLiteral("%1: \"%2\" and \"%3\" share Alt+%4")
                                    .arg(QString::fromLatin1(dialog->metaObject()->className()),
                                         taken.value(key),
                                         text,
                                         QString(key))));
            taken.insert(key, text);
        }
        dialog->hide();
    }
}

int main(int argc, char **argv)
{
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());
    qputenv("XDG_DATA_HOME", config.filePath(QStringLiteral("data")).toLocal8Bit());
    QApplication app(argc, argv);
    setApplicationIdentity();
    TestConsoleConventionsGui test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_consoleconventionsgui.moc"
