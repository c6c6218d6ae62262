// Hostile settings files and names against the real mcphub-adminctl and the settings store
// (issue 12): deep nesting, numbers a double cannot hold, a NUL byte after the document,
// output larger than the store reads back, U+0000 and a leading U+FEFF in values, control
// characters in names, and numbers that change silently outside the known fields.
// Every run is a real process: a crash shows as exit code -1.

#include "storage/db/useradministration.h"
#include "storage/db/workspace.h"
#include "storage/nametext.h"
#include "storage/settings/jsonlimits.h"
#include "storage/settings/settingsdocument.h"
#include "storage/settings/settingsfilestore.h"
#include "storage/settings/settingsvalidator.h"
#include "tests/support/adminctlrun.h"
#include "tests/support/testbackend.h"
#include "tests/support/testenv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace mcphub;
using test::adminctl;

namespace {

QByteArray nested(const QByteArray &open, const QByteArray &close, int depth)
{
    return open.repeated(depth) + close.repeated(depth);
}

// A settings file whose server "a" has `args` replaced by `args`.
QByteArray withArgs(const QByteArray &args)
{
    return "{\"mcpServers\":{\"a\":{\"command\":\"npx\",\"args\":" + args
           + "}},\"users\":[{\"username\":\"admin\",\"password\":\"x\",\"isAdmin\":true}]}";
}

QByteArray valid(const QByteArray &extraTopLevel = {})
{
    return "{\n  \"mcpServers\": {\n    \"a\": {\n      \"command\": \"npx\"\n    }\n  },\n"
           "  \"users\": [\n    {\n      \"username\": \"admin\",\n      \"password\": "
           "\"$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.\",\n"
           "      \"isAdmin\": true\n    }\n  ]"
           + extraTopLevel + "\n}";
}

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    if (!test::writeFile(path, bytes))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

bool hasFinding(const QList<Finding> &findings, const QString &code, const QString &pointer)
{
    return std::any_of(findings.begin(), findings.end(), [&](const Finding &f) {
        return f.code == code && f.pointer == pointer && f.position.isValid();
    });
}

} // namespace

class HostileInputTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Item 1.
    void deepNestingIsRefusedWithLocation_data();
    void deepNestingIsRefusedWithLocation();
    void nestingUpToTheLimitIsAccepted();
    // Item 2.
    void hugeNumbersNeverAbortAnyCommand_data();
    void hugeNumbersNeverAbortAnyCommand();
    // Item 3.
    void formatRefusesOutputLargerThanTheStoreReads();
    // Item 10.
    void nulCharacterIsRefusedOnEveryBackend_data() { MCPHUB_BACKEND_ROWS(); }
    void nulCharacterIsRefusedOnEveryBackend();
    // Item 11.
    void leadingBomIsNeverDroppedSilently_data() { MCPHUB_BACKEND_ROWS(); }
    void leadingBomIsNeverDroppedSilently();
    // Item 13.
    void hiddenCharactersInNewNamesAreRefused_data();
    void hiddenCharactersInNewNamesAreRefused();
    void existingHiddenCharactersArePrintedEscaped();
    // Item 14.
    void numbersOutsideKnownFieldsWarnAndDiffSeesThem();
    // Item 15.
    void nulByteAfterTheDocumentIsRefused();
};

void HostileInputTest::deepNestingIsRefusedWithLocation_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("lineColumn");
    const int n = 100000;
    QTest::newRow("top level, 100000 arrays")
        << nested("[", "]", n) << QStringLiteral("") << QStringLiteral("1:513");
    QTest::newRow("in a server's args")
        << withArgs(nested("[", "]", n)) << QStringLiteral("/mcpServers/a/args/0/0/0")
        << QStringLiteral("1:553");
    QTest::newRow("in env, objects")
        << QByteArray("{\"mcpServers\":{\"a\":{\"command\":\"npx\",\"env\":"
                      + QByteArray("{\"k\":").repeated(n) + "1" + QByteArray("}").repeated(n)
                      + "}}}")
        << QStringLiteral("/mcpServers/a/env/k/k/k") << QStringLiteral("1:2588");
    QTest::newRow("1.2 MB under an unknown key")
        << QByteArray("{\"mcpServers\":{},\n\"x\":" + nested("[", "]", 600000) + "}")
        << QStringLiteral("/x/0/0") << QStringLiteral("2:516");
}

