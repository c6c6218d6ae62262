#include "storage/db/profilestore.h"

#include "storage/logging.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <QSettings>

#include <memory>

namespace mcphub {

namespace {

// Passwords the keychain refused, for this session only (never written anywhere).
QHash<QString, QString> &sessionPasswords()
{
    static QHash<QString, QString> passwords;
    return passwords;
}

QMutex &sessionMutex()
{
    static QMutex mutex;
    return mutex;
}

std::unique_ptr<QSettings> openSettings(const QString &file)
{
    // A fixed organisation/application so that the console and mcphub-adminctl (whose
    // application name differs) share the profiles.
    if (file.isEmpty())
        return std::make_unique<QSettings>(
            QSettings::UserScope, QStringLiteral("MCPHub"), QStringLiteral("mcphub-admin"));
    return std::make_unique<QSettings>(file, QSettings::IniFormat);
}

const QString kGroup = QStringLiteral("profiles");

Error noSuchProfile(const QString &name)
{
    return Error::make(
        Error::Code::NotFound,
        QCoreApplication::translate("ProfileStore",
                                    "There is no connection profile with this name. List them with "
                                    "\"mcphub-adminctl profile list\"."),
        name);
}

} // namespace

ProfileStore::ProfileStore(QString settingsFile, SecretStore secrets)
    : m_settingsFile(std::move(settingsFile))
    , m_secrets(std::move(secrets))
{}

QString ProfileStore::settingsFileName() const
{
    return openSettings(m_settingsFile)->fileName();
}

QString ProfileStore::secretKey(const QString &name)
{
    return QStringLiteral("profile/") + name;
}

Result<void> ProfileStore::checkName(const QString &name)
{
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")));
    if (!pattern.match(name).hasMatch()) {
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate(
                               "ProfileStore",
                               "A profile name is 1 to 64 letters, digits, '.', '_' or '-', "
                               "starting with a letter or digit."),
                           name);
    }
    return {};
}

QStringList ProfileStore::names() const
{
    auto settings = openSettings(m_settingsFile);
    settings->beginGroup(kGroup);
    QStringList result = settings->childGroups();
    result.sort();
    return result;
}

bool ProfileStore::contains(const QString &name) const
{
    return names().contains(name);
}

