#include "app/cli/migratecommands.h"

#include "app/cli/hubtelling.h"
#include "app/cli/workspaceoptions.h"
#include "storage/db/workspace.h"
#include "storage/db/workspacekind.h"
#include "storage/migration/driftcheck.h"
#include "storage/migration/hubsettings.h"
#include "storage/migration/migrationhistory.h"
#include "storage/migration/migrationrollback.h"
#include "storage/migration/migrator.h"
#include "storage/migration/settingsexport.h"
#include "storage/nametext.h"
#include "storage/settings/atomicfilewriter.h"
#include "storage/settings/jsonpointer.h"
#include "storage/settings/settingsfilestore.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <cstdio>
#include <unistd.h>

namespace mcphub::cli {

namespace {

const char *const kExitCodes = QT_TRANSLATE_NOOP(
    "MigrateCommand",
    "Exit codes: 0 done (a dry run: nothing wrong), 1 findings (invalid records, conflicts, "
    "verification differences, a refused rollback, drift), 2 failure (bad usage, unreadable "
    "file, invalid JSON, database error, cancelled).");

// The command line every command here starts from: its description followed by the exit
// codes, --help, the workspace options and, when named, one positional argument.
struct CommandLine
{
    CommandLine(const QString &description,
                const QString &argument = {},
                const QString &argumentHelp = {},
                bool withExitCodes = true)
        : help(parser.addHelpOption())
    {
        parser.setApplicationDescription(
            withExitCodes ? description + QLatin1Char('\n')
                                + QCoreApplication::translate("MigrateCommand", kExitCodes)
                          : description);
        if (!argument.isEmpty())
            parser.addPositionalArgument(argument, argumentHelp);
    }

    // Parses `arguments` (after the options the command added); -1 to go on, or the exit
    // code when --help was shown or the usage is wrong.
    int parse(const QString &command, const QStringList &arguments)
    {
        workspace.addTo(parser);
        return parseCommandLine(parser, command, arguments, help);
    }

