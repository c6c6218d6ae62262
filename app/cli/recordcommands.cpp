#include "app/cli/recordcommands.h"

#include "app/cli/workspaceoptions.h"
#include "storage/db/recordrepository.h"
#include "storage/nametext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

namespace mcphub::cli {

namespace {

using Type = RecordField::Type;

// The texts' translation context, declared so that lupdate files them under it (a tr()
// helper calling translate() was filed under the enclosing namespace or class).
struct RecordCommandTexts
{
    Q_DECLARE_TR_FUNCTIONS(RecordCommand)
};

// A value as one line of a list: secrets never, long values cut.
QString brief(const QVariant &value)
{
    if (value.metaType() == QMetaType::fromType<bool>())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isNull())
        return QStringLiteral("-");
    QString text = NameText::forDisplay(value.toString()).simplified();
    if (text.size() > 60)
        text = text.left(57) + QStringLiteral("...");
    return text;
}

QString shown(const RecordField &field, const QVariant &value, bool reveal)
{
    if (field.type == Type::Secret && !reveal)
        return value.isNull() ? RecordCommandTexts::tr("(not set)")
                              : RecordCommandTexts::tr("(set; --reveal shows it)");
    if (field.type == Type::Bool)
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isNull())
        return QStringLiteral("-");
    return NameText::forDisplay(value.toString());
}

// FIELD=VALUE arguments, checked before the workspace is opened; VALUE @FILE reads a long
// text or JSON from FILE. Errors name the field (and FILE:line:column for JSON from a file).
Result<QVariantMap>
fieldValues(const RecordEntity &entity, const QString &key, const QStringList &assignments)
{
    QVariantMap values;
    for (const QString &assignment : assignments) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        const QString name = assignment.left(equals);
        const RecordField *field = equals > 0 ? entity.field(name) : nullptr;
        if (!field) {
            return Error::make(
                Error::Code::Invalid,
                RecordCommandTexts::tr("\"%1\" is not FIELD=VALUE with a field of %2: %3.")
                    .arg(assignment,
                         entity.command,
                         entity.fieldNames().join(QStringLiteral(", "))));
        }
        QString value = assignment.mid(equals + 1);
        QString where = entity.resourcePrefix + key + QLatin1Char('/') + name;
        if ((field->type == Type::Json || field->type == Type::LongText)
            && value.startsWith(QLatin1Char('@'))) {
            QFile file(value.mid(1));
            if (!file.open(QIODevice::ReadOnly)) {
                return Error::make(Error::Code::Io,
                                   RecordCommandTexts::tr("cannot read %1 for %2: %3")
                                       .arg(file.fileName(), name, file.errorString()));
            }
            value = QString::fromUtf8(file.readAll());
            where = file.fileName();
        }
        const auto parsed = RecordRepository::parseValue(*field, value, where);
        if (!parsed)
            return parsed.error();
        values.insert(name, value);
    }
    return values;
}

