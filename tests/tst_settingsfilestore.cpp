// SettingsFileStore and SettingsBackups in one process (child processes only where the case
// needs another process): round trips, refusals, conflicts, backups, restore, locks,
// permissions, and every bad input of issue 3, each leaving the file on disk untouched.

#include "storage/settings/settingsbackups.h"
#include "storage/settings/settingsfilelock.h"
#include "storage/settings/settingsfilestore.h"
#include "tests/support/settingssamples.h"
#include "tests/support/settingsscratch.h"
#include "tests/support/testenv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTest>
#include <QThread>

#include <csignal>
#include <fcntl.h>
#include <optional>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <utime.h>

using namespace mcphub;
using Json = nlohmann::ordered_json;

namespace {

const QString kName = QStringLiteral("mcp_settings.json");

QByteArray sampleBytes(int servers = 3, qint64 counter = 0)
{
    return SettingsDocument::fromJson(test::sampleSettings(servers, counter)).toMcpHubJson();
}

// A locked read-modify-write of the sample's "counter".
Result<SaveReport> setCounter(const QString &path, qint64 value, const SaveOptions &options = {})
{
    return SettingsFileStore::modify(
        path,
        [value](SettingsDocument &d) -> Result<void> {
            d.json()["counter"] = value;
            return {};
        },
        options);
}

// Starts settingshelper holding the lock of `path`; true once it holds it.
bool startLockHolder(QProcess &holder, const QString &path)
{
    holder.start(test::settingsHelperPath(),
                 {QStringLiteral("hold-lock"), path, QStringLiteral("20000")});
    return holder.waitForReadyRead(10000) && holder.readLine().trimmed() == "locked";
}

// Leaves the lock of `path` as a process killed while holding it does.
bool leaveLockOfKilledProcess(const QString &path)
{
    QProcess holder;
    if (!startLockHolder(holder, path))
        return false;
    // Never kill(0, ...): a process that already ended has no id, and 0 is our own group.
    if (const qint64 pid = holder.processId(); pid > 0)
        ::kill(pid_t(pid), SIGKILL);
    return holder.waitForFinished(10000); // reaped, so its PID is really gone
}

QString fixture(const QString &relative)
{
    return test::fixturesDir() + QLatin1Char('/') + relative;
}

struct MountRun
{
    int exitCode = -1;
    QString output; // the helper's, then "UNTOUCHED" if the copy kept its bytes, then `ls -A`
};

// Runs `settingshelper save` on a copy of `file` in a tmpfs mounted in a private mount
// namespace (gone with the process, so nothing is left mounted), after `prepare` (shell, $1 is
// the mount point) has made it the case to test. Empty when this machine allows no mounts.
std::optional<MountRun> saveOnPrivateMount(const QString &mountPoint,
                                           const QString &file,
                                           const QString &mountOptions,
                                           const QString &prepare)
{
    if (::geteuid() != 0 || QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty())
        return std::nullopt;
    QProcess shell;
    shell.setProcessChannelMode(QProcess::MergedChannels);
    shell.start(
        QStringLiteral("unshare"),
        {QStringLiteral("--mount"),
         QStringLiteral("sh"),
         QStringLiteral("-c"),
         QStringLiteral("mount -t tmpfs -o %1 tmpfs \"$1\" || exit 77; "
                        "cp \"$2\" \"$1/f.json\" || exit 78; %2; "
                        "\"$3\" save \"$1/f.json\"; rc=$?; "
                        "cmp -s \"$2\" \"$1/f.json\" && echo UNTOUCHED; ls -A \"$1\"; exit $rc")
             .arg(mountOptions, prepare),
         QStringLiteral("sh"),
         mountPoint,
         file,
         test::settingsHelperPath()});
    if (!shell.waitForFinished(60000))
        return MountRun{};
    MountRun run{shell.exitCode(), QString::fromUtf8(shell.readAll())};
    if (run.exitCode == 77) {
        qInfo("no mount allowed here, case not run: %s", qPrintable(run.output.trimmed()));
        return std::nullopt;
    }
    return run;
}

struct stat statOf(const QString &path)
{
    struct stat st
    {
    };
    ::stat(QFile::encodeName(path).constData(), &st);
    return st;
}

} // namespace

class TestSettingsFileStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadSaveMatchesNode_data();
    void loadSaveMatchesNode();
    void loadSaveWithoutEditsWritesNothing();
    void editOneScalarChangesOneLine_data();
    void editOneScalarChangesOneLine();
    void saveKeepsUnknownKeysAndOrder();
    void refusesErrorsAndNeedsOverrideForWarnings();
    void conflictKeepsExternalContent();
    void conflictWhenDeletedOrNotLoaded();
    void neverWritesOverUnparseableFile();
    void keepsNewestBackups();
    void backupsOff();
    void listsBackupsWithSummary();
    void restoreBacksUpWhatItReplaces();
    void restoreOverBrokenFile();
    void restoreRefusesInvalidBackup();
    void keepsPermissionsAndOwner();
    void followsSymbolicLinks();
    void modifyHoldsLockForReadModifyWrite();
    void liveLockHolderNamedAfterBoundedWait();
    void staleLockRecovered();
    void emptyLockFileRecovered();
    void interruptedStaleLockRemovalRecovered();
    void badInput_data();
    void badInput();
    void readOnlyFolder();
    void fullDisk();
};

void TestSettingsFileStore::loadSaveMatchesNode_data()
{
    QTest::addColumn<QString>("path");
    const QDir root(test::fixturesDir());
    QStringList files;
    for (const QString &folder : {QStringLiteral("upstream"), QStringLiteral("handmade")}) {
        for (const QString &name :
             QDir(root.filePath(folder)).entryList({QStringLiteral("*.json")}))
            files.append(folder + QLatin1Char('/') + name);
    }
    for (const QString &mode : QDir(root.filePath(QStringLiteral("hub-captures")))
                                   .entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString folder = QStringLiteral("hub-captures/") + mode + QStringLiteral("/settings");
        for (const QString &name :
             QDir(root.filePath(folder)).entryList({QStringLiteral("*.json")}))
            files.append(folder + QLatin1Char('/') + name);
    }
    QCOMPARE(files.size(), 11);
    for (const QString &file : std::as_const(files))
        QTest::newRow(qPrintable(file)) << file;
}

void TestSettingsFileStore::loadSaveMatchesNode()
{
    // Through the whole store: what is on disk after load+save is what MCPHub's own writer
    // makes of the file; a file MCPHub wrote is not even rewritten.
    MCPHUB_REQUIRE_SERVICE(test::nodeAvailable(), QStringLiteral("node (MCPHub's JSON writer)"));
    QFETCH(QString, path);
    test::SettingsScratch dir;
    const QString copy = dir.filePath(kName);
    const QByteArray original = test::readFile(fixture(path));
    QVERIFY(test::writeFile(copy, original));
    const QByteArray node = test::nodeStringify(original);
    QVERIFY(!node.isEmpty());

    auto document = SettingsFileStore::load(copy);
    QVERIFY2(document, qPrintable(document ? QString() : document.error().toString()));
    SaveOptions options;
    options.allowWarnings = true;
    const auto saved = SettingsFileStore::save(*document, options);
    if (path.endsWith(QLatin1String("oauth-dynamic-registration-config.json"))) {
        // Its invalid bcrypt hash is an error: the store refuses to save it at all (the writer
        // test compares its serialisation with node's).
        QVERIFY(!saved);
        QCOMPARE(saved.error().code, Error::Code::Invalid);
        QCOMPARE(test::readFile(copy), original);
        return;
    }
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
    QCOMPARE(test::readFile(copy), node);
    QCOMPARE(saved->written, node != original);
}

void TestSettingsFileStore::loadSaveWithoutEditsWritesNothing()
{
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    const QByteArray original = test::readFile(
        fixture(QStringLiteral("hub-captures/file-mode/settings/mcp_settings.after-toggle.json")));
    QVERIFY(test::writeFile(path, original));
    const QDateTime modified = QFileInfo(path).lastModified();

    auto document = SettingsFileStore::load(path);
    QVERIFY2(document, qPrintable(document ? QString() : document.error().toString()));
    const auto saved = SettingsFileStore::save(*document);
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
    QVERIFY(!saved->written);
    QVERIFY(saved->backupPath.isEmpty());
    QCOMPARE(test::readFile(path), original);
    QCOMPARE(QFileInfo(path).lastModified(), modified);
    QCOMPARE(dir.entries(), QStringList{kName}); // no lock, no backup, no temporary left
}

