#pragma once

#include "storage/db/repositorybase.h"
#include "storage/migration/settingsmapper.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace mcphub {

// One row of migration_runs: a migration or a rollback, with the rows it wrote.
// `changes` is an array of {"entity", "key", "before" (null when the row was new),
// "beforeOrdinal", "after", "afterOrdinal"}; entity "document" holds the settings_document
// columns. Entity values keep their key order (nlohmann::ordered_json, not QJsonObject).
struct MigrationRun
{
    qint64 id = 0;
    QString kind = QStringLiteral("migrate"); // migrate, rollback
    QString sourcePath;
    QString sourceSha256;
    QString target;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString status; // completed, failed, cancelled, rolled-back
    QString actor;
    QJsonObject counts;
    QJsonObject report;
    OrderedJson changes = OrderedJson::array();
    qint64 rollbackOf = 0;
};

// The migration history: records runs (with an audit-trail row, in the caller's
// transaction), lists them newest first, finds one, marks one rolled back. Same threading
// contract as every repository.
class MigrationHistory : public RepositoryBase
{
public:
    using RepositoryBase::RepositoryBase;

    Result<qint64> record(const MigrationRun &run);
    Result<void> markRolledBack(qint64 id);
    Result<QList<MigrationRun>> list(int limit = 100) const;
    Result<std::optional<MigrationRun>> find(qint64 id) const;
    // The completed, not rolled back, migration that loaded a log file with this checksum as
    // `entity` ("usageLog", "accessLog": its counts hold the "sha256"), or 0: a rerun of the
    // same log loads nothing again. Reads the small counts column of each run only.
    Result<qint64> findLogImport(const QString &entity, const QString &sha256) const;
    // Runs after `id` that are completed migrations or rollbacks (newest first).
    Result<QList<MigrationRun>> laterRuns(qint64 id) const;

private:
    MigrationRun fromRecord(const QSqlRecord &record) const;
};

} // namespace mcphub
