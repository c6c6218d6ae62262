// MCPHub's rows as they are stored: read (row_to_json), compared with a file's values, put
// back or removed (a rollback), and the whole database exported as a settings file in
// MCPHub's format. The mapping of a file onto the rows is in hubsettings.cpp.
#include "storage/migration/hubsettings.h"

#include "storage/db/sqldialect.h"
#include "storage/db/sqlerror.h"

#include <QDateTime>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace mcphub {

namespace {

using Kind = HubColumn::Kind;

// The file value of a stored column value (null when there is none); `ok` false for text
// that is not JSON in a JSON column.
OrderedJson toFile(Kind kind, const OrderedJson &stored, bool *ok)
{
    *ok = true;
    if (stored.is_null())
        return nullptr;
    switch (kind) {
    case Kind::Text:
    case Kind::Bool:
    case Kind::Int:
        return stored;
    case Kind::Json:
        if (!stored.is_string()) {
            *ok = false;
            return nullptr;
        }
        try {
            return OrderedJson::parse(stored.get<std::string>());
        } catch (const OrderedJson::exception &) {
            *ok = false;
            return nullptr;
        }
    case Kind::Time: {
        const QDateTime t
            = stored.is_string()
                  ? HubSettings::parseTime(QString::fromStdString(stored.get<std::string>()))
                  : QDateTime();
        if (!t.isValid()) {
            *ok = false;
            return nullptr;
        }
        return HubSettings::timeForFile(t).toStdString();
    }
    }
    return nullptr;
}

} // namespace

Result<QList<OrderedJson>> HubSettings::readRows(const RepositoryContext &context,
                                                 const QString &table)
{
    const QSqlDatabase db = QSqlDatabase::database(context.connectionName, false);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    const QString order
        = table == kShapesTable ? QStringLiteral("t.id") : QStringLiteral("t.created_at, t.id");
    if (!query.exec(
            QStringLiteral("SELECT row_to_json(t)::text FROM %1 t ORDER BY %2").arg(table, order)))
        return sqlError(query.lastError(),
                        context.where + QStringLiteral(": ") + table,
                        tr("reading MCPHub's rows"));
    QList<OrderedJson> rows;
    while (query.next()) {
        const QByteArray text = query.value(0).toString().toUtf8();
        rows.append(
            OrderedJson::parse(text.constData(), text.constData() + text.size(), nullptr, false));
    }
    return rows;
}

Result<std::optional<OrderedJson>>
HubSettings::readRow(const RepositoryContext &context, const QString &table, const QString &id)
{
    const QSqlDatabase db = QSqlDatabase::database(context.connectionName, false);
    QSqlQuery query(db);
    const bool prepared = query.prepare(
        QStringLiteral("SELECT row_to_json(t)::text FROM %1 t WHERE t.id = ?").arg(table));
    query.addBindValue(id);
    if (!prepared || !query.exec())
        return sqlError(query.lastError(),
                        context.where + QStringLiteral(": ") + table,
                        tr("reading MCPHub's rows"));
    if (!query.next())
        return std::optional<OrderedJson>();
    const QByteArray text = query.value(0).toString().toUtf8();
    return std::optional<OrderedJson>(
        OrderedJson::parse(text.constData(), text.constData() + text.size(), nullptr, false));
}

bool HubSettings::sameValue(Kind kind, const OrderedJson &stored, const OrderedJson &wanted)
{
    if (stored.is_null() || wanted.is_null())
        return stored.is_null() && wanted.is_null();
    if (kind == Kind::Json && stored.is_string() && wanted.is_string()) {
        if (stored == wanted)
            return true;
        // As values: the same object with its keys in another order is the same.
        const auto a = nlohmann::json::parse(stored.get<std::string>(), nullptr, false);
        const auto b = nlohmann::json::parse(wanted.get<std::string>(), nullptr, false);
        return !a.is_discarded() && a == b;
    }
    if (kind == Kind::Time && stored.is_string() && wanted.is_string()) {
        return HubSettings::parseTime(QString::fromStdString(stored.get<std::string>()))
               == HubSettings::parseTime(QString::fromStdString(wanted.get<std::string>()));
    }
    return stored == wanted;
}

