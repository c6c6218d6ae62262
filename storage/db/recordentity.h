#pragma once

#include "storage/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QVariant>

namespace mcphub {

// One field of a record entity: its editor key (MCPHub's JSON key), its kind, and the column
// that holds it in MCPHub's own table and in the console's schema.
struct RecordField
{
    enum class Type {
        Text,     // one line
        LongText, // a template, a resource's content, a description
        Bool,
        Json,   // JSON text as MCPHub's JSON.stringify writes it (compact)
        Secret, // never printed in lists, never audited
    };
    // What a JSON field must hold for MCPHub to use it.
    enum class Shape { Any, Array, StringArray, Object };

    QString name; // "redirectUris"
    Type type = Type::Text;
    bool required = false; // NOT NULL without a default in MCPHub's table
    Shape shape = Shape::Any;
    QString hubColumn;     // "redirect_uris", "mimeType"
    QString consoleColumn; // "redirect_uris", "mime_type"
    bool listed = false;   // a column of the lists (CLI list, the editors' tables)
    const char *title = "";

    QString titleText() const; // translated
};

// The entities the console keeps row by row in every kind of workspace, as MCPHub keeps them
// (mcphub-dbmode.md §1.2 and §1.3): OAuth clients, built-in prompts and resources, and user
// configurations. Each has one natural key (client id, name, uri, username), which is also
// what the CLI and the editors name a row by. The declaration is data, one place for the
// repository, the CLI and the editors. Every field is stored by every kind of workspace.
// MCPHub's oauth_tokens are left out: MCPHub caches the tokens it issues and never drops a
// cached one when its row is deleted (mcphub-dbmode.md §2.2), so an edit here would not revoke
// anything, and the tokens are secrets; revoke them through MCPHub itself.
struct RecordEntity
{
    QString name;    // "oauthClients": the settings file's key
    QString command; // "oauth-client": the CLI command
    QString keyField;
    QString hubTable;          // "builtin_prompts"
    QString consoleTable;      // "prompts"
    QString consolePrimaryKey; // "id", "client_id", "username"
    // The console's prompts and resources are keyed by the settings file's own id: a new row
    // gets a uuid there (MCPHub's database generates its own ids).
    bool consoleGeneratesId = false;
    // The console's user_configs keep the whole configuration in one JSON column "value":
    // {routing, ...additionalConfig}.
    bool consoleWholeValue = false;
    QString action;         // audit actions "<action>.create" ...
    QString resourcePrefix; // "prompts/"
    QList<RecordField> fields;
    const char *title = ""; // "OAuth clients"

    QString titleText() const; // translated
    const RecordField *field(const QString &name) const;
    const RecordField &key() const { return *field(keyField); }
    QStringList fieldNames() const;

    static const QList<RecordEntity> &all();
    static const RecordEntity *byName(const QString &name);
    static const RecordEntity *byCommand(const QString &command);
    static const RecordEntity &oauthClients();
    static const RecordEntity &prompts();
    static const RecordEntity &resources();
    static const RecordEntity &userConfigs();

    // A JSON text for `field`, checked (syntax, nesting, shape) and written as MCPHub's
    // JSON.stringify writes it, compactly. Error::Code::Parse names `where` and line:column.
    static Result<QString>
    compactJson(const RecordField &field, const QString &text, const QString &where);
    // What is wrong with stored text of `field` for MCPHub (translated), empty when nothing:
    // invalid JSON (every MCPHub query loading the row throws), or JSON of the wrong shape.
    static QString jsonProblem(const RecordField &field, const QString &text);
};

} // namespace mcphub
