// validate FILE, format FILE, backups list|restore: settings files from the command line,
// through the same store, validator and backups as the console.

#include "app/cli/settingscommands.h"

#include "storage/settings/jsonpointer.h"
#include "storage/settings/settingsbackups.h"
#include "storage/settings/settingsfilestore.h"
#include "storage/settings/settingsvalidator.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace mcphub::cli {

namespace {

// "FILE:LINE:COL: error: message" and, indented below, the underlying detail.
void printError(const Error &error)
{
    err() << (error.where.isEmpty() ? QCoreApplication::applicationName() : error.where)
          << ": error: " << error.message << '\n';
    if (!error.detail.isEmpty())
        err() << "  " << error.detail << '\n';
    err().flush();
}

int exitCodeFor(const Error &error)
{
    // Validation refusing a save is a finding; anything else made the command impossible.
    return error.code == Error::Code::Invalid ? ExitFindings : ExitFailure;
}

QCommandLineOption formatOption()
{
    return QCommandLineOption(
        QStringLiteral("format"),
        QCoreApplication::translate("cli", "Output format: text (default) or json."),
        QStringLiteral("text|json"),
        QStringLiteral("text"));
}

QCommandLineOption keepOption()
{
    return QCommandLineOption(
        QStringLiteral("keep"),
        QCoreApplication::translate("cli",
                                    "Backups to keep beside the file (default 10; 0 makes none)."),
        QStringLiteral("N"),
        QStringLiteral("10"));
}

QCommandLineOption allowWarningsOption()
{
    return QCommandLineOption(
        QStringLiteral("allow-warnings"),
        QCoreApplication::translate("cli",
                                    "Save even though validation found warnings (never errors)."));
}

// Parses a command's own arguments; on --help or bad usage returns the exit code to use.
std::optional<int> parse(QCommandLineParser &parser,
                         const QString &usage,
                         const QString &description,
                         const QStringList &arguments,
                         int positionals)
{
    parser.setApplicationDescription(description);
    const QCommandLineOption help = parser.addHelpOption();
    if (const int code = parseCommandLine(parser, usage, arguments, help); code >= 0)
        return code;
    if (parser.positionalArguments().size() != positionals) {
        return fail(
            QCoreApplication::translate("cli", "wrong number of arguments. Run \"%1 %2 --help\".")
                .arg(QCoreApplication::applicationName(), usage));
    }
    return std::nullopt;
}

std::optional<int>
formatValue(const QCommandLineParser &parser, const QCommandLineOption &option, bool &json)
{
    const QString format = parser.value(option);
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        return fail(QCoreApplication::translate("cli", "--format must be text or json."));
    json = format == QLatin1String("json");
    return std::nullopt;
}

std::optional<int>
keepValue(const QCommandLineParser &parser, const QCommandLineOption &option, int &keep)
{
    bool ok = false;
    keep = parser.value(option).toInt(&ok);
    if (!ok || keep < 0)
        return fail(
            QCoreApplication::translate("cli", "--keep must be a whole number, 0 or more."));
    return std::nullopt;
}

void printFindings(const QString &file, const QList<Finding> &findings)
{
    for (const Finding &finding : findings)
        err() << finding.toString(file) << '\n';
    err().flush();
}

QJsonObject findingJson(const Finding &f)
{
    return QJsonObject{{QStringLiteral("severity"), Finding::severityName(f.severity)},
                       {QStringLiteral("code"), f.code},
                       {QStringLiteral("pointer"), f.pointer},
                       {QStringLiteral("line"), f.position.line},
                       {QStringLiteral("column"), f.position.column},
                       {QStringLiteral("message"), f.message}};
}

void printJson(const QJsonObject &object)
{
    out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    out().flush();
}

int runValidate(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption format = formatOption();
    parser.addOption(format);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QCoreApplication::translate("cli", "The settings file to check."));
    if (auto done = parse(parser,
                          QStringLiteral("validate"),
                          QCoreApplication::translate(
                              "cli",
                              "Checks a MCPHub settings file against the settings schema and the "
                              "console's rules. Exit code 0: no errors; 1: errors found; 2: the "
                              "file cannot be read as JSON."),
                          arguments,
                          1))
        return *done;
    bool json = false;
    if (auto bad = formatValue(parser, format, json))
        return *bad;
    const QString file = parser.positionalArguments().constFirst();

