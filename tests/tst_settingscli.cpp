// mcphub-adminctl's settings commands as an administrator runs them: validate (text and
// JSON, exit codes 0/1/2, FILE:LINE:COL lines on stderr), format, backups list and restore.

#include "tests/support/settingssamples.h"
#include "tests/support/settingsscratch.h"
#include "tests/support/testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace mcphub;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run adminctl(const QStringList &args)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(env);
    process.start(test::binDir() + QStringLiteral("/mcphub-adminctl"), args);
    Run run;
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString fixture(const QString &relative)
{
    return test::fixturesDir() + QLatin1Char('/') + relative;
}

} // namespace

class TestSettingsCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validateExitCodes_data();
    void validateExitCodes();
    void validateFindingLines();
    void validateJson();
    void validateUnreadableJson();
    void formatRewritesSafely();
    void formatRefusesErrors();
    void backupsListAndRestore();
    void usageErrors();
    void chineseMessages();
};

void TestSettingsCli::validateExitCodes_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("valid") << "upstream/mcp_settings.default.json" << 0;
    QTest::newRow("warnings only") << "upstream/openapi-schema-config.json" << 0;
    QTest::newRow("errors") << "upstream/oauth-dynamic-registration-config.json" << 1;
    QTest::newRow("groups object") << "bad-settings/groups-object.json" << 1;
    QTest::newRow("not JSON") << "bad-settings/trailing-comma.json" << 2;
    QTest::newRow("BOM") << "bad-settings/bom.json" << 2;
    QTest::newRow("missing") << "does/not/exist.json" << 2;
}

void TestSettingsCli::validateExitCodes()
{
    QFETCH(QString, file);
    QFETCH(int, exitCode);
    const Run run = adminctl({QStringLiteral("validate"), fixture(file)});
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.out + run.err));
}

void TestSettingsCli::validateFindingLines()
{
    const QString file = fixture(QStringLiteral("upstream/oauth-dynamic-registration-config.json"));
    const Run run = adminctl({QStringLiteral("validate"), file});
    QCOMPARE(run.exitCode, 1);
    const QStringList lines = run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().startsWith(file + QStringLiteral(":21:19: error: /users/0/password: ")),
             qPrintable(lines.first()));
    QVERIFY(run.out.contains(QStringLiteral("not valid")));

    const Run broken = adminctl(
        {QStringLiteral("validate"), fixture(QStringLiteral("bad-settings/trailing-comma.json"))});
    QCOMPARE(broken.exitCode, 2);
    QVERIFY2(broken.err.startsWith(
                 fixture(QStringLiteral("bad-settings/trailing-comma.json:7:7: error: "))),
             qPrintable(broken.err));
    QVERIFY(broken.err.contains(QStringLiteral("trailing comma")));
}

void TestSettingsCli::validateJson()
{
    const Run run = adminctl({QStringLiteral("validate"),
                              QStringLiteral("--format"),
                              QStringLiteral("json"),
                              fixture(QStringLiteral("bad-settings/wrong-types.json"))});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(report.value(QStringLiteral("valid")).toBool(true), false);
    QCOMPARE(report.value(QStringLiteral("errors")).toInt(), 7);
    const QJsonArray findings = report.value(QStringLiteral("findings")).toArray();
    QCOMPARE(findings.size(), 7);
    const QJsonObject first = findings.first().toObject();
    QCOMPARE(first.value(QStringLiteral("pointer")).toString(),
             QStringLiteral("/mcpServers/fetch/args"));
    QCOMPARE(first.value(QStringLiteral("line")).toInt(), 5);
    QCOMPARE(first.value(QStringLiteral("column")).toInt(), 15);
    QCOMPARE(first.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
    QCOMPARE(first.value(QStringLiteral("code")).toString(), QStringLiteral("schema.type"));
    QVERIFY(!first.value(QStringLiteral("message")).toString().isEmpty());
}

void TestSettingsCli::validateUnreadableJson()
{
    const Run run = adminctl({QStringLiteral("validate"),
                              QStringLiteral("--format=json"),
                              fixture(QStringLiteral("bad-settings/latin1.json"))});
    QCOMPARE(run.exitCode, 2);
    const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(report.value(QStringLiteral("readable")).toBool(true), false);
    QVERIFY(report.value(QStringLiteral("error"))
                .toObject()
                .value(QStringLiteral("where"))
                .toString()
                .endsWith(QStringLiteral(":3:9")));
}

void TestSettingsCli::formatRewritesSafely()
{
    test::SettingsScratch dir;
    const QString path = dir.filePath(QStringLiteral("mcp_settings.json"));
    const QByteArray compact
        = R"({"mcpServers":{"fetch":{"command":"uvx","args":["mcp-server-fetch"]}},"users":[{"username":"admin","password":"$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.","isAdmin":true}]})"
          "\n";
    QVERIFY(test::writeFile(path, compact));
    Run run = adminctl({QStringLiteral("format"), path});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(test::readFile(path), test::nodeStringify(compact));
    const QStringList backups
        = QDir(dir.path()).entryList({QStringLiteral("mcp_settings.json.backup.*")});
    QCOMPARE(backups.size(), 1);
    QCOMPARE(test::readFile(dir.filePath(backups.first())), compact);
    QVERIFY(run.out.contains(backups.first()));

    run = adminctl({QStringLiteral("format"), path});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("nothing was written")));

    // Warnings need --allow-warnings, like any save.
    QVERIFY(test::writeFile(path,
                            test::readFile(fixture(QStringLiteral(
                                "hub-captures/file-mode/settings/mcp_settings.original.json")))));
    run = adminctl({QStringLiteral("format"), QStringLiteral("--keep"), QStringLiteral("0"), path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains(QStringLiteral("warning: /users")));
    run = adminctl({QStringLiteral("format"),
                    QStringLiteral("--keep"),
                    QStringLiteral("0"),
                    QStringLiteral("--allow-warnings"),
                    path});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(!test::readFile(path).endsWith('\n'));
}

