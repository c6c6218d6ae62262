// The migration wizard, offscreen, on SQLite and the real PostgreSQL: an upstream settings
// file migrated through every page (plan, progress, result with verification, report JSON
// and backup, the rows in the database); a validation error listed with its pointer and
// line:column, blocking Next, and shown in the file's text on double-click; a cancel from
// inside the first progress callback leaves the database as it was; closing the wizard
// during a run cancels it and waits for the thread; File ▸ Migrate settings file… into the
// open workspace refreshes the window's tables. Screenshots of every page in English and
// Chinese go to build/tests/screenshots. Into MCPHub's own database (issue 14): the target
// by connection string (prune offered for it only), the plan listing what MCPHub's tables
// cannot hold and Migrate refused until "Accept losing" is ticked, the rows in public.servers,
// and the hub linked to the database told what changed, one line per hub and change.

#include "app/common/appsetup.h"
#include "models/findingsmodel.h"
#include "models/migrationcountsmodel.h"
#include "models/servertablemodel.h"
#include "models/usertablemodel.h"
#include "storage/db/workspace.h"
#include "storage/hub/hubregistry.h"
#include "storage/migration/migrator.h"
#include "storage/secretstore.h"
#include "tests/support/hubemulator.h"
#include "tests/support/mcphubdatabase.h"
#include "tests/support/testbackend.h"
#include "tests/support/testenv.h"
#include "ui/backups/backupspage.h"
#include "ui/main/mainwindow.h"
#include "ui/main/workspacesession.h"
#include "ui/main/workspaceswitcher.h"
#include "ui/main/workspaceviews.h"
#include "ui/migration/migrationplanpage.h"
#include "ui/migration/migrationprogresspage.h"
#include "ui/migration/migrationresultpage.h"
#include "ui/migration/migrationrunner.h"
#include "ui/migration/migrationsourcepage.h"
#include "ui/migration/migrationtargetpage.h"
#include "ui/migration/migrationvalidationpage.h"
#include "ui/migration/migrationwizard.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTranslator>

#include <atomic>
#include <functional>
#include <memory>

using namespace mcphub;

namespace {

const QString kCheck = QStringLiteral("tst_migrationwizard");

// A run held inside its progress callback (on the runner's thread) while a picture is taken:
// shared with the callback, so that a check failing meanwhile leaves the callback nothing
// destroyed to touch, and let go by release() when the test's scope ends, so that the run
// never waits out its timeout.
struct ProgressHold
{
    QSemaphore reached, resume;
    std::atomic_bool held = false;
    QString entity, text; // of the step counted before the hold

    // Holds the run here, once.
    void hold()
    {
        if (held.exchange(true))
            return;
        reached.release();
        resume.tryAcquire(1, 20000);
    }
    void release() { resume.release(); }
};

// Holds `wizard`'s run inside the first progress callback for which `when` (called on the
// runner's thread) is true; the caller lets it go.
std::shared_ptr<ProgressHold>
holdRun(MigrationWizard *wizard,
        std::function<bool(ProgressHold &, const MigrationProgress &)> when)
{
    auto hold = std::make_shared<ProgressHold>();
    MigrationRunner *runner = wizard->migrationRunner();
    QObject::connect(
        runner,
        &MigrationRunner::progress,
        runner,
        [hold, when = std::move(when)](const MigrationProgress &p) {
            if (when(*hold, p))
                hold->hold();
        },
        Qt::DirectConnection);
    return hold;
}

QString upstreamFixture()
{
    return test::fixturesDir() + QStringLiteral("/upstream/mcp_settings_with_env_vars.json");
}

QString copyTo(const QString &from, const QString &to)
{
    QFile::remove(to);
    QFile::copy(from, to);
    QFile::setPermissions(to, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return to;
}

// A settings file whose server "bad" has a number for its command: line 8, column 18.
const QByteArray kInvalidSettings = "{\n"
                                    "  \"mcpServers\": {\n"
                                    "    \"fetch\": {\n"
                                    "      \"command\": \"uvx\",\n"
                                    "      \"args\": [\"mcp-server-fetch\"]\n"
                                    "    },\n"
                                    "    \"bad\": {\n"
                                    "      \"command\": 7\n"
                                    "    }\n"
                                    "  }\n"
                                    "}\n";

// Rows of the tables a migration writes, through the test's own connection.
QMap<QString, qint64> rowCounts()
{
    QMap<QString, qint64> counts;
    for (const QString &table : {QStringLiteral("users"),
                                 QStringLiteral("mcp_servers"),
                                 QStringLiteral("groups"),
                                 QStringLiteral("bearer_keys"),
                                 QStringLiteral("system_config"),
                                 QStringLiteral("settings_document")}) {
        QSqlQuery q(QSqlDatabase::database(kCheck));
        counts[table] = q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)) && q.next()
                            ? q.value(0).toLongLong()
                            : -1;
    }
    return counts;
}

MigrationWizard *makeWizard(const ConnectionProfile &profile)
{
    auto *wizard = new MigrationWizard(
        MigrationWizard::OpenWorkspace{profile, QStringLiteral("test workspace"), true});
    wizard->show();
    return wizard;
}

bool nextEnabled(QWizard *wizard)
{
    return wizard->button(QWizard::NextButton)->isEnabled()
           || wizard->button(QWizard::CommitButton)->isEnabled();
}

// Source and target filled, on the plan page once the dry run is done.
void driveToPlan(MigrationWizard *wizard,
                 const QString &source,
                 MigrationOptions::Conflict policy = MigrationOptions::Conflict::Fail)
{
    wizard->sourcePage()->settingsEdit()->setText(source);
    QVERIFY(wizard->currentPage()->isComplete());
    wizard->next();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::TargetPageId));
    QCOMPARE(wizard->targetPage()->choice(), MigrationTargetPage::Choice::OpenWorkspace);
    QComboBox *policies = wizard->targetPage()->conflictCombo();
    policies->setCurrentIndex(policies->findData(int(policy)));
    QCOMPARE(wizard->targetPage()->conflictPolicy(), policy);
    QVERIFY(wizard->currentPage()->isComplete());
    wizard->next();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::ValidationPageId));
    QVERIFY(wizard->currentPage()->isComplete());
    wizard->next();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::PlanPageId));
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->planPage()->isPlanning(), 20000);
    QVERIFY2(wizard->planPage()->isComplete(),
             qPrintable(wizard->planPage()->summaryLabel()->text()));
}

