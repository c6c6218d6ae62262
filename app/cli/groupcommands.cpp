#include "app/cli/groupcommands.h"

#include "app/cli/fieldassignments.h"
#include "app/cli/workspaceoptions.h"
#include "storage/db/grouprepository.h"
#include "storage/db/serverrepository.h"
#include "storage/db/workspacecapabilities.h"
#include "storage/nametext.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace mcphub::cli {

namespace {

// The texts' translation context, declared so that lupdate files them under it (a tr()
// helper calling translate() was filed under the enclosing namespace or class).
struct GroupCommandTexts
{
    Q_DECLARE_TR_FUNCTIONS(GroupCommand)
};

const QString kEntity = QStringLiteral("groups");

QList<QPair<QString, FieldForm>> settableFields()
{
    return {{QStringLiteral("name"), FieldForm::Text},
            {QStringLiteral("description"), FieldForm::Text},
            {QStringLiteral("owner"), FieldForm::Text},
            {QStringLiteral("servers"), FieldForm::StringList}};
}

QString nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QString() : text;
}

// The group NAME (or id) names, or an error: none, or several of that name.
Result<GroupRecord> theGroup(const GroupRepository &groups, const QString &name)
{
    return theOne(
        groups.findByNameOrId(name),
        GroupCommandTexts::tr("groups"),
        name,
        GroupCommandTexts::tr("There is no group with this name or id; \"group list\" shows them."),
        QStringLiteral("groups/") + name);
}

// Each of `names` is a server of the workspace (a group naming none is bad input to MCPHub).
Result<void>
serversExist(const ServerRepository &servers, const QStringList &names, const QString &where)
{
    for (const QString &name : names) {
        const auto found = servers.find(name);
        if (!found)
            return found.error();
        if (!found->has_value())
            return Error::make(
                Error::Code::Invalid,
                GroupCommandTexts::tr("There is no MCP server named %1; a group names servers "
                                      "that exist. Nothing was changed.")
                    .arg(NameText::forDisplay(name)),
                where + QStringLiteral("/servers"));
    }
    return {};
}