    QCommandLineParser parser;
    const QCommandLineOption help;
    const WorkspaceOptions workspace;
};

// Opens the workspace the options name; nullopt after printing why.
std::optional<OpenedWorkspace> openWorkspace(const QCommandLineParser &parser,
                                             const WorkspaceOptions &options)
{
    QStringList warnings;
    auto ws = options.open(parser, QStringLiteral("mcphub-adminctl"), &warnings);
    for (const QString &w : std::as_const(warnings))
        err() << QCoreApplication::translate("MigrateCommand", "warning: ") << w << Qt::endl;
    if (!ws) {
        fail(ws.error().toString());
        return std::nullopt;
    }
    return std::move(*ws);
}

int exitCodeFor(const Error &error)
{
    return error.code == Error::Code::Invalid || error.code == Error::Code::Conflict ? ExitFindings
                                                                                     : ExitFailure;
}

bool confirm(const QString &question)
{
    err() << question << QStringLiteral(" [y/N] ") << Qt::flush;
    char line[16] = {};
    if (!std::fgets(line, sizeof line, stdin))
        return false;
    return line[0] == 'y' || line[0] == 'Y';
}

// Progress on stderr: a redrawn bar on a terminal, one line per step or entity otherwise.
Migrator::ProgressCallback progressPrinter()
{
    const bool tty = ::isatty(STDERR_FILENO) == 1;
    auto last = std::make_shared<QString>();
    return [tty, last](const MigrationProgress &p) {
        // A step that counts nothing (reading a table) has no "(0/0)".
        const QString what
            = p.entity.isEmpty() ? p.step
              : p.total <= 0
                  ? QStringLiteral("%1 %2").arg(p.step, p.entity)
                  : QStringLiteral("%1 %2 (%3/%4)")
                        .arg(p.step, p.entity, QString::number(p.done), QString::number(p.total));
        if (tty) {
            const int filled = p.percent * 30 / 100;
            err() << QStringLiteral("\r[%1%2] %3% %4\x1b[K")
                         .arg(QString(filled, QLatin1Char('#')),
                              QString(30 - filled, QLatin1Char(' ')),
                              QString::number(p.percent).rightJustified(3),
                              what);
            if (p.percent >= 100)
                err() << Qt::endl;
            err() << Qt::flush;
        } else {
            const QString key = p.step + p.entity;
            if (key != *last) {
                err() << QStringLiteral("%1% %2").arg(QString::number(p.percent).rightJustified(3),
                                                      what)
                      << Qt::endl;
                *last = key;
            }
        }
        return true;
    };
}

void printReport(const MigrationReport &report)
{
    out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
                 .arg(QCoreApplication::translate("MigrateCommand", "entity").leftJustified(20),
                      QCoreApplication::translate("MigrateCommand", "total").rightJustified(6),
                      QCoreApplication::translate("MigrateCommand", "new").rightJustified(6),
                      QCoreApplication::translate("MigrateCommand", "same").rightJustified(6),
                      QCoreApplication::translate("MigrateCommand", "conflict").rightJustified(9),
                      QCoreApplication::translate("MigrateCommand", "written").rightJustified(8),
                      QCoreApplication::translate("MigrateCommand", "rejected").rightJustified(9))
          << Qt::endl;
    for (const auto &c : report.counts) {
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
                     .arg(c.entity.leftJustified(20),
                          QString::number(c.total).rightJustified(6),
                          QString::number(c.created).rightJustified(6),
                          QString::number(c.identical).rightJustified(6),
                          QString::number(c.conflicting).rightJustified(9),
                          QString::number(c.created + c.overwritten).rightJustified(8),
                          QString::number(c.rejected).rightJustified(9))
              << Qt::endl;
    }
    const auto items = [](const QString &label, const QList<MigrationReport::Item> &list) {
        for (const auto &item : list)
            out() << label << NameText::forDisplay(item.pointer) << QStringLiteral(": ")
                  << NameText::forDisplay(item.message) << Qt::endl;
    };
    items(QCoreApplication::translate("MigrateCommand", "conflict: "), report.conflicts);
    items(QCoreApplication::translate("MigrateCommand", "invalid: "), report.rejects);
    items(QCoreApplication::translate("MigrateCommand", "warning: "), report.warnings);
    items(QCoreApplication::translate("MigrateCommand", "difference: "), report.differences);
    items(QCoreApplication::translate("MigrateCommand", "lost: "), report.losses);
    items(QCoreApplication::translate("MigrateCommand", "id: "), report.idRewrites);
    items(QCoreApplication::translate("MigrateCommand", "kept: "), report.kept);
    items(QCoreApplication::translate("MigrateCommand", "pruned: "), report.pruned);
    if (!report.backupPath.isEmpty())
        out() << QCoreApplication::translate("MigrateCommand", "Backup of the source: %1")
                     .arg(report.backupPath)
              << Qt::endl;
}

int runMigrate(const QStringList &arguments)
{
    CommandLine cli(
        QCoreApplication::translate(
            "MigrateCommand",
            "Migrate an MCPHub settings file into the workspace database: back it up, validate "
            "it, plan every entry (new, identical or conflicting), import all in one "
            "transaction, verify it field by field and record the run. The file is only read."),
        QStringLiteral("FILE"),
        QCoreApplication::translate("MigrateCommand", "The mcp_settings.json to migrate."));
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"),
        QCoreApplication::translate("MigrateCommand",
                                    "Plan and simulate the import, then roll it back."));
    const QCommandLineOption conflict(
        QStringLiteral("conflict"),
        QCoreApplication::translate("MigrateCommand",
                                    "What to do with entries the database holds with "
                                    "other content: fail (default), skip or overwrite."),
        QStringLiteral("policy"),
        QStringLiteral("fail"));
    const QCommandLineOption skipInvalid(
        QStringLiteral("skip-invalid"),
        QCoreApplication::translate("MigrateCommand",
                                    "Leave invalid records out (into --rejects) and "
                                    "migrate the rest."));
    const QCommandLineOption rejects(
        QStringLiteral("rejects"),
        QCoreApplication::translate("MigrateCommand", "JSON-lines file for the records left out."),
        QStringLiteral("file"));
    const QCommandLineOption report(
        QStringLiteral("report"),
        QCoreApplication::translate("MigrateCommand", "Write the full report as JSON."),
        QStringLiteral("file"));
    const QCommandLineOption backupDir(
        QStringLiteral("backup-dir"),
        QCoreApplication::translate("MigrateCommand",
                                    "Folder for the source backup (default: beside it)."),
        QStringLiteral("dir"));
    const QCommandLineOption yes(
        QStringLiteral("yes"),
        QCoreApplication::translate("MigrateCommand", "Do not ask before writing."));
    const QCommandLineOption usageLog(
        QStringLiteral("usage-log"),
        QCoreApplication::translate(
            "MigrateCommand",
            "Also load this usage log (JSON lines: mcp_usage_logs columns or MCPHub "
            "activities) in the same transaction, verified by count and checksum."),
        QStringLiteral("file"));
    const QCommandLineOption accessLog(
        QStringLiteral("access-log"),
        QCoreApplication::translate(
            "MigrateCommand",
            "Also load this access log (JSON lines with the access_logs columns)."),
        QStringLiteral("file"));
    const QCommandLineOption acceptLoss(
        QStringLiteral("accept-loss"),
        QCoreApplication::translate("MigrateCommand",
                                    "MCPHub's database: migrate although its tables have no "
                                    "place for what the plan lists as lost."));
    const QCommandLineOption prune(
        QStringLiteral("prune"),
        QCoreApplication::translate("MigrateCommand",
                                    "MCPHub's database: remove the rows of the file's entity "
                                    "types that the file does not describe (never the last "
                                    "user, never activities)."));
    const QCommandLineOption noApply = noApplyOption();
    cli.parser.addOptions({dryRun,
                           conflict,
                           skipInvalid,
                           rejects,
                           report,
                           backupDir,
                           usageLog,
                           accessLog,
                           acceptLoss,
                           prune,
                           noApply,
                           yes});
    if (const int code = cli.parse(QStringLiteral("migrate"), arguments); code >= 0)
        return code;
    if (cli.parser.positionalArguments().size() != 1)
        return fail(QCoreApplication::translate(
                        "MigrateCommand", "give one settings file. Run \"%1 migrate --help\".")
                        .arg(QCoreApplication::applicationName()));
    MigrationOptions options;
    options.sourcePath = cli.parser.positionalArguments().first();
    options.dryRun = cli.parser.isSet(dryRun);
    options.skipInvalid = cli.parser.isSet(skipInvalid);
    options.rejectsPath = cli.parser.value(rejects);
    options.backupDir = cli.parser.value(backupDir);
    options.usageLogPath = cli.parser.value(usageLog);
    options.accessLogPath = cli.parser.value(accessLog);
    options.acceptLoss = cli.parser.isSet(acceptLoss);
    options.prune = cli.parser.isSet(prune);
    if (!MigrationOptions::parsePolicy(cli.parser.value(conflict), &options.conflict))
        return fail(QCoreApplication::translate("MigrateCommand",
                                                "--conflict takes fail, skip or overwrite."));
    if (options.skipInvalid && options.rejectsPath.isEmpty())
        return fail(QCoreApplication::translate(
            "MigrateCommand",
            "--skip-invalid needs --rejects FILE for the records it leaves out."));
    const bool interactive = ::isatty(STDIN_FILENO) == 1;
    if (!options.dryRun && !cli.parser.isSet(yes) && !interactive)
        return fail(QCoreApplication::translate(
            "MigrateCommand",
            "give --yes to migrate without a terminal to confirm on (or --dry-run)."));

