#include "app/cli/servercommands.h"

#include "app/cli/hubtelling.h"

#include "app/cli/fieldassignments.h"
#include "app/cli/workspaceoptions.h"
#include "storage/db/serverfields.h"
#include "storage/db/serverrepository.h"
#include "storage/db/workspacecapabilities.h"
#include "storage/nametext.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace mcphub::cli {

namespace {

// The texts' translation context, declared so that lupdate files them under it (a tr()
// helper calling translate() was filed under the enclosing namespace or class).
struct ServerCommandTexts
{
    Q_DECLARE_TR_FUNCTIONS(ServerCommand)
};

const QString kEntity = QStringLiteral("mcpServers");

// The fields "server set" takes, in the editors' order (WorkspaceCapabilities' names).
QList<QPair<QString, FieldForm>> settableFields()
{
    return {{QStringLiteral("type"), FieldForm::Text},
            {QStringLiteral("enabled"), FieldForm::Bool},
            {QStringLiteral("description"), FieldForm::Text},
            {QStringLiteral("owner"), FieldForm::Text},
            {QStringLiteral("command"), FieldForm::Text},
            {QStringLiteral("args"), FieldForm::StringList},
            {QStringLiteral("env"), FieldForm::JsonObject},
            {QStringLiteral("url"), FieldForm::Text},
            {QStringLiteral("headers"), FieldForm::JsonObject},
            {QStringLiteral("passthroughHeaders"), FieldForm::StringList},
            {QStringLiteral("enableKeepAlive"), FieldForm::Bool},
            {QStringLiteral("keepAliveInterval"), FieldForm::Text},
            {QStringLiteral("openapiUrl"), FieldForm::Text},
            {QStringLiteral("openapiSchema"), FieldForm::JsonObject},
            {QStringLiteral("openapiSecurity"), FieldForm::JsonObject},
            {QStringLiteral("tools"), FieldForm::JsonObject}};
}

// Where the server connects: its command line or its URL.
QString target(const ServerRecord &s)
{
    if (!s.command.isEmpty()) {
        QStringList line{s.command};
        line << ServerFields::values(s).value(QStringLiteral("args")).toStringList();
        return line.join(QLatin1Char(' '));
    }
    if (!s.url.isEmpty())
        return s.url;
    return ServerFields::values(s).value(QStringLiteral("openapiUrl")).toString();
}

void printServer(const ServerRecord &s, WorkspaceKind kind)
{
    const QVariantMap values = ServerFields::values(s);
    const WorkspaceCapabilities capabilities(kind);
    const auto line = [](const QString &field, const QString &value) {
        out() << QStringLiteral("%1  %2").arg(field.leftJustified(18), NameText::forDisplay(value))
              << Qt::endl;
    };
    line(QStringLiteral("name"), s.name);
    for (const auto &[field, form] : settableFields()) {
        if (!capabilities.stores(kEntity, field) || !ServerFields::typeHas(s.type, field))
            continue;
        const QVariant value = values.value(field);
        QString text;
        if (form == FieldForm::Bool)
            text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else if (form == FieldForm::StringList)
            text = value.toStringList().isEmpty() ? QString()
                                                  : ServerFields::listText(value.toStringList());
        else
            text = value.toString();
        if (!text.isEmpty() || form == FieldForm::Bool)
            line(field, text);
    }
}

int runServer(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(ServerCommandTexts::tr(
        "List, add, change, rename and remove the MCP servers a hub offers.\n"
        "  list                        the servers: name, type, enabled, command or URL\n"
        "  show NAME                   every field of a server\n"
        "  add NAME --type T [--command C] [--arg A]... [--url U] [--env K=V]...\n"
        "          [--header K=V]... [--description D] [--owner O] [--disabled]\n"
        "                              add a server (MCPHub's rules for its type)\n"
        "  set NAME FIELD=VALUE...     change fields: type, enabled, description, owner,\n"
        "                              command, args, env, url, headers, passthroughHeaders,\n"
        "                              enableKeepAlive, keepAliveInterval, openapiUrl,\n"
        "                              openapiSchema, openapiSecurity, tools; lists as JSON\n"
        "                              arrays ('args=[\"-y\",\"pkg\"]'), objects as JSON\n"
        "                              objects, true/false, an empty value clears a field\n"
        "  enable NAME | disable NAME  turn a server on or off\n"
        "  rename OLD NEW              rename a server, and in the groups and bearer keys\n"
        "                              that name it (as MCPHub's own rename)\n"
        "  remove NAME                 delete a server"));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption type(
        QStringLiteral("type"),
        ServerCommandTexts::tr("add: stdio, sse, streamable-http or openapi."),
        ServerCommandTexts::tr("type"));
    const QCommandLineOption command(
        QStringLiteral("command"),
        ServerCommandTexts::tr("add: the program a stdio server runs."),
        ServerCommandTexts::tr("program"));
    const QCommandLineOption arg(
        QStringLiteral("arg"),
        ServerCommandTexts::tr("add: one argument of the program (repeat for each)."),
        ServerCommandTexts::tr("argument"));
    const QCommandLineOption url(
        QStringLiteral("url"),
        ServerCommandTexts::tr(
            "add: where an sse or streamable-http server is (an openapi server: its "
            "specification)."),
        ServerCommandTexts::tr("url"));
    const QCommandLineOption env(
        QStringLiteral("env"),
        ServerCommandTexts::tr("add: one environment variable of the program (repeat)."),
        ServerCommandTexts::tr("KEY=VALUE"));
    const QCommandLineOption header(
        QStringLiteral("header"),
        ServerCommandTexts::tr("add: one request header sent upstream (repeat)."),
        ServerCommandTexts::tr("NAME=VALUE"));
    const QCommandLineOption description(QStringLiteral("description"),
                                         ServerCommandTexts::tr("add: the description."),
                                         ServerCommandTexts::tr("text"));
    const QCommandLineOption owner(QStringLiteral("owner"),
                                   ServerCommandTexts::tr("add: the owning user."),
                                   ServerCommandTexts::tr("user"));
    const QCommandLineOption disabled(
        QStringLiteral("disabled"), ServerCommandTexts::tr("add: the new server starts disabled."));
    parser.addOptions({type, command, arg, url, env, header, description, owner, disabled});
    const QCommandLineOption noApply = noApplyOption();
    parser.addOption(noApply);
    parser.addPositionalArgument(
        QStringLiteral("action"),
        ServerCommandTexts::tr("list, show, add, set, enable, disable, rename or remove."),
        QStringLiteral("list|show|add|set|enable|disable|rename|remove [NAME] [...]"));
    const WorkspaceOptions workspaceOptions;
    workspaceOptions.addTo(parser);
    if (const int code = parseCommandLine(parser, QStringLiteral("server"), arguments, help);
        code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const QHash<QString, int> arity{{QStringLiteral("list"), 1},
                                    {QStringLiteral("show"), 2},
                                    {QStringLiteral("add"), 2},
                                    {QStringLiteral("set"), -3},
                                    {QStringLiteral("enable"), 2},
                                    {QStringLiteral("disable"), 2},
                                    {QStringLiteral("rename"), 3},
                                    {QStringLiteral("remove"), 2}};
    if (!fitsArity(arity, positional)) {
        return fail(ServerCommandTexts::tr(
                        "say list, show NAME, add NAME, set NAME FIELD=VALUE..., enable NAME, "
                        "disable NAME, rename OLD NEW or remove NAME. Run \"%1 server --help\".")
                        .arg(QCoreApplication::applicationName()));
    }
    const bool adding = action == QLatin1String("add");
    for (const QCommandLineOption &option :
         {type, command, arg, url, env, header, description, owner, disabled}) {
        if (!adding && parser.isSet(option))
            return fail(ServerCommandTexts::tr(
                            "--%1 goes with \"server add\"; change a server with \"server set "
                            "NAME FIELD=VALUE\".")
                            .arg(option.names().constFirst()));
    }
    if (adding && !parser.isSet(type))
        return fail(
            ServerCommandTexts::tr("say the type: --type stdio, sse, streamable-http or openapi."));
    const QString name = positional.value(1);
    const QString where = QStringLiteral("servers/") + name;

    auto ws = openWorkspace(workspaceOptions, parser);
    if (!ws)
        return fail(ws.error().toString());
    const WorkspaceKind kind = ws->context().kind;
    ServerRepository servers(ws->context());
    int code = ExitOk;
    const auto refuse = [&](const Error &error) {
        code = fail(NameText::forDisplay(error.toString()));
    };

    if (action == QLatin1String("list")) {
        PageRequest page{0, 500, false};
        for (;;) {
            const auto chunk = servers.list({}, page);
            if (!chunk) {
                refuse(chunk.error());
                break;
            }
            for (const ServerRecord &s : chunk->items) {
                out() << QStringLiteral("%1  %2  %3  %4")
                             .arg(NameText::forDisplay(s.name).leftJustified(24),
                                  s.type.leftJustified(15),
                                  (s.enabled ? ServerCommandTexts::tr("enabled")
                                             : ServerCommandTexts::tr("disabled"))
                                      .leftJustified(8),
                                  NameText::forDisplay(target(s)))
                      << Qt::endl;
            }
            if (chunk->items.size() < page.limit)
                break;
            page.offset += page.limit;
        }
        ws->close();
        return code;
    }

    const auto stored = servers.find(name);
    if (!stored) {
        refuse(stored.error());
        ws->close();
        return code;
    }
    if (action == QLatin1String("show")) {
        if (!stored->has_value())
            code = fail(ServerCommandTexts::tr("There is no MCP server named %1 (%2).")
                            .arg(NameText::forDisplay(name), where));
        else
            printServer(**stored, kind);
        ws->close();
        return code;
    }
    if (!adding && !stored->has_value()) {
        code = fail(ServerCommandTexts::tr(
                        "There is no MCP server named %1 (%2); \"server list\" shows them.")
                        .arg(NameText::forDisplay(name), where));
        ws->close();
        return code;
    }

    Result<void> done;
    QString message;
    // What the hubs running on MCPHub's database are told (HubChange): a server removed or
    // renamed is stopped first (their API no longer finds it afterwards), the rest after.
    const bool tell = kind == WorkspaceKind::McphubDatabase && !parser.isSet(noApply);
    int told = ExitOk;
    const std::optional<ServerRecord> before
        = stored->has_value() ? std::optional<ServerRecord>(**stored) : std::nullopt;
    bool stopFirst = tell && before && before->enabled
                     && (action == QLatin1String("remove") || action == QLatin1String("rename"));
    if (stopFirst && action == QLatin1String("rename")) {
        // Only a rename that can be made stops the server first.
        const QString newName = positional.value(2);
        const auto taken = servers.find(newName);
        stopFirst = NameText::problem(newName).isEmpty() && !newName.trimmed().isEmpty() && taken
                    && !taken->has_value();
    }
    if (stopFirst)
        told = tellLinkedHubs(ws->context(), {HubChange::stopServer(name)});
    if (adding) {
        if (stored->has_value()) {
            done = Error::make(Error::Code::Conflict,
                               ServerCommandTexts::tr(
                                   "A server with this name exists already; nothing was added."),
                               where + QStringLiteral("/name"));
        } else if (const QString problem = NameText::problem(name); !problem.isEmpty()) {
            done = Error::make(Error::Code::Invalid, problem, where + QStringLiteral("/name"));
        } else {
            const auto envJson = objectFromPairs(parser.values(env), QStringLiteral("--env"));
            const auto headersJson
                = objectFromPairs(parser.values(header), QStringLiteral("--header"));
            if (!envJson) {
                done = envJson.error();
            } else if (!headersJson) {
                done = headersJson.error();
            } else {
                QVariantMap values = ServerFields::values(ServerRecord());
                const QString typeName = parser.value(type);
                values.insert(QStringLiteral("name"), name);
                values.insert(QStringLiteral("type"), typeName);
                values.insert(QStringLiteral("enabled"), !parser.isSet(disabled));
                values.insert(QStringLiteral("description"), parser.value(description));
                values.insert(QStringLiteral("owner"), parser.value(owner));
                values.insert(QStringLiteral("command"), parser.value(command));
                values.insert(QStringLiteral("args"), parser.values(arg));
                values.insert(QStringLiteral("env"), *envJson);
                values.insert(QStringLiteral("headers"), *headersJson);
                values.insert(typeName == QLatin1String("openapi") ? QStringLiteral("openapiUrl")
                                                                   : QStringLiteral("url"),
                              parser.value(url));
                QHash<QString, QString> problems = ServerFields::problems(values);
                for (const auto &[option, field] : {std::pair{command, QStringLiteral("command")},
                                                    std::pair{arg, QStringLiteral("args")},
                                                    std::pair{env, QStringLiteral("env")},
                                                    std::pair{header, QStringLiteral("headers")}}) {
                    if (parser.isSet(option) && !ServerFields::typeHas(typeName, field))
                        problems.insert(field,
                                        ServerCommandTexts::tr(
                                            "A %1 server has no %2; MCPHub would not use it.")
                                            .arg(typeName, field));
                }
                if (auto refused = problemsError(problems, where))
                    done = *refused;
                else if (auto created
                         = servers.create(ServerFields::overlay(ServerRecord(), values));
                         !created)
                    done = created.error();
                message = ServerCommandTexts::tr("Added server %1.");
            }
        }
    } else if (action == QLatin1String("set")) {
        const auto assignments
            = parseAssignments(positional.mid(2), kEntity, settableFields(), kind, where);
        if (!assignments) {
            done = assignments.error();
        } else {
            QVariantMap values = ServerFields::values(**stored);
            for (const FieldAssignment &a : *assignments)
                values.insert(a.field, a.value);
            // A value the type has no place for would be dropped: refused instead.
            QHash<QString, QString> problems = ServerFields::problems(values);
            const QString newType = values.value(QStringLiteral("type")).toString();
            for (const FieldAssignment &a : *assignments) {
                const bool empty = a.value.typeId() == QMetaType::QStringList
                                       ? a.value.toStringList().isEmpty()
                                       : a.value.toString().isEmpty();
                if (!empty && !ServerFields::typeHas(newType, a.field))
                    problems.insert(
                        a.field,
                        ServerCommandTexts::tr("A %1 server has no %2; MCPHub would not use it.")
                            .arg(newType, a.field));
            }
            if (auto refused = problemsError(problems, where))
                done = *refused;
            else
                done = servers.update(ServerFields::overlay(**stored, values));
            message = ServerCommandTexts::tr("Changed server %1.");
        }
    } else if (action == QLatin1String("enable") || action == QLatin1String("disable")) {
        const bool enable = action == QLatin1String("enable");
        done = servers.setEnabled(name, enable);
        message = enable ? ServerCommandTexts::tr("Enabled server %1.")
                         : ServerCommandTexts::tr("Disabled server %1.");
    } else if (action == QLatin1String("rename")) {
        const QString newName = positional.value(2);
        if (const QString problem = NameText::problem(newName);
            !problem.isEmpty() || newName.trimmed().isEmpty()) {
            done = Error::make(Error::Code::Invalid,
                               problem.isEmpty() ? ServerCommandTexts::tr("The new name is empty.")
                                                 : problem,
                               where + QStringLiteral("/name"));
        } else {
            done = servers.rename(name, newName);
        }
        message
            = ServerCommandTexts::tr("Renamed server %1 to %2, in its groups and bearer keys too.");
    } else {
        done = servers.remove(name);
        message = ServerCommandTexts::tr("Removed server %1.");
    }
    if (!done) {
        refuse(done.error());
    } else {
        out() << (action == QLatin1String("rename") ? message.arg(
                      NameText::forDisplay(name), NameText::forDisplay(positional.value(2)))
                                                    : message.arg(NameText::forDisplay(name)))
              << Qt::endl;
        sayAfterChange(*ws, WorkspaceCapabilities(kind).serverChangeNote());
        if (tell && action != QLatin1String("remove")) {
            const QString now = action == QLatin1String("rename") ? positional.value(2) : name;
            const auto after = servers.find(now);
            QList<HubChange> changes;
            if (after && after->has_value()) {
                changes
                    = action == QLatin1String("rename")
                          ? (after->value().enabled ? QList<HubChange>{HubChange::startServer(now)}
                                                    : QList<HubChange>{})
                          : HubChange::forServer(before, **after);
            }
            told = qMax(told, tellLinkedHubs(ws->context(), changes));
        }
        code = qMax(code, told);
    }
    ws->close();
    return code;
}

} // namespace

CliCommand serverCommand()
{
    return {QStringLiteral("server"),
            ServerCommandTexts::tr("List, add, change, rename and remove MCP servers."),
            runServer};
}

} // namespace mcphub::cli