void TestSettingsFileStore::editOneScalarChangesOneLine_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("boolean") << "/mcpServers/broken/enabled" << QByteArray("true");
    QTest::newRow("string") << "/mcpServers/http-local/url"
                            << QByteArray("\"http://127.0.0.1:3402/mcp\"");
    QTest::newRow("number") << "/systemConfig/oauthServer/accessTokenLifetime"
                            << QByteArray("7200");
    QTest::newRow("array element") << "/groups/0/servers/1/tools/0" << QByteArray("\"fail\"");
    QTest::newRow("non-ASCII string")
        << "/groups/0/description" << QByteArray("\"本地工具 \\\"quoted\\\"\"");
}

void TestSettingsFileStore::editOneScalarChangesOneLine()
{
    QFETCH(QString, pointer);
    QFETCH(QByteArray, value);
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    const QByteArray original = test::readFile(
        fixture(QStringLiteral("hub-captures/file-mode/settings/mcp_settings.after-toggle.json")));
    QVERIFY(test::writeFile(path, original));

    auto document = SettingsFileStore::load(path);
    QVERIFY(document);
    document->json()[Json::json_pointer(pointer.toStdString())] = Json::parse(value.constData());
    SaveOptions options;
    options.keepBackups = 0;
    const auto saved = SettingsFileStore::save(*document, options);
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
    QVERIFY(saved->written);

    const QList<QByteArray> before = original.split('\n');
    const QList<QByteArray> after = test::readFile(path).split('\n');
    QCOMPARE(after.size(), before.size());
    int changed = 0;
    for (qsizetype i = 0; i < before.size(); ++i)
        changed += before.at(i) != after.at(i);
    QCOMPARE(changed, 1);
    QVERIFY(!test::readFile(path).endsWith('\n'));
}

void TestSettingsFileStore::saveKeepsUnknownKeysAndOrder()
{
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    // systemConfig before mcpServers, and keys MCPHub may add one day.
    QVERIFY(test::writeFile(
        path,
        R"({"zeta": {"future": [1, 2]}, "systemConfig": {"routing": {"newFlag": true}}, "mcpServers": {"b": {"command": "x", "x-extra": 1}, "a": {"command": "y"}}, "users": [{"username": "admin", "password": "$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.", "isAdmin": true, "nickname": "root"}]})"));
    auto document = SettingsFileStore::load(path);
    QVERIFY(document);
    document->json()["mcpServers"]["a"]["enabled"] = false;
    QVERIFY(SettingsFileStore::save(*document));
    const QByteArray written = test::readFile(path);
    QCOMPARE(written, test::nodeStringify(written));
    const auto reloaded = SettingsFileStore::load(path);
    QVERIFY(reloaded);
    QStringList keys;
    for (auto it = reloaded->json().begin(); it != reloaded->json().end(); ++it)
        keys.append(QString::fromStdString(it.key()));
    QCOMPARE(keys.join(QLatin1Char(',')), QStringLiteral("zeta,systemConfig,mcpServers,users"));
    QCOMPARE(reloaded->json()["mcpServers"].begin().key(), std::string("b"));
    QVERIFY(reloaded->json()["mcpServers"]["b"]["x-extra"] == 1);
    QVERIFY(reloaded->json()["users"][0]["nickname"] == "root");
    QVERIFY(reloaded->json()["zeta"]["future"][1] == 2);
}

void TestSettingsFileStore::refusesErrorsAndNeedsOverrideForWarnings()
{
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    const QByteArray original = sampleBytes();
    QVERIFY(test::writeFile(path, original));
    auto document = SettingsFileStore::load(path);
    QVERIFY(document);

    document->json()["users"][0]["password"] = "plain-text";
    auto saved = SettingsFileStore::save(*document);
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, Error::Code::Invalid);
    QVERIFY2(saved.error().detail.contains(QStringLiteral("/users/0/password")),
             qPrintable(saved.error().detail));
    SaveOptions anything;
    anything.allowWarnings = true;
    anything.force = true;
    QVERIFY(!SettingsFileStore::save(*document, anything)); // errors are never overridden
    QCOMPARE(test::readFile(path), original);

    document->json()["users"][0]["password"]
        = "$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.";
    document->json()["mcpServers"]["server-0"]["owner"] = "nobody-known";
    saved = SettingsFileStore::save(*document);
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, Error::Code::Invalid);
    QCOMPARE(test::readFile(path), original);
    QCOMPARE(dir.entries(), QStringList{kName});

    SaveOptions allow;
    allow.allowWarnings = true;
    saved = SettingsFileStore::save(*document, allow);
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
    QCOMPARE(saved->findings.size(), 1);
    QCOMPARE(saved->findings.first().code, QStringLiteral("owner.unknown-user"));
}