// A settings file with a server key MCPHub's tables have no column for.
const QByteArray kLossySettings
    = R"({"mcpServers":{"a":{"command":"x","args":[],"somethingUnknown":1}}})";

// MCPHub's database with a hub registered in it (the hub runs on it, so it is told), on the
// hub emulator with a bearer key in the keychain.
struct HubDatabase
{
    test::PgTestDatabase pg;
    test::HubEmulator hub;
    SecretStore secrets;
    QString hubName = QStringLiteral("hub-on-db-%1").arg(QCoreApplication::applicationPid());

    QString setUp()
    {
        if (!pg.available())
            return pg.error();
        if (const QString made = test::makeMcphubDatabase(pg); !made.isEmpty())
            return made;
        hub.setMode(test::HubEmulator::Mode::Database);
        hub.setBearerKey("key-of-the-hub-on-this-db");
        if (!hub.listen())
            return QStringLiteral("the hub emulator does not listen");
        auto ws
            = Workspace::open(test::mcphubProfile(pg), QStringLiteral("tst_migrationwizard-hub"));
        if (!ws)
            return ws.error().toString();
        HubRecord record;
        record.name = hubName;
        record.baseUrl = hub.baseUrl();
        record.auth = HubEndpoint::Auth::BearerKey;
        record.timeoutMs = 5'000;
        const auto added = HubRegistry(ws->context(), secrets)
                               .add(record, QStringLiteral("key-of-the-hub-on-this-db"));
        ws->close();
        return added ? QString() : added.error().toString();
    }
    ~HubDatabase() { (void)secrets.remove(HubRepository::secretKey(hubName)); }
};

// On the target page: MCPHub's database by connection string, then to the plan.
void driveToHubPlan(MigrationWizard *wizard, const QString &source, const QString &conninfo)
{
    wizard->sourcePage()->settingsEdit()->setText(source);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::TargetPageId));
    MigrationTargetPage *target = wizard->targetPage();
    QVERIFY(!target->pruneCheck()->isEnabled()); // not for a SQLite file
    QTest::keyClicks(target->hubConninfoEdit(), conninfo);
    QCOMPARE(target->choice(), MigrationTargetPage::Choice::McphubDatabase);
    QVERIFY(target->targetIsMcphubDatabase());
    QVERIFY(target->pruneCheck()->isEnabled());
    QVERIFY(!target->pruneCheck()->isChecked());
    QVERIFY(target->pruneCheck()->toolTip().contains(
        MigrationTargetPage::tr("MCPHub's database only. Warning: servers, groups, bearer keys, "
                                "users and other rows of MCPHub's tables that the settings file "
                                "does not describe are deleted (never the last user, never the "
                                "activities), admins and keys created in the database included. "
                                "Unticked, they are kept and listed in the plan.")
            .left(20)));
    QVERIFY(target->isComplete());
    wizard->next();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::ValidationPageId));
    QVERIFY(wizard->currentPage()->isComplete());
    wizard->next();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::PlanPageId));
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->planPage()->isPlanning(), 20000);
}

// Removes the translators installTranslators() installed: the application speaks English.
void speakEnglish()
{
    for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    QLocale::setDefault(QLocale(QLocale::English));
}

QString screenshotDir()
{
    const QString out = QDir(QCoreApplication::applicationDirPath())
                            .absoluteFilePath(QStringLiteral("../screenshots"));
    QDir().mkpath(out);
    return out;
}

bool saveShot(QWidget *widget, const QString &name)
{
    QCoreApplication::processEvents();
    const QString file = QDir(screenshotDir()).filePath(name + QStringLiteral(".png"));
    return widget->grab().toImage().save(file);
}

QString queryCount(const test::PgTestDatabase &pg, const char *server)
{
    return test::queryText(pg,
                           QStringLiteral("SELECT count(*) FROM servers WHERE name = '%1'")
                               .arg(QLatin1String(server)));
}

} // namespace

class TestMigrationWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { closeSqlConnection(kCheck); }

    void migratesUpstreamFixture_data() { MCPHUB_BACKEND_ROWS(); }
    void migratesUpstreamFixture();
    void migratesIntoANewSqliteFile();
    void typingInSqlitePathSelectsThatTarget();
    void migratesIntoBoundSettingsFile();
    void validationErrorShowsItsPlace();
    void cancelFromFirstCallbackChangesNothing_data() { MCPHUB_BACKEND_ROWS(); }
    void cancelFromFirstCallbackChangesNothing();
    void closingDuringRunWaitsForThread_data() { MCPHUB_BACKEND_ROWS(); }
    void closingDuringRunWaitsForThread();
    void mainWindowMigratesIntoOpenWorkspace();
    void mcphubDatabaseTargetRefusesLossUntilAccepted();
    void openMcphubDatabaseIsATargetWithPrune();
    void pruneStopsTheRemovedServersOnTheHubsBeforeTheRun();
    void lossAcceptedWhilePlanningPlansAgainWithIt();
    void screenshots();               // it switches the application to Chinese
    void mcphubDatabaseScreenshots(); // English again, then Chinese
};

