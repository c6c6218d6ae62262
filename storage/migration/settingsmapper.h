#pragma once

#include "storage/db/repositorycontext.h"
#include "storage/migration/settingsentities.h"
#include "storage/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariantMap>

#include <nlohmann/json.hpp>

namespace mcphub {

using OrderedJson = nlohmann::ordered_json;

// One entity of a settings file as the row of its table: every column of the entity (NULL
// or the NOT NULL placeholder where the file has no usable value), its key, `extra` (the
// keys the table has no column for, and known keys whose value is of another kind),
// `key_order` (the keys in file order) and `ordinal` (position in the file).
struct MappedEntity
{
    const EntitySpec *spec = nullptr;
    QString key;
    QString pointer; // "/users/3", "/mcpServers/fetch"
    int ordinal = 0;
    QVariantMap row;    // empty when mapped for its place only (SettingsMapper::Detail)
    OrderedJson source; // the entity's value in the file (null when mapped for its place only)
};

// A record the mapper cannot store (not an object, no key, a duplicate key).
struct MappingIssue
{
    QString pointer;
    QString reason; // translated
    OrderedJson record;
};

struct MappedSettings
{
    QVariantMap document; // the settings_document row
    QList<MappedEntity> entities;
    QList<MappingIssue> issues;
};

// How a settings file was written, kept in settings_document.format for an export.
struct SettingsFormat
{
    int indent = 2;
    bool finalNewline = false;
};

// Settings document (nlohmann::ordered_json) <-> table rows, losslessly: mapping a document
// and exporting the rows gives back a JSON-equal document (same keys, values and key order),
// and serialize() writes it as MCPHub does (JSON.stringify(v, null, 2)), so that a file
// MCPHub wrote comes back byte for byte. Pure functions except exportDocument, which reads
// the workspace on the calling thread's connection.
class SettingsMapper
{
public:
    // Rows: each entity with its row and a copy of its value (what the console's schema
    // stores). Places: each entity's spec, key, pointer and ordinal only, and the same issues
    // (a migration into MCPHub's database maps the file its own way and needs no second copy
    // of a large file).
    enum class Detail { Rows, Places };
    static MappedSettings map(const OrderedJson &document,
                              const QByteArray &sourceText = {},
                              Detail detail = Detail::Rows);

    // One entity's value (for Map/ValueMap shapes `key` is the map key; for arrays it is
    // taken from the value and `key` is ignored). Fails for a non-object or a missing key.
    static Result<MappedEntity> mapEntity(const EntitySpec &spec,
                                          const QString &key,
                                          const OrderedJson &value,
                                          int ordinal,
                                          const QString &pointer);

    // The entity's JSON value from its row (the inverse of mapEntity).
    static Result<OrderedJson> entityJson(const EntitySpec &spec, const QVariantMap &row);
    // The settings_document columns that describe a file (key_order, extra, format) as one
    // JSON object of texts, for comparisons and pre-images.
    static OrderedJson documentImage(const QVariantMap &documentRow);
    // The row's key as the file holds it (the key column).
    static QString rowKey(const EntitySpec &spec, const QVariantMap &row);

    struct Exported
    {
        OrderedJson document;
        SettingsFormat format;
        // MCPHub's database: "table/id/column: what", for a value left out of the document
        // (a JSON column whose text is not JSON).
        QStringList warnings;
    };
    static Result<Exported> exportDocument(const RepositoryContext &context);

    // JSON.stringify(document, null, indent), plus a final newline when the format says so.
    static QByteArray serialize(const OrderedJson &document, const SettingsFormat &format = {});
    static SettingsFormat detectFormat(const QByteArray &sourceText);
};

} // namespace mcphub
