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

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

#include <openssl/rand.h>

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

int rowsOf(const HubSettings::Mapped &mapped, const HubEntity &entity)
{
    return int(std::count_if(mapped.rows.cbegin(), mapped.rows.cend(), [&](const HubRow &row) {
        return row.entity == &entity;
    }));
}

// Random (version 4) uuids for the many new rows of a run. QUuid::createUuid asks Qt's system
// generator for each (~2 us here: 0.1 s of a 50,000-user plan). This takes the bytes from
// OpenSSL's CSPRNG (RAND_bytes, already linked for SHA-256) 4 KB at a time: as unpredictable
// as createUuid's, at ~0.1 us a uuid.
class RandomUuids
{
public:
    QString next()
    {
        if (m_used + 16 > m_pool.size()) {
            if (RAND_bytes(reinterpret_cast<unsigned char *>(m_pool.data()), int(m_pool.size()))
                != 1)
                return QUuid::createUuid().toString(QUuid::WithoutBraces);
            m_used = 0;
        }
        QByteArray bytes(m_pool.constData() + m_used, 16);
        m_used += 16;
        bytes[6] = char((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = char((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
        return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
    }

private:
    QByteArray m_pool = QByteArray(4096, Qt::Uninitialized);
    qsizetype m_used = 4096;
};

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

Result<void> Migrator::planHub(const OrderedJson &source,
                               const QList<MappingIssue> &rejected,
                               std::optional<HubSettings::Mapped> mapped)
{
    m_hub = std::make_shared<Hub>();
    Hub &h = *m_hub;
    if (rejected.isEmpty() && mapped) {
        h.mapped = std::move(*mapped);
    } else {
        // The document itself when nothing was rejected (a copy of a large file costs).
        const OrderedJson kept
            = rejected.isEmpty() ? OrderedJson() : withoutRejected(source, rejected);
        h.mapped = HubSettings::map(rejected.isEmpty() ? source : kept);
    }
    migrationMark("plan: HubSettings::map");
    h.plans.reserve(h.mapped.rows.size());
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
    QHash<QString, QList<OrderedJson>> existing;
    int step = 0;
    for (const HubEntity &entity : hubEntities()) {
        const int planned = rowsOf(h.mapped, entity);
        if (!this->step(10 + 20 * step++ / int(hubEntities().size()),
                        MigratorTexts::tr("Planning"),
                        entity.name,
                        0,
                        planned))
            return Migrator::cancelledError();
        auto rows = HubSettings::readRows(m_context, entity.table);
        if (!rows)
            return rows.error();
        existing.insert(entity.table, std::move(*rows));
    }
    const auto shapes = HubSettings::readRows(m_context, HubSettings::kShapesTable);
    if (!shapes)
        return shapes.error();
    for (const OrderedJson &s : *shapes)
        h.shapesBefore.insert(HubSettings::textOf(s.value("id", OrderedJson())), s);

    migrationMark("plan: read the tables");
    // The shapes the rows had before, for a row the run skips, which keeps its own.
    const auto oldShapes = HubSettings::EntityShapes::entries(h.shapesBefore.values());
    QHash<const HubEntity *, HubSettings::EntityShapes> entityShapes;
    for (const HubEntity &entity : hubEntities()) {
        if (entity.shape != HubEntity::Shape::Single)
            entityShapes[&entity].reserve(size_t(rowsOf(h.mapped, entity)));
    }
    QHash<QString, QHash<QString, int>> byId, byKey; // per table: index into existing
    for (const HubEntity &entity : hubEntities()) {
        const QList<OrderedJson> &rows = existing[entity.table];
        for (int i = 0; i < rows.size(); ++i) {
            byId[entity.table].insert(HubSettings::textOf(rows[i].value("id", OrderedJson())), i);
            const QString key
                = HubSettings::textOf(rows[i].value(entity.keyColumn.toStdString(), OrderedJson()));
            if (!byKey[entity.table].contains(key))
                byKey[entity.table].insert(key, i);
        }
    }
    QHash<QString, QSet<int>> matched;
    int conflictsBefore = int(m_report.conflicts.size());
    RandomUuids newIds; // a user of the file has no id: 50,000 users, 50,000 new ones
    for (int r = 0; r < h.mapped.rows.size(); ++r) {
        const HubRow &row = h.mapped.rows.at(r);
        const HubEntity &entity = *row.entity;
        auto &counts = m_report.countsFor(entity.name);
        ++counts.total;
        int match = -1;
        if (!row.id.isEmpty())
            match = byId[entity.table].value(row.id, -1);
        if (match < 0 || matched[entity.table].contains(match)) {
            const int byName = byKey[entity.table].value(row.key, -1);
            match = byName >= 0 && !matched[entity.table].contains(byName) ? byName : -1;
        }
        Hub::Planned plan;
        plan.row = r;
        if (match < 0) {
            plan.action = Action::Create;
            plan.id = entity.shape == HubEntity::Shape::Single ? QStringLiteral("default")
                      : !row.id.isEmpty()                      ? row.id
                                                               : newIds.next();
            ++counts.created;
        } else {
            matched[entity.table].insert(match);
            plan.before = existing[entity.table].at(match);
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
                ++counts.identical;
            } else {
                ++counts.conflicting;
                for (const QString &column : std::as_const(plan.differing)) {
                    m_report.conflicts.append(
                        {JsonPointer::append(row.pointer, fileKey(entity, column)),
                         QCoreApplication::translate("Migrator",
                                                     "MCPHub's database holds another value "
                                                     "(%1.%2 of row %3).")
                             .arg(entity.table, column, plan.id)});
                }
                if (m_options.conflict == MigrationOptions::Conflict::Overwrite) {
                    plan.action = Action::Overwrite;
                    plan.id = row.id.isEmpty() ? plan.id : row.id;
                    ++counts.overwritten;
                } else {
                    plan.action = Action::Skip;
                    ++counts.skipped;
                }
            }
        }
        h.plans.append(plan);
        if (entity.shape == HubEntity::Shape::Single) {
            if (plan.action != Action::Skip) {
                const QString id = HubSettings::shapeId(entity.name, row.key);
                const QString text = QString::fromStdString(row.keysJson);
                const OrderedJson before = h.shapesBefore.value(id);
                if (before.is_null()
                    || HubSettings::textOf(before.value("keys", OrderedJson())) != text
                    || before.value("ordinal", -1) != row.ordinal)
                    h.shapes.append({id, row.ordinal, text});
            }
            continue;
        }
        // A row the run skips keeps the shape it had.
        std::string key = row.key.toStdString();
        if (plan.action != Action::Skip) {
            entityShapes[&entity].add(std::move(key), row.keysJson);
        } else if (const auto old = oldShapes.constFind(HubSettings::shapeId(entity.name, row.key));
                   old != oldShapes.constEnd()) {
            entityShapes[&entity].add(std::move(key), old->keysJson);
        }
    }
    // Each entity the file has: its shapes row, with the entries of rows the file no longer
    // describes kept after the file's.
    for (const HubEntity &entity : hubEntities()) {
        if (entity.shape == HubEntity::Shape::Single
            || !h.mapped.documentKeys.contains(entity.name))
            continue;
        const QString id = HubSettings::EntityShapes::id(entity.name);
        const OrderedJson before = h.shapesBefore.value(id);
        HubSettings::EntityShapes &shapes = entityShapes[&entity];
        if (!before.is_null()) {
            for (const auto &[key, keysJson] :
                 HubSettings::EntityShapes::parse(before.value("keys", std::string("{}"))))
                shapes.add(key, keysJson);
        }
        const QString text = QString::fromStdString(shapes.text());
        if (before.is_null() ? !shapes.empty()
                             : HubSettings::textOf(before.value("keys", OrderedJson())) != text)
            h.shapes.append({id, 0, text});
    }
    {
        const QString id = HubSettings::shapeId(QStringLiteral("document"), {});
        OrderedJson list = OrderedJson::array();
        for (const QString &k : std::as_const(h.mapped.documentKeys))
            list.push_back(k.toStdString());
        const QString text = QString::fromStdString(list.dump());
        const OrderedJson before = h.shapesBefore.value(id);
        if (before.is_null() || HubSettings::textOf(before.value("keys", OrderedJson())) != text)
            h.shapes.append({id, 0, text});
    }

    migrationMark("plan: match");
    // Rows the file does not describe: kept, or with --prune removed (the file's own entity
    // types only; never system_config).
    int usersAfter = 0;
    for (const HubEntity &entity : hubEntities()) {
        const QList<OrderedJson> &rows = existing[entity.table];
        const bool prunable = m_options.prune && entity.shape != HubEntity::Shape::Single
                              && h.mapped.documentKeys.contains(entity.name);
        for (int i = 0; i < rows.size(); ++i) {
            if (entity.name == QLatin1String("users")
                && (matched[entity.table].contains(i) || !prunable))
                ++usersAfter;
            if (matched[entity.table].contains(i))
                continue;
            const QString key
                = HubSettings::textOf(rows[i].value(entity.keyColumn.toStdString(), OrderedJson()));
            const QString pointer
                = entity.shape == HubEntity::Shape::Single
                      ? JsonPointer::append({}, entity.name)
                      : JsonPointer::append(JsonPointer::append({}, entity.name), key);
            if (entity.shape == HubEntity::Shape::Single
                && HubSettings::textOf(rows[i].value("id", OrderedJson()))
                       != QLatin1String("default"))
                continue;
            if (prunable) {
                h.prunes.append({&entity, rows[i]});
                m_report.pruned.append(
                    {pointer,
                     QCoreApplication::translate("Migrator",
                                                 "Not in the file: removed from %1 (row %2).")
                         .arg(entity.table,
                              HubSettings::textOf(rows[i].value("id", OrderedJson())))});
            } else {
                m_report.kept.append(
                    {pointer,
                     QCoreApplication::translate("Migrator",
                                                 "Not in the file: kept in %1 (row %2).")
                         .arg(entity.table,
                              HubSettings::textOf(rows[i].value("id", OrderedJson())))});
            }
        }
    }
    for (const Hub::Planned &p : std::as_const(h.plans)) {
        if (p.action == Action::Create
            && h.mapped.rows.at(p.row).entity->name == QLatin1String("users"))
            ++usersAfter;
    }
    // A unique column (a user's email, a token's refresh token) whose value a row the file does
    // not describe already holds: refused here by name, not by the database mid-COPY.
    for (const HubEntity &entity : hubEntities()) {
        for (const HubColumn &c : entity.columns) {
            if (!c.unique)
                continue;
            const std::string column = c.column.toStdString();
            QHash<QString, QString> held; // value -> id of a row no file entry matched
            const QList<OrderedJson> &rows = existing[entity.table];
            for (int i = 0; i < rows.size(); ++i) {
                const OrderedJson &v = HubSettings::valueAt(rows[i], column);
                if (!matched[entity.table].contains(i) && !v.is_null())
                    held.insert(QString::fromStdString(v.dump()),
                                HubSettings::textOf(HubSettings::valueAt(rows[i], "id")));
            }
            if (held.isEmpty())
                continue;
            for (const Hub::Planned &p : std::as_const(h.plans)) {
                const HubRow &row = h.mapped.rows.at(p.row);
                if (row.entity != &entity || p.action == Action::Skip
                    || p.action == Action::Identical)
                    continue;
                const OrderedJson &v = HubSettings::valueAt(row.values, column);
                const QString other
                    = v.is_null() ? QString() : held.value(QString::fromStdString(v.dump()));
                if (other.isEmpty())
                    continue;
                m_report.conflicts.append(
                    {JsonPointer::append(row.pointer, c.key),
                     QCoreApplication::translate("Migrator",
                                                 "MCPHub's column %1.%2 holds each value once, and "
                                                 "row %3, which the file does not describe, has "
                                                 "this one.")
                         .arg(entity.table, c.column, other)});
                return Error::make(Error::Code::Conflict,
                                   m_report.conflicts.last().message,
                                   m_options.sourcePath + QLatin1Char('#')
                                       + m_report.conflicts.last().pointer);
            }
        }
    }
    migrationMark("plan: kept, pruned, unique");
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
    return {};
}

Result<void> Migrator::importHub()
{
    Hub &h = *m_hub;
    const QSqlDatabase db = QSqlDatabase::database(m_context.connectionName, false);
    h.lines.assign(size_t(h.plans.size()), QByteArray());
    beginHubCheck();
    int step = 0;
    for (const HubEntity &entity : hubEntities()) {
        const int rows = rowsOf(h.mapped, entity);
        if (!this->step(35 + 40 * step++ / int(hubEntities().size()),
                        MigratorTexts::tr("Importing"),
                        entity.name,
                        0,
                        rows))
            return Migrator::cancelledError();
        QStringList columns{QStringLiteral("id")};
        if (entity.keyColumn != QLatin1String("id"))
            columns << entity.keyColumn;
        for (const HubColumn &c : entity.columns)
            columns << c.column;
        std::vector<std::string> names; // the columns as row.values names them
        for (const HubColumn &c : entity.columns)
            names.push_back(c.column.toStdString());
        std::optional<BulkInserter> inserter;
        for (qsizetype i = 0; i < h.plans.size(); ++i) {
            const Hub::Planned &p = h.plans.at(i);
            const HubRow &row = h.mapped.rows.at(p.row);
            if (row.entity != &entity || p.action != Action::Create)
                continue;
            if (!inserter)
                inserter.emplace(m_context, entity.table, columns, false);
            // The row as COPY's text, written straight from the mapped values: NULL, t/f,
            // a decimal integer or the text (BulkInserter::append's QVariant of each costs
            // more than the server's work on it).
            QByteArray &line = h.lines[size_t(i)];
            BulkInserter::appendCopyField(&line, p.id.toUtf8());
            if (entity.keyColumn != QLatin1String("id")) {
                line += '\t';
                BulkInserter::appendCopyField(&line, row.key.toUtf8());
            }
            bool comparable = true; // each value has a text that reads back as itself
            for (size_t at = 0; at < names.size(); ++at) {
                const OrderedJson &v = row.columnValue(at, names[at]);
                line += '\t';
                if (v.is_string()) {
                    const std::string &text = v.get_ref<const std::string &>();
                    BulkInserter::appendCopyField(
                        &line, QByteArrayView(text.data(), qsizetype(text.size())));
                } else if (v.is_boolean()) {
                    line += v.get<bool>() ? 't' : 'f';
                } else if (v.is_number_integer()) {
                    line += QByteArray::number(v.get<qint64>());
                } else {
                    comparable = comparable && v.is_null();
                    line += "\\N";
                }
            }
            if (auto appended = inserter->appendLine(line); !appended) {
                Error error = appended.error();
                error.where = m_options.sourcePath + QLatin1Char('#') + row.pointer;
                return error;
            }
            if (!comparable)
                line.clear(); // compared column by column
        }
        if (inserter) {
            if (auto finished = inserter->finish(); !finished)
                return finished;
            migrationMark(qPrintable(QStringLiteral("import: COPY ") + entity.table));
        }
        for (const Hub::Planned &p : std::as_const(h.plans)) {
            const HubRow &row = h.mapped.rows.at(p.row);
            if (row.entity != &entity || p.action != Action::Overwrite)
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
    return {};
}

// Issue 16: the areas this import changed, for the run's change notices (ChangeFeed::Batch),
// named as the console's repositories name them (the settings entity's resource prefix).
Result<void> Migrator::noteHubTables()
{
    const Hub &h = *m_hub;
    QList<const HubEntity *> changed;
    for (const Hub::Planned &p : std::as_const(h.plans)) {
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