    auto ws = openWorkspace(cli.parser, cli.workspace);
    if (!ws)
        return ExitFailure;
    options.target = ws->displayName();
    // Migrating a profile's own bound file brings the database up to the file: nothing to
    // write back (and the migrator holds the file's lock until it commits).
    if (ws->releaseBindingFor(options.sourcePath)) {
        err() << QCoreApplication::translate("MigrateCommand",
                                             "note: %1 is the profile's bound settings file; "
                                             "this run reads it and does not write it back.")
                     .arg(options.sourcePath)
              << Qt::endl;
    }

    const bool hub = ws->workspace().kind() == WorkspaceKind::McphubDatabase;
    const bool tell = hub && !options.dryRun && !cli.parser.isSet(noApply);
    int stopped = ExitOk; // what the hubs said to the stops sent before the run
    if (!options.dryRun && (!cli.parser.isSet(yes) || (tell && options.prune))) {
        MigrationOptions preview = options;
        preview.dryRun = true;
        const MigrationReport plan = Migrator(ws->context(), preview).run();
        if (!cli.parser.isSet(yes))
            printReport(plan);
        if (!plan.ok()) {
            if (cli.parser.isSet(yes))
                printReport(plan);
            err() << QCoreApplication::applicationName() << ": " << plan.error->toString()
                  << Qt::endl;
            return exitCodeFor(*plan.error);
        }
        if (!cli.parser.isSet(yes)
            && !confirm(QCoreApplication::translate("MigrateCommand", "Migrate %1 into %2?")
                            .arg(options.sourcePath, options.target)))
            return fail(QCoreApplication::translate("MigrateCommand", "nothing was migrated."));
        if (tell) {
            // A server about to be removed is stopped while the hubs can still find it.
            QList<HubChange> stops;
            for (const HubChange &change : plan.hubChanges) {
                if (plan.stopsPrunedServer(change))
                    stops << change;
            }
            if (!stops.isEmpty())
                stopped = tellLinkedHubs(ws->context(), stops);
        }
    }