    const auto document = SettingsFileStore::load(file);
    if (!document) {
        printError(document.error());
        if (json) {
            printJson({{QStringLiteral("file"), file},
                       {QStringLiteral("valid"), false},
                       {QStringLiteral("readable"), false},
                       {QStringLiteral("error"),
                        QJsonObject{{QStringLiteral("where"), document.error().where},
                                    {QStringLiteral("message"), document.error().message},
                                    {QStringLiteral("detail"), document.error().detail}}}});
        }
        return ExitFailure;
    }
    const QList<Finding> findings = SettingsValidator::validate(*document);
    const int errors = int(countSeverity(findings, Finding::Severity::Error));
    const int warnings = int(countSeverity(findings, Finding::Severity::Warning));
    if (json) {
        QJsonArray list;
        for (const Finding &f : findings)
            list.append(findingJson(f));
        printJson({{QStringLiteral("file"), file},
                   {QStringLiteral("valid"), errors == 0},
                   {QStringLiteral("readable"), true},
                   {QStringLiteral("errors"), errors},
                   {QStringLiteral("warnings"), warnings},
                   {QStringLiteral("findings"), list}});
    } else {
        printFindings(file, findings);
        out() << (errors == 0
                      ? QCoreApplication::translate("cli", "%1: valid (errors: %2, warnings: %3)")
                      : QCoreApplication::translate("cli",
                                                    "%1: not valid (errors: %2, warnings: %3)"))
                     .arg(file, QString::number(errors), QString::number(warnings))
              << Qt::endl;
    }
    return errors > 0 ? ExitFindings : ExitOk;
}

int runFormat(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption keep = keepOption();
    const QCommandLineOption allowWarnings = allowWarningsOption();
    parser.addOptions({keep, allowWarnings});
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QCoreApplication::translate("cli", "The settings file to rewrite."));
    if (auto done = parse(parser,
                          QStringLiteral("format"),
                          QCoreApplication::translate(
                              "cli",
                              "Rewrites a settings file exactly as MCPHub writes it (2-space "
                              "indent, no final newline), through the safe save: validated, "
                              "locked, backed up, atomic."),
                          arguments,
                          1))
        return *done;
    SaveOptions options;
    if (auto bad = keepValue(parser, keep, options.keepBackups))
        return *bad;
    options.allowWarnings = parser.isSet(allowWarnings);
    const QString file = parser.positionalArguments().constFirst();

    auto document = SettingsFileStore::load(file);
    if (!document) {
        printError(document.error());
        return ExitFailure;
    }
    const auto saved = SettingsFileStore::save(*document, options);
    if (!saved) {
        if (saved.error().code == Error::Code::Invalid)
            printFindings(file, SettingsValidator::validate(*document));
        printError(saved.error());
        return exitCodeFor(saved.error());
    }
    printFindings(file, saved->findings);
    if (!saved->written)
        out() << QCoreApplication::translate(
                     "cli", "%1 is already in MCPHub's format; nothing was written.")
                     .arg(file)
              << Qt::endl;
    else if (saved->backupPath.isEmpty())
        out() << QCoreApplication::translate("cli", "%1 rewritten in MCPHub's format.").arg(file)
              << Qt::endl;
    else
        out() << QCoreApplication::translate(
                     "cli", "%1 rewritten in MCPHub's format; the previous content is in %2.")
                     .arg(file, saved->backupPath)
              << Qt::endl;
    return ExitOk;
}

