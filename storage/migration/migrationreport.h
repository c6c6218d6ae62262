#pragma once

#include "storage/error.h"
#include "storage/hub/hubchange.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace mcphub {

// What a migration found and did, per entity type: the plan (new / identical / conflicting),
// what was written, the rejected records, every verification difference, and the error
// that stopped it. Written as JSON by --report and into the migration_runs history.
struct MigrationReport
{
    struct EntityCounts
    {
        QString entity; // top-level key: "users"
        int total = 0;
        int created = 0;     // new rows
        int identical = 0;   // already in the database, unchanged
        int conflicting = 0; // in the database with other content
        int overwritten = 0; // conflicting rows replaced (policy overwrite)
        int skipped = 0;     // conflicting rows kept (policy skip)
        int rejected = 0;    // invalid records left out (--skip-invalid)
        QString sha256{};    // a log file: the checksum of its rows (a rerun finds it)
    };
    // The counts row of the file's top level (key order, unknown keys, layout), present when
    // the database holds another file's top level: a conflict like an entity's.
    static inline const QString kTopLevelEntity = QStringLiteral("(top level)");

    struct Item // a conflict, a reject or a verification difference
    {
        QString pointer; // "/users/3" or "/mcpServers/fetch/url"
        QString message; // translated
    };

    qint64 runId = 0; // migration_runs.id; 0 for a dry run or before recording
    QString status;   // completed, failed, cancelled, dry-run
    bool dryRun = false;
    QString sourcePath;
    QString sourceSha256;
    QString target;
    QString backupPath;
    QString rejectsPath;
    QString policy;
    QDateTime startedAt;
    QDateTime finishedAt;
    QList<EntityCounts> counts;
    QList<Item> conflicts;
    QList<Item> rejects;
    QList<Item> differences;
    QList<Item> warnings; // the validator's warnings (they do not stop a run)
    // Into MCPHub's own database (mcphub-dbmode.md §1.3): what its tables have no place for
    // (a run refuses to lose it without MigrationOptions::acceptLoss), ids that are not uuids
    // and got one (pointer: the file's place; message: old -> new, and where it was
    // referenced), rows the database holds that the file does not describe (kept, or removed
    // with MigrationOptions::prune), and the calls that make the running hubs take the change.
    QList<Item> losses;
    QList<Item> idRewrites;
    QList<Item> kept;
    QList<Item> pruned;
    QList<HubChange> hubChanges;
    std::optional<Error> error;

    bool ok() const { return !error.has_value(); }
    EntityCounts &countsFor(const QString &entity);
    EntityCounts countsFor(const QString &entity) const; // zeros when absent
    QJsonObject countsJson() const;
    QJsonObject toJson() const;
    int totalWritten() const;
    // Whether `change` stops a server this run removes (MigrationOptions::prune): such a stop
    // goes to the hubs before the run, while they can still find the server.
    bool stopsPrunedServer(const HubChange &change) const;
};

} // namespace mcphub
