// The files mcphub-adminctl writes and reads, under faults, as real processes: what holds
// settings content is as private as its source, a full disk stops a run before the database
// is touched and is never reported as success, a killed command leaves no copy of the
// settings, concurrent runs on one file take turns, a read-only folder can still be read,
// and the messages name the place and say what to do in the CLI's terms (issue 12 items 4,
// 5, 7, 9, 17, 18; issue 11 item 8).

#include "storage/settings/settingsfilelock.h"
#include "storage/sqlconnection.h"
#include "tests/support/adminctlrun.h"
#include "tests/support/settingsscratch.h"
#include "tests/support/testenv.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

#include <nlohmann/json.hpp>

#include <csignal>
#include <optional>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace mcphub;
using test::adminctl;
using test::Run;

namespace {

using Json = nlohmann::ordered_json;

const QString kName = QStringLiteral("mcp_settings.json");

int modeOf(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

// The migration fixture with `extraUsers` more users (valid bcrypt hashes) and, with
// `invalidUser`, one whose password is clear text (a record the migrator rejects).
QByteArray settings(int extraUsers, bool invalidUser = false)
{
    const QByteArray fixture
        = test::readFile(test::fixturesDir() + QStringLiteral("/migration/full.json"));
    Json doc = Json::parse(fixture.constData(), fixture.constData() + fixture.size());
    for (int i = 0; i < extraUsers; ++i) {
        const std::string n = std::to_string(i);
        doc["users"].push_back({{"username", "user-" + n},
                                {"password", "$2b$10$" + std::string(53 - n.size(), 'a') + n}});
    }
    if (invalidUser)
        doc["users"].push_back({{"username", "plain"}, {"password", "clear-text"}});
    return QByteArray::fromStdString(doc.dump(2));
}

QStringList migrateBackups(const QString &folder)
{
    return QDir(folder).entryList(
        {kName + QStringLiteral(".migrate-*.bak")}, QDir::Files | QDir::Hidden, QDir::Name);
}

int userCount(const QString &sqlitePath)
{
    int count = -1;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("count"));
        db.setDatabaseName(sqlitePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT count(*) FROM users")) && query.next())
                count = query.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("count"));
    return count;
}

// Runs `script` (sh; $1 the mount point, $2 mcphub-adminctl, then `args`) in a private mount
// namespace, so that nothing stays mounted whatever happens. nullopt when this machine allows
// no mount (not root, no unshare): the caller then runs its unprivileged variant.
struct ShellRun
{
    int exitCode = -1;
    QString output;
};
std::optional<ShellRun>
inPrivateMount(const QString &mountPoint, const QString &script, const QStringList &args = {})
{
    if (::geteuid() != 0 || QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty())
        return std::nullopt;
    QProcess shell;
    shell.setProcessChannelMode(QProcess::MergedChannels);
    shell.start(QStringLiteral("unshare"),
                QStringList{QStringLiteral("--mount"),
                            QStringLiteral("sh"),
                            QStringLiteral("-c"),
                            script,
                            QStringLiteral("sh"),
                            mountPoint,
                            test::binDir() + QStringLiteral("/mcphub-adminctl")}
                    + args);
    if (!shell.waitForFinished(120000))
        return ShellRun{};
    ShellRun run{shell.exitCode(), QString::fromUtf8(shell.readAll())};
    if (run.exitCode == 77) {
        qInfo("no mount allowed here: %s", qPrintable(run.output.trimmed()));
        return std::nullopt;
    }
    return run;
}

} // namespace

class TestFileSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secretsKeepTheSourcesMode();
    void migrateBackupsAreRotatedAndFailedRunsKeepNone();
    void fullDiskStopsMigrationBeforeTheDatabase();
    void reportOnFullDiskIsAFailure();
    void killedFileCommandLeavesNoCopy();
    void siblingRunsTakeTurns_data();
    void siblingRunsTakeTurns();
    void readOnlyFolderCanBeRead();
    void diffNamesTheLineOfBadJson();
    void lostConnectionPrintsNoDriverNoise();
    void lockedDatabaseIsNamedOnce();
};

