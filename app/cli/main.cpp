// mcphub-adminctl: the command-line tool. QCoreApplication only, so it runs on headless
// servers; every command works on the same storage library as the console.

#include "app/cli/clicommand.h"
#include "app/common/appsetup.h"
#include "storage/migration/settingsfilebinding.h"

#include "storage/settings/utf8.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <exception>
#include <unistd.h>

using namespace mcphub::cli;

namespace {

QString commandList(const QList<CliCommand> &commands)
{
    QString text = QCoreApplication::translate("cli", "Commands:") + QLatin1Char('\n');
    for (const CliCommand &command : commands)
        text += QStringLiteral("  %1  %2\n").arg(command.name.leftJustified(12), command.summary);
    return text;
}

// Test hook: MCPHUB_TEST_PAUSE_AT=staged|committed|replaced stops a dual-written commit at
// that step (SettingsFileBinding::Step): the process prints "paused at STEP" on stderr and
// waits to be killed, so that tests/tst_dualwritebinding can SIGKILL it at a known point and
// check that the next open brings the file and the database back into agreement.
void installTestPause()
{
    const QString step = qEnvironmentVariable("MCPHUB_TEST_PAUSE_AT");
    if (step.isEmpty())
        return;
    mcphub::SettingsFileBinding::setStepObserver([step](mcphub::SettingsFileBinding::Step s) {
        if (mcphub::SettingsFileBinding::stepName(s) != step)
            return;
        std::fprintf(stderr, "paused at %s\n", qPrintable(step));
        std::fflush(stderr);
        for (;;)
            ::pause();
    });
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    mcphub::setApplicationIdentity();
    QCoreApplication::setApplicationName(QStringLiteral("mcphub-adminctl"));
    mcphub::installTranslators(app, mcphub::languageFromArguments(QCoreApplication::arguments()));
    mcphub::Error::setRemedyWording(cliRemedyWording);

    installTestPause();
    const QList<CliCommand> commands = allCommands();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate(
            "cli", "Command-line administration of MCPHub settings files and databases.")
        + QLatin1Char('\n') + commandList(commands)
        + QCoreApplication::translate("cli", "Run \"%1 COMMAND --help\" for a command's options.")
              .arg(QCoreApplication::applicationName()));
    // Options after the command belong to the command.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    parser.addOption(QCommandLineOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("cli", "Message language, for example zh_CN."),
        QCoreApplication::translate("cli", "language")));
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QCoreApplication::translate("cli", "The command to run."),
                                 QStringLiteral("COMMAND [ARGS...]"));

    // Not QCoreApplication::arguments(): its decoding drops a leading U+FEFF, so
    // "user add $'\ufeffbob'" would add "bob". Names are checked, not changed.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << mcphub::utf8::toQString(argv[i]);
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(versionOption)) {
        out() << QCoreApplication::applicationName() << ' '
              << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(helpOption) || positional.isEmpty()) {
        out() << parser.helpText();
        out().flush();
        return positional.isEmpty() && !parser.isSet(helpOption) ? ExitFailure : ExitOk;
    }

    const QString name = positional.first();
    for (const CliCommand &command : commands) {
        if (command.name != name)
            continue;
        // The last line of defence: an exception from a library (nlohmann, valijson, std)
        // ends the command with a message and exit 2, unwinding so that locks are released
        // and temporary files removed, instead of an abort that leaves them behind.
        try {
            return command.run(positional.mid(1));
        } catch (const std::exception &e) {
            return fail(QCoreApplication::translate(
                            "cli", "internal error, nothing more was done: %1. Please report it.")
                            .arg(QString::fromLocal8Bit(e.what())));
        }
    }
    return fail(QCoreApplication::translate(
                    "cli", "unknown command \"%1\". Run \"%2 --help\" for the list.")
                    .arg(name, QCoreApplication::applicationName()));
}
