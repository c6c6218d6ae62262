#include "storage/ownhealth.h"

#include "storage/live/redisclient.h"
#include "storage/secretstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QTemporaryFile>

namespace mcphub {

QString OwnHealthCheck::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Database:
        return QStringLiteral("database");
    case Kind::SettingsFolder:
        return QStringLiteral("settings-folder");
    case Kind::Keychain:
        return QStringLiteral("keychain");
    case Kind::Memory:
        return QStringLiteral("memory");
    case Kind::Replication:
        return QStringLiteral("replication");
    case Kind::Redis:
        return QStringLiteral("redis");
    }
    return {};
}

QString OwnHealthCheck::kindLabel(Kind kind)
{
    switch (kind) {
    case Kind::Database:
        return QCoreApplication::translate("OwnHealth", "Workspace database");
    case Kind::SettingsFolder:
        return QCoreApplication::translate("OwnHealth", "Settings folder");
    case Kind::Keychain:
        return QCoreApplication::translate("OwnHealth", "Keychain");
    case Kind::Memory:
        return QCoreApplication::translate("OwnHealth", "Memory");
    case Kind::Replication:
        return QCoreApplication::translate("OwnHealth", "Replication");
    case Kind::Redis:
        return QCoreApplication::translate("OwnHealth", "Redis");
    }
    return {};
}

QString OwnHealth::settingsFolder()
{
    const QSettings settings(
        QSettings::UserScope, QStringLiteral("MCPHub"), QStringLiteral("mcphub-admin"));
    return QFileInfo(settings.fileName()).absolutePath();
}

OwnHealthCheck OwnHealth::checkDatabase(const QString &connectionName, const QString &where)
{
    OwnHealthCheck c{OwnHealthCheck::Kind::Database};
    QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    if (!db.isValid() || !db.isOpen()) {
        c.detail = tr("%1: the workspace database is not open. Check the profile and that the "
                      "server is running.")
                       .arg(where);
        return c;
    }
    QElapsedTimer timer;
    timer.start();
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT 1")) || !query.next()) {
        c.detail = tr("%1: the workspace database does not answer (%2). Check that the server "
                      "is running and reachable.")
                       .arg(where, query.lastError().text());
        return c;
    }
    c.value = double(timer.nsecsElapsed()) / 1e6;
    c.ok = true;
    c.detail = tr("%1 answers in %2 ms.").arg(where, QLocale().toString(c.value, 'f', 2));
    return c;
}

OwnHealthCheck OwnHealth::checkSettingsFolder(const QString &folder)
{
    OwnHealthCheck c{OwnHealthCheck::Kind::SettingsFolder};
    if (!QDir().mkpath(folder)) {
        c.detail
            = tr("%1: the settings folder cannot be created. Check its permissions.").arg(folder);
        return c;
    }
    QTemporaryFile probe(QDir(folder).filePath(QStringLiteral(".write-probe-XXXXXX")));
    if (!probe.open() || probe.write("x", 1) != 1 || !probe.flush()) {
        c.detail = tr("%1: the settings folder is not writable (%2). Check its permissions and "
                      "that the disk is not read-only.")
                       .arg(folder, probe.errorString());
        return c;
    }
    const QStorageInfo storage(folder);
    c.value = double(storage.bytesAvailable());
    const QString free = QLocale().formattedDataSize(storage.bytesAvailable());
    if (storage.bytesAvailable() < kMinimumFreeBytes) {
        c.detail = tr("%1: only %2 free. Free some disk space so settings and the SQLite "
                      "workspace can be saved.")
                       .arg(folder, free);
        return c;
    }
    c.ok = true;
    c.detail = tr("%1 is writable, %2 free.").arg(folder, free);
    return c;
}

OwnHealthCheck OwnHealth::checkKeychain(const SecretStore &secrets)
{
    QElapsedTimer timer;
    timer.start();
    const auto probe = secrets.read(keychainProbeKey());
    return keychainCheck(probe, double(timer.elapsed()));
}

OwnHealthCheck OwnHealth::keychainCheck(const Result<QString> &probe, double ms)
{
    OwnHealthCheck c{OwnHealthCheck::Kind::Keychain};
    c.value = ms;
    if (probe.ok() || probe.error().code == Error::Code::NotFound) {
        c.ok = true;
        c.detail = tr("The keychain answers.");
        return c;
    }
    c.detail
        = tr("The keychain is not available (%1): hub and database passwords cannot be "
             "read. Unlock or start the keyring (for example gnome-keyring).")
              .arg(probe.error().detail.isEmpty() ? probe.error().message : probe.error().detail);
    return c;
}

qint64 OwnHealth::residentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:")) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            if (parts.size() >= 2)
                return parts.at(1).toLongLong() * 1024;
        }
    }
    return -1;
}

OwnHealthCheck OwnHealth::checkMemory()
{
    OwnHealthCheck c{OwnHealthCheck::Kind::Memory};
    const qint64 rss = residentBytes();
    c.ok = true; // informational
    c.value = double(rss);
    c.detail = rss < 0 ? tr("This platform does not report the process memory.")
                       : tr("%1 resident.").arg(QLocale().formattedDataSize(rss));
    return c;
}

