// A connection profile bound to a settings file (dual-write, issue #5), on SQLite and the real
// PostgreSQL: an edit through the repositories commits to the database and the file as one
// unit (the file equals the database's export, one backup, no lock left); a save that fails
// (the lock held by someone else) or that meets a file MCPHub rewrote (a conflict naming the
// file) rolls the database back, audit row included; drift is reported on opening and the
// database wins on the next edit; unbinding stops the file writes; and the same through the
// real mcphub-adminctl (profile bind, user add --profile, profile list, --bind-settings).

#include "storage/db/profilestore.h"
#include "storage/db/rowrepository.h"
#include "storage/db/transactionguard.h"
#include "storage/db/useradministration.h"
#include "storage/db/userrepository.h"
#include "storage/hub/hubrepository.h"
#include "storage/hub/hubsamplestore.h"
#include "storage/migration/migrator.h"
#include "storage/migration/openedworkspace.h"
#include "storage/migration/settingsfilebinding.h"
#include "storage/migration/settingsmapper.h"
#include "storage/passwordhasher.h"
#include "storage/settings/settingsfilelock.h"
#include "tests/support/adminctlrun.h"
#include "tests/support/testbackend.h"
#include "tests/support/testenv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace mcphub;

namespace {

const QString kConnection = QStringLiteral("tst_dualwritebinding");
const QString kFileName = QStringLiteral("mcp_settings.json");

OrderedJson parse(const QByteArray &text)
{
    return OrderedJson::parse(text.constData(), text.constData() + text.size(), nullptr, false);
}

qint64 count(const QString &connection, const QString &table)
{
    QSqlQuery query(QSqlDatabase::database(connection));
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

QStringList backups(const QString &dir)
{
    return QDir(dir).entryList({kFileName + QStringLiteral(".backup.*")}, QDir::Files);
}

bool hasUser(const OrderedJson &document, const std::string &name)
{
    if (!document.contains("users"))
        return false;
    for (const OrderedJson &user : document["users"]) {
        if (user.value("username", std::string()) == name)
            return true;
    }
    return false;
}

} // namespace

class TestDualWriteBinding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup() { closeSqlConnection(kConnection); }
    void editCommitsToDatabaseAndFile_data() { MCPHUB_BACKEND_ROWS(); }
    void editCommitsToDatabaseAndFile();
    void lockedFileRollsDatabaseBack_data() { MCPHUB_BACKEND_ROWS(); }
    void lockedFileRollsDatabaseBack();
    void invalidDocumentRollsDatabaseBack_data() { MCPHUB_BACKEND_ROWS(); }
    void invalidDocumentRollsDatabaseBack();
    void fileRewrittenByMcpHubIsConflict_data() { MCPHUB_BACKEND_ROWS(); }
    void fileRewrittenByMcpHubIsConflict();
    void driftIsReportedAndDatabaseWins_data() { MCPHUB_BACKEND_ROWS(); }
    void driftIsReportedAndDatabaseWins();
    void failedCommitLeavesFileUntouched_data() { MCPHUB_BACKEND_ROWS(); }
    void failedCommitLeavesFileUntouched();
    void onlySettingsWritesAreExported_data() { MCPHUB_BACKEND_ROWS(); }
    void onlySettingsWritesAreExported();
    void sigkillAtEveryStepLeavesFileAndDatabaseAgreeing_data();
    void sigkillAtEveryStepLeavesFileAndDatabaseAgreeing();
    void profileBindingPersistsAndUnbindStopsWrites_data() { MCPHUB_BACKEND_ROWS(); }
    void profileBindingPersistsAndUnbindStopsWrites();
    void cliBindUserAddUnbind_data() { MCPHUB_BACKEND_ROWS(); }
    void cliBindUserAddUnbind();
    void cliBindSettingsOneOff();
    void cliBindRefusesBadFile();

private:
    // The fixture imported into the backend's database and copied to `dir/mcp_settings.json`,
    // so that file and database agree; returns the file's path.
    QString prepare(const test::TestBackend &backend, const QString &dir);

    QString m_hash;
};

void TestDualWriteBinding::initTestCase()
{
    const auto hash = PasswordHasher::hash(QStringLiteral("D4ve!pass"), 10);
    QVERIFY(hash.ok());
    m_hash = *hash;
}

