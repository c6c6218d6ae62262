#include "storage/migration/migrationhistory.h"
#include "storage/migration/migrationtiming.h"

#include "storage/db/auditlogrepository.h"
#include "storage/db/bulkinserter.h"
#include "storage/db/sqlerror.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <libpq-fe.h>

namespace mcphub {

namespace {

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

} // namespace

Result<qint64> MigrationHistory::record(const MigrationRun &run)
{
    const QString resource = QStringLiteral("migration-runs/");
    if (auto writable = checkWritable(resource); !writable)
        return writable.error();
    const SqlDialect d = dialect();
    // On PostgreSQL the changes (every row image of a large run: tens of MB) go as a libpq
    // parameter right after the row: through QSqlQuery they were converted to UTF-16,
    // escaped into the statement's text and lexed back by the server, several times the
    // cost of storing them.
    void *const pg = BulkInserter::postgresHandle(db());
    migrationMark(nullptr);
    const std::string changes = run.changes.dump();
    migrationMark("record: dump changes");
    const auto id = insertRow(QStringLiteral("migration_runs"),
                              {{QStringLiteral("kind"), run.kind},
                               {QStringLiteral("source_path"), text(run.sourcePath)},
                               {QStringLiteral("source_sha256"), text(run.sourceSha256)},
                               {QStringLiteral("target"), run.target},
                               {QStringLiteral("started_at"), d.timestampValue(run.startedAt)},
                               {QStringLiteral("finished_at"), d.timestampValue(run.finishedAt)},
                               {QStringLiteral("status"), run.status},
                               {QStringLiteral("actor"), run.actor},
                               {QStringLiteral("counts"), jsonText(run.counts)},
                               {QStringLiteral("report"), jsonText(run.report)},
                               {QStringLiteral("changes"),
                                pg ? QVariant(QMetaType::fromType<QString>())
                                   : QVariant(QString::fromStdString(changes))},
                               {QStringLiteral("rollback_of"),
                                run.rollbackOf > 0 ? QVariant(run.rollbackOf) : QVariant()}},
                              QStringLiteral("id"));
    migrationMark("record: insertRow");
    if (!id)
        return id.error();
    if (pg) {
        const QByteArray runId = id->toString().toUtf8();
        const char *values[] = {changes.c_str(), runId.constData()};
        PGresult *result
            = PQexecParams(static_cast<PGconn *>(pg),
                           "UPDATE migration_runs SET changes = $1 WHERE id = $2::bigint",
                           2,
                           nullptr,
                           values,
                           nullptr,
                           nullptr,
                           0);
        const bool stored = PQresultStatus(result) == PGRES_COMMAND_OK;
        const QString message = QString::fromUtf8(
            result ? PQresultErrorMessage(result) : PQerrorMessage(static_cast<PGconn *>(pg)));
        PQclear(result);
        migrationMark("record: UPDATE changes");
        if (!stored) {
            return Error::make(Error::Code::Database,
                               QCoreApplication::translate("Repository", "Cannot add the row."),
                               context().where + QStringLiteral(": migration_runs"),
                               message.trimmed());
        }
    }
    AuditEntry entry;
    entry.timestamp = QDateTime::currentDateTimeUtc();
    entry.username = context().actor;
    entry.action = run.kind == QLatin1String("rollback") ? QStringLiteral("migration.rollback")
                                                         : QStringLiteral("migration.run");
    entry.resource = resource + id->toString();
    entry.method = run.kind == QLatin1String("rollback") ? QStringLiteral("ROLLBACK")
                                                         : QStringLiteral("IMPORT");
    entry.statusCode = run.status == QLatin1String("completed") ? 200 : 500;
    entry.durationMs = run.startedAt.msecsTo(run.finishedAt);
    entry.details = QJsonObject{{QStringLiteral("source"), run.sourcePath},
                                {QStringLiteral("sha256"), run.sourceSha256},
                                {QStringLiteral("status"), run.status},
                                {QStringLiteral("counts"), run.counts}};
    if (run.rollbackOf > 0)
        entry.details.insert(QStringLiteral("rollbackOf"), run.rollbackOf);
    if (auto written = AuditLogRepository(context()).append(entry); !written)
        return written.error();
    migrationMark("record: audit");
    return id->toLongLong();
}

Result<void> MigrationHistory::markRolledBack(qint64 id)
{
    const auto changed = updateRows(QStringLiteral("migration_runs"),
                                    {{QStringLiteral("status"), QStringLiteral("rolled-back")}},
                                    QStringLiteral("id"),
                                    id);
    if (!changed)
        return changed.error();
    return {};
}

MigrationRun MigrationHistory::fromRecord(const QSqlRecord &record) const
{
    const SqlDialect d = dialect();
    MigrationRun run;
    run.id = record.value(QStringLiteral("id")).toLongLong();
    run.kind = record.value(QStringLiteral("kind")).toString();
    run.sourcePath = record.value(QStringLiteral("source_path")).toString();
    run.sourceSha256 = record.value(QStringLiteral("source_sha256")).toString();
    run.target = record.value(QStringLiteral("target")).toString();
    run.startedAt = d.timestampFromValue(record.value(QStringLiteral("started_at")));
    run.finishedAt = d.timestampFromValue(record.value(QStringLiteral("finished_at")));
    run.status = record.value(QStringLiteral("status")).toString();
    run.actor = record.value(QStringLiteral("actor")).toString();
    run.counts = jsonObject(record.value(QStringLiteral("counts")));
    run.report = jsonObject(record.value(QStringLiteral("report")));
    const OrderedJson changes = OrderedJson::parse(
        record.value(QStringLiteral("changes")).toString().toStdString(), nullptr, false);
    run.changes = changes.is_array() ? changes : OrderedJson::array();
    run.rollbackOf = record.value(QStringLiteral("rollback_of")).toLongLong();
    return run;
}

Result<QList<MigrationRun>> MigrationHistory::list(int limit) const
{
    const auto rows = selectRows(QStringLiteral("migration_runs"),
                                 SqlFilter(),
                                 QStringLiteral("id DESC"),
                                 {0, limit, false});
    if (!rows)
        return rows.error();
    QList<MigrationRun> runs;
    for (const QSqlRecord &r : *rows)
        runs << fromRecord(r);
    return runs;
}

Result<std::optional<MigrationRun>> MigrationHistory::find(qint64 id) const
{
    const auto rows = selectByKey(QStringLiteral("migration_runs"), QStringLiteral("id"), id);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<MigrationRun>();
    return std::optional<MigrationRun>(fromRecord(rows->first()));
}

Result<qint64> MigrationHistory::findLogImport(const QString &entity, const QString &sha256) const
{
    QSqlQuery query(db());
    query.setForwardOnly(true);
    // The LIKE narrows the runs to parse to those naming the checksum at all (PostgreSQL's
    // json has no LIKE: compared as text).
    const bool prepared = query.prepare(
        QStringLiteral("SELECT id, counts FROM migration_runs WHERE kind = 'migrate' AND status "
                       "= 'completed' AND CAST(counts AS TEXT) LIKE ? ORDER BY id"));
    query.addBindValue(QLatin1Char('%') + sha256 + QLatin1Char('%'));
    if (!prepared || !query.exec())
        return sqlError(
            query.lastError(),
            context().where + QStringLiteral(": migration_runs"),
            QCoreApplication::translate("MigrationHistory", "Cannot read the migration history."));
    while (query.next()) {
        const QJsonObject counts = jsonObject(query.value(1));
        if (counts.value(entity).toObject().value(QLatin1String("sha256")).toString() == sha256)
            return query.value(0).toLongLong();
    }
    return qint64(0);
}

Result<QList<MigrationRun>> MigrationHistory::laterRuns(qint64 id) const
{
    auto all = list(100000);
    if (!all)
        return all.error();
    QList<MigrationRun> later;
    for (const MigrationRun &run : *all) {
        if (run.id > id && run.status != QLatin1String("failed")
            && run.status != QLatin1String("cancelled"))
            later << run;
    }
    return later;
}

} // namespace mcphub
