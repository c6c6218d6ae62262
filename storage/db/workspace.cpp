#include "storage/db/workspace.h"

#include "storage/db/mcphubschema.h"
#include "storage/db/replicationstatus.h"
#include "storage/db/repositorycontext.h"
#include "storage/db/sqldialect.h"
#include "storage/db/sqlerror.h"
#include "storage/db/transactionguard.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace mcphub {

namespace {

Error atProfile(Error error, const ConnectionProfile &profile)
{
    const QString place = profile.displayName();
    error.where = error.where.isEmpty() || error.where == place
                      ? place
                      : place + QStringLiteral(" (") + error.where + QLatin1Char(')');
    return error;
}

// Names the cause of a failed PostgreSQL connection from libpq's text (English; other
// languages keep the general message, and the detail says the rest).
Error explainConnectError(Error error)
{
    const QString d = error.detail;
    auto says = [&](const char *part) {
        return d.contains(QLatin1String(part));
    };
    if (says("password authentication failed") || says("no password supplied")) {
        error.message = QCoreApplication::translate(
            "Workspace",
            "The server refused the password. Save the right one in the profile "
            "(mcphub-adminctl profile add ... --password-stdin).");
    } else if (says("role \"") && says("does not exist")) {
        error.message = QCoreApplication::translate(
            "Workspace",
            "The database user does not exist on the server. Check the user name of the "
            "profile.");
    } else if (says("database \"") && says("does not exist")) {
        error.message = QCoreApplication::translate(
            "Workspace",
            "The database does not exist on the server. Create it with \"mcphub-adminctl db "
            "init\" or check its name.");
    } else if (says("session is read-only") || says("server is in hot standby mode")
               || says("could not make a writable connection")) {
        // target_session_attrs=read-write (a profile with several hosts) and none of them is
        // a primary: libpq tried each and every one was a standby.
        error.message = QCoreApplication::translate(
            "Workspace",
            "None of the profile's hosts accepts writes: each one is a standby (in recovery). "
            "Add the primary's host to the profile, wait for a failover to promote one, or "
            "open a single standby host as a read-only workspace.");
    } else if (says("Connection refused") || says("timeout expired")
               || says("could not translate host name") || says("No route to host")) {
        error.message = QCoreApplication::translate(
            "Workspace",
            "The database server cannot be reached. Check the host and port, and that the "
            "server is running and accepts connections from this machine.");
    }
    return error;
}

} // namespace

QString RepositoryContext::defaultActor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
#ifdef Q_OS_UNIX
    if (user.isEmpty()) {
        if (const passwd *entry = getpwuid(geteuid()))
            user = QString::fromLocal8Bit(entry->pw_name);
    }
#endif
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

QSqlDatabase Workspace::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

namespace {
QString &sessionRedis()
{
    static QString url;
    return url;
}
} // namespace

void Workspace::setSessionRedisUrl(const QString &url)
{
    sessionRedis() = url;
}

QString Workspace::sessionRedisUrl()
{
    return sessionRedis();
}

RepositoryContext Workspace::context(const QString &actor) const
{
    RepositoryContext context;
    context.connectionName = m_connectionName;
    context.actor = actor;
    context.readOnly = m_readOnly;
    context.where = m_profile.displayName();
    context.kind = m_kind;
    context.redisUrl = m_profile.redisUrl;
    return context;
}

void Workspace::close() const
{
    closeSqlConnection(m_connectionName);
}