QString TestDualWriteBinding::prepare(const test::TestBackend &backend, const QString &dir)
{
    const QString path = QDir(dir).filePath(kFileName);
    const QByteArray fixture
        = test::readFile(test::fixturesDir() + QStringLiteral("/migration/full.json"));
    if (fixture.isEmpty() || !test::writeFile(path, fixture))
        return {};
    auto ws = Workspace::open(backend.profile(), kConnection);
    if (!ws)
        return {};
    MigrationOptions options;
    options.sourcePath = path;
    options.backupDir = backend.tempPath(QStringLiteral("import-backups"));
    QDir().mkpath(options.backupDir);
    const MigrationReport report = Migrator(ws->context(), options).run();
    ws->close();
    return report.ok() ? path : QString();
}

void TestDualWriteBinding::editCommitsToDatabaseAndFile()
{
    MCPHUB_BACKEND(backend);
    const QString dir = backend.tempPath(QStringLiteral("hub"));
    QVERIFY(QDir().mkpath(dir));
    const QString path = prepare(backend, dir);
    QVERIFY(!path.isEmpty());

    ConnectionProfile profile = backend.profile();
    profile.boundSettingsPath = path;
    auto opened = OpenedWorkspace::openDatabase(profile, kConnection);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    QVERIFY(opened->binding());
    QVERIFY(opened->binding()->installed());
    QCOMPARE(opened->boundSettingsPath(), path);
    QVERIFY2(opened->drift().isEmpty(), qPrintable(opened->warnings().join(QLatin1Char('\n'))));

    const qint64 auditBefore = count(kConnection, QStringLiteral("access_logs"));
    VERIFY_OK(UserAdministration(opened->context()).add(QStringLiteral("dave"), m_hash, false));

    // The file re-read is what the database now holds, in MCPHub's format.
    const auto exported = SettingsMapper::exportDocument(opened->context());
    QVERIFY(exported.ok());
    const OrderedJson onDisk = parse(test::readFile(path));
    QVERIFY(onDisk == exported->document);
    QVERIFY(hasUser(onDisk, "dave"));
    QCOMPARE(test::readFile(path), SettingsMapper::serialize(exported->document));
    QCOMPARE(count(kConnection, QStringLiteral("access_logs")), auditBefore + 1);
    // One backup of the replaced content, and no lock left behind.
    QCOMPARE(backups(dir).size(), 1);
    QCOMPARE(QFileInfo(opened->binding()->lastBackupPath()).fileName(), backups(dir).first());
    QVERIFY(!QFileInfo::exists(SettingsFileLock::lockPathFor(SettingsFileStore::realPath(path))));
    QCOMPARE(opened->binding()->saveCount(), 1);

    // A transaction that changes nothing of the settings does not touch the file.
    const QByteArray saved = test::readFile(path);
    {
        TransactionGuard tx(opened->workspace().database());
        QVERIFY(tx.active());
        VERIFY_OK(tx.commit());
    }
    QCOMPARE(test::readFile(path), saved);
    QCOMPARE(opened->binding()->saveCount(), 1);
    opened->close();
}

void TestDualWriteBinding::lockedFileRollsDatabaseBack()
{
    MCPHUB_BACKEND(backend);
    const QString dir = backend.tempPath(QStringLiteral("hub"));
    QVERIFY(QDir().mkpath(dir));
    const QString path = prepare(backend, dir);
    QVERIFY(!path.isEmpty());
    const QByteArray before = test::readFile(path);

    // The binding waits for the file's lock this long (the store's 10 s, shortened here).
    SettingsFileBinding::setDefaultLockTimeout(std::chrono::milliseconds(500));
    const auto restore = qScopeGuard(
        [] { SettingsFileBinding::setDefaultLockTimeout(SaveOptions().lockTimeout); });
    ConnectionProfile profile = backend.profile();
    profile.boundSettingsPath = path;
    auto opened = OpenedWorkspace::openDatabase(profile, kConnection);
    QVERIFY(opened.ok());
    const qint64 usersBefore = count(kConnection, QStringLiteral("users"));
    const qint64 auditBefore = count(kConnection, QStringLiteral("access_logs"));

    // Someone else holds the settings file's lock for longer than the store waits.
    SettingsFileLock other(SettingsFileStore::realPath(path));
    VERIFY_OK(other.acquire(std::chrono::milliseconds(1000)));
    const auto added
        = UserAdministration(opened->context()).add(QStringLiteral("dave"), m_hash, false);
    other.release();
    QVERIFY(!added.ok());
    QCOMPARE(added.error().code, Error::Code::Locked);
    QVERIFY2(added.error().where.startsWith(path), qPrintable(added.error().toString()));
    QVERIFY2(added.error().message.contains(kFileName), qPrintable(added.error().message));

    // Nothing happened: not in the database, no audit row, the file as it was, no backup.
    QCOMPARE(count(kConnection, QStringLiteral("users")), usersBefore);
    QCOMPARE(count(kConnection, QStringLiteral("access_logs")), auditBefore);
    const auto all = UserAdministration(opened->context()).all();
    QVERIFY(all.ok());
    for (const UserRecord &user : *all)
        QVERIFY(user.username != QLatin1String("dave"));
    QCOMPARE(test::readFile(path), before);
    QVERIFY(backups(dir).isEmpty());

    // With the lock free again, the same edit goes through to both.
    VERIFY_OK(UserAdministration(opened->context()).add(QStringLiteral("dave"), m_hash, false));
    QVERIFY(hasUser(parse(test::readFile(path)), "dave"));
    opened->close();
}

