#include "app/cli/workspaceoptions.h"

#include "app/cli/clicommand.h"
#include "app/common/appsetup.h"
#include "storage/db/profilestore.h"
#include "storage/live/redisoutbox.h"
#include "storage/settings/settingsfilestore.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace mcphub::cli {

WorkspaceOptions::WorkspaceOptions()
    : m_profile(QStringLiteral("profile"),
                QCoreApplication::translate("WorkspaceOptions",
                                            "Open the workspace of this saved connection profile."),
                QCoreApplication::translate("WorkspaceOptions", "name"))
    , m_sqlite(QStringLiteral("sqlite"),
               QCoreApplication::translate("WorkspaceOptions", "Open this SQLite workspace file."),
               QCoreApplication::translate("WorkspaceOptions", "path"))
    , m_pg(QStringLiteral("pg"),
           QCoreApplication::translate(
               "WorkspaceOptions",
               "Open this PostgreSQL workspace: \"host=... port=... dbname=... user=...\" or a "
               "postgresql:// URI, as psql takes it."),
           QCoreApplication::translate("WorkspaceOptions", "conninfo"))
    , m_hubDb(QStringLiteral("hub-db"),
              QCoreApplication::translate(
                  "WorkspaceOptions",
                  "Open MCPHub's own PostgreSQL database (a hub in database mode) and edit its "
                  "tables as MCPHub does, never altering them; the console keeps its audit "
                  "trail there in the schema mcphub_admin. CONNINFO as for --pg."),
              QCoreApplication::translate("WorkspaceOptions", "conninfo"))
    , m_create(QStringLiteral("create"),
               QCoreApplication::translate(
                   "WorkspaceOptions",
                   "With --hub-db: when the database has no MCPHub tables, create them first, "
                   "exactly as MCPHub does (a hub can then start on it without changing "
                   "anything). Changes nothing when they are there."))
    , m_file(QStringLiteral("file"),
             QCoreApplication::translate(
                 "WorkspaceOptions",
                 "Work on this MCPHub settings file directly: every change is validated, "
                 "backed up and saved to it atomically, in MCPHub's format."),
             QCoreApplication::translate("WorkspaceOptions", "settings.json"))
    , m_bindSettings(
          QStringLiteral("bind-settings"),
          QCoreApplication::translate(
              "WorkspaceOptions",
              "With --sqlite or --pg: also write every change to this MCPHub settings file, in "
              "the same unit as the database (dual-write), for this run only. A saved profile "
              "is bound with \"profile bind\"."),
          QCoreApplication::translate("WorkspaceOptions", "settings.json"))
    , m_redis(QStringLiteral("redis"),
              QCoreApplication::translate(
                  "WorkspaceOptions",
                  "Publish each committed change to this Redis (config:update, and config:KEY "
                  "for 300 s), through the database's change outbox: nothing is lost while "
                  "Redis is down. redis://host:port[/db]; a saved profile keeps its own."),
              QCoreApplication::translate("WorkspaceOptions", "url"))
    , m_serverTimeout(QStringLiteral("server-timeout"),
                      QCoreApplication::translate(
                          "WorkspaceOptions",
                          "PostgreSQL: give the command up when the database server stops "
                          "answering (a frozen host or container, which TCP does not notice) "
                          "for this many seconds; what it had not committed is rolled back. "
                          "0 waits for good. Default: 30."),
                      QCoreApplication::translate("WorkspaceOptions", "seconds"),
                      QStringLiteral("30"))
{}

void WorkspaceOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOption(m_profile);
    parser.addOption(m_sqlite);
    parser.addOption(m_pg);
    parser.addOption(m_hubDb);
    parser.addOption(m_create);
    parser.addOption(m_file);
    parser.addOption(m_bindSettings);
    parser.addOption(m_redis);
    parser.addOption(m_serverTimeout);
}

