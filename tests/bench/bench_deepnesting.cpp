// Reading a hostile, deeply nested 1 MB settings file (500,000 nested arrays under an unknown
// key), and one nested as deep as is allowed all through, against a flat file of the same
// size (one array of 250,000 numbers): what
// `mcphub-adminctl validate` does (SettingsFileStore::load, then SettingsValidator). Before
// issue 12 the deep file took time and memory with the square of the depth, then crashed; now
// it is refused after one linear pass. Each case runs in a child process of its own, so that
// its peak resident memory is its own.

#include "storage/settings/settingsfilestore.h"
#include "storage/settings/settingsvalidator.h"
#include "tests/support/benchreport.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <sys/resource.h>

using namespace mcphub;

namespace {

constexpr qsizetype kSize = 1024 * 1024;

enum class Shape { Flat, Deep, AtTheLimit };

QByteArray settings(Shape shape)
{
    const QByteArray head = "{\"mcpServers\": {}, \"x\": ";
    QByteArray body;
    if (shape == Shape::AtTheLimit) {
        // As deep as a file may be (510 levels under /x), again and again: accepted, read,
        // validated and indexed.
        const QByteArray tree = QByteArray(509, '[') + QByteArray(509, ']');
        body = "[" + (tree + ",").repeated((kSize - head.size()) / (tree.size() + 1) - 1) + tree
               + "]";
    } else if (shape == Shape::Deep) {
        const qsizetype levels = (kSize - head.size() - 1) / 2;
        body = QByteArray(levels, '[') + QByteArray(levels, ']');
    } else {
        const qsizetype numbers = (kSize - head.size() - 3) / 2;
        body = "[" + QByteArray("0,").repeated(numbers - 1) + "0]";
    }
    return head + body + "}";
}

long peakKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// In the child: load and validate the file `iterations` times; prints "<median ms> <peak KB>"
// where the peak is what the work added to the process's peak before it.
int child(const QString &path)
{
    const long before = peakKb();
    const double ms = test::medianMilliseconds(5, [&] {
        const auto document = SettingsFileStore::load(path);
        if (document)
            SettingsValidator::validate(*document);
    });
    std::printf("%.3f %ld\n", ms, peakKb() - before);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--child") == 0)
        return child(QString::fromLocal8Bit(argv[2]));

    QTemporaryDir dir;
    double ms[3] = {};
    double kb[3] = {};
    const char *names[3] = {"flat", "deep", "at-the-limit"};
    for (const Shape shape : {Shape::Flat, Shape::Deep, Shape::AtTheLimit}) {
        const int deep = int(shape);
        const QString path
            = dir.filePath(QString::fromLatin1(names[deep]) + QStringLiteral(".json"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(settings(shape)) < kSize - 2048)
            qFatal("cannot write %s", qPrintable(path));
        file.close();
        QProcess process;
        process.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child"), path});
        if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0)
            qFatal(
                "the %s case failed: %s", names[deep], process.readAllStandardError().constData());
        const QList<QByteArray> fields = process.readAllStandardOutput().trimmed().split(' ');
        ms[deep] = fields.value(0).toDouble();
        kb[deep] = fields.value(1).toDouble();
        std::printf(
            "# %s 1 MB file: %.2f ms, %.0f KB peak added\n", names[deep], ms[deep], kb[deep]);
    }
    // The floor is the flat file of the same size; a deep file must cost no more than it.
    test::printBench(QStringLiteral("deep_nesting_1mb_ms"), ms[1], ms[0], QStringLiteral("1.5"));
    test::printBench(QStringLiteral("deep_nesting_1mb_peak_kb"),
                     std::max(kb[1], 1.0),
                     std::max(kb[0], 1.0),
                     QStringLiteral("1.5"));
    test::printBench(QStringLiteral("deep_nesting_512_1mb_ms"), ms[2], ms[0], QStringLiteral("5"));
    test::printBench(QStringLiteral("deep_nesting_512_1mb_peak_kb"),
                     std::max(kb[2], 1.0),
                     std::max(kb[0], 1.0),
                     QStringLiteral("5"));
    return 0;
}