void TestMigrationWizard::migratesUpstreamFixture()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kCheck);
    VERIFY_OK(ws);
    const QString source
        = copyTo(upstreamFixture(), backend.tempPath(QStringLiteral("mcp_settings.json")));

    std::unique_ptr<MigrationWizard> wizard(makeWizard(backend.profile()));
    QSignalSpy migrated(wizard.get(), &MigrationWizard::migrated);
    driveToPlan(wizard.get(), source);
    if (QTest::currentTestFailed())
        return;
    QAbstractItemModelTester planTester(wizard->planPage()->countsModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto &plan = wizard->planPage()->plan().counts;
    const auto users = std::find_if(plan.cbegin(), plan.cend(), [](const auto &c) {
        return c.entity == QLatin1String("users");
    });
    QVERIFY(users != plan.cend());
    QFile fixture(source);
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    const int fileUsers = int(QJsonDocument::fromJson(fixture.readAll())
                                  .object()
                                  .value(QStringLiteral("users"))
                                  .toArray()
                                  .size());
    QVERIFY(fileUsers > 0);
    QCOMPARE(users->total, fileUsers);
    QCOMPARE(users->created, fileUsers);
    QCOMPARE(rowCounts().value(QStringLiteral("users")), 0); // a dry run

    wizard->next(); // Migrate
    QCOMPARE(wizard->currentId(), int(MigrationWizard::ProgressPageId));
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->progressPage()->isRunning(), 30000);
    QVERIFY2(wizard->report().ok(),
             qPrintable(wizard->report().ok() ? QString() : wizard->report().error->toString()));
    QCOMPARE(wizard->progressPage()->progressBar()->value(), 100);
    QVERIFY(nextEnabled(wizard.get()));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::ResultPageId));
    QVERIFY(wizard->resultPage()->verificationLabel()->text().contains(QLatin1String("passed")));
    QVERIFY(wizard->resultPage()->headlineLabel()->text().contains(
        QString::number(wizard->report().runId)));
    QVERIFY(wizard->report().runId > 0);
    QCOMPARE(migrated.size(), 1);
    QCOMPARE(migrated.at(0).at(0).toBool(), true);

    // The database holds the file's users and servers.
    const auto counts = rowCounts();
    QCOMPARE(counts.value(QStringLiteral("users")), qint64(fileUsers));
    QCOMPARE(counts.value(QStringLiteral("mcp_servers")),
             qint64(wizard->report().countsFor(QStringLiteral("mcpServers")).total));
    QVERIFY(counts.value(QStringLiteral("mcp_servers")) > 0);

    // The backup and the report beside it, linked from the result page.
    QVERIFY(QFileInfo::exists(wizard->report().backupPath));
    QFile reportFile(wizard->reportPath());
    QVERIFY2(reportFile.open(QIODevice::ReadOnly), qPrintable(wizard->reportError()));
    QJsonParseError parseError;
    const QJsonDocument report = QJsonDocument::fromJson(reportFile.readAll(), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(report.object().value(QStringLiteral("status")).toString(),
             QStringLiteral("completed"));
    const QString links = wizard->resultPage()->linksLabel()->text();
    QVERIFY(links.contains(QUrl::fromLocalFile(wizard->reportPath()).toString(QUrl::FullyEncoded)));
    QVERIFY(
        links.contains(QUrl::fromLocalFile(QFileInfo(wizard->report().backupPath).absolutePath())
                           .toString(QUrl::FullyEncoded)));
    QVERIFY(!wizard->resultPage()->linksLabel()->openExternalLinks());
}

// The third target: a SQLite file that does not exist yet, with the schema created by the run;
// the open workspace stays as it was.
void TestMigrationWizard::migratesIntoANewSqliteFile()
{
    QTemporaryDir dir;
    const QString source
        = copyTo(upstreamFixture(), dir.filePath(QStringLiteral("mcp_settings.json")));
    const QString openPath = dir.filePath(QStringLiteral("open.db"));
    const QString newPath = dir.filePath(QStringLiteral("new.db"));
    {
        auto open = Workspace::open(ConnectionProfile::sqliteFile(openPath), kCheck);
        VERIFY_OK(open);
    }
    closeSqlConnection(kCheck);
    std::unique_ptr<MigrationWizard> wizard(makeWizard(ConnectionProfile::sqliteFile(openPath)));
    wizard->sourcePage()->settingsEdit()->setText(source);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::TargetPageId));
    wizard->targetPage()->setChoice(MigrationTargetPage::Choice::SqliteFile);
    wizard->targetPage()->sqlitePathEdit()->setText(newPath);
    QVERIFY(wizard->currentPage()->isComplete());
    wizard->next();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::ValidationPageId));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::PlanPageId));
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->planPage()->isPlanning(), 20000);
    QVERIFY2(wizard->planPage()->isComplete(),
             qPrintable(wizard->planPage()->summaryLabel()->text()));
    wizard->next();
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->progressPage()->isRunning(), 30000);
    QVERIFY2(wizard->report().ok(),
             qPrintable(wizard->report().ok() ? QString() : wizard->report().error->toString()));
    const int users = wizard->report().countsFor(QStringLiteral("users")).total;
    QVERIFY(users > 0);

    auto created = Workspace::open(ConnectionProfile::sqliteFile(newPath), kCheck);
    VERIFY_OK(created);
    QSqlQuery q(QSqlDatabase::database(kCheck));
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM users")) && q.next());
    QCOMPARE(q.value(0).toInt(), users);
    q.finish();
    created->close();
    closeSqlConnection(kCheck);
    auto untouched = Workspace::open(ConnectionProfile::sqliteFile(openPath), kCheck);
    VERIFY_OK(untouched);
    QSqlQuery u(QSqlDatabase::database(kCheck));
    QVERIFY(u.exec(QStringLiteral("SELECT COUNT(*) FROM users")) && u.next());
    QCOMPARE(u.value(0).toInt(), 0);
}