Result<bool> Workspace::createPostgresDatabase(const ConnectionProfile &profile)
{
    if (profile.kind != ConnectionProfile::Kind::Postgres)
        return false;
    ConnectionProfile maintenance = profile;
    maintenance.database = QStringLiteral("postgres");
    const QString name = QStringLiteral("mcphub-create-database");
    auto db = openSqlConnection(maintenance.toSpec(), name);
    if (!db) {
        Error e = db.error();
        e.message = QCoreApplication::translate(
            "Workspace",
            "Cannot connect to the server's \"postgres\" database to create the "
            "workspace database. Create it yourself (createdb) or check the "
            "connection settings.");
        return atProfile(e, profile);
    }
    bool created = false;
    Result<bool> result = false;
    {
        QSqlQuery query(*db);
        query.prepare(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = :name"));
        query.bindValue(QStringLiteral(":name"), profile.database);
        if (!query.exec()) {
            result = atProfile(sqlError(query.lastError(),
                                        {},
                                        QCoreApplication::translate(
                                            "Workspace", "Cannot look up the workspace database.")),
                               profile);
        } else if (!query.next()) {
            if (!query.exec(QStringLiteral("CREATE DATABASE ")
                            + SqlDialect::escape(*db, profile.database))) {
                result = atProfile(sqlError(query.lastError(),
                                            {},
                                            QCoreApplication::translate(
                                                "Workspace",
                                                "Cannot create the workspace database. Ask the "
                                                "server's administrator to create it for you.")),
                                   profile);
            } else {
                created = true;
                result = true;
            }
        }
    }
    Q_UNUSED(created)
    db = QSqlDatabase();
    closeSqlConnection(name);
    return result;
}

Result<bool> Workspace::createMcphubTables(const ConnectionProfile &profile)
{
    if (profile.kind != ConnectionProfile::Kind::Postgres)
        return false;
    if (profile.readOnly) {
        return atProfile(Error::make(Error::Code::ReadOnly,
                                     QCoreApplication::translate(
                                         "Workspace",
                                         "The profile is read-only, so MCPHub's tables were not "
                                         "created.")),
                         profile);
    }
    const QString name = QStringLiteral("mcphub-create-tables");
    auto db = openSqlConnection(profile.toSpec(), name);
    if (!db)
        return atProfile(explainConnectError(db.error()), profile);
    auto created = McphubSchema::createTables(*db, profile.displayName());
    db = QSqlDatabase();
    closeSqlConnection(name);
    if (!created)
        return atProfile(created.error(), profile);
    return created;
}

Result<Workspace> Workspace::open(const ConnectionProfile &profile,
                                  const QString &connectionName,
                                  Mode mode,
                                  const QString &appliedBy)
{
    Workspace ws;
    ws.m_connectionName = connectionName;
    ws.m_profile = profile;
    if (ws.m_profile.redisUrl.isEmpty())
        ws.m_profile.redisUrl = sessionRedisUrl();
    ws.m_readOnly = profile.readOnly || mode == Mode::Inspect;

    SqlConnectionSpec spec = profile.toSpec();
    bool newFile = false;
    if (profile.kind == ConnectionProfile::Kind::Sqlite) {
        newFile = !QFileInfo::exists(profile.sqlitePath);
        if (newFile && ws.m_readOnly) {
            return atProfile(
                Error::make(
                    Error::Code::NotFound,
                    mode == Mode::Inspect
                        ? QCoreApplication::translate("Workspace",
                                                      "There is no database file here. Create it "
                                                      "with \"mcphub-adminctl db init\".")
                        : QCoreApplication::translate("Workspace",
                                                      "There is no database file here, and a "
                                                      "read-only profile cannot create one."),
                    profile.sqlitePath),
                profile);
        }
        if (ws.m_readOnly)
            spec.connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
    } else {
        // Session settings every connection to this database gets, clones included (hub
        // monitoring and health checks clone the workspace's connection): in MCPHub's
        // database the console's schema comes first, and a read-only workspace's server
        // itself refuses writes in this session, not only the repositories.
        // In MCPHub's database a read outside a transaction (a page, a list) waits for a
        // lock as long as a change does (TransactionGuard), not without end: MCPHub's own
        // processes take its tables' exclusive locks (TypeORM's schema synchronisation at a
        // hub's start, a migration), and the window would hang behind them. The console's
        // own schema has no other writer: a writable workspace of it sends no options (a
        // pooler may refuse them); a read-only one sends its read-only setting.
        if (profile.mcphubDatabase)
            spec.connectOptions += QStringLiteral(";options='-c search_path=%1,public -c "
                                                  "lock_timeout=%2'")
                                       .arg(McphubSchema::kConsoleSchema)
                                       .arg(TransactionGuard::lockTimeout());
        // A read-only workspace takes the first server that answers, a standby too.
        if (ws.m_readOnly)
            spec.connectOptions
                = readOnlyConnectOptions(spec.connectOptions, profile.hosts.size() > 1);
    }

    if (profile.mcphubDatabase && profile.kind != ConnectionProfile::Kind::Postgres) {
        return atProfile(Error::make(Error::Code::Invalid,
                                     QCoreApplication::translate(
                                         "Workspace",
                                         "MCPHub keeps its database in PostgreSQL; an SQLite "
                                         "file cannot be an MCPHub database.")),
                         profile);
    }
    if (const auto db = openSqlConnection(spec, connectionName); !db)
        return atProfile(explainConnectError(db.error()), profile);
    if (profile.kind == ConnectionProfile::Kind::Postgres) {
        if (auto standby = ws.detectStandby(); !standby) {
            closeSqlConnection(connectionName);
            return atProfile(standby.error(), profile);
        }
    }

    if (profile.mcphubDatabase) {
        ws.m_kind = WorkspaceKind::McphubDatabase;
        if (auto ready = ws.prepareMcphubDatabase(); !ready) {
            closeSqlConnection(connectionName);
            return atProfile(ready.error(), profile);
        }
    }
    if (auto ready = ws.bringUpToDate(mode, appliedBy); !ready) {
        closeSqlConnection(connectionName);
        // Leave no empty file behind where there was none.
        if (newFile && QFileInfo(profile.sqlitePath).size() == 0)
            QFile::remove(profile.sqlitePath);
        return atProfile(ready.error(), profile);
    }
    return ws;
}

Result<void> Workspace::detectStandby()
{
    const QSqlDatabase db = database();
    const QString where = m_profile.displayName();
    const auto status = ReplicationStatus::read(db, where);
    if (!status)
        return status.error();
    if (!status->isStandby())
        return {};
    // A standby refuses every write: open it read-only from the start rather than failing on
    // the first Apply, and say whose standby it is and how far behind it replays.
    m_standbyBanner = status->standbyBanner();
    m_warnings << m_standbyBanner + QStringLiteral(". ")
                      + QCoreApplication::translate("Workspace",
                                                    "A standby server cannot be changed: the "
                                                    "workspace is open read-only. Make changes "
                                                    "on the primary.");
    return becomeReadOnly();
}

Result<void> Workspace::becomeReadOnly()
{
    m_readOnly = true;
    QSqlDatabase db = database();
    if (m_profile.kind != ConnectionProfile::Kind::Postgres)
        return {};
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SET SESSION default_transaction_read_only = on"))) {
        return sqlError(
            query.lastError(),
            m_profile.displayName(),
            QCoreApplication::translate("Workspace", "Cannot open the database read-only."));
    }
    db.setConnectOptions(readOnlyConnectOptions(db.connectOptions(), m_profile.hosts.size() > 1));
    return {};
}

