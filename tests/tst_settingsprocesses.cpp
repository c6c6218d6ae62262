// Settings files under real processes: a child saving in a loop is killed with SIGKILL at
// random moments, at least 200 times, and the file must always be one whole document of the
// sequence; four children doing 50 locked increments each must end at exactly 200.

#include "storage/settings/settingsbackups.h"
#include "storage/settings/settingsdocument.h"
#include "storage/settings/settingsfilelock.h"
#include "storage/settings/settingsfilestore.h"
#include "storage/settings/settingsvalidator.h"
#include "tests/support/settingssamples.h"
#include "tests/support/settingsscratch.h"
#include "tests/support/testenv.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <csignal>
#include <memory>

using namespace mcphub;

namespace {

const QString kName = QStringLiteral("mcp_settings.json");
constexpr int kServers = 150; // about 150 KB: a save takes long enough to be cut in the middle

QByteArray expectedBytes(qint64 counter)
{
    return SettingsDocument::fromJson(test::sampleSettings(kServers, counter)).toMcpHubJson();
}

} // namespace

class TestSettingsProcesses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void crashAtRandomMomentsLeavesWholeDocument();
    void lockedIncrementsFromFourProcesses();
};

void TestSettingsProcesses::crashAtRandomMomentsLeavesWholeDocument()
{
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    QVERIFY(test::writeFile(path, expectedBytes(0)));
    constexpr int kKills = 220;
    constexpr int kKeep = 3;
    const QStringList arguments{QStringLiteral("save-loop"), path, QString::number(kKeep)};

    // How long one save takes on this machine now (it varies a lot with load), so that the
    // kills spread over whole saves: lock, read, validate, write, fsync, backup, rename.
    qint64 saveMs = 0;
    {
        QProcess child;
        child.start(test::settingsHelperPath(), arguments);
        QVERIFY(child.waitForStarted(10000));
        QElapsedTimer timer;
        int saves = -1; // the first line is "ready"
        while (saves < 5 && child.waitForReadyRead(30000)) {
            while (child.canReadLine()) {
                child.readLine();
                if (++saves == 0)
                    timer.start();
            }
        }
        QVERIFY2(saves >= 5, "the save loop does not save");
        saveMs = std::max<qint64>(1, timer.elapsed() / saves);
        child.kill();
        child.waitForFinished();
    }

    QRandomGenerator random(42);
    qint64 previous = SettingsFileStore::load(path)->json()["counter"].get<qint64>();
    const qint64 first = previous;
    int runsThatSaved = 0;
    QElapsedTimer elapsed;
    elapsed.start();
    for (int kill = 0; kill < kKills; ++kill) {
        QProcess child;
        child.start(test::settingsHelperPath(), arguments);
        QVERIFY(child.waitForStarted(10000));
        QVERIFY(child.waitForReadyRead(10000)); // "ready": the loop is about to save
        // Every tenth run first waits for a whole save (on a loaded machine the child may get
        // no CPU within the kill window at all), so that saves complete whatever the load.
        if (kill % 10 == 9) {
            QElapsedTimer waited;
            waited.start();
            while (waited.elapsed() < 10000) {
                const auto saved = SettingsDocument::parse(test::readFile(path), path);
                if (saved && saved->json()["counter"].get<qint64>() > previous)
                    break;
                QThread::msleep(1);
            }
        }
        // Anywhere within the first two saves.
        QThread::usleep(ulong(random.bounded(qint64(2000) * saveMs)));
        // Never kill(0, ...): a process that already ended has no id, and 0 is our own group.
        if (const qint64 pid = child.processId(); pid > 0)
            ::kill(pid_t(pid), SIGKILL);
        QVERIFY(child.waitForFinished(10000)); // reaped, so its PID is really gone
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        const QByteArray bytes = test::readFile(path);
        const auto document = SettingsDocument::parse(bytes, path);
        QVERIFY2(document,
                 qPrintable(QStringLiteral("kill %1: %2")
                                .arg(kill)
                                .arg(document ? QString() : document.error().toString())));
        QVERIFY2(!hasErrors(SettingsValidator::validate(*document)),
                 qPrintable(QString::number(kill)));
        const qint64 counter = document->json()["counter"].get<qint64>();
        // Either the document before the kill or one saved since, never a mix.
        QVERIFY2(
            counter >= previous,
            qPrintable(QStringLiteral("kill %1: %2 < %3").arg(kill).arg(counter).arg(previous)));
        QCOMPARE(bytes, expectedBytes(counter));
        runsThatSaved += counter > previous;
        previous = counter;
        QVERIFY2(SettingsBackups::paths(path).size() <= kKeep,
                 qPrintable(dir.entries().join(QLatin1Char(' '))));
    }
    // Every kill came after "ready", so inside a modify(); the loop must also have got
    // through whole saves (how many depends on the machine's load).
    QVERIFY2(
        previous - first >= 10,
        qPrintable(
            QStringLiteral("only %1 saves (a save took %2 ms)").arg(previous - first).arg(saveMs)));
    qInfo("%d kills in %lld ms (a save took %lld ms); %lld saves completed in %d runs; "
          "folder holds: %s",
          kKills,
          elapsed.elapsed(),
          saveMs,
          previous - first,
          runsThatSaved,
          qPrintable(dir.entries().join(QLatin1Char(' '))));
    // Whatever the last kill left (a lock of a dead process, even an empty one) does not stop
    // the next save for long.
    SaveOptions options;
    options.lockTimeout = std::chrono::seconds(3);
    const auto last = SettingsFileStore::modify(
        path,
        [&](SettingsDocument &d) -> Result<void> {
            d.json()["counter"] = previous + 1;
            return {};
        },
        options);
    if (!last) {
        // Show the lock files, to tell what was left behind.
        QString locks;
        for (const QString &name : dir.entries()) {
            if (name.contains(QLatin1String(".lock"))) {
                const QByteArray content = test::readFile(dir.filePath(name)).replace('\n', '|');
                locks += QStringLiteral("\n%1: %2").arg(name, QString::fromUtf8(content));
            }
        }
        QFAIL(qPrintable(last.error().toString() + locks));
    }
    ++previous;
    // Every backup left is a whole document of the sequence too.
    for (const QString &backup : SettingsBackups::paths(path)) {
        const auto document = SettingsDocument::parse(test::readFile(backup), backup);
        QVERIFY(document);
        QCOMPARE(test::readFile(backup), expectedBytes(document->json()["counter"].get<qint64>()));
    }
}

void TestSettingsProcesses::lockedIncrementsFromFourProcesses()
{
    test::SettingsScratch dir;
    const QString path = dir.filePath(kName);
    QVERIFY(test::writeFile(
        path, SettingsDocument::fromJson(test::sampleSettings(10, 0)).toMcpHubJson()));
    std::vector<std::unique_ptr<QProcess>> children;
    for (int i = 0; i < 4; ++i) {
        auto child = std::make_unique<QProcess>();
        child->setProcessChannelMode(QProcess::MergedChannels);
        child->start(test::settingsHelperPath(),
                     {QStringLiteral("increment"), path, QStringLiteral("50")});
        children.push_back(std::move(child));
    }
    for (auto &child : children) {
        QVERIFY(child->waitForFinished(120000));
        QVERIFY2(child->exitStatus() == QProcess::NormalExit && child->exitCode() == 0,
                 child->readAll().constData());
    }
    const auto document = SettingsFileStore::load(path);
    QVERIFY(document);
    QCOMPARE(document->json()["counter"].get<qint64>(), qint64(200));
    QVERIFY(dir.strays(kName).isEmpty());
}

QTEST_GUILESS_MAIN(TestSettingsProcesses)
#include "tst_settingsprocesses.moc"