void TestSettingsCli::formatRefusesErrors()
{
    test::SettingsScratch dir;
    const QString path = dir.filePath(QStringLiteral("mcp_settings.json"));
    for (const QString &bad : {QStringLiteral("bad-settings/wrong-types.json"),
                               QStringLiteral("bad-settings/truncated.json")}) {
        const QByteArray content = test::readFile(fixture(bad));
        QVERIFY(test::writeFile(path, content));
        const Run run
            = adminctl({QStringLiteral("format"), QStringLiteral("--allow-warnings"), path});
        QCOMPARE(run.exitCode, bad.contains(QStringLiteral("truncated")) ? 2 : 1);
        QVERIFY(run.err.contains(QStringLiteral(": error: ")));
        QCOMPARE(test::readFile(path), content);
        QCOMPARE(dir.entries(), QStringList{QStringLiteral("mcp_settings.json")});
    }
}

void TestSettingsCli::backupsListAndRestore()
{
    test::SettingsScratch dir;
    const QString path = dir.filePath(QStringLiteral("mcp_settings.json"));
    QVERIFY(test::writeFile(
        path,
        R"({"mcpServers":{},"users":[{"username":"admin","password":"$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.","isAdmin":true}]})"));
    const QByteArray firstContent = test::readFile(path);
    QCOMPARE(adminctl({QStringLiteral("format"), path}).exitCode, 0);

    Run run = adminctl({QStringLiteral("backups"), QStringLiteral("list"), path});
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().contains(QRegularExpression(QStringLiteral(
                 "^mcp_settings\\.json\\.backup\\.\\d{8}T\\d{6}\\.\\d{3}Z  \\d{4}-\\d\\d-\\d\\d "
                 "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} UTC  .*0 servers, 1 users, 0 groups$"))),
             qPrintable(lines.first()));

    run = adminctl({QStringLiteral("backups"),
                    QStringLiteral("list"),
                    QStringLiteral("--format"),
                    QStringLiteral("json"),
                    path});
    const QJsonArray list = QJsonDocument::fromJson(run.out.toUtf8())
                                .object()
                                .value(QStringLiteral("backups"))
                                .toArray();
    QCOMPARE(list.size(), 1);
    const QString backup = list.first().toObject().value(QStringLiteral("path")).toString();
    QCOMPARE(list.first().toObject().value(QStringLiteral("users")).toInt(), 1);

    run = adminctl(
        {QStringLiteral("backups"), QStringLiteral("restore"), path, QFileInfo(backup).fileName()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(test::readFile(path), firstContent);
    run = adminctl({QStringLiteral("backups"), QStringLiteral("list"), path});
    QCOMPARE(run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 2);

    run = adminctl(
        {QStringLiteral("backups"), QStringLiteral("restore"), path, QStringLiteral("nope")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QStringLiteral("nope")));
}

void TestSettingsCli::usageErrors()
{
    for (const QStringList &args :
         {QStringList{QStringLiteral("validate")},
          QStringList{QStringLiteral("validate"),
                      QStringLiteral("--format"),
                      QStringLiteral("xml"),
                      QStringLiteral("f")},
          QStringList{QStringLiteral("backups")},
          QStringList{QStringLiteral("backups"), QStringLiteral("restore"), QStringLiteral("f")},
          QStringList{QStringLiteral("format"),
                      QStringLiteral("--keep"),
                      QStringLiteral("-1"),
                      QStringLiteral("f")}}) {
        const Run run = adminctl(args);
        QVERIFY2(run.exitCode == 2, qPrintable(args.join(QLatin1Char(' '))));
        QVERIFY(!run.err.isEmpty());
    }
    const Run help = adminctl({QStringLiteral("validate"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("--format")));
    const Run top = adminctl({QStringLiteral("--help")});
    for (const QString &command :
         {QStringLiteral("validate"), QStringLiteral("format"), QStringLiteral("backups")})
        QVERIFY(top.out.contains(QStringLiteral("  ") + command));
}

void TestSettingsCli::chineseMessages()
{
    const Run run = adminctl({QStringLiteral("--lang"),
                              QStringLiteral("zh_CN"),
                              QStringLiteral("validate"),
                              fixture(QStringLiteral("bad-settings/groups-object.json"))});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral(": error: /groups: "))
                 && run.err.contains(QStringLiteral("数组")),
             qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestSettingsCli)
#include "tst_settingscli.moc"