void TestSettingsFileStore::conflictKeepsExternalContent()
{
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    QVERIFY(test::writeFile(path, sampleBytes(3, 1)));
    auto document = SettingsFileStore::load(path);
    QVERIFY(document);
    document->json()["counter"] = 5;

    // MCPHub rewrites the file in place meanwhile: same size, and the modification time put
    // back, so only the content tells.
    const struct stat before = statOf(path);
    const QByteArray external = sampleBytes(3, 2);
    QCOMPARE(external.size(), document->sourceText().size());
    QVERIFY(test::writeFile(path, external));
    struct timespec times[2] = {before.st_atim, before.st_mtim};
    QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0), 0);

    auto saved = SettingsFileStore::save(*document);
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, Error::Code::Conflict);
    QCOMPARE(saved.error().where, path);
    QCOMPARE(test::readFile(path), external);
    QCOMPARE(dir.entries(), QStringList{kName});

    // Forcing replaces it, and the external content survives as a backup even with none kept.
    SaveOptions force;
    force.force = true;
    force.keepBackups = 0;
    saved = SettingsFileStore::save(*document, force);
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
    QCOMPARE(test::readFile(saved->backupPath), external);
    QVERIFY(SettingsFileStore::load(path)->json()["counter"] == 5);
    // The document now matches the disk: the next save is no conflict.
    document->json()["counter"] = 6;
    QVERIFY(SettingsFileStore::save(*document));
}

void TestSettingsFileStore::conflictWhenDeletedOrNotLoaded()
{
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    QVERIFY(test::writeFile(path, sampleBytes()));
    auto document = SettingsFileStore::load(path);
    QVERIFY(document);
    QVERIFY(QFile::remove(path));
    auto saved = SettingsFileStore::save(*document);
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, Error::Code::Conflict);
    QVERIFY(!QFileInfo::exists(path));

    // A document built in memory does not silently replace a file it never saw.
    QVERIFY(test::writeFile(path, sampleBytes(2)));
    auto fresh = SettingsDocument::fromJson(test::sampleSettings(4));
    fresh.setPath(path);
    saved = SettingsFileStore::save(fresh);
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, Error::Code::Conflict);
    QCOMPARE(test::readFile(path), sampleBytes(2));
    // At a new path it is simply created.
    fresh.setPath(dir.filePath(QStringLiteral("new.json")));
    QVERIFY(SettingsFileStore::save(fresh));
    QCOMPARE(test::readFile(dir.filePath(QStringLiteral("new.json"))), sampleBytes(4));
}

void TestSettingsFileStore::neverWritesOverUnparseableFile()
{
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    QVERIFY(test::writeFile(path, sampleBytes()));
    auto document = SettingsFileStore::load(path);
    QVERIFY(document);
    const QByteArray broken
        = test::readFile(fixture(QStringLiteral("bad-settings/truncated.json")));
    QVERIFY(test::writeFile(path, broken));
    SaveOptions force;
    force.force = true;
    const auto saved = SettingsFileStore::save(*document, force);
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, Error::Code::Parse);
    QCOMPARE(test::readFile(path), broken);
    QCOMPARE(dir.entries(), QStringList{kName});
}

void TestSettingsFileStore::keepsNewestBackups()
{
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    QVERIFY(test::writeFile(path, sampleBytes(2, 0)));
    SaveOptions options;
    options.keepBackups = 3;
    for (int i = 1; i <= 6; ++i) {
        const auto saved = setCounter(path, i, options);
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
        QCOMPARE(test::readFile(saved->backupPath), sampleBytes(2, i - 1));
    }
    const QStringList backups = SettingsBackups::paths(path);
    QCOMPARE(backups.size(), 3);
    for (int i = 0; i < 3; ++i) // oldest first: counters 3, 4, 5
        QCOMPARE(test::readFile(backups.at(i)), sampleBytes(2, 3 + i));
    QVERIFY(dir.strays(kName).isEmpty());
}

