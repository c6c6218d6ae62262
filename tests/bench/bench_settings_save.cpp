// Saving a 5 MB settings file through SettingsFileStore (validate, lock, conflict check,
// serialise, temporary file, fsync, rename, folder fsync; with and without the backup),
// against the floor: the same bytes written by a plain loop with write + fsync + rename.
// The parts of a save are reported too, so a regression shows where it comes from.

#include "storage/settings/settingsfilestore.h"
#include "storage/settings/settingsvalidator.h"
#include "tests/support/benchreport.h"
#include "tests/support/settingssamples.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <fcntl.h>
#include <unistd.h>

using namespace mcphub;

namespace {

// The floor: what any program must do to replace a file durably.
void plainReplace(const QString &path, const QByteArray &bytes)
{
    const QByteArray target = QFile::encodeName(path);
    const QByteArray temporary = target + ".tmp";
    const int fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const char *data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, size_t(left));
        if (written <= 0)
            qFatal("write failed");
        data += written;
        left -= written;
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0
        || ::rename(temporary.constData(), target.constData()) != 0)
        qFatal("fsync, close or rename failed");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // /var/tmp is on disk where /tmp may be tmpfs, on which fsync costs nothing.
    const QString base = QFileInfo(QStringLiteral("/var/tmp")).isWritable()
                             ? QStringLiteral("/var/tmp")
                             : QDir::tempPath();
    QTemporaryDir dir(base + QStringLiteral("/mcphub-bench-settings-XXXXXX"));
    constexpr int kIterations = 15;
    constexpr int servers = 3600; // about 5 MB
    SettingsDocument document = SettingsDocument::fromJson(test::sampleSettings(servers));
    const QByteArray bytes = document.toMcpHubJson();
    std::printf(
        "# settings file: %d servers, %.2f MB\n", servers, double(bytes.size()) / (1024 * 1024));

    const QString floorPath = dir.filePath(QStringLiteral("floor.json"));
    const double floor
        = test::medianMilliseconds(kIterations, [&] { plainReplace(floorPath, bytes); });

    const QString path = dir.filePath(QStringLiteral("mcp_settings.json"));
    plainReplace(path, bytes);
    auto loaded = SettingsFileStore::load(path);
    if (!loaded)
        qFatal("%s", qPrintable(loaded.error().toString()));
    document = *loaded;
    qint64 counter = 0;
    auto saveWith = [&](int keepBackups) {
        SaveOptions options;
        options.keepBackups = keepBackups;
        return test::medianMilliseconds(kIterations, [&] {
            document.json()["counter"] = ++counter;
            const auto saved = SettingsFileStore::save(document, options);
            if (!saved || !saved->written)
                qFatal("save failed: %s",
                       saved ? "nothing written" : qPrintable(saved.error().toString()));
        });
    };
    const double withoutBackup = saveWith(0);
    const double withBackup = saveWith(10);

    const double validate = test::medianMilliseconds(kIterations, [&] {
        if (hasErrors(SettingsValidator::validate(document)))
            qFatal("the sample has errors");
    });
    const double serialise
        = test::medianMilliseconds(kIterations, [&] { (void)document.toMcpHubJson(); });
    const double parse = test::medianMilliseconds(kIterations, [&] {
        if (!SettingsDocument::parse(bytes))
            qFatal("parse failed");
    });

    test::printBench(
        QStringLiteral("settings_save_5mb_ms"), withoutBackup, floor, QStringLiteral("ratio<8"));
    test::printBench(QStringLiteral("settings_save_5mb_with_backup_ms"),
                     withBackup,
                     floor,
                     QStringLiteral("ratio<8"));
    // The parts, against the same floor.
    test::printBench(
        QStringLiteral("settings_validate_5mb_ms"), validate, floor, QStringLiteral("informative"));
    test::printBench(QStringLiteral("settings_serialise_5mb_ms"),
                     serialise,
                     floor,
                     QStringLiteral("informative"));
    test::printBench(
        QStringLiteral("settings_parse_5mb_ms"), parse, floor, QStringLiteral("informative"));
    return 0;
}