int runGroup(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(GroupCommandTexts::tr(
        "List, add, change and remove the groups of servers clients can route to.\n"
        "  list                        the groups: name, servers\n"
        "  show NAME                   every field of a group (NAME or its id)\n"
        "  add NAME [--server S]... [--description D] [--owner O]\n"
        "                              add a group of existing servers\n"
        "  set NAME FIELD=VALUE...     change fields: name, description, owner, servers\n"
        "                              (a JSON array of server names: a server kept keeps\n"
        "                              its tool selection)\n"
        "  remove NAME                 delete a group"));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption server(
        QStringLiteral("server"),
        GroupCommandTexts::tr("add: a member server (repeat for each)."),
        GroupCommandTexts::tr("name"));
    const QCommandLineOption description(QStringLiteral("description"),
                                         GroupCommandTexts::tr("add: the description."),
                                         GroupCommandTexts::tr("text"));
    const QCommandLineOption owner(QStringLiteral("owner"),
                                   GroupCommandTexts::tr("add: the user who manages the group."),
                                   GroupCommandTexts::tr("user"));
    parser.addOptions({server, description, owner});
    parser.addPositionalArgument(QStringLiteral("action"),
                                 GroupCommandTexts::tr("list, show, add, set or remove."),
                                 QStringLiteral("list|show|add|set|remove [NAME] [...]"));
    const WorkspaceOptions workspaceOptions;
    workspaceOptions.addTo(parser);
    if (const int code = parseCommandLine(parser, QStringLiteral("group"), arguments, help);
        code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const QHash<QString, int> arity{{QStringLiteral("list"), 1},
                                    {QStringLiteral("show"), 2},
                                    {QStringLiteral("add"), 2},
                                    {QStringLiteral("set"), -3},
                                    {QStringLiteral("remove"), 2}};
    if (!fitsArity(arity, positional)) {
        return fail(GroupCommandTexts::tr(
                        "say list, show NAME, add NAME, set NAME FIELD=VALUE... or remove NAME. "
                        "Run \"%1 group --help\".")
                        .arg(QCoreApplication::applicationName()));
    }
    const bool adding = action == QLatin1String("add");
    for (const QCommandLineOption &option : {server, description, owner}) {
        if (!adding && parser.isSet(option))
            return fail(GroupCommandTexts::tr(
                            "--%1 goes with \"group add\"; change a group with \"group set "
                            "NAME FIELD=VALUE\".")
                            .arg(option.names().constFirst()));
    }
    const QString name = positional.value(1);
    const QString where = QStringLiteral("groups/") + name;

    auto ws = openWorkspace(workspaceOptions, parser);
    if (!ws)
        return fail(ws.error().toString());
    const WorkspaceKind kind = ws->context().kind;
    GroupRepository groups(ws->context());
    const ServerRepository servers(ws->context());
    int code = ExitOk;
    const auto refuse = [&](const Error &error) {
        code = fail(NameText::forDisplay(error.toString()));
    };

    if (action == QLatin1String("list")) {
        const auto all = groups.all();
        if (!all)
            refuse(all.error());
        for (const GroupRecord &g : all ? *all : QList<GroupRecord>()) {
            out() << QStringLiteral("%1  %2").arg(
                NameText::forDisplay(g.name).leftJustified(24),
                NameText::forDisplay(g.memberNames().join(QStringLiteral(", "))))
                  << Qt::endl;
        }
        ws->close();
        return code;
    }
    if (action == QLatin1String("show")) {
        const auto group = theGroup(groups, name);
        if (!group) {
            refuse(group.error());
        } else {
            const auto line = [](const QString &field, const QString &value) {
                out() << QStringLiteral("%1  %2").arg(field.leftJustified(12),
                                                      NameText::forDisplay(value))
                      << Qt::endl;
            };
            line(QStringLiteral("id"), group->id);
            line(QStringLiteral("name"), group->name);
            line(QStringLiteral("description"), group->description);
            line(QStringLiteral("owner"), group->owner);
            line(QStringLiteral("servers"), group->servers);
        }
        ws->close();
        return code;
    }

    Result<void> done;
    QString message;
    if (adding) {
        const auto same = groups.findByNameOrId(name);
        const QStringList members = parser.values(server);
        if (!same) {
            done = same.error();
        } else if (!same->isEmpty()) {
            // As MCPHub's API: group names are unique (its table does not enforce it).
            done = Error::make(
                Error::Code::Conflict,
                GroupCommandTexts::tr("A group with this name exists already; nothing was added."),
                where + QStringLiteral("/name"));
        } else if (name.trimmed().isEmpty()) {
            done = Error::make(Error::Code::Invalid,
                               GroupCommandTexts::tr("The name is empty."),
                               where + QStringLiteral("/name"));
        } else if (auto exist = serversExist(servers, members, where); !exist) {
            done = exist;
        } else {
            GroupRecord group;
            group.name = name;
            group.description = nullIfEmpty(parser.value(description));
            group.owner = nullIfEmpty(parser.value(owner));
            group.servers = group.serversWithMembers(members);
            done = groups.create(group);
            message = GroupCommandTexts::tr("Added group %1.");
        }
    } else {
        const auto group = theGroup(groups, name);
        if (!group) {
            done = group.error();
        } else if (action == QLatin1String("remove")) {
            done = groups.remove(group->id);
            message = GroupCommandTexts::tr("Removed group %1.");
        } else if (const auto assignments
                   = parseAssignments(positional.mid(2), kEntity, settableFields(), kind, where);
                   !assignments) {
            done = assignments.error();
        } else {
            GroupRecord changed = *group;
            for (const FieldAssignment &a : *assignments) {
                if (a.field == QLatin1String("name"))
                    changed.name = a.value.toString().trimmed();
                else if (a.field == QLatin1String("description"))
                    changed.description = nullIfEmpty(a.value.toString());
                else if (a.field == QLatin1String("owner"))
                    changed.owner = nullIfEmpty(a.value.toString());
                else
                    changed.servers = changed.serversWithMembers(a.value.toStringList());
            }
            const auto sameName = changed.name == group->name
                                      ? Result<QList<GroupRecord>>(QList<GroupRecord>())
                                      : groups.findByNameOrId(changed.name);
            if (changed.name.isEmpty()) {
                done = Error::make(Error::Code::Invalid,
                                   GroupCommandTexts::tr("The name is empty."),
                                   where + QStringLiteral("/name"));
            } else if (!sameName) {
                done = sameName.error();
            } else if (!sameName->isEmpty()) {
                done = Error::make(
                    Error::Code::Conflict,
                    GroupCommandTexts::tr("Another group is named %1; nothing was changed.")
                        .arg(NameText::forDisplay(changed.name)),
                    where + QStringLiteral("/name"));
            } else if (auto exist = changed.servers == group->servers
                                        ? Result<void>()
                                        : serversExist(servers, changed.memberNames(), where);
                       !exist) {
                done = exist;
            } else {
                done = groups.update(changed);
                message = GroupCommandTexts::tr("Changed group %1.");
            }
        }
    }
    if (!done) {
        refuse(done.error());
    } else {
        out() << message.arg(NameText::forDisplay(name)) << Qt::endl;
        sayAfterChange(*ws);
    }
    ws->close();
    return code;
}

} // namespace

CliCommand groupCommand()
{
    return {QStringLiteral("group"),
            GroupCommandTexts::tr("List, add, change and remove groups of servers."),
            runGroup};
}

} // namespace mcphub::cli