void HostileInputTest::deepNestingIsRefusedWithLocation()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, pointer);
    QFETCH(QString, lineColumn);
    QTemporaryDir dir;
    const QString path = write(dir, QStringLiteral("deep.json"), text);

    // In the store: refused before parsing, naming the place and the pointer.
    const auto document = SettingsFileStore::load(path);
    QVERIFY(!document);
    QCOMPARE(document.error().code, Error::Code::Parse);
    QCOMPARE(document.error().where, path + QLatin1Char(':') + lineColumn);
    QVERIFY2(document.error().message.contains(QStringLiteral("512")),
             qPrintable(document.error().message));
    if (!pointer.isEmpty())
        QVERIFY2(document.error().message.contains(QStringLiteral("at ") + pointer),
                 qPrintable(document.error().message));

    // Every command that reads it: a message with FILE:LINE:COL and exit 2, never a signal.
    const QString db = dir.filePath(QStringLiteral("o.db"));
    const QList<QStringList> commands{
        {QStringLiteral("validate"), path},
        {QStringLiteral("format"), path},
        {QStringLiteral("migrate"),
         path,
         QStringLiteral("--sqlite"),
         db,
         QStringLiteral("--dry-run")},
        {QStringLiteral("migrate"), path, QStringLiteral("--sqlite"), db, QStringLiteral("--yes")},
        {QStringLiteral("diff"), path, QStringLiteral("--sqlite"), db},
        {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--file"), path},
    };
    for (const QStringList &args : commands) {
        const test::Run run = adminctl(args);
        QVERIFY2(run.exitCode == 2,
                 qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(" -> ")
                            + QString::number(run.exitCode) + QLatin1Char(' ') + run.err));
        QVERIFY2(run.err.contains(path + QLatin1Char(':') + lineColumn), qPrintable(run.err));
    }
    QCOMPARE(test::readFile(path), text);
    QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
}

void HostileInputTest::nestingUpToTheLimitIsAccepted()
{
    // Level 512 under /x is accepted and goes through validation and the writer; one more
    // level is refused.
    const int inner = JsonLimits::kMaxDepth - 1; // the top-level object is level 1
    const auto accepted = SettingsDocument::parse(valid(",\n  \"x\": " + nested("[", "]", inner)));
    QVERIFY2(accepted, qPrintable(accepted ? QString() : accepted.error().toString()));
    SettingsValidator::validate(*accepted);
    QVERIFY(accepted->toMcpHubJson().contains("[]"));
    const auto refused
        = SettingsDocument::parse(valid(",\n  \"x\": " + nested("[", "]", inner + 1)));
    QVERIFY(!refused);
    QVERIFY(refused.error().message.contains(QStringLiteral("/x/0/0")));
    // Brackets inside strings are not nesting.
    const auto inString
        = SettingsDocument::parse(valid(",\n  \"x\": \"" + QByteArray("[{").repeated(5000) + "\""));
    QVERIFY(inString);
}

void HostileInputTest::hugeNumbersNeverAbortAnyCommand_data()
{
    QTest::addColumn<QByteArray>("number");
    QTest::newRow("1e400") << QByteArray("1e400");
    QTest::newRow("-1e400") << QByteArray("-1e400");
    QTest::newRow("1E+2147483648") << QByteArray("1E+2147483648");
    QTest::newRow("1 and 5000 zeros") << QByteArray("1" + QByteArray(5000, '0'));
    QTest::newRow("in a known field")
        << QByteArray("1e400"); // placed in keepAliveInterval below as well
}