// Issue 11 item 2: with a database open, a click in the "SQLite file" path box and typing
// there select that target (the box is never disabled, nothing typed is lost); the plan page
// and its Migrate button name the new file in full; the dry run writes nothing beside the
// source; Migrate puts the rows into the new file and none into the open workspace.
void TestMigrationWizard::typingInSqlitePathSelectsThatTarget()
{
    QTemporaryDir dir;
    const QString source
        = copyTo(upstreamFixture(), dir.filePath(QStringLiteral("mcp_settings.json")));
    const QString openPath = dir.filePath(QStringLiteral("open.db"));
    const QString newPath = dir.filePath(QStringLiteral("typed.db"));
    {
        auto open = Workspace::open(ConnectionProfile::sqliteFile(openPath), kCheck);
        VERIFY_OK(open);
    }
    closeSqlConnection(kCheck);
    std::unique_ptr<MigrationWizard> wizard(makeWizard(ConnectionProfile::sqliteFile(openPath)));
    QVERIFY(QTest::qWaitForWindowExposed(wizard.get()));
    wizard->sourcePage()->settingsEdit()->setText(source);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::TargetPageId));
    MigrationTargetPage *target = wizard->targetPage();
    QCOMPARE(target->choice(), MigrationTargetPage::Choice::OpenWorkspace);

    QLineEdit *path = target->sqlitePathEdit();
    QVERIFY(path->isEnabled());
    QTest::mouseClick(path, Qt::LeftButton, {}, path->rect().center());
    QCOMPARE(target->choice(), MigrationTargetPage::Choice::SqliteFile);
    // Typing selects it too, from another target.
    target->setChoice(MigrationTargetPage::Choice::OpenWorkspace);
    path->setFocus();
    QTest::keyClicks(path, newPath);
    QCOMPARE(path->text(), newPath);
    QCOMPARE(target->choice(), MigrationTargetPage::Choice::SqliteFile);
    QVERIFY(saveShot(wizard.get(), QStringLiteral("wizard-target-typed-en")));
    QVERIFY(wizard->currentPage()->isComplete());
    wizard->next();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::ValidationPageId));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::PlanPageId));
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->planPage()->isPlanning(), 20000);
    QVERIFY2(wizard->planPage()->isComplete(),
             qPrintable(wizard->planPage()->summaryLabel()->text()));
    // The plan and the Migrate button name the target in full.
    const QString named = wizard->planPage()->targetLabel()->text();
    QVERIFY2(named.contains(QDir::toNativeSeparators(newPath).toHtmlEscaped()), qPrintable(named));
    QVERIFY2(named.contains(QLatin1String("new file")), qPrintable(named));
    QVERIFY(!named.contains(QLatin1String("open workspace")));
    QVERIFY(wizard->button(QWizard::CommitButton)
                ->toolTip()
                .contains(QDir::toNativeSeparators(newPath)));
    QVERIFY(saveShot(wizard.get(), QStringLiteral("wizard-plan-typed-en")));
    // The dry run wrote nothing: no backup beside the source, no new database file.
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.bak")}, QDir::Files), QStringList());
    QVERIFY(!QFileInfo::exists(newPath));

    wizard->next(); // Migrate
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->progressPage()->isRunning(), 30000);
    QVERIFY2(wizard->report().ok(),
             qPrintable(wizard->report().ok() ? QString() : wizard->report().error->toString()));
    const int users = wizard->report().countsFor(QStringLiteral("users")).total;
    QVERIFY(users > 0);
    QCOMPARE(wizard->report().target, QFileInfo(newPath).absoluteFilePath());
    {
        auto created = Workspace::open(ConnectionProfile::sqliteFile(newPath), kCheck);
        VERIFY_OK(created);
        QCOMPARE(rowCounts().value(QStringLiteral("users")), qint64(users));
        created->close();
    }
    closeSqlConnection(kCheck);
    auto untouched = Workspace::open(ConnectionProfile::sqliteFile(openPath), kCheck);
    VERIFY_OK(untouched);
    const auto counts = rowCounts();
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        QVERIFY2(it.value() == 0, qPrintable(it.key()));
}

// Issue 11 item 4: the open workspace's profile binds a settings file; the wizard opens the
// target as the CLI does, so the migration's commit writes the bound file too.
void TestMigrationWizard::migratesIntoBoundSettingsFile()
{
    QTemporaryDir dir;
    const QString source
        = copyTo(upstreamFixture(), dir.filePath(QStringLiteral("mcp_settings.json")));
    const QString bound = dir.filePath(QStringLiteral("bound.json"));
    ConnectionProfile profile = ConnectionProfile::sqliteFile(dir.filePath(QStringLiteral("b.db")));
    profile.boundSettingsPath = bound;
    {
        auto open = Workspace::open(profile, kCheck);
        VERIFY_OK(open);
    }
    closeSqlConnection(kCheck);
    std::unique_ptr<MigrationWizard> wizard(makeWizard(profile));
    driveToPlan(wizard.get(), source);
    if (QTest::currentTestFailed())
        return;
    const QString named = wizard->planPage()->targetLabel()->text();
    QVERIFY2(named.contains(QDir::toNativeSeparators(bound).toHtmlEscaped()), qPrintable(named));
    QVERIFY(!QFileInfo::exists(bound)); // the dry run wrote nothing
    wizard->next();
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->progressPage()->isRunning(), 30000);
    QVERIFY2(wizard->report().ok(),
             qPrintable(wizard->report().ok() ? QString() : wizard->report().error->toString()));

    QFile file(bound);
    QVERIFY2(file.open(QIODevice::ReadOnly), "the migration wrote the bound settings file");
    const QJsonObject written = QJsonDocument::fromJson(file.readAll()).object();
    QFile original(source);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(original.readAll()).object();
    QVERIFY(!expected.value(QStringLiteral("users")).toArray().isEmpty());
    QCOMPARE(written.value(QStringLiteral("users")), expected.value(QStringLiteral("users")));
    QCOMPARE(written.value(QStringLiteral("mcpServers")).toObject().keys(),
             expected.value(QStringLiteral("mcpServers")).toObject().keys());
}

