// A bounded fuzz run of the real mcphub-adminctl (issue 12): mutants of the upstream fixtures
// (tests/fixtures/upstream) with deep nesting, numbers a double cannot hold, NUL bytes, byte
// order marks, bytes that are not UTF-8, U+0000 escapes, control characters in names,
// truncation and random damage. Every mutant goes through `validate --format json`; a fixed
// subset also through `format` and `migrate --dry-run --sqlite`. Fails on any signal, any
// exit code other than 0, 1 or 2, and any finding or parse error without FILE:LINE:COL.
//
// Fixed seed; MCPHUB_FUZZ_COUNT (default 1000) and MCPHUB_FUZZ_SEED change the run, and
// MCPHUB_FUZZ_EVERY (default 20) how many mutants per format/migrate run. The summary line
// says what ran. Starting the tool costs about 45 ms of CPU, the floor of each run: the
// default 1,100 runs take about 50 CPU seconds, under 30 s on two idle cores.

#include "tests/support/testenv.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <mutex>
#include <random>
#include <thread>

namespace {

struct Mutant
{
    QString kind;
    QByteArray bytes;
};

class Mutator
{
public:
    Mutator(QList<QByteArray> sources, quint64 seed)
        : m_sources(std::move(sources))
        , m_random(seed)
    {}

    Mutant next(int index)
    {
        const QByteArray &source = m_sources[size_t(index) % m_sources.size()];
        Mutant m = mutate(source, index % 12);
        if (pick(4) == 0) { // sometimes a second mutation on top
            const Mutant again = mutate(m.bytes, int(pick(12)));
            m.kind += QLatin1Char('+') + again.kind;
            m.bytes = again.bytes;
        }
        return m;
    }

private:
    quint64 pick(quint64 n) { return std::uniform_int_distribution<quint64>(0, n - 1)(m_random); }

    // Offsets where a JSON value starts (after ':' or '[' or ','), outside strings.
    QList<qsizetype> valueStarts(const QByteArray &text)
    {
        QList<qsizetype> starts;
        bool inString = false;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (inString) {
                if (c == '\\')
                    ++i;
                else if (c == '"')
                    inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == ':' || c == '[') {
                starts << i + 1;
            }
        }
        return starts;
    }

