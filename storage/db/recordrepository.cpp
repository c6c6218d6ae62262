#include "storage/db/recordrepository.h"

#include "storage/db/sqlerror.h"
#include "storage/settings/mcphubjsonwriter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <nlohmann/json.hpp>

namespace mcphub {

namespace {

using Type = RecordField::Type;

// The texts' translation context, declared so that lupdate files them under it (a tr()
// helper calling translate() was filed under the enclosing namespace or class).
struct RecordRepositoryTexts
{
    Q_DECLARE_TR_FUNCTIONS(RecordRepository)
};

bool sameValue(const RecordField &field, const QVariant &a, const QVariant &b)
{
    if (field.type == Type::Bool)
        return a.toBool() == b.toBool();
    if (a.isNull() || b.isNull())
        return a.isNull() == b.isNull();
    return a.toString() == b.toString();
}

// A JSON object's text parsed, or nothing when it is not an object.
std::optional<nlohmann::ordered_json> object(const QString &text)
{
    if (text.isNull())
        return std::nullopt;
    const QByteArray bytes = text.toUtf8();
    auto value = nlohmann::ordered_json::parse(
        bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    if (!value.is_object())
        return std::nullopt;
    return value;
}

QString compact(const nlohmann::ordered_json &value)
{
    return QString::fromUtf8(McpHubJsonWriter::write(value, 0));
}

} // namespace

RecordRepository::RecordRepository(RepositoryContext context, const RecordEntity &entity)
    : RepositoryBase(std::move(context))
    , m_entity(&entity)
{}

QString RecordRepository::table() const
{
    return inMcphubDatabase() ? m_entity->hubTable : m_entity->consoleTable;
}

QString RecordRepository::column(const RecordField &field) const
{
    return inMcphubDatabase() ? field.hubColumn : field.consoleColumn;
}

QString RecordRepository::resource(const QString &key) const
{
    return m_entity->resourcePrefix + key;
}

Result<QVariant>
RecordRepository::parseValue(const RecordField &field, const QVariant &value, const QString &where)
{
    if (field.type == Type::Bool) {
        if (value.metaType() == QMetaType::fromType<bool>())
            return value;
        const QString text = value.toString().trimmed().toLower();
        if (QStringList{QStringLiteral("true"), QStringLiteral("yes"), QStringLiteral("1")}
                .contains(text))
            return QVariant(true);
        if (QStringList{QStringLiteral("false"), QStringLiteral("no"), QStringLiteral("0")}
                .contains(text))
            return QVariant(false);
        return Error::make(
            Error::Code::Invalid,
            RecordRepositoryTexts::tr("%1 is true or false; nothing was written.").arg(field.name),
            where);
    }
    const QString text = value.toString();
    if (text.trimmed().isEmpty()) {
        if (field.required)
            return Error::make(
                Error::Code::Invalid,
                RecordRepositoryTexts::tr("%1 must not be empty; nothing was written.")
                    .arg(field.name),
                where);
        return QVariant();
    }
    if (field.type == Type::Json) {
        const auto json = RecordEntity::compactJson(field, text, where);
        if (!json)
            return json.error();
        return QVariant(*json);
    }
    return QVariant(text);
}

Result<QVariantMap> RecordRepository::normalized(const QString &key,
                                                 const QVariantMap &values) const
{
    QVariantMap result;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const RecordField *field = m_entity->field(it.key());
        const QString where = resource(key) + QLatin1Char('/') + it.key();
        if (!field) {
            return Error::make(
                Error::Code::Invalid,
                RecordRepositoryTexts::tr("%1 has no field \"%2\"; its fields are %3. Nothing was "
                                          "written.")
                    .arg(m_entity->titleText(),
                         it.key(),
                         m_entity->fieldNames().join(QStringLiteral(", "))),
                where);
        }
        const auto value = parseValue(*field, it.value(), where);
        if (!value)
            return value.error();
        result.insert(it.key(), *value);
    }
    return result;
}

RecordRow RecordRepository::fromRecord(const QSqlRecord &record) const
{
    RecordRow row;
    const bool hub = inMcphubDatabase();
    row.rowId = record.value(hub ? QStringLiteral("id") : m_entity->consolePrimaryKey).toString();
    row.updatedAt = hub ? SqlDialect::wallClockUtc(record.value(QStringLiteral("updated_at")))
                        : dialect().timestampFromValue(record.value(QStringLiteral("updated_at")));
    std::optional<nlohmann::ordered_json> whole;
    if (!hub && m_entity->consoleWholeValue)
        whole = object(record.value(QStringLiteral("value")).toString());
    for (const RecordField &field : m_entity->fields) {
        QVariant value;
        if (!hub && m_entity->consoleWholeValue && field.consoleColumn == QLatin1String("value")) {
            // {routing, ...additionalConfig}, as MCPHub reads it from its own table.
            if (!whole) {
                value = record.value(QStringLiteral("value")).toString();
                if (field.name == QLatin1String("routing"))
                    value = QVariant();
            } else if (field.name == QLatin1String("routing")) {
                if (whole->contains("routing"))
                    value = compact(whole->at("routing"));
            } else {
                nlohmann::ordered_json rest = *whole;
                rest.erase("routing");
                value = compact(rest);
            }
        } else {
            const QVariant stored = record.value(column(field));
            if (field.type == Type::Bool)
                value = stored.isNull() ? true : stored.toBool(); // MCPHub's default
            else if (!stored.isNull())
                value = stored.toString();
        }
        row.values.insert(field.name, value);
    }
    const QString key = row.key(*m_entity);
    for (const RecordField &field : m_entity->fields) {
        if (field.type != Type::Json)
            continue;
        const QString problem
            = RecordEntity::jsonProblem(field, row.values.value(field.name).toString());
        if (!problem.isEmpty()) {
            row.findings.insert(
                field.name,
                Error::make(Error::Code::Invalid,
                            problem,
                            QStringLiteral("%1/%2/%3").arg(table(), key, column(field))));
        }
    }
    // MCPHub reads {routing, ...additionalConfig}: a routing its migration copied into
    // additionalConfig wins over the column when the two differ.
    const QString additional = QStringLiteral("additionalConfig");
    if (inMcphubDatabase() && m_entity->name == QLatin1String("userConfigs")
        && !row.findings.contains(additional)) {
        const auto rest = object(row.values.value(additional).toString());
        const auto routing = object(row.values.value(QStringLiteral("routing")).toString());
        if (rest && rest->contains("routing")
            && (!routing || compact(rest->at("routing")) != compact(*routing))) {
            row.findings.insert(
                additional,
                Error::make(Error::Code::Invalid,
                            RecordRepositoryTexts::tr(
                                "It holds a routing of its own, which MCPHub reads instead of the "
                                "routing column. Set the routing to replace both."),
                            QStringLiteral("%1/%2/%3").arg(table(), key, additional)));
        }
    }
    return row;
}

Result<QList<RecordRow>> RecordRepository::list() const
{
    const QString order
        = inMcphubDatabase()
              ? SqlDialect::escape(db(), m_entity->key().hubColumn)
              : QStringLiteral("ordinal, ") + SqlDialect::escape(db(), m_entity->consolePrimaryKey);
    QList<RecordRow> rows;
    PageRequest page{0, 500, false};
    for (int guard = 0; guard < 100000; ++guard) {
        const auto chunk = selectRows(table(), SqlFilter(), order, page);
        if (!chunk)
            return chunk.error();
        for (const QSqlRecord &r : *chunk)
            rows << fromRecord(r);
        if (chunk->size() < page.limit)
            break;
        page.offset += page.limit;
    }
    return rows;
}

Result<std::optional<RecordRow>> RecordRepository::find(const QString &key) const
{
    const auto rows = selectByKey(table(), column(m_entity->key()), key);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<RecordRow>();
    if (rows->size() > 1) {
        // Only the console's prompts and resources, keyed by the file's ids, can have this.
        return Error::make(Error::Code::Invalid,
                           RecordRepositoryTexts::tr(
                               "Several rows of %1 are named \"%2\"; change them in the settings "
                               "file.")
                               .arg(table(), key),
                           resource(key));
    }
    return std::optional<RecordRow>(fromRecord(rows->first()));
}

Result<RecordRow> RecordRepository::existing(const QString &key,
                                             const QDateTime &seenUpdatedAt) const
{
    const auto row = find(key);
    if (!row)
        return row.error();
    if (!row->has_value()) {
        return Error::make(Error::Code::NotFound,
                           RecordRepositoryTexts::tr("%1 has no \"%2\"; nothing was written.")
                               .arg(m_entity->titleText(), key),
                           resource(key));
    }
    if (seenUpdatedAt.isValid() && (*row)->updatedAt != seenUpdatedAt) {
        return Error::make(Error::Code::Conflict,
                           RecordRepositoryTexts::tr(
                               "This row was changed in the database since it was read "
                               "(updated_at), by MCPHub or another console, so nothing was "
                               "written. Your edits are kept: reload to see the change, then "
                               "make them again."),
                           QStringLiteral("%1/%2/updated_at").arg(table(), key))
            .withRemedy(Error::Remedy::Reload);
    }
    return **row;
}

QJsonObject RecordRepository::summary(const QString &key, const QVariantMap &values) const
{
    // Names, flags and short texts only: secrets, JSON (which may hold tokens) and long texts
    // stay out of the audit trail.
    QJsonObject summary{{m_entity->keyField, key}};
    QJsonArray fields;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const RecordField *field = m_entity->field(it.key());
        if (!field)
            continue;
        fields.append(it.key());
        if (field->type == Type::Bool)
            summary.insert(it.key(), it.value().toBool());
        else if (field->type == Type::Text && it.key() != m_entity->keyField
                 && it.value().toString().size() <= 200)
            summary.insert(it.key(), QJsonValue::fromVariant(it.value()));
    }
    summary.insert(QStringLiteral("fields"), fields);
    return summary;
}

