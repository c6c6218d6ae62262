#pragma once

#include "storage/db/recordentity.h"
#include "storage/db/repositorybase.h"

#include <QDateTime>
#include <QMap>
#include <QVariantMap>

#include <optional>

namespace mcphub {

// One row of a record entity: its values by field name (QString, null for SQL NULL, or bool),
// the stored row's identity (MCPHub's uuid, or the console's primary key), when it was last
// changed, and what MCPHub cannot load or misreads in it, by field (Error::Code::Invalid,
// `where` = "table/key/column"; the row is listed all the same and left as it is unless
// edited).
struct RecordRow
{
    QString rowId;
    QVariantMap values;
    QDateTime updatedAt;
    QMap<QString, Error> findings;

    QString key(const RecordEntity &entity) const
    {
        return values.value(entity.keyField).toString();
    }
};

// OAuth clients, built-in prompts and resources and user configurations (RecordEntity), by
// their natural key, on every kind of workspace: in MCPHub's own database as MCPHub writes
// them (its tables and quoted camelCase columns, uuid ids from the table's default, JSON
// columns as compact JSON.stringify text, every NOT NULL column filled, an update writes only
// the changed columns and updated_at = now()); in the console's schema (and a settings file
// through it) in the console's tables. Given the updated_at a row was read with, update() and
// remove() refuse a row changed since (Error::Code::Conflict naming table, row and
// updated_at). Every write is audited; secrets and JSON values never reach the audit trail.
// Same threading contract as every repository.
class RecordRepository : public RepositoryBase
{
public:
    RecordRepository(RepositoryContext context, const RecordEntity &entity);

    const RecordEntity &entity() const { return *m_entity; }
    // The table this workspace keeps the entity in.
    QString table() const;

    // Every row, by key.
    Result<QList<RecordRow>> list() const;
    Result<std::optional<RecordRow>> find(const QString &key) const;

    // `values` by field name: strings (JSON fields as JSON text, made compact here; an empty
    // string clears a field that is not required), bools. Fields not given take MCPHub's
    // defaults. Refused (nothing written) when the key exists, a required field is missing or
    // a JSON text is invalid (naming the field and line:column).
    Result<void> add(const QVariantMap &values);
    // Writes the fields of `changes` that differ from the stored row (nothing else). With a
    // valid `seenUpdatedAt`, a row changed since is refused as a conflict.
    Result<void>
    update(const QString &key, const QVariantMap &changes, const QDateTime &seenUpdatedAt = {});
    Result<void> remove(const QString &key, const QDateTime &seenUpdatedAt = {});

    // A value typed for `field` (CLI text, an editor's text) made into what the repository
    // stores: JSON compacted and checked, "true"/"false" for booleans, an empty text as NULL
    // for a field that is not required. Errors name `where` (line:column for JSON).
    static Result<QVariant>
    parseValue(const RecordField &field, const QVariant &value, const QString &where);

private:
    QString column(const RecordField &field) const;
    RecordRow fromRecord(const QSqlRecord &record) const;
    QString resource(const QString &key) const;
    QJsonObject summary(const QString &key, const QVariantMap &values) const;
    Result<QVariantMap> normalized(const QString &key, const QVariantMap &values) const;
    Result<RecordRow> existing(const QString &key, const QDateTime &seenUpdatedAt) const;
    Result<void> writeNew(const QVariantMap &values);
    Result<void> writeChanges(const RecordRow &old, const QVariantMap &changed);
    QString wholeValue(const QVariantMap &values) const; // the console's user_configs.value

    const RecordEntity *m_entity;
};

} // namespace mcphub
