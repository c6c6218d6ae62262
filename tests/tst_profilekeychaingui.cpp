// Connecting to a saved PostgreSQL profile from the console (File ▸ Connect to profile…) with
// the real gnome-keyring frozen: the window keeps running and says what it waits for, and
// the workspace opens with the password once the keychain answers (issue 11.10). The migration
// wizard's profile target likewise waits for the password without blocking, and takes a saved
// profile of MCPHub's own database under its "MCPHub's database" target (issue 14).

#include "storage/db/profilestore.h"
#include "storage/secretstore.h"
#include "tests/support/editordriver.h"
#include "tests/support/pgtestdatabase.h"
#include "tests/support/stoppedkeychain.h"
#include "tests/support/testenv.h"
#include "ui/backups/backupspage.h"
#include "ui/main/connectionsdialog.h"
#include "ui/main/mainwindow.h"
#include "ui/main/workspacesession.h"
#include "ui/main/workspaceswitcher.h"
#include "ui/main/workspaceviews.h"
#include "ui/migration/migrationtargetpage.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

using namespace mcphub;
using mcphub::test::menuAction;

class TestProfileKeychainGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectingWaitsForTheKeychainWithoutBlocking();
    void migrationTargetWaitsForTheKeychainWithoutBlocking();
    void migrationTargetTakesASavedMcphubDatabaseProfile();
    // Issue 15: File ▸ Connections…
    void connectionDialogTestReportsServerVersionAndPrimary();
    void connectionDialogAddEditRemovePersists();
    void connectionDialogWrongPortReportsTheErrorWithoutHanging();
    void connectionDialogKeepsRedisAndMonitorAndTestsThem();
};

void TestProfileKeychainGui::connectingWaitsForTheKeychainWithoutBlocking()
{
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));

    // The console's own profile store and keychain service (main() gave this test a private
    // configuration folder); the keychain is the test session's.
    const QString name
        = QStringLiteral("team-%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    const QString password = QStringLiteral("kept-in-the-keychain");
    ConnectionProfile profile;
    profile.name = name;
    profile.kind = ConnectionProfile::Kind::Postgres;
    profile.hosts = QStringList{pg.spec().host};
    profile.port = pg.spec().port;
    profile.database = pg.spec().databaseName;
    profile.user = pg.spec().userName;
    profile.password = password;
    const auto saved = ProfileStore().save(profile);
    QVERIFY(saved.ok());
    QVERIFY2(saved->isEmpty(), qPrintable(*saved)); // in the keychain, not this session's memory

    const SecretStore secrets;
    MainWindow window;
    WorkspaceSwitcher switcher(&window, secrets, false);
    switcher.addMenuActions(window.fileMenu());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *connectProfile = menuAction(window.fileMenu(), QStringLiteral("&Connect to profile…"));
    QVERIFY(connectProfile);
    QSignalSpy finished(&switcher, &WorkspaceSwitcher::profileOpenFinished);
    QSignalSpy changed(&switcher, &WorkspaceSwitcher::workspaceChanged);

    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(10);
    {
        test::StoppedKeychain frozen;
        QVERIFY2(frozen.stopped(), qPrintable(frozen.error()));
        // The profile chosen in the dialog the action opens.
        QTimer::singleShot(0, this, [name] {
            if (auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())) {
                dialog->setTextValue(name);
                dialog->accept();
            }
        });
        QElapsedTimer clock;
        clock.start();
        connectProfile->trigger();
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        ticks = 0;
        QTest::qWait(1000);
        QVERIFY2(ticks >= 30, qPrintable(QString::number(ticks))); // the event loop ran
        QCOMPARE(switcher.waitingForProfile(), name);
        QVERIFY(!switcher.session()); // not opened without its password
        QCOMPARE(changed.size(), 0);
        QVERIFY2(window.waitingFor().contains(name), qPrintable(window.waitingFor()));
        auto *label = window.findChild<QLabel *>(QStringLiteral("waitingFor"));
        QVERIFY(label && label->isVisible());
        QVERIFY(connectProfile->isEnabled()); // the window stays usable
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20'000);
    QCOMPARE(finished.first().at(0).toString(), name);
    QVERIFY(finished.first().at(1).toBool());
    QCOMPARE(changed.size(), 1);
    QVERIFY(switcher.session());
    QCOMPARE(switcher.session()->workspace().profile().name, name);
    QCOMPARE(switcher.session()->workspace().profile().password, password); // from the keychain
    QVERIFY(switcher.waitingForProfile().isEmpty());
    QVERIFY(window.waitingFor().isEmpty());
    ticker.stop();

    // A profile still waiting is superseded by a later open: its late answer opens nothing.
    {
        test::StoppedKeychain frozen;
        QVERIFY2(frozen.stopped(), qPrintable(frozen.error()));
        VERIFY_OK(switcher.openProfile(name));
        QCOMPARE(switcher.waitingForProfile(), name);
        QTemporaryDir dir;
        VERIFY_OK(switcher.openSqlite(dir.filePath(QStringLiteral("other.db"))));
        QVERIFY(switcher.waitingForProfile().isEmpty());
        QVERIFY(window.waitingFor().isEmpty());
        QCOMPARE(changed.size(), 2);
        frozen.resume();
        QTest::qWait(1500);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(switcher.session()->workspace().profile().kind, ConnectionProfile::Kind::Sqlite);
    }
    (void)ProfileStore().remove(name);
    window.close();
}

