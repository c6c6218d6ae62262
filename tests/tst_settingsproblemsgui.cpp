// A slightly bad settings file has a way forward in the console (issue 11 item 7), offscreen:
// upstream's oauth-dynamic-registration-config.json (a user whose password is not a bcrypt
// hash) is not refused but shown read-only with its findings (double-click: the line), the
// password is repaired in the dialog, saved through the settings store and the file opens as
// the workspace; Backups ▸ Restore of a backup with a warning lists the warning and asks
// before restoring it (the CLI's --allow-warnings). Screenshots of the dialog in English and
// Chinese go to build/tests/screenshots.

#include "app/common/appsetup.h"
#include "models/findingsmodel.h"
#include "models/usertablemodel.h"
#include "storage/passwordhasher.h"
#include "storage/secretstore.h"
#include "storage/settings/settingsbackups.h"
#include "tests/support/testenv.h"
#include "ui/backups/backupspage.h"
#include "ui/main/mainwindow.h"
#include "ui/main/settingsfileproblemsdialog.h"
#include "ui/main/workspacesession.h"
#include "ui/main/workspaceswitcher.h"
#include "ui/main/workspaceviews.h"
#include "ui/widgets/findingsbrowser.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace mcphub;
using OrderedJson = nlohmann::ordered_json;

namespace {

QString copyFixture(const QTemporaryDir &dir, const QString &name)
{
    const QString path = dir.filePath(name);
    QFile::copy(test::fixturesDir() + QStringLiteral("/upstream/") + name, path);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return path;
}

int rowOf(const FindingsModel *model, const QString &pointer)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->findingAt(r).pointer == pointer)
            return r;
    }
    return -1;
}

bool saveShot(QWidget *widget, const QString &name)
{
    QCoreApplication::processEvents();
    const QString out = QDir(QCoreApplication::applicationDirPath())
                            .absoluteFilePath(QStringLiteral("../screenshots"));
    QDir().mkpath(out);
    return widget->grab().toImage().save(QDir(out).filePath(name + QStringLiteral(".png")));
}

} // namespace

class TestSettingsProblemsGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void invalidFileOpensReadOnlyAndIsRepaired();
    void restoreAsksAboutWarnings();
    void screenshots(); // last: it switches the application to Chinese
};

