#include "storage/db/connectioncheck.h"

#include "storage/db/replicationstatus.h"
#include "storage/ownhealth.h"
#include "storage/sqlconnection.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

#include <algorithm>
#include <memory>

namespace mcphub {

namespace {

Result<ServerFacts> readFacts(const QSqlDatabase &db, bool postgres, const QString &where)
{
    QSqlQuery query(db);
    const QString sql
        = postgres
              ? QStringLiteral("SELECT version(), current_setting('server_version'), "
                               "pg_is_in_recovery(), host(inet_server_addr()), "
                               "inet_server_port()")
              : QStringLiteral("SELECT 'SQLite ' || sqlite_version(), sqlite_version(), 0, '', 0");
    if (!query.exec(sql) || !query.next()) {
        return Error::make(
            Error::Code::Database,
            QCoreApplication::translate("ConnectionCheck",
                                        "Connected, but the server's version could not be read."),
            where,
            query.lastError().text());
    }
    ServerFacts facts;
    facts.version = query.value(0).toString();
    facts.shortVersion = query.value(1).toString();
    facts.primary = !query.value(2).toBool();
    facts.reachedHost = query.value(3).toString();
    facts.reachedPort = query.value(4).toInt();
    return facts;
}

void checkServices(const ConnectionProfile &profile, ServerFacts *facts)
{
    if (!profile.redisUrl.isEmpty()) {
        const OwnHealthCheck redis = OwnHealth::checkRedis(profile.redisUrl);
        facts->services.append({QStringLiteral("redis"), redis.ok, redis.detail});
    }
    if (profile.kind == ConnectionProfile::Kind::Postgres && !profile.failoverMonitor.isEmpty()) {
        const auto nodes = ReplicationStatus::readFormation(profile.failoverMonitor);
        if (nodes) {
            facts->services.append(
                {QStringLiteral("monitor"),
                 true,
                 QCoreApplication::translate("ConnectionCheck",
                                             "The pg_auto_failover monitor answers: %n node(s).",
                                             nullptr,
                                             int(nodes->size()))});
        } else {
            facts->services.append({QStringLiteral("monitor"), false, nodes.error().toString()});
        }
    }
}

} // namespace

bool ServerFacts::servicesOk() const
{
    return std::all_of(services.cbegin(), services.cend(), [](const Service &s) { return s.ok; });
}

Result<ServerFacts> checkConnection(const ConnectionProfile &profile)
{
    ConnectionProfile tried = profile;
    tried.applicationName = QStringLiteral("mcphub-admin connection test");
    if (tried.kind == ConnectionProfile::Kind::Sqlite) {
        // A test opens, never creates: a missing file is what the user should hear about.
        if (!QFileInfo(tried.sqlitePath).isFile()) {
            return Error::make(Error::Code::NotFound,
                               QCoreApplication::translate(
                                   "ConnectionCheck",
                                   "There is no SQLite file at this path. Choose an existing "
                                   "workspace file, or create one with File ▸ New SQLite "
                                   "database."),
                               tried.sqlitePath);
        }
        tried.readOnly = true;
    } else if (tried.connectTimeout <= 0) {
        tried.connectTimeout = kDefaultCheckTimeoutSeconds;
    } else {
        tried.connectTimeout = std::min(tried.connectTimeout, kMaxCheckTimeoutSeconds);
    }
    SqlConnectionSpec spec = tried.toSpec();
    if (tried.kind == ConnectionProfile::Kind::Sqlite)
        spec.connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
    const QString name
        = QStringLiteral("connection-check-") + QUuid::createUuid().toString(QUuid::Id128);
    Result<ServerFacts> result = Error::make(Error::Code::Generic, QString());
    {
        auto opened = openSqlConnection(spec, name);
        if (!opened)
            return opened.error();
        result = readFacts(
            *opened, tried.kind == ConnectionProfile::Kind::Postgres, tried.displayName());
    }
    closeSqlConnection(name);
    if (result)
        checkServices(profile, &*result);
    return result;
}

void checkConnectionAsync(const ConnectionProfile &profile,
                          QObject *context,
                          ConnectionCheckDone done)
{
    // The result crosses threads in a shared slot; `finished` is delivered on context's
    // thread, and not at all once context is destroyed (the connection goes with it).
    auto result = std::make_shared<Result<ServerFacts>>(Error::make(Error::Code::Generic, {}));
    QThread *thread = QThread::create([profile, result] { *result = checkConnection(profile); });
    QObject::connect(thread, &QThread::finished, context, [result, done] { done(*result); });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace mcphub
