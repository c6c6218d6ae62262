// The two executables as administrators run them: --version, --help, exit codes, and the
// console's --screenshot in English and Simplified Chinese.

#include "tests/support/testenv.h"

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mcphub;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs a program from build/bin with no display at all: no X11, no Wayland, no platform.
Run run(const QString &program,
        const QStringList &args,
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment())
{
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    QTemporaryDir home;
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.path());
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(test::binDir() + QLatin1Char('/') + program, args);
    Run result;
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return result;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace

class TestExecutables : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionNeedsNoDisplay_data();
    void versionNeedsNoDisplay();
    void cliHelpAndUsageErrors();
    void screenshotRendersMainWindow();
};

void TestExecutables::versionNeedsNoDisplay_data()
{
    QTest::addColumn<QString>("program");
    QTest::newRow("cli") << QStringLiteral("mcphub-adminctl");
    QTest::newRow("gui") << QStringLiteral("mcphub-admin");
}

void TestExecutables::versionNeedsNoDisplay()
{
    QFETCH(QString, program);
    if (program == QLatin1String("mcphub-admin")) {
        // The GUI needs some platform even for --version; offscreen is the headless one.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const Run r = [&] {
            QProcess p;
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            p.setProcessEnvironment(env);
            p.start(test::binDir() + QStringLiteral("/mcphub-admin"),
                    {QStringLiteral("--version")});
            Run res;
            if (p.waitForFinished(60000)) {
                res.exitCode = p.exitCode();
                res.out = QString::fromUtf8(p.readAllStandardOutput());
            }
            return res;
        }();
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral(MCPHUB_VERSION)), qPrintable(r.out));
        return;
    }
    const Run r = run(program, {QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QStringLiteral("mcphub-adminctl " MCPHUB_VERSION));
}

void TestExecutables::cliHelpAndUsageErrors()
{
    const Run help = run(QStringLiteral("mcphub-adminctl"), {QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(QStringLiteral("Usage:")), qPrintable(help.out));
    QVERIFY(help.out.contains(QStringLiteral("Commands:")));

    // Every command's own help names the tool and the command, whatever path started it.
    const int commands = help.out.indexOf(QStringLiteral("Commands:"));
    const int options = help.out.indexOf(QStringLiteral("Run \""), commands);
    const QStringList lines = help.out.mid(commands, options - commands).split(QLatin1Char('\n'));
    QVERIFY(lines.size() > 10);
    for (const QString &line : lines.mid(1)) {
        const QString command = line.trimmed().section(QLatin1Char(' '), 0, 0);
        if (command.isEmpty())
            continue;
        const Run commandHelp
            = run(QStringLiteral("mcphub-adminctl"), {command, QStringLiteral("--help")});
        QCOMPARE(commandHelp.exitCode, 0);
        QVERIFY2(
            commandHelp.out.startsWith(QStringLiteral("Usage: mcphub-adminctl %1 ").arg(command)),
            qPrintable(commandHelp.out.section(QLatin1Char('\n'), 0, 0)));
    }

    const Run unknown = run(QStringLiteral("mcphub-adminctl"), {QStringLiteral("frobnicate")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains(QStringLiteral("frobnicate")), qPrintable(unknown.err));

    const Run zh
        = run(QStringLiteral("mcphub-adminctl"),
              {QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("frobnicate")});
    QCOMPARE(zh.exitCode, 2);
    QVERIFY2(zh.err.contains(QStringLiteral("未知命令")), qPrintable(zh.err));
}

void TestExecutables::screenshotRendersMainWindow()
{
    QTemporaryDir dir;
    const QString english = dir.filePath(QStringLiteral("en.png"));
    const QString chinese = dir.filePath(QStringLiteral("zh.png"));
    const Run en = run(QStringLiteral("mcphub-admin"), {QStringLiteral("--screenshot"), english});
    QVERIFY2(en.exitCode == 0, qPrintable(en.err));
    const Run zh = run(QStringLiteral("mcphub-admin"),
                       {QStringLiteral("--lang"),
                        QStringLiteral("zh_CN"),
                        QStringLiteral("--screenshot"),
                        chinese});
    QVERIFY2(zh.exitCode == 0, qPrintable(zh.err));

    const QImage a(english);
    const QImage b(chinese);
    QVERIFY(!a.isNull());
    QVERIFY(!b.isNull());
    QVERIFY(a.width() >= 800 && a.height() >= 500);
    QVERIFY2(a != b, "the zh_CN screenshot should differ from the English one");

    const Run bad
        = run(QStringLiteral("mcphub-admin"),
              {QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("no/such/dir/x.png"))});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains(QStringLiteral("x.png")), qPrintable(bad.err));
}

QTEST_GUILESS_MAIN(TestExecutables)
#include "tst_executables.moc"