// The profiles live in the user's configuration: point it at a private folder first.
int main(int argc, char **argv)
{
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());
    QApplication app(argc, argv);
    TestProfileKeychainGui test;
    return QTest::qExec(&test, argc, argv);
}

void TestProfileKeychainGui::migrationTargetWaitsForTheKeychainWithoutBlocking()
{
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    const QString name
        = QStringLiteral("wizard-%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    ConnectionProfile profile;
    profile.name = name;
    profile.kind = ConnectionProfile::Kind::Postgres;
    profile.hosts = QStringList{QStringLiteral("127.0.0.1")};
    profile.database = QStringLiteral("target");
    profile.user = QStringLiteral("admin");
    profile.password = QStringLiteral("from-the-keychain");
    const auto saved = ProfileStore().save(profile);
    QVERIFY(saved.ok());
    QVERIFY2(saved->isEmpty(), qPrintable(*saved));

    MigrationTargetPage page;
    page.show();
    QLabel *status = page.findChild<QLabel *>(QStringLiteral("profileStatus"));
    QVERIFY(status);
    {
        test::StoppedKeychain frozen;
        QVERIFY2(frozen.stopped(), qPrintable(frozen.error()));
        QElapsedTimer clock;
        clock.start();
        page.profileCombo()->setCurrentIndex(page.profileCombo()->findText(name));
        page.setChoice(MigrationTargetPage::Choice::Profile);
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QTest::qWait(500);
        // Next waits for the password, and the page says so.
        QVERIFY(!page.isComplete());
        QVERIFY(!page.profile().ok());
        QVERIFY2(!status->isHidden() && status->text().contains(name), qPrintable(status->text()));
        frozen.resume();
        QTRY_VERIFY_WITH_TIMEOUT(page.isComplete(), 10000);
    }
    const auto chosen = page.profile();
    QVERIFY(chosen.ok());
    QCOMPARE(chosen->password, QStringLiteral("from-the-keychain"));
    QVERIFY(status->isHidden());
    (void)ProfileStore().remove(name);
}

void TestProfileKeychainGui::migrationTargetTakesASavedMcphubDatabaseProfile()
{
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    const QString name
        = QStringLiteral("hub-db-%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    ConnectionProfile profile;
    profile.name = name;
    profile.kind = ConnectionProfile::Kind::Postgres;
    profile.mcphubDatabase = true;
    profile.hosts = QStringList{QStringLiteral("127.0.0.1")};
    profile.database = QStringLiteral("mcphub");
    profile.user = QStringLiteral("mcphub");
    profile.password = QStringLiteral("hub-db-password");
    const auto saved = ProfileStore().save(profile);
    QVERIFY(saved.ok());
    QVERIFY2(saved->isEmpty(), qPrintable(*saved));

    MigrationTargetPage page;
    page.show();
    // Listed under MCPHub's database, not among the console's profiles.
    QCOMPARE(page.profileCombo()->findText(name), -1);
    const int index = page.hubProfileCombo()->findData(name);
    QVERIFY(index > 0);
    QVERIFY(page.hubProfileCombo()->itemText(index).contains(name));
    page.hubProfileCombo()->setCurrentIndex(index);
    page.setChoice(MigrationTargetPage::Choice::McphubDatabase);
    QVERIFY(!page.hubConninfoEdit()->isEnabled()); // the profile brings its connection
    QTRY_VERIFY_WITH_TIMEOUT(page.isComplete(), 10000);
    const auto chosen = page.profile();
    QVERIFY(chosen.ok());
    QVERIFY(chosen->mcphubDatabase);
    QCOMPARE(chosen->password, QStringLiteral("hub-db-password"));
    QCOMPARE(chosen->database, QStringLiteral("mcphub"));
    QCOMPARE(page.targetName(), name);
    QVERIFY2(page.targetDescription().contains(name), qPrintable(page.targetDescription()));
    QVERIFY(page.targetIsMcphubDatabase());
    QVERIFY(page.pruneCheck()->isEnabled());
    QVERIFY(!page.prune());
    (void)ProfileStore().remove(name);
}

namespace {

QString uniqueName(const QString &prefix)
{
    return QStringLiteral("%1-%2").arg(prefix, QUuid::createUuid().toString(QUuid::Id128).left(8));
}

// Fills the dialog's form as a user types it.
void typeProfile(ConnectionsDialog &dialog,
                 const QString &name,
                 const QString &hosts,
                 int port,
                 const QString &database,
                 const QString &user)
{
    dialog.findChild<QLineEdit *>(QStringLiteral("name"))->setText(name);
    dialog.findChild<QLineEdit *>(QStringLiteral("hosts"))->setText(hosts);
    dialog.findChild<QSpinBox *>(QStringLiteral("port"))->setValue(port);
    dialog.findChild<QLineEdit *>(QStringLiteral("database"))->setText(database);
    dialog.findChild<QLineEdit *>(QStringLiteral("user"))->setText(user);
}

} // namespace

void TestProfileKeychainGui::connectionDialogTestReportsServerVersionAndPrimary()
{
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QString serverVersion;
    {
        auto db = openSqlConnection(pg.spec(), QStringLiteral("version-probe"));
        VERIFY_OK(db);
        QSqlQuery query(*db);
        QVERIFY(query.exec(QStringLiteral("SHOW server_version")) && query.next());
        serverVersion = query.value(0).toString();
    }
    closeSqlConnection(QStringLiteral("version-probe"));
    QVERIFY(!serverVersion.isEmpty());

    const SecretStore secrets;
    MainWindow window;
    WorkspaceSwitcher switcher(&window, secrets, false);
    switcher.addMenuActions(window.fileMenu());
    QAction *connections = window.fileMenu()->findChild<QAction *>(QStringLiteral("connections"));
    QVERIFY(connections);
    QVERIFY(connections->text().remove(QLatin1Char('&')).contains(QStringLiteral("Connections")));
    QVERIFY(window.fileMenu()->actions().contains(connections));
    window.show();
    connections->trigger();
    auto *dialog = window.findChild<ConnectionsDialog *>();
    QVERIFY(dialog && dialog->isVisible());

    // A host list, as libpq takes it: the first (a socket folder that does not exist) fails,
    // the second is the primary.
    dialog->addProfile();
    const QString name = uniqueName(QStringLiteral("tested"));
    typeProfile(*dialog,
                name,
                QStringLiteral("/nonexistent-socket-folder, %1").arg(pg.spec().host),
                pg.spec().port,
                pg.spec().databaseName,
                pg.spec().userName);
    QSignalSpy tested(dialog, &ConnectionsDialog::testFinished);
    dialog->findChild<QPushButton *>(QStringLiteral("testConnection"))->click();
    // Off the GUI thread: the click returns before the answer.
    QVERIFY(dialog->testRunning());
    QCOMPARE(tested.size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 30'000);
    QVERIFY2(tested.first().at(0).toBool(), qPrintable(dialog->statusText()));
    QVERIFY2(dialog->statusText().contains(QStringLiteral("PostgreSQL %1").arg(serverVersion)),
             qPrintable(dialog->statusText()));
    QVERIFY2(dialog->statusText().contains(QStringLiteral("the primary")),
             qPrintable(dialog->statusText()));
    QVERIFY2(dialog->statusText().contains(pg.spec().host), qPrintable(dialog->statusText()));
    QVERIFY(!dialog->testRunning());

    // Open saves the profile and opens its workspace in the window.
    QSignalSpy changed(&switcher, &WorkspaceSwitcher::workspaceChanged);
    dialog->findChild<QPushButton *>(QStringLiteral("openProfile"))->click();
    QVERIFY(ProfileStore().contains(name));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 20'000);
    QVERIFY(switcher.session());
    QCOMPARE(switcher.session()->workspace().profile().name, name);
    QCOMPARE(switcher.session()->workspace().profile().hosts.size(), 2);
    (void)ProfileStore().remove(name);
    window.close();
}

void TestProfileKeychainGui::connectionDialogAddEditRemovePersists()
{
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    QTemporaryDir dir;
    const QString bound = dir.filePath(QStringLiteral("mcp_settings.json"));
    QVERIFY(test::writeFile(bound, "{\n  \"mcpServers\": {}\n}\n"));
    const QString name = uniqueName(QStringLiteral("kept"));

    ConnectionsDialog dialog;
    dialog.show();
    dialog.addProfile();
    typeProfile(dialog,
                name,
                QStringLiteral("db1.example.org, db2.example.org"),
                6432,
                QStringLiteral("mcphub"),
                QStringLiteral("admin"));
    auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("kind"));
    kind->setCurrentIndex(kind->findData(int(ConnectionsDialog::KindChoice::McphubDatabase)));
    auto *ssl = dialog.findChild<QComboBox *>(QStringLiteral("sslMode"));
    ssl->setCurrentIndex(ssl->findData(QStringLiteral("verify-full")));
    dialog.findChild<QLineEdit *>(QStringLiteral("password"))->setText(QStringLiteral("s3cret"));
    QSignalSpy stored(&dialog, &ConnectionsDialog::passwordStored);
    dialog.findChild<QPushButton *>(QStringLiteral("saveProfile"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, 20'000);
    QVERIFY2(stored.first().at(1).toString().isEmpty(),
             qPrintable(stored.first().at(1).toString()));

    auto saved = ProfileStore().loadWithoutPassword(name);
    VERIFY_OK(saved);
    QCOMPARE(saved->kind, ConnectionProfile::Kind::Postgres);
    QCOMPARE(saved->hosts,
             (QStringList{QStringLiteral("db1.example.org"), QStringLiteral("db2.example.org")}));
    QCOMPARE(saved->port, 6432);
    QCOMPARE(saved->database, QStringLiteral("mcphub"));
    QCOMPARE(saved->user, QStringLiteral("admin"));
    QCOMPARE(saved->sslMode, QStringLiteral("verify-full"));
    QVERIFY(saved->mcphubDatabase);
    QVERIFY(saved->boundSettingsPath.isEmpty());
    // The password is in the keychain, not the settings.
    const auto password = SecretStore().read(ProfileStore::secretKey(name));
    VERIFY_OK(password);
    QCOMPARE(*password, QStringLiteral("s3cret"));
    QVERIFY(!test::readFile(ProfileStore().settingsFileName()).contains("s3cret"));

    // Edit: another port and SSL mode, bound to a settings file; the password stays.
    ConnectionsDialog editing;
    QVERIFY(editing.selectProfile(name));
    QCOMPARE(editing.findChild<QSpinBox *>(QStringLiteral("port"))->value(), 6432);
    QVERIFY(editing.findChild<QLineEdit *>(QStringLiteral("name"))->isReadOnly());
    editing.findChild<QSpinBox *>(QStringLiteral("port"))->setValue(5433);
    auto *editSsl = editing.findChild<QComboBox *>(QStringLiteral("sslMode"));
    editSsl->setCurrentIndex(editSsl->findData(QStringLiteral("require")));
    auto *editKind = editing.findChild<QComboBox *>(QStringLiteral("kind"));
    editKind->setCurrentIndex(
        editKind->findData(int(ConnectionsDialog::KindChoice::ConsolePostgres)));
    editing.findChild<QLineEdit *>(QStringLiteral("boundSettings"))->setText(bound);
    VERIFY_OK(editing.saveProfile());
    saved = ProfileStore().loadWithoutPassword(name);
    VERIFY_OK(saved);
    QCOMPARE(saved->port, 5433);
    QCOMPARE(saved->sslMode, QStringLiteral("require"));
    QVERIFY(!saved->mcphubDatabase);
    QCOMPARE(saved->boundSettingsPath, QFileInfo(bound).absoluteFilePath());
    QCOMPARE(*SecretStore().read(ProfileStore::secretKey(name)), QStringLiteral("s3cret"));

    // A second profile under the same name is refused, naming it.
    editing.addProfile();
    typeProfile(
        editing, name, QStringLiteral("other"), 5432, QStringLiteral("x"), QStringLiteral("y"));
    const auto duplicate = editing.saveProfile();
    QVERIFY(!duplicate.ok());
    QCOMPARE(duplicate.error().where, name);
    QCOMPARE(ProfileStore().loadWithoutPassword(name)->port, 5433);

    // Remove (the button asks first): gone from the settings and the keychain.
    QVERIFY(editing.selectProfile(name));
    QTimer::singleShot(0, this, [] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(QMessageBox::Yes)->click();
    });
    editing.findChild<QPushButton *>(QStringLiteral("removeProfile"))->click();
    QVERIFY(!ProfileStore().contains(name));
    QTRY_COMPARE_WITH_TIMEOUT(SecretStore().read(ProfileStore::secretKey(name)).error().code,
                              Error::Code::NotFound,
                              20'000);
    auto *list = editing.findChild<QListWidget *>(QStringLiteral("profiles"));
    QVERIFY(list->findItems(name, Qt::MatchExactly).isEmpty());
}

void TestProfileKeychainGui::connectionDialogWrongPortReportsTheErrorWithoutHanging()
{
    // A port nothing listens on: libpq's refusal is shown.
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        closedPort = probe.serverPort();
    }
    ConnectionsDialog dialog;
    dialog.show();
    dialog.addProfile();
    // Tested before it has a name.
    typeProfile(dialog,
                QString(),
                QStringLiteral("127.0.0.1"),
                closedPort,
                QStringLiteral("mcphub"),
                QStringLiteral("admin"));
    QSignalSpy tested(&dialog, &ConnectionsDialog::testFinished);
    dialog.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 20'000);
    QVERIFY(!tested.first().at(0).toBool());
    QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Not connected")),
             qPrintable(dialog.statusText()));
    QVERIFY2(dialog.statusText().contains(QString::number(closedPort)),
             qPrintable(dialog.statusText()));
    QVERIFY2(dialog.statusText().contains(QStringLiteral("refused")),
             qPrintable(dialog.statusText()));

    // A server that accepts and never answers: the GUI keeps running while libpq waits, and
    // the connect timeout ends the wait with libpq's message.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    dialog.findChild<QSpinBox *>(QStringLiteral("port"))->setValue(silent.serverPort());
    dialog.findChild<QSpinBox *>(QStringLiteral("connectTimeout"))->setValue(2);
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(10);
    dialog.testConnection();
    QVERIFY(dialog.testRunning());
    QVERIFY2(dialog.statusText().contains(QStringLiteral("2 second")),
             qPrintable(dialog.statusText()));
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 2, 30'000);
    QVERIFY(ticks >= 20); // the event loop ran while libpq waited
    QVERIFY(!tested.at(1).at(0).toBool());
    QVERIFY2(dialog.statusText().contains(QStringLiteral("timeout")),
             qPrintable(dialog.statusText()));
}

// Issue 16: the profile's Redis URL and pg_auto_failover monitor, both optional: validated as
// the CLI validates --redis and --monitor (refused naming the field), kept in the profile
// store and shown again, and checked by Test connection when filled (a monitor nobody
// listens for fails the test, naming it; the Redis that answers is said).
void TestProfileKeychainGui::connectionDialogKeepsRedisAndMonitorAndTestsThem()
{
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    const QString redisUrl = qEnvironmentVariable("MCPHUB_TEST_REDIS_URL");
    MCPHUB_REQUIRE_SERVICE(!redisUrl.isEmpty(), QStringLiteral("Redis"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        closedPort = probe.serverPort();
    }
    const QString monitor
        = QStringLiteral("host=127.0.0.1 port=%1 dbname=pg_auto_failover user=autoctl_node "
                         "connect_timeout=3")
              .arg(closedPort);
    const QString name = uniqueName(QStringLiteral("ha"));

    ConnectionsDialog dialog;
    dialog.show();
    dialog.addProfile();
    typeProfile(
        dialog, name, pg.spec().host, pg.spec().port, pg.spec().databaseName, pg.spec().userName);
    auto *redis = dialog.findChild<QLineEdit *>(QStringLiteral("redisUrl"));
    auto *failover = dialog.findChild<QLineEdit *>(QStringLiteral("failoverMonitor"));
    QVERIFY(redis && failover);
    QVERIFY(redis->isVisible() && failover->isVisible());

    // Not valid: refused, naming what is wrong, and nothing saved.
    redis->setText(QStringLiteral("http://127.0.0.1:6379"));
    auto refused = dialog.saveProfile();
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QLatin1String("redis://host:port[/db]")),
             qPrintable(refused.error().message));
    redis->setText(redisUrl);
    failover->setText(QStringLiteral("host"));
    refused = dialog.saveProfile();
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QLatin1String("failover monitor")),
             qPrintable(refused.error().message));
    QVERIFY(!ProfileStore().contains(name));

    failover->setText(monitor);
    QSignalSpy stored(&dialog, &ConnectionsDialog::passwordStored);
    VERIFY_OK(dialog.saveProfile());
    const auto saved = ProfileStore().loadWithoutPassword(name);
    VERIFY_OK(saved);
    QCOMPARE(saved->redisUrl, redisUrl);
    QCOMPARE(saved->failoverMonitor, monitor);

    // Shown again when the profile is selected in a new dialog.
    ConnectionsDialog editing;
    editing.show();
    QVERIFY(editing.selectProfile(name));
    QCOMPARE(editing.findChild<QLineEdit *>(QStringLiteral("redisUrl"))->text(), redisUrl);
    QCOMPARE(editing.findChild<QLineEdit *>(QStringLiteral("failoverMonitor"))->text(), monitor);

    // Test connection checks them too: the database and Redis answer, the monitor does not.
    QSignalSpy tested(&editing, &ConnectionsDialog::testFinished);
    editing.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 30'000);
    QVERIFY2(!tested.at(0).at(0).toBool(), qPrintable(editing.statusText()));
    QVERIFY2(editing.statusText().contains(QLatin1String("Connected to PostgreSQL")),
             qPrintable(editing.statusText()));
    QVERIFY2(editing.statusText().contains(QLatin1String("answers PING")),
             qPrintable(editing.statusText()));
    QVERIFY2(editing.statusText().contains(QLatin1String("pg_auto_failover monitor"))
                 && editing.statusText().contains(QString::number(closedPort)),
             qPrintable(editing.statusText()));

    // Emptied, they are gone from the profile, and the test passes.
    editing.findChild<QLineEdit *>(QStringLiteral("failoverMonitor"))->clear();
    VERIFY_OK(editing.saveProfile());
    QVERIFY(ProfileStore().loadWithoutPassword(name)->failoverMonitor.isEmpty());
    editing.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 2, 30'000);
    QVERIFY2(tested.at(1).at(0).toBool(), qPrintable(editing.statusText()));
    editing.findChild<QLineEdit *>(QStringLiteral("redisUrl"))->clear();
    VERIFY_OK(editing.saveProfile());
    QVERIFY(ProfileStore().loadWithoutPassword(name)->redisUrl.isEmpty());
    (void)ProfileStore().remove(name);
}

#include "tst_profilekeychaingui.moc"