void TestDualWriteBinding::invalidDocumentRollsDatabaseBack()
{
    MCPHUB_BACKEND(backend);
    const QString dir = backend.tempPath(QStringLiteral("hub"));
    QVERIFY(QDir().mkpath(dir));
    const QString path = prepare(backend, dir);
    QVERIFY(!path.isEmpty());
    const QByteArray before = test::readFile(path);
    ConnectionProfile profile = backend.profile();
    profile.boundSettingsPath = path;
    auto opened = OpenedWorkspace::openDatabase(profile, kConnection);
    QVERIFY(opened.ok());
    const qint64 auditBefore = count(kConnection, QStringLiteral("access_logs"));

    // A change the database takes but MCPHub could not read: an SSE server without its URL.
    const QString sse = QString::fromUtf8("h\u00e9llo/w\u00f6rld~1");
    RowRepository servers(opened->context(), settingsEntity(QStringLiteral("mcpServers"))->table);
    const auto changed = servers.update(sse, {{QStringLiteral("url"), QVariant()}});
    QVERIFY(!changed.ok());
    QCOMPARE(changed.error().code, Error::Code::Invalid);
    QVERIFY2(changed.error().where.startsWith(path), qPrintable(changed.error().toString()));
    QVERIFY2(changed.error().message.contains(kFileName), qPrintable(changed.error().message));
    const auto server = servers.find(sse);
    QVERIFY(server.ok() && server->has_value());
    QCOMPARE((**server).value(QStringLiteral("url")).toString(),
             QStringLiteral("http://127.0.0.1:9/sse"));
    QCOMPARE(count(kConnection, QStringLiteral("access_logs")), auditBefore);
    QCOMPARE(test::readFile(path), before);
    opened->close();
}

void TestDualWriteBinding::fileRewrittenByMcpHubIsConflict()
{
    MCPHUB_BACKEND(backend);
    const QString dir = backend.tempPath(QStringLiteral("hub"));
    QVERIFY(QDir().mkpath(dir));
    const QString path = prepare(backend, dir);
    QVERIFY(!path.isEmpty());

    ConnectionProfile profile = backend.profile();
    profile.boundSettingsPath = path;
    auto opened = OpenedWorkspace::openDatabase(profile, kConnection);
    QVERIFY(opened.ok());
    const qint64 auditBefore = count(kConnection, QStringLiteral("access_logs"));

    // MCPHub rewrites the file after the workspace was opened (a server added in its UI).
    OrderedJson rewritten = parse(test::readFile(path));
    rewritten["mcpServers"]["added-by-hub"] = {{"command", "npx"}};
    const QByteArray hubBytes = QByteArray::fromStdString(rewritten.dump(2));
    QVERIFY(test::writeFile(path, hubBytes));

    const auto added
        = UserAdministration(opened->context()).add(QStringLiteral("dave"), m_hash, false);
    QVERIFY(!added.ok());
    QCOMPARE(added.error().code, Error::Code::Conflict);
    QCOMPARE(added.error().where, path);
    QVERIFY2(added.error().message.contains(kFileName), qPrintable(added.error().message));
    QCOMPARE(test::readFile(path), hubBytes);
    QCOMPARE(count(kConnection, QStringLiteral("access_logs")), auditBefore);
    QVERIFY(backups(dir).isEmpty());
    opened->close();

    // Opened again: the hub's server is drift (only in the file), and is listed.
    auto reopened = OpenedWorkspace::openDatabase(profile, kConnection);
    QVERIFY(reopened.ok());
    QVERIFY(!reopened->drift().isEmpty());
    QVERIFY2(reopened->warnings().join(QLatin1Char('\n')).contains(QLatin1String("added-by-hub")),
             qPrintable(reopened->warnings().join(QLatin1Char('\n'))));
    reopened->close();
}

