// The migrator's steps for MCPHub's own database (mcphub-dbmode.md §1.3, §4, §8): the file's
// entities as MCPHub's rows, matched by their natural keys (a server's name, a user's
// username, a bearer key's name...), written with MCPHub's shapes, nothing MCPHub's schema
// does not have, and what the running hubs must be told.
#include "storage/db/bulkinserter.h"
#include "storage/db/serverrepository.h"
#include "storage/db/sqldialect.h"
#include "storage/db/sqlerror.h"
#include "storage/live/changefeed.h"
#include "storage/migration/hubsettings.h"
#include "storage/migration/migrationtiming.h"
#include "storage/migration/migrator.h"
#include "storage/migration/migratorhub_p.h"
#include "storage/migration/settingsentities.h"
#include "storage/settings/jsonpointer.h"
#include "storage/settings/mcphubjsonwriter.h"
#include "storage/uuidseries.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <cstring>
#include <string>

namespace mcphub {

using namespace hubdetail;

namespace {
// The advisory lock key of a migration into MCPHub's database ("mcphubmg" as a number).
constexpr qint64 kRunLock = 0x6d63706875626d67;
} // namespace

namespace {

QVariant variantOf(const OrderedJson &v)
{
    if (v.is_null())
        return QVariant(QMetaType::fromType<QString>());
    if (v.is_boolean())
        return v.get<bool>();
    if (v.is_number_integer())
        return qint64(v.get<qint64>());
    return HubSettings::textOf(v);
}

// `document` without the records the validation took out (pointers "/users/3",
// "/mcpServers/x", "/systemConfig/routing").
OrderedJson withoutRejected(OrderedJson document, const QList<MappingIssue> &rejected)
{
    QMap<QString, QList<qsizetype>> indices; // per array, removed from the highest
    for (const MappingIssue &issue : rejected) {
        const QStringList tokens = JsonPointer::tokens(issue.pointer);
        if (tokens.size() < 2 || !document.is_object())
            continue;
        const std::string top = tokens.at(0).toStdString();
        if (!document.contains(top))
            continue;
        OrderedJson &value = document[top];
        if (value.is_object())
            value.erase(tokens.at(1).toStdString());
        else if (value.is_array()) {
            bool numeric = false;
            const qsizetype i = tokens.at(1).toLongLong(&numeric);
            if (numeric && !indices[tokens.at(0)].contains(i))
                indices[tokens.at(0)].append(i);
        }
    }
    for (auto it = indices.begin(); it != indices.end(); ++it) {
        QList<qsizetype> list = it.value();
        std::sort(list.begin(), list.end(), std::greater<>());
        OrderedJson &array = document[it.key().toStdString()];
        for (qsizetype i : list) {
            if (i >= 0 && size_t(i) < array.size())
                array.erase(array.begin() + i);
        }
    }
    return document;
}

} // namespace

namespace hubdetail {

// The entity's file key of a column, for pointers ("url", "ssoUserId").
QString fileKey(const HubEntity &entity, const QString &column)
{
    for (const HubColumn &c : entity.columns) {
        if (c.column == column)
            return c.key.isEmpty() ? column : c.key;
    }
    return column;
}

// A server row (row_to_json) as the record HubChange compares.
ServerRecord serverOf(const OrderedJson &row)
{
    ServerRecord s;
    const auto text = [&](const char *column) {
        return HubSettings::textOf(row.value(column, OrderedJson()));
    };
    s.uuid = text("id");
    s.name = text("name");
    s.type = text("type");
    s.description = text("description");
    s.command = text("command");
    s.args = text("args");
    s.url = text("url");
    s.env = text("env");
    s.headers = text("headers");
    s.passthroughHeaders = text("passthroughHeaders");
    s.enabled = row.value("enabled", true);
    s.owner = text("owner");
    if (row.contains("enableKeepAlive") && row["enableKeepAlive"].is_boolean())
        s.enableKeepAlive = row["enableKeepAlive"].get<bool>();
    if (row.contains("keepAliveInterval") && row["keepAliveInterval"].is_number_integer())
        s.keepAliveInterval = row["keepAliveInterval"].get<qint64>();
    s.tools = text("tools");
    s.prompts = text("prompts");
    s.resources = text("resources");
    s.options = text("options");
    s.proxy = text("proxy");
    s.oauth = text("oauth");
    s.openapi = text("openapi");
    return s;
}

} // namespace hubdetail

// One entity's rows planned as they are mapped (plan() takes the rows mapped since its last
// call), then what the rows the file does not describe become (finish()).
struct Migrator::Hub::EntityPlanner
{
    EntityPlanner(const HubSettings::Mapping &mapping,
                  const HubEntity &entity,
                  const Tables &tables,
                  const MigrationOptions &options,
                  EntityPlan *part)
        : mapping(mapping)
        , entity(entity)
        , tables(tables)
        , options(options)
        , part(*part)
    {
        static const Tables::Entity none;
        const auto found = tables.entities.constFind(&entity);
        existing = found == tables.entities.constEnd() ? &none : &*found;
        part->entity = &entity;
        part->uuidSeries = newIds.key();
        const qsizetype entries = mapping.entries(entity); // mapEntity() reserves the rows
        part->plans.reserve(entries);
        if (entity.shape != HubEntity::Shape::Single)
            part->entityShapes.reserve(size_t(entries));
    }
    void plan();
    void finish();