Result<void>
HubSettings::removeRow(const RepositoryContext &context, const QString &table, const QString &id)
{
    QSqlQuery query(QSqlDatabase::database(context.connectionName, false));
    const bool prepared = query.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table));
    query.addBindValue(id);
    if (!prepared || !query.exec())
        return sqlError(
            query.lastError(), QStringLiteral("%1/%2").arg(table, id), tr("removing a row"));
    return {};
}

Result<void> HubSettings::restoreRow(const RepositoryContext &context,
                                     const QString &table,
                                     const OrderedJson &image)
{
    const QSqlDatabase db = QSqlDatabase::database(context.connectionName, false);
    const QString id = HubSettings::textOf(image.value("id", OrderedJson()));
    QStringList columns;
    for (auto it = image.begin(); it != image.end(); ++it)
        columns << SqlDialect::escape(db, QString::fromStdString(it.key()));
    const QString list = columns.join(QStringLiteral(", "));
    QSqlQuery query(db);
    // json_populate_record gives every column its own type from the image's text.
    bool prepared
        = query.prepare(QStringLiteral("UPDATE %1 AS t SET (%2) = (SELECT %2 FROM "
                                       "json_populate_record(NULL::%1, ?::json)) WHERE t.id = ?")
                            .arg(table, list));
    query.addBindValue(QString::fromStdString(image.dump()));
    query.addBindValue(id);
    if (!prepared || !query.exec())
        return sqlError(
            query.lastError(), QStringLiteral("%1/%2").arg(table, id), tr("restoring a row"));
    if (query.numRowsAffected() > 0)
        return {};
    prepared = query.prepare(QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM "
                                            "json_populate_record(NULL::%1, ?::json)")
                                 .arg(table, list));
    query.addBindValue(QString::fromStdString(image.dump()));
    if (!prepared || !query.exec())
        return sqlError(
            query.lastError(), QStringLiteral("%1/%2").arg(table, id), tr("restoring a row"));
    return {};
}