void TestMigrationWizard::validationErrorShowsItsPlace()
{
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("bad.json"));
    QVERIFY(test::writeFile(source, kInvalidSettings));
    std::unique_ptr<MigrationWizard> wizard(
        makeWizard(ConnectionProfile::sqliteFile(dir.filePath(QStringLiteral("ws.db")))));
    wizard->sourcePage()->settingsEdit()->setText(dir.filePath(QStringLiteral("missing.json")));
    QVERIFY(!wizard->currentPage()->isComplete()); // the file must exist
    QVERIFY(!nextEnabled(wizard.get()));
    wizard->sourcePage()->settingsEdit()->setText(source);
    QVERIFY(nextEnabled(wizard.get()));
    wizard->next();
    wizard->next();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::ValidationPageId));

    FindingsModel *model = wizard->validationPage()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    int row = -1;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, FindingsModel::PointerColumn).data().toString()
            == QLatin1String("/mcpServers/bad/command"))
            row = r;
    }
    QVERIFY2(row >= 0, "the finding names /mcpServers/bad/command");
    QCOMPARE(model->index(row, FindingsModel::PositionColumn).data().toString(),
             QStringLiteral("8:18"));
    QCOMPARE(model->index(row, FindingsModel::SeverityColumn).data().toString(),
             QStringLiteral("Error"));
    QVERIFY(!model->index(row, FindingsModel::SeverityColumn)
                 .data(Qt::DecorationRole)
                 .value<QIcon>()
                 .isNull());
    QVERIFY(!wizard->currentPage()->isComplete());
    QVERIFY(!nextEnabled(wizard.get())); // errors block Next

    // Double-click: the cursor goes to line 8, column 18, and that line is highlighted.
    QTableView *view = wizard->validationPage()->findingsView();
    QPlainTextEdit *text = wizard->validationPage()->sourceView();
    text->moveCursor(QTextCursor::Start);
    QVERIFY(text->isReadOnly());
    QVERIFY(QTest::qWaitForWindowExposed(wizard.get()));
    const QRect cell = view->visualRect(model->index(row, FindingsModel::MessageColumn));
    QVERIFY(view->viewport()->rect().contains(cell.center()));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(text->textCursor().blockNumber() + 1, 8);
    QCOMPARE(text->textCursor().positionInBlock() + 1, 18);
    QCOMPARE(text->extraSelections().size(), 1);
    QCOMPARE(text->extraSelections().first().cursor.blockNumber() + 1, 8);

    // With "skip invalid records", the error no longer blocks the way on.
    wizard->back();
    wizard->targetPage()->skipInvalidCheck()->setChecked(true);
    QVERIFY(!wizard->targetPage()->rejectsPath().isEmpty());
    wizard->next();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::ValidationPageId));
    QVERIFY(wizard->currentPage()->isComplete());
}

void TestMigrationWizard::cancelFromFirstCallbackChangesNothing()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kCheck);
    VERIFY_OK(ws);
    // Something in the database first, so that "unchanged" means something.
    MigrationOptions first;
    first.sourcePath
        = copyTo(test::fixturesDir() + QStringLiteral("/upstream/mcp_settings.default.json"),
                 backend.tempPath(QStringLiteral("default.json")));
    const MigrationReport seeded = Migrator(ws->context(), first).run();
    QVERIFY(seeded.ok());
    const auto before = rowCounts();

    const QString source
        = copyTo(upstreamFixture(), backend.tempPath(QStringLiteral("mcp_settings.json")));
    std::unique_ptr<MigrationWizard> wizard(makeWizard(backend.profile()));
    // Overwrite: the run would replace the two entries both files hold.
    driveToPlan(wizard.get(), source, MigrationOptions::Conflict::Overwrite);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!wizard->planPage()->plan().conflicts.isEmpty());
    // Inside the worker's first progress callback (a direct connection runs there): cancel.
    MigrationRunner *runner = wizard->migrationRunner();
    int calls = 0;
    connect(
        runner,
        &MigrationRunner::progress,
        runner,
        [runner, &calls](const MigrationProgress &) {
            if (calls++ == 0)
                runner->cancel();
        },
        Qt::DirectConnection);
    wizard->next(); // Migrate
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->progressPage()->isRunning(), 30000);
    QCOMPARE(calls, 1);
    QVERIFY(!wizard->report().ok());
    QCOMPARE(wizard->report().error->code, Error::Code::Cancelled);
    QCOMPARE(wizard->report().status, QStringLiteral("cancelled"));
    QVERIFY(wizard->progressPage()->statusLabel()->text().contains(QLatin1String("Cancelled")));
    QVERIFY(wizard->progressPage()->statusLabel()->text().contains(
        QLatin1String("nothing was changed")));
    QCOMPARE(rowCounts(), before);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::ResultPageId));
    QVERIFY(wizard->resultPage()->headlineLabel()->text().contains(QLatin1String("Cancelled")));
}

void TestMigrationWizard::closingDuringRunWaitsForThread()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kCheck);
    VERIFY_OK(ws);
    const auto before = rowCounts();
    const QString source
        = copyTo(upstreamFixture(), backend.tempPath(QStringLiteral("mcp_settings.json")));
    auto *wizard = makeWizard(backend.profile());
    driveToPlan(wizard, source);
    if (QTest::currentTestFailed()) {
        delete wizard;
        return;
    }
    MigrationRunner *runner = wizard->migrationRunner();
    QSemaphore inCallback;
    std::atomic_int calls = 0;
    // The worker stays in its first callback until the wizard's close cancels the run, and
    // 150 ms more: the close must wait for it.
    connect(
        runner,
        &MigrationRunner::progress,
        runner,
        [&](const MigrationProgress &) {
            if (calls++ == 0) {
                inCallback.release();
                QElapsedTimer limit;
                limit.start();
                while (!runner->cancelRequested() && limit.elapsed() < 20000)
                    QThread::msleep(5);
                QThread::msleep(150);
            }
        },
        Qt::DirectConnection);
    QSignalSpy finished(runner, &MigrationRunner::finished);
    wizard->next();
    QVERIFY(inCallback.tryAcquire(1, 20000));
    QVERIFY(runner->isRunning());
    QElapsedTimer timer;
    timer.start();
    wizard->close(); // QDialog::closeEvent → reject(): cancel, then wait for the thread
    QVERIFY(timer.elapsed() >= 140);
    QVERIFY(!runner->isRunning());
    QVERIFY(!wizard->isVisible());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(wizard->report().status, QStringLiteral("cancelled"));
    delete wizard; // no running QThread is destroyed
    QCOMPARE(rowCounts(), before);
}