    const HubSettings::Mapping &mapping;
    const HubEntity &entity;
    const Tables &tables;
    const MigrationOptions &options;
    EntityPlan &part;
    const Tables::Entity *existing = nullptr;
    const bool users = entity.name == QLatin1String("users");
    // A user of the file has no id: 50,000 users, 50,000 new ones. Made from a series, which
    // the run's record keeps as its key (UuidSeries; QUuid::createUuid asked the system's
    // generator for each, ~2 us: 0.1 s of a 50,000-user plan).
    UuidSeries newIds;
};

Migrator::Hub::EntityPlan Migrator::Hub::planEntity(const HubSettings::Mapping &mapping,
                                                    const HubEntity &entity,
                                                    const Tables &tables,
                                                    const MigrationOptions &options)
{
    EntityPlan part;
    EntityPlanner planner(mapping, entity, tables, options, &part);
    mapping.mapEntity(entity, &part.mapped);
    planner.plan();
    planner.finish();
    return part;
}

void Migrator::Hub::EntityPlanner::plan()
{
    const QList<HubRow> &rows = part.mapped.rows;
    const Tables::Entity &existing = *this->existing;
    for (int r = int(part.plans.size()); r < rows.size(); ++r) {
        const HubRow &row = rows.at(r);
        ++part.counts.total;
        int match = -1;
        if (!row.id.isEmpty())
            match = existing.byId.value(row.id, -1);
        if (match < 0 || part.matched.contains(match)) {
            const int byName = existing.byKey.value(row.key, -1);
            match = byName >= 0 && !part.matched.contains(byName) ? byName : -1;
        }
        Planned plan;
        plan.row = r;
        if (match < 0) {
            plan.action = Action::Create;
            plan.id = entity.shape == HubEntity::Shape::Single ? QStringLiteral("default")
                      : !row.id.isEmpty()                      ? row.id
                                                               : newIds.next(&plan.series);
            ++part.counts.created;
        } else {
            part.matched.insert(match);
            plan.before = existing.rows.at(match);
            plan.id = HubSettings::textOf(plan.before.value("id", OrderedJson()));
            for (const HubColumn &c : entity.columns) {
                if (row.notDescribed.contains(c.column))
                    continue;
                const std::string column = c.column.toStdString();
                if (!HubSettings::sameValue(c.kind,
                                            HubSettings::valueAt(plan.before, column),
                                            HubSettings::valueAt(row.values, column)))
                    plan.differing << c.column;
            }
            if (entity.shape != HubEntity::Shape::Single
                && HubSettings::textOf(
                       plan.before.value(entity.keyColumn.toStdString(), OrderedJson()))
                       != row.key)
                plan.differing << entity.keyColumn;
            if (!row.id.isEmpty() && row.id != plan.id)
                plan.differing << QStringLiteral("id");
            if (plan.differing.isEmpty()) {
                plan.action = Action::Identical;
                ++part.counts.identical;
            } else {
                ++part.counts.conflicting;
                for (const QString &column : std::as_const(plan.differing)) {
                    part.conflicts.append(
                        {JsonPointer::append(row.pointer, fileKey(entity, column)),
                         QCoreApplication::translate("Migrator",
                                                     "MCPHub's database holds another value "
                                                     "(%1.%2 of row %3).")
                             .arg(entity.table, column, plan.id)});
                }
                if (options.conflict == MigrationOptions::Conflict::Overwrite) {
                    plan.action = Action::Overwrite;
                    plan.id = row.id.isEmpty() ? plan.id : row.id;
                    ++part.counts.overwritten;
                } else {
                    plan.action = Action::Skip;
                    ++part.counts.skipped;
                }
            }
        }
        if (users && plan.action == Action::Create)
            ++part.usersAfter;
        const Action action = plan.action;
        part.plans.append(std::move(plan));
        if (entity.shape == HubEntity::Shape::Single) {
            if (action != Action::Skip) {
                const QString id = HubSettings::shapeId(entity.name, row.key);
                const QString text = QString::fromStdString(row.keysJson);
                const OrderedJson before = tables.shapesBefore.value(id);
                if (before.is_null()
                    || HubSettings::textOf(before.value("keys", OrderedJson())) != text
                    || before.value("ordinal", -1) != row.ordinal)
                    part.shapes.append({id, row.ordinal, text});
            }
            continue;
        }
        // A row the run skips keeps the shape it had. The mapped rows' keys are unique.
        std::string key = HubSettings::toStdString(row.key);
        if (action != Action::Skip) {
            part.entityShapes.addNew(std::move(key), row.keysJson);
        } else if (const auto old
                   = tables.oldShapes.constFind(HubSettings::shapeId(entity.name, row.key));
                   old != tables.oldShapes.constEnd()) {
            part.entityShapes.addNew(std::move(key), old->keysJson);
        }
    }
}

void Migrator::Hub::EntityPlanner::finish()
{
    const QList<HubRow> &rows = part.mapped.rows;
    const Tables::Entity &existing = *this->existing;
    // The entity's shapes row: the file's rows, then the entries of rows the file no longer
    // describes kept after them.
    if (entity.shape != HubEntity::Shape::Single
        && mapping.top().documentKeys.contains(entity.name)) {
        const QString id = HubSettings::EntityShapes::id(entity.name);
        const OrderedJson before = tables.shapesBefore.value(id);
        if (!before.is_null()) {
            for (const auto &[key, keysJson] :
                 HubSettings::EntityShapes::parse(before.value("keys", std::string("{}"))))
                part.entityShapes.add(key, keysJson);
        }
        const QString text = QString::fromStdString(part.entityShapes.text());
        if (before.is_null() ? !part.entityShapes.empty()
                             : HubSettings::textOf(before.value("keys", OrderedJson())) != text)
            part.entityShape = Shape{id, 0, text};
    }
    // Rows the file does not describe: kept, or with --prune removed (the file's own entity
    // types only; never system_config).
    const bool prunable = options.prune && entity.shape != HubEntity::Shape::Single
                          && mapping.top().documentKeys.contains(entity.name);
    for (int i = 0; i < existing.rows.size(); ++i) {
        const OrderedJson &stored = existing.rows.at(i);
        if (users && (part.matched.contains(i) || !prunable))
            ++part.usersAfter;
        if (part.matched.contains(i))
            continue;
        const QString key
            = HubSettings::textOf(stored.value(entity.keyColumn.toStdString(), OrderedJson()));
        const QString pointer
            = entity.shape == HubEntity::Shape::Single
                  ? JsonPointer::append({}, entity.name)
                  : JsonPointer::append(JsonPointer::append({}, entity.name), key);
        const QString id = HubSettings::textOf(stored.value("id", OrderedJson()));
        if (entity.shape == HubEntity::Shape::Single && id != QLatin1String("default"))
            continue;
        if (prunable) {
            part.prunes.append(stored);
            part.pruned.append({pointer,
                                QCoreApplication::translate(
                                    "Migrator", "Not in the file: removed from %1 (row %2).")
                                    .arg(entity.table, id)});
        } else {
            part.kept.append(
                {pointer,
                 QCoreApplication::translate("Migrator", "Not in the file: kept in %1 (row %2).")
                     .arg(entity.table, id)});
        }
    }

    // A unique column (a user's email, a token's refresh token) whose value a row the file does
    // not describe already holds.
    for (const HubColumn &c : entity.columns) {
        if (!c.unique || part.taken)
            continue;
        const std::string column = c.column.toStdString();
        QHash<QString, QString> held; // value -> id of a row no file entry matched
        for (int i = 0; i < existing.rows.size(); ++i) {
            const OrderedJson &v = HubSettings::valueAt(existing.rows.at(i), column);
            if (!part.matched.contains(i) && !v.is_null())
                held.insert(QString::fromStdString(v.dump()),
                            HubSettings::textOf(HubSettings::valueAt(existing.rows.at(i), "id")));
        }
        if (held.isEmpty())
            continue;
        for (const Planned &p : std::as_const(part.plans)) {
            const HubRow &row = rows.at(p.row);
            if (p.action == Action::Skip || p.action == Action::Identical)
                continue;
            const OrderedJson &v = HubSettings::valueAt(row.values, column);
            const QString other
                = v.is_null() ? QString() : held.value(QString::fromStdString(v.dump()));
            if (other.isEmpty())
                continue;
            part.taken = MigrationReport::Item{
                JsonPointer::append(row.pointer, c.key),
                QCoreApplication::translate("Migrator",
                                            "MCPHub's column %1.%2 holds each value once, and "
                                            "row %3, which the file does not describe, has "
                                            "this one.")
                    .arg(entity.table, c.column, other)};
            break;
        }
    }
}

void Migrator::Hub::adopt(EntityPlan &part)
{
    const int offset = int(mapped.rows.size());
    const int first = int(plans.size());
    // Moved one by one into room reserved beforehand: QList::reserve() copies what a list
    // holds (Qt 6.4), 16,000 rows with their values.
    for (HubRow &row : part.mapped.rows)
        mapped.rows.append(std::move(row));
    part.mapped.rows.clear();
    for (Planned &p : part.plans) {
        p.row += offset;
        plans.append(std::move(p));
    }
    part.plans.clear();
    planRanges.insert(part.entity, {first, int(plans.size())});
    uuidSeries.insert(part.entity, part.uuidSeries);
    lines.resize(size_t(plans.size()));
    for (size_t i = 0; i < part.lines.size(); ++i)
        lines[size_t(first) + i] = std::move(part.lines[i]);
    part.lines.clear();
}

std::vector<int> Migrator::Hub::plansInEntityOrder() const
{
    std::vector<int> order;
    order.reserve(size_t(plans.size()));
    for (const HubEntity &entity : hubEntities()) {
        const auto range = planRanges.value(&entity, {0, 0});
        for (int i = range.first; i < range.second; ++i)
            order.push_back(i);
    }
    return order;
}

Result<void> Migrator::readHubTables()
{
    // One migration into this database at a time (console or CLI, any machine): the second
    // would plan against rows the first has not committed yet. Released with the transaction.
    {
        QSqlQuery lock(QSqlDatabase::database(m_context.connectionName, false));
        if (!lock.exec(QStringLiteral("SELECT pg_try_advisory_xact_lock(%1)").arg(kRunLock))
            || !lock.next())
            return sqlError(lock.lastError(), m_context.where, MigratorTexts::tr("Planning"));
        if (!lock.value(0).toBool()) {
            return Error::make(Error::Code::Conflict,
                               QCoreApplication::translate(
                                   "Migrator",
                                   "Another migration into this database is running; nothing "
                                   "was changed. Run this one again when it has finished."),
                               m_context.where);
        }
    }
    migrationMark("plan: lock");
    // What the database holds now.
    auto tables = std::make_shared<Hub::Tables>();
    int step = 0;
    for (const HubEntity &entity : hubEntities()) {
        if (!this->step(10 + 20 * step++ / int(hubEntities().size()),
                        MigratorTexts::tr("Planning"),
                        entity.name))
            return Migrator::cancelledError();
        auto rows = HubSettings::readRows(m_context, entity.table);
        if (!rows)
            return rows.error();
        Hub::Tables::Entity &t = tables->entities[&entity];
        t.rows = std::move(*rows);
        auto columns = HubSettings::tableColumns(m_context, entity.table);
        if (!columns)
            return columns.error();
        t.columns = std::move(*columns);
        for (int i = 0; i < t.rows.size(); ++i) {
            t.byId.insert(HubSettings::textOf(t.rows[i].value("id", OrderedJson())), i);
            const QString key = HubSettings::textOf(
                t.rows[i].value(entity.keyColumn.toStdString(), OrderedJson()));
            if (!t.byKey.contains(key))
                t.byKey.insert(key, i);
        }
    }
    const auto shapes = HubSettings::readRows(m_context, HubSettings::kShapesTable);
    if (!shapes)
        return shapes.error();
    for (const OrderedJson &s : *shapes)
        tables->shapesBefore.insert(HubSettings::textOf(s.value("id", OrderedJson())), s);
    tables->oldShapes = HubSettings::EntityShapes::entries(tables->shapesBefore.values());
    m_hubTables = std::move(tables);
    migrationMark("plan: read the tables");
    return {};
}

Result<void> Migrator::planHub(const OrderedJson &source, const QList<MappingIssue> &rejected)
{
    m_hub = std::make_shared<Hub>();
    Hub &h = *m_hub;
    // The document itself when nothing was rejected (a copy of a large file costs).
    const OrderedJson kept = rejected.isEmpty() ? OrderedJson() : withoutRejected(source, rejected);
    const HubSettings::Mapping mapping(rejected.isEmpty() ? source : kept);
    migrationMark("plan: the top level");
    const Hub::Tables &tables = *m_hubTables;

    // Users first, the table the server takes longest to fill: mapped, planned and, when
    // nothing of theirs stops the run, written while a second thread maps and plans the other
    // entities. What the others then find (a conflict under policy fail, a loss, an invalid
    // record) still stops the run before anything is committed: the transaction takes the
    // users back. The report lists everything in hubEntities() order, as if planned in it.
    const HubEntity *const users = hubEntity(QStringLiteral("users"));
    if (!this->step(
            30, MigratorTexts::tr("Importing"), users->name, 0, int(mapping.entries(*users))))
        return Migrator::cancelledError();
    const MigrationOptions options = m_options;
    std::future<std::vector<Hub::EntityPlan>> planning
        = std::async(std::launch::async, [&mapping, &tables, &options, users] {
              migrationMark(nullptr);
              std::vector<Hub::EntityPlan> parts;
              for (const HubEntity &entity : hubEntities()) {
                  if (&entity != users)
                      parts.push_back(Hub::planEntity(mapping, entity, tables, options));
              }
              migrationMark("plan thread: the other entities");
              return parts;
          });
    // The users' new rows go to the server as they are mapped, a batch at a time: it takes
    // them in while the rest of them is mapped, instead of after.
    Hub::EntityPlan usersPart;
    std::optional<Result<void>> usersCopied;
    std::optional<Hub::RowCopy> copy; // the users' COPY, while open
    bool usersWritten = false;
    {
        Hub::EntityPlanner planner(mapping, *users, tables, options, &usersPart);
        // What stops the run in any case stops the users' COPY (a conflict under policy fail,
        // a loss not accepted, an invalid record not skipped): the run's error is the same.
        // (Records skipped are not among the rows.)
        const auto writable = [&] {
            return (usersPart.mapped.issues.isEmpty() || options.skipInvalid)
                   && (usersPart.conflicts.isEmpty()
                       || options.conflict != MigrationOptions::Conflict::Fail)
                   && (options.acceptLoss
                       || (mapping.top().losses.isEmpty() && usersPart.mapped.losses.isEmpty()));
        };
        bool writing = true;
        bool cancelled = false;
        const qsizetype userEntries = mapping.entries(*users);
        // Writes the rows planned since the last batch, `done` entries mapped in all; false
        // when the run is cancelled.
        const auto batch = [&](qsizetype done) {
            const qsizetype from = usersPart.plans.size();
            planner.plan();
            writing = writing && writable();
            if (writing) {
                if (!copy)
                    copy.emplace(m_context,
                                 *users,
                                 tables.entities.value(users).columns,
                                 m_options.sourcePath);
                usersPart.lines.resize(size_t(usersPart.plans.size()));
                for (qsizetype i = from; i < usersPart.plans.size(); ++i) {
                    const Hub::Planned &p = usersPart.plans.at(i);
                    copy->add(p, usersPart.mapped.rows.at(p.row), &usersPart.lines[size_t(i)]);
                }
            }
            // The users are most of a large run's time: their count moves as they go (as
            // planned only, when something already stops their COPY).
            cancelled = !this->step(30 + int(5 * done / qMax<qsizetype>(1, userEntries)),
                                    writing ? MigratorTexts::tr("Importing")
                                            : MigratorTexts::tr("Planning"),
                                    users->name,
                                    int(done),
                                    int(userEntries));
            return !cancelled;
        };
        mapping.mapEntity(*users, &usersPart.mapped, batch);
        if (!cancelled)
            batch(userEntries);
        if (cancelled) // the COPY is ended unfinished, and the transaction rolled back
            return Migrator::cancelledError();
        migrationMark("plan: users mapped, planned and sent");
        // What is left to do with the users while the server takes the last of them in.
        planner.finish();
        // A value a row the file does not describe holds stops the run too (and the COPY).
        usersWritten = copy && copy->inserter && writing && !usersPart.taken;
        // Not written after all (copy->inserter's destructor ends an unfinished COPY): the
        // import writes them in turn.
        if (!usersWritten) {
            usersPart.lines.clear();
            copy.reset();
        }
        qsizetype entries = 0; // at most one row and one plan each
        for (const HubEntity &entity : hubEntities())
            entries += mapping.entries(entity);
        h.mapped.rows.reserve(entries);
        h.plans.reserve(entries);
        h.adopt(usersPart);
    }
    migrationMark("plan: users adopted");
    std::vector<Hub::EntityPlan> rest = planning.get();
    migrationMark("plan: waiting for the other entities");
    for (Hub::EntityPlan &part : rest)
        h.adopt(part);
    // Every entity's part in hubEntities() order, for the report.
    std::vector<Hub::EntityPlan *> parts;
    for (const HubEntity &entity : hubEntities()) {
        if (&entity == users) {
            parts.push_back(&usersPart);
            continue;
        }
        for (Hub::EntityPlan &part : rest) {
            if (part.entity == &entity)
                parts.push_back(&part);
        }
    }

    h.mapped.documentKeys = mapping.top().documentKeys;
    h.mapped.idRewrites = mapping.top().idRewrites;
    h.mapped.losses = mapping.top().losses;
    h.mapped.warnings = mapping.top().warnings;
    h.mapped.issues = mapping.top().issues;
    for (const Hub::EntityPlan *part : parts) {
        h.mapped.losses += part->mapped.losses;
        h.mapped.warnings += part->mapped.warnings;
        h.mapped.issues += part->mapped.issues;
    }
    m_report.losses = h.mapped.losses;
    m_report.idRewrites = h.mapped.idRewrites;
    m_report.warnings += h.mapped.warnings;
    for (const MappingIssue &issue : h.mapped.issues) {
        m_report.rejects.append({issue.pointer, issue.reason});
        ++m_report.countsFor(JsonPointer::tokens(issue.pointer).value(0)).rejected;
    }
    if (!h.mapped.issues.isEmpty()) {
        if (!m_options.skipInvalid) {
            return Error::make(Error::Code::Invalid,
                               QCoreApplication::translate(
                                   "Migrator",
                                   "%n records of the settings file do not fit MCPHub's tables; "
                                   "nothing was migrated. Repair them, or skip them and migrate "
                                   "the rest.",
                                   nullptr,
                                   int(h.mapped.issues.size())),
                               m_options.sourcePath + QLatin1Char('#')
                                   + h.mapped.issues.first().pointer + QStringLiteral(": ")
                                   + h.mapped.issues.first().reason)
                .withRemedy(Error::Remedy::SkipInvalid);
        }
        if (auto written = writeRejects(rejected + h.mapped.issues); !written)
            return written;
    }

    const int conflictsBefore = int(m_report.conflicts.size());
    for (const Hub::EntityPlan *part : parts) {
        if (part->counts.total == 0)
            continue;
        auto &counts = m_report.countsFor(part->entity->name);
        counts.total += part->counts.total;
        counts.created += part->counts.created;
        counts.identical += part->counts.identical;
        counts.conflicting += part->counts.conflicting;
        counts.overwritten += part->counts.overwritten;
        counts.skipped += part->counts.skipped;
        m_report.conflicts += part->conflicts;
    }
    // The shapes: the single entities' rows, each other entity's row with the entries of rows
    // the file no longer describes kept after the file's, the document's keys.
    for (const Hub::EntityPlan *part : parts)
        h.shapes += part->shapes;
    for (const Hub::EntityPlan *part : parts) {
        if (part->entityShape)
            h.shapes.append(*part->entityShape);
    }
    {
        const QString id = HubSettings::shapeId(QStringLiteral("document"), {});
        OrderedJson list = OrderedJson::array();
        for (const QString &k : std::as_const(h.mapped.documentKeys))
            list.push_back(k.toStdString());
        const QString text = QString::fromStdString(list.dump());
        const OrderedJson before = tables.shapesBefore.value(id);
        if (before.is_null() || HubSettings::textOf(before.value("keys", OrderedJson())) != text)
            h.shapes.append({id, 0, text});
    }
    int usersAfter = 0;
    for (const Hub::EntityPlan *part : parts) {
        m_report.kept += part->kept;
        m_report.pruned += part->pruned;
        for (const OrderedJson &row : part->prunes)
            h.prunes.append({part->entity, row});
        usersAfter += part->usersAfter;
    }
    h.shapesBefore = tables.shapesBefore; // shared, not copied
    migrationMark("plan: report, shapes, kept, pruned");
    // The users' COPY ended only now: the server took the last of their rows in while the
    // other entities were adopted and reported (15 ms of this thread for the benchmark's
    // file). Until then the connection is the COPY's: nothing above touches the database.
    if (usersWritten) {
        usersCopied = copy->finish();
        copy.reset();
        h.copiedEarly = users;
    }
    for (const Hub::EntityPlan *part : parts) {
        if (!part->taken)
            continue;
        m_report.conflicts.append(*part->taken);
        return Error::make(Error::Code::Conflict,
                           part->taken->message,
                           m_options.sourcePath + QLatin1Char('#') + part->taken->pointer);
    }
    if (usersAfter == 0) {
        // MCPHub re-imports its own settings file at its next start when users is empty (§4).
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate(
                               "Migrator",
                               "MCPHub's users table would be empty: MCPHub then re-imports its "
                               "own settings file at its next start. Add a user to the file (or "
                               "do not prune them); nothing was migrated."),
                           m_context.where + QStringLiteral(": users"));
    }
    if (m_report.conflicts.size() > conflictsBefore
        && m_options.conflict == MigrationOptions::Conflict::Fail)
        return conflictsFound();
    if (!m_report.losses.isEmpty() && !m_options.acceptLoss) {
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate(
                               "Migrator",
                               "MCPHub's tables have no place for %n parts of the settings file "
                               "(the plan lists each); nothing was migrated.",
                               nullptr,
                               int(m_report.losses.size())),
                           m_options.sourcePath + QLatin1Char('#')
                               + m_report.losses.first().pointer)
            .withRemedy(Error::Remedy::AcceptLoss);
    }
    // The users' COPY failed: only now, after what the plan refuses (as when written in turn).
    if (usersCopied && !*usersCopied)
        return *usersCopied;
    return {};
}