void TestSettingsFileStore::backupsOff()
{
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    QVERIFY(test::writeFile(path, sampleBytes(2, 0)));
    SaveOptions options;
    options.keepBackups = 0;
    const auto saved = setCounter(path, 1, options);
    QVERIFY(saved);
    QVERIFY(saved->backupPath.isEmpty());
    QCOMPARE(dir.entries(), QStringList{kName});
}

void TestSettingsFileStore::listsBackupsWithSummary()
{
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    QVERIFY(test::writeFile(path, sampleBytes(2, 0)));
    for (int servers : {4, 6}) {
        QVERIFY(SettingsFileStore::modify(path, [&](SettingsDocument &d) -> Result<void> {
            d.json() = test::sampleSettings(servers);
            return {};
        }));
    }
    // Something that merely looks like a backup is left alone.
    QVERIFY(test::writeFile(path + QStringLiteral(".backup.yesterday"), "x"));
    QVERIFY(test::writeFile(path + QStringLiteral(".backup.20260101T000000.000Z"), "{broken"));
    const QList<BackupInfo> backups = SettingsBackups::list(path);
    QCOMPARE(backups.size(), 3);
    QCOMPARE(backups.at(0).summary.servers, 4); // newest first
    QCOMPARE(backups.at(1).summary.servers, 2);
    QVERIFY(backups.at(0).time >= backups.at(1).time);
    QCOMPARE(backups.at(0).time.timeSpec(), Qt::UTC);
    QVERIFY(qAbs(backups.at(0).time.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QCOMPARE(backups.at(0).summary.users, 2);
    QCOMPARE(backups.at(0).summary.groups, 1);
    QCOMPARE(backups.at(0).size, sampleBytes(4).size());
    QVERIFY(!backups.at(2).readable);
    QVERIFY(!backups.at(2).problem.isEmpty());
    QCOMPARE(backups.at(2).time, QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
}

void TestSettingsFileStore::restoreBacksUpWhatItReplaces()
{
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    QVERIFY(test::writeFile(path, sampleBytes(2, 0)));
    QVERIFY(setCounter(path, 1));
    const QString first = SettingsBackups::paths(path).constFirst();
    // By timestamp, as the CLI offers.
    const QString stamp = first.section(QStringLiteral(".backup."), 1);
    const auto restored = SettingsBackups::restore(path, stamp);
    QVERIFY2(restored, qPrintable(restored ? QString() : restored.error().toString()));
    QVERIFY(restored->written);
    QCOMPARE(test::readFile(path), sampleBytes(2, 0));
    QCOMPARE(test::readFile(restored->backupPath), sampleBytes(2, 1));
    QCOMPARE(SettingsBackups::paths(path).size(), 2);
}

void TestSettingsFileStore::restoreOverBrokenFile()
{
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    QVERIFY(test::writeFile(path, sampleBytes(2, 0)));
    QVERIFY(setCounter(path, 1));
    const QString backup = SettingsBackups::paths(path).constFirst();
    const QByteArray broken = "{\"mcpServers\": {";
    QVERIFY(test::writeFile(path, broken));
    SaveOptions options;
    options.keepBackups = 0; // the broken content is kept all the same
    const auto restored = SettingsBackups::restore(path, QFileInfo(backup).fileName(), options);
    QVERIFY2(restored, qPrintable(restored ? QString() : restored.error().toString()));
    QCOMPARE(test::readFile(path), sampleBytes(2, 0));
    QCOMPARE(test::readFile(restored->backupPath), broken);
}

void TestSettingsFileStore::restoreRefusesInvalidBackup()
{
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    QVERIFY(test::writeFile(path, sampleBytes(2, 0)));
    const QString backup = path + QStringLiteral(".backup.20260101T000000.000Z");
    QVERIFY(test::writeFile(backup,
                            test::readFile(fixture(QStringLiteral(
                                "upstream/oauth-dynamic-registration-config.json")))));
    const auto restored = SettingsBackups::restore(path, backup);
    QVERIFY(!restored);
    QCOMPARE(restored.error().code, Error::Code::Invalid);
    QCOMPARE(test::readFile(path), sampleBytes(2, 0));
    const auto missing = SettingsBackups::restore(path, QStringLiteral("20990101T000000.000Z"));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, Error::Code::NotFound);
}

void TestSettingsFileStore::keepsPermissionsAndOwner()
{
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    QVERIFY(test::writeFile(path, sampleBytes(2, 0)));
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0640), 0);
    const bool root = ::geteuid() == 0;
    if (root)
        QCOMPARE(::chown(QFile::encodeName(path).constData(), 65534, 65534), 0);
    const auto saved = setCounter(path, 1);
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
    for (const QString &file : {path, saved->backupPath}) {
        const struct stat st = statOf(file);
        QCOMPARE(st.st_mode & 07777, mode_t(0640));
        if (root) {
            QCOMPARE(st.st_uid, uid_t(65534));
            QCOMPARE(st.st_gid, gid_t(65534));
        }
    }
}

