#include "app/cli/changescommands.h"

#include "app/cli/workspaceoptions.h"
#include "storage/db/sqldialect.h"
#include "storage/live/changelistener.h"
#include "storage/live/redisoutbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace mcphub::cli {

namespace {

// The texts' translation context, declared so that lupdate files them under it (a tr()
// helper calling translate() was filed under the enclosing namespace or class).
struct ChangesCommandTexts
{
    Q_DECLARE_TR_FUNCTIONS(ChangesCommand)
};

void printNotice(const char *source, const ChangeNotice &notice)
{
    const QJsonObject line{{QStringLiteral("source"), QLatin1String(source)},
                           {QStringLiteral("table"), notice.table},
                           {QStringLiteral("key"), notice.key},
                           {QStringLiteral("action"), notice.action},
                           {QStringLiteral("changeId"), notice.changeId},
                           {QStringLiteral("instance"), notice.instance}};
    out() << QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact)) << Qt::endl;
}

int listen(const OpenedWorkspace &ws, int count, int timeoutSeconds)
{
    const QString redisUrl = ws.context().redisUrl;
    const bool postgres = !SqlDialect::forDatabase(ws.workspace().database()).isSqlite();
    if (!postgres && redisUrl.isEmpty())
        return fail(ChangesCommandTexts::tr(
            "nothing to listen to: a SQLite workspace has no NOTIFY; give --redis."));
    int heard = 0;
    int exitCode = ExitFindings; // the timeout passed first
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, [&] { QCoreApplication::exit(); });
    const auto onNotice = [&](const char *source, const ChangeNotice &notice) {
        printNotice(source, notice);
        if (count > 0 && ++heard >= count) {
            exitCode = ExitOk;
            QCoreApplication::exit();
        }
    };
    ChangeListener listener(ws.workspace().connectionName());
    if (postgres) {
        QString why;
        if (!listener.start(&why))
            return fail(ChangesCommandTexts::tr("cannot LISTEN: %1").arg(why));
        QObject::connect(&listener, &ChangeListener::changed, [&](const ChangeNotice &notice) {
            onNotice("notify", notice);
        });
        err() << "listening" << Qt::endl;
    }
    std::unique_ptr<RedisSubscriber> subscriber;
    if (!redisUrl.isEmpty()) {
        const auto address = RedisAddress::parse(redisUrl);
        if (!address)
            return fail(address.error().toString());
        subscriber = std::make_unique<RedisSubscriber>(*address);
        QObject::connect(subscriber.get(), &RedisSubscriber::subscribed, [] {
            err() << "subscribed" << Qt::endl;
        });
        QObject::connect(subscriber.get(),
                         &RedisSubscriber::changed,
                         [&](const ChangeNotice &notice) { onNotice("redis", notice); });
        subscriber->start();
    }
    if (timeoutSeconds > 0)
        timeout.start(timeoutSeconds * 1000);
    QCoreApplication::exec();
    return exitCode;
}

int deliver(const OpenedWorkspace &ws)
{
    const QString redisUrl = ws.context().redisUrl;
    if (redisUrl.isEmpty())
        return fail(ChangesCommandTexts::tr(
            "give --redis (or a profile with a Redis) to deliver the outbox to."));
    // A delivered batch leaves the outbox by a DELETE, which a read-only session refuses:
    // the same batch would go to Redis again at every try.
    if (ws.workspace().readOnly())
        return fail(ChangesCommandTexts::tr(
            "the workspace is open read-only, so delivered changes cannot be taken out of its "
            "outbox; deliver them from a workspace that can write (on the primary)."));
    const auto address = RedisAddress::parse(redisUrl);
    if (!address)
        return fail(address.error().toString());
    RedisClient redis(*address, 2000);
    int total = 0;
    for (int round = 0; round < 10000; ++round) {
        const auto sent = RedisOutbox::deliverPending(ws.workspace().connectionName(), redis);
        if (!sent)
            return fail(ChangesCommandTexts::tr("%1 (%2 change(s) were delivered first).")
                            .arg(sent.error().toString(), QString::number(total)));
        if (*sent == 0)
            break;
        total += *sent;
    }
    out() << ChangesCommandTexts::tr("%n change(s) delivered to Redis.", nullptr, total)
          << Qt::endl;
    return ExitOk;
}

int runChanges(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(ChangesCommandTexts::tr(
        "Live changes between consoles (PostgreSQL NOTIFY mcphub_admin_changes, Redis "
        "config:update).\n"
        "  listen    print each change another console commits, one JSON line each\n"
        "            ({\"source\", \"table\", \"key\", \"action\", \"changeId\", "
        "\"instance\"})\n"
        "  deliver   send the changes waiting in the outbox to Redis, in order"));
    const QCommandLineOption help = parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"),
                                 ChangesCommandTexts::tr("listen or deliver."),
                                 QStringLiteral("listen|deliver"));
    const QCommandLineOption countOption(
        QStringLiteral("count"),
        ChangesCommandTexts::tr("listen: stop after this many changes (exit 0)."),
        ChangesCommandTexts::tr("n"));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"),
        ChangesCommandTexts::tr("listen: stop after this many seconds (exit 1 "
                                "when --count was not reached)."),
        ChangesCommandTexts::tr("seconds"),
        QStringLiteral("60"));
    parser.addOption(countOption);
    parser.addOption(timeoutOption);
    const WorkspaceOptions workspaceOptions;
    workspaceOptions.addTo(parser);
    if (const int code = parseCommandLine(parser, QStringLiteral("changes"), arguments, help);
        code >= 0)
        return code;
    const QString action = parser.positionalArguments().value(0);
    if (parser.positionalArguments().size() != 1
        || (action != QLatin1String("listen") && action != QLatin1String("deliver")))
        return fail(ChangesCommandTexts::tr("say listen or deliver. Run \"%1 changes --help\".")
                        .arg(QCoreApplication::applicationName()));
    QStringList warnings;
    auto ws = workspaceOptions.open(parser, QStringLiteral("mcphub-adminctl"), &warnings);
    for (const QString &w : std::as_const(warnings))
        err() << ChangesCommandTexts::tr("warning: ") << w << Qt::endl;
    if (!ws)
        return fail(ws.error().toString());
    if (action == QLatin1String("deliver"))
        return deliver(*ws);
    return listen(*ws,
                  parser.value(countOption).toInt(),
                  std::clamp(parser.value(timeoutOption).toInt(), 1, 24 * 3600));
}

} // namespace

CliCommand changesCommand()
{
    return {QStringLiteral("changes"),
            QCoreApplication::translate("cli",
                                        "Hear other consoles' changes live; deliver the "
                                        "Redis outbox."),
            runChanges};
}

} // namespace mcphub::cli
