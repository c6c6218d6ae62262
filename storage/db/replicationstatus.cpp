#include "storage/db/replicationstatus.h"

#include "storage/db/sqlerror.h"
#include "storage/sqlconnection.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QJsonArray>
#include <QSettings>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace mcphub {

namespace {

std::optional<qint64> optionalBytes(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

std::optional<double> optionalSeconds(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toDouble();
}

QJsonValue json(const std::optional<qint64> &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonValue json(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue json(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QJsonValue json(const QDateTime &value)
{
    return value.isValid() ? QJsonValue(value.toUTC().toString(Qt::ISODateWithMs))
                           : QJsonValue(QJsonValue::Null);
}

QString roleName(ReplicationStatus::Role role)
{
    switch (role) {
    case ReplicationStatus::Role::Embedded:
        return QStringLiteral("embedded");
    case ReplicationStatus::Role::Primary:
        return QStringLiteral("primary");
    case ReplicationStatus::Role::Standby:
        return QStringLiteral("standby");
    }
    return {};
}

// Every connection opened here only reads: the server itself refuses a write in it.
SqlConnectionSpec readOnlySpec(SqlConnectionSpec spec)
{
    if (!spec.connectOptions.isEmpty())
        spec.connectOptions += QLatin1Char(';');
    spec.connectOptions += QStringLiteral("options='-c default_transaction_read_only=on'");
    return spec;
}

Error readError(const QSqlQuery &query, const QString &where, const char *view)
{
    return sqlError(
        query.lastError(),
        where,
        QCoreApplication::translate("ReplicationStatus", "Cannot read the replication status (%1).")
            .arg(QLatin1String(view)));
}

Result<void> readPrimary(const QSqlDatabase &db, const QString &where, ReplicationStatus &status)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT pg_current_wal_lsn()::text")) || !query.next())
        return readError(query, where, "pg_current_wal_lsn");
    status.currentLsn = query.value(0).toString();
    // Lags in bytes against the primary's current position, in seconds as the server
    // measured them; a role without pg_read_all_stats sees NULL in all of them.
    if (!query.exec(QStringLiteral(
            "SELECT application_name, coalesce(host(client_addr), 'local'), state, sync_state, "
            "sent_lsn::text, write_lsn::text, flush_lsn::text, replay_lsn::text, "
            "pg_wal_lsn_diff(pg_current_wal_lsn(), sent_lsn)::bigint, "
            "pg_wal_lsn_diff(pg_current_wal_lsn(), write_lsn)::bigint, "
            "pg_wal_lsn_diff(pg_current_wal_lsn(), flush_lsn)::bigint, "
            "pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint, "
            "extract(epoch FROM write_lag)::float8, extract(epoch FROM flush_lag)::float8, "
            "extract(epoch FROM replay_lag)::float8 "
            "FROM pg_stat_replication ORDER BY application_name, client_addr, pid"))) {
        return readError(query, where, "pg_stat_replication");
    }
    while (query.next()) {
        StandbyLink s;
        s.applicationName = query.value(0).toString();
        s.clientAddress = query.value(1).toString();
        s.state = query.value(2).toString();
        s.syncState = query.value(3).toString();
        s.sentLsn = query.value(4).toString();
        s.writeLsn = query.value(5).toString();
        s.flushLsn = query.value(6).toString();
        s.replayLsn = query.value(7).toString();
        s.sentLagBytes = optionalBytes(query.value(8));
        s.writeLagBytes = optionalBytes(query.value(9));
        s.flushLagBytes = optionalBytes(query.value(10));
        s.replayLagBytes = optionalBytes(query.value(11));
        // NULL when the standby has caught up and nothing was written since: no lag.
        s.writeLagSeconds = optionalSeconds(query.value(12));
        s.flushLagSeconds = optionalSeconds(query.value(13));
        s.replayLagSeconds = optionalSeconds(query.value(14));
        if (s.replayLagBytes && !s.replayLagSeconds && *s.replayLagBytes == 0)
            s.writeLagSeconds = s.flushLagSeconds = s.replayLagSeconds = 0.0;
        status.standbys << s;
    }
    return {};
}

Result<void> readStandby(const QSqlDatabase &db, const QString &where, ReplicationStatus &status)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // The replay lag in time is 0 while everything received is replayed: on an idle primary
    // the last replayed transaction only grows older, which is no lag.
    if (!query.exec(QStringLiteral(
            "SELECT pg_last_wal_receive_lsn()::text, pg_last_wal_replay_lsn()::text, "
            "pg_last_xact_replay_timestamp(), "
            "pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::bigint, "
            "CASE WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() "
            "THEN 0::float8 ELSE extract(epoch FROM clock_timestamp() - "
            "pg_last_xact_replay_timestamp())::float8 END"))
        || !query.next()) {
        return readError(query, where, "pg_last_wal_replay_lsn");
    }
    status.receiveLsn = query.value(0).toString();
    status.replayLsn = query.value(1).toString();
    status.lastReplayAt = query.value(2).toDateTime();
    status.replayLagBytes = optionalBytes(query.value(3));
    status.replayLagSeconds = optionalSeconds(query.value(4));
    if (!query.exec(
            QStringLiteral("SELECT sender_host, sender_port, status FROM pg_stat_wal_receiver"))) {
        return readError(query, where, "pg_stat_wal_receiver");
    }
    if (query.next()) {
        status.primaryHost = query.value(0).toString();
        status.primaryPort = query.value(1).toInt();
        status.receiverStatus = query.value(2).toString();
    }
    return {};
}

} // namespace

QString ReplicationStatus::primaryAddress() const
{
    if (primaryHost.isEmpty())
        return QCoreApplication::translate("ReplicationStatus", "an unknown primary");
    // An IPv6 address in brackets, so that the port stays apart.
    const QString host = primaryHost.contains(QLatin1Char(':'))
                             ? QLatin1Char('[') + primaryHost + QLatin1Char(']')
                             : primaryHost;
    return QStringLiteral("%1:%2").arg(host, QString::number(primaryPort));
}

QString ReplicationStatus::standbyBanner() const
{
    if (role != Role::Standby)
        return {};
    return replayLagSeconds
               ? QCoreApplication::translate("ReplicationStatus", "Standby of %1 — replay lag %2 s")
                     .arg(primaryAddress(), QString::number(*replayLagSeconds, 'f', 1))
               : QCoreApplication::translate("ReplicationStatus",
                                             "Standby of %1 — replay lag unknown")
                     .arg(primaryAddress());
}

ReplicationLagThresholds ReplicationLagThresholds::load(const QSettings &settings)
{
    ReplicationLagThresholds t;
    t.seconds
        = settings.value(QStringLiteral("replicationAlerts/lagSeconds"), t.seconds).toDouble();
    t.bytes = settings.value(QStringLiteral("replicationAlerts/lagBytes"), t.bytes).toLongLong();
    return t;
}

ReplicationLagThresholds ReplicationLagThresholds::fromConsoleSettings()
{
    return load(
        QSettings(QSettings::UserScope, QStringLiteral("MCPHub"), QStringLiteral("mcphub-admin")));
}

bool ReplicationLagThresholds::exceeded(const std::optional<double> &lagSeconds,
                                        const std::optional<qint64> &lagBytes) const
{
    return (lagSeconds && *lagSeconds > seconds) || (lagBytes && *lagBytes > bytes);
}

QString ReplicationLagThresholds::text() const
{
    return QCoreApplication::translate("ReplicationStatus", "%1 s or %2 bytes")
        .arg(QString::number(seconds), QString::number(bytes));
}

std::optional<double> ReplicationStatus::maxReplayLagSeconds() const
{
    if (role == Role::Standby)
        return replayLagSeconds;
    std::optional<double> most;
    for (const StandbyLink &s : standbys) {
        if (s.replayLagSeconds && (!most || *s.replayLagSeconds > *most))
            most = s.replayLagSeconds;
    }
    return most;
}

QJsonObject ReplicationStatus::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("server"), server);
    o.insert(QStringLiteral("role"), roleName(role));
    o.insert(QStringLiteral("readAt"), json(readAt));
    if (role == Role::Primary) {
        o.insert(QStringLiteral("currentLsn"), json(currentLsn));
        QJsonArray list;
        for (const StandbyLink &s : standbys) {
            list.append(QJsonObject{
                {QStringLiteral("applicationName"), s.applicationName},
                {QStringLiteral("clientAddress"), json(s.clientAddress)},
                {QStringLiteral("state"), json(s.state)},
                {QStringLiteral("syncState"), json(s.syncState)},
                {QStringLiteral("sentLsn"), json(s.sentLsn)},
                {QStringLiteral("writeLsn"), json(s.writeLsn)},
                {QStringLiteral("flushLsn"), json(s.flushLsn)},
                {QStringLiteral("replayLsn"), json(s.replayLsn)},
                {QStringLiteral("sentLagBytes"), json(s.sentLagBytes)},
                {QStringLiteral("writeLagBytes"), json(s.writeLagBytes)},
                {QStringLiteral("flushLagBytes"), json(s.flushLagBytes)},
                {QStringLiteral("replayLagBytes"), json(s.replayLagBytes)},
                {QStringLiteral("writeLagSeconds"), json(s.writeLagSeconds)},
                {QStringLiteral("flushLagSeconds"), json(s.flushLagSeconds)},
                {QStringLiteral("replayLagSeconds"), json(s.replayLagSeconds)},
            });
        }
        o.insert(QStringLiteral("standbys"), list);
    } else if (role == Role::Standby) {
        o.insert(QStringLiteral("inRecovery"), true);
        o.insert(QStringLiteral("receiveLsn"), json(receiveLsn));
        o.insert(QStringLiteral("replayLsn"), json(replayLsn));
        o.insert(QStringLiteral("lastReplayAt"), json(lastReplayAt));
        o.insert(QStringLiteral("replayLagBytes"), json(replayLagBytes));
        o.insert(QStringLiteral("replayLagSeconds"), json(replayLagSeconds));
        o.insert(QStringLiteral("primaryHost"), json(primaryHost));
        o.insert(QStringLiteral("primaryPort"),
                 primaryPort > 0 ? QJsonValue(primaryPort) : QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("receiverStatus"), json(receiverStatus));
    }
    if (monitorNamed) {
        QJsonArray nodes;
        for (const FormationNode &n : formation) {
            nodes.append(QJsonObject{
                {QStringLiteral("formation"), n.formation},
                {QStringLiteral("nodeId"), double(n.nodeId)},
                {QStringLiteral("groupId"), n.groupId},
                {QStringLiteral("name"), n.name},
                {QStringLiteral("host"), n.host},
                {QStringLiteral("port"), n.port},
                {QStringLiteral("reportedState"), n.reportedState},
                {QStringLiteral("goalState"), n.goalState},
                {QStringLiteral("reportedLsn"), json(n.reportedLsn)},
                {QStringLiteral("health"), n.health},
                {QStringLiteral("reportTime"), json(n.reportTime)},
            });
        }
        QJsonObject monitor{{QStringLiteral("nodes"), nodes}};
        monitor.insert(QStringLiteral("error"), json(monitorError));
        o.insert(QStringLiteral("formation"), monitor);
    }
    return o;
}