void TestSettingsFileStore::followsSymbolicLinks()
{
    test::SettingsScratch dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("real")));
    const QString target = dir.filePath(QStringLiteral("real/") + kName);
    const QString link = dir.filePath(kName);
    QVERIFY(test::writeFile(target, sampleBytes(2, 0)));
    QVERIFY(QFile::link(target, link));
    const auto saved = setCounter(link, 1);
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(test::readFile(target), sampleBytes(2, 1));
    QCOMPARE(QFileInfo(saved->backupPath).absolutePath(), QFileInfo(target).absolutePath());
}

void TestSettingsFileStore::modifyHoldsLockForReadModifyWrite()
{
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    QVERIFY(test::writeFile(path, sampleBytes(2, 0)));
    bool lockedDuringEdit = false;
    const auto saved = SettingsFileStore::modify(path, [&](SettingsDocument &d) -> Result<void> {
        // Another holder, even in this process, must wait.
        SettingsFileLock other(SettingsFileStore::realPath(path));
        lockedDuringEdit = !other.acquire(std::chrono::milliseconds(50));
        d.json()["counter"] = 1;
        return {};
    });
    QVERIFY(saved);
    QVERIFY(lockedDuringEdit);
    QVERIFY(!QFileInfo::exists(SettingsFileLock::lockPathFor(SettingsFileStore::realPath(path))));
    // An edit that fails writes nothing.
    const auto failed = SettingsFileStore::modify(path, [](SettingsDocument &d) -> Result<void> {
        d.json()["counter"] = 2;
        return Error::make(Error::Code::Cancelled, QStringLiteral("cancelled"));
    });
    QVERIFY(!failed);
    QCOMPARE(failed.error().code, Error::Code::Cancelled);
    QCOMPARE(test::readFile(path), sampleBytes(2, 1));
}

void TestSettingsFileStore::liveLockHolderNamedAfterBoundedWait()
{
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    QVERIFY(test::writeFile(path, sampleBytes(2, 0)));
    QProcess holder;
    QVERIFY(startLockHolder(holder, path));

    auto document = SettingsFileStore::load(path);
    QVERIFY(document);
    document->json()["counter"] = 1;
    SaveOptions options;
    options.lockTimeout = std::chrono::milliseconds(300);
    QElapsedTimer timer;
    timer.start();
    const auto saved = SettingsFileStore::save(*document, options);
    QVERIFY(!saved);
    QVERIFY(timer.elapsed() >= 300);
    QVERIFY(timer.elapsed() < 5000);
    QCOMPARE(saved.error().code, Error::Code::Locked);
    QVERIFY2(saved.error().message.contains(QString::number(holder.processId())),
             qPrintable(saved.error().message));
    QVERIFY2(saved.error().message.contains(QSysInfo::machineHostName()),
             qPrintable(saved.error().message));
    QVERIFY2(saved.error().message.contains(QStringLiteral("settingshelper")),
             qPrintable(saved.error().message));
    QVERIFY(saved.error().where.endsWith(QStringLiteral(".lock")));
    QCOMPARE(test::readFile(path), sampleBytes(2, 0));
    holder.kill();
    holder.waitForFinished();
}

void TestSettingsFileStore::staleLockRecovered()
{
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    QVERIFY(test::writeFile(path, sampleBytes(2, 0)));
    QVERIFY(leaveLockOfKilledProcess(path));
    const QString lockFile = SettingsFileLock::lockPathFor(SettingsFileStore::realPath(path));
    QVERIFY(QFileInfo::exists(lockFile));

    QElapsedTimer timer;
    timer.start();
    const auto saved = setCounter(path, 1);
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
    QVERIFY(timer.elapsed() < 2000);
    QCOMPARE(test::readFile(path), sampleBytes(2, 1));
}

