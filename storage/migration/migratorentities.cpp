// The Migrator's steps over the settings file's entities: plan (new, identical or conflicting
// under the policy), import (new rows in bulk, overwritten ones audited) and verify (every entry
// read back and compared field by field).
#include "storage/migration/migrator.h"

#include "storage/db/auditlogrepository.h"
#include "storage/db/bulkinserter.h"
#include "storage/live/changefeed.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace mcphub {

namespace {

QString shortJson(const OrderedJson &value)
{
    QString text = QString::fromStdString(value.dump());
    if (text.size() > 200)
        text = text.left(197) + QStringLiteral("...");
    return text;
}

QString pointerToken(QString token)
{
    token.replace(QLatin1Char('~'), QStringLiteral("~0"));
    token.replace(QLatin1Char('/'), QStringLiteral("~1"));
    return token;
}

// Every row of one table by key, read in one query.
Result<QHash<QString, QVariantMap>> rowsByKey(const EntitySpec &spec,
                                              const RepositoryContext &context)
{
    QHash<QString, QVariantMap> rows;
    const auto read = spec.repository(context).forEach(
        [&](const QVariantMap &row) { rows.insert(SettingsMapper::rowKey(spec, row), row); });
    if (!read)
        return read.error();
    return rows;
}

// Progress at every new entity type and every 50 entries.
bool reportsProgress(const MappedSettings &mapped, int i)
{
    return i % 50 == 0 || mapped.entities.at(i - 1).spec != mapped.entities.at(i).spec;
}

} // namespace

Error Migrator::differencesFound() const
{
    return Error::make(
        Error::Code::Conflict,
        QCoreApplication::translate("Migrator",
                                    "Verification found %n differences between the file and what "
                                    "the database returned; the migration was rolled back. See the "
                                    "report for each field.",
                                    nullptr,
                                    int(m_report.differences.size())),
        m_report.differences.first().pointer);
}

void Migrator::compareFields(const OrderedJson &expected,
                             const OrderedJson &actual,
                             const QString &pointer,
                             QList<MigrationReport::Item> *out)
{
    if (!expected.is_object() || !actual.is_object()) {
        if (expected != actual) {
            out->append({pointer,
                         QCoreApplication::translate("Migrator",
                                                     "The database holds %1 where the file has %2.")
                             .arg(shortJson(actual), shortJson(expected))});
        }
        return;
    }
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        const QString field
            = pointer + QLatin1Char('/') + pointerToken(QString::fromStdString(it.key()));
        const auto found = actual.find(it.key());
        if (found == actual.end())
            out->append({field,
                         QCoreApplication::translate(
                             "Migrator", "The file has this field; the database lost it.")});
        else if (*found != it.value())
            out->append({field,
                         QCoreApplication::translate("Migrator",
                                                     "The database holds %1 where the file has %2.")
                             .arg(shortJson(*found), shortJson(it.value()))});
    }
    for (auto it = actual.begin(); it != actual.end(); ++it) {
        if (!expected.contains(it.key())) {
            out->append(
                {pointer + QLatin1Char('/') + pointerToken(QString::fromStdString(it.key())),
                 QCoreApplication::translate("Migrator",
                                             "The database has this field; the file does not.")});
        }
    }
    if (out->isEmpty() && expected != actual)
        out->append({pointer,
                     QCoreApplication::translate("Migrator",
                                                 "The fields are the same but in another order.")});
}

