#include "app/cli/dbcommands.h"

#include "app/cli/workspaceoptions.h"
#include "storage/db/connectioncheck.h"
#include "storage/db/replicationstatus.h"
#include "storage/db/workspace.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace mcphub::cli {

namespace {

QString versionText(int version)
{
    return QStringLiteral("%1").arg(version, 4, 10, QLatin1Char('0'));
}

void printStatus(const SchemaStatus &status)
{
    out() << QCoreApplication::translate("DbCommand", "Schema version %1 (this console knows %2).")
                 .arg(status.databaseVersion)
                 .arg(status.knownVersion)
          << Qt::endl;
    for (const AppliedMigration &m : status.applied) {
        const QString state = status.drifted.contains(m.version)
                                  ? QCoreApplication::translate("DbCommand", "DRIFT")
                                  : QCoreApplication::translate("DbCommand", "applied");
        out() << QStringLiteral("  %1  %2  %3  %4  %5 ms  %6")
                     .arg(state.leftJustified(8),
                          versionText(m.version),
                          m.description,
                          m.appliedAt.toString(Qt::ISODate),
                          QString::number(m.executionMs),
                          m.appliedBy)
              << Qt::endl;
    }
    for (const MigrationScript &s : status.pending) {
        out() << QStringLiteral("  %1  %2  %3")
                     .arg(QCoreApplication::translate("DbCommand", "pending").leftJustified(8),
                          versionText(s.version),
                          s.description)
              << Qt::endl;
    }
}

// The Redis and monitor the profile names (issue 16): one line each; exit 1 when one fails.
int printServices(const ServerFacts &facts)
{
    for (const ServerFacts::Service &s : facts.services) {
        out() << QStringLiteral("%1  %2  %3")
                     .arg((s.ok ? QCoreApplication::translate("DbCommand", "OK")
                                : QCoreApplication::translate("DbCommand", "FAIL"))
                              .leftJustified(4),
                          s.name.leftJustified(7),
                          s.detail)
              << Qt::endl;
    }
    return facts.servicesOk() ? ExitOk : ExitFindings;
}

// db test: checkConnection, as the console's connection dialog runs it.
int runDbTest(const ConnectionProfile &profile)
{
    const auto facts = checkConnection(profile);
    if (!facts)
        return fail(facts.error().toString());
    if (profile.kind == ConnectionProfile::Kind::Sqlite) {
        out() << QCoreApplication::translate("DbCommand", "Opened %1: %2.")
                     .arg(profile.displayName(), facts->version)
              << Qt::endl;
        return printServices(*facts);
    }
    const QString role = facts->primary
                             ? QCoreApplication::translate("DbCommand", "primary")
                             : QCoreApplication::translate("DbCommand", "standby (in recovery)");
    out() << QCoreApplication::translate("DbCommand", "Connected to PostgreSQL %1 on %2:%3: %4.")
                 .arg(facts->shortVersion,
                      facts->reachedHost,
                      QString::number(facts->reachedPort),
                      role)
          << Qt::endl
          << facts->version << Qt::endl;
    return printServices(*facts);
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

QString bytesText(const std::optional<qint64> &bytes)
{
    return bytes ? QCoreApplication::translate("DbCommand", "%1 bytes").arg(*bytes)
                 : QCoreApplication::translate("DbCommand", "? bytes");
}

QString secondsText(const std::optional<double> &seconds)
{
    return seconds ? QCoreApplication::translate("DbCommand", "%1 s")
                         .arg(QString::number(*seconds, 'f', 3))
                   : QCoreApplication::translate("DbCommand", "? s");
}

void printReplication(const ReplicationStatus &status)
{
    switch (status.role) {
    case ReplicationStatus::Role::Embedded:
        out() << QCoreApplication::translate("DbCommand", "%1: no replication (embedded database).")
                     .arg(status.server)
              << Qt::endl;
        return;
    case ReplicationStatus::Role::Primary:
        out() << QCoreApplication::translate("DbCommand", "%1: primary, WAL at %2.")
                     .arg(status.server, orDash(status.currentLsn))
              << Qt::endl;
        out() << QCoreApplication::translate(
            "DbCommand", "Standbys streaming from it: %n", nullptr, int(status.standbys.size()))
              << Qt::endl;
        for (const StandbyLink &s : status.standbys) {
            out() << QStringLiteral("  %1  %2  %3  %4")
                         .arg(orDash(s.applicationName),
                              orDash(s.clientAddress),
                              orDash(s.state),
                              orDash(s.syncState))
                  << Qt::endl;
            out() << QStringLiteral("    %1 %2 (%3)")
                         .arg(QCoreApplication::translate("DbCommand", "sent").leftJustified(7),
                              orDash(s.sentLsn),
                              bytesText(s.sentLagBytes))
                  << Qt::endl;
            const struct
            {
                const char *label;
                QString lsn;
                std::optional<qint64> bytes;
                std::optional<double> seconds;
            } rows[] = {{QT_TRANSLATE_NOOP("DbCommand", "write"),
                         s.writeLsn,
                         s.writeLagBytes,
                         s.writeLagSeconds},
                        {QT_TRANSLATE_NOOP("DbCommand", "flush"),
                         s.flushLsn,
                         s.flushLagBytes,
                         s.flushLagSeconds},
                        {QT_TRANSLATE_NOOP("DbCommand", "replay"),
                         s.replayLsn,
                         s.replayLagBytes,
                         s.replayLagSeconds}};
            for (const auto &row : rows) {
                out() << QStringLiteral("    %1 %2 (%3, %4)")
                             .arg(QCoreApplication::translate("DbCommand", row.label)
                                      .leftJustified(7),
                                  orDash(row.lsn),
                                  bytesText(row.bytes),
                                  secondsText(row.seconds))
                      << Qt::endl;
            }
        }
        break;
    case ReplicationStatus::Role::Standby:
        out() << QCoreApplication::translate("DbCommand",
                                             "%1: standby (in recovery) of %2, receiver %3.")
                     .arg(status.server, status.primaryAddress(), orDash(status.receiverStatus))
              << Qt::endl;
        out() << QStringLiteral("  %1 %2").arg(
            QCoreApplication::translate("DbCommand", "received").leftJustified(10),
            orDash(status.receiveLsn))
              << Qt::endl;
        out() << QStringLiteral("  %1 %2").arg(
            QCoreApplication::translate("DbCommand", "replayed").leftJustified(10),
            orDash(status.replayLsn))
              << Qt::endl;
        out() << QStringLiteral("  %1 %2").arg(
            QCoreApplication::translate("DbCommand", "last replayed transaction").leftJustified(10),
            status.lastReplayAt.isValid() ? status.lastReplayAt.toUTC().toString(Qt::ISODate)
                                          : QCoreApplication::translate("DbCommand", "none yet"))
              << Qt::endl;
        out() << QStringLiteral("  %1 %2, %3")
                     .arg(QCoreApplication::translate("DbCommand", "replay lag").leftJustified(10),
                          bytesText(status.replayLagBytes),
                          secondsText(status.replayLagSeconds))
              << Qt::endl;
        break;
    }
    if (!status.monitorNamed)
        return;
    out() << QCoreApplication::translate("DbCommand", "pg_auto_failover formation:") << Qt::endl;
    if (!status.monitorError.isEmpty()) {
        out() << QStringLiteral("  ") << status.monitorError << Qt::endl;
        return;
    }
    for (const FormationNode &n : status.formation) {
        const QString health = n.health == 1 ? QCoreApplication::translate("DbCommand", "healthy")
                               : n.health == 0
                                   ? QCoreApplication::translate("DbCommand", "unhealthy")
                                   : QCoreApplication::translate("DbCommand", "health unknown");
        out() << QStringLiteral("  %1/%2  %3  %4:%5  %6 -> %7  %8  %9")
                     .arg(n.formation,
                          QString::number(n.groupId),
                          n.name,
                          n.host,
                          QString::number(n.port),
                          n.reportedState,
                          n.goalState,
                          orDash(n.reportedLsn),
                          health)
              << Qt::endl;
    }
}

// "db replication": read-only, on a connection of its own; no workspace schema is needed.
int runReplication(const ConnectionProfile &profile, const QString &format, const QString &monitor)
{
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        return fail(
            QCoreApplication::translate("DbCommand", "--format: say text or json, not \"%1\".")
                .arg(format));
    }
    const auto status = ReplicationStatus::readProfile(
        profile, monitor.isEmpty() ? profile.failoverMonitor : monitor);
    if (!status)
        return fail(status.error().toString());
    if (format == QLatin1String("json"))
        out() << QString::fromUtf8(QJsonDocument(status->toJson()).toJson(QJsonDocument::Indented));
    else
        printReplication(*status);
    if (!status->monitorError.isEmpty()) {
        err() << QCoreApplication::translate("DbCommand", "warning: ") << status->monitorError
              << Qt::endl;
        return ExitFindings;
    }
    return ExitOk;
}

int runDb(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "DbCommand",
        "Create a workspace database, show its schema migrations or apply them.\n"
        "  init     create the database if needed and apply every schema migration\n"
        "  status   list applied and pending migrations and any drift; changes nothing\n"
        "           (exit 1 on drift)\n"
        "  migrate  apply the pending migrations\n"
        "  test     connect once and show the server's version and whether it is the primary\n"
        "           (what the console's File > Connections... Test shows); changes nothing\n"
        "  replication  the server's replication: a primary's standbys and their lag, a\n"
        "           standby's replay position and its primary, a pg_auto_failover\n"
        "           formation (--monitor); reads only"));
    const QCommandLineOption help = parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("action"),
        QCoreApplication::translate("DbCommand", "init, status, migrate, test or replication."),
        QStringLiteral("init|status|migrate|test|replication"));
    const QCommandLineOption format(
        QStringLiteral("format"),
        QCoreApplication::translate("DbCommand", "replication: text (default) or json."),
        QCoreApplication::translate("DbCommand", "format"),
        QStringLiteral("text"));
    const QCommandLineOption monitor(
        QStringLiteral("monitor"),
        QCoreApplication::translate("DbCommand",
                                    "replication: the conninfo of a pg_auto_failover monitor "
                                    "(default: the profile's), to list its formation's nodes."),
        QCoreApplication::translate("DbCommand", "conninfo"));
    parser.addOption(format);
    parser.addOption(monitor);
    const WorkspaceOptions workspaceOptions;
    workspaceOptions.addTo(parser);
    if (const int code = parseCommandLine(parser, QStringLiteral("db"), arguments, help); code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (positional.size() != 1
        || !QStringList{QStringLiteral("init"),
                        QStringLiteral("status"),
                        QStringLiteral("migrate"),
                        QStringLiteral("test"),
                        QStringLiteral("replication")}
                .contains(action)) {
        return fail(QCoreApplication::translate(
                        "DbCommand",
                        "say init, status, migrate, test or replication. Run \"%1 db --help\".")
                        .arg(QCoreApplication::applicationName()));
    }

    QStringList warnings;
    const auto profile = workspaceOptions.profile(parser, &warnings);
    for (const QString &w : std::as_const(warnings))
        err() << QCoreApplication::translate("DbCommand", "warning: ") << w << Qt::endl;
    if (!profile)
        return fail(profile.error().toString());
    if (action == QLatin1String("replication"))
        return runReplication(*profile, parser.value(format), parser.value(monitor));

    if (action == QLatin1String("test"))
        return runDbTest(*profile);

    if (action != QLatin1String("status") && profile->readOnly) {
        return fail(profile->displayName() + QStringLiteral(": ")
                    + QCoreApplication::translate("DbCommand",
                                                  "the profile is read-only, so no schema "
                                                  "migration can be applied. Use \"db status\" "
                                                  "to look, or a profile that may write."));
    }

    if (action == QLatin1String("init") && profile->kind == ConnectionProfile::Kind::Postgres) {
        const auto created = Workspace::createPostgresDatabase(*profile);
        if (!created)
            return fail(created.error().toString());
        if (*created)
            out() << QCoreApplication::translate("DbCommand", "Created database %1.")
                         .arg(profile->database)
                  << Qt::endl;
    }

    if (action == QLatin1String("init")) {
        const auto created = workspaceOptions.createMcphubTables(parser, *profile);
        if (!created)
            return fail(created.error().toString());
        if (*created)
            out() << QCoreApplication::translate("DbCommand", "Created MCPHub's tables in %1.")
                         .arg(profile->database)
                  << Qt::endl;
    }
    const auto mode
        = action == QLatin1String("status") ? Workspace::Mode::Inspect : Workspace::Mode::Migrate;
    if (auto timeout = workspaceOptions.serverTimeout(parser); !timeout)
        return fail(timeout.error().toString());
    auto ws = Workspace::open(*profile, QStringLiteral("mcphub-adminctl"), mode);
    if (!ws)
        return fail(ws.error().toString());
    workspaceOptions.watchServer(parser, ws->connectionName());
    for (const QString &w : ws->warnings())
        err() << QCoreApplication::translate("DbCommand", "warning: ") << w << Qt::endl;

    int code = ExitOk;
    if (action == QLatin1String("status")) {
        printStatus(ws->schema());
        if (!ws->schema().drifted.isEmpty()) {
            err() << profile->displayName() << ": "
                  << QCoreApplication::translate(
                         "DbCommand",
                         "schema drift: an applied migration differs from the one this console "
                         "carries. Open the database with the console version that created it, "
                         "or restore it from a backup.")
                  << Qt::endl;
            code = ExitFindings;
        }
    } else if (ws->schema().newerThanConsole()) {
        code = ExitFailure; // the warning above says why nothing was applied
    } else {
        const QList<AppliedMigration> applied = ws->appliedNow();
        for (const AppliedMigration &m : applied) {
            out() << QCoreApplication::translate("DbCommand",
                                                 "Applied schema migration %1 (%2) in %3 ms.")
                         .arg(versionText(m.version), m.description, QString::number(m.executionMs))
                  << Qt::endl;
        }
        if (applied.isEmpty()) {
            out() << QCoreApplication::translate("DbCommand",
                                                 "The schema is up to date (version %1).")
                         .arg(ws->schema().databaseVersion)
                  << Qt::endl;
        }
    }
    ws->close();
    return code;
}

} // namespace

CliCommand dbCommand()
{
    return {QStringLiteral("db"),
            QCoreApplication::translate("DbCommand",
                                        "Create a workspace database and manage its schema."),
            runDb};
}

} // namespace mcphub::cli
