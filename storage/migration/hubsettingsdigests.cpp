// HubSettings' digests and shapes: what a run into MCPHub's database records of the rows
// it wrote (CreatedRows, by digest, and whether they changed since), the digest of a row
// image, and the settings_shapes rows that keep the file's key order (EntityShapes).

#include "storage/migration/hubsettings.h"

#include "storage/db/bulkreader.h"
#include "storage/db/sqldialect.h"
#include "storage/db/sqlerror.h"
#include "storage/sha256.h"
#include "storage/uuidseries.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <algorithm>
#include <vector>

namespace mcphub {

QString HubSettings::rowDigest(const OrderedJson &row)
{
    const std::string text = row.dump();
    return QString::fromLatin1(Sha256::hex(QByteArrayView(text.data(), qsizetype(text.size()))));
}

QByteArray HubSettings::CreatedRows::textDigest(QByteArrayView text)
{
    return Sha256::hex(text);
}

Result<QList<HubSettings::TableColumn>> HubSettings::tableColumns(const RepositoryContext &context,
                                                                  const QString &table)
{
    QSqlQuery query(QSqlDatabase::database(context.connectionName, false));
    query.prepare(
        QStringLiteral("SELECT attname, CASE WHEN attnotnull AND atttypid = 'timestamp'::regtype "
                       "THEN 'timestamp' WHEN attnotnull AND atttypid = 'timestamptz'::regtype "
                       "THEN 'timestamptz' ELSE '' END, format_type(atttypid, NULL) FROM "
                       "pg_attribute WHERE attrelid = "
                       "to_regclass(?) AND attnum > 0 AND NOT attisdropped ORDER BY attnum"));
    query.addBindValue(QStringLiteral("public.") + table);
    if (!query.exec())
        return sqlError(query.lastError(), context.where + QStringLiteral(": ") + table, {});
    QList<TableColumn> columns;
    while (query.next())
        columns.append(
            {query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
    return columns;
}

QString HubSettings::digestSelect(const QSqlDatabase &db, const QList<DigestColumn> &columns)
{
    QStringList select;
    for (const DigestColumn &c : columns) {
        const QString column = SqlDialect::escape(db, c.name);
        if (c.viaJson)
            select << QStringLiteral("to_json(%1) #>> '{}'").arg(column);
        else if (!c.nowType.isEmpty() && !c.nowText.isEmpty())
            select << QStringLiteral("NULLIF(%1, '%2'::%3)")
                          .arg(column,
                               QString::fromUtf8(c.nowText).replace(QLatin1Char('\''),
                                                                    QStringLiteral("''")),
                               c.nowType);
        else if (!c.nowType.isEmpty())
            select << QStringLiteral("NULLIF(%1, now()::%2)").arg(column, c.nowType);
        else
            select << column;
    }
    return select.join(QStringLiteral(", "));
}

QByteArray HubSettings::fieldsDigest(const std::vector<std::optional<QByteArrayView>> &fields)
{
    Sha256 hash;
    for (const auto &field : fields) {
        const quint32 size = field ? quint32(field->size()) : 0xffffffffu;
        const char length[4] = {char(size >> 24), char(size >> 16), char(size >> 8), char(size)};
        hash.addData(QByteArrayView(length, 4));
        if (field)
            hash.addData(*field);
    }
    return hash.result().toHex();
}

void HubSettings::CreatedRows::setColumns(const QString &table, const QList<DigestColumn> &columns)
{
    if (!m_tables.contains(table))
        m_order.append(table);
    m_tables[table].columns = columns;
}

HubSettings::CreatedRows::Table &HubSettings::CreatedRows::tableFor(const QString &table)
{
    auto t = m_tables.find(table);
    if (t == m_tables.end()) {
        m_order.append(table);
        t = m_tables.insert(table, {});
    }
    return *t;
}

void HubSettings::CreatedRows::add(const QString &table, std::string id, const QByteArray &digest)
{
    Table &t = tableFor(table);
    t.ids.push_back(std::move(id));
    t.digests += digest;
}

void HubSettings::CreatedRows::setSeries(const QString &table, const QByteArray &key)
{
    tableFor(table).series = key;
}

void HubSettings::CreatedRows::addText(const QString &table,
                                       std::string id,
                                       QByteArrayView text,
                                       qint64 series)
{
    Table &t = tableFor(table);
    Sha256::appendHex(text, &t.digests);
    if (series < 0 || t.series.isEmpty()) {
        t.ids.push_back(std::move(id));
        return;
    }
    t.runs = true;
    if (!t.ids.empty() && t.ids.back().is_array()) {
        OrderedJson &run = t.ids.back();
        if (run[0].get<qint64>() + run[1].get<qint64>() == series) {
            run[1] = run[1].get<qint64>() + 1;
            return;
        }
    }
    t.ids.push_back(OrderedJson::array({series, 1}));
}

void HubSettings::CreatedRows::record(OrderedJson *changes)
{
    for (const QString &table : std::as_const(m_order)) {
        Table &t = m_tables[table];
        if (t.ids.empty())
            continue; // read back for its overwritten rows only
        OrderedJson change = OrderedJson::object();
        // Its members' room at once (at most six): an ordered_json object that grows copies
        // its members (their keys are const), a list of tens of thousands of ids included.
        change.get_ref<OrderedJson::object_t &>().reserve(6);
        change["table"] = table.toStdString();
        if (t.runs) {
            change["created"] = OrderedJson::array({kSeriesOnly});
            change["uuidSeries"] = t.series.toStdString();
            change["createdRuns"] = std::move(t.ids);
        } else {
            change["created"] = std::move(t.ids);
        }
        const std::string digest = Sha256::hex(t.digests).toStdString();
        if (t.columns.isEmpty()) {
            change["createdRowsSha256"] = digest;
        } else {
            OrderedJson columns = OrderedJson::array();
            for (const DigestColumn &c : t.columns)
                columns.push_back({c.name.toStdString(), c.viaJson ? "json" : "text"});
            change["columns"] = std::move(columns);
            change["createdLinesSha256"] = digest;
        }
        changes->push_back(std::move(change));
    }
}

void HubSettings::CreatedRows::expand(OrderedJson *changes)
{
    if (!changes->is_array())
        return;
    // More ids than any MCPHub database holds: a damaged record, not one to allocate for.
    constexpr quint64 kMostIds = 20'000'000;
    quint64 made = 0; // in all the record's changes
    for (OrderedJson &change : *changes) {
        if (!change.is_object() || !change.contains("createdRuns"))
            continue;
        const OrderedJson runs = std::move(change["createdRuns"]);
        change.erase("createdRuns");
        const OrderedJson key = change.value("uuidSeries", OrderedJson());
        std::vector<std::string> ids;
        bool readable = runs.is_array() && key.is_string();
        for (auto run = runs.begin(); readable && run != runs.end(); ++run) {
            if (run->is_string()) {
                ids.push_back(run->get<std::string>());
                ++made;
            } else {
                readable = run->is_array() && run->size() == 2 && (*run)[0].is_number_unsigned()
                           && (*run)[1].is_number_unsigned()
                           && (*run)[1].get<quint64>() <= kMostIds - made
                           && UuidSeries::make(key.get_ref<const std::string &>(),
                                               (*run)[0].get<quint64>(),
                                               (*run)[1].get<quint64>(),
                                               &ids);
                if (readable)
                    made += (*run)[1].get<quint64>();
            }
            readable = readable && made <= kMostIds;
        }
        OrderedJson created = OrderedJson::array();
        if (!readable) {
            created.push_back("(unreadable record)");
        } else {
            created.get_ref<OrderedJson::array_t &>().reserve(ids.size());
            for (std::string &id : ids)
                created.push_back(std::move(id));
        }
        change["created"] = std::move(created);
    }
}

Result<bool> HubSettings::CreatedRows::changedSince(const RepositoryContext &context,
                                                    const OrderedJson &change)
{
    const QString table = QString::fromStdString(change.value("table", std::string()));
    const OrderedJson ids = change.value("created", OrderedJson::array());
    QHash<QString, QByteArray> digests; // id -> digest of the row now
    digests.reserve(qsizetype(ids.size()));
    for (const OrderedJson &id : ids)
        digests.insert(HubSettings::textOf(id), QByteArray());
    const bool byLines = change.contains("createdLinesSha256");
    const bool byFields = change.contains("createdFieldsSha256");
    const bool current = change.contains("createdRowsSha256");
    if (byLines || byFields) {
        // The columns the run digested, read the same way (names quoted, never spliced).
        QList<DigestColumn> columns;
        for (const OrderedJson &c : change.value("columns", OrderedJson::array())) {
            if (!c.is_array() || c.size() != 2 || !c[0].is_string())
                return true; // not a record this console wrote: treat the rows as changed
            columns.append({QString::fromStdString(c[0].get<std::string>()), c[1] == "json"});
        }
        if (columns.isEmpty() || columns.first().name != QLatin1String("id"))
            return true;
        const QString select
            = QStringLiteral("SELECT %1 FROM %2")
                  .arg(digestSelect(QSqlDatabase::database(context.connectionName, false), columns),
                       table);
        const auto digestOf = [&](QByteArrayView id, const QByteArray &digest) {
            const auto found = digests.find(QString::fromUtf8(id));
            if (found != digests.end())
                *found = digest;
        };
        const auto read = byLines
                              ? BulkReader::forEachLine(context,
                                                        select,
                                                        table,
                                                        [&](QByteArrayView line) {
                                                            digestOf(BulkReader::firstField(line),
                                                                     textDigest(line));
                                                        })
                              : BulkReader::forEach(
                                  context, select, table, [&](const BulkReader::Fields &fields) {
                                      if (!fields.empty() && fields[0])
                                          digestOf(*fields[0], fieldsDigest(fields));
                                  });
        if (!read)
            return read.error();
    } else if (current) {
        // The rows' text as the run digested it, without a JSON tree per row.
        const auto read = BulkReader::forEach(
            context,
            QStringLiteral("SELECT t.id::text, row_to_json(t)::text FROM %1 t").arg(table),
            table,
            [&](const BulkReader::Fields &fields) {
                if (fields.size() != 2 || !fields[0] || !fields[1])
                    return;
                const auto found = digests.find(QString::fromUtf8(*fields[0]));
                if (found == digests.end())
                    return;
                *found = textDigest(*fields[1]);
            });
        if (!read)
            return read.error();
    } else { // a run recorded before: digests of the parsed and serialized rows
        const auto rows = readRows(context, table);
        if (!rows)
            return rows.error();
        for (const OrderedJson &row : *rows) {
            const auto found = digests.find(HubSettings::textOf(row.value("id", OrderedJson())));
            if (found != digests.end())
                *found = rowDigest(row).toLatin1();
        }
    }
    QByteArray all;
    for (const OrderedJson &id : ids) {
        const QByteArray digest = digests.value(HubSettings::textOf(id));
        if (digest.isEmpty())
            return true; // gone
        all += digest;
    }
    return Sha256::hex(all).toStdString()
           != change.value(byLines    ? "createdLinesSha256"
                           : byFields ? "createdFieldsSha256"
                           : current  ? "createdRowsSha256"
                                      : "createdSha256",
                           std::string());
}

QString HubSettings::shapeId(const QString &entity, const QString &key)
{
    return entity + QLatin1Char('/') + key;
}

QString HubSettings::EntityShapes::id(const QString &entity)
{
    return QStringLiteral("*/") + entity;
}

bool HubSettings::EntityShapes::isId(const QString &id, QString *entity)
{
    if (!id.startsWith(QLatin1String("*/")))
        return false;
    *entity = id.mid(2);
    return true;
}

std::vector<std::pair<std::string, std::string>>
HubSettings::EntityShapes::parse(const std::string &text)
{
    std::vector<std::pair<std::string, std::string>> entries;
    const OrderedJson stored = OrderedJson::parse(text, nullptr, false);
    if (!stored.is_object() || !stored.contains("shapes") || !stored.contains("rows")
        || !stored["shapes"].is_array() || !stored["rows"].is_array())
        return entries;
    std::vector<std::string> lists;
    for (const OrderedJson &list : stored["shapes"])
        lists.push_back(list.dump());
    for (const OrderedJson &row : stored["rows"]) {
        if (!row.is_array() || row.size() != 2 || !row[0].is_string()
            || !row[1].is_number_integer())
            continue;
        const auto index = row[1].get<qint64>();
        if (index < 0 || size_t(index) >= lists.size())
            continue;
        entries.emplace_back(row[0].get<std::string>(), lists[size_t(index)]);
    }
    return entries;
}

QHash<QString, HubSettings::EntityShapes::Entry>
HubSettings::EntityShapes::entries(const QList<OrderedJson> &rows)
{
    QHash<QString, Entry> out;
    QList<std::pair<QString, const OrderedJson *>> entityRows; // entity, its row
    for (const OrderedJson &r : rows) {
        const QString id = HubSettings::textOf(r.value("id", OrderedJson()));
        QString entity;
        if (isId(id, &entity))
            entityRows.append({entity, &r});
        else
            out.insert(id, {r.value("ordinal", 0), r.value("keys", std::string("[]"))});
    }
    for (const auto &[entity, r] : std::as_const(entityRows)) {
        int ordinal = 0;
        for (auto &[key, keysJson] : parse(r->value("keys", std::string("{}"))))
            out.insert(shapeId(entity, QString::fromStdString(key)),
                       {ordinal++, std::move(keysJson)});
    }
    return out;
}

void HubSettings::EntityShapes::reserve(size_t rows)
{
    m_rows.reserve(rows);
}

void HubSettings::EntityShapes::add(std::string key, const std::string &keysJson)
{
    for (; m_indexed < m_rows.size(); ++m_indexed)
        m_keys.insert(m_rows[m_indexed].first);
    if (!m_keys.insert(key).second)
        return;
    append(std::move(key), keysJson);
    m_indexed = m_rows.size();
}

void HubSettings::EntityShapes::addNew(std::string key, const std::string &keysJson)
{
    append(std::move(key), keysJson);
}

void HubSettings::EntityShapes::append(std::string key, const std::string &keysJson)
{
    if (m_lastList < 0 || m_lists[size_t(m_lastList)] != keysJson) {
        const auto [list, added] = m_listIndex.try_emplace(keysJson, int(m_lists.size()));
        if (added)
            m_lists.push_back(keysJson);
        m_lastList = list->second;
    }
    m_rows.emplace_back(std::move(key), m_lastList);
}

std::string HubSettings::EntityShapes::text() const
{
    std::string out = "{\"shapes\":[";
    out.reserve(m_rows.size() * 32);
    for (size_t i = 0; i < m_lists.size(); ++i) {
        if (i > 0)
            out += ',';
        out += m_lists[i];
    }
    out += "],\"rows\":[";
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (i > 0)
            out += ',';
        out += '[';
        appendJsonString(&out, m_rows[i].first);
        out += ',';
        out += std::to_string(m_rows[i].second);
        out += ']';
    }
    out += "]}";
    return out;
}

} // namespace mcphub