QString RecordRepository::wholeValue(const QVariantMap &values) const
{
    nlohmann::ordered_json whole = nlohmann::ordered_json::object();
    if (const auto routing = values.value(QStringLiteral("routing")).toString();
        !routing.isNull()) {
        const QByteArray bytes = routing.toUtf8();
        whole["routing"] = nlohmann::ordered_json::parse(
            bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    }
    if (const auto rest = object(values.value(QStringLiteral("additionalConfig")).toString())) {
        for (auto it = rest->begin(); it != rest->end(); ++it)
            whole[it.key()] = it.value();
    }
    return compact(whole);
}

Result<void> RecordRepository::add(const QVariantMap &values)
{
    const QString key = values.value(m_entity->keyField).toString();
    auto given = normalized(key, values);
    if (!given)
        return given.error();
    if (key.trimmed().isEmpty()) {
        return Error::make(Error::Code::Invalid,
                           RecordRepositoryTexts::tr("%1 must not be empty; nothing was written.")
                               .arg(m_entity->keyField),
                           resource(key));
    }
    // Every NOT NULL column filled: lists empty, flags on (MCPHub's defaults); texts MCPHub
    // requires are the administrator's to give.
    for (const RecordField &field : m_entity->fields) {
        if (given->contains(field.name) && !given->value(field.name).isNull())
            continue;
        if (field.type == Type::Bool) {
            given->insert(field.name, true);
        } else if (field.required && field.type == Type::Json) {
            given->insert(field.name,
                          field.shape == RecordField::Shape::Object ? QStringLiteral("{}")
                                                                    : QStringLiteral("[]"));
        } else if (field.required) {
            return Error::make(Error::Code::Invalid,
                               RecordRepositoryTexts::tr("%1 needs %2; nothing was written.")
                                   .arg(m_entity->titleText(), field.name),
                               resource(key) + QLatin1Char('/') + field.name);
        }
    }
    const auto found = find(key);
    if (!found)
        return found.error();
    if (found->has_value()) {
        return Error::make(Error::Code::Conflict,
                           RecordRepositoryTexts::tr("%1 already has \"%2\"; nothing was written.")
                               .arg(m_entity->titleText(), key),
                           resource(key));
    }
    return audited(m_entity->action + QStringLiteral(".create"),
                   resource(key),
                   QStringLiteral("CREATE"),
                   {},
                   summary(key, *given),
                   [&] { return writeNew(*given); });
}

Result<void> RecordRepository::writeNew(const QVariantMap &values)
{
    Columns columns;
    if (inMcphubDatabase()) {
        // id, created_at and updated_at: the table's defaults, as TypeORM leaves them.
        for (const RecordField &field : m_entity->fields) {
            const QVariant value = values.value(field.name);
            if (!value.isNull())
                columns.append({field.hubColumn, value});
        }
        const auto r = insertRow(table(), columns);
        if (!r)
            return r.error();
        return {};
    }
    const SqlDialect d = dialect();
    QSqlQuery next(db());
    if (!next.exec(QStringLiteral("SELECT COALESCE(MAX(ordinal), -1) + 1 FROM ")
                   + SqlDialect::escape(db(), table()))
        || !next.next())
        return sqlError(next.lastError(),
                        context().where + QStringLiteral(": ") + table(),
                        RecordRepositoryTexts::tr("Cannot read the table."));
    if (m_entity->consoleGeneratesId)
        columns.append(
            {m_entity->consolePrimaryKey, QUuid::createUuid().toString(QUuid::WithoutBraces)});
    if (m_entity->consoleWholeValue) {
        columns.append({m_entity->keyField, values.value(m_entity->keyField)});
        columns.append({QStringLiteral("value"), wholeValue(values)});
    } else {
        for (const RecordField &field : m_entity->fields) {
            const QVariant value = values.value(field.name);
            columns.append(
                {field.consoleColumn,
                 field.type == Type::Bool ? d.boolValue(value.toBool()) : text(value.toString())});
        }
    }
    columns.append({QStringLiteral("ordinal"), next.value(0).toInt()});
    columns.append({QStringLiteral("updated_at"), now()});
    const auto r = insertRow(table(), columns);
    if (!r)
        return r.error();
    return {};
}

Result<void> RecordRepository::update(const QString &key,
                                      const QVariantMap &changes,
                                      const QDateTime &seenUpdatedAt)
{
    const auto old = existing(key, seenUpdatedAt);
    if (!old)
        return old.error();
    const auto given = normalized(key, changes);
    if (!given)
        return given.error();
    QVariantMap changed;
    for (auto it = given->cbegin(); it != given->cend(); ++it) {
        if (!sameValue(*m_entity->field(it.key()), it.value(), old->values.value(it.key())))
            changed.insert(it.key(), it.value());
    }
    // MCPHub reads {routing, ...additionalConfig} and its API writes routing apart: a routing
    // MCPHub's migration left inside additionalConfig would hide the new one.
    const QString routing = QStringLiteral("routing");
    const QString additional = QStringLiteral("additionalConfig");
    if (inMcphubDatabase() && m_entity->name == QLatin1String("userConfigs")
        && changed.contains(routing)) {
        const QString base = changed.contains(additional)
                                 ? changed.value(additional).toString()
                                 : old->values.value(additional).toString();
        if (auto rest = object(base); rest && rest->contains("routing")) {
            rest->erase("routing");
            changed.insert(additional, compact(*rest));
        }
    }
    if (changed.isEmpty())
        return {};
    const QString newKey = changed.value(m_entity->keyField, key).toString();
    if (newKey != key) {
        const auto clash = find(newKey);
        if (!clash)
            return clash.error();
        if (clash->has_value()) {
            return Error::make(
                Error::Code::Conflict,
                RecordRepositoryTexts::tr("%1 already has \"%2\"; nothing was written.")
                    .arg(m_entity->titleText(), newKey),
                resource(key) + QLatin1Char('/') + m_entity->keyField);
        }
    }
    QVariantMap before;
    for (auto it = changed.cbegin(); it != changed.cend(); ++it)
        before.insert(it.key(), old->values.value(it.key()));
    return audited(m_entity->action + QStringLiteral(".update"),
                   resource(key),
                   QStringLiteral("UPDATE"),
                   summary(key, before),
                   summary(newKey, changed),
                   [&] { return writeChanges(*old, changed); });
}

Result<void> RecordRepository::writeChanges(const RecordRow &old, const QVariantMap &changed)
{
    const auto bound = [](const RecordField &field, const QVariant &value) {
        return field.type == Type::Bool ? QVariant(value.toBool()) : text(value.toString());
    };
    if (inMcphubDatabase()) {
        Columns before, after;
        for (auto it = changed.cbegin(); it != changed.cend(); ++it) {
            const RecordField &field = *m_entity->field(it.key());
            before.append({field.hubColumn, bound(field, old.values.value(it.key()))});
            after.append({field.hubColumn, bound(field, it.value())});
        }
        return updateMcphubRow(table(), old.rowId, before, after, resource(old.key(*m_entity)));
    }
    Columns columns;
    if (m_entity->consoleWholeValue) {
        QVariantMap merged = old.values;
        for (auto it = changed.cbegin(); it != changed.cend(); ++it)
            merged.insert(it.key(), it.value());
        if (changed.contains(m_entity->keyField))
            columns.append({m_entity->consolePrimaryKey, merged.value(m_entity->keyField)});
        columns.append({QStringLiteral("value"), wholeValue(merged)});
    } else {
        const SqlDialect d = dialect();
        for (auto it = changed.cbegin(); it != changed.cend(); ++it) {
            const RecordField &field = *m_entity->field(it.key());
            columns.append({field.consoleColumn,
                            field.type == Type::Bool ? d.boolValue(it.value().toBool())
                                                     : text(it.value().toString())});
        }
    }
    columns.append({QStringLiteral("updated_at"), now()});
    const auto r = updateRows(table(), columns, m_entity->consolePrimaryKey, old.rowId);
    if (!r)
        return r.error();
    return {};
}

Result<void> RecordRepository::remove(const QString &key, const QDateTime &seenUpdatedAt)
{
    const auto old = existing(key, seenUpdatedAt);
    if (!old)
        return old.error();
    QVariantMap named;
    for (const RecordField &field : m_entity->fields) {
        if (field.type == Type::Text || field.type == Type::Bool)
            named.insert(field.name, old->values.value(field.name));
    }
    return audited(m_entity->action + QStringLiteral(".delete"),
                   resource(key),
                   QStringLiteral("DELETE"),
                   summary(key, named),
                   {},
                   [&]() -> Result<void> {
                       const auto r = deleteRows(table(),
                                                 inMcphubDatabase() ? QStringLiteral("id")
                                                                    : m_entity->consolePrimaryKey,
                                                 old->rowId);
                       if (!r)
                           return r.error();
                       return {};
                   });
}

} // namespace mcphub