Result<void> Migrator::plan(const MappedSettings &mapped)
{
    RowRepository documents(m_context, settingsDocumentTable());
    const auto document = documents.find(1);
    if (!document)
        return document.error();
    m_documentBefore = *document;
    if (!document->has_value()) {
        m_documentAction = Action::Create;
    } else if (SettingsMapper::documentImage(**document)
               == SettingsMapper::documentImage(mapped.document)) {
        m_documentAction = Action::Identical;
    } else {
        // A conflict like any other: its own row in the counts (first, as the top level comes
        // first in the file) and a message naming what differs and what each policy does.
        const OrderedJson held = SettingsMapper::documentImage(**document);
        const OrderedJson file = SettingsMapper::documentImage(mapped.document);
        QStringList differs;
        if (held.at("key_order") != file.at("key_order"))
            differs << QCoreApplication::translate("Migrator", "the order of the top-level keys");
        if (held.at("extra") != file.at("extra"))
            differs << QCoreApplication::translate("Migrator",
                                                   "the top-level keys the console does not "
                                                   "model");
        if (held.at("format") != file.at("format"))
            differs << QCoreApplication::translate("Migrator", "the file's layout");
        QString outcome;
        switch (m_options.conflict) {
        case MigrationOptions::Conflict::Fail:
            outcome = QCoreApplication::translate(
                "Migrator",
                "The policy \"fail\" stops the migration; \"skip\" keeps the database's top "
                "level, \"overwrite\" replaces it with this file's.");
            break;
        case MigrationOptions::Conflict::Skip:
            outcome = QCoreApplication::translate(
                "Migrator", "The policy \"skip\" keeps the database's top level.");
            break;
        case MigrationOptions::Conflict::Overwrite:
            outcome = QCoreApplication::translate(
                "Migrator", "The policy \"overwrite\" replaces it with this file's.");
            break;
        }
        m_report.conflicts.append(
            {QStringLiteral("/"),
             QCoreApplication::translate("Migrator",
                                         "The database holds the top level of another settings "
                                         "file; what differs: %1. %2")
                 .arg(differs.join(QStringLiteral(", ")), outcome)});
        m_documentAction = m_options.conflict == MigrationOptions::Conflict::Overwrite
                               ? Action::Overwrite
                               : Action::Skip;
        MigrationReport::EntityCounts counts;
        counts.entity = MigrationReport::kTopLevelEntity;
        counts.total = 1;
        counts.conflicting = 1;
        (m_documentAction == Action::Overwrite ? counts.overwritten : counts.skipped) = 1;
        m_report.counts.prepend(counts);
    }

    m_actions.clear();
    m_existing.clear();
    for (const EntitySpec &spec : settingsEntities()) {
        auto rows = rowsByKey(spec, m_context);
        if (!rows)
            return rows.error();
        m_existing.insert(spec.name, std::move(*rows));
    }
    const int total = int(mapped.entities.size());
    for (int i = 0; i < total; ++i) {
        const MappedEntity &e = mapped.entities.at(i);
        if (reportsProgress(mapped, i)
            && !step(m_logs.isEmpty() ? 10 + 20 * i / qMax(1, total) : 65 + 5 * i / qMax(1, total),
                     QCoreApplication::translate("Migrator", "Planning"),
                     e.spec->name,
                     i,
                     total))
            return Migrator::cancelledError();
        MigrationReport::EntityCounts &counts = m_report.countsFor(e.spec->name);
        const auto existing = m_existing.value(e.spec->name).constFind(e.key);
        if (existing == m_existing.value(e.spec->name).constEnd()) {
            m_actions << Action::Create;
            ++counts.created;
            continue;
        }
        const auto current = SettingsMapper::entityJson(*e.spec, *existing);
        if (!current)
            return current.error();
        if (*current == e.source) {
            m_actions << Action::Identical;
            ++counts.identical;
            continue;
        }
        ++counts.conflicting;
        m_report.conflicts.append(
            {e.pointer,
             QCoreApplication::translate("Migrator",
                                         "\"%1\" is already in the database with other content.")
                 .arg(e.key)});
        if (m_options.conflict == MigrationOptions::Conflict::Overwrite) {
            m_actions << Action::Overwrite;
            ++counts.overwritten;
        } else {
            m_actions << Action::Skip;
            ++counts.skipped;
        }
    }
    if (!m_report.conflicts.isEmpty() && m_options.conflict == MigrationOptions::Conflict::Fail)
        return conflictsFound();
    return {};
}

Error Migrator::conflictsFound() const
{
    return Error::make(Error::Code::Conflict,
                       QCoreApplication::translate(
                           "Migrator",
                           "%n entries are already in the database with other content; "
                           "nothing was migrated.",
                           nullptr,
                           int(m_report.conflicts.size())),
                       m_report.conflicts.first().pointer)
        .withRemedy(Error::Remedy::ConflictPolicy);
}