void TestSettingsProblemsGui::invalidFileOpensReadOnlyAndIsRepaired()
{
    QTemporaryDir dir;
    const QString path = copyFixture(dir, QStringLiteral("oauth-dynamic-registration-config.json"));
    const QByteArray before = test::readFile(path);
    const SecretStore secrets;
    MainWindow window;
    WorkspaceSwitcher switcher(&window, secrets, false);
    window.show();
    const auto opened = switcher.openSettingsFile(path);
    QVERIFY(!opened.ok()); // not opened for editing
    QVERIFY(!switcher.session());
    SettingsFileProblemsDialog *dialog = switcher.problemsDialog();
    QVERIFY2(dialog, "the file is shown with its findings instead of refused");
    QVERIFY(dialog->isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(dialog));

    // The findings over the file's read-only text; double-click: the password's line.
    FindingsBrowser *browser = dialog->browser();
    FindingsModel *model = browser->model();
    const QString pointer = QStringLiteral("/users/0/password");
    const int row = rowOf(model, pointer);
    QVERIFY2(row >= 0, "the finding names /users/0/password");
    QVERIFY(model->index(row, 0).data(FindingsModel::IsErrorRole).toBool());
    QVERIFY(browser->sourceView()->isReadOnly());
    QVERIFY(!dialog->saveButton()->isEnabled());
    QTableView *view = browser->findingsView();
    const QRect cell = view->visualRect(model->index(row, FindingsModel::MessageColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(browser->sourceView()->textCursor().blockNumber() + 1, 21);
    QCOMPARE(browser->sourceView()->extraSelections().size(), 1);

    // Repair: a new password, hashed; the errors are gone; nothing written yet.
    QCOMPARE(browser->currentRow(), row);
    QVERIFY(dialog->valueEdit()->isEnabled());
    QCOMPARE(dialog->valueEdit()->echoMode(), QLineEdit::Password);
    QTest::keyClicks(dialog->valueEdit(), QStringLiteral("N3w-admin-pass"));
    QTest::mouseClick(dialog->replaceButton(), Qt::LeftButton);
    QVERIFY2(!hasErrors(dialog->findings()), qPrintable(dialog->statusLabel()->text()));
    QCOMPARE(rowOf(model, pointer), -1);
    QCOMPARE(test::readFile(path), before);
    if (dialog->allowWarningsCheck()->isVisible()) {
        QVERIFY(!dialog->saveButton()->isEnabled()); // asks about the warnings first
        dialog->allowWarningsCheck()->setChecked(true);
    }
    QVERIFY(dialog->saveButton()->isEnabled());

    // Save and open: the file holds the hash, and it is the window's workspace now.
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    QVERIFY2(switcher.session(), qPrintable(dialog->statusLabel()->text()));
    QVERIFY(switcher.session()->settingsFile());
    const OrderedJson saved = OrderedJson::parse(test::readFile(path).toStdString());
    const QString hash = QString::fromStdString(saved["users"][0]["password"].get<std::string>());
    QVERIFY(PasswordHasher::verify(QStringLiteral("N3w-admin-pass"), hash));
    QVERIFY(saved["systemConfig"] == OrderedJson::parse(before.toStdString())["systemConfig"]);
    QCOMPARE(SettingsBackups::paths(path).size(), 1);
    QCOMPARE(test::readFile(SettingsBackups::paths(path).first()), before);
    QCOMPARE(switcher.session()->views()->users()->rowCount(), 1);
}

void TestSettingsProblemsGui::restoreAsksAboutWarnings()
{
    QTemporaryDir dir;
    const QString path = copyFixture(dir, QStringLiteral("mcp_settings.default.json"));
    const QByteArray current = test::readFile(path);
    // A backup with a warning (no users: MCPHub creates "admin" itself) and no error.
    const QByteArray warned = "{\n  \"mcpServers\": {},\n  \"users\": []\n}\n";
    const QString backup
        = SettingsBackups::pathFor(path, QDateTime::currentDateTimeUtc().addSecs(-60));
    QVERIFY(test::writeFile(backup, warned));
    const SecretStore secrets;
    MainWindow window;
    WorkspaceSwitcher switcher(&window, secrets, false);
    QVERIFY(switcher.openSettingsFile(path).ok());
    BackupsPage *page = switcher.session()->backupsPage();
    page->reload();
    QCOMPARE(page->model()->rowCount(), 1);
    page->view()->selectRow(0);

    QVERIFY(!page->restoreRow(0)); // not yet: the warning is listed and asked about
    QVERIFY2(page->messageLabel()->text().contains(QLatin1String("/users")),
             qPrintable(page->messageLabel()->text()));
    QVERIFY(page->messageLabel()->text().contains(QLatin1String("warning")));
    QVERIFY(!page->restoreAllowingWarningsButton()->isHidden());
    QCOMPARE(test::readFile(path), current);

    WorkspaceSession *before = switcher.session();
    QTest::mouseClick(page->restoreAllowingWarningsButton(), Qt::LeftButton);
    QCOMPARE(test::readFile(path), warned);
    QVERIFY(switcher.session() != before); // reopened from the restored file
}

void TestSettingsProblemsGui::screenshots()
{
    QTemporaryDir dir;
    const QString path = copyFixture(dir, QStringLiteral("oauth-dynamic-registration-config.json"));
    for (const QString &lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        if (lang != QLatin1String("en"))
            QCOMPARE(installTranslators(*qApp, lang), lang);
        const SecretStore secrets;
        MainWindow window;
        WorkspaceSwitcher switcher(&window, secrets, false);
        window.show();
        QVERIFY(!switcher.openSettingsFile(path).ok());
        SettingsFileProblemsDialog *dialog = switcher.problemsDialog();
        QVERIFY(dialog);
        const int row = rowOf(dialog->browser()->model(), QStringLiteral("/users/0/password"));
        dialog->browser()->findingsView()->selectRow(row);
        dialog->browser()->showFinding(row);
        QVERIFY(saveShot(dialog, QStringLiteral("settings-problems-%1").arg(lang)));
        dialog->reject();
    }
}

QTEST_MAIN(TestSettingsProblemsGui)
#include "tst_settingsproblemsgui.moc"