OwnHealthCheck OwnHealth::checkReplication(const QString &connectionName,
                                           const QString &where,
                                           const ReplicationLagThresholds &thresholds)
{
    OwnHealthCheck c{OwnHealthCheck::Kind::Replication};
    const QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    if (!db.isValid() || !db.isOpen()) {
        c.detail = tr("%1: the replication state cannot be read: the workspace database is "
                      "not open.")
                       .arg(where);
        return c;
    }
    const auto status = ReplicationStatus::read(db, where);
    if (!status) {
        c.detail = status.error().toString();
        return c;
    }
    const auto lagText = [](const std::optional<double> &s, const std::optional<qint64> &b) {
        return tr("%1 s, %2 bytes")
            .arg(s ? QLocale().toString(*s, 'f', 1) : QStringLiteral("?"),
                 b ? QString::number(*b) : QStringLiteral("?"));
    };
    if (status->role == ReplicationStatus::Role::Standby) {
        c.value = status->replayLagSeconds.value_or(-1);
        const QString text = lagText(status->replayLagSeconds, status->replayLagBytes);
        if (status->receiverStatus != QLatin1String("streaming")) {
            c.detail = tr("%1 is a standby that receives nothing from its primary (%2); replay "
                          "lag %3. Check the primary and the network between them.")
                           .arg(where, status->primaryAddress(), text);
            return c;
        }
        if (thresholds.exceeded(status->replayLagSeconds, status->replayLagBytes)) {
            c.detail = tr("%1 is a standby of %2 replaying %3 behind; the threshold is %4.")
                           .arg(where, status->primaryAddress(), text, thresholds.text());
            return c;
        }
        c.ok = true;
        c.detail = tr("%1 is a standby of %2, replay lag %3.")
                       .arg(where, status->primaryAddress(), text);
        return c;
    }
    // A primary: the worst of its standbys.
    int streaming = 0;
    std::optional<double> worstSeconds;
    std::optional<qint64> worstBytes;
    QStringList lagging;
    for (const StandbyLink &s : status->standbys) {
        if (s.state == QLatin1String("streaming"))
            ++streaming;
        if (s.replayLagSeconds && (!worstSeconds || *s.replayLagSeconds > *worstSeconds))
            worstSeconds = s.replayLagSeconds;
        if (s.replayLagBytes && (!worstBytes || *s.replayLagBytes > *worstBytes))
            worstBytes = s.replayLagBytes;
        if (thresholds.exceeded(s.replayLagSeconds, s.replayLagBytes))
            lagging << s.applicationName + QLatin1Char('@') + s.clientAddress;
    }
    c.value = worstSeconds.value_or(-1);
    if (status->standbys.isEmpty()) {
        c.ok = true;
        c.detail = tr("%1 is a primary; no standby streams from it.").arg(where);
        return c;
    }
    const QString worst = lagText(worstSeconds, worstBytes);
    if (!lagging.isEmpty()) {
        c.detail = tr("%1 is a primary with %2 of %3 standby(s) streaming; %4 replay(s) more "
                      "than %5 behind (worst %6).")
                       .arg(where,
                            QString::number(streaming),
                            QString::number(status->standbys.size()),
                            lagging.join(QStringLiteral(", ")),
                            thresholds.text(),
                            worst);
        return c;
    }
    c.ok = true;
    c.detail = tr("%1 is a primary with %2 of %3 standby(s) streaming, worst replay lag %4.")
                   .arg(where,
                        QString::number(streaming),
                        QString::number(status->standbys.size()),
                        worst);
    return c;
}

QList<OwnHealthCheck> OwnHealth::serviceChecks(const QString &connectionName,
                                               const QString &where,
                                               const QString &redisUrl,
                                               const ReplicationLagThresholds &thresholds)
{
    QList<OwnHealthCheck> checks;
    const QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    if (db.isValid() && db.driverName() == QLatin1String("QPSQL"))
        checks << checkReplication(connectionName, where, thresholds);
    if (!redisUrl.isEmpty())
        checks << checkRedis(redisUrl);
    return checks;
}

OwnHealthCheck OwnHealth::checkRedis(const QString &redisUrl, int timeoutMs)
{
    OwnHealthCheck c{OwnHealthCheck::Kind::Redis};
    const auto address = RedisAddress::parse(redisUrl);
    if (!address) {
        c.detail = address.error().toString();
        return c;
    }
    const QString hostPort
        = QStringLiteral("%1:%2").arg(address->host, QString::number(address->port));
    RedisClient redis(*address, timeoutMs);
    QElapsedTimer timer;
    timer.start();
    // Connecting is part of the answer a console waits for, as for the database.
    const auto pong = redis.command({"PING"});
    if (!pong) {
        c.detail = tr("Redis at %1 does not answer (%2). Start it, or check the profile's "
                      "Redis URL; changes wait in the outbox meanwhile.")
                       .arg(hostPort, pong.error().message);
        return c;
    }
    c.value = double(timer.nsecsElapsed()) / 1e6;
    c.ok = true;
    c.detail = tr("Redis at %1 answers PING in %2 ms.")
                   .arg(hostPort, QLocale().toString(c.value, 'f', 2));
    return c;
}

QList<OwnHealthCheck> OwnHealth::runAll(const QString &connectionName,
                                        const QString &where,
                                        const QString &settingsFolder,
                                        const SecretStore &secrets,
                                        const QString &redisUrl,
                                        const ReplicationLagThresholds &thresholds)
{
    QList<OwnHealthCheck> checks{checkDatabase(connectionName, where),
                                 checkSettingsFolder(settingsFolder),
                                 checkKeychain(secrets),
                                 checkMemory()};
    return checks + serviceChecks(connectionName, where, redisUrl, thresholds);
}

} // namespace mcphub