void TestMigrationWizard::mainWindowMigratesIntoOpenWorkspace()
{
    QTemporaryDir dir;
    const QString source = copyTo(upstreamFixture(), dir.filePath(QStringLiteral("settings.json")));
    const SecretStore secrets;
    MainWindow window;
    auto *switcher = new WorkspaceSwitcher(&window, secrets, false);
    switcher->addMenuActions(window.fileMenu());
    VERIFY_OK(switcher->openSqlite(dir.filePath(QStringLiteral("open.db"))));
    window.show();
    UserTableModel *users = switcher->session()->views()->users();
    QCOMPARE(users->rowCount(), 0);

    QVERIFY(window.fileMenu()->actions().contains(window.migrateAction()));
    QSignalSpy stale(&window, &MainWindow::workspaceMigrated);
    window.migrateAction()->trigger();
    auto *wizard = window.findChild<MigrationWizard *>();
    QVERIFY(wizard);
    QVERIFY(wizard->isVisible());
    QVERIFY(wizard->testAttribute(Qt::WA_DeleteOnClose));
    QVERIFY(wizard->openWorkspace().has_value());
    QVERIFY(wizard->openWorkspace()->isDatabase);
    driveToPlan(wizard, source);
    if (QTest::currentTestFailed())
        return;
    wizard->next();
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->progressPage()->isRunning(), 30000);
    QVERIFY(wizard->report().ok());
    // The window's views show what the migration wrote into the open workspace.
    QCOMPARE(stale.size(), 1);
    QCOMPARE(users->rowCount(), wizard->report().countsFor(QStringLiteral("users")).total);
    QVERIFY(users->rowCount() > 0);
    QCOMPARE(switcher->session()->views()->servers()->rowCount(),
             wizard->report().countsFor(QStringLiteral("mcpServers")).total);
    wizard->next();
    wizard->accept();
}

void TestMigrationWizard::screenshots()
{
    QTemporaryDir dir;
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("invalid.json")), kInvalidSettings));
    for (const QString &lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        if (lang != QLatin1String("en"))
            QCOMPARE(installTranslators(*qApp, lang), lang);
        const ConnectionProfile target = ConnectionProfile::sqliteFile(
            dir.filePath(QStringLiteral("screens-%1.db").arg(lang)));
        const QString source = copyTo(
            upstreamFixture(), dir.filePath(QStringLiteral("mcp_settings-%1.json").arg(lang)));

        // Validation with a finding selected and its place shown.
        {
            std::unique_ptr<MigrationWizard> wizard(makeWizard(target));
            wizard->sourcePage()->settingsEdit()->setText(
                dir.filePath(QStringLiteral("invalid.json")));
            QVERIFY(saveShot(wizard.get(), QStringLiteral("wizard-source-%1").arg(lang)));
            wizard->next();
            QVERIFY(saveShot(wizard.get(), QStringLiteral("wizard-target-%1").arg(lang)));
            wizard->next();
            auto *page = wizard->validationPage();
            int row = 0;
            for (int r = 0; r < page->model()->rowCount(); ++r) {
                if (page->model()->index(r, FindingsModel::PointerColumn).data().toString()
                    == QLatin1String("/mcpServers/bad/command"))
                    row = r;
            }
            page->findingsView()->selectRow(row);
            const QRect cell = page->findingsView()->visualRect(page->model()->index(row, 0));
            QTest::mouseClick(page->findingsView()->viewport(), Qt::LeftButton, {}, cell.center());
            QTest::mouseDClick(page->findingsView()->viewport(), Qt::LeftButton, {}, cell.center());
            QVERIFY(saveShot(wizard.get(), QStringLiteral("wizard-validation-%1").arg(lang)));
        }

        // Plan, progress (held inside a callback while the picture is taken), result.
        std::unique_ptr<MigrationWizard> wizard(makeWizard(target));
        driveToPlan(wizard.get(), source);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(saveShot(wizard.get(), QStringLiteral("wizard-plan-%1").arg(lang)));
        const auto hold = holdRun(wizard.get(), [](ProgressHold &, const MigrationProgress &p) {
            return !p.entity.isEmpty() && p.percent >= 20;
        });
        const auto letGo = qScopeGuard([hold] { hold->release(); });
        wizard->next();
        QVERIFY(hold->reached.tryAcquire(1, 20000));
        // The page's queued update of this very step comes after the hold: show the one before.
        QTRY_VERIFY(wizard->progressPage()->progressBar()->value() > 0);
        const bool shot = saveShot(wizard.get(), QStringLiteral("wizard-progress-%1").arg(lang));
        hold->release();
        QVERIFY(shot);
        QTRY_VERIFY_WITH_TIMEOUT(!wizard->progressPage()->isRunning(), 30000);
        QVERIFY(wizard->report().ok());
        wizard->next();
        QVERIFY(saveShot(wizard.get(), QStringLiteral("wizard-result-%1").arg(lang)));

        // A run cancelled with the page's button (pressed from inside the first callback).
        std::unique_ptr<MigrationWizard> cancelled(makeWizard(target));
        driveToPlan(cancelled.get(), source);
        if (QTest::currentTestFailed())
            return;
        QPushButton *cancel = cancelled->progressPage()->cancelButton();
        connect(
            cancelled->migrationRunner(),
            &MigrationRunner::progress,
            cancel,
            [cancel] {
                QMetaObject::invokeMethod(
                    cancel, &QPushButton::click, Qt::BlockingQueuedConnection);
            },
            Qt::DirectConnection);
        cancelled->next();
        QTRY_VERIFY_WITH_TIMEOUT(!cancelled->progressPage()->isRunning(), 30000);
        QCOMPARE(cancelled->report().status, QStringLiteral("cancelled"));
        QVERIFY(saveShot(cancelled.get(), QStringLiteral("wizard-cancelled-%1").arg(lang)));
    }
}

