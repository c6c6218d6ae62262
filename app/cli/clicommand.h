#pragma once

#include "storage/error.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>

namespace mcphub::cli {

// Exit codes shared by every command.
enum ExitCode : int {
    ExitOk = 0,       // done; for checks: nothing wrong
    ExitFindings = 1, // the command ran and found problems (validation errors, drift...)
    ExitFailure = 2,  // unusable input or environment: unreadable file, bad usage, no database
};

// One sub-command of mcphub-adminctl ("validate", "db", "user" ...). `run` receives the
// arguments that follow the command name and returns an ExitCode.
struct CliCommand
{
    QString name;
    QString summary; // translated, one line for the top-level help
    std::function<int(const QStringList &arguments)> run;
};

// Standard output and error as UTF-8 text streams.
QTextStream &out();
QTextStream &err();

// Prints "mcphub-adminctl: message" to stderr and returns ExitFailure.
int fail(const QString &message);

// Parses the `arguments` that follow `command`; returns -1 to go on, or the exit code: a usage
// error is said, and --help (`help`) prints the help with its usage line as
// "mcphub-adminctl COMMAND [options] ...".
int parseCommandLine(QCommandLineParser &parser,
                     const QString &command,
                     const QStringList &arguments,
                     const QCommandLineOption &help);

// The remedies of storage errors (Error::Remedy) in the tool's terms: flags and commands.
// main() installs it with Error::setRemedyWording.
QString cliRemedyWording(mcphub::Error::Remedy remedy, const mcphub::Error &error);

// Every command the tool knows, in help order.
QList<CliCommand> allCommands();

} // namespace mcphub::cli