void HostileInputTest::hugeNumbersNeverAbortAnyCommand()
{
    QFETCH(QByteArray, number);
    QTemporaryDir dir;
    const QByteArray text
        = QTest::currentDataTag() == QByteArray("in a known field")
              ? "{\"mcpServers\": {\"a\": {\"url\": \"http://h/\", \"keepAliveInterval\": " + number
                    + "}}}"
              : "{\"mcpServers\": {}, \"x\": " + number + "}";
    const QString path = write(dir, QStringLiteral("ovf.json"), text);
    const QString db = dir.filePath(QStringLiteral("o.db"));
    const QString out = dir.filePath(QStringLiteral("out.json"));
    VERIFY_RUN(
        adminctl({QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--sqlite"), db}),
        0);
    // Every command that takes a settings file, in every way it takes one.
    const QList<QStringList> commands{
        {QStringLiteral("validate"), path},
        {QStringLiteral("validate"), path, QStringLiteral("--format"), QStringLiteral("json")},
        {QStringLiteral("format"), path},
        {QStringLiteral("migrate"),
         path,
         QStringLiteral("--sqlite"),
         db,
         QStringLiteral("--dry-run")},
        {QStringLiteral("migrate"), path, QStringLiteral("--sqlite"), db, QStringLiteral("--yes")},
        {QStringLiteral("migrate"),
         path,
         QStringLiteral("--sqlite"),
         db,
         QStringLiteral("--yes"),
         QStringLiteral("--skip-invalid")},
        {QStringLiteral("diff"), path, QStringLiteral("--sqlite"), db},
        {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--file"), path},
        {QStringLiteral("backups"), QStringLiteral("list"), path},
        {QStringLiteral("profile"), QStringLiteral("bind"), QStringLiteral("nosuch"), path},
        {QStringLiteral("user"),
         QStringLiteral("list"),
         QStringLiteral("--sqlite"),
         db,
         QStringLiteral("--bind-settings"),
         path},
        {QStringLiteral("export"), QStringLiteral("--sqlite"), db, out},
    };
    for (const QStringList &args : commands) {
        const test::Run run = adminctl(args);
        QVERIFY2(run.exitCode >= 0 && run.exitCode <= 2,
                 qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(" -> ")
                            + QString::number(run.exitCode) + QLatin1Char(' ') + run.err));
        QVERIFY2(!run.err.contains(QLatin1String("internal error")), qPrintable(run.err));
    }
    const test::Run migrated = adminctl({QStringLiteral("migrate"),
                                         path,
                                         QStringLiteral("--sqlite"),
                                         db,
                                         QStringLiteral("--dry-run")});
    VERIFY_RUN(migrated, 2);
    QVERIFY2(migrated.err.contains(path + QStringLiteral(":1:")), qPrintable(migrated.err));
    QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
    QCOMPARE(test::readFile(path), text);
}

void HostileInputTest::formatRefusesOutputLargerThanTheStoreReads()
{
    // 500 levels and 40,000 elements at the bottom: 100 KB of text, 40 MB once indented.
    const QByteArray bottom = "[" + QByteArray("0,").repeated(40000) + "0]";
    const QByteArray deep = QByteArray("[").repeated(500) + bottom + QByteArray("]").repeated(500);
    const QByteArray text = valid(",\n  \"x\": " + deep);
    QTemporaryDir dir;
    const QString path = write(dir, QStringLiteral("mcp_settings.json"), text);
    QVERIFY(SettingsFileStore::load(path));

    const test::Run run
        = adminctl({QStringLiteral("format"), path, QStringLiteral("--allow-warnings")});
    QVERIFY2(run.exitCode == 1 || run.exitCode == 2, qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("32 MB")), qPrintable(run.err));
    QCOMPARE(test::readFile(path), text);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);

    // The store's own limit, whatever it is set to.
    auto document = SettingsFileStore::load(path);
    QVERIFY(document);
    document->json()["y"] = std::string(2000, 'y');
    SaveOptions options;
    options.allowWarnings = true;
    options.maxFileSize = 1024 * 1024;
    const auto saved = SettingsFileStore::save(*document, options);
    QVERIFY(!saved);
    QCOMPARE(test::readFile(path), text);
}