void TestFileSafety::secretsKeepTheSourcesMode()
{
    test::SettingsScratch dir;
    const QString source = dir.filePath(kName);
    QVERIFY(test::writeFile(source, settings(0, true)));
    QVERIFY(QFile::setPermissions(source, QFile::ReadOwner | QFile::WriteOwner));
    const QString db = dir.filePath(QStringLiteral("ws.db"));
    const QString rejects = dir.filePath(QStringLiteral("rejects.jsonl"));
    const QString report = dir.filePath(QStringLiteral("report.json"));
    ::umask(022); // what a shell usually has: new files would be 0644

    // A dry run keeps no copy of the file at all.
    const Run dry = adminctl({QStringLiteral("migrate"),
                              source,
                              QStringLiteral("--sqlite"),
                              db,
                              QStringLiteral("--dry-run"),
                              QStringLiteral("--skip-invalid"),
                              QStringLiteral("--rejects"),
                              rejects});
    VERIFY_RUN(dry, 0);
    QCOMPARE(migrateBackups(dir.path()), QStringList());
    QCOMPARE(modeOf(db), 0600); // a new workspace holds hashes and keys

    // The migration, its rejects and its report to `reportPath`.
    const auto migrate = [&](const QString &reportPath) {
        return adminctl({QStringLiteral("migrate"),
                         source,
                         QStringLiteral("--sqlite"),
                         db,
                         QStringLiteral("--yes"),
                         QStringLiteral("--skip-invalid"),
                         QStringLiteral("--rejects"),
                         rejects,
                         QStringLiteral("--report"),
                         reportPath});
    };
    VERIFY_RUN(migrate(report), 0);
    const QStringList backups = migrateBackups(dir.path());
    QCOMPARE(backups.size(), 1);
    QCOMPARE(modeOf(dir.filePath(backups.first())), 0600);
    QCOMPARE(test::readFile(dir.filePath(backups.first())), test::readFile(source));
    QCOMPARE(modeOf(rejects), 0600);
    QVERIFY(test::readFile(rejects).contains("clear-text"));
    QCOMPARE(modeOf(report), 0600);

    // A new export is private too; an existing one keeps the mode it has.
    const QString exported = dir.filePath(QStringLiteral("exported.json"));
    VERIFY_RUN(adminctl({QStringLiteral("export"), exported, QStringLiteral("--sqlite"), db}), 0);
    QCOMPARE(modeOf(exported), 0600);
    QVERIFY(
        QFile::setPermissions(exported, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
    VERIFY_RUN(adminctl({QStringLiteral("export"), exported, QStringLiteral("--sqlite"), db}), 0);
    QCOMPARE(modeOf(exported), 0640);

    // A source readable by its group gives its group the same copies, and no more.
    QVERIFY(QFile::setPermissions(source, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
    const QString report2 = dir.filePath(QStringLiteral("report2.json"));
    VERIFY_RUN(migrate(report2), 0);
    QCOMPARE(modeOf(report2), 0640);
    QCOMPARE(modeOf(rejects), 0640);
    const QStringList both = migrateBackups(dir.path());
    QVERIFY2(both.size() == 2, qPrintable(both.join(QLatin1Char(' '))));
    QCOMPARE(modeOf(dir.filePath(both.last())), 0640);
}

void TestFileSafety::migrateBackupsAreRotatedAndFailedRunsKeepNone()
{
    test::SettingsScratch dir;
    const QString source = dir.filePath(kName);
    QVERIFY(test::writeFile(source, settings(0)));
    const QString db = dir.filePath(QStringLiteral("ws.db"));
    // Twelve backups of earlier runs, oldest first by name (UTC time).
    QStringList old;
    for (int i = 0; i < 12; ++i) {
        old << kName
                   + QStringLiteral(".migrate-20200101T0000000%1Z.bak")
                         .arg(i, 2, 10, QLatin1Char('0'));
        QVERIFY(test::writeFile(dir.filePath(old.last()), "{}"));
    }
    const QString unrelated = kName + QStringLiteral(".migrate-notes.bak");
    QVERIFY(test::writeFile(dir.filePath(unrelated), "keep me"));

    VERIFY_RUN(adminctl({QStringLiteral("migrate"),
                         source,
                         QStringLiteral("--sqlite"),
                         db,
                         QStringLiteral("--yes")}),
               0);
    QStringList now = migrateBackups(dir.path());
    now.removeAll(unrelated);
    QVERIFY2(now.size() == 10, qPrintable(now.join(QLatin1Char(' ')))); // 9 old, this run's
    QCOMPARE(now.mid(0, 9), old.mid(3));
    QCOMPARE(test::readFile(dir.filePath(now.last())), test::readFile(source));
    QVERIFY(QFile::exists(dir.filePath(unrelated)));

    // A run that fails (a conflicting entry) changes nothing and keeps no copy. Its message
    // words the remedy as the CLI's flag, never as a console menu.
    const QByteArray fixture = test::readFile(source);
    Json doc = Json::parse(fixture.constData(), fixture.constData() + fixture.size());
    doc["mcpServers"]["fetch"]["command"] = "changed";
    QVERIFY(test::writeFile(source, QByteArray::fromStdString(doc.dump(2))));
    const Run conflict = adminctl({QStringLiteral("migrate"),
                                   source,
                                   QStringLiteral("--sqlite"),
                                   db,
                                   QStringLiteral("--yes")});
    VERIFY_RUN(conflict, 1);
    QVERIFY2(conflict.err.contains(QLatin1String("--conflict skip")), qPrintable(conflict.err));
    QVERIFY2(!conflict.err.contains(QStringLiteral("▸")), qPrintable(conflict.err));
    QStringList after = migrateBackups(dir.path());
    after.removeAll(unrelated);
    QCOMPARE(after, now);
}

void TestFileSafety::fullDiskStopsMigrationBeforeTheDatabase()
{
    // A 200 KiB tmpfs holding a 16 KB source, filled but for 4 KiB: the backup cannot be
    // written. The run stops before the database is touched, says why in the system's words,
    // and leaves no torn copy.
    test::SettingsScratch dir;
    const QString source = dir.filePath(QStringLiteral("source.json"));
    const QByteArray bytes = settings(120);
    QVERIFY(bytes.size() > 15000 && bytes.size() < 20000);
    QVERIFY(test::writeFile(source, bytes));
    const QString db = dir.filePath(QStringLiteral("ws.db"));
    VERIFY_RUN(
        adminctl({QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--sqlite"), db}),
        0);
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("fs")));
    const auto run = inPrivateMount(
        dir.filePath(QStringLiteral("fs")),
        QStringLiteral("mount -t tmpfs -o size=200k tmpfs \"$1\" || exit 77; "
                       "cp \"$3\" \"$1/mcp_settings.json\" || exit 78; "
                       "free=$(df --output=avail -B1 \"$1\" | tail -n 1); "
                       "head -c $((free - 4096)) /dev/zero > \"$1/filler\"; "
                       "\"$2\" migrate \"$1/mcp_settings.json\" --sqlite \"$4\" --yes; rc=$?; "
                       "ls -A \"$1\"; exit $rc"),
        {source, db});
    if (run) {
        QVERIFY2(run->exitCode == 2, qPrintable(run->output));
        QVERIFY2(run->output.contains(QLatin1String("backup")), qPrintable(run->output));
        QVERIFY2(run->output.contains(QLatin1String("No space left on device")),
                 qPrintable(run->output));
        QVERIFY2(!run->output.contains(QLatin1String("Unknown error")), qPrintable(run->output));
        QVERIFY2(!run->output.contains(QLatin1String("completed")), qPrintable(run->output));
        QVERIFY2(run->output.endsWith(QLatin1String("filler\nmcp_settings.json\n")),
                 qPrintable(run->output));
    } else {
        // No mount here: a file size limit fails the backup's writes the same way (EFBIG).
        QProcess process;
        process.setChildProcessModifier([] {
            ::signal(SIGXFSZ, SIG_IGN);
            const struct rlimit limit = {8192, 8192};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
        process.start(test::binDir() + QStringLiteral("/mcphub-adminctl"),
                      {QStringLiteral("migrate"),
                       source,
                       QStringLiteral("--sqlite"),
                       db,
                       QStringLiteral("--yes")});
        QVERIFY(process.waitForFinished(60000));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(process.exitCode() == 2, qPrintable(err));
        QVERIFY2(!err.contains(QLatin1String("Unknown error")), qPrintable(err));
        QCOMPARE(migrateBackups(dir.path()), QStringList());
    }
    QCOMPARE(userCount(db), 0);
}

void TestFileSafety::reportOnFullDiskIsAFailure()
{
    test::SettingsScratch dir;
    const QString source = dir.filePath(kName);
    QVERIFY(test::writeFile(source, settings(0)));
    const QString db = dir.filePath(QStringLiteral("ws.db"));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("fs")));
    const auto run = inPrivateMount(
        dir.filePath(QStringLiteral("fs")),
        QStringLiteral("mount -t tmpfs -o size=64k tmpfs \"$1\" || exit 77; "
                       "head -c 1m /dev/zero > \"$1/filler\" 2>/dev/null; "
                       "\"$2\" migrate \"$3\" --sqlite \"$4\" --yes --report \"$1/report.json\"; "
                       "rc=$?; ls -A \"$1\"; exit $rc"),
        {source, db});
    if (run) {
        QVERIFY2(run->exitCode == 2, qPrintable(run->output));
        QVERIFY2(run->output.contains(QLatin1String("report was not written")),
                 qPrintable(run->output));
        QVERIFY2(run->output.contains(QLatin1String("No space left on device")),
                 qPrintable(run->output));
        QVERIFY2(run->output.endsWith(QLatin1String("\nfiller\n")), qPrintable(run->output));
        return;
    }
    // No mount here: a report whose folder does not exist cannot be written either, and the
    // run says so instead of succeeding.
    const Run denied = adminctl({QStringLiteral("migrate"),
                                 source,
                                 QStringLiteral("--sqlite"),
                                 db,
                                 QStringLiteral("--yes"),
                                 QStringLiteral("--report"),
                                 dir.filePath(QStringLiteral("missing/report.json"))});
    VERIFY_RUN(denied, 2);
    QVERIFY2(denied.err.contains(QLatin1String("report was not written")), qPrintable(denied.err));
}

void TestFileSafety::killedFileCommandLeavesNoCopy()
{
    // The private workspace of --file lives in memory: a SIGKILL at any moment leaves no copy
    // of the settings (hashes, secrets) in the temporary folder. The command is held on the
    // file's lock (this test holds it) so that it is killed in the middle of its run.
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    QVERIFY(test::writeFile(path, settings(40)));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("tmp")));
    const QString tmp = dir.filePath(QStringLiteral("tmp"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TMPDIR"), tmp);
    const auto leftovers = [&] {
        return QDir(tmp).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    };

    for (int round = 0; round < 6; ++round) {
        std::optional<SettingsFileLock> lock;
        if (round % 2 == 0) {
            lock.emplace(path);
            QVERIFY(lock->acquire(std::chrono::seconds(5)));
        }
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(
            test::binDir() + QStringLiteral("/mcphub-adminctl"),
            {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--file"), path});
        QVERIFY(process.waitForStarted(10000));
        // Held on the lock, the run sits wherever it waits; unheld, it is killed at a moment
        // of its run. Either way: a bounded wait for a copy to appear, then SIGKILL.
        QElapsedTimer waited;
        waited.start();
        while (leftovers().isEmpty() && waited.elapsed() < (lock ? 1500 : 40 * round)
               && process.state() == QProcess::Running)
            QTest::qWait(10);
        // Never kill(0, ...): a process that already ended has no id, and 0 is our own group.
        if (const qint64 pid = process.processId(); pid > 0)
            ::kill(pid_t(pid), SIGKILL);
        QVERIFY(process.state() == QProcess::NotRunning || process.waitForFinished(10000));
        QVERIFY2(leftovers().isEmpty(), qPrintable(leftovers().join(QLatin1Char(' '))));
    }
}

void TestFileSafety::siblingRunsTakeTurns_data()
{
    QTest::addColumn<bool>("bound");
    QTest::newRow("--file") << false;
    QTest::newRow("--sqlite --bind-settings") << true;
}

void TestFileSafety::siblingRunsTakeTurns()
{
    // 4 processes x 10 "user add" on one file at once: each run waits for the file's lock
    // and loads inside it, so none fails on another's change and none is lost.
    QFETCH(bool, bound);
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    QVERIFY(test::writeFile(path, settings(0)));
    const QString db = dir.filePath(QStringLiteral("ws.db"));
    const QStringList where
        = bound
              ? QStringList{QStringLiteral("--sqlite"), db, QStringLiteral("--bind-settings"), path}
              : QStringList{QStringLiteral("--file"), path};
    if (bound) {
        VERIFY_RUN(adminctl({QStringLiteral("migrate"),
                             path,
                             QStringLiteral("--sqlite"),
                             db,
                             QStringLiteral("--yes")}),
                   0);
    }
    constexpr int kProcesses = 4;
    constexpr int kRuns = 10;
    // Each worker is a shell loop of runs, so the four loops overlap throughout.
    QList<QProcess *> workers;
    for (int p = 0; p < kProcesses; ++p) {
        auto *worker = new QProcess(this);
        worker->setProcessChannelMode(QProcess::MergedChannels);
        worker->start(QStringLiteral("sh"),
                      QStringList{QStringLiteral("-c"),
                                  QStringLiteral("failed=0; for i in $(seq 1 %1); do "
                                                 "echo 'S3cret!pw' | \"$0\" user add \"w%2-$i\" "
                                                 "--password-stdin \"$@\" || failed=$((failed+1)); "
                                                 "done; echo \"failed=$failed\"")
                                      .arg(QString::number(kRuns), QString::number(p)),
                                  test::binDir() + QStringLiteral("/mcphub-adminctl")}
                          + where);
        workers << worker;
    }
    QString output;
    for (QProcess *worker : std::as_const(workers)) {
        QVERIFY(worker->waitForFinished(300000));
        output += QString::fromUtf8(worker->readAll());
        delete worker;
    }
    QCOMPARE(output.count(QStringLiteral("failed=0")), kProcesses);
    const QByteArray saved = test::readFile(path);
    const Json doc = Json::parse(saved.constData(), saved.constData() + saved.size());
    int added = 0;
    for (const Json &user : doc["users"]) {
        if (QString::fromStdString(user["username"].get<std::string>())
                .startsWith(QLatin1Char('w')))
            ++added;
    }
    QCOMPARE(added, kProcesses * kRuns);
}

void TestFileSafety::readOnlyFolderCanBeRead()
{
    // A read-only folder (a read-only bind mount of MCPHub's file, as containers have it):
    // commands that only read the file work without its lock; creating a database there says
    // that the folder is read-only, not that credentials are wrong.
    test::SettingsScratch dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("ro")));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("out")));
    const QString ro = dir.filePath(QStringLiteral("ro"));
    const QString out = dir.filePath(QStringLiteral("out"));
    QVERIFY(test::writeFile(ro + QLatin1Char('/') + kName, settings(0)));
    const QString script = QStringLiteral(
        "\"$2\" user list --file \"$1/mcp_settings.json\"; echo \"list=$?\"; "
        "\"$2\" migrate \"$1/mcp_settings.json\" --sqlite \"$3/ws.db\" --backup-dir \"$3\" "
        "--yes; echo \"migrate=$?\"; "
        "\"$2\" db init --sqlite \"$1/new.db\"; echo \"init=$?\"; ls -A \"$1\"");
    QString output;
    const auto run = inPrivateMount(
        ro,
        QStringLiteral("mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" || exit 77; ")
            + script,
        {out});
    if (run) {
        output = run->output;
    } else {
        QVERIFY(QFile::setPermissions(ro, QFile::ReadOwner | QFile::ExeOwner));
        QProcess shell;
        shell.setProcessChannelMode(QProcess::MergedChannels);
        shell.start(QStringLiteral("sh"),
                    {QStringLiteral("-c"),
                     script,
                     QStringLiteral("sh"),
                     ro,
                     test::binDir() + QStringLiteral("/mcphub-adminctl"),
                     out});
        QVERIFY(shell.waitForFinished(120000));
        output = QString::fromUtf8(shell.readAll());
        QFile::setPermissions(ro, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    QVERIFY2(output.contains(QLatin1String("admin")), qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("list=0")), qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("migrate=0")), qPrintable(output));
    QCOMPARE(migrateBackups(out).size(), 1);
    QVERIFY2(output.contains(QLatin1String("init=2")), qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("read-only")), qPrintable(output));
    QVERIFY2(!output.contains(QLatin1String("credentials")), qPrintable(output));
    QVERIFY2(output.endsWith(QLatin1String("\nmcp_settings.json\n")), qPrintable(output));
}

void TestFileSafety::diffNamesTheLineOfBadJson()
{
    test::SettingsScratch dir;
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QVERIFY(test::writeFile(bad, "{\n  \"mcpServers\": {\n    \"a\": {,}\n  }\n}\n"));
    const QString db = dir.filePath(QStringLiteral("ws.db"));
    const Run diff = adminctl({QStringLiteral("diff"), bad, QStringLiteral("--sqlite"), db});
    VERIFY_RUN(diff, 2);
    QVERIFY2(diff.err.contains(
                 QRegularExpression(QRegularExpression::escape(bad) + QStringLiteral(":3:\\d+"))),
             qPrintable(diff.err));
    const QString prefix = QStringLiteral("mcphub-adminctl: ");
    QVERIFY2(!diff.err.contains(prefix + prefix), qPrintable(diff.err));
}

void TestFileSafety::lostConnectionPrintsNoDriverNoise()
{
    // Qt SQL's own warnings about a lost connection ("QSqlQuery::exec: database not open")
    // never reach stderr: the storage error that follows says what happened. Seen here
    // through the message handler the process has (what would print to stderr).
    static QStringList printed;
    printed.clear();
    const QtMessageHandler previous = qInstallMessageHandler(
        [](QtMsgType, const QMessageLogContext &, const QString &text) { printed << text; });
    {
        test::SettingsScratch dir;
        const auto opened
            = openSqlConnection(SqlConnectionSpec::sqlite(dir.filePath(QStringLiteral("x.db"))),
                                QStringLiteral("noise"));
        QVERIFY(opened.ok());
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("noise"), false);
        db.close(); // the connection is gone, as after a server restart
        QSqlQuery query(db);
        QVERIFY(!query.exec(QStringLiteral("SELECT 1")));
        qWarning("an ordinary warning");
    }
    closeSqlConnection(QStringLiteral("noise"));
    qInstallMessageHandler(previous);
    QVERIFY2(!printed.join(QLatin1Char('\n')).contains(QLatin1String("QSqlQuery")),
             qPrintable(printed.join(QLatin1Char('\n'))));
    QVERIFY(printed.contains(QStringLiteral("an ordinary warning")));
}

QTEST_GUILESS_MAIN(TestFileSafety)
// A database another program holds locked: the transaction cannot start, and the message
// names the database file once, not the CLI's connection ("mcphub-adminctl: mcphub-adminctl:").
void TestFileSafety::lockedDatabaseIsNamedOnce()
{
    test::SettingsScratch dir;
    const QString db = dir.filePath(QStringLiteral("x.db"));
    VERIFY_RUN(adminctl({QStringLiteral("user"),
                         QStringLiteral("add"),
                         QStringLiteral("admin"),
                         QStringLiteral("--admin"),
                         QStringLiteral("--password-stdin"),
                         QStringLiteral("--sqlite"),
                         db},
                        QByteArrayLiteral("S3cret!pw\n")),
               0);
    // Another connection holds an exclusive transaction (as a second program would).
    const auto holder = openSqlConnection(SqlConnectionSpec::sqlite(db), QStringLiteral("holder"));
    QVERIFY(holder.ok());
    Run run;
    {
        QSqlQuery lock(QSqlDatabase::database(QStringLiteral("holder"), false));
        QVERIFY2(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")), qPrintable(lock.lastError().text()));
        run = adminctl({QStringLiteral("user"),
                        QStringLiteral("add"),
                        QStringLiteral("bob"),
                        QStringLiteral("--password-stdin"),
                        QStringLiteral("--sqlite"),
                        db},
                       QByteArrayLiteral("S3cret!pw\n"));
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    }
    closeSqlConnection(QStringLiteral("holder"));
    VERIFY_RUN(run, 2);
    QVERIFY2(!run.err.contains(QLatin1String("mcphub-adminctl: mcphub-adminctl")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("x.db")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("locked")), qPrintable(run.err));
}

#include "tst_filesafety.moc"