Result<ReplicationStatus> ReplicationStatus::read(const QSqlDatabase &db, const QString &where)
{
    ReplicationStatus status;
    status.server = where;
    status.readAt = QDateTime::currentDateTimeUtc();
    if (db.driverName() != QLatin1String("QPSQL")) {
        status.role = Role::Embedded;
        return status;
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT pg_is_in_recovery()")) || !query.next())
        return readError(query, where, "pg_is_in_recovery");
    status.role = query.value(0).toBool() ? Role::Standby : Role::Primary;
    query.finish();
    const auto read = status.role == Role::Standby ? readStandby(db, where, status)
                                                   : readPrimary(db, where, status);
    if (!read)
        return read.error();
    return status;
}

Result<ReplicationStatus> ReplicationStatus::readProfile(const ConnectionProfile &profile,
                                                         const QString &monitorConninfo)
{
    ReplicationStatus status;
    if (profile.kind == ConnectionProfile::Kind::Sqlite) {
        status.server = profile.displayName();
        status.readAt = QDateTime::currentDateTimeUtc();
        status.role = Role::Embedded;
        return status;
    }
    const QString name = QStringLiteral("mcphub-replication-status");
    {
        const auto db = openSqlConnection(readOnlySpec(profile.toSpec()), name);
        if (!db) {
            Error e = db.error();
            e.where = profile.displayName();
            return e;
        }
        auto read = ReplicationStatus::read(*db, profile.displayName());
        if (!read) {
            closeSqlConnection(name);
            return read.error();
        }
        status = *read;
    }
    closeSqlConnection(name);
    status.addFormation(monitorConninfo);
    return status;
}

Result<ReplicationStatus> ReplicationStatus::readClone(const QString &source,
                                                       const QString &clone,
                                                       const QString &where,
                                                       const QString &monitorConninfo)
{
    if (!QSqlDatabase::contains(clone)) {
        if (!QSqlDatabase::contains(source)) {
            return Error::make(
                Error::Code::NotFound,
                QCoreApplication::translate("ReplicationStatus", "The workspace is closed."),
                where);
        }
        QSqlDatabase::cloneDatabase(source, clone);
    }
    Result<ReplicationStatus> status = [&]() -> Result<ReplicationStatus> {
        QSqlDatabase db = QSqlDatabase::database(clone, false);
        if (!db.isOpen() && !db.open()) {
            return sqlError(
                db.lastError(),
                where,
                QCoreApplication::translate("ReplicationStatus",
                                            "Cannot connect to read the replication status."));
        }
        return read(db, where);
    }();
    if (!status) {
        closeSqlConnection(clone);
        return status;
    }
    status->addFormation(monitorConninfo);
    return status;
}

void ReplicationStatus::addFormation(const QString &monitorConninfo)
{
    if (monitorConninfo.isEmpty())
        return;
    monitorNamed = true;
    if (auto nodes = readFormation(monitorConninfo))
        formation = *nodes;
    else
        monitorError = nodes.error().toString(); // names the monitor, says why
}

Result<QList<FormationNode>> ReplicationStatus::readFormation(const QString &monitorConninfo)
{
    auto monitor = ConnectionProfile::fromConninfo(monitorConninfo);
    if (!monitor) {
        Error e = monitor.error();
        e.where = QCoreApplication::translate("ReplicationStatus", "pg_auto_failover monitor");
        return e;
    }
    monitor->applicationName = QStringLiteral("mcphub-admin");
    const QString where
        = QCoreApplication::translate("ReplicationStatus", "pg_auto_failover monitor %1")
              .arg(monitor->displayName());
    // A name of its own per reading: the Replication page's reader and a connection check
    // may read a formation at the same time, on two threads.
    static QAtomicInteger<quint64> readings;
    const QString name = QStringLiteral("mcphub-failover-monitor-%1").arg(++readings);
    QList<FormationNode> nodes;
    Result<void> result;
    {
        const auto db = openSqlConnection(readOnlySpec(monitor->toSpec()), name);
        if (!db) {
            Error e = db.error();
            e.where = where;
            return e;
        }
        QSqlQuery query(*db);
        query.setForwardOnly(true);
        // pgautofailover.node: the monitor's record of every node it manages.
        if (!query.exec(QStringLiteral(
                "SELECT formationid, nodeid, groupid, nodename, nodehost, nodeport, "
                "reportedstate::text, goalstate::text, reportedlsn::text, health, reporttime "
                "FROM pgautofailover.node ORDER BY formationid, groupid, nodeid"))) {
            result = sqlError(query.lastError(),
                              where,
                              QCoreApplication::translate(
                                  "ReplicationStatus",
                                  "Cannot read the formation's nodes (pgautofailover.node). Is "
                                  "this the monitor's database (pg_auto_failover)?"));
        } else {
            while (query.next()) {
                FormationNode n;
                n.formation = query.value(0).toString();
                n.nodeId = query.value(1).toLongLong();
                n.groupId = query.value(2).toInt();
                n.name = query.value(3).toString();
                n.host = query.value(4).toString();
                n.port = query.value(5).toInt();
                n.reportedState = query.value(6).toString();
                n.goalState = query.value(7).toString();
                n.reportedLsn = query.value(8).toString();
                n.health = query.value(9).toInt();
                n.reportTime = query.value(10).toDateTime();
                nodes << n;
            }
        }
    }
    closeSqlConnection(name);
    if (!result)
        return result.error();
    return nodes;
}

} // namespace mcphub
