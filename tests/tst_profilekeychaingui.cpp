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
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
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

#include "tst_profilekeychaingui.moc"
