#include "app/cli/clicommand.h"

#include "app/cli/dbcommands.h"
#include "app/cli/generatecommand.h"
#include "app/cli/hubcommands.h"
#include "app/cli/migratecommands.h"
#include "app/cli/profilecommands.h"
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

QList<CliCommand> allCommands()
{
    QList<CliCommand> commands;
    commands += settingsCommands();
    commands << dbCommand() << profileCommand() << migrationCommands() << userCommand()
             << hubsCommand() << healthCommand() << generateCommand();
    return commands;
}

} // namespace mcphub::cli