int runBackupsList(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption format = formatOption();
    parser.addOption(format);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QCoreApplication::translate("cli", "The settings file."));
    if (auto done = parse(parser,
                          QStringLiteral("backups list"),
                          QCoreApplication::translate(
                              "cli",
                              "Lists the backups of a settings file, newest first, with their "
                              "time, size and what they hold."),
                          arguments,
                          1))
        return *done;
    bool json = false;
    if (auto bad = formatValue(parser, format, json))
        return *bad;
    const QString file = parser.positionalArguments().constFirst();
    const QList<BackupInfo> backups = SettingsBackups::list(file);
    const QString timeFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz");
    if (json) {
        QJsonArray list;
        for (const BackupInfo &b : backups) {
            list.append(QJsonObject{{QStringLiteral("path"), b.path},
                                    {QStringLiteral("time"), b.time.toString(Qt::ISODateWithMs)},
                                    {QStringLiteral("size"), b.size},
                                    {QStringLiteral("readable"), b.readable},
                                    {QStringLiteral("servers"), b.summary.servers},
                                    {QStringLiteral("users"), b.summary.users},
                                    {QStringLiteral("groups"), b.summary.groups},
                                    {QStringLiteral("problem"), b.problem}});
        }
        printJson({{QStringLiteral("file"), file}, {QStringLiteral("backups"), list}});
        return ExitOk;
    }
    if (backups.isEmpty()) {
        out() << QCoreApplication::translate("cli", "%1 has no backups.").arg(file) << Qt::endl;
        return ExitOk;
    }
    const QLocale locale;
    for (const BackupInfo &b : backups) {
        const QString contents
            = b.readable ? QCoreApplication::translate("cli", "%1 servers, %2 users, %3 groups")
                               .arg(b.summary.servers)
                               .arg(b.summary.users)
                               .arg(b.summary.groups)
                         : QCoreApplication::translate("cli", "unreadable: %1").arg(b.problem);
        out() << QStringLiteral("%1  %2 UTC  %3  %4")
                     .arg(QFileInfo(b.path).fileName(),
                          b.time.toString(timeFormat),
                          locale.formattedDataSize(b.size),
                          contents)
              << '\n';
    }
    out().flush();
    return ExitOk;
}

int runBackupsRestore(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption keep = keepOption();
    const QCommandLineOption allowWarnings = allowWarningsOption();
    parser.addOptions({keep, allowWarnings});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QCoreApplication::translate("cli", "The settings file."));
    parser.addPositionalArgument(
        QStringLiteral("BACKUP"),
        QCoreApplication::translate("cli",
                                    "The backup: its file name, its timestamp or its path."));
    if (auto done = parse(parser,
                          QStringLiteral("backups restore"),
                          QCoreApplication::translate(
                              "cli",
                              "Puts a backup's content back into the settings file. The content "
                              "it replaces is backed up first, even if it is not valid JSON."),
                          arguments,
                          2))
        return *done;
    SaveOptions options;
    if (auto bad = keepValue(parser, keep, options.keepBackups))
        return *bad;
    options.allowWarnings = parser.isSet(allowWarnings);
    const QString file = parser.positionalArguments().at(0);
    const QString backup = parser.positionalArguments().at(1);
    const auto restored = SettingsBackups::restore(file, backup, options);
    if (!restored) {
        if (restored.error().code == Error::Code::Invalid) {
            if (const auto source = SettingsBackups::find(file, backup)) {
                if (const auto document = SettingsFileStore::load(*source))
                    printFindings(*source, SettingsValidator::validate(*document));
            }
        }
        printError(restored.error());
        return exitCodeFor(restored.error());
    }
    printFindings(file, restored->findings);
    if (!restored->written)
        out() << QCoreApplication::translate("cli",
                                             "%1 already holds that content; nothing was written.")
                     .arg(file)
              << Qt::endl;
    else if (restored->backupPath.isEmpty())
        out() << QCoreApplication::translate("cli", "Restored %1 into %2.").arg(backup, file)
              << Qt::endl;
    else
        out() << QCoreApplication::translate(
                     "cli", "Restored %1 into %2; the content it replaced is in %3.")
                     .arg(backup, file, restored->backupPath)
              << Qt::endl;
    return ExitOk;
}

int runBackups(const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    if (sub == QLatin1String("list"))
        return runBackupsList(arguments.mid(1));
    if (sub == QLatin1String("restore"))
        return runBackupsRestore(arguments.mid(1));
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        out() << QCoreApplication::translate(
                     "cli", "Usage: %1 backups list FILE | backups restore FILE BACKUP")
                     .arg(QCoreApplication::applicationName())
              << Qt::endl;
        return ExitOk;
    }
    return fail(QCoreApplication::translate(
                    "cli", "backups needs list or restore. Run \"%1 backups --help\".")
                    .arg(QCoreApplication::applicationName()));
}

} // namespace

QList<CliCommand> settingsCommands()
{
    return {
        {QStringLiteral("validate"),
         QCoreApplication::translate("cli", "Check a settings file (schema and rules)."),
         runValidate},
        {QStringLiteral("format"),
         QCoreApplication::translate("cli", "Rewrite a settings file in MCPHub's format, safely."),
         runFormat},
        {QStringLiteral("backups"),
         QCoreApplication::translate("cli", "List or restore a settings file's backups."),
         runBackups},
    };
}

} // namespace mcphub::cli
