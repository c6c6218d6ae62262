#include "app/cli/fieldassignments.h"

#include "app/cli/clicommand.h"
#include "app/cli/workspaceoptions.h"
#include "storage/db/workspacecapabilities.h"
#include "storage/nametext.h"
#include "storage/settings/mcphubjsonwriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <nlohmann/json.hpp>

namespace mcphub::cli {

namespace {

// The texts' translation context, declared so that lupdate files them under it (a tr()
// helper calling translate() was filed under the enclosing namespace or class).
struct FieldAssignmentsTexts
{
    Q_DECLARE_TR_FUNCTIONS(FieldAssignments)
};

Error invalid(const QString &message, const QString &where)
{
    return Error::make(Error::Code::Invalid, message, where);
}

} // namespace

Result<QList<FieldAssignment>> parseAssignments(const QStringList &arguments,
                                                const QString &entity,
                                                const QList<QPair<QString, FieldForm>> &forms,
                                                WorkspaceKind kind,
                                                const QString &where)
{
    const WorkspaceCapabilities capabilities(kind);
    QStringList known;
    for (const auto &[field, form] : forms)
        known << field;
    QList<FieldAssignment> assignments;
    for (const QString &argument : arguments) {
        const qsizetype equals = argument.indexOf(QLatin1Char('='));
        const QString field = equals < 0 ? argument : argument.left(equals);
        const auto formOf = std::find_if(
            forms.cbegin(), forms.cend(), [&](const auto &f) { return f.first == field; });
        if (equals <= 0 || formOf == forms.cend()) {
            return invalid(
                FieldAssignmentsTexts::tr("\"%1\" is not FIELD=VALUE with one of the fields %2.")
                    .arg(NameText::forDisplay(argument), known.join(QStringLiteral(", "))),
                where);
        }
        const QString place = where + QLatin1Char('/') + field;
        if (!capabilities.stores(entity, field))
            return capabilities.notStored(entity, field, place);
        const QString text = argument.mid(equals + 1);
        FieldAssignment assignment{field, text};
        switch (formOf->second) {
        case FieldForm::Text:
            break;
        case FieldForm::Bool:
            if (text != QLatin1String("true") && text != QLatin1String("false"))
                return invalid(FieldAssignmentsTexts::tr("%1 is true or false.").arg(field), place);
            assignment.value = text == QLatin1String("true");
            break;
        case FieldForm::StringList: {
            if (text.trimmed().isEmpty()) {
                assignment.value = QStringList();
                break;
            }
            const auto json = nlohmann::ordered_json::parse(text.toStdString(), nullptr, false);
            QStringList list;
            bool strings = json.is_array();
            for (const auto &item : json.is_array() ? json : nlohmann::ordered_json::array()) {
                if (!item.is_string()) {
                    strings = false;
                    break;
                }
                list << QString::fromStdString(item.get<std::string>());
            }
            if (!strings)
                return invalid(FieldAssignmentsTexts::tr(
                                   "%1 is a JSON array of strings, such as [\"a\",\"b\"] (an "
                                   "empty value for none).")
                                   .arg(field),
                               place);
            assignment.value = list;
            break;
        }
        case FieldForm::JsonObject: {
            if (text.trimmed().isEmpty()) {
                assignment.value = QString();
                break;
            }
            const auto json = nlohmann::ordered_json::parse(text.toStdString(), nullptr, false);
            if (!json.is_object())
                return invalid(FieldAssignmentsTexts::tr(
                                   "%1 is a JSON object, such as {\"KEY\":\"value\"} (an empty "
                                   "value for none).")
                                   .arg(field),
                               place);
            assignment.value = QString::fromUtf8(McpHubJsonWriter::write(json, 0));
            break;
        }
        }
        assignments << assignment;
    }
    return assignments;
}

Result<QString> objectFromPairs(const QStringList &pairs, const QString &option)
{
    if (pairs.isEmpty())
        return QString();
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (const QString &pair : pairs) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return invalid(
                FieldAssignmentsTexts::tr("%1 takes KEY=VALUE; \"%2\" has no key or no \"=\".")
                    .arg(option, NameText::forDisplay(pair)),
                option);
        object[pair.left(equals).toStdString()] = pair.mid(equals + 1).toStdString();
    }
    return QString::fromUtf8(McpHubJsonWriter::write(object, 0));
}

std::optional<Error> problemsError(const QHash<QString, QString> &problems, const QString &where)
{
    if (problems.isEmpty())
        return std::nullopt;
    QStringList fields = problems.keys();
    fields.sort();
    QStringList lines;
    for (const QString &field : std::as_const(fields))
        lines << (fields.size() == 1 ? problems.value(field)
                                     : QStringLiteral("%1: %2").arg(field, problems.value(field)));
    return invalid(lines.join(QStringLiteral("; ")) + QLatin1Char(' ')
                       + FieldAssignmentsTexts::tr("Nothing was changed."),
                   where + QLatin1Char('/') + fields.first());
}

Result<OpenedWorkspace> openWorkspace(const WorkspaceOptions &options,
                                      const QCommandLineParser &parser)
{
    QStringList warnings;
    auto ws = options.open(parser, QStringLiteral("mcphub-adminctl"), &warnings);
    for (const QString &w : std::as_const(warnings))
        err() << QCoreApplication::translate("UserCommand", "warning: ") << w << Qt::endl;
    return ws;
}

void sayAfterChange(const OpenedWorkspace &workspace, const QString &note)
{
    if (workspace.binding() && workspace.binding()->saveCount() > 0)
        out() << QCoreApplication::translate("UserCommand",
                                             "Saved to the bound settings file %1 too.")
                     .arg(workspace.binding()->path())
              << Qt::endl;
    if (!note.isEmpty())
        out() << FieldAssignmentsTexts::tr("Note: %1").arg(note) << Qt::endl;
}

Error ambiguousName(const QString &what,
                    const QString &name,
                    const QStringList &ids,
                    const QString &where)
{
    return invalid(FieldAssignmentsTexts::tr(
                       "%1 %2 are named \"%3\" (ids %4); give the id instead of the name.")
                       .arg(QString::number(ids.size()),
                            what,
                            NameText::forDisplay(name),
                            ids.join(QStringLiteral(", "))),
                   where);
}

bool fitsArity(const QHash<QString, int> &arity, const QStringList &positional)
{
    const int wanted = arity.value(positional.value(0), 0);
    return wanted != 0 && (wanted > 0 ? positional.size() == wanted : positional.size() >= -wanted);
}

} // namespace mcphub::cli
