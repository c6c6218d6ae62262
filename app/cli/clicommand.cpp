#include "app/cli/clicommand.h"

#include "app/cli/changescommands.h"
#include "app/cli/configcommands.h"
#include "app/cli/dbcommands.h"
#include "app/cli/generatecommand.h"
#include "app/cli/groupcommands.h"
#include "app/cli/hubcommands.h"
#include "app/cli/keycommands.h"
#include "app/cli/migratecommands.h"
#include "app/cli/profilecommands.h"
#include "app/cli/recordcommands.h"
#include "app/cli/servercommands.h"
#include "app/cli/settingscommands.h"
#include "app/cli/usercommands.h"

#include <cstdio>

namespace mcphub::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString &message)
{
    err() << QCoreApplication::applicationName() << ": " << message << Qt::endl;
    return ExitFailure;
}

int parseCommandLine(QCommandLineParser &parser,
                     const QString &command,
                     const QStringList &arguments,
                     const QCommandLineOption &help)
{
    if (!parser.parse(QStringList{command} + arguments))
        return fail(parser.errorText());
    if (parser.isSet(help)) {
        // Qt writes the path the tool was started as, and no command.
        out() << parser.helpText().replace(
            QStringLiteral("Usage: ") + QCoreApplication::arguments().value(0),
            QStringLiteral("Usage: %1 %2").arg(QCoreApplication::applicationName(), command));
        out().flush();
        return ExitOk;
    }
    return -1;
}

QString cliRemedyWording(Error::Remedy remedy, const Error &error)
{
    Q_UNUSED(error)
    switch (remedy) {
    case Error::Remedy::None:
        break;
    case Error::Remedy::Reload:
        return QCoreApplication::translate("cli",
                                           "Run the command again: it loads the file's new "
                                           "content.");
    case Error::Remedy::AllowWarnings:
        return QCoreApplication::translate("cli", "Give --allow-warnings to save them anyway.");
    case Error::Remedy::ConflictPolicy:
        return QCoreApplication::translate("cli",
                                           "Give --conflict skip to keep the database's entries "
                                           "or --conflict overwrite to replace them.");
    case Error::Remedy::SkipInvalid:
        return QCoreApplication::translate("cli",
                                           "Give --skip-invalid --rejects FILE to migrate the "
                                           "rest.");
    case Error::Remedy::RejectsFile:
        return QCoreApplication::translate("cli", "Give --rejects FILE with --skip-invalid.");
    case Error::Remedy::UnbindSettings:
        return QCoreApplication::translate("cli", "\"%1 profile unbind PROFILE\" unbinds it.")
            .arg(QCoreApplication::applicationName());
    case Error::Remedy::OpenAsMcphubDatabase:
        return QCoreApplication::translate("cli",
                                           "Open it with --hub-db CONNINFO to administer the "
                                           "hub's own tables.");
    case Error::Remedy::CreateMcphubTables:
        return QCoreApplication::translate("cli", "Give --create to create MCPHub's tables there.");
    case Error::Remedy::AcceptLoss:
        return QCoreApplication::translate("cli",
                                           "Give --accept-loss to migrate without what the plan "
                                           "lists as lost.");
    }
    return {};
}

QList<CliCommand> allCommands()
{
    QList<CliCommand> commands;
    commands += settingsCommands();
    commands << dbCommand() << profileCommand() << migrationCommands() << userCommand()
             << serverCommand() << groupCommand() << keyCommand() << configCommand()
             << hubsCommand() << healthCommand() << generateCommand();
    commands += recordCommands();
    commands << changesCommand(); // issue 16: live changes
    return commands;
}

} // namespace mcphub::cli