void HostileInputTest::nulCharacterIsRefusedOnEveryBackend()
{
    MCPHUB_BACKEND(backend);
    QTemporaryDir dir;
    // \u0000 in an env value of "b", and a clean server "c".
    const QByteArray text
        = "{\n  \"mcpServers\": {\n    \"b\": {\n      \"command\": \"npx\",\n"
          "      \"env\": {\n        \"K\": \"a\\u0000b\"\n      }\n    },\n"
          "    \"c\": {\n      \"command\": \"uvx\"\n    }\n  },\n"
          "  \"users\": [\n    {\n      \"username\": \"admin\",\n"
          "      \"password\": \"$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.\",\n "
          "     \"isAdmin\": true\n    }\n  ]\n}";
    const QString path = write(dir, QStringLiteral("nul.json"), text);

    const auto document = SettingsFileStore::load(path);
    QVERIFY(document);
    const QList<Finding> findings = SettingsValidator::validate(*document);
    QVERIFY(hasFinding(
        findings, QStringLiteral("json.nul-character"), QStringLiteral("/mcpServers/b/env/K")));

    const test::Run validated = adminctl({QStringLiteral("validate"), path});
    VERIFY_RUN(validated, 1);
    QVERIFY2(validated.err.contains(path + QStringLiteral(":6:14: error: /mcpServers/b/env/K")),
             qPrintable(validated.err));

    // The same rule on SQLite and PostgreSQL: the run stops naming the place (no SQL error
    // 22021), or with --skip-invalid the server goes to the reject file and the rest is
    // migrated.
    const test::Run stopped = adminctl(
        {QStringLiteral("migrate"), path, backend.cliArgument(), QStringLiteral("--yes")});
    QVERIFY2(stopped.exitCode == 1 || stopped.exitCode == 2, qPrintable(stopped.out + stopped.err));
    QVERIFY2((stopped.out + stopped.err).contains(QStringLiteral("U+0000")),
             qPrintable(stopped.out + stopped.err));
    QVERIFY(!(stopped.out + stopped.err).contains(QStringLiteral("22021")));
    const QString rejects = dir.filePath(QStringLiteral("rejects.jsonl"));
    const test::Run skipped = adminctl({QStringLiteral("migrate"),
                                        path,
                                        backend.cliArgument(),
                                        QStringLiteral("--yes"),
                                        QStringLiteral("--skip-invalid"),
                                        QStringLiteral("--rejects"),
                                        rejects});
    QVERIFY2(skipped.exitCode == 0 || skipped.exitCode == 1, qPrintable(skipped.out + skipped.err));
    QVERIFY2(test::readFile(rejects).contains("/mcpServers/b"), qPrintable(skipped.out));
    const QString exported = dir.filePath(QStringLiteral("exported.json"));
    VERIFY_RUN(adminctl({QStringLiteral("export"), backend.cliArgument(), exported}), 0);
    const QByteArray back = test::readFile(exported);
    QVERIFY2(back.contains("\"c\"") && !back.contains("\"b\""), back.constData());
}