void TestDualWriteBinding::driftIsReportedAndDatabaseWins()
{
    MCPHUB_BACKEND(backend);
    const QString dir = backend.tempPath(QStringLiteral("hub"));
    QVERIFY(QDir().mkpath(dir));
    const QString path = prepare(backend, dir);
    QVERIFY(!path.isEmpty());
    // The file drifted from the database while the profile was not used: a server the
    // database does not have.
    OrderedJson drifted = parse(test::readFile(path));
    drifted["mcpServers"]["only-in-file"] = {{"command", "uvx"}};
    const QByteArray driftedBytes = SettingsMapper::serialize(drifted);
    QVERIFY(test::writeFile(path, driftedBytes));

    ConnectionProfile profile = backend.profile();
    profile.boundSettingsPath = path;
    auto opened = OpenedWorkspace::openDatabase(profile, kConnection);
    QVERIFY(opened.ok());
    // Opening warns, lists the drift and writes nothing.
    QCOMPARE(opened->drift().size(), 1);
    QVERIFY2(opened->drift().first().pointer.contains(QLatin1String("only-in-file")),
             qPrintable(opened->drift().first().pointer));
    const QString warnings = opened->warnings().join(QLatin1Char('\n'));
    QVERIFY2(warnings.contains(path) && warnings.contains(QLatin1String("only-in-file")),
             qPrintable(warnings));
    QCOMPARE(test::readFile(path), driftedBytes);

    // An edit of another entity still saves: the database is the source of truth, and the
    // file's previous content is kept as a backup.
    VERIFY_OK(UserAdministration(opened->context()).add(QStringLiteral("dave"), m_hash, false));
    const OrderedJson onDisk = parse(test::readFile(path));
    QVERIFY(hasUser(onDisk, "dave"));
    QVERIFY(!onDisk["mcpServers"].contains("only-in-file"));
    QCOMPARE(test::readFile(opened->binding()->lastBackupPath()), driftedBytes);
    opened->close();
}

void TestDualWriteBinding::failedCommitLeavesFileUntouched()
{
    // Issue 12.6: the file was saved before COMMIT, so while COMMIT waited (or when it
    // failed) readers of the file saw a change the database never committed. Now the new
    // content waits in a side file until COMMIT succeeded. A real COMMIT failure: a deferred
    // foreign key, checked only at COMMIT, on both backends.
    MCPHUB_BACKEND(backend);
    const QString dir = backend.tempPath(QStringLiteral("hub"));
    QVERIFY(QDir().mkpath(dir));
    const QString path = prepare(backend, dir);
    QVERIFY(!path.isEmpty());
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
    const QByteArray before = test::readFile(path);
    ConnectionProfile profile = backend.profile();
    profile.boundSettingsPath = path;
    auto opened = OpenedWorkspace::openDatabase(profile, kConnection);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    QSqlDatabase db = opened->workspace().database();
    {
        QSqlQuery ddl(db);
        if (!backend.isPostgres())
            QVERIFY(ddl.exec(QStringLiteral("PRAGMA foreign_keys = ON")));
        QVERIFY2(ddl.exec(QStringLiteral("CREATE TABLE tst_parent (id INTEGER PRIMARY KEY)")),
                 qPrintable(ddl.lastError().text()));
        QVERIFY2(ddl.exec(QStringLiteral("CREATE TABLE tst_child (pid INTEGER REFERENCES "
                                         "tst_parent (id) DEFERRABLE INITIALLY DEFERRED)")),
                 qPrintable(ddl.lastError().text()));
    }

    // What a reader of the settings folder sees at the moment COMMIT is about to run.
    QByteArray fileAtCommit;
    QStringList stagedAtCommit;
    QFile::Permissions stagedPermissions;
    QByteArray stagedContent;
    SettingsFileBinding::setStepObserver([&](SettingsFileBinding::Step step) {
        if (step != SettingsFileBinding::Step::Staged)
            return;
        fileAtCommit = test::readFile(path);
        stagedAtCommit = SettingsFileBinding::stagedFiles(path);
        if (!stagedAtCommit.isEmpty()) {
            stagedPermissions = QFileInfo(stagedAtCommit.first()).permissions();
            stagedContent = test::readFile(stagedAtCommit.first());
        }
    });
    {
        TransactionGuard tx(db);
        QVERIFY(tx.active());
        VERIFY_OK(UserAdministration(opened->context()).add(QStringLiteral("dave"), m_hash, false));
        QSqlQuery orphan(db);
        QVERIFY2(orphan.exec(QStringLiteral("INSERT INTO tst_child (pid) VALUES (42)")),
                 qPrintable(orphan.lastError().text()));
        const auto committed = tx.commit();
        QVERIFY(!committed.ok());
    }
    SettingsFileBinding::setStepObserver({});
    QCOMPARE(fileAtCommit, before);
    QCOMPARE(stagedAtCommit.size(), 1);
    QCOMPARE(stagedPermissions, QFileInfo(path).permissions()); // 0600, like the source
    QVERIFY(!stagedPermissions.testFlag(QFile::ReadOther));
    QVERIFY(hasUser(parse(stagedContent), "dave"));
    // After the failed COMMIT: the file as it was, nothing staged left, dave nowhere.
    QCOMPARE(test::readFile(path), before);
    QVERIFY(SettingsFileBinding::stagedFiles(path).isEmpty());
    const auto dave = UserRepository(opened->context()).find(QStringLiteral("dave"));
    QVERIFY(dave.ok() && !dave->has_value());
    // And the binding is consistent: the next change saves without a conflict.
    VERIFY_OK(UserAdministration(opened->context()).add(QStringLiteral("erin"), m_hash, false));
    QVERIFY(hasUser(parse(test::readFile(path)), "erin"));
    QVERIFY(!hasUser(parse(test::readFile(path)), "dave"));
    QVERIFY(SettingsFileBinding::stagedFiles(path).isEmpty());
    opened->close();
}