Result<ConnectionProfile> WorkspaceOptions::profile(const QCommandLineParser &parser,
                                                    QStringList *warnings) const
{
    const int chosen = int(parser.isSet(m_profile)) + int(parser.isSet(m_sqlite))
                       + int(parser.isSet(m_pg)) + int(parser.isSet(m_hubDb))
                       + int(parser.isSet(m_file));
    if (chosen > 1) {
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate(
                               "WorkspaceOptions",
                               "Give only one of --profile, --sqlite, --pg, --hub-db and --file."),
                           QStringLiteral("--profile/--sqlite/--pg/--hub-db/--file"));
    }
    if (parser.isSet(m_create) && !parser.isSet(m_hubDb)) {
        return Error::make(
            Error::Code::Invalid,
            QCoreApplication::translate("WorkspaceOptions", "--create goes with --hub-db."),
            QStringLiteral("--create"));
    }
    if (parser.isSet(m_file)) {
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate(
                               "WorkspaceOptions",
                               "This command needs a workspace database; a settings file has "
                               "none of its own. Give --sqlite, --pg or --profile instead."),
                           QStringLiteral("--file"));
    }
    if (parser.isSet(m_sqlite))
        return ConnectionProfile::sqliteFile(parser.value(m_sqlite));
    if (parser.isSet(m_pg))
        return ConnectionProfile::fromConninfo(parser.value(m_pg), warnings);
    if (parser.isSet(m_hubDb)) {
        auto hub = ConnectionProfile::fromConninfo(parser.value(m_hubDb), warnings);
        if (hub)
            hub->mcphubDatabase = true;
        return hub;
    }
    if (parser.isSet(m_profile))
        return OpenedWorkspace::loadProfile(parser.value(m_profile), warnings);
    return ConnectionProfile::sqliteFile(defaultSqliteWorkspacePath());
}

} // namespace mcphub::cli

namespace mcphub::cli {

Result<void> WorkspaceOptions::lockSettingsFile(const QString &path) const
{
    if (m_settingsLock)
        return {};
    m_settingsLock = std::make_unique<SettingsFileLock>(path);
    m_settingsLock->setReentrant(true); // the store's save inside the command goes on
    // In a read-only folder no one can save the file: a reading command goes on, and a
    // writing one is refused by the save, naming the folder. Sibling runs queue here, each
    // for well under a second, but in no fixed order: the wait is longer than a save's.
    return m_settingsLock->acquireForReading(std::chrono::seconds(60));
}

Result<bool> WorkspaceOptions::createMcphubTables(const QCommandLineParser &parser,
                                                  const ConnectionProfile &profile) const
{
    if (!parser.isSet(m_create) || !profile.mcphubDatabase)
        return false;
    return Workspace::createMcphubTables(profile);
}

Result<OpenedWorkspace> WorkspaceOptions::open(const QCommandLineParser &parser,
                                               const QString &connectionName,
                                               QStringList *warnings) const
{
    if (parser.isSet(m_bindSettings) && !parser.isSet(m_sqlite) && !parser.isSet(m_pg)) {
        return Error::make(
            Error::Code::Invalid,
            QCoreApplication::translate("WorkspaceOptions",
                                        "--bind-settings goes with --sqlite or --pg. Bind a saved "
                                        "profile with \"profile bind NAME SETTINGS.json\"."),
            QStringLiteral("--bind-settings"));
    }
    if (parser.isSet(m_file)) {
        if (parser.isSet(m_profile) || parser.isSet(m_sqlite) || parser.isSet(m_pg))
            return profile(parser, warnings).error(); // names the clash
        if (auto locked = lockSettingsFile(parser.value(m_file)); !locked)
            return locked.error();
        auto file = OpenedWorkspace::openSettingsFile(parser.value(m_file), connectionName);
        if (file && warnings)
            warnings->append(file->warnings());
        return file;
    }
    auto chosen = profile(parser, warnings);
    if (!chosen)
        return chosen.error();
    if (parser.isSet(m_bindSettings)) {
        const QString path = parser.value(m_bindSettings);
        if (auto locked = lockSettingsFile(path); !locked)
            return locked.error();
        if (auto bindable = SettingsFileBinding::checkBindable(path); !bindable)
            return bindable.error();
        chosen->boundSettingsPath = QFileInfo(path).absoluteFilePath();
    } else if (!chosen->boundSettingsPath.isEmpty()) {
        if (auto locked = lockSettingsFile(chosen->boundSettingsPath); !locked)
            return locked.error();
    }
    if (auto redis = applyRedis(parser, *chosen); !redis)
        return redis.error();
    if (auto created = createMcphubTables(parser, *chosen); !created)
        return created.error();
    if (auto timeout = serverTimeout(parser); !timeout)
        return timeout.error();
    auto opened = OpenedWorkspace::openDatabase(*chosen, connectionName);
    if (opened && warnings)
        warnings->append(opened->warnings());
    if (opened)
        watchServer(parser, connectionName);
    if (opened && !chosen->redisUrl.isEmpty() && !opened->workspace().readOnly())
        m_redisDelivery = *chosen;
    return opened;
}

} // namespace mcphub::cli