void HostileInputTest::leadingBomIsNeverDroppedSilently()
{
    MCPHUB_BACKEND(backend);
    QTemporaryDir dir;
    VERIFY_RUN(adminctl({QStringLiteral("user"),
                         QStringLiteral("add"),
                         QStringLiteral("root"),
                         QStringLiteral("--admin"),
                         QStringLiteral("--password-stdin"),
                         backend.cliArgument()},
                        "S3cret!pw-x\n"),
               0);
    // A name given as an argument: refused with a message, never stored as "bob".
    const test::Run added = adminctl({QStringLiteral("user"),
                                      QStringLiteral("add"),
                                      QString(QChar(0xFEFF)) + QStringLiteral("bob"),
                                      QStringLiteral("--password-stdin"),
                                      backend.cliArgument()},
                                     "S3cret!pw-x\n");
    QVERIFY2(added.exitCode == 1 || added.exitCode == 2, qPrintable(added.out + added.err));
    QVERIFY2(added.err.contains(QStringLiteral("\\ufeff")), qPrintable(added.err));
    const test::Run listed
        = adminctl({QStringLiteral("user"), QStringLiteral("list"), backend.cliArgument()});
    VERIFY_RUN(listed, 0);
    QVERIFY2(!listed.out.contains(QStringLiteral("bob")), qPrintable(listed.out));

    // In a file: a located error, and the record is refused instead of failing verification.
    const QByteArray text
        = "{\n  \"mcpServers\": {\n    \"s\": {\n      \"command\": \"npx\",\n"
          "      \"description\": \"\xEF\xBB\xBF"
          "desc\"\n    }\n  },\n"
          "  \"users\": [\n    {\n      \"username\": \"\xEF\xBB\xBF"
          "carol\",\n"
          "      \"password\": \"$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.\",\n "
          "     \"isAdmin\": true\n    },\n"
          "    {\n      \"username\": \"admin\",\n      \"password\": "
          "\"$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.\",\n"
          "      \"isAdmin\": true\n    }\n  ]\n}";
    const QString path = write(dir, QStringLiteral("bom.json"), text);
    const test::Run validated = adminctl({QStringLiteral("validate"), path});
    VERIFY_RUN(validated, 1);
    QVERIFY2(validated.err.contains(QStringLiteral(":5:22: error: /mcpServers/s/description")),
             qPrintable(validated.err));
    QVERIFY2(validated.err.contains(QStringLiteral(":10:19: error: /users/0/username")),
             qPrintable(validated.err));
    const test::Run migrated = adminctl({QStringLiteral("migrate"),
                                         path,
                                         backend.cliArgument(),
                                         QStringLiteral("--yes"),
                                         QStringLiteral("--skip-invalid"),
                                         QStringLiteral("--rejects"),
                                         dir.filePath(QStringLiteral("rejects.jsonl")),
                                         QStringLiteral("--conflict"),
                                         QStringLiteral("skip")});
    QVERIFY2(migrated.exitCode == 0 || migrated.exitCode == 1,
             qPrintable(migrated.out + migrated.err));
    QVERIFY2(!(migrated.out + migrated.err).contains(QStringLiteral("verif"), Qt::CaseInsensitive)
                 || migrated.exitCode == 0,
             qPrintable(migrated.out + migrated.err));
    const test::Run after
        = adminctl({QStringLiteral("user"), QStringLiteral("list"), backend.cliArgument()});
    QVERIFY2(!after.out.contains(QStringLiteral("carol")), qPrintable(after.out));
}

void HostileInputTest::hiddenCharactersInNewNamesAreRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("shown");
    QTest::newRow("newline") << QStringLiteral("eve\nadmin  admin  active")
                             << QStringLiteral("\\n");
    QTest::newRow("CR") << QStringLiteral("eve\rbob") << QStringLiteral("\\r");
    QTest::newRow("ESC") << QStringLiteral("eve\x1b[2Jbob") << QStringLiteral("\\u001b");
    QTest::newRow("DEL") << QStringLiteral("eve\x7f") << QStringLiteral("\\u007f");
    QTest::newRow("C1 NEL") << QString(QStringLiteral("eve") + QChar(0x85))
                            << QStringLiteral("\\u0085");
    QTest::newRow("U+202E") << QString(QChar(0x202E) + QStringLiteral("eve"))
                            << QStringLiteral("\\u202e");
    QTest::newRow("U+FEFF") << QString(QChar(0xFEFF) + QStringLiteral("eve"))
                            << QStringLiteral("\\ufeff");
}