void TestDualWriteBinding::onlySettingsWritesAreExported()
{
    // Issue 11.11: every outermost commit on a bound connection exported the whole settings
    // document, hub samples included. Proof that a transaction writing no settings table is
    // not exported: with a settings row no export can read (planted through another
    // connection), hub writes still commit, and a settings write is refused by its export.
    MCPHUB_BACKEND(backend);
    const QString dir = backend.tempPath(QStringLiteral("hub"));
    QVERIFY(QDir().mkpath(dir));
    const QString path = prepare(backend, dir);
    QVERIFY(!path.isEmpty());
    const QByteArray before = test::readFile(path);
    ConnectionProfile profile = backend.profile();
    profile.boundSettingsPath = path;
    auto opened = OpenedWorkspace::openDatabase(profile, kConnection);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    {
        const QString other = kConnection + QStringLiteral("-other");
        auto ws = Workspace::open(backend.profile(), other);
        QVERIFY(ws.ok());
        QSqlQuery plant(ws->database());
        // PostgreSQL's json column refuses it; as text it holds anything.
        if (backend.isPostgres())
            QVERIFY2(plant.exec(QStringLiteral(
                         "ALTER TABLE settings_document ALTER COLUMN extra TYPE text")),
                     qPrintable(plant.lastError().text()));
        QVERIFY2(plant.exec(QStringLiteral(
                     "UPDATE settings_document SET extra = '{not json' WHERE id = 1")),
                 qPrintable(plant.lastError().text()));
        QVERIFY(plant.numRowsAffected() == 1);
        ws->close();
    }

    HubRecord hub;
    hub.name = QStringLiteral("h1");
    hub.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/"));
    VERIFY_OK(HubRepository(opened->context()).add(hub));
    HubSample sample;
    sample.timestamp = QDateTime::currentDateTimeUtc();
    sample.state = HubState::Healthy;
    VERIFY_OK(HubSampleStore(opened->context()).append(hub.name, sample));
    {
        TransactionGuard tx(opened->workspace().database()); // audit rows only, say
        VERIFY_OK(tx.commit());
    }
    QCOMPARE(test::readFile(path), before);

    const auto added
        = UserAdministration(opened->context()).add(QStringLiteral("dave"), m_hash, false);
    QVERIFY(!added.ok());
    QVERIFY2(added.error().toString().contains(QLatin1String("settings_document.extra")),
             qPrintable(added.error().toString()));
    QCOMPARE(test::readFile(path), before);
    opened->close();
}

void TestDualWriteBinding::sigkillAtEveryStepLeavesFileAndDatabaseAgreeing_data()
{
    QTest::addColumn<QString>("backendKind");
    QTest::addColumn<QString>("step");
    for (const QString &kind : {QStringLiteral("sqlite"), QStringLiteral("postgres")}) {
        for (const auto step : {SettingsFileBinding::Step::Staged,
                                SettingsFileBinding::Step::Committed,
                                SettingsFileBinding::Step::Replaced}) {
            const QString name = SettingsFileBinding::stepName(step);
            QTest::addRow("%s-%s", qPrintable(kind), qPrintable(name)) << kind << name;
        }
    }
}

