// mcphub-adminctl: the command-line tool. QCoreApplication only, so it runs on headless
// servers; every command works on the same storage library as the console.

#include "app/cli/clicommand.h"
#include "app/common/appsetup.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace mcphub::cli;

namespace {

QString commandList(const QList<CliCommand> &commands)
{
    QString text = QCoreApplication::translate("cli", "Commands:") + QLatin1Char('\n');
    for (const CliCommand &command : commands)
        text += QStringLiteral("  %1  %2\n").arg(command.name, -12).arg(command.summary);
    return text;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    mcphub::setApplicationIdentity();
    QCoreApplication::setApplicationName(QStringLiteral("mcphub-adminctl"));
    mcphub::installTranslators(app, mcphub::languageFromArguments(QCoreApplication::arguments()));
    mcphub::Error::setRemedyWording(cliRemedyWording);

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

    if (!parser.parse(QCoreApplication::arguments()))
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
        if (command.name == name)
            return command.run(positional.mid(1));
    }
    return fail(QCoreApplication::translate(
                    "cli", "unknown command \"%1\". Run \"%2 --help\" for the list.")
                    .arg(name, QCoreApplication::applicationName()));
}
