#pragma once

#include "app/cli/workspaceoptions.h"
#include "storage/db/workspacekind.h"
#include "storage/migration/openedworkspace.h"
#include "storage/result.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace mcphub::cli {

// What "server", "group" and "key" share: FIELD=VALUE arguments checked against the fields a
// kind of workspace stores (WorkspaceCapabilities), values in MCPHub's JSON form, and the
// lines said after a change.

// How a field's value is written on the command line.
enum class FieldForm {
    Text,       // as it is
    Bool,       // true or false
    StringList, // a JSON array of strings: '["-y","pkg"]'
    JsonObject, // a JSON object: '{"KEY":"value"}', kept as MCPHub's JSON.stringify writes it
};

struct FieldAssignment
{
    QString field;
    QVariant value; // QString, bool, QStringList, or the object's compact JSON text
};

// Parses FIELD=VALUE arguments for `entity` (WorkspaceCapabilities' name: "mcpServers",
// "groups", "bearerKeys") on a workspace of `kind`: a field not in `forms` is refused naming
// the fields there are; a field the kind does not store is refused with the capabilities'
// "not stored" error; a value not of its form is refused naming the field. `where` prefixes
// the places named ("servers/fetch").
Result<QList<FieldAssignment>> parseAssignments(const QStringList &arguments,
                                                const QString &entity,
                                                const QList<QPair<QString, FieldForm>> &forms,
                                                WorkspaceKind kind,
                                                const QString &where);

// A JSON object of string values from KEY=VALUE arguments (--env, --header), in their order,
// as MCPHub's JSON.stringify writes it; an error naming `option` for one without "=".
Result<QString> objectFromPairs(const QStringList &pairs, const QString &option);

// Problems by field (ServerFields::problems and the like) as one Invalid error naming the
// first field at `where`, or nothing when there are none.
std::optional<Error> problemsError(const QHash<QString, QString> &problems, const QString &where);

// Opens the workspace the parser's options name, saying its warnings on stderr.
Result<OpenedWorkspace> openWorkspace(const WorkspaceOptions &options,
                                      const QCommandLineParser &parser);

// Said after a change: the bound settings file was written too, and `note` (a fact of the
// workspace's kind, such as WorkspaceCapabilities::serverChangeNote) when it is not empty.
void sayAfterChange(const OpenedWorkspace &workspace, const QString &note = {});

// Names of NAME-or-id matches that are ambiguous, as an Invalid error at `where`.
Error ambiguousName(const QString &what,
                    const QString &name,
                    const QStringList &ids,
                    const QString &where);

// The one record a NAME-or-id lookup (findByNameOrId) found, or an error at `where`: none
// (NotFound, saying `notFound`), or several of that name (ambiguousName, `what` in plural).
template<typename Record>
Result<Record> theOne(const Result<QList<Record>> &found,
                      const QString &what,
                      const QString &name,
                      const QString &notFound,
                      const QString &where)
{
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error::make(Error::Code::NotFound, notFound, where);
    if (found->size() > 1) {
        QStringList ids;
        for (const Record &r : *found)
            ids << r.id;
        return ambiguousName(what, name, ids, where);
    }
    return found->constFirst();
}

// Whether the positional arguments fit `action`'s arity: n exactly, -n at least n; an action
// not in `arity` never fits.
bool fitsArity(const QHash<QString, int> &arity, const QStringList &positional);

} // namespace mcphub::cli