Result<void> Migrator::import(const MappedSettings &mapped)
{
    RowRepository documents(m_context, settingsDocumentTable());
    if (m_documentAction == Action::Create || m_documentAction == Action::Overwrite) {
        OrderedJson change = OrderedJson::object();
        change["entity"] = "document";
        change["key"] = "1";
        change["before"] = m_documentBefore ? SettingsMapper::documentImage(*m_documentBefore)
                                            : OrderedJson(nullptr);
        change["after"] = SettingsMapper::documentImage(mapped.document);
        if (m_documentBefore) {
            const QDateTime updatedAt
                = m_documentBefore->value(QStringLiteral("updated_at")).toDateTime();
            if (updatedAt.isValid())
                change["beforeUpdatedAt"]
                    = updatedAt.toUTC().toString(Qt::ISODateWithMs).toStdString();
        }
        Result<void> written = m_documentAction == Action::Create
                                   ? documents.create(mapped.document)
                                   : documents.update(1, [&] {
                                         QVariantMap row = mapped.document;
                                         row.remove(QStringLiteral("id"));
                                         return row;
                                     }());
        if (!written)
            return written;
        m_changes.push_back(std::move(change));
    }
    // New rows go through the database's bulk path, one inserter per table and column set (a
    // column a row does not name keeps its default), with one audit row per entity type: a
    // savepoint, a statement and an audit row per entry cost 4-6x sqlite3's and psql's own
    // import (bench_migration). Overwritten rows keep the audited update of their repository.
    struct Bulk
    {
        const EntitySpec *spec = nullptr;
        QStringList columns;
        QList<QVariantList> rows; // written after the loop: one open COPY at a time
        QStringList pointers;     // of each row, to name one the database refuses
    };
    std::vector<Bulk> bulks;
    QHash<QString, size_t> bulkFor; // entity + column names -> index in bulks
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int total = int(mapped.entities.size());
    for (int i = 0; i < total; ++i) {
        const MappedEntity &e = mapped.entities.at(i);
        if (reportsProgress(mapped, i)
            && !step(m_logs.isEmpty() ? 30 + 50 * i / qMax(1, total) : 70 + 10 * i / qMax(1, total),
                     QCoreApplication::translate("Migrator", "Importing"),
                     e.spec->name,
                     i,
                     total))
            return Migrator::cancelledError();
        const Action action = m_actions.at(i);
        if (action != Action::Create && action != Action::Overwrite)
            continue;
        OrderedJson change = OrderedJson::object();
        change["entity"] = e.spec->name.toStdString();
        change["key"] = e.key.toStdString();
        change["before"] = nullptr;
        change["beforeOrdinal"] = 0;
        Result<void> written;
        if (action == Action::Create) {
            QVariantMap row = e.row;
            if (e.spec->table.hasUpdatedAt && !row.contains(QStringLiteral("updated_at")))
                row.insert(QStringLiteral("updated_at"), now);
            const QStringList columns = row.keys();
            const QString id
                = e.spec->name + QLatin1Char('\x1f') + columns.join(QLatin1Char('\x1f'));
            auto found = bulkFor.constFind(id);
            if (found == bulkFor.constEnd()) {
                found = bulkFor.insert(id, bulks.size());
                bulks.push_back({e.spec, columns, {}, {}});
            }
            bulks[*found].rows.append(row.values());
            bulks[*found].pointers.append(e.pointer);
        } else {
            RowRepository repository = e.spec->repository(m_context);
            const std::optional<QVariantMap> old = m_existing.value(e.spec->name).value(e.key);
            if (old) {
                const auto before = SettingsMapper::entityJson(*e.spec, *old);
                if (!before)
                    return before.error();
                change["before"] = *before;
                change["beforeOrdinal"] = old->value(QStringLiteral("ordinal")).toInt();
                // Restored by a rollback, so that the pre-run database comes back exactly.
                const QDateTime updatedAt = old->value(QStringLiteral("updated_at")).toDateTime();
                if (updatedAt.isValid())
                    change["beforeUpdatedAt"]
                        = updatedAt.toUTC().toString(Qt::ISODateWithMs).toStdString();
            }
            QVariantMap row = e.row;
            row.remove(e.spec->keyColumn());
            written = repository.update(e.key, row);
        }
        if (!written) {
            Error error = written.error();
            error.where = e.pointer + QStringLiteral(" -> ") + error.where;
            return error;
        }
        change["after"] = e.source;
        change["afterOrdinal"] = e.ordinal;
        m_changes.push_back(std::move(change));
    }
    QHash<const EntitySpec *, qint64> created;
    QList<const EntitySpec *> order;
    for (const Bulk &bulk : bulks) {
        BulkInserter inserter(m_context, bulk.spec->table.name, bulk.columns, false);
        const auto named = [&](Error error) {
            const qint64 row = inserter.failedRow();
            if (row >= 0 && row < bulk.pointers.size())
                error.where = bulk.pointers.at(row) + QStringLiteral(" -> ") + error.where;
            return error;
        };
        for (const QVariantList &row : bulk.rows) {
            if (auto appended = inserter.append(row); !appended)
                return named(appended.error());
        }
        if (auto finished = inserter.finish(); !finished)
            return named(finished.error());
        if (!created.contains(bulk.spec))
            order << bulk.spec;
        created[bulk.spec] += inserter.rowCount();
    }
    for (const EntitySpec *spec : order) {
        AuditEntry entry;
        entry.timestamp = now;
        entry.username = m_context.actor;
        entry.action = spec->table.action + QStringLiteral(".import");
        entry.resource = spec->table.resourcePrefix;
        entry.method = QStringLiteral("IMPORT");
        entry.details = QJsonObject{{QStringLiteral("source"), m_report.sourcePath},
                                    {QStringLiteral("sha256"), m_report.sourceSha256},
                                    {QStringLiteral("entity"), spec->name},
                                    {QStringLiteral("rows"), created.value(spec)}};
        if (auto written = AuditLogRepository(m_context).append(entry); !written)
            return written.error();
        if (auto noted = ChangeFeed::noteTable(m_context, entry.action, entry.resource); !noted)
            return noted;
    }
    return {};
}

