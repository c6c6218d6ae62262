#pragma once

#include "storage/db/repositorycontext.h"
#include "storage/db/rowrepository.h"

#include <QList>
#include <QString>
#include <QVariant>

namespace mcphub {

// How a value of a settings-file key is held in its column.
enum class FieldKind {
    Text, // a JSON string
    Bool, // a JSON boolean
    Int,  // a JSON integer
    Json, // any JSON value, held as its JSON text
};

// One known key of an entity and its column. `whenAbsent` fills NOT NULL columns when the key
// is absent or holds a value of another kind (the file's key order and `extra` still say what
// the file had, so the placeholder never reaches an export).
struct FieldSpec
{
    QString jsonKey;
    QString column;
    FieldKind kind = FieldKind::Text;
    QVariant whenAbsent; // invalid = NULL
};

// One entity type of a settings file (a top-level key) and its table: the static description
// the mapper, the migrator, the verifier and the drift check share. Lists are in import order.
struct EntitySpec
{
    enum class Shape {
        Array,    // [ {...}, ... ] keyed by a field of the object (users: username)
        Map,      // { name: {...} } keyed by the map key (mcpServers)
        ValueMap, // { key: any } with the whole value in column "value" (systemConfig)
    };

    QString name;                 // top-level key: "users"
    const char *labelSource = ""; // untranslated plural for progress and reports: "users"
    Shape shape = Shape::Array;
    QString keyField;        // Array: the object's key field ("username"); otherwise empty
    QList<FieldSpec> fields; // Array/Map: known keys in MCPHub's order
    RowRepository::Table table;

    QString label() const; // translated
    RowRepository repository(const RepositoryContext &context) const;
    const FieldSpec *field(const QString &jsonKey) const;
    // The row's key in the table (the key field's column, or the map key's column).
    QString keyColumn() const { return table.keyColumn; }
};

// Every entity type, in import order (servers before the groups and keys that name them).
const QList<EntitySpec> &settingsEntities();
const EntitySpec *settingsEntity(const QString &name);

// The table of the settings document itself (top-level key order, unknown keys, format).
RowRepository::Table settingsDocumentTable();

} // namespace mcphub
