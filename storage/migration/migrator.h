#pragma once

#include "storage/backgroundrelease.h"
#include "storage/db/repositorycontext.h"
#include "storage/migration/hubsettings.h"
#include "storage/migration/logimport.h"
#include "storage/migration/migrationreport.h"
#include "storage/migration/settingsmapper.h"

#include <QHash>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace mcphub {

// Where a run is and how far: 0-100 %, the step, the entity type and its counts.
struct MigrationProgress
{
    int percent = 0;
    QString step;   // translated: "Validating", "Importing" ...
    QString entity; // top-level key, empty between entities
    int done = 0;
    int total = 0;
};

struct MigrationOptions
{
    enum class Conflict { Fail, Skip, Overwrite };

    QString sourcePath;
    QString target;    // how the workspace is named in history and reports
    QString backupDir; // empty: the source file's folder
    // A copy of the source as it was migrated, `<name>.migrate-<UTC time>.bak` in backupDir,
    // with the source's permissions; the newest keepBackups are kept. None for a dry run,
    // and none kept when the run fails (the database did not change).
    bool backUp = true;
    int keepBackups = 10;
    Conflict conflict = Conflict::Fail;
    bool dryRun = false;
    bool skipInvalid = false;
    QString rejectsPath;       // JSON lines of the records left out (with skipInvalid)
    int lockTimeoutMs = 10000; // waiting for the settings file's lock (SettingsFileLock)
    QString usageLogPath;      // JSON lines into mcp_usage_logs, in the same transaction
    QString accessLogPath;     // JSON lines into access_logs
    // MCPHub's own database only: go on although its tables cannot hold some of the file
    // (report.losses), and remove the rows of the file's entity types that the file does not
    // describe (never the last user, never activities).
    bool acceptLoss = false;
    bool prune = false;

    static QString policyName(Conflict policy);
    static bool parsePolicy(const QString &name, Conflict *policy);
};

// Moves a settings file into the workspace: lock and back up the source (not for a dry run),
// validate (on a second
// thread while the usage and access logs load, when there are any), plan each entity
// (new / identical / conflicting under the policy), import everything in one transaction,
// verify by reading every entity back and comparing it field by field, record the run in
// migration_runs and the audit trail, commit. Any failure or a cancel (the progress
// callback returning false) before the commit rolls everything back; the source file is
// only read. A dry run does all of it and rolls back. On the connection's thread.
class Migrator
{
public:
    using ProgressCallback = std::function<bool(const MigrationProgress &)>;

    Migrator(RepositoryContext context, MigrationOptions options);
    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }

    // The report always comes back; report.error says why a run stopped.
    MigrationReport run();

    // The error of a run stopped through the progress callback (migrator and log import).
    static Error cancelledError();

    // Compares `expected` (a file's entity) with `actual` (read back) key by key, appending
    // one difference per field to `out`, named by `pointer` + "/" + key.
    static void compareFields(const OrderedJson &expected,
                              const OrderedJson &actual,
                              const QString &pointer,
                              QList<MigrationReport::Item> *out);

private:
    bool
    step(int percent, const QString &name, const QString &entity = {}, int done = 0, int total = 0);
    Result<QByteArray> readSource();
    Result<QString> backUp(const QByteArray &bytes) const; // the copy's path
    void pruneBackups(); // after a completed run: the newest keepBackups stay
    void dropBackup();   // after a failed run
    Result<void> writeRejects(const QList<MappingIssue> &issues);
    Result<void> plan(const MappedSettings &mapped);
    // Into MCPHub's own database (migratorhub.cpp): its tables, its rules.
    struct Hub;
    struct HubTables;
    // The run's lock on MCPHub's database, then what its tables hold (m_hubTables): taken
    // while the file is still parsed, which nothing here needs.
    Result<void> readHubTables();
    // Plans every entity (against m_hubTables). Users are mapped and planned first and, when
    // nothing of theirs stops the run, written while a second thread maps and plans the rest.
    Result<void> planHub(const OrderedJson &document, const QList<MappingIssue> &rejected);
    Result<void> importHub();
    Result<void> copyHubRows(const HubEntity &entity); // its new rows, in one COPY
    void beginHubCheck();                              // what verifyHub() compares, per table
    Result<void> readBackHub(const HubEntity &entity); // after the import wrote its table
    Result<void> readBackHubShapes();                  // after the import wrote the shapes
    Result<void> noteHubTables(); // issue 16: the areas importHub changed, for ChangeFeed
    Result<void> verifyHub();
    Result<void> import(const MappedSettings &mapped);
    Result<void> verify(const MappedSettings &mapped);
    Result<void> importLogs(QList<MappingIssue> *issues); // appends invalid lines
    Result<void> verifyLogs();
    Error differencesFound() const; // the verification's error, naming the first difference
    Error conflictsFound() const;   // the plan's error under policy fail, naming the first
    Result<qint64> record(const QString &status);
    void recordFailure(const QString &status);

    enum class Action { Create, Identical, Overwrite, Skip };

    RepositoryContext m_context;
    MigrationOptions m_options;
    ProgressCallback m_progress;
    int m_percent = 0; // the highest percent reported: a step planned again does not go back
    MigrationReport m_report;
    QList<Action> m_actions; // per mapped entity
    Action m_documentAction = Action::Create;
    std::optional<QVariantMap> m_documentBefore;
    QHash<QString, QHash<QString, QVariantMap>> m_existing; // rows before the run, per entity
    QList<LogImport> m_logs;                                // --usage-log, --access-log
    QList<bool> m_logLoaded; // per log: false when an earlier run loaded the same file

    OrderedJson m_changes = OrderedJson::array();
    std::shared_ptr<Hub> m_hub;
    std::shared_ptr<const HubTables> m_hubTables;
    // The run's large data is freed here once its report is ready; declared last, so that
    // the destructor waits for it before the rest goes.
    BackgroundRelease m_release;
};

} // namespace mcphub