Result<void> Migrator::verify(const MappedSettings &mapped)
{
    QHash<QString, QHash<QString, QVariantMap>> stored; // read back, per entity type
    if (m_documentAction != Action::Skip) {
        const auto document = RowRepository(m_context, settingsDocumentTable()).find(1);
        if (!document)
            return document.error();
        if (!document->has_value()
            || SettingsMapper::documentImage(**document)
                   != SettingsMapper::documentImage(mapped.document)) {
            m_report.differences.append(
                {QStringLiteral("/"),
                 QCoreApplication::translate("Migrator",
                                             "The top level of the file was not stored as read.")});
        }
    }
    const int total = int(mapped.entities.size());
    for (int i = 0; i < total; ++i) {
        const MappedEntity &e = mapped.entities.at(i);
        if (reportsProgress(mapped, i)
            && !step(80 + 15 * i / qMax(1, total),
                     QCoreApplication::translate("Migrator", "Verifying"),
                     e.spec->name,
                     i,
                     total))
            return Migrator::cancelledError();
        if (m_actions.at(i) == Action::Skip)
            continue;
        if (!stored.contains(e.spec->name)) {
            auto rows = rowsByKey(*e.spec, m_context);
            if (!rows)
                return rows.error();
            stored.insert(e.spec->name, std::move(*rows));
        }
        const auto row = stored[e.spec->name].constFind(e.key);
        if (row == stored[e.spec->name].constEnd()) {
            m_report.differences.append(
                {e.pointer,
                 QCoreApplication::translate("Migrator",
                                             "The entry is missing from the database.")});
            continue;
        }
        const auto actual = SettingsMapper::entityJson(*e.spec, *row);
        if (!actual)
            return actual.error();
        compareFields(e.source, *actual, e.pointer, &m_report.differences);
    }
    if (!m_report.differences.isEmpty())
        return differencesFound();
    return {};
}
} // namespace mcphub