Result<OrderedJson> HubSettings::exportDocument(const RepositoryContext &context,
                                                QList<MigrationReport::Item> *warnings)
{
    struct Shape
    {
        int ordinal = 0;
        QStringList keys;
    };
    QHash<QString, Shape> shapes;
    if (const auto rows = readRows(context, kShapesTable); rows) {
        QHash<std::string, QStringList> lists; // by keys JSON text, parsed once
        const auto entries = EntityShapes::entries(*rows);
        for (auto e = entries.cbegin(); e != entries.cend(); ++e) {
            auto list = lists.find(e->keysJson);
            if (list == lists.end()) {
                QStringList keys;
                const auto parsed = OrderedJson::parse(e->keysJson, nullptr, false);
                if (parsed.is_array()) {
                    for (const auto &k : parsed) {
                        if (k.is_string())
                            keys << QString::fromStdString(k.get<std::string>());
                    }
                }
                list = lists.insert(e->keysJson, keys);
            }
            shapes.insert(e.key(), Shape{e->ordinal, *list});
        }
    } // without the console's schema (read-only): every row in MCPHub's order
    const auto warn = [&](const QString &where, const QString &message) {
        if (warnings)
            warnings->append({where, message});
    };

    OrderedJson entities = OrderedJson::object();
    for (const HubEntity &entity : hubEntities()) {
        const auto rows = readRows(context, entity.table);
        if (!rows)
            return rows.error();
        struct Built
        {
            QString key;
            OrderedJson value;
            bool shaped = false;
            int ordinal = 0;
            int read = 0;
        };
        QList<Built> built;
        int read = 0;
        for (const OrderedJson &row : *rows) {
            const QString key
                = HubSettings::textOf(row.value(entity.keyColumn.toStdString(), OrderedJson()));
            const QString id = HubSettings::textOf(row.value("id", OrderedJson()));
            if (entity.shape == HubEntity::Shape::Single && id != QLatin1String("default"))
                continue; // a second row MCPHub never reads
            const QString where = QStringLiteral("%1/%2").arg(entity.table, id);
            const auto shape = shapes.constFind(shapeId(entity.name, key));
            const bool shaped = shape != shapes.constEnd();
            // The file values of the row, by file key.
            QHash<QString, OrderedJson> values;
            OrderedJson rest = OrderedJson::object();
            for (const HubColumn &c : entity.columns) {
                bool ok = true;
                OrderedJson v
                    = toFile(c.kind, row.value(c.column.toStdString(), OrderedJson()), &ok);
                if (!ok) {
                    warn(where + QLatin1Char('/') + c.column,
                         tr("The column holds text that is not JSON; it is left out of the "
                            "file."));
                    continue;
                }
                if (entity.splitsRest && c.key.isEmpty()) {
                    if (v.is_object())
                        rest = v;
                    continue;
                }
                values.insert(c.key, v);
            }
            OrderedJson object = OrderedJson::object();
            const auto put = [&](const QString &k) {
                if (object.contains(k.toStdString()))
                    return;
                if (entity.fileIds && k == QLatin1String("id"))
                    object["id"] = id.toStdString();
                else if (entity.shape == HubEntity::Shape::Array && k == entity.keyField)
                    object[k.toStdString()] = key.toStdString();
                else if (values.contains(k))
                    object[k.toStdString()] = values.value(k);
                else if (entity.splitsRest && rest.contains(k.toStdString()))
                    object[k.toStdString()] = rest[k.toStdString()];
            };
            if (shaped) {
                for (const QString &k : shape->keys)
                    put(k);
                // What the database has beyond the file's keys: set since, or by MCPHub.
                for (const HubColumn &c : entity.columns) {
                    if (c.key.isEmpty() || object.contains(c.key.toStdString()))
                        continue;
                    const OrderedJson v = values.value(c.key);
                    const OrderedJson stored = row.value(c.column.toStdString(), OrderedJson());
                    if (!v.is_null() && !sameValue(c.kind, stored, c.whenAbsent))
                        put(c.key);
                }
                for (auto r = rest.begin(); r != rest.end(); ++r)
                    put(QString::fromStdString(r.key()));
            } else {
                if (entity.fileIds)
                    put(QStringLiteral("id"));
                if (entity.shape == HubEntity::Shape::Array)
                    put(entity.keyField);
                for (const HubColumn &c : entity.columns) {
                    if (!c.key.isEmpty() && !values.value(c.key).is_null())
                        put(c.key);
                }
                for (auto r = rest.begin(); r != rest.end(); ++r)
                    put(QString::fromStdString(r.key()));
            }
            built.append({key, std::move(object), shaped, shaped ? shape->ordinal : 0, read++});
        }
        std::stable_sort(built.begin(), built.end(), [](const Built &a, const Built &b) {
            if (a.shaped != b.shaped)
                return a.shaped;
            return a.shaped ? a.ordinal < b.ordinal : a.read < b.read;
        });
        const bool described
            = shapes.value(shapeId(QStringLiteral("document"), {})).keys.contains(entity.name);
        switch (entity.shape) {
        case HubEntity::Shape::Single:
            if (!built.isEmpty())
                entities[entity.name.toStdString()] = built.first().value;
            break;
        case HubEntity::Shape::Map:
            if (!built.isEmpty() || described || entity.name == QLatin1String("mcpServers")) {
                OrderedJson map = OrderedJson::object();
                for (const Built &b : built)
                    map[b.key.toStdString()] = b.value;
                entities[entity.name.toStdString()] = std::move(map);
            }
            break;
        case HubEntity::Shape::Array:
            if (!built.isEmpty() || described) {
                OrderedJson list = OrderedJson::array();
                for (const Built &b : built)
                    list.push_back(b.value);
                entities[entity.name.toStdString()] = std::move(list);
            }
            break;
        }
    }
    // The top level in the file's order, then what the file did not have.
    OrderedJson document = OrderedJson::object();
    for (const QString &k : shapes.value(shapeId(QStringLiteral("document"), {})).keys) {
        if (entities.contains(k.toStdString()))
            document[k.toStdString()] = entities[k.toStdString()];
    }
    for (auto it = entities.begin(); it != entities.end(); ++it) {
        if (!document.contains(it.key()))
            document[it.key()] = it.value();
    }
    return document;
}

} // namespace mcphub