QString Workspace::readOnlyConnectOptions(const QString &options, bool severalHosts)
{
    static const QString readOnly = QStringLiteral("-c default_transaction_read_only=on");
    QStringList entries;
    QString settings; // of the last "options" entry: libpq keeps that one, not the others
    for (const QString &entry : options.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString key = entry.section(QLatin1Char('='), 0, 0).trimmed();
        // A read-only session is one libpq's target_session_attrs=read-write refuses on
        // every host ("session is read-only").
        if (severalHosts && key == QLatin1String("target_session_attrs"))
            continue;
        if (key != QLatin1String("options")) {
            entries << entry;
            continue;
        }
        QString value = entry.section(QLatin1Char('='), 1).trimmed();
        if (value.size() >= 2 && value.startsWith(QLatin1Char('\''))
            && value.endsWith(QLatin1Char('\'')))
            value = value.mid(1, value.size() - 2);
        settings = value;
    }
    // Last, so that no "=off" before it wins.
    if (!settings.endsWith(readOnly))
        settings = settings.isEmpty() ? readOnly : settings + QLatin1Char(' ') + readOnly;
    entries << QStringLiteral("options='%1'").arg(settings);
    if (severalHosts)
        entries << QStringLiteral("target_session_attrs=any");
    return entries.join(QLatin1Char(';'));
}

Result<void> Workspace::prepareMcphubDatabase()
{
    const QSqlDatabase db = database();
    const QString where = m_profile.displayName();
    if (auto tables = McphubSchema::requireTables(db, where); !tables)
        return tables.error();
    const auto cannotWrite = McphubSchema::prepareConsoleSchema(db, where, m_readOnly);
    if (!cannotWrite)
        return cannotWrite.error();
    if (!cannotWrite->isEmpty()) {
        m_warnings << *cannotWrite;
        // The server refuses writes in this session too, not only the repositories.
        return becomeReadOnly();
    }
    return {};
}

Result<void> Workspace::bringUpToDate(Mode mode, const QString &appliedBy)
{
    const bool mcphub = m_kind == WorkspaceKind::McphubDatabase;
    const SchemaMigrator migrator(
        m_connectionName, mcphub ? McphubSchema::kScriptsRoot : QStringLiteral(":/migrations"));
    if (!mcphub) {
        if (auto own = migrator.refuseForeignSchema(); !own)
            return own.error();
    }
    auto status = migrator.status();
    if (!status)
        return status.error();

    if (status->newerThanConsole()) {
        if (auto readOnly = becomeReadOnly(); !readOnly)
            return readOnly;
        m_warnings << QCoreApplication::translate(
                          "Workspace",
                          "This database was created by a newer version of the console "
                          "(schema %1, this console knows %2). It is open read-only; update "
                          "the console to change it.")
                          .arg(status->databaseVersion)
                          .arg(status->knownVersion);
    } else if (!status->drifted.isEmpty()) {
        if (mode == Mode::Migrate) {
            QStringList versions;
            for (int v : std::as_const(status->drifted))
                versions << QString::number(v);
            return Error::make(Error::Code::Drift,
                               QCoreApplication::translate(
                                   "Workspace",
                                   "Schema drift: migration %1 applied to this database differs "
                                   "from the one this console carries. Nothing was changed. Open "
                                   "the database with the console version that created it, or "
                                   "restore it from a backup.")
                                   .arg(versions.join(QStringLiteral(", "))),
                               QStringLiteral("schema_migrations"));
        }
    } else if (!status->pending.isEmpty()) {
        if (mode == Mode::Migrate && !m_readOnly) {
            const auto applied = migrator.applyPending(appliedBy);
            if (!applied)
                return applied.error();
            m_appliedNow = *applied;
            status = migrator.status();
            if (!status)
                return status.error();
        } else if (m_profile.readOnly) {
            m_warnings << QCoreApplication::translate(
                "Workspace",
                "The database schema is not up to date (%n migration(s) pending), and the "
                "profile is read-only, so none was applied.",
                nullptr,
                int(status->pending.size()));
        }
    }
    m_schema = *status;
    return {};
}

} // namespace mcphub
