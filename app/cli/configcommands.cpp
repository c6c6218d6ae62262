#include "app/cli/configcommands.h"

#include "app/cli/hubtelling.h"
#include "app/cli/workspaceoptions.h"
#include "storage/db/systemconfigrepository.h"
#include "storage/db/workspacecapabilities.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

namespace mcphub::cli {

namespace {

// The texts' translation context, declared so that lupdate files them under it (a tr()
// helper calling translate() was filed under the enclosing namespace or class).
struct ConfigCommandTexts
{
    Q_DECLARE_TR_FUNCTIONS(ConfigCommand)
};

int runConfig(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(ConfigCommandTexts::tr(
        "Show and change MCPHub's system configuration (systemConfig: routing, install, "
        "smartRouting, nameSeparator, oauthServer, ...), one top-level key at a time.\n"
        "  list              the keys, each with its size and kind of value (no values:\n"
        "                    sections hold secrets such as OAuth client secrets)\n"
        "  get KEY           the key's JSON value as stored\n"
        "  set KEY JSON      set the key to this JSON value (\"-\": read it from standard\n"
        "                    input)\n"
        "  unset KEY         remove the key (in MCPHub's database: set its column NULL)\n"
        "In MCPHub's database the keys are the columns of its system_config row; other "
        "keys are refused."));
    const QCommandLineOption help = parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"),
                                 ConfigCommandTexts::tr("list, get, set or unset."),
                                 QStringLiteral("list|get KEY|set KEY JSON|unset KEY"));
    const QCommandLineOption noApply = noApplyOption();
    parser.addOption(noApply);
    const WorkspaceOptions workspaceOptions;
    workspaceOptions.addTo(parser);
    if (const int code = parseCommandLine(parser, QStringLiteral("config"), arguments, help);
        code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const int expected = action == QLatin1String("list")                                      ? 1
                         : action == QLatin1String("set")                                     ? 3
                         : action == QLatin1String("get") || action == QLatin1String("unset") ? 2
                                                                                              : -1;
    if (expected < 0 || positional.size() != expected) {
        return fail(ConfigCommandTexts::tr(
                        "say list, get KEY, set KEY JSON or unset KEY. Run \"%1 config --help\".")
                        .arg(QCoreApplication::applicationName()));
    }
    const QString key = positional.value(1);

    // The value is read and checked before the workspace is opened: no transaction waits on
    // standard input, and a typo is said with its line and column.
    QString value;
    if (action == QLatin1String("set")) {
        QString source = ConfigCommandTexts::tr("the JSON argument");
        value = positional.value(2);
        if (value == QLatin1String("-")) {
            QFile in;
            if (!in.open(stdin, QIODevice::ReadOnly))
                return fail(ConfigCommandTexts::tr("cannot read the value from standard input."));
            value = QString::fromUtf8(in.readAll());
            source = ConfigCommandTexts::tr("standard input");
        }
        if (const auto parsed = SystemConfigRepository::parseValue(value, source); !parsed)
            return fail(parsed.error().toString());
    }

    QStringList warnings;
    auto ws = workspaceOptions.open(parser, QStringLiteral("mcphub-adminctl"), &warnings);
    for (const QString &w : std::as_const(warnings))
        err() << ConfigCommandTexts::tr("warning: ") << w << Qt::endl;
    if (!ws)
        return fail(ws.error().toString());
    SystemConfigRepository config(ws->context());
    const WorkspaceCapabilities capabilities(ws->context().kind);
    int code = ExitOk;
    if (action == QLatin1String("list")) {
        const auto listing = config.list();
        if (!listing) {
            code = fail(listing.error().toString());
        } else {
            for (const SystemConfigEntry &e : listing->entries) {
                out() << QStringLiteral("%1  %2  %3")
                             .arg(e.key.leftJustified(22),
                                  ConfigCommandTexts::tr(
                                      "%n byte(s)", nullptr, int(e.value.toUtf8().size()))
                                      .leftJustified(12),
                                  SystemConfigRepository::summary(e.value))
                      << Qt::endl;
            }
            for (const QString &finding : listing->findings)
                err() << finding << Qt::endl;
            if (!listing->findings.isEmpty())
                code = ExitFindings;
        }
    } else if (action == QLatin1String("get")) {
        if (!capabilities.storesSystemConfigKey(key)) {
            code = fail(capabilities
                            .notStored(QStringLiteral("systemConfig"),
                                       key,
                                       QStringLiteral("system-config/") + key)
                            .toString());
        } else if (const auto found = config.find(key); !found) {
            code = fail(found.error().toString());
        } else if (!found->has_value()) {
            code = fail(ConfigCommandTexts::tr(
                            "system-config/%1: the system configuration has no such key.")
                            .arg(key));
        } else {
            out() << (*found)->value << Qt::endl;
            if (!(*found)->problem.isEmpty()) {
                err() << (*found)->problem << Qt::endl;
                code = ExitFindings;
            }
        }
    } else {
        const bool setting = action == QLatin1String("set");
        SystemConfigEntry entry;
        entry.key = key;
        entry.value = value;
        const auto done = setting ? config.set(entry) : config.remove(key);
        if (!done) {
            code = fail(done.error().toString());
        } else {
            out() << (setting ? ConfigCommandTexts::tr("Set %1.")
                              : ConfigCommandTexts::tr("Removed %1."))
                         .arg(key)
                  << Qt::endl;
            // What a running hub does with it (mcphub-dbmode.md §2.3, §2.4, §8.3-4).
            if (const QString effect = capabilities.systemConfigEffect(key); !effect.isEmpty())
                out() << ConfigCommandTexts::tr("Note: ") << effect << Qt::endl;
            // What a running hub caches at boot is re-read when told (PUT /api/system-config).
            if (HubChange::refreshesSystemConfig(key) && !parser.isSet(noApply)) {
                const auto separator = config.find(QStringLiteral("nameSeparator"));
                QString stored = QStringLiteral("-"); // MCPHub's default
                if (separator && separator->has_value()) {
                    const auto v = SystemConfigRepository::parseValue((*separator)->value, key);
                    if (v && v->is_string())
                        stored = QString::fromStdString(v->get<std::string>());
                }
                code = qMax(
                    code, tellLinkedHubs(ws->context(), {HubChange::refreshSystemConfig(stored)}));
            }
            if (ws->binding() && ws->binding()->saveCount() > 0)
                out() << ConfigCommandTexts::tr("Saved to the bound settings file %1 too.")
                             .arg(ws->binding()->path())
                      << Qt::endl;
        }
    }
    ws->close();
    return code;
}

} // namespace

CliCommand configCommand()
{
    return {QStringLiteral("config"),
            ConfigCommandTexts::tr("Show and change MCPHub's system configuration (systemConfig)."),
            runConfig};
}

} // namespace mcphub::cli