    // Offsets just inside a string's opening quote.
    QList<qsizetype> stringStarts(const QByteArray &text)
    {
        QList<qsizetype> starts;
        bool inString = false;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (inString) {
                if (c == '\\')
                    ++i;
                else if (c == '"')
                    inString = false;
            } else if (c == '"') {
                inString = true;
                starts << i + 1;
            }
        }
        return starts;
    }

    qsizetype anyOf(const QList<qsizetype> &offsets, qsizetype fallback)
    {
        return offsets.isEmpty() ? fallback : offsets[qsizetype(pick(quint64(offsets.size())))];
    }

    // Replaces the value starting at `at` (up to the next ',' '}' or ']' at its level, or a
    // plain insert when that is hard to find) with `value`.
    QByteArray insertValue(const QByteArray &text, qsizetype at, const QByteArray &value)
    {
        QByteArray out = text;
        out.insert(at, value + ",");
        // A value before a closing bracket gets no comma: "[1e400,]" would only test the
        // trailing-comma message. Drop the comma when the next non-space is '}' or ']'.
        qsizetype next = at + value.size() + 1;
        while (next < out.size() && QByteArrayView(" \n\r\t").contains(out[next]))
            ++next;
        if (next < out.size() && (out[next] == '}' || out[next] == ']'))
            out.remove(at + value.size(), 1);
        return out;
    }

    Mutant mutate(const QByteArray &source, int kind)
    {
        static const QList<QByteArray> numbers{"1e400",
                                               "-1e400",
                                               "1E+2147483648",
                                               "1" + QByteArray(5000, '0'),
                                               "1e-400",
                                               "123456789012345678901234567890",
                                               "-0",
                                               "0.1e-999999999",
                                               "9007199254740993",
                                               "1.7976931348623157e309",
                                               "4.9e-325"};
        static const QList<QByteArray> badUtf8{"\x80",
                                               "\xC0\xAF",
                                               "\xED\xA0\x80",
                                               "\xF5\x80\x80\x80",
                                               "\xE2\x82",
                                               "\xFF",
                                               "\xF0\x9F\x98"};
        switch (kind) {
        case 0: { // deep nesting at a value, or as a new top-level key
            static const int depths[] = {511, 512, 513, 1000, 20000, 100000};
            const int depth = depths[pick(6)];
            const bool objects = pick(3) == 0;
            const QByteArray open = objects ? QByteArray("{\"k\":") : QByteArray("[");
            const QByteArray close = objects ? QByteArray("}") : QByteArray("]");
            const QByteArray deep
                = open.repeated(depth) + (objects ? "1" : "") + close.repeated(depth);
            if (pick(2) == 0)
                return {
                    QStringLiteral("deep-key"),
                    QByteArray(source).insert(source.indexOf('{') + 1, "\"fuzz\":" + deep + ",")};
            return {QStringLiteral("deep-value"),
                    insertValue(source, anyOf(valueStarts(source), 1), deep)};
        }
        case 1: // a number a double cannot hold, at a value
            return {QStringLiteral("number"),
                    insertValue(source,
                                anyOf(valueStarts(source), 1),
                                numbers[qsizetype(pick(quint64(numbers.size())))])};
        case 2: { // a NUL byte somewhere, or after the document
            QByteArray out = source;
            if (pick(2) == 0)
                out.append('\0').append(pick(2) == 0 ? QByteArray("{}") : QByteArray());
            else
                out.insert(qsizetype(pick(quint64(out.size()))), '\0');
            return {QStringLiteral("nul-byte"), out};
        }
        case 3: { // a byte order mark: at the start, or inside a string
            QByteArray out = source;
            if (pick(2) == 0)
                out.prepend("\xEF\xBB\xBF");
            else
                out.insert(anyOf(stringStarts(source), 0),
                           pick(2) == 0 ? "\xEF\xBB\xBF" : "\\ufeff");
            return {QStringLiteral("bom"), out};
        }
        case 4: { // bytes that are not UTF-8, in a string or anywhere
            QByteArray out = source;
            const qsizetype at = pick(2) == 0 ? anyOf(stringStarts(source), 0)
                                              : qsizetype(pick(quint64(out.size())));
            out.insert(at, badUtf8[qsizetype(pick(quint64(badUtf8.size())))]);
            return {QStringLiteral("utf8"), out};
        }
        case 5: // U+0000 and lone surrogates as escapes in a string
            return {QStringLiteral("escape"),
                    QByteArray(source).insert(anyOf(stringStarts(source), 0),
                                              pick(3) == 0   ? QByteArray("\\ud800")
                                              : pick(2) == 0 ? QByteArray("\\u0000")
                                                             : QByteArray("a\\u0000"))};
        case 6: { // control characters and bidi overrides in a name (any string)
            static const QList<QByteArray> hidden{"\\n",
                                                  "\\r",
                                                  "\\u001b[2J",
                                                  "\\u007f",
                                                  "\\u0085",
                                                  "\xE2\x80\xAE",
                                                  "\\u202e",
                                                  "\x1b"};
            return {QStringLiteral("hidden"),
                    QByteArray(source).insert(anyOf(stringStarts(source), 0),
                                              hidden[qsizetype(pick(quint64(hidden.size())))])};
        }
        case 7: // cut off
            return {QStringLiteral("truncated"),
                    source.left(qsizetype(pick(quint64(source.size()))))};
        case 8: { // random bytes flipped
            QByteArray out = source;
            const int flips = 1 + int(pick(4));
            for (int i = 0; i < flips; ++i)
                out[qsizetype(pick(quint64(out.size())))] = char(pick(256));
            return {QStringLiteral("flip"), out};
        }
        case 9: { // a chunk duplicated or removed (duplicate keys, stray brackets)
            QByteArray out = source;
            const qsizetype from = qsizetype(pick(quint64(out.size())));
            const qsizetype length = qsizetype(pick(200)) + 1;
            if (pick(2) == 0)
                out.insert(from, out.mid(from, length));
            else
                out.remove(from, length);
            return {QStringLiteral("chunk"), out};
        }
        case 10: { // a value of another type where one is expected
            static const QList<QByteArray> values{"null",
                                                  "true",
                                                  "[]",
                                                  "{}",
                                                  "\"\"",
                                                  "-1",
                                                  "[[[]]]",
                                                  "{\"\":{\"\":[]}}",
                                                  "\"\\u0000\""};
            return {QStringLiteral("type"),
                    insertValue(source,
                                anyOf(valueStarts(source), 1),
                                values[qsizetype(pick(quint64(values.size())))])};
        }
        default: // whitespace and line endings that JSON allows, or not
            return {QStringLiteral("space"),
                    QByteArray(source).replace(
                        "\n", pick(2) == 0 ? QByteArray("\r\n") : QByteArray("\n\v"))};
        }
    }

    QList<QByteArray> m_sources;
    std::mt19937_64 m_random;
};

