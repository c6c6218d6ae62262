// A child process for the settings process tests (tst_settingsprocesses, tst_settingsfilestore):
//   settingshelper save-loop FILE KEEP   prints "ready", then saves /counter + 1 forever,
//                                        printing "saved" after each save
//   settingshelper increment FILE N      N locked read-modify-write increments of /counter
//   settingshelper hold-lock FILE MS     takes FILE's lock, prints "locked", holds it MS ms
//   settingshelper save FILE             changes one value and saves; prints the error, exit 1
// Exit code 2 for bad usage.

#include "storage/settings/settingsfilelock.h"
#include "storage/settings/settingsfilestore.h"
#include "storage/settings/settingsvalidator.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>

using namespace mcphub;

namespace {

int fail(const Error &error)
{
    std::fprintf(stderr, "%s\n", qPrintable(error.toString()));
    return 1;
}

Result<void> increment(SettingsDocument &document)
{
    auto &counter = document.json()["counter"];
    counter = counter.get<qint64>() + 1;
    return {};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    const QString mode = args.value(0);
    const QString file = args.value(1);

    if (mode == QLatin1String("save-loop") && args.size() == 3) {
        SaveOptions options;
        options.keepBackups = args.at(2).toInt();
        // Warm up (the schema is compiled on first use), so that every save after "ready"
        // takes about as long as the next.
        (void)SettingsValidator::validate(SettingsDocument());
        std::printf("ready\n");
        std::fflush(stdout);
        for (;;) {
            if (auto saved = SettingsFileStore::modify(file, increment, options); !saved)
                return fail(saved.error());
            std::printf("saved\n");
            std::fflush(stdout);
        }
    }
    if (mode == QLatin1String("increment") && args.size() == 3) {
        SaveOptions options;
        options.keepBackups = 2;
        options.lockTimeout = std::chrono::seconds(60);
        for (int i = 0; i < args.at(2).toInt(); ++i) {
            if (auto saved = SettingsFileStore::modify(file, increment, options); !saved)
                return fail(saved.error());
        }
        return 0;
    }
    if (mode == QLatin1String("hold-lock") && args.size() == 3) {
        SettingsFileLock lock(SettingsFileStore::realPath(file));
        if (auto locked = lock.acquire(std::chrono::seconds(10)); !locked)
            return fail(locked.error());
        std::printf("locked\n");
        std::fflush(stdout);
        QThread::msleep(args.at(2).toULong());
        return 0;
    }
    if (mode == QLatin1String("save") && args.size() == 2) {
        auto document = SettingsFileStore::load(file);
        if (!document)
            return fail(document.error());
        document->json()["counter"] = 424242;
        SaveOptions options;
        options.allowWarnings = true;
        options.lockTimeout = std::chrono::seconds(2);
        if (auto saved = SettingsFileStore::save(*document, options); !saved)
            return fail(saved.error());
        std::printf("saved\n");
        return 0;
    }
    std::fprintf(stderr, "usage: settingshelper save-loop|increment|hold-lock|save FILE [ARG]\n");
    return 2;
}