namespace mcphub::cli {

Result<int> WorkspaceOptions::serverTimeout(const QCommandLineParser &parser) const
{
    bool valid = false;
    const int seconds = parser.value(m_serverTimeout).toInt(&valid);
    if (!valid || seconds < 0 || seconds > 86400) {
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate("WorkspaceOptions",
                                                       "--server-timeout takes a number of "
                                                       "seconds from 0 to 86400."),
                           QStringLiteral("--server-timeout"));
    }
    return seconds;
}

void WorkspaceOptions::watchServer(const QCommandLineParser &parser,
                                   const QString &connectionName) const
{
    const auto seconds = serverTimeout(parser);
    if (!seconds || *seconds == 0)
        return;
    // The look at the server waits at most a third of the timeout (libpq's least: 2 s).
    m_watchdog = std::make_unique<ConnectionWatchdog>(connectionName,
                                                      *seconds * 1000,
                                                      qMax(2, *seconds / 3),
                                                      nullptr,
                                                      ConnectionWatchdog::Heartbeat::None);
    m_watchdog->arm();
}

WorkspaceOptions::~WorkspaceOptions()
{
    if (m_watchdog && m_watchdog->breaks() > 0) {
        QString why = m_watchdog->lastBreak();
        if (why.endsWith(QLatin1Char('.')))
            why.chop(1);
        err() << QCoreApplication::translate("WorkspaceOptions",
                                             "mcphub-adminctl: the database server stopped "
                                             "answering (%1); the connection to it was left. The "
                                             "server rolls back what was not committed.")
                     .arg(why)
              << Qt::endl;
    }
    m_watchdog.reset();
    deliverRedisOutbox();
}

Result<void> WorkspaceOptions::applyRedis(const QCommandLineParser &parser,
                                          ConnectionProfile &profile) const
{
    if (parser.isSet(m_redis))
        profile.redisUrl = parser.value(m_redis);
    if (profile.redisUrl.isEmpty())
        return {};
    if (const auto address = RedisAddress::parse(profile.redisUrl); !address)
        return address.error();
    return {};
}

void WorkspaceOptions::deliverRedisOutbox() const
{
    if (!m_redisDelivery)
        return;
    const QString connectionName = QStringLiteral("mcphub-adminctl-outbox");
    const auto address = RedisAddress::parse(m_redisDelivery->redisUrl);
    const auto ws = Workspace::open(*m_redisDelivery, connectionName);
    if (!ws || !address) {
        if (ws)
            ws->close();
        return;
    }
    RedisClient redis(*address, 1000);
    for (int round = 0; round < 100; ++round) {
        const auto sent = RedisOutbox::deliverPending(connectionName, redis);
        if (!sent) {
            const auto waiting = RedisOutbox::pending(connectionName);
            err() << QCoreApplication::translate("WorkspaceOptions",
                                                 "warning: %1; %2 change(s) wait in the "
                                                 "outbox and go to Redis with the next "
                                                 "delivery (a console, or \"changes deliver\").")
                         .arg(sent.error().message,
                              waiting ? QString::number(*waiting) : QStringLiteral("?"))
                  << Qt::endl;
            break;
        }
        if (*sent == 0)
            break;
    }
    ws->close();
}

} // namespace mcphub::cli
