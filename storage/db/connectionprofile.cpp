#include "storage/db/connectionprofile.h"

#include <QCoreApplication>
#include <QDir>

#include <libpq-fe.h>

namespace mcphub {

namespace {

// Quotes a libpq keyword value: 'a b' with \' and \\ escaped.
QString pqValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace

ConnectionProfile ConnectionProfile::sqliteFile(const QString &path)
{
    ConnectionProfile profile;
    profile.kind = Kind::Sqlite;
    profile.sqlitePath = path;
    return profile;
}

Result<ConnectionProfile> ConnectionProfile::fromConninfo(const QString &conninfo,
                                                          QStringList *warnings)
{
    // libpq's own parser: the exact grammar psql accepts, URIs and percent-encoding included.
    char *errmsg = nullptr;
    PQconninfoOption *options = PQconninfoParse(conninfo.toUtf8().constData(), &errmsg);
    if (!options) {
        const QString detail = errmsg ? QString::fromUtf8(errmsg).trimmed() : QString();
        PQfreemem(errmsg);
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate(
                               "ConnectionProfile",
                               "The PostgreSQL connection string is not valid. Write it as "
                               "\"host=... port=... dbname=... user=...\" or as a "
                               "postgresql://user@host:port/dbname URI."),
                           QStringLiteral("--pg"),
                           detail);
    }
    ConnectionProfile profile;
    profile.kind = Kind::Postgres;
    profile.connectTimeout = 10;
    QStringList unsupported;
    QStringList ports;
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        if (!o->val)
            continue;
        const QString key = QString::fromUtf8(o->keyword);
        const QString value = QString::fromUtf8(o->val);
        if (key == QLatin1String("host") || key == QLatin1String("hostaddr")) {
            if (profile.hosts.isEmpty() || key == QLatin1String("host"))
                profile.hosts = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        } else if (key == QLatin1String("port")) {
            // libpq allows one port per host ("a,b:5433" gives ",5433", an empty one being
            // the default): kept per host when they differ (see the end).
            ports = value.split(QLatin1Char(','));
            for (QString &p : ports) {
                p = p.trimmed();
                if (p.isEmpty())
                    p = QStringLiteral("5432");
                bool numeric = false;
                const int n = p.toInt(&numeric);
                if (!numeric || n <= 0 || n > 65535) {
                    PQconninfoFree(options);
                    return Error::make(Error::Code::Invalid,
                                       QCoreApplication::translate(
                                           "ConnectionProfile",
                                           "The port in the PostgreSQL connection string is "
                                           "not a number from 1 to 65535."),
                                       QStringLiteral("--pg"),
                                       value);
                }
            }
            // The port for every host: the first one given ("a,b:5433" is 5433 for both when
            // the list does not fit the hosts).
            for (const QString &given : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                profile.port = given.trimmed().toInt();
                break;
            }
        } else if (key == QLatin1String("dbname")) {
            profile.database = value;
        } else if (key == QLatin1String("user")) {
            profile.user = value;
        } else if (key == QLatin1String("password")) {
            profile.password = value;
            if (warnings) {
                warnings->append(QCoreApplication::translate(
                    "ConnectionProfile",
                    "The connection string contains a password; it may be visible to other "
                    "users of this machine. Store it in a profile instead "
                    "(mcphub-adminctl profile add), which keeps it in the system keychain."));
            }
        } else if (key == QLatin1String("sslmode")) {
            profile.sslMode = value;
        } else if (key == QLatin1String("connect_timeout")) {
            profile.connectTimeout = value.toInt();
        } else if (key == QLatin1String("application_name")) {
            profile.applicationName = value;
        } else if (key != QLatin1String("target_session_attrs")) {
            unsupported << key;
        }
    }
    PQconninfoFree(options);
    if (!unsupported.isEmpty() && warnings) {
        warnings->append(QCoreApplication::translate("ConnectionProfile",
                                                     "These connection settings are ignored: %1.")
                             .arg(unsupported.join(QStringLiteral(", "))));
    }
    if (profile.port <= 0)
        profile.port = 5432;
    if (profile.hosts.isEmpty())
        profile.hosts << QStringLiteral("localhost");
    if (QStringList distinct = ports; distinct.removeDuplicates(), distinct.size() > 1) {
        if (ports.size() == profile.hosts.size()) {
            for (const QString &p : std::as_const(ports))
                profile.hostPorts << p.toInt();
        } else if (warnings) {
            warnings->append(QCoreApplication::translate(
                                 "ConnectionProfile",
                                 "The connection string gives %1 ports for %2 hosts; port %3 is "
                                 "used for every host.")
                                 .arg(QString::number(ports.size()),
                                      QString::number(profile.hosts.size()),
                                      QString::number(profile.port)));
        }
    }
    if (profile.database.isEmpty())
        profile.database = profile.user;
    return profile;
}