void TestMigrationWizard::mcphubDatabaseTargetRefusesLossUntilAccepted()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    HubDatabase db;
    const QString problem = db.setUp();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("mcp_settings.json"));
    QVERIFY(test::writeFile(source, kLossySettings));

    std::unique_ptr<MigrationWizard> wizard(new MigrationWizard(std::nullopt));
    wizard->show();
    driveToHubPlan(wizard.get(), source, db.pg.conninfo());
    if (QTest::currentTestFailed())
        return;
    MigrationPlanPage *plan = wizard->planPage();
    // The unknown key is listed with its place, and Migrate waits for the box.
    QVERIFY2(!plan->plan().losses.isEmpty(), qPrintable(plan->summaryLabel()->text()));
    QStringList pointers;
    for (int r = 0; r < plan->lossesModel()->rowCount(); ++r)
        pointers << plan->lossesModel()->index(r, 0).data().toString();
    QVERIFY2(pointers.contains(QStringLiteral("/mcpServers/a/somethingUnknown")),
             qPrintable(pointers.join(QLatin1Char(','))));
    const int lost = int(plan->plan().losses.size());
    QVERIFY(plan->acceptLossCheck()->isVisible());
    QVERIFY(!plan->acceptLossCheck()->isChecked());
    QVERIFY2(plan->acceptLossCheck()->text().contains(QString::number(lost)),
             qPrintable(plan->acceptLossCheck()->text()));
    QVERIFY(!plan->isComplete());
    QVERIFY(!nextEnabled(wizard.get()));
    wizard->next(); // refused
    QCOMPARE(wizard->currentId(), int(MigrationWizard::PlanPageId));
    QCOMPARE(queryCount(db.pg, "a"), QStringLiteral("0"));

    // Accepted: planned again with acceptLoss, the losses still listed, Migrate enabled.
    plan->acceptLossCheck()->click();
    QVERIFY(wizard->options().acceptLoss);
    QTRY_VERIFY_WITH_TIMEOUT(!plan->isPlanning(), 20000);
    QVERIFY2(plan->isComplete(), qPrintable(plan->summaryLabel()->text()));
    QCOMPARE(int(plan->plan().losses.size()), lost);
    QVERIFY(nextEnabled(wizard.get()));
    // Unticked again: Migrate waits again.
    plan->acceptLossCheck()->click();
    QVERIFY(!plan->isComplete());
    plan->acceptLossCheck()->click();
    QVERIFY(plan->isComplete());

    wizard->next();
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->progressPage()->isRunning(), 30000);
    QVERIFY2(wizard->report().ok(),
             qPrintable(wizard->report().ok() ? QString() : wizard->report().error->toString()));
    QCOMPARE(queryCount(db.pg, "a"), QStringLiteral("1"));
    QCOMPARE(test::queryText(db.pg, QStringLiteral("SELECT command FROM servers WHERE name = 'a'")),
             QStringLiteral("x"));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::ResultPageId));
    MigrationResultPage *result = wizard->resultPage();
    QVERIFY(result->itemsModel()->rowCount() >= lost);
    // The hub on the database was told (the new server started), one line per change.
    QVERIFY(!wizard->report().hubChanges.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->tellingHubs(), 30000);
    QCOMPARE(wizard->hubResults().size(), wizard->report().hubChanges.size());
    QStringList calls;
    for (const test::HubEmulator::Request &r : db.hub.requests()) {
        if (r.path.startsWith(QLatin1String("/api/servers/")))
            calls << QString::fromLatin1(r.method) + QLatin1Char(' ') + r.path + QLatin1Char(' ')
                         + QString::fromUtf8(r.body);
    }
    QVERIFY2(calls.contains(QStringLiteral(R"(POST /api/servers/a/toggle {"enabled":true})")),
             qPrintable(calls.join(QLatin1Char('\n'))));
    const QStringList lines = result->hubResultsText()->toPlainText().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), wizard->hubResults().size());
    QCOMPARE(lines.first(), wizard->hubResults().first().text());
    QVERIFY2(lines.first().contains(db.hubName), qPrintable(lines.first()));
    QVERIFY2(result->hubSummaryLabel()->text().contains(QLatin1String("done")),
             qPrintable(result->hubSummaryLabel()->text()));
}

void TestMigrationWizard::openMcphubDatabaseIsATargetWithPrune()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("mcp_settings.json"));
    QVERIFY(test::writeFile(source, kLossySettings));
    std::unique_ptr<MigrationWizard> wizard(makeWizard(test::mcphubProfile(pg)));
    wizard->sourcePage()->settingsEdit()->setText(source);
    wizard->next();
    MigrationTargetPage *target = wizard->targetPage();
    QCOMPARE(target->choice(), MigrationTargetPage::Choice::OpenWorkspace);
    QVERIFY(target->isComplete());
    QVERIFY(target->targetIsMcphubDatabase());
    QVERIFY(target->pruneCheck()->isEnabled());
    QVERIFY(!wizard->options().prune);
    target->pruneCheck()->click();
    QVERIFY(wizard->options().prune);
    QVERIFY2(target->targetDescription().contains(QLatin1String("MCPHub")),
             qPrintable(target->targetDescription()));
    // Another target: prune is not offered, and not left ticked.
    target->setChoice(MigrationTargetPage::Choice::SqliteFile);
    QVERIFY(!target->pruneCheck()->isEnabled());
    QVERIFY(!target->pruneCheck()->isChecked());
    QVERIFY(!wizard->options().prune);
}

