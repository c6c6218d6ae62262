// A profile bound to a settings file in the console, offscreen: connecting to it shows
// "Dual-write: PATH" and the drift (non-blocking, with a Details dialog) in the status bar,
// a change applied on the window's connection reaches the file, File › Unbind settings file
// stops that; screenshots of a bound profile with drift in English and Chinese, written by
// the real mcphub-admin into build/tests/screenshots.

#include "storage/db/profilestore.h"
#include "storage/db/useradministration.h"
#include "storage/migration/migrator.h"
#include "storage/migration/settingsmapper.h"
#include "storage/passwordhasher.h"
#include "storage/secretstore.h"
#include "tests/support/editordriver.h"
#include "tests/support/testenv.h"
#include "ui/backups/backupspage.h"
#include "ui/main/dualwriteindicator.h"
#include "ui/main/mainwindow.h"
#include "ui/main/workspacesession.h"
#include "ui/main/workspaceswitcher.h"
#include "ui/main/workspaceviews.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace mcphub;
using mcphub::test::menuAction;

namespace {

const QString kProfile = QStringLiteral("team");

OrderedJson parse(const QByteArray &text)
{
    return OrderedJson::parse(text.constData(), text.constData() + text.size(), nullptr, false);
}

} // namespace

class TestDualWriteGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void boundProfileShowsDualWriteAndDrift();
    void screenshots();

private:
    QTemporaryDir m_dir;
    QString m_db;
    QString m_settings;
};

void TestDualWriteGui::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(QStringLiteral("team.db"));
    m_settings = m_dir.filePath(QStringLiteral("mcp_settings.json"));
    QVERIFY(test::writeFile(
        m_settings, test::readFile(test::fixturesDir() + QStringLiteral("/migration/full.json"))));
    {
        auto ws = Workspace::open(ConnectionProfile::sqliteFile(m_db), QStringLiteral("seed"));
        QVERIFY(ws.ok());
        MigrationOptions options;
        options.sourcePath = m_settings;
        options.backupDir = m_dir.filePath(QStringLiteral("import"));
        QVERIFY(QDir().mkpath(options.backupDir));
        QVERIFY(Migrator(ws->context(), options).run().ok());
        ws->close();
    }
    // MCPHub added a server to the file that the database does not have: drift.
    OrderedJson drifted = parse(test::readFile(m_settings));
    drifted["mcpServers"]["only-in-file"] = {{"command", "uvx"}};
    QVERIFY(test::writeFile(m_settings, SettingsMapper::serialize(drifted)));

    // The profile in this test's private configuration (main() points XDG_CONFIG_HOME there).
    ProfileStore store;
    ConnectionProfile profile = ConnectionProfile::sqliteFile(m_db);
    profile.name = kProfile;
    QVERIFY(store.save(profile).ok());
    QVERIFY(store.setBoundSettingsPath(kProfile, m_settings).ok());
}

void TestDualWriteGui::boundProfileShowsDualWriteAndDrift()
{
    const SecretStore secrets;
    MainWindow window;
    WorkspaceSwitcher switcher(&window, secrets, false);
    switcher.addMenuActions(window.fileMenu());
    QAction *unbind = menuAction(window.fileMenu(), QStringLiteral("&Unbind settings file"));
    QVERIFY(unbind);
    QVERIFY(!unbind->isEnabled()); // nothing open yet

    const QByteArray before = test::readFile(m_settings);
    const auto opened = switcher.openProfile(kProfile);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(test::readFile(m_settings), before); // opening writes nothing

    WorkspaceSession *session = switcher.session();
    QVERIFY(session->binding());
    DualWriteIndicator *indicator = session->dualWriteIndicator();
    QVERIFY(indicator);
    QVERIFY(indicator->isVisible());
    QCOMPARE(indicator->text(), QStringLiteral("Dual-write: %1").arg(m_settings));
    QVERIFY(indicator->driftShown());
    QVERIFY(unbind->isEnabled());

    // Details: a dialog that does not block the window.
    auto *details = indicator->findChild<QToolButton *>();
    QVERIFY(details && details->isVisible());
    QTest::mouseClick(details, Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox *>()) && box->isVisible());
    QVERIFY(!box->isModal());
    QVERIFY2(box->detailedText().contains(QLatin1String("only-in-file")),
             qPrintable(box->detailedText()));
    const QString shots = QDir(QCoreApplication::applicationDirPath())
                              .absoluteFilePath(QStringLiteral("../screenshots"));
    QVERIFY(QDir().mkpath(shots));
    QVERIFY(
        box->grab().save(QDir(shots).filePath(QStringLiteral("dualwrite-drift-details-en.png"))));
    box->close();

    // A change on the window's connection reaches the file; the database wins the drift.
    const QString hash = PasswordHasher::hash(QStringLiteral("D4ve!pass"), 10).value();
    QVERIFY(UserAdministration(session->workspace().context())
                .add(QStringLiteral("dave"), hash, false)
                .ok());
    const OrderedJson onDisk = parse(test::readFile(m_settings));
    QVERIFY(!onDisk["mcpServers"].contains("only-in-file"));
    bool hasDave = false;
    for (const OrderedJson &user : onDisk["users"])
        hasDave = hasDave || user.value("username", std::string()) == "dave";
    QVERIFY(hasDave);

    // Unbinding reopens the profile without the binding; the file is left alone.
    unbind->trigger();
    session = switcher.session();
    QVERIFY(!session->binding());
    QVERIFY(!session->dualWriteIndicator());
    QVERIFY(!unbind->isEnabled());
    QVERIFY(ProfileStore().load(kProfile)->boundSettingsPath.isEmpty());
    const QByteArray unbound = test::readFile(m_settings);
    QVERIFY(UserAdministration(session->workspace().context())
                .add(QStringLiteral("erin"), hash, false)
                .ok());
    QCOMPARE(test::readFile(m_settings), unbound);

    // Bound again for the screenshots, with fresh drift.
    VERIFY_OK(switcher.bindCurrentProfile(m_settings));
    QVERIFY(switcher.session()->binding());
    QVERIFY(switcher.session()->dualWriteIndicator()->driftShown()); // erin is not in the file
}

void TestDualWriteGui::screenshots()
{
    const QString out = QDir(QCoreApplication::applicationDirPath())
                            .absoluteFilePath(QStringLiteral("../screenshots"));
    QVERIFY(QDir().mkpath(out));
    const QByteArray before = test::readFile(m_settings);
    for (const QString &lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        const QString file = QDir(out).filePath(QStringLiteral("dualwrite-users-%1.png").arg(lang));
        QFile::remove(file);
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), qEnvironmentVariable("XDG_CONFIG_HOME"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        process.setProcessEnvironment(env);
        QStringList args{QStringLiteral("--screenshot"),
                         file,
                         QStringLiteral("--workspace"),
                         kProfile,
                         QStringLiteral("--tab"),
                         QStringLiteral("users")};
        if (lang != QLatin1String("en"))
            args << QStringLiteral("--lang") << lang;
        process.start(test::binDir() + QStringLiteral("/mcphub-admin"), args);
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        const QImage image(file);
        QVERIFY2(!image.isNull(), qPrintable(file));
    }
    QCOMPARE(test::readFile(m_settings), before); // looking writes nothing
}

// The profiles live in the user's configuration: point it at a private folder first.
int main(int argc, char **argv)
{
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());
    QApplication app(argc, argv);
    TestDualWriteGui test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_dualwritegui.moc"