struct Outcome
{
    bool ok = true;
    QString problem;
};

// Runs the tool; a signal or a timeout is reported as exit code -1.
int runTool(const QStringList &args, QString *err, QString *out = nullptr)
{
    QProcess process;
    process.start(mcphub::test::binDir() + QStringLiteral("/mcphub-adminctl"), args);
    if (!process.waitForStarted(20000))
        return -2;
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        return -3;
    }
    *err = QString::fromUtf8(process.readAllStandardError());
    if (out)
        *out = QString::fromUtf8(process.readAllStandardOutput());
    if (process.exitStatus() != QProcess::NormalExit)
        return -1;
    return process.exitCode();
}

QString describe(int code)
{
    switch (code) {
    case -1:
        return QStringLiteral("crashed (signal)");
    case -2:
        return QStringLiteral("did not start");
    case -3:
        return QStringLiteral("did not finish within 60 s");
    default:
        return QStringLiteral("exit code %1").arg(code);
    }
}

} // namespace

class FuzzCliTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mutantsNeverCrashTheTool();
};

void FuzzCliTest::mutantsNeverCrashTheTool()
{
    const QDir upstream(mcphub::test::fixturesDir() + QStringLiteral("/upstream"));
    QList<QByteArray> sources;
    for (const QString &name :
         upstream.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        sources << mcphub::test::readFile(upstream.filePath(name));
    QVERIFY(sources.size() >= 5);

    bool ok = false;
    int count = qEnvironmentVariableIntValue("MCPHUB_FUZZ_COUNT", &ok);
    if (!ok || count <= 0)
        count = 1000;
    const quint64 seed = qEnvironmentVariableIsSet("MCPHUB_FUZZ_SEED")
                             ? qEnvironmentVariable("MCPHUB_FUZZ_SEED").toULongLong()
                             : 20261205ULL;
    int every = qEnvironmentVariableIntValue("MCPHUB_FUZZ_EVERY", &ok);
    if (!ok || every <= 0)
        every = 20;

    // Mutants first, in one thread, so that the run depends on the seed only.
    Mutator mutator(sources, seed);
    QList<Mutant> mutants;
    mutants.reserve(count);
    for (int i = 0; i < count; ++i)
        mutants << mutator.next(i);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const unsigned workers = std::max(2u, std::min(4u, std::thread::hardware_concurrency() * 2));
    QStringList databases;
    for (unsigned w = 0; w < workers; ++w) {
        databases << dir.filePath(QStringLiteral("w%1.db").arg(w));
        QString err;
        const int code = runTool({QStringLiteral("db"),
                                  QStringLiteral("init"),
                                  QStringLiteral("--sqlite"),
                                  databases.last()},
                                 &err);
        QVERIFY2(code == 0, qPrintable(err));
    }

    std::atomic<int> nextIndex{0};
    std::atomic<int> runs{0};
    std::mutex lock;
    QStringList failures;
    QHash<int, int> exitCodes; // over every run
    auto record = [&](int index, const QString &what, const QString &problem) {
        const std::lock_guard guard(lock);
        failures << QStringLiteral("mutant %1 (%2) %3: %4")
                        .arg(QString::number(index), mutants[index].kind, what, problem.left(600));
    };
    auto countExit = [&](int code) {
        const std::lock_guard guard(lock);
        ++exitCodes[code];
    };
    const QRegularExpression located(QStringLiteral("^.+:\\d+:\\d+$"));
    QElapsedTimer timer;
    timer.start();

    auto work = [&](unsigned worker) {
        for (int index = nextIndex++; index < count; index = nextIndex++) {
            const Mutant &mutant = mutants[index];
            const QString path = dir.filePath(QStringLiteral("m%1.json").arg(index));
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly)
                || file.write(mutant.bytes) != mutant.bytes.size()) {
                record(index, QStringLiteral("write"), file.errorString());
                continue;
            }
            file.close();

            // validate: every finding and every parse error has its line and column.
            QString err, out;
            int code = runTool({QStringLiteral("validate"),
                                path,
                                QStringLiteral("--format"),
                                QStringLiteral("json")},
                               &err,
                               &out);
            ++runs;
            countExit(code);
            if (code < 0 || code > 2) {
                record(index, QStringLiteral("validate"), describe(code) + QLatin1Char(' ') + err);
                continue;
            }
            const QJsonObject report = QJsonDocument::fromJson(out.toUtf8()).object();
            if (report.isEmpty()) {
                record(index,
                       QStringLiteral("validate"),
                       QStringLiteral("no JSON report: ") + out + err);
            } else if (!report.value(QStringLiteral("readable")).toBool()) {
                const QString where = report.value(QStringLiteral("error"))
                                          .toObject()
                                          .value(QStringLiteral("where"))
                                          .toString();
                if (!located.match(where).hasMatch() || !where.startsWith(path))
                    record(index,
                           QStringLiteral("validate"),
                           QStringLiteral("error without FILE:LINE:COL: ") + out);
            } else {
                for (const QJsonValue &f : report.value(QStringLiteral("findings")).toArray()) {
                    if (f.toObject().value(QStringLiteral("line")).toInt() <= 0
                        || f.toObject().value(QStringLiteral("column")).toInt() <= 0)
                        record(index,
                               QStringLiteral("validate"),
                               QStringLiteral("finding without a location: ")
                                   + QString::fromUtf8(
                                       QJsonDocument(f.toObject()).toJson(QJsonDocument::Compact)));
                }
            }
            if (index % every != 0) {
                QFile::remove(path);
                continue;
            }

            // format (on the mutant itself) and a dry-run migration.
            code = runTool(
                {QStringLiteral("format"), path, QStringLiteral("--keep"), QStringLiteral("0")},
                &err,
                &out);
            ++runs;
            countExit(code);
            if (code < 0 || code > 2) {
                record(index, QStringLiteral("format"), describe(code) + QLatin1Char(' ') + err);
            } else {
                // A finding is "FILE:LINE:COL: error|warning: /pointer: ..."; one printed as
                // "FILE: error|warning: /pointer" (or "(root)") has lost its place.
                const QRegularExpression unlocated(
                    QStringLiteral("^\\s*%1: (error|warning): (/|\\(root\\))")
                        .arg(QRegularExpression::escape(path)));
                for (const QString &line : err.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                    if (unlocated.match(line).hasMatch())
                        record(index,
                               QStringLiteral("format"),
                               QStringLiteral("finding without a location: ") + line);
                }
            }
            QFile::remove(path);
            file.open(QIODevice::WriteOnly);
            file.write(mutant.bytes);
            file.close();
            code = runTool({QStringLiteral("migrate"),
                            path,
                            QStringLiteral("--dry-run"),
                            QStringLiteral("--sqlite"),
                            databases[int(worker)]},
                           &err,
                           &out);
            ++runs;
            countExit(code);
            if (code < 0 || code > 2)
                record(index,
                       QStringLiteral("migrate --dry-run"),
                       describe(code) + QLatin1Char(' ') + err);
            // Backups a migration may leave beside its source go with the folder.
            QFile::remove(path);
        }
    };
    std::vector<std::thread> threads;
    for (unsigned w = 0; w < workers; ++w)
        threads.emplace_back(work, w);
    for (std::thread &t : threads)
        t.join();

    QStringList codes;
    for (auto it = exitCodes.cbegin(); it != exitCodes.cend(); ++it)
        codes << QStringLiteral("%1:%2").arg(it.key()).arg(it.value());
    codes.sort();
    qInfo("fuzz: seed %llu, %d mutants, %d runs of mcphub-adminctl (validate on all, format and "
          "migrate --dry-run on every %dth), %d workers, %.1f s; exit codes %s; %lld failures",
          seed,
          count,
          runs.load(),
          every,
          int(workers),
          double(timer.elapsed()) / 1000,
          qPrintable(codes.join(QLatin1Char(' '))),
          qsizetype(failures.size()));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 20).join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(FuzzCliTest)
#include "tst_fuzzcli.moc"