void TestSettingsFileStore::emptyLockFileRecovered()
{
    // What a process killed between creating the lock file and writing its PID leaves.
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    QVERIFY(test::writeFile(path, sampleBytes(2, 0)));
    const QString lockFile = SettingsFileLock::lockPathFor(SettingsFileStore::realPath(path));
    QVERIFY(test::writeFile(lockFile, QByteArray()));
    const QDateTime old = QDateTime::currentDateTime().addSecs(-5);
    QFile lock(lockFile);
    QVERIFY(lock.open(QIODevice::ReadWrite));
    QVERIFY(lock.setFileTime(old, QFileDevice::FileModificationTime));
    lock.close();
    const auto saved = setCounter(path, 1);
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
    QCOMPARE(test::readFile(path), sampleBytes(2, 1));
    QCOMPARE(dir.entries(), (QStringList{kName, QFileInfo(saved->backupPath).fileName()}));
}

void TestSettingsFileStore::interruptedStaleLockRemovalRecovered()
{
    // A process killed while removing a stale lock leaves QLockFile's "<lock>.rmlock" (here
    // empty, killed before it wrote its PID), which would block every later removal.
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    QVERIFY(test::writeFile(path, sampleBytes(2, 0)));
    QVERIFY(leaveLockOfKilledProcess(path));
    const QString lockFile = SettingsFileLock::lockPathFor(SettingsFileStore::realPath(path));
    for (const QString &leftover :
         {lockFile + QStringLiteral(".rmlock"), lockFile + QStringLiteral(".rmlock.rmlock")}) {
        QFile file(leftover);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(-5),
                                 QFileDevice::FileModificationTime));
    }
    SaveOptions options;
    options.lockTimeout = std::chrono::seconds(3);
    const auto saved = setCounter(path, 1, options);
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
    QCOMPARE(dir.entries(), (QStringList{kName, QFileInfo(saved->backupPath).fileName()}));
}

void TestSettingsFileStore::badInput_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("empty file") << "empty.json";
    QTest::newRow("truncated JSON") << "truncated.json";
    QTest::newRow("trailing comma") << "trailing-comma.json";
    QTest::newRow("byte order mark") << "bom.json";
    QTest::newRow("not UTF-8") << "latin1.json";
    QTest::newRow("groups as an object") << "groups-object.json";
    QTest::newRow("missing mcpServers") << "missing-mcpservers.json";
    QTest::newRow("wrong types") << "wrong-types.json";
    QTest::newRow("100 MB file") << "huge";
    QTest::newRow("path is a folder") << "folder";
    QTest::newRow("parent is a file") << "parent-file";
}

void TestSettingsFileStore::badInput()
{
    QFETCH(QString, kind);
    test::SettingsScratch dir;
    QString path = dir.filePath(kName);
    QByteArray content;
    if (kind == QLatin1String("huge")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(100 * 1024 * 1024)); // sparse: quick to make
    } else if (kind == QLatin1String("folder")) {
        QVERIFY(QDir(dir.path()).mkdir(kName));
    } else if (kind == QLatin1String("parent-file")) {
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("notafolder")), "x"));
        path = dir.filePath(QStringLiteral("notafolder/") + kName);
    } else {
        content = test::readFile(fixture(QStringLiteral("bad-settings/") + kind));
        QVERIFY(test::writeFile(path, content));
    }
    const QStringList before = dir.entries();

    // Loading reports the place; a broken file never becomes a document.
    const auto loaded = SettingsFileStore::load(path);
    const bool invalidButReadable = kind == QLatin1String("groups-object.json")
                                    || kind == QLatin1String("missing-mcpservers.json")
                                    || kind == QLatin1String("wrong-types.json");
    if (invalidButReadable) {
        QVERIFY(loaded);
    } else {
        QVERIFY(!loaded);
        QVERIFY2(loaded.error().where.startsWith(path), qPrintable(loaded.error().toString()));
        QVERIFY(!loaded.error().message.isEmpty());
    }

    // Saving over it, even forced, changes nothing on disk.
    SaveOptions force;
    force.force = true;
    force.allowWarnings = true;
    SettingsDocument replacement
        = loaded ? *loaded : SettingsDocument::fromJson(test::sampleSettings(1));
    replacement.setPath(path);
    const auto saved = SettingsFileStore::save(replacement, force);
    QVERIFY(!saved);
    QVERIFY2(saved.error().where.startsWith(path) || saved.error().where.startsWith(dir.path()),
             qPrintable(saved.error().toString()));
    if (invalidButReadable)
        QCOMPARE(saved.error().code, Error::Code::Invalid);
    if (!content.isEmpty() || kind == QLatin1String("empty.json"))
        QCOMPARE(test::readFile(path), content);
    if (kind == QLatin1String("huge"))
        QCOMPARE(QFileInfo(path).size(), 100 * 1024 * 1024);
    if (kind == QLatin1String("folder"))
        QVERIFY(QFileInfo(path).isDir());
    QCOMPARE(dir.entries(), before);
}

