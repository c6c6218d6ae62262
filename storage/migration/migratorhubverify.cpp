// The verification of a migration into MCPHub's own database: each table read back as soon as
// the import has written it, its lines compared with the lines written on a thread of their
// own, and what the run found, recorded and must tell the hubs (Migrator::verifyHub).
#include "storage/db/bulkreader.h"
#include "storage/db/sqlerror.h"
#include "storage/migration/hubsettings.h"
#include "storage/migration/migrationtiming.h"
#include "storage/migration/migrator.h"
#include "storage/migration/migratorhub_p.h"
#include "storage/settings/jsonpointer.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <cstring>
#include <future>

namespace mcphub {

using namespace hubdetail;

namespace {

// `line` as the row's own text, into `out` (kept from row to row: no allocation per row): each
// of `nowFields` (index, text) that reads NULL given its text (the time it holds, read as
// NULLIF(c, now())).
QByteArrayView withNow(QByteArrayView line,
                       const std::vector<std::pair<int, QByteArray>> &nowFields,
                       QByteArray &out)
{
    out.resize(0); // keeps its room (clear() would free it)
    int field = 0;
    size_t next = 0;
    const char *from = line.data();
    const char *const end = line.data() + line.size();
    while (next < nowFields.size()) {
        // Up to the field to put back: copied as it is.
        const char *at = from;
        while (field < nowFields[next].first && at < end) {
            const void *tab = std::memchr(at, '\t', size_t(end - at));
            at = tab ? static_cast<const char *>(tab) + 1 : end;
            ++field;
        }
        out.append(from, at - from);
        if (field < nowFields[next].first)
            return out; // fewer fields than expected: the digest then differs
        const void *tab = std::memchr(at, '\t', size_t(end - at));
        const char *fieldEnd = tab ? static_cast<const char *>(tab) : end;
        if (QByteArrayView(at, fieldEnd - at) == "\\N")
            out += nowFields[next].second;
        else
            out.append(at, fieldEnd - at);
        from = fieldEnd;
        ++next;
    }
    out.append(from, end - from);
    return out;
}

// The columns a new shapes row is digested by (readBackHubShapes).
QList<HubSettings::DigestColumn> shapeColumns()
{
    return {{QStringLiteral("id"), false},
            {QStringLiteral("ordinal"), false},
            {QStringLiteral("keys"), false}};
}

} // namespace

void Migrator::beginHubCheck()
{
    Hub &h = *m_hub;
    h.checking = {};
    h.check = std::make_unique<Hub::Check>();
    Hub::Check &c = *h.check;
    const auto tableOf = [&](const HubEntity *entity) -> Hub::Written & {
        auto at = c.byTable.constFind(entity->table);
        if (at == c.byTable.constEnd()) {
            at = c.byTable.insert(entity->table, qsizetype(c.written.size()));
            c.written.emplace_back();
            c.written.back().entity = entity;
        }
        return c.written[size_t(*at)];
    };
    for (int i = 0; i < h.plans.size(); ++i) {
        const Hub::Planned &p = h.plans.at(i);
        if (p.action != Action::Create && p.action != Action::Overwrite)
            continue;
        Hub::Written &w = tableOf(h.mapped.rows.at(p.row).entity);
        w.order.push_back(i);
        w.overwrites = w.overwrites || p.action == Action::Overwrite;
    }
    for (const auto &prune : std::as_const(h.prunes))
        tableOf(prune.first)
            .pruned.insert(HubSettings::textOf(prune.second.value("id", OrderedJson())));
    c.found = QList<bool>(h.plans.size(), false);
}

// Every row written is read back as COPY ... TO STDOUT gives it. A new row whose line starts
// with the very line it was written with holds what the file says; any other row is compared
// column by column with the file's values (each column as its own text,
// HubSettings::sameValue when the texts differ), no row image built on the way.
Result<void> Migrator::readBackHub(const HubEntity &entity)
{
    Hub &h = *m_hub;
    Hub::Check &c = *h.check;
    const auto at = c.byTable.constFind(entity.table);
    if (at == c.byTable.constEnd())
        return {};
    Hub::Written &w = c.written[size_t(*at)];
    const QString &table = entity.table;
    // What the comparison of this table needs, moved to its thread.
    struct Table
    {
        QStringList columns{QStringLiteral("id")};
        QList<const HubColumn *> kinds{nullptr};
        std::vector<std::string> names; // the columns as row.values names them
        qsizetype first = 0;            // the first of the entity's own columns
        bool servers = false;
        bool keepRows = false;
        std::vector<char> stateColumns; // a new server's: its name and whether it is enabled
        QByteArray lines;               // the rows read back, each line ended by a newline
        // The fields read as NULL when they hold now() (DigestColumn::nowType), with its text.
        std::vector<std::pair<int, QByteArray>> nowFields;
    };
    auto t = std::make_shared<Table>();
    if (entity.keyColumn != QLatin1String("id")) {
        t->columns << entity.keyColumn;
        t->kinds << nullptr;
    }
    t->first = t->columns.size();
    for (const HubColumn &column : entity.columns) {
        t->columns << column.column;
        t->kinds << &column;
    }
    // A time as row_to_json writes it ("...T..."), the text the file's value is kept as.
    QList<HubSettings::DigestColumn> digested;
    for (qsizetype i = 0; i < t->columns.size(); ++i) {
        t->names.push_back(t->columns.at(i).toStdString());
        digested.append(
            {t->columns.at(i), t->kinds.at(i) && t->kinds.at(i)->kind == HubColumn::Kind::Time});
    }
    // The table's other columns (created_at...) too: the digests of the new rows cover
    // every column, so that a rollback sees any change made since. As their type's own
    // text (a time in the ISO DateStyle QPSQL sets on each connection): through to_json
    // the server took twice as long to write the users out. A time that is the run's own
    // now() (a new row's created_at and updated_at) comes as NULL and its text is put back
    // here: the server wrote 100,000 times out for the users, a third of their reading.
    const QList<HubSettings::TableColumn> all = m_hubTables->entities.value(&entity).columns;
    for (const HubSettings::TableColumn &column : all) {
        if (t->columns.contains(column.name))
            continue;
        QByteArray nowText; // the column's now() as text, when it can hold it
        if (!column.nowType.isEmpty()) {
            auto now = c.nowTexts.constFind(column.nowType);
            if (now == c.nowTexts.constEnd()) {
                QSqlQuery query(QSqlDatabase::database(m_context.connectionName, false));
                if (!query.exec(QStringLiteral("SELECT now()::%1::text").arg(column.nowType))
                    || !query.next())
                    return sqlError(query.lastError(),
                                    m_context.where + QStringLiteral(": ") + table,
                                    MigratorTexts::tr("Verifying"));
                now = c.nowTexts.insert(column.nowType, query.value(0).toString().toUtf8());
            }
            nowText = *now;
            t->nowFields.emplace_back(int(digested.size()), nowText);
        }
        digested.append({column.name, false, column.nowType, nowText});
    }
    t->servers = entity.name == QLatin1String("mcpServers");
    t->keepRows = t->servers || entity.shape == HubEntity::Shape::Single;
    for (const std::string &name : t->names)
        t->stateColumns.push_back(name == "name" || name == "enabled");
    const QSqlDatabase db = QSqlDatabase::database(m_context.connectionName, false);
    const auto read = BulkReader::forEachLine(
        m_context,
        QStringLiteral("SELECT %1 FROM %2").arg(HubSettings::digestSelect(db, digested), table),
        table,
        [&](QByteArrayView line) {
            t->lines += line;
            t->lines += '\n';
        });
    if (!read)
        return read.error();
    if (w.overwrites) {
        // The images of the rows updated in place, as a rollback compares them (read here:
        // the other thread has no connection).
        QSet<QString> overwritten;
        for (const int i : w.order) {
            if (h.plans.at(i).action == Action::Overwrite)
                overwritten.insert(h.plans.at(i).id);
        }
        auto rows = HubSettings::readRows(m_context, table);
        if (!rows)
            return rows.error();
        for (OrderedJson &row : *rows) {
            const QString id = HubSettings::textOf(HubSettings::valueAt(row, "id"));
            if (overwritten.contains(id))
                c.fullImages.insert(table + QLatin1Char('/') + id, std::move(row));
        }
    }
    migrationMark(qPrintable(QStringLiteral("import: read back ") + table));

    std::future<void> before = std::move(h.checking);
    h.checking = std::async(
        std::launch::async, [&h, &w, t, digested, before = std::move(before)]() mutable {
            if (before.valid())
                before.get();
            Hub::Check &c = *h.check;
            const HubEntity &entity = *w.entity;
            const QString &table = entity.table;
            c.created.setColumns(table, digested);
            c.created.setSeries(table, h.uuidSeries.value(&entity));
            // A server's hub change (HubChange::forServer) from the row as read back.
            const auto serverChange = [&](int index, const OrderedJson &stored) {
                const OrderedJson &before = h.plans.at(index).before;
                c.serverChanges.insert(index,
                                       HubChange::forServer(before.is_null()
                                                                ? std::nullopt
                                                                : std::optional(serverOf(before)),
                                                            serverOf(stored)));
            };
            // The plan of a row read back, by its id: a table gives its new rows back in the
            // order they were written, so the next one written is looked at first and the ids
            // are only indexed when a row comes otherwise (66,000 ids hashed cost 25 ms).
            size_t next = 0; // in w.order
            const auto planOf = [&](QByteArrayView id) {
                if (next < w.order.size()) {
                    const int candidate = w.order[next];
                    if (QLatin1StringView(id.data(), id.size()) == h.plans.at(candidate).id) {
                        ++next;
                        return candidate;
                    }
                }
                if (w.plans.isEmpty()) {
                    w.plans.reserve(qsizetype(w.order.size()));
                    for (const int i : w.order)
                        w.plans.insert(h.plans.at(i).id.toUtf8(), i);
                }
                return w.plans.value(QByteArray::fromRawData(id.data(), id.size()), -1);
            };
            QByteArray texts; // the unescaped fields of a line compared column by column
            QByteArray own;   // a line with its now() fields put back (withNow)
            BulkReader::Fields fields;
            const char *end = t->lines.constData() + t->lines.size();
            for (const char *from = t->lines.constData(); from < end;) {
                const char *newline
                    = static_cast<const char *>(std::memchr(from, '\n', size_t(end - from)));
                const QByteArrayView line(from, newline - from);
                from = newline + 1;
                const QByteArrayView idText = BulkReader::firstField(line);
                if (idText == "\\N")
                    continue;
                // An id (a uuid, "default") has nothing COPY escapes.
                if (!w.pruned.isEmpty()) {
                    const QString id = QString::fromUtf8(idText);
                    if (w.pruned.contains(id))
                        c.stillThere.insert(table + QLatin1Char('/') + id);
                }
                const int index = planOf(idText);
                if (index < 0)
                    continue;
                c.found[index] = true;
                const Hub::Planned &p = h.plans.at(index);
                // The new rows by digest: a full image of every new row would make the run's
                // record as large as the data (the rollback only needs to know they are
                // unchanged).
                if (p.action == Action::Create)
                    c.created.addText(table,
                                      std::string(idText.data(), size_t(idText.size())),
                                      t->nowFields.empty() ? line
                                                           : withNow(line, t->nowFields, own),
                                      p.series);
                // A new row that reads back as the line it was written with holds what the
                // file says; the others are compared column by column.
                const QByteArray &sent = h.lines[size_t(index)];
                const bool asWritten
                    = !sent.isEmpty() && line.startsWith(sent)
                      && (line.size() == sent.size() || line.at(sent.size()) == '\t');
                const HubRow &row = h.mapped.rows.at(p.row);
                if (asWritten && t->servers && p.action == Action::Create) {
                    // What its hub change needs (HubChange::forServer), as written.
                    OrderedJson stored = OrderedJson::object();
                    auto &members = stored.get_ref<OrderedJson::object_t &>();
                    members.emplace_back(entity.keyColumn.toStdString(), row.key.toStdString());
                    members.emplace_back("enabled", HubSettings::valueAt(row.values, "enabled"));
                    serverChange(index, stored);
                    continue;
                }
                if (asWritten && !t->keepRows)
                    continue;
                BulkReader::splitLine(line, &texts, &fields);
                OrderedJson stored = t->keepRows ? OrderedJson::object() : OrderedJson();
                // Its columns once each, in order: appended, not looked up (an ordered_json
                // object grown key by key copies its members at each reallocation).
                // A new server: only what its hub change needs (HubChange::forServer).
                const bool keepAll = t->keepRows && (!t->servers || p.action == Action::Overwrite);
                if (keepAll)
                    stored.get_ref<OrderedJson::object_t &>().reserve(t->columns.size());
                for (qsizetype i = 0; i < t->columns.size() && size_t(i) < fields.size(); ++i) {
                    const HubColumn *column = t->kinds.at(i);
                    const auto &field = fields.at(size_t(i));
                    const std::string &name = t->names.at(size_t(i));
                    // The column's value as row_to_json would give it.
                    const auto value = [&]() -> OrderedJson {
                        if (!field)
                            return nullptr;
                        if (column && column->kind == HubColumn::Kind::Bool)
                            return *field == "t";
                        if (column && column->kind == HubColumn::Kind::Int)
                            return field->toLongLong();
                        return std::string(field->data(), size_t(field->size()));
                    };
                    if (keepAll || (t->keepRows && t->stateColumns.at(size_t(i))))
                        stored.get_ref<OrderedJson::object_t &>().emplace_back(name, value());
                    if (asWritten || i < t->first || row.notDescribed.contains(column->column))
                        continue;
                    const OrderedJson &wanted = row.columnValue(size_t(i - t->first), name);
                    if (field && wanted.is_string()
                        && *field
                               == QByteArrayView(
                                   wanted.get_ref<const std::string &>().data(),
                                   qsizetype(wanted.get_ref<const std::string &>().size())))
                        continue;
                    if (!HubSettings::sameValue(column->kind, value(), wanted))
                        c.differing[index] << column->column;
                }
                if (t->servers)
                    serverChange(index, stored);
                else if (t->keepRows)
                    c.storedRows.insert(index, std::move(stored));
            }
        });
    return {};
}

// The new shapes as written, read back for their digests (Check::shapeDigests).
Result<void> Migrator::readBackHubShapes()
{
    Hub &h = *m_hub;
    QHash<QString, QByteArray> &digests = h.check->shapeDigests;
    for (const Hub::Shape &s : std::as_const(h.shapes)) {
        if (!h.shapesBefore.contains(s.id))
            digests.insert(s.id, QByteArray());
    }
    if (digests.isEmpty())
        return {};
    // Digested as their COPY lines: through row_to_json the server took 20 ms to escape an
    // entity's shapes (a megabyte for 50,000 users) for the digest alone.
    return BulkReader::forEachLine(
        m_context,
        QStringLiteral("SELECT %1 FROM %2")
            .arg(HubSettings::digestSelect(QSqlDatabase::database(m_context.connectionName, false),
                                           shapeColumns()),
                 HubSettings::kShapesTable),
        HubSettings::kShapesTable,
        [&, values = QByteArray(), fields = BulkReader::Fields()](QByteArrayView line) mutable {
            BulkReader::splitLine(line, &values, &fields); // the id unescaped
            if (fields.empty() || !fields[0])
                return;
            const auto found = digests.find(QString::fromUtf8(*fields[0]));
            if (found != digests.end())
                *found = HubSettings::CreatedRows::textDigest(line);
        });
}

Result<void> Migrator::verifyHub()
{
    Hub &h = *m_hub;
    if (!step(80, MigratorTexts::tr("Verifying")))
        return Migrator::cancelledError();
    if (h.checking.valid())
        h.checking.get();
    migrationMark("verify: the comparisons");
    Hub::Check &check = *h.check;
    const QList<bool> &found = check.found;
    const QHash<int, QStringList> &differing = check.differing;
    QHash<int, OrderedJson> &storedRows = check.storedRows;
    const QHash<QString, OrderedJson> &fullImages = check.fullImages;
    const QSet<QString> &stillThere = check.stillThere;
    HubSettings::CreatedRows &created = check.created;
    QString nameSeparator;
    bool refresh = false;
    // What the comparison held, freed off this thread once the verification is done.
    const auto release = qScopeGuard([&] { m_release.later(std::move(h.check)); });
    for (const int i : h.plansInEntityOrder()) {
        const Hub::Planned &p = h.plans.at(i);
        if (p.action != Action::Create && p.action != Action::Overwrite)
            continue;
        const HubRow &row = h.mapped.rows.at(p.row);
        const HubEntity &entity = *row.entity;
        if (!found.at(i)) {
            m_report.differences.append(
                {row.pointer, QCoreApplication::translate("Migrator", "missing after the import")});
            continue;
        }
        for (const QString &column : differing.value(i)) {
            m_report.differences.append(
                {JsonPointer::append(row.pointer, fileKey(entity, column)),
                 QCoreApplication::translate("Migrator",
                                             "MCPHub's column %1.%2 reads back another value")
                     .arg(entity.table, column)});
        }
        if (entity.name == QLatin1String("mcpServers")) {
            m_report.hubChanges += check.serverChanges.value(i);
        } else if (entity.shape == HubEntity::Shape::Single) {
            const OrderedJson &stored = storedRows[i];
            for (const HubColumn &c : entity.columns) {
                const std::string column = c.column.toStdString();
                if (HubChange::refreshesSystemConfig(c.key)
                    && (p.before.is_null()
                        || !HubSettings::sameValue(c.kind,
                                                   p.before.value(column, OrderedJson()),
                                                   stored.value(column, OrderedJson()))))
                    refresh = true;
            }
            nameSeparator = HubSettings::textOf(stored.value("nameSeparator", OrderedJson()));
        }
        if (p.action == Action::Create)
            continue; // in `created` as read back
        OrderedJson change = OrderedJson::object();
        change["table"] = entity.table.toStdString();
        change["id"] = p.id.toStdString();
        change["before"] = p.before;
        change["afterSha256"]
            = HubSettings::rowDigest(fullImages.value(entity.table + QLatin1Char('/') + p.id))
                  .toStdString();
        m_changes.push_back(std::move(change));
    }
    if (refresh)
        m_report.hubChanges.append(HubChange::refreshSystemConfig(nameSeparator));
    for (const auto &[entity, row] : std::as_const(h.prunes)) {
        const QString id = HubSettings::textOf(row.value("id", OrderedJson()));
        if (stillThere.contains(entity->table + QLatin1Char('/') + id)) {
            m_report.differences.append(
                {QStringLiteral("%1/%2").arg(entity->table, id),
                 QCoreApplication::translate("Migrator", "still there after pruning")});
        }
        OrderedJson change = OrderedJson::object();
        change["table"] = entity->table.toStdString();
        change["id"] = id.toStdString();
        change["before"] = row;
        change["after"] = nullptr;
        m_changes.push_back(std::move(change));
        if (entity->name == QLatin1String("mcpServers"))
            m_report.hubChanges += HubChange::forServer(serverOf(row), std::nullopt);
    }
    if (!check.shapeDigests.isEmpty()) // (the comparisons' thread is done with `created`)
        created.setColumns(HubSettings::kShapesTable, shapeColumns());
    for (const Hub::Shape &s : std::as_const(h.shapes)) {
        if (!h.shapesBefore.contains(s.id)) {
            const QByteArray digest = check.shapeDigests.value(s.id);
            if (digest.isEmpty()) {
                m_report.differences.append(
                    {QStringLiteral("%1/%2").arg(HubSettings::kShapesTable, s.id),
                     QCoreApplication::translate("Migrator", "missing after the import")});
            }
            created.add(HubSettings::kShapesTable, s.id.toStdString(), digest);
            continue;
        }
        OrderedJson image = OrderedJson::object();
        image["id"] = s.id.toStdString();
        image["ordinal"] = s.ordinal;
        image["keys"] = s.keys.toStdString();
        OrderedJson change = OrderedJson::object();
        change["table"] = HubSettings::kShapesTable.toStdString();
        change["id"] = s.id.toStdString();
        change["before"] = h.shapesBefore.value(s.id);
        change["afterSha256"] = HubSettings::rowDigest(image).toStdString();
        m_changes.push_back(std::move(change));
    }
    migrationMark("verify: compare, shapes");
    created.record(&m_changes);
    migrationMark("verify: digests");
    if (!m_report.differences.isEmpty())
        return differencesFound();
    return {};
}

} // namespace mcphub
