#include "app/cli/keycommands.h"

#include "app/cli/fieldassignments.h"
#include "app/cli/workspaceoptions.h"
#include "storage/db/bearerkeyrepository.h"
#include "storage/db/workspacecapabilities.h"
#include "storage/nametext.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace mcphub::cli {

namespace {

// The texts' translation context, declared so that lupdate files them under it (a tr()
// helper calling translate() was filed under the enclosing namespace or class).
struct KeyCommandTexts
{
    Q_DECLARE_TR_FUNCTIONS(KeyCommand)
};

const QString kEntity = QStringLiteral("bearerKeys");

QList<QPair<QString, FieldForm>> settableFields()
{
    return {{QStringLiteral("name"), FieldForm::Text},
            {QStringLiteral("enabled"), FieldForm::Bool},
            {QStringLiteral("accessType"), FieldForm::Text},
            {QStringLiteral("allowedGroups"), FieldForm::StringList},
            {QStringLiteral("allowedServers"), FieldForm::StringList}};
}

// The key NAME (or id) names, or an error: none, or several of that name.
Result<BearerKeyRecord> theKey(const BearerKeyRepository &keys, const QString &name)
{
    return theOne(keys.findByNameOrId(name),
                  KeyCommandTexts::tr("bearer keys"),
                  name,
                  KeyCommandTexts::tr(
                      "There is no bearer key with this name or id; \"key list\" shows them."),
                  QStringLiteral("bearer-keys/") + name);
}

int runKey(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(KeyCommandTexts::tr(
        "List, add, change and remove the bearer keys clients send to MCPHub.\n"
        "  list                        the keys: name, enabled, access, masked token\n"
        "  show NAME                   every field of a key (NAME or its id), token masked\n"
        "  add NAME [--access all|groups|servers|custom] [--group G]... [--server S]...\n"
        "          [--disabled]        add a key; its new token is printed this once\n"
        "  set NAME FIELD=VALUE...     change fields: name, enabled, accessType,\n"
        "                              allowedGroups, allowedServers (JSON arrays of names)\n"
        "  enable NAME | disable NAME  accept or refuse the key\n"
        "  remove NAME                 delete a key"));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption access(
        QStringLiteral("access"),
        KeyCommandTexts::tr("add: what the key reaches: all (the default), groups, "
                            "servers or custom."),
        KeyCommandTexts::tr("type"));
    const QCommandLineOption group(
        QStringLiteral("group"),
        KeyCommandTexts::tr("add: a group the key reaches (repeat for each)."),
        KeyCommandTexts::tr("name"));
    const QCommandLineOption server(
        QStringLiteral("server"),
        KeyCommandTexts::tr("add: a server the key reaches (repeat for each)."),
        KeyCommandTexts::tr("name"));
    const QCommandLineOption disabled(QStringLiteral("disabled"),
                                      KeyCommandTexts::tr("add: the new key starts disabled."));
    parser.addOptions({access, group, server, disabled});
    parser.addPositionalArgument(
        QStringLiteral("action"),
        KeyCommandTexts::tr("list, show, add, set, enable, disable or remove."),
        QStringLiteral("list|show|add|set|enable|disable|remove [NAME] [...]"));
    const WorkspaceOptions workspaceOptions;
    workspaceOptions.addTo(parser);
    if (const int code = parseCommandLine(parser, QStringLiteral("key"), arguments, help);
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
                                    {QStringLiteral("remove"), 2}};
    if (!fitsArity(arity, positional)) {
        return fail(KeyCommandTexts::tr(
                        "say list, show NAME, add NAME, set NAME FIELD=VALUE..., enable NAME, "
                        "disable NAME or remove NAME. Run \"%1 key --help\".")
                        .arg(QCoreApplication::applicationName()));
    }
    const bool adding = action == QLatin1String("add");
    for (const QCommandLineOption &option : {access, group, server, disabled}) {
        if (!adding && parser.isSet(option))
            return fail(
                KeyCommandTexts::tr("--%1 goes with \"key add\"; change a key with \"key set NAME "
                                    "FIELD=VALUE\".")
                    .arg(option.names().constFirst()));
    }
    const QString name = positional.value(1);
    const QString where = QStringLiteral("bearer-keys/") + name;

    auto ws = openWorkspace(workspaceOptions, parser);
    if (!ws)
        return fail(ws.error().toString());
    const WorkspaceKind kind = ws->context().kind;
    BearerKeyRepository keys(ws->context());
    int code = ExitOk;
    const auto refuse = [&](const Error &error) {
        code = fail(NameText::forDisplay(error.toString()));
    };
    const auto scope = [](const BearerKeyRecord &k) {
        QStringList reach;
        for (const QString &g : BearerKeyRecord::names(k.allowedGroups))
            reach << KeyCommandTexts::tr("group %1").arg(g);
        for (const QString &s : BearerKeyRecord::names(k.allowedServers))
            reach << KeyCommandTexts::tr("server %1").arg(s);
        return reach.join(QStringLiteral(", "));
    };

    if (action == QLatin1String("list")) {
        const auto all = keys.all();
        if (!all)
            refuse(all.error());
        for (const BearerKeyRecord &k : all ? *all : QList<BearerKeyRecord>()) {
            out() << QStringLiteral("%1  %2  %3  %4  %5")
                         .arg(NameText::forDisplay(k.name).leftJustified(24),
                              (k.enabled ? KeyCommandTexts::tr("enabled")
                                         : KeyCommandTexts::tr("disabled"))
                                  .leftJustified(8),
                              k.accessType.leftJustified(7),
                              BearerKeyRecord::maskedToken(k.token),
                              NameText::forDisplay(scope(k)))
                  << Qt::endl;
        }
        ws->close();
        return code;
    }
    if (action == QLatin1String("show")) {
        const auto key = theKey(keys, name);
        if (!key) {
            refuse(key.error());
        } else {
            const auto line = [](const QString &field, const QString &value) {
                out() << QStringLiteral("%1  %2").arg(field.leftJustified(14),
                                                      NameText::forDisplay(value))
                      << Qt::endl;
            };
            line(QStringLiteral("id"), key->id);
            line(QStringLiteral("name"), key->name);
            line(QStringLiteral("token"), BearerKeyRecord::maskedToken(key->token));
            line(QStringLiteral("enabled"),
                 key->enabled ? QStringLiteral("true") : QStringLiteral("false"));
            line(QStringLiteral("accessType"), key->accessType);
            line(QStringLiteral("allowedGroups"), key->allowedGroups);
            line(QStringLiteral("allowedServers"), key->allowedServers);
        }
        ws->close();
        return code;
    }

    Result<void> done;
    QString message;
    QString token;
    if (adding) {
        BearerKeyRecord key;
        key.name = name.trimmed();
        key.enabled = !parser.isSet(disabled);
        key.accessType = parser.isSet(access) ? parser.value(access) : QStringLiteral("all");
        const QStringList groupNames = parser.values(group);
        const QStringList serverNames = parser.values(server);
        key.allowedGroups = BearerKeyRecord::namesJson(groupNames);
        key.allowedServers = BearerKeyRecord::namesJson(serverNames);
        QHash<QString, QString> problems
            = BearerKeyRecord::accessProblems(key.accessType, groupNames, serverNames);
        if (key.accessType == QLatin1String("all") && !(groupNames + serverNames).isEmpty())
            problems.insert(
                QStringLiteral("accessType"),
                KeyCommandTexts::tr("--group and --server go with --access groups, servers or "
                                    "custom."));
        if (key.name.isEmpty())
            problems.insert(QStringLiteral("name"), KeyCommandTexts::tr("The name is empty."));
        if (auto refused = problemsError(problems, where)) {
            done = *refused;
        } else {
            key.token = BearerKeyRecord::generateToken();
            done = keys.create(key);
            token = key.token;
            message = KeyCommandTexts::tr("Added bearer key %1. Its token, shown only this once:");
        }
    } else {
        const auto key = theKey(keys, name);
        if (!key) {
            done = key.error();
        } else if (action == QLatin1String("remove")) {
            done = keys.remove(key->id);
            message = KeyCommandTexts::tr("Removed bearer key %1.");
        } else if (action == QLatin1String("enable") || action == QLatin1String("disable")) {
            BearerKeyRecord changed = *key;
            changed.enabled = action == QLatin1String("enable");
            done = keys.update(changed);
            message = changed.enabled ? KeyCommandTexts::tr("Enabled bearer key %1.")
                                      : KeyCommandTexts::tr("Disabled bearer key %1.");
        } else if (const auto assignments
                   = parseAssignments(positional.mid(2), kEntity, settableFields(), kind, where);
                   !assignments) {
            done = assignments.error();
        } else {
            BearerKeyRecord changed = *key;
            for (const FieldAssignment &a : *assignments) {
                if (a.field == QLatin1String("name"))
                    changed.name = a.value.toString().trimmed();
                else if (a.field == QLatin1String("enabled"))
                    changed.enabled = a.value.toBool();
                else if (a.field == QLatin1String("accessType"))
                    changed.accessType = a.value.toString();
                else if (a.field == QLatin1String("allowedGroups"))
                    changed.allowedGroups = BearerKeyRecord::namesKeeping(changed.allowedGroups,
                                                                          a.value.toStringList());
                else
                    changed.allowedServers = BearerKeyRecord::namesKeeping(changed.allowedServers,
                                                                           a.value.toStringList());
            }
            QHash<QString, QString> problems
                = BearerKeyRecord::accessProblems(changed.accessType,
                                                  BearerKeyRecord::names(changed.allowedGroups),
                                                  BearerKeyRecord::names(changed.allowedServers));
            if (changed.name.isEmpty())
                problems.insert(QStringLiteral("name"), KeyCommandTexts::tr("The name is empty."));
            if (auto refused = problemsError(problems, where))
                done = *refused;
            else
                done = keys.update(changed);
            message = KeyCommandTexts::tr("Changed bearer key %1.");
        }
    }
    if (!done) {
        refuse(done.error());
    } else {
        out() << message.arg(NameText::forDisplay(name)) << Qt::endl;
        if (!token.isEmpty())
            out() << token << Qt::endl;
        sayAfterChange(*ws);
    }
    ws->close();
    return code;
}

} // namespace

CliCommand keyCommand()
{
    return {QStringLiteral("key"),
            KeyCommandTexts::tr("List, add, change and remove bearer keys."),
            runKey};
}

} // namespace mcphub::cli
