#include "app/cli/profilecommands.h"

#include "storage/db/profilestore.h"
#include "storage/live/redisclient.h"
#include "storage/migration/settingsfilebinding.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace mcphub::cli {

namespace {

QString describe(const ConnectionProfile &p)
{
    QString text
        = p.kind == ConnectionProfile::Kind::Sqlite
              ? QStringLiteral("sqlite %1").arg(p.sqlitePath)
              : QStringLiteral("%5 host=%1 port=%2 dbname=%3 user=%4")
                    .arg(p.hosts.join(QLatin1Char(',')),
                         QString::number(p.port),
                         p.database,
                         p.user,
                         p.mcphubDatabase ? QStringLiteral("hub-db") : QStringLiteral("postgres"));
    if (p.kind == ConnectionProfile::Kind::Postgres && !p.sslMode.isEmpty())
        text += QStringLiteral(" sslmode=") + p.sslMode;
    if (p.readOnly)
        text += QLatin1Char(' ') + QCoreApplication::translate("ProfileCommand", "(read-only)");
    if (!p.boundSettingsPath.isEmpty())
        text += QLatin1Char(' ')
                + QCoreApplication::translate("ProfileCommand", "dual-write: %1")
                      .arg(p.boundSettingsPath);
    if (!p.failoverMonitor.isEmpty())
        text += QLatin1Char(' ')
                + QCoreApplication::translate("ProfileCommand", "monitor: %1")
                      .arg(p.failoverMonitor);
    return text;
}

int runProfile(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "ProfileCommand",
        "Manage saved connection profiles. Passwords go to the system keychain only.\n"
        "  list                                   the profiles\n"
        "  add NAME --sqlite PATH | --pg CONNINFO  save a profile (replaces one of that "
        "name)\n"
        "  add NAME --hub-db CONNINFO             save a profile of MCPHub's own database\n"
        "  remove NAME                            delete a profile and its password\n"
        "  bind NAME SETTINGS.json                dual-write: every change saved through the\n"
        "                                         profile also goes to this MCPHub settings\n"
        "                                         file, in the same unit (a failed file save\n"
        "                                         rolls the database back)\n"
        "  unbind NAME                            stop writing the settings file"));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption sqlite(
        QStringLiteral("sqlite"),
        QCoreApplication::translate("ProfileCommand", "An SQLite file."),
        QCoreApplication::translate("ProfileCommand", "path"));
    const QCommandLineOption pg(
        QStringLiteral("pg"),
        QCoreApplication::translate("ProfileCommand", "A PostgreSQL connection string or URI."),
        QCoreApplication::translate("ProfileCommand", "conninfo"));
    const QCommandLineOption readOnly(
        QStringLiteral("read-only"),
        QCoreApplication::translate("ProfileCommand", "Never write through this profile."));
    const QCommandLineOption passwordStdin(
        QStringLiteral("password-stdin"),
        QCoreApplication::translate("ProfileCommand",
                                    "Read the password from the first line of "
                                    "standard input."));
    const QCommandLineOption hubDb(
        QStringLiteral("hub-db"),
        QCoreApplication::translate("ProfileCommand",
                                    "MCPHub's own PostgreSQL database (a hub in database mode): "
                                    "a connection string or URI."),
        QCoreApplication::translate("ProfileCommand", "conninfo"));
    // Issue 16: the profile's Redis (config:update), kept with it.
    const QCommandLineOption redis(
        QStringLiteral("redis"),
        QCoreApplication::translate("ProfileCommand",
                                    "Publish this workspace's changes to this Redis: "
                                    "redis://host:port[/db]."),
        QCoreApplication::translate("ProfileCommand", "url"));
    parser.addOptions({sqlite, pg, hubDb, readOnly, passwordStdin, redis});
    const QCommandLineOption monitor(
        QStringLiteral("monitor"),
        QCoreApplication::translate("ProfileCommand",
                                    "PostgreSQL: the conninfo of the pg_auto_failover monitor "
                                    "of the server's formation (shown by \"db replication\" "
                                    "and the Replication page)."),
        QCoreApplication::translate("ProfileCommand", "conninfo"));
    parser.addOption(monitor);
    parser.addPositionalArgument(
        QStringLiteral("action"),
        QCoreApplication::translate("ProfileCommand", "list, add, remove, bind or unbind."),
        QStringLiteral("list|add|remove|bind|unbind [NAME] [SETTINGS.json]"));
    if (const int code = parseCommandLine(parser, QStringLiteral("profile"), arguments, help);
        code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    ProfileStore store;

    if (action == QLatin1String("list") && positional.size() == 1) {
        for (const QString &name : store.names()) {
            QString warning;
            const auto p = store.load(name, &warning);
            out() << name << "  " << (p ? describe(*p) : p.error().toString()) << Qt::endl;
        }
        return ExitOk;
    }
    if (action == QLatin1String("remove") && positional.size() == 2) {
        if (auto r = store.remove(positional.at(1)); !r)
            return fail(r.error().toString());
        out() << QCoreApplication::translate("ProfileCommand", "Removed profile %1.")
                     .arg(positional.at(1))
              << Qt::endl;
        return ExitOk;
    }
    if (action == QLatin1String("bind") && positional.size() == 3) {
        const QString name = positional.at(1);
        const QString path = QFileInfo(positional.at(2)).absoluteFilePath();
        if (!store.contains(name)) {
            return fail(QCoreApplication::translate(
                            "ProfileCommand",
                            "%1: there is no connection profile with this name. List them with "
                            "\"%2 profile list\".")
                            .arg(name, QCoreApplication::applicationName()));
        }
        if (const auto existing = store.load(name); existing && existing->mcphubDatabase) {
            return fail(QCoreApplication::translate(
                            "ProfileCommand",
                            "%1 is MCPHub's own database, which cannot be bound to a settings "
                            "file: a hub in database mode does not read its settings file "
                            "after the first start.")
                            .arg(name));
        }
        if (auto bindable = SettingsFileBinding::checkBindable(path); !bindable)
            return fail(bindable.error().toString());
        if (auto bound = store.setBoundSettingsPath(name, path); !bound)
            return fail(bound.error().toString());
        out() << QCoreApplication::translate(
                     "ProfileCommand",
                     "Bound profile %1 to %2: every change saved through the profile is "
                     "written to the database and to the file as one unit.")
                     .arg(name, path)
              << Qt::endl;
        if (!QFileInfo::exists(path))
            out() << QCoreApplication::translate("ProfileCommand",
                                                 "The file does not exist yet; the first change "
                                                 "creates it with what the database holds.")
                  << Qt::endl;
        return ExitOk;
    }
    if (action == QLatin1String("unbind") && positional.size() == 2) {
        const QString name = positional.at(1);
        QString warning;
        const auto profile = store.load(name, &warning);
        if (!profile)
            return fail(profile.error().toString());
        if (profile->boundSettingsPath.isEmpty()) {
            out() << QCoreApplication::translate("ProfileCommand",
                                                 "Profile %1 is not bound to a settings file.")
                         .arg(name)
                  << Qt::endl;
            return ExitOk;
        }
        if (auto unbound = store.setBoundSettingsPath(name, {}); !unbound)
            return fail(unbound.error().toString());
        out() << QCoreApplication::translate(
                     "ProfileCommand",
                     "Unbound profile %1: changes no longer go to %2 (the file stays as it is).")
                     .arg(name, profile->boundSettingsPath)
              << Qt::endl;
        return ExitOk;
    }
    if (action == QLatin1String("add") && positional.size() == 2) {
        if (int(parser.isSet(sqlite)) + int(parser.isSet(pg)) + int(parser.isSet(hubDb)) != 1)
            return fail(QCoreApplication::translate(
                "ProfileCommand",
                "give one of --sqlite PATH, --pg CONNINFO and --hub-db CONNINFO."));
        QStringList warnings;
        ConnectionProfile profile;
        if (parser.isSet(sqlite)) {
            profile = ConnectionProfile::sqliteFile(parser.value(sqlite));
        } else {
            auto parsed = ConnectionProfile::fromConninfo(
                parser.value(parser.isSet(pg) ? pg : hubDb), &warnings);
            if (!parsed)
                return fail(parsed.error().toString());
            profile = *parsed;
            profile.mcphubDatabase = parser.isSet(hubDb);
            if (!profile.password.isEmpty())
                warnings.clear(); // the password goes to the keychain, which is what we advise
        }
        profile.name = positional.at(1);
        profile.readOnly = parser.isSet(readOnly);
        if (parser.isSet(monitor)) {
            if (profile.kind != ConnectionProfile::Kind::Postgres)
                return fail(QCoreApplication::translate(
                    "ProfileCommand", "--monitor: only a PostgreSQL profile has a formation."));
            if (const auto parsed = ConnectionProfile::fromConninfo(parser.value(monitor));
                !parsed) {
                return fail(QStringLiteral("--monitor: ") + parsed.error().toString());
            }
            profile.failoverMonitor = parser.value(monitor);
        }
        if (parser.isSet(redis)) {
            if (const auto address = RedisAddress::parse(parser.value(redis)); !address)
                return fail(address.error().toString());
            profile.redisUrl = parser.value(redis);
        }
        // Replacing a profile (a new password, another host) keeps its dual-write binding: a
        // bound file that silently stopped following the database would drift unnoticed.
        if (store.contains(profile.name)) {
            if (const auto existing = store.load(profile.name);
                existing && !profile.mcphubDatabase && !existing->boundSettingsPath.isEmpty()) {
                profile.boundSettingsPath = existing->boundSettingsPath;
            }
        }
        if (parser.isSet(passwordStdin)) {
            QFile in;
            if (!in.open(stdin, QIODevice::ReadOnly))
                return fail(QCoreApplication::translate(
                    "ProfileCommand", "cannot read the password from standard input."));
            profile.password = QString::fromUtf8(in.readLine())
                                   .remove(QLatin1Char('\n'))
                                   .remove(QLatin1Char('\r'));
        }
        const auto saved = store.save(profile);
        if (!saved)
            return fail(saved.error().toString());
        for (const QString &w : std::as_const(warnings))
            err() << QCoreApplication::translate("ProfileCommand", "warning: ") << w << Qt::endl;
        if (!saved->isEmpty())
            err() << QCoreApplication::translate("ProfileCommand", "warning: ") << *saved
                  << Qt::endl;
        out() << QCoreApplication::translate("ProfileCommand", "Saved profile %1: %2")
                     .arg(profile.name, describe(profile))
              << Qt::endl;
        return ExitOk;
    }
    return fail(
        QCoreApplication::translate("ProfileCommand",
                                    "say list, add NAME, remove NAME, bind NAME SETTINGS.json or "
                                    "unbind NAME. Run \"%1 profile --help\".")
            .arg(QCoreApplication::applicationName()));
}

} // namespace

CliCommand profileCommand()
{
    return {QStringLiteral("profile"),
            QCoreApplication::translate("ProfileCommand",
                                        "List, add, remove, bind or unbind connection profiles."),
            runProfile};
}

} // namespace mcphub::cli
