#include "app/cli/hubcommands.h"

#include "app/cli/workspaceoptions.h"
#include "storage/db/workspace.h"
#include "storage/hub/hubmonitor.h"
#include "storage/hub/hubpoller.h"
#include "storage/hub/hubregistry.h"
#include "storage/hub/hubrepository.h"
#include "storage/hub/hubsampleformat.h"
#include "storage/hub/hubsamplestore.h"
#include "storage/ownhealth.h"
#include "storage/secretstore.h"
#include "storage/settings/atomicfilewriter.h"
#include "storage/workspacemetrics.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTimer>

#include <cstdio>
#include <optional>

namespace mcphub::cli {

namespace {

QString readSecretLine()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(in.readLine()).remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
}

// Opens the workspace the options name, printing warnings; nullopt (after printing why) when
// it cannot be opened.
std::optional<Workspace> openWorkspace(const WorkspaceOptions &options,
                                       const QCommandLineParser &parser,
                                       Workspace::Mode mode = Workspace::Mode::Migrate)
{
    QStringList warnings;
    const auto profile = options.profile(parser, &warnings);
    for (const QString &w : std::as_const(warnings))
        err() << QCoreApplication::translate("HubsCommand", "warning: ") << w << Qt::endl;
    if (!profile) {
        fail(profile.error().toString());
        return std::nullopt;
    }
    if (auto timeout = options.serverTimeout(parser); !timeout) {
        fail(timeout.error().toString());
        return std::nullopt;
    }
    auto ws = Workspace::open(*profile, QStringLiteral("mcphub-adminctl"), mode);
    if (!ws) {
        fail(ws.error().toString());
        return std::nullopt;
    }
    options.watchServer(parser, ws->connectionName());
    for (const QString &w : ws->warnings())
        err() << QCoreApplication::translate("HubsCommand", "warning: ") << w << Qt::endl;
    return *ws;
}

int add(const Workspace &ws,
        const QCommandLineParser &parser,
        const QStringList &positional,
        const QCommandLineOption &user,
        const QCommandLineOption &passwordStdin,
        const QCommandLineOption &bearerStdin,
        const QCommandLineOption &interval,
        const QCommandLineOption &timeout,
        const QCommandLineOption &fingerprint)
{
    if (positional.size() != 3)
        return fail(QCoreApplication::translate("HubsCommand", "say \"hubs add NAME URL\"."));
    if (parser.isSet(passwordStdin) && parser.isSet(bearerStdin))
        return fail(QCoreApplication::translate(
            "HubsCommand", "give --password-stdin or --bearer-stdin, not both."));
    if (parser.isSet(passwordStdin) != parser.isSet(user))
        return fail(
            QCoreApplication::translate("HubsCommand", "--user and --password-stdin go together."));
    HubRecord hub;
    hub.name = positional.at(1);
    hub.baseUrl = QUrl(positional.at(2));
    hub.username = parser.value(user);
    hub.auth = parser.isSet(passwordStdin) ? HubEndpoint::Auth::Password
               : parser.isSet(bearerStdin) ? HubEndpoint::Auth::BearerKey
                                           : HubEndpoint::Auth::None;
    bool ok = true;
    if (parser.isSet(interval)) {
        hub.pollIntervalMs = int(parser.value(interval).toDouble(&ok) * 1000);
        if (!ok)
            return fail(QCoreApplication::translate("HubsCommand",
                                                    "--interval takes a number of seconds."));
    }
    if (parser.isSet(timeout)) {
        hub.timeoutMs = int(parser.value(timeout).toDouble(&ok) * 1000);
        if (!ok)
            return fail(
                QCoreApplication::translate("HubsCommand", "--timeout takes a number of seconds."));
    }
    hub.trustedFingerprint = parser.value(fingerprint);
    if (auto valid = HubRepository::validate(hub); !valid)
        return fail(valid.error().toString());

    QString secret;
    if (hub.auth != HubEndpoint::Auth::None) {
        secret = readSecretLine();
        if (secret.isEmpty())
            return fail(QCoreApplication::translate(
                "HubsCommand",
                "standard input held no password or key; pipe it in, for example "
                "\"printf %s \\\"$PASS\\\" | mcphub-adminctl hubs add ...\"."));
    }
    const SecretStore secrets;
    if (const auto added = HubRegistry(ws.context(), secrets).add(hub, secret); !added)
        return fail(added.error().toString());
    out() << QCoreApplication::translate("HubsCommand", "Added hub %1 (%2), polled every %3 s.")
                 .arg(hub.name, hub.displayUrl(), QString::number(hub.pollIntervalMs / 1000.0))
          << Qt::endl;
    return ExitOk;
}

int list(const Workspace &ws)
{
    const auto hubs = HubRepository(ws.context()).list();
    if (!hubs)
        return fail(hubs.error().toString());
    const auto latest = HubSampleStore(ws.context()).latest();
    if (!latest)
        return fail(latest.error().toString());
    if (hubs->isEmpty()) {
        out() << QCoreApplication::translate(
            "HubsCommand", "No hubs registered. Add one with \"hubs add NAME URL\".")
              << Qt::endl;
        return ExitOk;
    }
    for (const HubRecord &h : *hubs) {
        const QString state = latest->contains(h.name)
                                  ? HubSample::stateLabel(latest->value(h.name).sample.state)
                                  : QCoreApplication::translate("HubsCommand", "not polled yet");
        out() << QStringLiteral("%1  %2  %3  %4 s  %5  %6")
                     .arg(h.name.leftJustified(16),
                          h.displayUrl().leftJustified(36),
                          HubRecord::authName(h.auth).leftJustified(8),
                          QString::number(h.pollIntervalMs / 1000.0),
                          h.enabled ? QCoreApplication::translate("HubsCommand", "enabled")
                                    : QCoreApplication::translate("HubsCommand", "disabled"),
                          state)
              << Qt::endl;
    }
    return ExitOk;
}

int remove(const Workspace &ws, const QStringList &positional)
{
    if (positional.size() != 2)
        return fail(QCoreApplication::translate("HubsCommand", "say \"hubs remove NAME\"."));
    const QString name = positional.at(1);
    QString warning;
    if (auto removed = HubRegistry(ws.context(), SecretStore()).remove(name, &warning); !removed)
        return fail(removed.error().toString());
    if (!warning.isEmpty())
        err() << QCoreApplication::translate("HubsCommand", "warning: ") << warning << Qt::endl;
    out() << QCoreApplication::translate("HubsCommand", "Removed hub %1 and its samples.").arg(name)
          << Qt::endl;
    return ExitOk;
}

QByteArray render(const QString &format, const HubSampleFormat::Latest &latest)
{
    if (format == QLatin1String("json"))
        return HubSampleFormat::json(latest);
    if (format == QLatin1String("prometheus"))
        return HubSampleFormat::prometheus(latest);
    return HubSampleFormat::text(latest);
}

// Writes to `path` atomically (the textfile collector must never read half a file), or to
// standard output when `path` is empty.
bool writeOutput(const QString &path, const QByteArray &bytes)
{
    if (path.isEmpty()) {
        out() << QString::fromUtf8(bytes);
        out().flush();
        return true;
    }
    // Checked and synced like every file the tool writes. Samples hold no secrets, and a
    // metrics collector running as another user reads a new file: 0644.
    AtomicFileWriter writer(path);
    writer.setNewFileMode(0644);
    auto written = writer.write(bytes);
    if (written)
        written = writer.commit();
    if (!written) {
        fail(written.error().toString());
        return false;
    }
    return true;
}

int poll(const Workspace &ws, bool once, const QString &format, const QString &outputPath)
{
    const SecretStore secrets;
    HubMonitor monitor(ws.context(), secrets);
    QMap<QString, HubSample> latest; // sorted by hub name
    int expected = 0;
    int maxTimeoutMs = 0;
    const auto hubs = HubRepository(ws.context()).list();
    if (!hubs)
        return fail(hubs.error().toString());
    for (const HubRecord &h : *hubs) {
        if (h.enabled) {
            ++expected;
            maxTimeoutMs = qMax(maxTimeoutMs, h.timeoutMs);
        }
    }
    if (expected == 0) {
        out() << QCoreApplication::translate("HubsCommand",
                                             "No enabled hubs. Add one with \"hubs add NAME URL\".")
              << Qt::endl;
        return ExitOk;
    }
    auto toList = [&] {
        HubSampleFormat::Latest list;
        for (auto it = latest.cbegin(); it != latest.cend(); ++it)
            list.append({it.key(), it.value()});
        return list;
    };
    QEventLoop loop;
    QObject::connect(
        &monitor, &HubMonitor::problem, &monitor, [](const QString &hub, const QString &message) {
            err() << QCoreApplication::translate("HubsCommand", "warning: ")
                  << (hub.isEmpty() ? QString() : hub + QStringLiteral(": ")) << message
                  << Qt::endl;
        });
    bool writeFailed = false;
    QObject::connect(&monitor,
                     &HubMonitor::sampleStored,
                     &monitor,
                     [&](const QString &hub, const HubSample &sample) {
                         latest.insert(hub, sample);
                         if (once) {
                             if (latest.size() >= expected)
                                 loop.quit();
                         } else if (!writeOutput(outputPath, render(format, toList()))) {
                             writeFailed = true;
                             loop.quit();
                         }
                     });
    // A poll is at most nine requests each bounded by the hub's timeout.
    QTimer deadline;
    deadline.setSingleShot(true);
    if (once) {
        QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
        deadline.start(9 * maxTimeoutMs + 5000);
    }
    const auto started = monitor.start();
    if (!started)
        return fail(started.error().toString());
    loop.exec();
    if (writeFailed)
        return ExitFailure;
    if (latest.size() < expected) {
        for (const HubRecord &h : *hubs) {
            if (h.enabled && !latest.contains(h.name))
                err() << QCoreApplication::translate("HubsCommand", "warning: ")
                      << QCoreApplication::translate("HubsCommand",
                                                     "%1 (%2): the poll did not finish in time.")
                             .arg(h.name, h.displayUrl())
                      << Qt::endl;
        }
    }
    if (!writeOutput(outputPath, render(format, toList())))
        return ExitFailure;
    for (const HubSample &s : std::as_const(latest)) {
        if (s.state != HubState::Healthy)
            return ExitFindings;
    }
    return latest.size() < expected ? ExitFindings : ExitOk;
}

// "hubs retention" shows how long samples are kept; "hubs retention RAW_HOURS MINUTE_DAYS
// HOUR_DAYS" changes it (audited).
int retention(const Workspace &ws, const QStringList &positional)
{
    HubSampleStore store(ws.context());
    if (positional.size() == 4) {
        HubRetention r;
        bool ok1 = false, ok2 = false, ok3 = false;
        r.rawHours = positional.at(1).toInt(&ok1);
        r.minuteDays = positional.at(2).toInt(&ok2);
        r.hourDays = positional.at(3).toInt(&ok3);
        if (!ok1 || !ok2 || !ok3)
            return fail(QCoreApplication::translate(
                "HubsCommand",
                "say \"hubs retention RAW_HOURS MINUTE_DAYS HOUR_DAYS\" with whole numbers."));
        if (auto saved = store.setRetention(r); !saved)
            return fail(saved.error().toString());
    } else if (positional.size() != 1) {
        return fail(QCoreApplication::translate(
            "HubsCommand",
            "say \"hubs retention\" or \"hubs retention RAW_HOURS MINUTE_DAYS HOUR_DAYS\"."));
    }
    const auto r = store.retention();
    if (!r)
        return fail(r.error().toString());
    out() << QCoreApplication::translate("HubsCommand",
                                         "Samples are kept as polled for %1 hours, as 1-minute "
                                         "aggregates for %2 days and as 1-hour aggregates for %3 "
                                         "days.")
                 .arg(r->rawHours)
                 .arg(r->minuteDays)
                 .arg(r->hourDays)
          << Qt::endl;
    return ExitOk;
}

int runHubs(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "HubsCommand",
        "Register running MCPHub instances and poll them. Passwords and bearer keys go to the "
        "system keychain only.\n"
        "  add NAME URL [--user USER --password-stdin | --bearer-stdin] [--interval SECONDS]\n"
        "  list                 the registered hubs and their latest state\n"
        "  remove NAME          forget a hub, its samples and its secret\n"
        "  poll [--once] [--format text|json|prometheus] [--output FILE]\n"
        "                       poll the enabled hubs and print the latest sample of each; with\n"
        "                       --once exit after one poll (exit 1 when a hub is not healthy),\n"
        "                       otherwise print again after every poll until interrupted\n"
        "  retention [RAW_HOURS MINUTE_DAYS HOUR_DAYS]\n"
        "                       show or set how long samples are kept (default 24 7 90)"));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption user(QStringLiteral("user"),
                                  QCoreApplication::translate("HubsCommand", "MCPHub user name."),
                                  QCoreApplication::translate("HubsCommand", "user"));
    const QCommandLineOption passwordStdin(
        QStringLiteral("password-stdin"),
        QCoreApplication::translate("HubsCommand",
                                    "Read the user's password from the first line of standard "
                                    "input."));
    const QCommandLineOption bearerStdin(
        QStringLiteral("bearer-stdin"),
        QCoreApplication::translate("HubsCommand",
                                    "Read a bearer key from the first line of standard input."));
    const QCommandLineOption interval(
        QStringLiteral("interval"),
        QCoreApplication::translate("HubsCommand", "Seconds between polls (default 30)."),
        QCoreApplication::translate("HubsCommand", "seconds"));
    const QCommandLineOption timeout(
        QStringLiteral("timeout"),
        QCoreApplication::translate("HubsCommand", "Seconds a request may take (default 10)."),
        QCoreApplication::translate("HubsCommand", "seconds"));
    const QCommandLineOption fingerprint(
        QStringLiteral("trust-fingerprint"),
        QCoreApplication::translate("HubsCommand",
                                    "Trust the hub's self-signed certificate with this SHA-256 "
                                    "fingerprint."),
        QCoreApplication::translate("HubsCommand", "sha256"));
    const QCommandLineOption once(
        QStringLiteral("once"),
        QCoreApplication::translate("HubsCommand", "Poll each hub once, print and exit."));
    const QCommandLineOption format(
        QStringLiteral("format"),
        QCoreApplication::translate("HubsCommand", "text (default), json or prometheus."),
        QCoreApplication::translate("HubsCommand", "format"),
        QStringLiteral("text"));
    const QCommandLineOption output(
        QStringLiteral("output"),
        QCoreApplication::translate("HubsCommand",
                                    "Replace this file atomically instead of printing (for "
                                    "node_exporter's textfile collector)."),
        QCoreApplication::translate("HubsCommand", "file"));
    parser.addOptions(
        {user, passwordStdin, bearerStdin, interval, timeout, fingerprint, once, format, output});
    parser.addPositionalArgument(
        QStringLiteral("action"),
        QCoreApplication::translate("HubsCommand", "add, list, remove, poll or retention."),
        QStringLiteral("add|list|remove|poll|retention [ARGS]"));
    const WorkspaceOptions workspaceOptions;
    workspaceOptions.addTo(parser);
    if (const int code = parseCommandLine(parser, QStringLiteral("hubs"), arguments, help);
        code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (!QStringList{QStringLiteral("add"),
                     QStringLiteral("list"),
                     QStringLiteral("remove"),
                     QStringLiteral("poll"),
                     QStringLiteral("retention")}
             .contains(action)) {
        return fail(
            QCoreApplication::translate(
                "HubsCommand", "say add, list, remove, poll or retention. Run \"%1 hubs --help\".")
                .arg(QCoreApplication::applicationName()));
    }
    const QString fmt = parser.value(format);
    if (!QStringList{QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("prometheus")}
             .contains(fmt))
        return fail(
            QCoreApplication::translate("HubsCommand", "--format takes text, json or prometheus."));
    if ((action == QLatin1String("list") || action == QLatin1String("poll"))
        && positional.size() != 1)
        return fail(
            QCoreApplication::translate("HubsCommand", "\"hubs %1\" takes no further arguments.")
                .arg(action));

    const auto ws = openWorkspace(workspaceOptions, parser);
    if (!ws)
        return ExitFailure;
    int code = ExitOk;
    if (action == QLatin1String("add"))
        code = add(*ws,
                   parser,
                   positional,
                   user,
                   passwordStdin,
                   bearerStdin,
                   interval,
                   timeout,
                   fingerprint);
    else if (action == QLatin1String("list"))
        code = list(*ws);
    else if (action == QLatin1String("remove"))
        code = remove(*ws, positional);
    else if (action == QLatin1String("retention"))
        code = retention(*ws, positional);
    else
        code = poll(*ws, parser.isSet(once), fmt, parser.value(output));
    ws->close();
    return code;
}