Result<void> ProfileStore::saveSettings(const ConnectionProfile &profile)
{
    if (auto r = checkName(profile.name); !r)
        return r.error();
    {
        auto settings = openSettings(m_settingsFile);
        settings->beginGroup(kGroup + QLatin1Char('/') + profile.name);
        settings->remove(QString());
        const bool sqlite = profile.kind == ConnectionProfile::Kind::Sqlite;
        settings->setValue(QStringLiteral("kind"),
                           sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgres"));
        if (sqlite) {
            settings->setValue(QStringLiteral("path"), profile.sqlitePath);
        } else {
            settings->setValue(QStringLiteral("hosts"), profile.hosts.join(QLatin1Char(',')));
            settings->setValue(QStringLiteral("port"), profile.port);
            if (!profile.hostPorts.isEmpty()) {
                QStringList ports;
                for (int p : profile.hostPorts)
                    ports << QString::number(p);
                settings->setValue(QStringLiteral("hostPorts"), ports.join(QLatin1Char(',')));
            }
            settings->setValue(QStringLiteral("database"), profile.database);
            settings->setValue(QStringLiteral("user"), profile.user);
            settings->setValue(QStringLiteral("sslmode"), profile.sslMode);
            settings->setValue(QStringLiteral("connectTimeout"), profile.connectTimeout);
            settings->setValue(QStringLiteral("applicationName"), profile.applicationName);
            if (profile.mcphubDatabase)
                settings->setValue(QStringLiteral("workspace"), QStringLiteral("mcphub"));
        }
        settings->setValue(QStringLiteral("readOnly"), profile.readOnly);
        if (!profile.boundSettingsPath.isEmpty())
            settings->setValue(QStringLiteral("boundSettings"), profile.boundSettingsPath);
        if (!profile.failoverMonitor.isEmpty())
            settings->setValue(QStringLiteral("failoverMonitor"), profile.failoverMonitor);
        if (!profile.redisUrl.isEmpty())
            settings->setValue(QStringLiteral("redis"), profile.redisUrl);
        settings->endGroup();
        settings->sync();
        if (settings->status() != QSettings::NoError) {
            return Error::make(Error::Code::Io,
                               QCoreApplication::translate(
                                   "ProfileStore",
                                   "Cannot write the profile settings. Check the permissions of "
                                   "the settings file."),
                               settings->fileName());
        }
    }
    return {};
}

QString ProfileStore::keptInMemory(const QString &name, const Error &error)
{
    qCWarning(lcKeychain) << "profile password kept in memory:" << error.toString();
    return QCoreApplication::translate(
               "ProfileStore",
               "The system keychain is not available, so the password of profile \"%1\" is kept "
               "in memory for this session only and will be asked for again next time (%2).")
        .arg(name, error.detail.isEmpty() ? error.message : error.detail);
}

Result<QString> ProfileStore::save(const ConnectionProfile &profile)
{
    if (auto saved = saveSettings(profile); !saved)
        return saved.error();
    if (profile.password.isEmpty())
        return QString();
    const auto stored = m_secrets.write(secretKey(profile.name), profile.password);
    QMutexLocker lock(&sessionMutex());
    if (stored) {
        sessionPasswords().remove(profile.name);
        return QString();
    }
    sessionPasswords().insert(profile.name, profile.password);
    return keptInMemory(profile.name, stored.error());
}

Result<void>
ProfileStore::saveAsync(const ConnectionProfile &profile, QObject *context, SaveDone done)
{
    if (auto saved = saveSettings(profile); !saved)
        return saved.error();
    if (profile.password.isEmpty()) {
        done({});
        return {};
    }
    // Until the keychain answers, this session opens the profile with the typed password.
    {
        QMutexLocker lock(&sessionMutex());
        sessionPasswords().insert(profile.name, profile.password);
    }
    const QString name = profile.name;
    m_secrets.writeAsync(
        secretKey(name), profile.password, context, [name, done](const Result<void> &stored) {
            if (stored) {
                QMutexLocker lock(&sessionMutex());
                sessionPasswords().remove(name);
                done({});
                return;
            }
            done(keptInMemory(name, stored.error()));
        });
    return {};
}

Result<ConnectionProfile> ProfileStore::loadWithoutPassword(const QString &name) const
{
    auto settings = openSettings(m_settingsFile);
    settings->beginGroup(kGroup);
    if (!settings->childGroups().contains(name))
        return noSuchProfile(name);
    settings->beginGroup(name);
    ConnectionProfile profile;
    profile.name = name;
    if (settings->value(QStringLiteral("kind")).toString() == QLatin1String("postgres")) {
        profile.kind = ConnectionProfile::Kind::Postgres;
        profile.hosts = settings->value(QStringLiteral("hosts"))
                            .toString()
                            .split(QLatin1Char(','), Qt::SkipEmptyParts);
        profile.port = settings->value(QStringLiteral("port"), 5432).toInt();
        for (const QString &p : settings->value(QStringLiteral("hostPorts"))
                                    .toString()
                                    .split(QLatin1Char(','), Qt::SkipEmptyParts))
            profile.hostPorts << p.toInt();
        if (profile.hostPorts.size() != profile.hosts.size())
            profile.hostPorts.clear();
        profile.database = settings->value(QStringLiteral("database")).toString();
        profile.user = settings->value(QStringLiteral("user")).toString();
        profile.sslMode = settings->value(QStringLiteral("sslmode")).toString();
        profile.connectTimeout = settings->value(QStringLiteral("connectTimeout"), 10).toInt();
        profile.applicationName = settings->value(QStringLiteral("applicationName")).toString();
        profile.mcphubDatabase
            = settings->value(QStringLiteral("workspace")).toString() == QLatin1String("mcphub");
    } else {
        profile.kind = ConnectionProfile::Kind::Sqlite;
        profile.sqlitePath = settings->value(QStringLiteral("path")).toString();
    }
    profile.readOnly = settings->value(QStringLiteral("readOnly"), false).toBool();
    profile.boundSettingsPath = settings->value(QStringLiteral("boundSettings")).toString();
    profile.failoverMonitor = settings->value(QStringLiteral("failoverMonitor")).toString();
    profile.redisUrl = settings->value(QStringLiteral("redis")).toString();
    return profile;
}

bool ProfileStore::takeSessionPassword(ConnectionProfile &profile)
{
    if (profile.kind == ConnectionProfile::Kind::Sqlite)
        return true; // a file: no password
    QMutexLocker lock(&sessionMutex());
    if (!sessionPasswords().contains(profile.name))
        return false;
    profile.password = sessionPasswords().value(profile.name);
    return true;
}

void ProfileStore::takeKeychainPassword(ConnectionProfile &profile,
                                        const Result<QString> &password,
                                        QString *warning)
{
    if (password) {
        profile.password = *password;
    } else if (password.error().code != Error::Code::NotFound && warning) {
        *warning = QCoreApplication::translate(
                       "ProfileStore",
                       "The password of profile \"%1\" could not be read from the system "
                       "keychain: %2")
                       .arg(profile.name, password.error().message);
    }
}

Result<ConnectionProfile> ProfileStore::load(const QString &name, QString *warning) const
{
    auto profile = loadWithoutPassword(name);
    if (!profile || takeSessionPassword(*profile))
        return profile;
    takeKeychainPassword(*profile, m_secrets.read(secretKey(name)), warning);
    return profile;
}

void ProfileStore::loadAsync(const QString &name, QObject *context, LoadDone done) const
{
    auto profile = loadWithoutPassword(name);
    if (!profile || takeSessionPassword(*profile)) {
        done(profile, {});
        return;
    }
    m_secrets.readAsync(secretKey(name),
                        context,
                        [loaded = *profile, done](const Result<QString> &password) mutable {
                            QString warning;
                            takeKeychainPassword(loaded, password, &warning);
                            done(loaded, warning);
                        });
}

Result<void> ProfileStore::setBoundSettingsPath(const QString &name, const QString &path)
{
    auto settings = openSettings(m_settingsFile);
    settings->beginGroup(kGroup);
    if (!settings->childGroups().contains(name))
        return noSuchProfile(name);
    settings->beginGroup(name);
    if (path.isEmpty())
        settings->remove(QStringLiteral("boundSettings"));
    else
        settings->setValue(QStringLiteral("boundSettings"), QFileInfo(path).absoluteFilePath());
    settings->endGroup();
    settings->endGroup();
    settings->sync();
    if (settings->status() != QSettings::NoError) {
        return Error::make(Error::Code::Io,
                           QCoreApplication::translate(
                               "ProfileStore",
                               "Cannot write the profile settings. Check the permissions of "
                               "the settings file."),
                           settings->fileName());
    }
    return {};
}

Result<void> ProfileStore::remove(const QString &name)
{
    {
        auto settings = openSettings(m_settingsFile);
        settings->beginGroup(kGroup);
        if (!settings->childGroups().contains(name))
            return noSuchProfile(name);
        settings->remove(name);
        settings->sync();
    }
    {
        QMutexLocker lock(&sessionMutex());
        sessionPasswords().remove(name);
    }
    const auto removed = m_secrets.remove(secretKey(name));
    if (!removed && removed.error().code != Error::Code::NotFound)
        qCWarning(lcKeychain) << "cannot remove profile password" << removed.error().toString();
    return {};
}

Result<void> ProfileStore::removeAsync(const QString &name, QObject *context)
{
    {
        auto settings = openSettings(m_settingsFile);
        settings->beginGroup(kGroup);
        if (!settings->childGroups().contains(name))
            return noSuchProfile(name);
        settings->remove(name);
        settings->sync();
    }
    {
        QMutexLocker lock(&sessionMutex());
        sessionPasswords().remove(name);
    }
    m_secrets.removeAsync(secretKey(name), context, [name](const Result<void> &removed) {
        if (!removed && removed.error().code != Error::Code::NotFound)
            qCWarning(lcKeychain) << "cannot remove profile password" << removed.error().toString();
    });
    return {};
}

} // namespace mcphub