void TestMigrationWizard::pruneStopsTheRemovedServersOnTheHubsBeforeTheRun()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    HubDatabase db;
    const QString problem = db.setUp();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("mcp_settings.json"));
    QVERIFY(test::writeFile(source, kLossySettings));

    std::unique_ptr<MigrationWizard> wizard(new MigrationWizard(std::nullopt));
    wizard->show();
    wizard->sourcePage()->settingsEdit()->setText(source);
    wizard->next();
    QTest::keyClicks(wizard->targetPage()->hubConninfoEdit(), db.pg.conninfo());
    wizard->targetPage()->pruneCheck()->click();
    QVERIFY(wizard->options().prune);
    wizard->next();
    wizard->next();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::PlanPageId));
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->planPage()->isPlanning(), 20000);
    wizard->planPage()->acceptLossCheck()->click();
    QTRY_VERIFY_WITH_TIMEOUT(wizard->planPage()->isComplete(), 20000);
    const MigrationReport plan = wizard->planPage()->plan();
    QStringList pruned;
    for (const MigrationReport::Item &item : plan.pruned)
        pruned << item.pointer;
    QVERIFY2(pruned.contains(QStringLiteral("/mcpServers/echo-local")),
             qPrintable(pruned.join(QLatin1Char(','))));

    // Each stop arrives while the run has not started and the row is still there.
    QStringList stopsSeen;
    QStringList wrong;
    connect(&db.hub, &test::HubEmulator::requestReceived, this, [&](const QString &path) {
        const QString body = QString::fromUtf8(db.hub.requests().constLast().body);
        if (!path.endsWith(QLatin1String("/toggle")) || !body.contains(QLatin1String("false")))
            return;
        const QString server = path.section(QLatin1Char('/'), 3, 3);
        stopsSeen << server;
        if (wizard->migrationRunner()->isRunning())
            wrong << server + QStringLiteral(": the run had started");
        if (queryCount(db.pg, server.toUtf8().constData()) != QLatin1String("1"))
            wrong << server + QStringLiteral(": the row was gone");
    });
    wizard->next();
    QTRY_VERIFY_WITH_TIMEOUT(wizard->currentId() == int(MigrationWizard::ProgressPageId)
                                 && !wizard->progressPage()->isRunning(),
                             30000);
    QVERIFY2(wizard->report().ok(),
             qPrintable(wizard->report().ok() ? QString() : wizard->report().error->toString()));
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    QVERIFY(stopsSeen.contains(QStringLiteral("echo-local")));
    QCOMPARE(queryCount(db.pg, "echo-local"), QStringLiteral("0"));
    QCOMPARE(queryCount(db.pg, "a"), QStringLiteral("1"));
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->tellingHubs(), 30000);
    // Every change told once: the stops before the run, first, then the start of "a".
    QCOMPARE(wizard->hubResults().size(), wizard->report().hubChanges.size());
    QCOMPARE(wizard->hubResults().constLast().change, HubChange::startServer(QStringLiteral("a")));
    int stops = 0;
    for (const HubChangeResult &r : wizard->hubResults()) {
        if (r.change.kind == HubChange::Kind::StopServer)
            ++stops;
    }
    QCOMPARE(stops, int(stopsSeen.size()));
    wizard->next();
    QCOMPARE(wizard->resultPage()->hubResultsText()->toPlainText().count(QLatin1Char('\n')) + 1,
             int(wizard->hubResults().size()));
}

void TestMigrationWizard::lossAcceptedWhilePlanningPlansAgainWithIt()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString made = test::makeMcphubDatabase(pg);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("mcp_settings.json"));
    QVERIFY(test::writeFile(source, kLossySettings));
    std::unique_ptr<MigrationWizard> wizard(makeWizard(test::mcphubProfile(pg)));
    wizard->sourcePage()->settingsEdit()->setText(source);
    wizard->next();
    wizard->next();
    wizard->next();
    QCOMPARE(wizard->currentId(), int(MigrationWizard::PlanPageId));
    // The plan without acceptLoss runs (its end is queued to this thread): accepted now, it
    // is planned again with it rather than left refused with the box ticked.
    QVERIFY(wizard->planPage()->isPlanning());
    wizard->planPage()->acceptLossCheck()->click();
    QVERIFY(wizard->planPage()->acceptLossCheck()->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->planPage()->isPlanning(), 20000);
    QVERIFY2(wizard->planPage()->isComplete(),
             qPrintable(wizard->planPage()->summaryLabel()->text()));
    QVERIFY(!wizard->planPage()->plan().losses.isEmpty());
}

void TestMigrationWizard::mcphubDatabaseScreenshots()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    MCPHUB_REQUIRE_SERVICE(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("A D-Bus session with a keychain"));
    speakEnglish();
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("mcp_settings.json"));
    QVERIFY(test::writeFile(source, kLossySettings));
    for (const QString &lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        if (lang != QLatin1String("en"))
            QCOMPARE(installTranslators(*qApp, lang), lang);
        HubDatabase db;
        const QString problem = db.setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        std::unique_ptr<MigrationWizard> wizard(new MigrationWizard(std::nullopt));
        wizard->show();
        wizard->sourcePage()->settingsEdit()->setText(source);
        wizard->next();
        MigrationTargetPage *target = wizard->targetPage();
        QTest::keyClicks(target->hubConninfoEdit(),
                         QStringLiteral("postgresql://mcphub@db.example.org/mcphub"));
        QVERIFY(saveShot(wizard.get(), QStringLiteral("wizard-hub-target-%1").arg(lang)));
        target->hubConninfoEdit()->clear();
        target->setChoice(MigrationTargetPage::Choice::SqliteFile);
        wizard->back();
        driveToHubPlan(wizard.get(), source, db.pg.conninfo());
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!wizard->planPage()->plan().losses.isEmpty());
        QVERIFY(saveShot(wizard.get(), QStringLiteral("wizard-hub-plan-%1").arg(lang)));
        wizard->planPage()->acceptLossCheck()->click();
        QTRY_VERIFY_WITH_TIMEOUT(wizard->planPage()->isComplete(), 20000);
        // Progress, held inside the callback after the one that counts the first entity as
        // written (the file has no users, which go first): the page's queued update of the
        // held step comes after the hold, so it shows that entity's count.
        const auto hold = holdRun(wizard.get(), [](ProgressHold &h, const MigrationProgress &p) {
            if (!h.entity.isEmpty())
                return true;
            if (p.total > 0 && p.done == p.total) {
                h.entity = p.entity;
                h.text
                    = QCoreApplication::translate("mcphub::MigrationProgressPage",
                                                  "%1: %2 (%3 of %4)")
                          .arg(p.step, p.entity, QString::number(p.done), QString::number(p.total));
            }
            return false;
        });
        const auto letGo = qScopeGuard([hold] { hold->release(); });
        wizard->next();
        QVERIFY(hold->reached.tryAcquire(1, 20000));
        QCOMPARE(hold->entity, QStringLiteral("mcpServers"));
        QTRY_COMPARE(wizard->progressPage()->stepLabel()->text(), hold->text);
        const bool shot
            = saveShot(wizard.get(), QStringLiteral("wizard-hub-progress-%1").arg(lang));
        hold->release();
        QVERIFY(shot);
        QTRY_VERIFY_WITH_TIMEOUT(!wizard->progressPage()->isRunning(), 30000);
        QVERIFY(wizard->report().ok());
        wizard->next();
        QTRY_VERIFY_WITH_TIMEOUT(!wizard->tellingHubs(), 30000);
        QVERIFY(saveShot(wizard.get(), QStringLiteral("wizard-hub-result-%1").arg(lang)));
    }
}

QTEST_MAIN(TestMigrationWizard)
#include "tst_migrationwizard.moc"