void TestDualWriteBinding::sigkillAtEveryStepLeavesFileAndDatabaseAgreeing()
{
    // Issue 12.6: a real mcphub-adminctl adding a user through a bound settings file is
    // killed with SIGKILL at each step of the commit (MCPHUB_TEST_PAUSE_AT stops it there);
    // the next open brings file and database into agreement: both without the user when the
    // COMMIT had not happened, both with it when it had.
    MCPHUB_BACKEND(backend);
    QFETCH(QString, step);
    const QString dir = backend.tempPath(QStringLiteral("hub"));
    QVERIFY(QDir().mkpath(dir));
    const QString path = prepare(backend, dir);
    QVERIFY(!path.isEmpty());
    const QByteArray before = test::readFile(path);

    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MCPHUB_TEST_PAUSE_AT"), step);
    cli.setProcessEnvironment(env);
    cli.start(test::binDir() + QStringLiteral("/mcphub-adminctl"),
              {QStringLiteral("user"),
               QStringLiteral("add"),
               QStringLiteral("eve"),
               QStringLiteral("--password-stdin"),
               backend.cliArgument(),
               QStringLiteral("--bind-settings"),
               path});
    QVERIFY(cli.waitForStarted(10'000));
    cli.write("3ve!passw0rd\n");
    cli.closeWriteChannel();
    QByteArray err;
    const QByteArray paused = "paused at " + step.toLatin1();
    for (int i = 0; i < 120 && !err.contains(paused) && cli.state() == QProcess::Running; ++i) {
        cli.waitForReadyRead(500);
        err += cli.readAllStandardError();
    }
    QVERIFY2(err.contains(paused), err.constData());
    // Until the rename, the file shows nothing of the change.
    const bool renamed = step == QLatin1String("replaced");
    QCOMPARE(hasUser(parse(test::readFile(path)), "eve"), renamed);
    if (!renamed)
        QCOMPARE(test::readFile(path), before);
    // Never kill(0, ...): a process that already ended has no id, and 0 is our own group.
    if (const qint64 pid = cli.processId(); pid > 0)
        ::kill(pid_t(pid), SIGKILL);
    QVERIFY(cli.waitForFinished(10'000));
    QCOMPARE(cli.exitStatus(), QProcess::CrashExit);
    QCOMPARE(SettingsFileBinding::stagedFiles(path).size(), renamed ? 0 : 1);

    // The next open (of the same bound workspace) recovers.
    ConnectionProfile profile = backend.profile();
    profile.boundSettingsPath = path;
    auto opened = OpenedWorkspace::openDatabase(profile, kConnection);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    QVERIFY2(opened->drift().isEmpty(), qPrintable(opened->warnings().join(QLatin1Char('\n'))));
    QVERIFY(SettingsFileBinding::stagedFiles(path).isEmpty());
    const auto exported = SettingsMapper::exportDocument(opened->context());
    QVERIFY(exported.ok());
    const OrderedJson onDisk = parse(test::readFile(path));
    QVERIFY(onDisk == exported->document);
    const bool committed = step != QLatin1String("staged");
    QCOMPARE(hasUser(onDisk, "eve"), committed);
    const auto eve = UserRepository(opened->context()).find(QStringLiteral("eve"));
    QVERIFY(eve.ok());
    QCOMPARE(eve->has_value(), committed);
    if (!committed)
        QCOMPARE(test::readFile(path), before);
    // And editing goes on normally.
    VERIFY_OK(UserAdministration(opened->context()).add(QStringLiteral("frank"), m_hash, false));
    QVERIFY(hasUser(parse(test::readFile(path)), "frank"));
    opened->close();
}

void TestDualWriteBinding::profileBindingPersistsAndUnbindStopsWrites()
{
    MCPHUB_BACKEND(backend);
    const QString dir = backend.tempPath(QStringLiteral("hub"));
    QVERIFY(QDir().mkpath(dir));
    const QString path = prepare(backend, dir);
    QVERIFY(!path.isEmpty());

    ProfileStore store(backend.tempPath(QStringLiteral("profiles.ini")),
                       SecretStore(QStringLiteral("mcphub-admin-test")));
    ConnectionProfile profile = backend.profile();
    profile.name = QStringLiteral("bound-") + QString::fromLatin1(QTest::currentDataTag());
    const auto saved = store.save(profile);
    QVERIFY(saved.ok());
    VERIFY_OK(store.setBoundSettingsPath(profile.name, path));
    const auto loaded = store.load(profile.name);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->boundSettingsPath, path);
    // Not a secret: in the profile's settings entry.
    QVERIFY(test::readFile(store.settingsFileName()).contains(kFileName.toUtf8()));

    {
        auto opened = OpenedWorkspace::openProfile(profile.name, kConnection, store);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        QVERIFY(opened->binding());
        VERIFY_OK(UserAdministration(opened->context()).add(QStringLiteral("dave"), m_hash, false));
        QVERIFY(hasUser(parse(test::readFile(path)), "dave"));
        opened->close();
    }

    VERIFY_OK(store.setBoundSettingsPath(profile.name, QString()));
    QVERIFY(store.load(profile.name)->boundSettingsPath.isEmpty());
    const QByteArray before = test::readFile(path);
    {
        auto opened = OpenedWorkspace::openProfile(profile.name, kConnection, store);
        QVERIFY(opened.ok());
        QVERIFY(!opened->binding());
        VERIFY_OK(UserAdministration(opened->context()).add(QStringLiteral("erin"), m_hash, false));
        QCOMPARE(test::readFile(path), before);
        opened->close();
    }
    VERIFY_OK(store.remove(profile.name));
}

void TestDualWriteBinding::cliBindUserAddUnbind()
{
    MCPHUB_BACKEND(backend);
    const QString dir = backend.tempPath(QStringLiteral("hub"));
    QVERIFY(QDir().mkpath(dir));
    const QString path = prepare(backend, dir);
    QVERIFY(!path.isEmpty());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), backend.tempPath(QStringLiteral("config")));
    const QString name
        = QStringLiteral("cli-bound-") + QString::fromLatin1(QTest::currentDataTag());
    const QString where = backend.cliArgument(); // --sqlite=PATH or --pg=CONNINFO
    const QString kind = where.section(QLatin1Char('='), 0, 0);
    const QString value = where.section(QLatin1Char('='), 1);
    VERIFY_RUN(
        test::adminctl({QStringLiteral("profile"), QStringLiteral("add"), name, kind, value}, env),
        0);

    const auto run = [&](const QStringList &args, const QByteArray &input = {}) {
        return test::adminctl(args, env, input);
    };
    const test::Run bind = run({QStringLiteral("profile"), QStringLiteral("bind"), name, path});
    VERIFY_RUN(bind, 0);
    QVERIFY2(bind.out.contains(path), qPrintable(bind.out));
    const test::Run list = run({QStringLiteral("profile"), QStringLiteral("list")});
    VERIFY_RUN(list, 0);
    QVERIFY2(list.out.contains(QStringLiteral("dual-write: ") + path), qPrintable(list.out));
    // Saving the profile again (another password, another host) keeps the binding.
    const test::Run readd = test::adminctl(
        {QStringLiteral("profile"), QStringLiteral("add"), name, kind, value}, env);
    VERIFY_RUN(readd, 0);
    QVERIFY2(readd.out.contains(QStringLiteral("dual-write: ") + path), qPrintable(readd.out));

    const test::Run add = run({QStringLiteral("user"),
                               QStringLiteral("add"),
                               QStringLiteral("dave"),
                               QStringLiteral("--password-stdin"),
                               QStringLiteral("--profile"),
                               name},
                              "D4ve!pass\n");
    VERIFY_RUN(add, 0);
    QVERIFY2(add.out.contains(path), qPrintable(add.out));
    QVERIFY(hasUser(parse(test::readFile(path)), "dave"));
    QCOMPARE(backups(dir).size(), 1);
    const test::Run users
        = run({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--profile"), name});
    VERIFY_RUN(users, 0);
    QVERIFY(users.out.contains(QLatin1String("dave")));

    // The file changed between two runs: each run loads it afresh, so that is drift, listed
    // on stderr; the edit still saves and the database wins.
    OrderedJson rewritten = parse(test::readFile(path));
    rewritten["mcpServers"]["added-by-hub"] = {{"command", "npx"}};
    QVERIFY(test::writeFile(path, QByteArray::fromStdString(rewritten.dump(2))));
    const test::Run drifted = run({QStringLiteral("user"),
                                   QStringLiteral("add"),
                                   QStringLiteral("frank"),
                                   QStringLiteral("--password-stdin"),
                                   QStringLiteral("--profile"),
                                   name},
                                  "Fr4nk!pass\n");
    VERIFY_RUN(drifted, 0);
    QVERIFY2(drifted.err.contains(QLatin1String("added-by-hub")), qPrintable(drifted.err));
    QVERIFY(hasUser(parse(test::readFile(path)), "frank"));

    // Migrating the bound file itself brings the database up to the file without writing it;
    // the next run finds no drift.
    OrderedJson fromHub = parse(test::readFile(path));
    fromHub["mcpServers"]["from-hub"] = {{"command", "npx"}};
    const QByteArray hubBytes = QByteArray::fromStdString(fromHub.dump(2));
    QVERIFY(test::writeFile(path, hubBytes));
    const test::Run migrate = run({QStringLiteral("migrate"),
                                   path,
                                   QStringLiteral("--profile"),
                                   name,
                                   QStringLiteral("--yes")});
    VERIFY_RUN(migrate, 0);
    QVERIFY2(migrate.err.contains(QLatin1String("bound settings file")), qPrintable(migrate.err));
    QCOMPARE(test::readFile(path), hubBytes);
    const test::Run noDrift
        = run({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--profile"), name});
    VERIFY_RUN(noDrift, 0);
    QVERIFY2(!noDrift.err.contains(QLatin1String("differs")), qPrintable(noDrift.err));

    const test::Run unbind = run({QStringLiteral("profile"), QStringLiteral("unbind"), name});
    VERIFY_RUN(unbind, 0);
    const QByteArray before = test::readFile(path);
    VERIFY_RUN(run({QStringLiteral("user"),
                    QStringLiteral("add"),
                    QStringLiteral("erin"),
                    QStringLiteral("--password-stdin"),
                    QStringLiteral("--profile"),
                    name},
                   "Er1n!pass\n"),
               0);
    QCOMPARE(test::readFile(path), before);
    const test::Run after = run({QStringLiteral("profile"), QStringLiteral("list")});
    QVERIFY2(!after.out.contains(QLatin1String("dual-write")), qPrintable(after.out));
    VERIFY_RUN(run({QStringLiteral("profile"), QStringLiteral("remove"), name}), 0);
}

void TestDualWriteBinding::cliBindSettingsOneOff()
{
    test::TestBackend backend(QStringLiteral("sqlite"));
    const QString dir = backend.tempPath(QStringLiteral("hub"));
    QVERIFY(QDir().mkpath(dir));
    const QString path = prepare(backend, dir);
    QVERIFY(!path.isEmpty());
    const test::Run add = test::adminctl({QStringLiteral("user"),
                                          QStringLiteral("add"),
                                          QStringLiteral("dave"),
                                          QStringLiteral("--password-stdin"),
                                          backend.cliArgument(),
                                          QStringLiteral("--bind-settings"),
                                          path},
                                         "D4ve!pass\n");
    VERIFY_RUN(add, 0);
    QVERIFY(hasUser(parse(test::readFile(path)), "dave"));
    // Only with --sqlite or --pg.
    const test::Run refused = test::adminctl({QStringLiteral("user"),
                                              QStringLiteral("list"),
                                              QStringLiteral("--file"),
                                              path,
                                              QStringLiteral("--bind-settings"),
                                              path});
    VERIFY_RUN(refused, 2);
    QVERIFY2(refused.err.contains(QLatin1String("--bind-settings")), qPrintable(refused.err));
}

void TestDualWriteBinding::cliBindRefusesBadFile()
{
    QTemporaryDir dir;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    VERIFY_RUN(test::adminctl({QStringLiteral("profile"),
                               QStringLiteral("add"),
                               QStringLiteral("local"),
                               QStringLiteral("--sqlite"),
                               dir.filePath(QStringLiteral("w.db"))},
                              env),
               0);
    const QString broken = dir.filePath(kFileName);
    QVERIFY(test::writeFile(broken, "{\n  \"mcpServers\": {,\n}"));
    const test::Run bad = test::adminctl(
        {QStringLiteral("profile"), QStringLiteral("bind"), QStringLiteral("local"), broken}, env);
    VERIFY_RUN(bad, 2);
    QVERIFY2(bad.err.contains(broken + QStringLiteral(":2:")), qPrintable(bad.err));
    const test::Run noFolder = test::adminctl({QStringLiteral("profile"),
                                               QStringLiteral("bind"),
                                               QStringLiteral("local"),
                                               dir.filePath(QStringLiteral("nope/x.json"))},
                                              env);
    VERIFY_RUN(noFolder, 2);
    const test::Run list = test::adminctl({QStringLiteral("profile"), QStringLiteral("list")}, env);
    QVERIFY2(!list.out.contains(QLatin1String("dual-write")), qPrintable(list.out));
}

QTEST_GUILESS_MAIN(TestDualWriteBinding)
#include "tst_dualwritebinding.moc"
