#include "storage/migration/settingsmapper.h"

#include "storage/migration/hubsettings.h"

#include "storage/settings/jsonlimits.h"
#include "storage/settings/jsonpointer.h"
#include "storage/settings/mcphubjsonwriter.h"

#include <QCoreApplication>
#include <QSet>

#include <cmath>

#include <algorithm>

namespace mcphub {

namespace {

QString fromStd(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

std::string toStd(const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    return std::string(utf8.constData(), size_t(utf8.size()));
}

QString jsonText(const OrderedJson &value)
{
    return fromStd(value.dump());
}

// RFC 6901 escaping of one reference token.
QString pointerToken(QString token)
{
    token.replace(QLatin1Char('~'), QStringLiteral("~0"));
    token.replace(QLatin1Char('/'), QStringLiteral("~1"));
    return token;
}

Result<OrderedJson> parseColumn(const QVariant &value, const QString &where)
{
    const std::string text = toStd(value.toString());
    // A database row is outside input too: what the writer and the copies would recurse into.
    if (JsonLimits::check(text.data(), qsizetype(text.size()))) {
        return Error::make(Error::Code::Parse,
                           QCoreApplication::translate(
                               "SettingsMapper",
                               "The database holds JSON nested more than %1 levels deep (or "
                               "with a NUL byte), which no settings file may hold. Repair the "
                               "row or restore a backup.")
                               .arg(JsonLimits::kMaxDepth),
                           where);
    }
    OrderedJson parsed = OrderedJson::parse(text, nullptr, false);
    if (parsed.is_discarded()) {
        return Error::make(Error::Code::Parse,
                           QCoreApplication::translate("SettingsMapper",
                                                       "The database holds text that is not "
                                                       "JSON. Repair the row or restore a backup."),
                           where);
    }
    return parsed;
}

// The value fits the column of this kind (otherwise it is kept in `extra`).
bool fits(FieldKind kind, const OrderedJson &value)
{
    switch (kind) {
    case FieldKind::Text:
        return value.is_string();
    case FieldKind::Bool:
        return value.is_boolean();
    case FieldKind::Int:
        return value.is_number_integer()
               && (!value.is_number_unsigned()
                   || value.get<std::uint64_t>()
                          <= std::uint64_t(std::numeric_limits<qint64>::max()));
    case FieldKind::Json:
        return true;
    }
    return false;
}

QVariant columnValue(FieldKind kind, const OrderedJson &value)
{
    switch (kind) {
    case FieldKind::Text:
        return fromStd(value.get<std::string>());
    case FieldKind::Bool:
        return value.get<bool>();
    case FieldKind::Int:
        return QVariant::fromValue<qint64>(value.get<qint64>());
    case FieldKind::Json:
        return jsonText(value);
    }
    return {};
}

Result<OrderedJson> jsonValue(const FieldSpec &field, const QVariant &value, const QString &where)
{
    if (value.isNull())
        return OrderedJson(nullptr);
    switch (field.kind) {
    case FieldKind::Text:
        return OrderedJson(toStd(value.toString()));
    case FieldKind::Bool:
        return OrderedJson(value.toBool());
    case FieldKind::Int:
        return OrderedJson(value.toLongLong());
    case FieldKind::Json:
        return parseColumn(value, where);
    }
    return OrderedJson(nullptr);
}

bool shapeFits(const EntitySpec &spec, const OrderedJson &value)
{
    return spec.shape == EntitySpec::Shape::Array ? value.is_array() : value.is_object();
}

} // namespace

namespace {

// The entity's place (spec, key, pointer, ordinal), or why it cannot be one: what mapEntity
// checks before it makes the row.
Result<MappedEntity> placeEntity(const EntitySpec &spec,
                                 const QString &key,
                                 const OrderedJson &value,
                                 int ordinal,
                                 const QString &pointer)
{
    MappedEntity entity;
    entity.spec = &spec;
    entity.pointer = pointer;
    entity.ordinal = ordinal;
    if (spec.shape == EntitySpec::Shape::ValueMap) {
        entity.key = key;
        return entity;
    }
    if (!value.is_object()) {
        return Error::make(
            Error::Code::Invalid,
            QCoreApplication::translate("SettingsMapper", "This entry is not a JSON object."),
            pointer);
    }
    if (spec.shape == EntitySpec::Shape::Map) {
        entity.key = key;
    } else {
        const auto it = value.find(toStd(spec.keyField));
        if (it == value.end() || !it->is_string() || it->get<std::string>().empty()) {
            return Error::make(Error::Code::Invalid,
                               QCoreApplication::translate("SettingsMapper",
                                                           "This entry has no \"%1\" (a "
                                                           "non-empty string), which names it.")
                                   .arg(spec.keyField),
                               pointer);
        }
        entity.key = fromStd(it->get<std::string>());
    }
    return entity;
}

} // namespace

Result<MappedEntity> SettingsMapper::mapEntity(const EntitySpec &spec,
                                               const QString &key,
                                               const OrderedJson &value,
                                               int ordinal,
                                               const QString &pointer)
{
    auto placed = placeEntity(spec, key, value, ordinal, pointer);
    if (!placed)
        return placed;
    MappedEntity &entity = *placed;
    entity.source = value;
    QVariantMap &row = entity.row;
    row.insert(QStringLiteral("ordinal"), ordinal);
    row.insert(spec.keyColumn(), entity.key);
    if (spec.shape == EntitySpec::Shape::ValueMap) {
        row.insert(QStringLiteral("value"), jsonText(value));
        return placed;
    }
    for (const FieldSpec &field : spec.fields) {
        if (field.column != spec.keyColumn())
            row.insert(field.column, field.whenAbsent);
    }
    OrderedJson keyOrder = OrderedJson::array();
    OrderedJson extra = OrderedJson::object();
    for (auto it = value.begin(); it != value.end(); ++it) {
        keyOrder.push_back(it.key());
        const FieldSpec *field = spec.field(fromStd(it.key()));
        if (field && fits(field->kind, it.value())) {
            if (field->column != spec.keyColumn())
                row.insert(field->column, columnValue(field->kind, it.value()));
        } else {
            extra[it.key()] = it.value();
        }
    }
    row.insert(QStringLiteral("key_order"), jsonText(keyOrder));
    row.insert(QStringLiteral("extra"), extra.empty() ? QVariant() : QVariant(jsonText(extra)));
    return placed;
}

MappedSettings
SettingsMapper::map(const OrderedJson &document, const QByteArray &sourceText, Detail detail)
{
    MappedSettings result;
    if (!document.is_object()) {
        result.issues.append({QString(),
                              QCoreApplication::translate("SettingsMapper",
                                                          "A settings file must hold one JSON "
                                                          "object."),
                              document});
        return result;
    }
    OrderedJson keyOrder = OrderedJson::array();
    OrderedJson extra = OrderedJson::object();
    for (auto top = document.begin(); top != document.end(); ++top) {
        keyOrder.push_back(top.key());
        const EntitySpec *spec = settingsEntity(fromStd(top.key()));
        if (!spec || !shapeFits(*spec, top.value())) {
            extra[top.key()] = top.value(); // unknown, or a shape MCPHub would not read
            continue;
        }
        const QString parent = QLatin1Char('/') + pointerToken(spec->name);
        const QString base = parent + QLatin1Char('/');
        QSet<QString> seen;
        int ordinal = 0;
        for (auto it = top.value().begin(); it != top.value().end(); ++it, ++ordinal) {
            const bool isArray = spec->shape == EntitySpec::Shape::Array;
            const QString mapKey = isArray ? QString() : fromStd(it.key());
            const QString pointer
                = isArray ? JsonPointer::append(parent, ordinal) : base + pointerToken(mapKey);
            auto mapped = detail == Detail::Rows
                              ? mapEntity(*spec, mapKey, it.value(), ordinal, pointer)
                              : placeEntity(*spec, mapKey, it.value(), ordinal, pointer);
            if (!mapped) {
                result.issues.append({pointer, mapped.error().message, it.value()});
                continue;
            }
            if (seen.contains(mapped->key)) {
                result.issues.append(
                    {pointer,
                     QCoreApplication::translate("SettingsMapper",
                                                 "\"%1\" appears a second time here; names "
                                                 "must be unique. Remove or rename one.")
                         .arg(mapped->key),
                     it.value()});
                continue;
            }
            seen.insert(mapped->key);
            result.entities.append(std::move(*mapped));
        }
    }
    const SettingsFormat format = detectFormat(sourceText);
    OrderedJson formatJson = OrderedJson::object();
    formatJson["indent"] = format.indent;
    formatJson["finalNewline"] = format.finalNewline;
    result.document.insert(QStringLiteral("id"), 1);
    result.document.insert(QStringLiteral("key_order"), jsonText(keyOrder));
    result.document.insert(QStringLiteral("extra"),
                           extra.empty() ? QVariant() : QVariant(jsonText(extra)));
    result.document.insert(QStringLiteral("format"), jsonText(formatJson));
    return result;
}

OrderedJson SettingsMapper::documentImage(const QVariantMap &documentRow)
{
    OrderedJson image = OrderedJson::object();
    for (const char *column : {"key_order", "extra", "format"}) {
        const QVariant v = documentRow.value(QString::fromLatin1(column));
        image[column] = v.isNull() ? OrderedJson(nullptr) : OrderedJson(toStd(v.toString()));
    }
    return image;
}

QString SettingsMapper::rowKey(const EntitySpec &spec, const QVariantMap &row)
{
    return row.value(spec.keyColumn()).toString();
}

Result<OrderedJson> SettingsMapper::entityJson(const EntitySpec &spec, const QVariantMap &row)
{
    const QString where = spec.table.name + QLatin1Char('/') + rowKey(spec, row);
    if (spec.shape == EntitySpec::Shape::ValueMap)
        return parseColumn(row.value(QStringLiteral("value")), where + QStringLiteral(".value"));

    OrderedJson keyOrder = OrderedJson::array();
    const QVariant keyOrderText = row.value(QStringLiteral("key_order"));
    if (!keyOrderText.isNull()) {
        auto parsed = parseColumn(keyOrderText, where + QStringLiteral(".key_order"));
        if (!parsed)
            return parsed.error();
        keyOrder = std::move(*parsed);
    } else {
        // A row the console created: its non-NULL known keys in MCPHub's order.
        for (const FieldSpec &field : spec.fields) {
            if (!row.value(field.column).isNull())
                keyOrder.push_back(toStd(field.jsonKey));
        }
    }
    OrderedJson extra = OrderedJson::object();
    const QVariant extraText = row.value(QStringLiteral("extra"));
    if (!extraText.isNull()) {
        auto parsed = parseColumn(extraText, where + QStringLiteral(".extra"));
        if (!parsed)
            return parsed.error();
        extra = std::move(*parsed);
    }
    OrderedJson value = OrderedJson::object();
    for (const auto &k : keyOrder) {
        if (!k.is_string())
            continue;
        const std::string key = k.get<std::string>();
        if (extra.is_object() && extra.contains(key)) {
            value[key] = extra[key];
            continue;
        }
        const FieldSpec *field = spec.field(fromStd(key));
        if (!field)
            continue;
        // The file had the key; NULL now means the console cleared it (a JSON null the file
        // held is in `extra`, or JSON text for a JSON field).
        if (row.value(field->column).isNull() && field->column != spec.keyColumn())
            continue;
        auto v
            = jsonValue(*field, row.value(field->column), where + QLatin1Char('.') + field->column);
        if (!v)
            return v.error();
        value[key] = std::move(*v);
    }
    // Known keys the file did not have that the console has set since (a server disabled, a
    // user made admin): appended, as MCPHub appends a property it sets. A value equal to the
    // placeholder of an absent key (whenAbsent) still means absent, so a file round-trips.
    for (const FieldSpec &field : spec.fields) {
        const std::string key = toStd(field.jsonKey);
        if (field.column == spec.keyColumn() || value.contains(key)
            || std::find(keyOrder.begin(), keyOrder.end(), OrderedJson(key)) != keyOrder.end()
            || (extra.is_object() && extra.contains(key)))
            continue;
        const QVariant current = row.value(field.column);
        if (current.isNull())
            continue;
        auto v = jsonValue(field, current, where + QLatin1Char('.') + field.column);
        if (!v)
            return v.error();
        auto placeholder = jsonValue(field, field.whenAbsent, where);
        if (placeholder && *placeholder == *v)
            continue;
        value[key] = std::move(*v);
    }
    if (extra.is_object()) {
        for (auto it = extra.begin(); it != extra.end(); ++it) {
            if (!value.contains(it.key()))
                value[it.key()] = it.value();
        }
    }
    return value;
}

Result<SettingsMapper::Exported> SettingsMapper::exportDocument(const RepositoryContext &context)
{
    Exported exported;
    if (context.kind == WorkspaceKind::McphubDatabase) {
        // MCPHub's own tables, with the shapes the console kept of the file migrated there.
        QList<MigrationReport::Item> warnings;
        auto document = HubSettings::exportDocument(context, &warnings);
        if (!document)
            return document.error();
        exported.document = std::move(*document);
        for (const MigrationReport::Item &w : std::as_const(warnings))
            exported.warnings << w.pointer + QStringLiteral(": ") + w.message;
        return exported;
    }
    RowRepository documents(context, settingsDocumentTable());
    const auto documentRow = documents.find(1);
    if (!documentRow)
        return documentRow.error();
    OrderedJson keyOrder = OrderedJson::array();
    OrderedJson extra = OrderedJson::object();
    if (documentRow->has_value()) {
        const QVariantMap &row = **documentRow;
        if (!row.value(QStringLiteral("key_order")).isNull()) {
            auto parsed = parseColumn(row.value(QStringLiteral("key_order")),
                                      QStringLiteral("settings_document.key_order"));
            if (!parsed)
                return parsed.error();
            keyOrder = std::move(*parsed);
        }
        if (!row.value(QStringLiteral("extra")).isNull()) {
            auto parsed = parseColumn(row.value(QStringLiteral("extra")),
                                      QStringLiteral("settings_document.extra"));
            if (!parsed)
                return parsed.error();
            extra = std::move(*parsed);
        }
        if (!row.value(QStringLiteral("format")).isNull()) {
            auto parsed = parseColumn(row.value(QStringLiteral("format")),
                                      QStringLiteral("settings_document.format"));
            if (parsed && parsed->is_object()) {
                exported.format.indent = parsed->value("indent", 2);
                exported.format.finalNewline = parsed->value("finalNewline", false);
            }
        }
    } else {
        keyOrder.push_back("mcpServers");
    }

    // Every entity's value, from its rows in file order.
    std::map<std::string, OrderedJson> entities;
    for (const EntitySpec &spec : settingsEntities()) {
        RowRepository repository = spec.repository(context);
        OrderedJson container
            = spec.shape == EntitySpec::Shape::Array ? OrderedJson::array() : OrderedJson::object();
        bool any = false;
        for (int offset = 0;; offset += 1000) {
            const auto page = repository.list({offset, 1000, false});
            if (!page)
                return page.error();
            for (const QVariantMap &row : page->items) {
                auto value = entityJson(spec, row);
                if (!value)
                    return value.error();
                any = true;
                if (spec.shape == EntitySpec::Shape::Array)
                    container.push_back(std::move(*value));
                else
                    container[toStd(rowKey(spec, row))] = std::move(*value);
            }
            if (page->items.size() < 1000)
                break;
        }
        const std::string name = toStd(spec.name);
        bool listed = false;
        for (const auto &k : keyOrder)
            listed = listed || (k.is_string() && k.get<std::string>() == name);
        if (any && !listed && !extra.contains(name))
            keyOrder.push_back(name);
        entities[name] = std::move(container);
    }

    exported.document = OrderedJson::object();
    for (const auto &k : keyOrder) {
        if (!k.is_string())
            continue;
        const std::string key = k.get<std::string>();
        if (extra.is_object() && extra.contains(key))
            exported.document[key] = extra[key];
        else if (entities.count(key))
            exported.document[key] = entities[key];
    }
    if (extra.is_object()) {
        for (auto it = extra.begin(); it != extra.end(); ++it) {
            if (!exported.document.contains(it.key()))
                exported.document[it.key()] = it.value();
        }
    }
    return exported;
}

QByteArray SettingsMapper::serialize(const OrderedJson &document, const SettingsFormat &format)
{
    // The settings store's writer (JSON.stringify's rules), with the file's own indentation.
    QByteArray out = McpHubJsonWriter::write(document, format.indent);
    if (format.finalNewline)
        out += '\n';
    return out;
}

SettingsFormat SettingsMapper::detectFormat(const QByteArray &sourceText)
{
    SettingsFormat format;
    if (sourceText.isEmpty())
        return format;
    format.finalNewline = sourceText.endsWith('\n');
    const qsizetype firstNewline = sourceText.indexOf('\n');
    if (firstNewline < 0 || firstNewline + 1 >= sourceText.size()
        || sourceText.trimmed().size() < 3) {
        format.indent = firstNewline < 0 ? 0 : 2;
        return format;
    }
    int spaces = 0;
    for (qsizetype i = firstNewline + 1; i < sourceText.size() && sourceText.at(i) == ' '; ++i)
        ++spaces;
    format.indent = spaces > 0 ? spaces : 2;
    return format;
}

} // namespace mcphub