SqlConnectionSpec ConnectionProfile::toSpec() const
{
    if (kind == Kind::Sqlite) {
        SqlConnectionSpec spec = SqlConnectionSpec::sqlite(sqlitePath);
        spec.connectOptions = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(sqliteBusyTimeoutMs);
        return spec;
    }
    SqlConnectionSpec spec;
    spec.driver = SqlConnectionSpec::Driver::Postgres;
    // QPSQL quotes the host and hands it to libpq, which takes a comma-separated list.
    spec.host = hosts.join(QLatin1Char(','));
    spec.port = port;
    spec.databaseName = database;
    spec.userName = user;
    spec.password = password;
    QStringList options;
    if (!hostPorts.isEmpty()) {
        // QPSQL passes one port; libpq takes a list, one per host, as a connect option.
        QStringList ports;
        for (int p : hostPorts)
            ports << QString::number(p);
        spec.port = -1;
        options << QStringLiteral("port=") + ports.join(QLatin1Char(','));
    }
    if (!sslMode.isEmpty())
        options << QStringLiteral("sslmode=") + pqValue(sslMode);
    if (connectTimeout > 0)
        options << QStringLiteral("connect_timeout=%1").arg(connectTimeout);
    // A server that stops answering without closing the connection (a network cut, a frozen
    // host: what a failover is about) is noticed within about a minute, not after the
    // kernel's ~15 minutes of retransmissions: TCP keepalives on an idle connection, and
    // TCP_USER_TIMEOUT for what was sent and not acknowledged (Linux; elsewhere libpq
    // ignores what the system lacks).
    options << QStringLiteral("keepalives=1") << QStringLiteral("keepalives_idle=30")
            << QStringLiteral("keepalives_interval=10") << QStringLiteral("keepalives_count=3")
            << QStringLiteral("tcp_user_timeout=60000");
    if (!applicationName.isEmpty())
        options << QStringLiteral("application_name=") + pqValue(applicationName);
    if (hosts.size() > 1)
        options << QStringLiteral("target_session_attrs=read-write");
    spec.connectOptions = options.join(QLatin1Char(';'));
    return spec;
}

QString ConnectionProfile::displayName() const
{
    if (!name.isEmpty())
        return QCoreApplication::translate("ConnectionProfile", "profile \"%1\"").arg(name);
    if (kind == Kind::Sqlite)
        return QDir::toNativeSeparators(sqlitePath);
    QString place = QStringLiteral("postgresql://%1@%2:%3/%4")
                        .arg(user, hosts.join(QLatin1Char(',')), QString::number(port), database);
    if (!hostPorts.isEmpty() && hostPorts.size() == hosts.size()) {
        QStringList pairs;
        for (qsizetype i = 0; i < hosts.size(); ++i)
            pairs << QStringLiteral("%1:%2").arg(hosts.at(i), QString::number(hostPorts.at(i)));
        place = QStringLiteral("postgresql://%1@%2/%3")
                    .arg(user, pairs.join(QLatin1Char(',')), database);
    }
    if (mcphubDatabase)
        return QCoreApplication::translate("ConnectionProfile", "MCPHub database %1").arg(place);
    return place;
}

} // namespace mcphub