Result<void> Migrator::importHub()
{
    Hub &h = *m_hub;
    const QSqlDatabase db = QSqlDatabase::database(m_context.connectionName, false);
    beginHubCheck();
    // The entity written while the rest was planned first, its rows already in.
    QList<const HubEntity *> order;
    if (h.copiedEarly)
        order << h.copiedEarly;
    for (const HubEntity &entity : hubEntities()) {
        if (&entity != h.copiedEarly)
            order << &entity;
    }
    int step = 0;
    for (const HubEntity *const e : std::as_const(order)) {
        const HubEntity &entity = *e;
        const auto range = h.planRanges.value(&entity, {0, 0});
        if (!this->step(35 + 40 * step++ / int(hubEntities().size()),
                        MigratorTexts::tr("Importing"),
                        entity.name,
                        &entity == h.copiedEarly ? range.second - range.first : 0,
                        range.second - range.first))
            return Migrator::cancelledError();
        if (&entity != h.copiedEarly) {
            if (auto copied = copyHubRows(entity); !copied)
                return copied;
        }
        for (int i = range.first; i < range.second; ++i) {
            const Hub::Planned &p = h.plans.at(i);
            const HubRow &row = h.mapped.rows.at(p.row);
            if (p.action != Action::Overwrite)
                continue;
            QStringList sets;
            QVariantList values;
            for (const QString &column : p.differing) {
                sets << SqlDialect::escape(db, column) + QStringLiteral(" = ?");
                if (column == QLatin1String("id"))
                    values << p.id;
                else if (column == entity.keyColumn)
                    values << row.key;
                else
                    values << variantOf(row.values.value(column.toStdString(), OrderedJson()));
            }
            QSqlQuery query(db);
            const bool prepared
                = query.prepare(QStringLiteral("UPDATE %1 SET %2, updated_at = now() WHERE id = ?")
                                    .arg(entity.table, sets.join(QStringLiteral(", "))));
            for (const QVariant &v : std::as_const(values))
                query.addBindValue(v);
            query.addBindValue(HubSettings::textOf(p.before.value("id", OrderedJson())));
            if (!prepared || !query.exec())
                return sqlError(query.lastError(), row.pointer, MigratorTexts::tr("Importing"));
        }
        for (const auto &[pruned, row] : std::as_const(h.prunes)) {
            if (pruned != &entity)
                continue;
            if (auto removed = HubSettings::removeRow(
                    m_context, entity.table, HubSettings::textOf(row.value("id", OrderedJson())));
                !removed)
                return removed;
        }
        if (auto read = readBackHub(entity); !read)
            return read;
        if (!this->step(35 + 40 * step / int(hubEntities().size()),
                        MigratorTexts::tr("Importing"),
                        entity.name,
                        range.second - range.first,
                        range.second - range.first))
            return Migrator::cancelledError();
    }
    migrationMark("import: updates, prunes, read back");
    // The shapes: new ones in one COPY, changed ones updated.
    std::optional<BulkInserter> shapes;
    for (const Hub::Shape &s : std::as_const(h.shapes)) {
        if (h.shapesBefore.contains(s.id)) {
            QSqlQuery query(db);
            const bool prepared
                = query.prepare(QStringLiteral("UPDATE %1 SET ordinal = ?, keys = ? WHERE id = ?")
                                    .arg(HubSettings::kShapesTable));
            query.addBindValue(s.ordinal);
            query.addBindValue(s.keys);
            query.addBindValue(s.id);
            if (!prepared || !query.exec())
                return sqlError(
                    query.lastError(), HubSettings::kShapesTable, MigratorTexts::tr("Importing"));
            continue;
        }
    }
    for (const Hub::Shape &s : std::as_const(h.shapes)) {
        if (h.shapesBefore.contains(s.id))
            continue;
        if (!shapes) {
            shapes.emplace(m_context,
                           HubSettings::kShapesTable,
                           QStringList{QStringLiteral("id"),
                                       QStringLiteral("ordinal"),
                                       QStringLiteral("keys")},
                           false);
        }
        if (auto appended = shapes->append({s.id, s.ordinal, s.keys}); !appended)
            return appended;
    }
    if (shapes) {
        if (auto finished = shapes->finish(); !finished)
            return finished;
    }
    migrationMark("import: shapes");
    if (auto read = readBackHubShapes(); !read)
        return read;
    migrationMark("import: read back shapes");
    return {};
}

// Issue 16: the areas this import changed, for the run's change notices (ChangeFeed::Batch),
// named as the console's repositories name them (the settings entity's resource prefix).
Result<void> Migrator::noteHubTables()
{
    const Hub &h = *m_hub;
    QList<const HubEntity *> changed;
    for (const int i : h.plansInEntityOrder()) {
        const Hub::Planned &p = h.plans.at(i);
        const HubEntity *entity = h.mapped.rows.at(p.row).entity;
        if ((p.action == Action::Create || p.action == Action::Overwrite)
            && !changed.contains(entity))
            changed << entity;
    }
    for (const auto &prune : std::as_const(h.prunes)) {
        if (!changed.contains(prune.first))
            changed << prune.first;
    }
    for (const HubEntity *entity : std::as_const(changed)) {
        const EntitySpec *spec = settingsEntity(entity->name);
        const QString area = spec ? spec->table.resourcePrefix : entity->table;
        if (auto noted = ChangeFeed::noteTable(m_context, QStringLiteral("migration.import"), area);
            !noted)
            return noted;
    }
    return {};
}

} // namespace mcphub