void TestSettingsFileStore::readOnlyFolder()
{
    // As root, permissions do not stop writes; drop to "nobody" in a child instead, so the
    // error is the real EACCES. As another user, a 0555 folder does it.
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    const QByteArray original = sampleBytes(2, 0);
    QVERIFY(test::writeFile(path, original));
    const bool root = ::geteuid() == 0;
    if (!root)
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
    // "nobody" may not reach the build folder (a checkout under /root is 0700): it runs a
    // copy of the helper from a folder everyone can enter.
    test::SettingsScratch bin;
    const QString helper = root ? test::settingsHelperCopy(bin) : test::settingsHelperPath();
    QVERIFY(!helper.isEmpty());
    QString output;
    const int code = test::runSettingsHelper(
        {QStringLiteral("save"), path},
        &output,
        [root] {
            if (root && (::setgid(65534) != 0 || ::setuid(65534) != 0))
                ::_exit(99);
        },
        helper);
    if (!root)
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QCOMPARE(code, 1);
    QVERIFY2(output.contains(QStringLiteral("read-only or not writable")), qPrintable(output));
    QVERIFY2(output.contains(dir.path()), qPrintable(output));
    QCOMPARE(test::readFile(path), original);
    QCOMPARE(dir.entries(), QStringList{kName});

    // A read-only filesystem (EROFS), where this machine lets us mount one.
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("fs")));
    const auto run = saveOnPrivateMount(dir.filePath(QStringLiteral("fs")),
                                        path,
                                        QStringLiteral("size=1m"),
                                        QStringLiteral("mount -o remount,ro \"$1\""));
    if (!run)
        return;
    QCOMPARE(run->exitCode, 1);
    QVERIFY2(run->output.contains(QStringLiteral("read-only")), qPrintable(run->output));
    QVERIFY2(run->output.endsWith(QStringLiteral("UNTOUCHED\nf.json\n")), qPrintable(run->output));
}

void TestSettingsFileStore::fullDisk()
{
    // A file size limit (RLIMIT_FSIZE) makes every write past 4 KiB fail as a full disk
    // would, with no privilege needed.
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    const QByteArray original = sampleBytes(20, 0);
    QVERIFY(original.size() > 8192);
    QVERIFY(test::writeFile(path, original));
    QString output;
    const int code = test::runSettingsHelper({QStringLiteral("save"), path}, &output, [] {
        ::signal(SIGXFSZ, SIG_IGN);
        const struct rlimit limit = {4096, 4096};
        ::setrlimit(RLIMIT_FSIZE, &limit);
    });
    QCOMPARE(code, 1);
    QVERIFY2(output.contains(QStringLiteral("may be full")), qPrintable(output));
    QVERIFY2(output.contains(path), qPrintable(output));
    QCOMPARE(test::readFile(path), original);
    QCOMPARE(dir.entries(), QStringList{kName});

    // A really full filesystem (ENOSPC), where this machine lets us mount a tiny one: filled
    // but for two pages, room for the lock file and not for the new content.
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("fs")));
    const auto run
        = saveOnPrivateMount(dir.filePath(QStringLiteral("fs")),
                             path,
                             QStringLiteral("size=256k"),
                             QStringLiteral("free=$(df --output=avail -B1 \"$1\" | tail -n 1); "
                                            "head -c $((free - 8192)) /dev/zero > \"$1/filler\""));
    if (!run)
        return;
    QCOMPARE(run->exitCode, 1);
    QVERIFY2(run->output.contains(QStringLiteral("may be full")), qPrintable(run->output));
    QVERIFY2(run->output.endsWith(QStringLiteral("UNTOUCHED\nf.json\nfiller\n")),
             qPrintable(run->output));
}

QTEST_GUILESS_MAIN(TestSettingsFileStore)
#include "tst_settingsfilestore.moc"
