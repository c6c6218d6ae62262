#include "models/recordtablemodel.h"

#include "models/repositoryrows.h"
#include "storage/db/recordrepository.h"

namespace mcphub {

namespace {

using Type = RecordField::Type;

// Not a field: what the repository found in the stored row, by field (translated).
const QString kStoredFindings = QStringLiteral("storedFindings");

QVariantMap toMap(const RecordRow &row)
{
    QVariantMap values = row.values;
    values.insert(kRowUpdatedAt, row.updatedAt);
    QVariantMap findings;
    for (auto it = row.findings.cbegin(); it != row.findings.cend(); ++it)
        findings.insert(it.key(), it.value().message);
    values.insert(kStoredFindings, findings);
    return values;
}

// The field an error names in its place ("prompts/greet/arguments:1:4"), else `fallback`.
QString blamedField(const RecordEntity &entity, const Error &error, const QString &fallback)
{
    for (const RecordField &field : entity.fields) {
        if (error.where.contains(QLatin1Char('/') + field.name))
            return field.name;
    }
    return fallback;
}

bool sameValue(const QVariant &a, const QVariant &b)
{
    if (a.isNull() || b.isNull())
        return a.isNull() == b.isNull();
    return a == b;
}

} // namespace

RecordTableModel::RecordTableModel(const RepositoryContext &context,
                                   const RecordEntity &entity,
                                   QObject *parent)
    : PendingTableModel(parent)
    , m_context(context)
    , m_entity(&entity)
{
    setLabelField(entity.keyField);
    QList<Column> columns;
    for (const RecordField &field : entity.fields) {
        setFieldTitle(field.name, field.titleText());
        if (!field.listed)
            continue;
        const Kind kind = field.type == Type::Bool     ? Kind::Bool
                          : field.type == Type::Secret ? Kind::Secret
                                                       : Kind::Text;
        const bool isKey = field.name == entity.keyField;
        columns.append({field.name, field.titleText(), kind, !isKey, true});
    }
    setColumns(columns);
    setLoader([this]() -> Result<QList<QVariantMap>> {
        const auto rows = RecordRepository(m_context, *m_entity).list();
        if (!rows)
            return rows.error();
        QList<QVariantMap> maps;
        for (const RecordRow &row : *rows)
            maps << toMap(row);
        return maps;
    });
    setWriter([this](const QList<PendingChange> &changes) {
        return writeInTransaction(m_context, [&]() -> std::optional<ChangeFailure> {
            RecordRepository repo(m_context, *m_entity);
            const QString keyField = m_entity->keyField;
            for (int i = 0; i < changes.size(); ++i) {
                const PendingChange &c = changes.at(i);
                const QString key = c.original.value(keyField).toString();
                const QDateTime seen = c.original.value(kRowUpdatedAt).toDateTime();
                Result<void> done;
                if (c.kind == PendingChange::Kind::Add) {
                    QVariantMap values;
                    for (const RecordField &field : m_entity->fields) {
                        const QVariant v = c.current.value(field.name);
                        if (!v.isNull())
                            values.insert(field.name, v);
                    }
                    done = repo.add(values);
                } else if (c.kind == PendingChange::Kind::Remove) {
                    done = repo.remove(key, seen);
                } else {
                    QVariantMap changed;
                    for (const RecordField &field : m_entity->fields) {
                        const QVariant now = c.current.value(field.name);
                        if (!sameValue(now, c.original.value(field.name)))
                            changed.insert(field.name, now.isNull() ? QVariant(QString()) : now);
                    }
                    done = repo.update(key, changed, seen);
                }
                if (!done)
                    return ChangeFailure{
                        i, blamedField(*m_entity, done.error(), keyField), done.error()};
            }
            return std::nullopt;
        });
    });
    setReadOnly(context.readOnly);
}

int RecordTableModel::addRecord(const QString &key)
{
    QVariantMap values;
    for (const RecordField &field : m_entity->fields) {
        if (field.type == Type::Bool)
            values.insert(field.name, true);
        else if (field.required && field.type == Type::Json)
            values.insert(field.name,
                          field.shape == RecordField::Shape::Object ? QStringLiteral("{}")
                                                                    : QStringLiteral("[]"));
        else
            values.insert(field.name, QVariant());
    }
    values.insert(m_entity->keyField, key);
    return addRow(values);
}

QHash<QString, QString> RecordTableModel::validate(int row) const
{
    QHash<QString, QString> found;
    const QVariantMap original = rows().value(row).original;
    for (const RecordField &field : m_entity->fields) {
        const QVariant value = this->value(row, field.name);
        const QString text = value.toString();
        if (field.type == Type::Bool)
            continue;
        if (text.trimmed().isEmpty()) {
            if (field.required)
                found.insert(field.name, tr("It must not be empty."));
            continue;
        }
        if (field.type != Type::Json)
            continue;
        if (original.contains(field.name) && sameValue(value, original.value(field.name))) {
            // As stored: named until replaced, and left as it is.
            QString problem = original.value(kStoredFindings).toMap().value(field.name).toString();
            // A routing shadowed by additionalConfig's own is replaced by setting the routing.
            if (field.name == QLatin1String("additionalConfig")
                && !sameValue(this->value(row, QStringLiteral("routing")),
                              original.value(QStringLiteral("routing"))))
                problem.clear();
            if (!problem.isEmpty())
                found.insert(field.name, problem);
        } else if (const auto json = RecordEntity::compactJson(field, text, field.name); !json) {
            found.insert(field.name,
                         tr("%1 (at %2)").arg(json.error().message, json.error().where));
        }
    }
    return found;
}

} // namespace mcphub