    Migrator migrator(ws->context(), options);
    migrator.setProgressCallback(progressPrinter());
    const MigrationReport result = migrator.run();
    printReport(result);
    int told = ExitOk;
    if (tell && result.ok()) {
        QList<HubChange> changes;
        for (const HubChange &change : result.hubChanges) {
            // Stops of pruned servers went out before the rows went.
            const bool prunedStop = result.stopsPrunedServer(change);
            if (!prunedStop)
                changes << change;
        }
        told = tellLinkedHubs(ws->context(), changes);
    }
    ws->close();
    if (cli.parser.isSet(report)) {
        // Checked like every file the tool writes; the report quotes the settings, so it
        // takes the source's permissions (0600 when the source is gone).
        const auto written = AtomicFileWriter::writeFile(
            cli.parser.value(report), QJsonDocument(result.toJson()).toJson(), options.sourcePath);
        if (!written) {
            const QString outcome
                = !result.ok()
                      ? QCoreApplication::translate("MigrateCommand", "The migration failed: %1")
                            .arg(result.error->toString())
                  : options.dryRun
                      ? QCoreApplication::translate("MigrateCommand",
                                                    "The dry run itself found nothing wrong.")
                      : QCoreApplication::translate("MigrateCommand",
                                                    "The migration itself completed (run %1).")
                            .arg(result.runId);
            return fail(
                QCoreApplication::translate("MigrateCommand", "the report was not written: %1 %2")
                    .arg(written.error().toString(), outcome));
        }
    }
    if (!result.ok()) {
        err() << QCoreApplication::applicationName() << ": " << result.error->toString()
              << Qt::endl;
        return exitCodeFor(*result.error);
    }
    if (options.dryRun)
        out() << QCoreApplication::translate("MigrateCommand", "Dry run: nothing was changed.")
              << Qt::endl;
    else
        out() << QCoreApplication::translate("MigrateCommand",
                                             "Migration run %1 completed and verified.")
                     .arg(result.runId)
              << Qt::endl;
    return std::max(told, stopped);
}

int runExport(const QStringList &arguments)
{
    CommandLine cli(
        QCoreApplication::translate(
            "MigrateCommand",
            "Write the workspace's settings as an MCPHub settings file (the format MCPHub "
            "writes; an existing file is backed up first and replaced atomically)."),
        QStringLiteral("OUTFILE"),
        QCoreApplication::translate("MigrateCommand", "The settings file to write."));
    if (const int code = cli.parse(QStringLiteral("export"), arguments); code >= 0)
        return code;
    if (cli.parser.positionalArguments().size() != 1)
        return fail(QCoreApplication::translate("MigrateCommand", "give one output file."));
    const QString path = cli.parser.positionalArguments().first();
    auto ws = openWorkspace(cli.parser, cli.workspace);
    if (!ws)
        return ExitFailure;
    QStringList warnings;
    const auto document = SettingsExport::read(ws->context(), &warnings);
    ws->close();
    if (!document)
        return fail(document.error().toString());
    for (const QString &warning : std::as_const(warnings))
        err() << QCoreApplication::translate("MigrateCommand", "warning: ")
              << NameText::forDisplay(warning) << Qt::endl;
    // Validated (errors refused), locked, the replaced file backed up, written atomically in
    // exactly MCPHub's format; File ▸ Export settings file… does the same.
    const auto saved = SettingsExport::save(*document, path);
    if (!saved) {
        err() << QCoreApplication::applicationName() << ": " << saved.error().toString()
              << Qt::endl;
        return exitCodeFor(saved.error());
    }
    for (const Finding &finding : saved->findings)
        err() << finding.toString(path) << Qt::endl;
    if (!saved->backupPath.isEmpty())
        out() << QCoreApplication::translate("MigrateCommand", "Backup of the previous file: %1")
                     .arg(saved->backupPath)
              << Qt::endl;
    out() << QCoreApplication::translate("MigrateCommand", "Wrote %1.").arg(path) << Qt::endl;
    return ExitOk;
}

int runHistory(const QStringList &arguments)
{
    CommandLine cli(QCoreApplication::translate(
                        "MigrateCommand", "List the migration runs and rollbacks, newest first."),
                    {},
                    {},
                    false);
    if (const int code = cli.parse(QStringLiteral("history"), arguments); code >= 0)
        return code;
    auto ws = openWorkspace(cli.parser, cli.workspace);
    if (!ws)
        return ExitFailure;
    const auto runs = MigrationHistory(ws->context()).list();
    ws->close();
    if (!runs)
        return fail(runs.error().toString());
    for (const MigrationRun &run : *runs) {
        QString written;
        for (auto it = run.counts.begin(); it != run.counts.end(); ++it) {
            const QJsonObject c = it.value().toObject();
            const int n = c.value(QStringLiteral("new")).toInt()
                          + c.value(QStringLiteral("overwritten")).toInt();
            if (n > 0)
                written += QStringLiteral(" %1=%2").arg(it.key(), QString::number(n));
        }
        out() << QStringLiteral("%1  %2  %3  %4  %5  %6%7")
                     .arg(QString::number(run.id).rightJustified(5),
                          run.kind.leftJustified(8),
                          run.status.leftJustified(11),
                          run.startedAt.toUTC().toString(Qt::ISODate),
                          run.rollbackOf > 0
                              ? QCoreApplication::translate("MigrateCommand", "of run %1")
                                    .arg(run.rollbackOf)
                              : run.sourcePath,
                          run.sourceSha256.left(12),
                          written)
              << Qt::endl;
    }
    return ExitOk;
}

int runRollback(const QStringList &arguments)
{
    CommandLine cli(
        QCoreApplication::translate(
            "MigrateCommand",
            "Undo a completed migration run: remove the rows it added and restore the rows it "
            "replaced. Refused when a later run or edit changed one of them."),
        QStringLiteral("RUN_ID"),
        QCoreApplication::translate("MigrateCommand", "The run, as \"history\" lists it."));
    const QCommandLineOption yes(
        QStringLiteral("yes"),
        QCoreApplication::translate("MigrateCommand", "Do not ask before writing."));
    cli.parser.addOption(yes);
    if (const int code = cli.parse(QStringLiteral("rollback"), arguments); code >= 0)
        return code;
    bool numeric = false;
    const qint64 id = cli.parser.positionalArguments().value(0).toLongLong(&numeric);
    if (cli.parser.positionalArguments().size() != 1 || !numeric)
        return fail(QCoreApplication::translate("MigrateCommand",
                                                "give the id of one run (see \"history\")."));
    if (!cli.parser.isSet(yes)) {
        if (::isatty(STDIN_FILENO) != 1)
            return fail(QCoreApplication::translate(
                "MigrateCommand", "give --yes to roll back without a terminal to confirm on."));
        if (!confirm(QCoreApplication::translate("MigrateCommand", "Roll back migration run %1?")
                         .arg(id)))
            return fail(QCoreApplication::translate("MigrateCommand", "nothing was changed."));
    }
    auto ws = openWorkspace(cli.parser, cli.workspace);
    if (!ws)
        return ExitFailure;
    MigrationRollback rollback(ws->context());
    const auto done = rollback.rollback(id);
    ws->close();
    if (!done) {
        for (const QString &pointer : rollback.touchedRows())
            out() << QCoreApplication::translate("MigrateCommand", "changed later: ") << pointer
                  << Qt::endl;
        err() << QCoreApplication::applicationName() << ": " << done.error().toString() << Qt::endl;
        return exitCodeFor(done.error());
    }
    out() << QCoreApplication::translate("MigrateCommand",
                                         "Run %1 rolled back (recorded as run %2).")
                 .arg(id)
                 .arg(*done)
          << Qt::endl;
    return ExitOk;
}

int runDiff(const QStringList &arguments)
{
    CommandLine cli(
        QCoreApplication::translate(
            "MigrateCommand",
            "Compare a settings file with the workspace database and list every difference by "
            "entity and field. Exit 1 when they differ."),
        QStringLiteral("FILE"),
        QCoreApplication::translate("MigrateCommand", "The settings file."));
    if (const int code = cli.parse(QStringLiteral("diff"), arguments); code >= 0)
        return code;
    if (cli.parser.positionalArguments().size() != 1)
        return fail(QCoreApplication::translate("MigrateCommand", "give one settings file."));
    const QString path = cli.parser.positionalArguments().first();
    // Read as every settings file is: its limits (nesting, NUL bytes, numbers) and a file
    // that is not JSON named with its FILE:LINE:COL.
    const auto document = SettingsFileStore::load(path);
    if (!document)
        return fail(document.error().toString());
    auto ws = openWorkspace(cli.parser, cli.workspace);
    if (!ws)
        return ExitFailure;
    const bool hubDb = ws->workspace().kind() == WorkspaceKind::McphubDatabase;
    const auto exported = SettingsMapper::exportDocument(ws->context());
    ws->close();
    if (!exported)
        return fail(exported.error().toString());
    // In MCPHub's database an id that is not a uuid is stored as one (the migration lists
    // it): the file is compared as it would be stored. Otherwise as read from its text (a
    // number the text writes differently from its double is a difference too).
    const OrderedJson stored
        = hubDb ? HubSettings::withRewrittenIds(document->json()) : OrderedJson();
    const auto differences = !stored.is_null() && stored != document->json()
                                 ? DriftCheck::compare(stored, exported->document)
                                 : DriftCheck::compare(*document, exported->document);
    for (const auto &d : differences)
        out() << NameText::forDisplay(d.pointer) << QStringLiteral(": ")
              << NameText::forDisplay(d.message) << Qt::endl;
    if (differences.isEmpty()) {
        out() << QCoreApplication::translate("MigrateCommand",
                                             "The file and the database hold the same settings.")
              << Qt::endl;
        return ExitOk;
    }
    out() << QCoreApplication::translate(
        "MigrateCommand", "%n differences.", nullptr, int(differences.size()))
          << Qt::endl;
    return ExitFindings;
}

} // namespace

QList<CliCommand> migrationCommands()
{
    return {
        {QStringLiteral("migrate"),
         QCoreApplication::translate("MigrateCommand",
                                     "Migrate a settings file into the database."),
         runMigrate},
        {QStringLiteral("export"),
         QCoreApplication::translate("MigrateCommand",
                                     "Write the database's settings as a settings file."),
         runExport},
        {QStringLiteral("history"),
         QCoreApplication::translate("MigrateCommand", "List migration runs and rollbacks."),
         runHistory},
        {QStringLiteral("rollback"),
         QCoreApplication::translate("MigrateCommand", "Undo a migration run."),
         runRollback},
        {QStringLiteral("diff"),
         QCoreApplication::translate("MigrateCommand",
                                     "Compare a settings file with the database."),
         runDiff},
    };
}

} // namespace mcphub::cli
