#include "storage/ownhealth.h"

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

QList<OwnHealthCheck> OwnHealth::runAll(const QString &connectionName,
                                        const QString &where,
                                        const QString &settingsFolder,
                                        const SecretStore &secrets)
{
    return {checkDatabase(connectionName, where),
            checkSettingsFolder(settingsFolder),
            checkKeychain(secrets),
            checkMemory()};
}

} // namespace mcphub