int runRecords(const RecordEntity &entity, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QString key = entity.key().name;
    parser.setApplicationDescription(
        RecordCommandTexts::tr(
            "List, show, add, change and remove %1 of the workspace, by %2.\n"
            "  list                          every row, without secrets\n"
            "  show KEY [--reveal]           every field of one row\n"
            "  add KEY [FIELD=VALUE...]      add a row\n"
            "  set KEY FIELD=VALUE...        change fields (FIELD= clears one)\n"
            "  remove KEY                    delete a row\n"
            "Fields: %3. JSON fields take JSON text; FIELD=@FILE reads a long text or JSON "
            "from FILE. In MCPHub's database only the changed columns are written, with "
            "updated_at = now().")
            .arg(entity.titleText(), key, entity.fieldNames().join(QStringLiteral(", "))));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption reveal(QStringLiteral("reveal"),
                                    RecordCommandTexts::tr("show: print secrets too."));
    const QCommandLineOption secretStdin(
        QStringLiteral("secret-stdin"),
        RecordCommandTexts::tr(
            "add, set: read the secret field from the first line of standard input."));
    parser.addOption(reveal);
    bool hasSecret = false;
    for (const RecordField &f : entity.fields)
        hasSecret = hasSecret || f.type == Type::Secret;
    if (hasSecret)
        parser.addOption(secretStdin);
    parser.addPositionalArgument(QStringLiteral("action"),
                                 RecordCommandTexts::tr("list, show, add, set or remove."),
                                 QStringLiteral("list|show|add|set|remove [KEY] [FIELD=VALUE...]"));
    const WorkspaceOptions workspaceOptions;
    workspaceOptions.addTo(parser);
    if (const int code = parseCommandLine(parser, entity.command, arguments, help); code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const bool secretFromStdin = hasSecret && parser.isSet(secretStdin);
    const bool takesFields = action == QLatin1String("add") || action == QLatin1String("set");
    const bool usage
        = action == QLatin1String("list")
              ? positional.size() == 1
              : (QStringList{QStringLiteral("show"), QStringLiteral("remove")}.contains(action)
                     ? positional.size() == 2
                     : takesFields
                           && positional.size() >= (action == QLatin1String("set") ? 3 : 2)
                                                       - (secretFromStdin ? 1 : 0));
    if (!usage) {
        return fail(RecordCommandTexts::tr(
                        "say list, show KEY, add KEY [FIELD=VALUE...], set KEY FIELD=VALUE... or "
                        "remove KEY. Run \"%1 %2 --help\".")
                        .arg(QCoreApplication::applicationName(), entity.command));
    }
    const QString name = positional.value(1);
    QVariantMap values;
    if (takesFields) {
        auto parsed = fieldValues(entity, name, positional.mid(2));
        if (!parsed)
            return fail(parsed.error().toString());
        values = *parsed;
        if (secretFromStdin) {
            QFile in;
            if (!in.open(stdin, QIODevice::ReadOnly))
                return fail(RecordCommandTexts::tr("cannot read the secret from standard input."));
            const QString secret = QString::fromUtf8(in.readLine()).remove(QLatin1Char('\n'));
            for (const RecordField &f : entity.fields) {
                if (f.type == Type::Secret)
                    values.insert(f.name, secret);
            }
        }
    }

    QStringList warnings;
    auto ws = workspaceOptions.open(parser, QStringLiteral("mcphub-adminctl"), &warnings);
    for (const QString &w : std::as_const(warnings))
        err() << RecordCommandTexts::tr("warning: ") << w << Qt::endl;
    if (!ws)
        return fail(ws.error().toString());
    RecordRepository repository(ws->context(), entity);
    int code = ExitOk;
    const auto report = [&code](const QMap<QString, Error> &findings) {
        for (const Error &finding : findings) {
            err() << NameText::forDisplay(finding.toString()) << Qt::endl;
            code = ExitFindings;
        }
    };
    if (action == QLatin1String("list")) {
        const auto rows = repository.list();
        if (!rows) {
            code = fail(rows.error().toString());
        } else {
            for (const RecordRow &row : *rows) {
                QStringList line{brief(row.values.value(key)).leftJustified(24)};
                for (const RecordField &f : entity.fields) {
                    if (f.listed && f.name != key && f.type != Type::Secret)
                        line << f.name + QLatin1Char('=') + brief(row.values.value(f.name));
                }
                out() << line.join(QStringLiteral("  ")) << Qt::endl;
                report(row.findings);
            }
        }
    } else if (action == QLatin1String("show")) {
        const auto row = repository.find(name);
        if (!row) {
            code = fail(row.error().toString());
        } else if (!row->has_value()) {
            code = fail(RecordCommandTexts::tr("%1 has no \"%2\".")
                            .arg(entity.titleText(), NameText::forDisplay(name)));
        } else {
            for (const RecordField &f : entity.fields)
                out() << f.name << QStringLiteral(": ")
                      << shown(f, (*row)->values.value(f.name), parser.isSet(reveal)) << Qt::endl;
            out() << QStringLiteral("updated_at: ") << (*row)->updatedAt.toString(Qt::ISODateWithMs)
                  << Qt::endl;
            report((*row)->findings);
        }
    } else {
        Result<void> done;
        QString message;
        if (action == QLatin1String("add")) {
            values.insert(key, name);
            done = repository.add(values);
            message = RecordCommandTexts::tr("Added %1 to %2.");
        } else if (action == QLatin1String("set")) {
            done = repository.update(name, values);
            message = RecordCommandTexts::tr("Changed %1 in %2.");
        } else {
            done = repository.remove(name);
            message = RecordCommandTexts::tr("Removed %1 from %2.");
        }
        if (!done) {
            code = fail(NameText::forDisplay(done.error().toString()));
        } else {
            out() << message.arg(NameText::forDisplay(name), entity.titleText()) << Qt::endl;
            if (ws->binding() && ws->binding()->saveCount() > 0)
                out() << RecordCommandTexts::tr("Saved to the bound settings file %1 too.")
                             .arg(ws->binding()->path())
                      << Qt::endl;
        }
    }
    ws->close();
    return code;
}

} // namespace

QList<CliCommand> recordCommands()
{
    QList<CliCommand> commands;
    for (const RecordEntity &entity : RecordEntity::all()) {
        const RecordEntity *e = &entity; // the declaration lives as long as the program
        commands << CliCommand{entity.command,
                               RecordCommandTexts::tr("List, show, add, change and remove %1.")
                                   .arg(entity.titleText()),
                               [e](const QStringList &arguments) {
                                   return runRecords(*e, arguments);
                               }};
    }
    return commands;
}

} // namespace mcphub::cli