int runHealth(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "HubsCommand",
        "Check the console's own health: the workspace database answers (and how fast), the "
        "settings folder is writable with free space, the keychain answers, and the process "
        "memory; on PostgreSQL the replication (standbys streaming, replay lag against the "
        "alert thresholds) and, with a Redis URL, Redis (PING latency). Exit 1 when a check "
        "fails."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption format(
        QStringLiteral("format"),
        QCoreApplication::translate(
            "HubsCommand",
            "text (default), json, or prometheus (the checks and the workspace's figures: "
            "users, servers, tool calls, database connections and latency; with a Redis URL, "
            "Redis's PING time, keyspace hits and misses, hit ratio and memory)."),
        QCoreApplication::translate("HubsCommand", "format"),
        QStringLiteral("text"));
    parser.addOption(format);
    const WorkspaceOptions workspaceOptions;
    workspaceOptions.addTo(parser);
    if (const int code = parseCommandLine(parser, QStringLiteral("health"), arguments, help);
        code >= 0)
        return code;
    QStringList warnings;
    auto profile = workspaceOptions.profile(parser, &warnings);
    if (!profile)
        return fail(profile.error().toString());
    // Issue 16: --redis (or the profile's) adds the Redis check.
    if (auto redis = workspaceOptions.applyRedis(parser, *profile); !redis)
        return fail(redis.error().toString());
    // Inspect: a health check creates nothing and applies no migration.
    if (auto timeout = workspaceOptions.serverTimeout(parser); !timeout)
        return fail(timeout.error().toString());
    const auto ws
        = Workspace::open(*profile, QStringLiteral("mcphub-adminctl"), Workspace::Mode::Inspect);
    if (ws)
        workspaceOptions.watchServer(parser, ws->connectionName());
    QList<OwnHealthCheck> checks
        = OwnHealth::runAll(ws ? ws->connectionName() : QStringLiteral("mcphub-adminctl-none"),
                            profile->displayName(),
                            OwnHealth::settingsFolder(),
                            SecretStore(),
                            profile->redisUrl,
                            ReplicationLagThresholds::fromConsoleSettings());
    if (!ws)
        checks.first().detail = ws.error().toString();
    if (parser.value(format) == QLatin1String("prometheus")) {
        std::optional<WorkspaceMetrics> metrics;
        if (ws && checks.first().ok) {
            auto collected = WorkspaceMetrics::collect(ws->context(QStringLiteral("health")));
            if (collected)
                metrics = *collected;
            else
                err() << collected.error().toString() << Qt::endl;
        }
        // Issue 16: Redis's cache figures, when the workspace has a Redis.
        std::optional<RedisCacheFigures> redisFigures;
        if (const auto address = RedisAddress::parse(profile->redisUrl);
            !profile->redisUrl.isEmpty() && address) {
            RedisClient redis(*address, OwnHealth::kRedisTimeoutMs);
            if (auto figures = RedisCacheFigures::read(redis))
                redisFigures = *figures;
            else
                err() << figures.error().toString() << Qt::endl;
        }
        out() << QString::fromUtf8(
            WorkspaceMetrics::prometheus(profile->displayName(), checks, metrics, redisFigures));
        const bool allOk
            = std::all_of(checks.cbegin(), checks.cend(), [](const auto &c) { return c.ok; });
        if (ws)
            ws->close();
        return allOk && metrics ? ExitOk : ExitFindings;
    }
    if (parser.value(format) != QLatin1String("json")
        && parser.value(format) != QLatin1String("text")) {
        if (ws)
            ws->close();
        return fail(QCoreApplication::translate("HubsCommand",
                                                "Unknown format \"%1\": use text, json or "
                                                "prometheus.")
                        .arg(parser.value(format)));
    }
    bool allOk = true;
    QJsonArray json;
    for (const OwnHealthCheck &c : checks) {
        allOk = allOk && c.ok;
        if (parser.value(format) == QLatin1String("json")) {
            json.append(QJsonObject{{QStringLiteral("check"), OwnHealthCheck::kindName(c.kind)},
                                    {QStringLiteral("ok"), c.ok},
                                    {QStringLiteral("value"), c.value},
                                    {QStringLiteral("detail"), c.detail}});
        } else {
            out() << QStringLiteral("%1  %2  %3")
                         .arg((c.ok ? QCoreApplication::translate("HubsCommand", "OK")
                                    : QCoreApplication::translate("HubsCommand", "FAIL"))
                                  .leftJustified(4),
                              OwnHealthCheck::kindLabel(c.kind).leftJustified(20),
                              c.detail)
                  << Qt::endl;
        }
    }
    if (parser.value(format) == QLatin1String("json"))
        out() << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
    if (ws)
        ws->close();
    return allOk ? ExitOk : ExitFindings;
}

} // namespace

CliCommand hubsCommand()
{
    return {QStringLiteral("hubs"),
            QCoreApplication::translate("HubsCommand",
                                        "Register, list, remove and poll MCPHub instances."),
            runHubs};
}

CliCommand healthCommand()
{
    return {QStringLiteral("health"),
            QCoreApplication::translate("HubsCommand",
                                        "Check the workspace database, settings folder, "
                                        "keychain and memory."),
            runHealth};
}

} // namespace mcphub::cli