void HostileInputTest::hiddenCharactersInNewNamesAreRefused()
{
    QFETCH(QString, name);
    QFETCH(QString, shown);
    QVERIFY(NameText::problem(name).contains(shown));
    QCOMPARE(NameText::problem(QStringLiteral("ordinary-name_1 ü 名字")), QString());
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("x.db"));
    VERIFY_RUN(adminctl({QStringLiteral("user"),
                         QStringLiteral("add"),
                         QStringLiteral("root"),
                         QStringLiteral("--admin"),
                         QStringLiteral("--password-stdin"),
                         QStringLiteral("--sqlite"),
                         db},
                        "S3cret!pw-x\n"),
               0);
    const test::Run added = adminctl({QStringLiteral("user"),
                                      QStringLiteral("add"),
                                      name,
                                      QStringLiteral("--password-stdin"),
                                      QStringLiteral("--sqlite"),
                                      db},
                                     "S3cret!pw-x\n");
    QVERIFY2(added.exitCode == 1 || added.exitCode == 2, qPrintable(added.err));
    QVERIFY2(added.err.contains(shown), qPrintable(added.err));
    QCOMPARE(added.err.count(QLatin1Char('\n')), 1); // one line, the name escaped
    const test::Run listed = adminctl(
        {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--sqlite"), db});
    VERIFY_RUN(listed, 0);
    QCOMPARE(listed.out.count(QLatin1Char('\n')), 1); // only root
}

void HostileInputTest::existingHiddenCharactersArePrintedEscaped()
{
    // A file MCPHub accepted, with such names: a warning each, and every listing prints them
    // escaped, one line per entry.
    QTemporaryDir dir;
    const QByteArray text
        = "{\n  \"mcpServers\": {\n    \"s\\u001b[31m\": {\n"
          "      \"command\": \"npx\"\n    }\n  },\n  \"users\": [\n"
          "    {\n      \"username\": \"admin\",\n      \"password\": "
          "\"$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.\",\n"
          "      \"isAdmin\": true\n    },\n    {\n"
          "      \"username\": \"eve\\nadmin  admin  active\",\n"
          "      \"password\": \"$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.\",\n "
          "     \"isAdmin\": false\n    }\n  ]\n}";
    const QString path = write(dir, QStringLiteral("names.json"), text);
    const auto document = SettingsFileStore::load(path);
    QVERIFY(document);
    const QList<Finding> findings = SettingsValidator::validate(*document);
    QVERIFY(hasFinding(
        findings, QStringLiteral("name.hidden-character"), QStringLiteral("/users/1/username")));
    QVERIFY(hasFinding(findings,
                       QStringLiteral("name.hidden-character"),
                       QStringLiteral("/mcpServers/s\x1b[31m")));

    const test::Run validated = adminctl({QStringLiteral("validate"), path});
    VERIFY_RUN(validated, 0);
    QVERIFY2(!validated.err.contains(QLatin1Char('\x1b')), qPrintable(validated.err));
    QVERIFY2(validated.err.contains(QStringLiteral("/mcpServers/s\\u001b[31m")),
             qPrintable(validated.err));
    QCOMPARE(validated.err.count(QLatin1Char('\n')), 2);

    const test::Run listed = adminctl(
        {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--file"), path});
    VERIFY_RUN(listed, 0);
    QCOMPARE(listed.out.count(QLatin1Char('\n')), 2);
    QVERIFY2(listed.out.contains(QStringLiteral("eve\\nadmin  admin  active")),
             qPrintable(listed.out));

    const QString db = dir.filePath(QStringLiteral("x.db"));
    const test::Run migrated = adminctl(
        {QStringLiteral("migrate"), path, QStringLiteral("--sqlite"), db, QStringLiteral("--yes")});
    VERIFY_RUN(migrated, 0);
    QVERIFY2(!migrated.out.contains(QLatin1Char('\x1b')), qPrintable(migrated.out));
    const test::Run fromDb = adminctl(
        {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--sqlite"), db});
    VERIFY_RUN(fromDb, 0);
    QCOMPARE(fromDb.out.count(QLatin1Char('\n')), 2);
}

void HostileInputTest::numbersOutsideKnownFieldsWarnAndDiffSeesThem()
{
    QTemporaryDir dir;
    const QByteArray text
        = "{\n  \"mcpServers\": {\n    \"api\": {\n      \"type\": \"openapi\",\n"
          "      \"openapi\": {\n        \"schema\": {\n          \"openapi\": \"3.0.0\",\n"
          "          \"x-min\": 1e-400\n        }\n      }\n    }\n  },\n"
          "  \"users\": [\n    {\n      \"username\": \"admin\",\n      \"password\": "
          "\"$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.\",\n"
          "      \"isAdmin\": true\n    }\n  ],\n"
          "  \"custom\": 123456789012345678901234567890,\n  \"same\": 1.50,\n  \"big\": 1e21\n}";
    const QString path = write(dir, QStringLiteral("numbers.json"), text);
    const auto document = SettingsFileStore::load(path);
    QVERIFY(document);
    const QList<Finding> findings = SettingsValidator::validate(*document);
    QVERIFY(hasFinding(findings,
                       QStringLiteral("json.number-rounded"),
                       QStringLiteral("/mcpServers/api/openapi/schema/x-min")));
    QVERIFY(hasFinding(findings, QStringLiteral("json.number-rounded"), QStringLiteral("/custom")));
    // 1.50 and 1e21 are read exactly: no warning.
    QCOMPARE(std::count_if(
                 findings.begin(),
                 findings.end(),
                 [](const Finding &f) { return f.code == QLatin1String("json.number-rounded"); }),
             2);

    const test::Run validated = adminctl({QStringLiteral("validate"), path});
    VERIFY_RUN(validated, 0);
    QVERIFY2(validated.err.contains(path + QStringLiteral(":20:13: warning: /custom")),
             qPrintable(validated.err));
    QVERIFY2(validated.err.contains(QStringLiteral("1.2345678901234568e+29")),
             qPrintable(validated.err));
    QVERIFY2(validated.err.contains(path + QStringLiteral(":8:20: warning: /mcpServers/api")),
             qPrintable(validated.err));

    // format refuses without --allow-warnings.
    VERIFY_RUN(adminctl({QStringLiteral("format"), path}), 1);
    QCOMPARE(test::readFile(path), text);

    // migrate warns the same, and diff afterwards lists both numbers.
    const QString db = dir.filePath(QStringLiteral("x.db"));
    const test::Run migrated = adminctl(
        {QStringLiteral("migrate"), path, QStringLiteral("--sqlite"), db, QStringLiteral("--yes")});
    VERIFY_RUN(migrated, 0);
    QVERIFY2(migrated.out.contains(QStringLiteral("/custom")), qPrintable(migrated.out));
    const test::Run diff = adminctl({QStringLiteral("diff"), path, QStringLiteral("--sqlite"), db});
    VERIFY_RUN(diff, 1);
    QVERIFY2(diff.out.contains(QStringLiteral("/custom: ")), qPrintable(diff.out));
    QVERIFY2(diff.out.contains(QStringLiteral("/mcpServers/api/openapi/schema/x-min: ")),
             qPrintable(diff.out));
}

void HostileInputTest::nulByteAfterTheDocumentIsRefused()
{
    QTemporaryDir dir;
    const QByteArray text = valid() + QByteArray("\0{\"mcpServers\": 5}", 18);
    const QString path = write(dir, QStringLiteral("nul.json"), text);
    const test::Run validated = adminctl({QStringLiteral("validate"), path});
    VERIFY_RUN(validated, 2);
    QVERIFY2(validated.err.contains(path + QStringLiteral(":14:2")), qPrintable(validated.err));
    QVERIFY2(validated.err.contains(QStringLiteral("NUL")), qPrintable(validated.err));
    const test::Run formatted = adminctl({QStringLiteral("format"), path});
    VERIFY_RUN(formatted, 2);
    QCOMPARE(test::readFile(path), text);
    // Anywhere else, too.
    QVERIFY(!SettingsDocument::parse(QByteArray("{\"mcpServers\": {}\0}", 19)));
    QVERIFY(!SettingsDocument::parse(QByteArray("{\"mcpServers\": {\"a\0\": {}}}", 26)));
}

QTEST_GUILESS_MAIN(HostileInputTest)
#include "tst_hostileinput.moc"
