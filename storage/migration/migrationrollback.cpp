#include "storage/migration/migrationrollback.h"

#include "storage/db/transactionguard.h"
#include "storage/live/changefeed.h"
#include "storage/migration/hubsettings.h"
#include "storage/migration/logimport.h"
#include "storage/migration/migrationhistory.h"
#include "storage/migration/settingsentities.h"
#include "storage/migration/settingsmapper.h"

#include <QCoreApplication>

namespace mcphub {

namespace {

QString pointerOf(const OrderedJson &change)
{
    const QString entity = QString::fromStdString(change.value("entity", std::string()));
    if (entity == QLatin1String("document"))
        return QStringLiteral("/");
    QString key = QString::fromStdString(change.value("key", std::string()));
    key.replace(QLatin1Char('~'), QStringLiteral("~0"));
    key.replace(QLatin1Char('/'), QStringLiteral("~1"));
    return QLatin1Char('/') + entity + QLatin1Char('/') + key;
}

// A change a migration into MCPHub's database recorded: {"table", "id", "before" (the row
// before, null when the run inserted it), "afterSha256" (the row the run left), or "after":
// null when the run removed the row}. Log imports record "table" with "idRanges".
bool isHubRow(const OrderedJson &change)
{
    return change.contains("table") && change.contains("id") && !change.contains("idRanges");
}

bool removedByRun(const OrderedJson &change)
{
    return !change.contains("afterSha256");
}

} // namespace

MigrationRollback::MigrationRollback(RepositoryContext context)
    : m_context(std::move(context))
{}

namespace {

// The area an MCPHub table's rows show in (its settings entity's resource prefix), for the
// rollback's change notices.
QString areaOfHubTable(const QString &table)
{
    for (const HubEntity &entity : hubEntities()) {
        if (entity.table == table) {
            const EntitySpec *spec = settingsEntity(entity.name);
            return spec ? spec->table.resourcePrefix : table;
        }
    }
    return table;
}

} // namespace

Result<qint64> MigrationRollback::rollback(qint64 runId)
{
    m_touched.clear();
    const QDateTime started = QDateTime::currentDateTimeUtc();
    MigrationHistory history(m_context);
    const QString where = QStringLiteral("migration_runs/%1").arg(runId);
    TransactionGuard tx(QSqlDatabase::database(m_context.connectionName));
    if (!tx.active())
        return tx.error();
    if (auto waits = tx.setTransactionLockTimeout(TransactionGuard::kLongLockTimeoutMs); !waits)
        return waits.error();
    // Issue 16: one change notice per table the rollback changed, with its commit.
    ChangeFeed::Batch changes(m_context, QStringLiteral("migration.rollback"));
    auto run = history.find(runId);
    if (!run)
        return run.error();
    if (!run->has_value()) {
        return Error::make(Error::Code::NotFound,
                           QCoreApplication::translate(
                               "MigrationRollback",
                               "There is no migration run with this id. \"history\" lists them."),
                           where);
    }
    MigrationRun &migration = **run;
    if (migration.kind != QLatin1String("migrate")
        || migration.status != QLatin1String("completed")) {
        return Error::make(Error::Code::Conflict,
                           QCoreApplication::translate(
                               "MigrationRollback",
                               "Only a completed migration can be rolled back; this run is "
                               "\"%1\" (%2).")
                               .arg(migration.status, migration.kind),
                           where);
    }

    // The new rows' ids as lists, where the run recorded them as their uuid series.
    HubSettings::CreatedRows::expand(&migration.changes);

    // Every row must still be as the run left it.
    RowRepository documents(m_context, settingsDocumentTable());
    for (const OrderedJson &change : migration.changes) {
        const QString table = QString::fromStdString(change.value("table", std::string()));
        if ((change.contains("created") || isHubRow(change))
            && !HubSettings::isMigratedTable(table)) {
            // Not a record this console wrote: its table never reaches the SQL below.
            m_touched << table;
            continue;
        }
        if (change.contains("created")) { // rows a run into MCPHub's database inserted
            const auto changed = HubSettings::CreatedRows::changedSince(m_context, change);
            if (!changed)
                return changed.error();
            if (*changed)
                m_touched << table;
            continue;
        }
        if (isHubRow(change)) { // a row of MCPHub's database (or the shapes beside it)
            const QString id = QString::fromStdString(change.value("id", std::string()));
            const auto current = HubSettings::readRow(m_context, table, id);
            if (!current)
                return current.error();
            const bool changed = removedByRun(change)
                                     ? current->has_value()
                                     : !current->has_value()
                                           || HubSettings::rowDigest(**current).toStdString()
                                                  != change.value("afterSha256", std::string());
            if (changed)
                m_touched << QStringLiteral("%1/%2").arg(table, id);
            continue;
        }
        const std::string entity = change.value("entity", std::string());
        const QString key = QString::fromStdString(change.value("key", std::string()));
        if (entity == "document") {
            const auto row = documents.find(1);
            if (!row)
                return row.error();
            if (!row->has_value() || SettingsMapper::documentImage(**row) != change["after"])
                m_touched << pointerOf(change);
            continue;
        }
        const EntitySpec *spec = settingsEntity(QString::fromStdString(entity));
        if (!spec)
            continue;
        const auto row = spec->repository(m_context).find(key);
        if (!row)
            return row.error();
        if (!row->has_value()) {
            m_touched << pointerOf(change);
            continue;
        }
        const auto current = SettingsMapper::entityJson(*spec, **row);
        if (!current)
            return current.error();
        if (*current != change["after"]
            || (**row).value(QStringLiteral("ordinal")).toInt() != change.value("afterOrdinal", 0))
            m_touched << pointerOf(change);
    }
    if (!m_touched.isEmpty()) {
        return Error::make(Error::Code::Conflict,
                           QCoreApplication::translate(
                               "MigrationRollback",
                               "%n rows that this run wrote were changed later (by another run "
                               "or an edit); rolling back would lose those changes, so nothing "
                               "was changed. First: %1",
                               nullptr,
                               int(m_touched.size()))
                               .arg(m_touched.first()),
                           where);
    }

    OrderedJson undone = OrderedJson::array();
    for (auto it = migration.changes.rbegin(); it != migration.changes.rend(); ++it) {
        const OrderedJson &change = *it;
        const std::string entity = change.value("entity", std::string());
        const QString key = QString::fromStdString(change.value("key", std::string()));
        const OrderedJson &before = change["before"];
        Result<void> done;
        if (change.contains("created")) {
            const QString table = QString::fromStdString(change.value("table", std::string()));
            changes.note(areaOfHubTable(table));
            for (const OrderedJson &id : change["created"]) {
                done = HubSettings::removeRow(
                    m_context, table, QString::fromStdString(id.get<std::string>()));
                if (!done)
                    return done.error();
            }
            OrderedJson reverse = OrderedJson::object();
            reverse["table"] = change["table"];
            reverse["removedRows"] = change["created"].size();
            undone.push_back(std::move(reverse));
            continue;
        }
        if (isHubRow(change)) {
            const QString table = QString::fromStdString(change.value("table", std::string()));
            const QString id = QString::fromStdString(change.value("id", std::string()));
            changes.note(areaOfHubTable(table));
            if (!removedByRun(
                    change)) // the row the run wrote (an overwrite may have changed its id)
                done = HubSettings::removeRow(m_context, table, id);
            if (done && !before.is_null())
                done = HubSettings::restoreRow(m_context, table, before);
            if (!done)
                return done.error();
            OrderedJson reverse = OrderedJson::object();
            reverse["table"] = change["table"];
            reverse["id"] = change["id"];
            reverse["before"] = nullptr; // the run's row, known by its digest
            reverse["after"] = before;
            undone.push_back(std::move(reverse));
            continue;
        }
        if (change.contains("idRanges")) { // log rows a run appended: never edited later
            const auto removed = LogImport::removeRanges(
                m_context,
                QString::fromStdString(change.value("table", std::string())),
                change["idRanges"]);
            if (!removed)
                return removed.error();
            OrderedJson reverse = OrderedJson::object();
            reverse["entity"] = entity;
            reverse["removedRows"] = *removed;
            undone.push_back(std::move(reverse));
            continue;
        }
        if (entity == "document") {
            if (before.is_null()) {
                done = documents.remove(1);
            } else {
                QVariantMap row;
                for (auto col = before.begin(); col != before.end(); ++col) {
                    row.insert(QString::fromStdString(col.key()),
                               col->is_null()
                                   ? QVariant()
                                   : QVariant(QString::fromStdString(col->get<std::string>())));
                }
                if (change.contains("beforeUpdatedAt")) {
                    row.insert(
                        QStringLiteral("updated_at"),
                        QDateTime::fromString(
                            QString::fromStdString(change["beforeUpdatedAt"].get<std::string>()),
                            Qt::ISODateWithMs));
                }
                done = documents.update(1, row);
            }
        } else {
            const EntitySpec *spec = settingsEntity(QString::fromStdString(entity));
            if (!spec)
                continue;
            RowRepository repository = spec->repository(m_context);
            if (before.is_null()) {
                done = repository.remove(key);
            } else {
                auto mapped = SettingsMapper::mapEntity(
                    *spec, key, before, change.value("beforeOrdinal", 0), pointerOf(change));
                if (!mapped)
                    return mapped.error();
                QVariantMap row = mapped->row;
                row.remove(spec->keyColumn());
                if (change.contains("beforeUpdatedAt")) {
                    row.insert(
                        QStringLiteral("updated_at"),
                        QDateTime::fromString(
                            QString::fromStdString(change["beforeUpdatedAt"].get<std::string>()),
                            Qt::ISODateWithMs));
                }
                done = repository.update(key, row);
            }
        }
        if (!done)
            return done.error();
        OrderedJson reverse = OrderedJson::object();
        reverse["entity"] = entity;
        reverse["key"] = key.toStdString();
        reverse["before"] = change["after"];
        reverse["beforeOrdinal"] = change.value("afterOrdinal", 0);
        reverse["after"] = before;
        reverse["afterOrdinal"] = change.value("beforeOrdinal", 0);
        undone.push_back(std::move(reverse));
    }

    MigrationRun record;
    record.kind = QStringLiteral("rollback");
    record.sourcePath = migration.sourcePath;
    record.sourceSha256 = migration.sourceSha256;
    record.target = migration.target;
    record.startedAt = started;
    record.finishedAt = QDateTime::currentDateTimeUtc();
    record.status = QStringLiteral("completed");
    record.actor = m_context.actor;
    record.counts = QJsonObject{{QStringLiteral("rows"), qint64(undone.size())}};
    record.changes = std::move(undone);
    record.rollbackOf = runId;
    const auto id = history.record(record);
    if (!id)
        return id.error();
    if (auto marked = history.markRolledBack(runId); !marked)
        return marked.error();
    if (auto announced = changes.flush(); !announced)
        return announced.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return *id;
}

} // namespace mcphub
