#include "storage/migration/migrator.h"

#include "storage/db/transactionguard.h"
#include "storage/db/workspacecapabilities.h"
#include "storage/live/changefeed.h"
#include "storage/logging.h"
#include "storage/migration/migrationhistory.h"
#include "storage/migration/migrationtiming.h"
#include "storage/migration/migrationvalidation.h"
#include "storage/settings/atomicfilewriter.h"
#include "storage/settings/jsonlinearparse.h"
#include "storage/settings/settingsbackups.h"
#include "storage/settings/settingsfilelock.h"
#include "storage/sha256.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>

#include <cstring>
#include <future>
#include <memory>
#include <optional>

namespace mcphub {

namespace {

// The entity type a pointer such as "/users/3" belongs to.
QString entityOf(const QString &pointer)
{
    return pointer.section(QLatin1Char('/'), 1, 1);
}

} // namespace

QString MigrationOptions::policyName(Conflict policy)
{
    switch (policy) {
    case Conflict::Fail:
        return QStringLiteral("fail");
    case Conflict::Skip:
        return QStringLiteral("skip");
    case Conflict::Overwrite:
        return QStringLiteral("overwrite");
    }
    return {};
}

bool MigrationOptions::parsePolicy(const QString &name, Conflict *policy)
{
    for (Conflict c : {Conflict::Fail, Conflict::Skip, Conflict::Overwrite}) {
        if (policyName(c) == name) {
            *policy = c;
            return true;
        }
    }
    return false;
}

Migrator::Migrator(RepositoryContext context, MigrationOptions options)
    : m_context(std::move(context))
    , m_options(std::move(options))
{}

Error Migrator::cancelledError()
{
    return Error::make(Error::Code::Cancelled,
                       QCoreApplication::translate("Migrator", "The migration was cancelled."));
}

bool Migrator::step(int percent, const QString &name, const QString &entity, int done, int total)
{
    if (!m_progress)
        return true;
    m_percent = qMax(m_percent, percent);
    return m_progress(MigrationProgress{m_percent, name, entity, done, total});
}

Result<QByteArray> Migrator::readSource()
{
    QFile file(m_options.sourcePath);
    const auto unreadable = [&] {
        return Error::make(
            Error::Code::Io,
            QCoreApplication::translate(
                "Migrator", "Cannot read the settings file. Check the path and permissions."),
            m_options.sourcePath,
            file.errorString());
    };
    if (!file.open(QIODevice::ReadOnly))
        return unreadable();
    // Read with kJsonReadPadding set bytes kept after the end: the parse reads the file where
    // it is instead of a padded copy of it.
    if (file.isSequential()) // a pipe (migrate <(...)): as it comes, to its end
        return file.readAll();
    const qint64 size = file.size();
    QByteArray bytes(qsizetype(size) + qsizetype(kJsonReadPadding), Qt::Uninitialized);
    const qint64 read = file.read(bytes.data(), size);
    if (read < 0)
        return unreadable();
    std::memset(bytes.data() + read, 0, size_t(bytes.size() - read));
    bytes.resize(qsizetype(read));
    if (!file.atEnd()) // grown since: the rest, without the padding
        bytes += file.readAll();
    return bytes;
}

Result<QString> Migrator::backUp(const QByteArray &bytes) const
{
    const QFileInfo source(m_options.sourcePath);
    const QDir dir(m_options.backupDir.isEmpty() ? source.absolutePath() : m_options.backupDir);
    const QString prefix = source.fileName() + QStringLiteral(".migrate-");
    QDateTime now = QDateTime::currentDateTimeUtc();
    const auto pathAt = [&](const QDateTime &time) {
        return dir.filePath(prefix + time.toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'"))
                            + QStringLiteral(".bak"));
    };
    QString path = pathAt(now);
    while (QFileInfo::exists(path)) { // two runs within one millisecond
        now = now.addMSecs(1);
        path = pathAt(now);
    }
    // Written as the settings store writes (synced, checked: a full disk stops the run before
    // its commit), with the source's permissions: it holds the same hashes and secrets.
    if (auto written = AtomicFileWriter::writeFile(path, bytes, m_options.sourcePath); !written) {
        Error error = written.error();
        error.message = QCoreApplication::translate(
            "Migrator",
            "Cannot write the backup of the settings file. Free some disk space or choose "
            "another backup folder; nothing was migrated.");
        return error;
    }
    return path;
}

void Migrator::pruneBackups()
{
    // Rotated like the settings store's backups, once the run has completed (a failed run
    // removes nothing); the UTC timestamps sort as text.
    const QFileInfo backup(m_report.backupPath);
    const QDir dir = backup.absoluteDir();
    const QString prefix = QFileInfo(m_options.sourcePath).fileName() + QStringLiteral(".migrate-");
    const QRegularExpression ours(QLatin1Char('^') + QRegularExpression::escape(prefix)
                                  + QStringLiteral("\\d{8}T\\d{9}Z\\.bak$"));
    QStringList existing;
    for (const QString &name : dir.entryList(
             {prefix + QStringLiteral("*.bak")}, QDir::Files | QDir::Hidden, QDir::Name)) {
        if (ours.match(name).hasMatch())
            existing.append(dir.filePath(name));
    }
    SettingsBackups::makeRoom(existing, m_options.keepBackups + 1); // this run's is the newest
}

void Migrator::dropBackup()
{
    if (m_report.backupPath.isEmpty())
        return;
    if (!QFile::remove(m_report.backupPath))
        qCWarning(lcStorage) << "could not remove the backup of a failed run"
                             << m_report.backupPath;
    m_report.backupPath.clear();
}

Result<void> Migrator::writeRejects(const QList<MappingIssue> &issues)
{
    if (m_options.rejectsPath.isEmpty()) {
        return Error::make(
                   Error::Code::Invalid,
                   QCoreApplication::translate(
                       "Migrator", "Skipping invalid records needs a reject file to keep them in."))
            .withRemedy(Error::Remedy::RejectsFile);
    }
    QByteArray bytes;
    for (const MappingIssue &issue : issues) {
        OrderedJson line = OrderedJson::object();
        line["pointer"] = issue.pointer.toStdString();
        line["reason"] = issue.reason.toStdString();
        line["record"] = issue.record;
        // A log line that is not UTF-8 is kept with U+FFFD for the bad bytes.
        const std::string text
            = line.dump(-1, ' ', false, OrderedJson::error_handler_t::replace) + '\n';
        bytes.append(text.data(), qsizetype(text.size()));
    }
    // The rejected records are settings content: the source's permissions, checked writes.
    if (auto written
        = AtomicFileWriter::writeFile(m_options.rejectsPath, bytes, m_options.sourcePath);
        !written) {
        Error error = written.error();
        error.message = QCoreApplication::translate(
            "Migrator",
            "Cannot write the reject file. Free some disk space or choose another path; "
            "nothing was migrated.");
        return error;
    }
    m_report.rejectsPath = m_options.rejectsPath;
    return {};
}

Result<qint64> Migrator::record(const QString &status)
{
    MigrationRun run;
    run.sourcePath = m_report.sourcePath;
    run.sourceSha256 = m_report.sourceSha256;
    run.target = m_report.target;
    run.startedAt = m_report.startedAt;
    run.finishedAt = QDateTime::currentDateTimeUtc();
    run.status = status;
    run.actor = m_context.actor;
    run.counts = m_report.countsJson();
    m_report.status = status;
    m_report.finishedAt = run.finishedAt;
    run.report = m_report.toJson();
    if (status == QLatin1String("completed"))
        run.changes = std::move(m_changes); // recorded once, at the end of a completed run
    auto recorded = MigrationHistory(m_context).record(run);
    m_release.later(std::move(run.changes));
    return recorded;
}

void Migrator::recordFailure(const QString &status)
{
    if (m_options.dryRun || m_context.readOnly)
        return;
    TransactionGuard tx(QSqlDatabase::database(m_context.connectionName));
    if (!tx.active())
        return;
    const auto id = record(status);
    if (id && tx.commit())
        m_report.runId = *id;
    else
        qCWarning(lcStorage) << "could not record the failed migration run";
}

MigrationReport Migrator::run()
{
    m_report = MigrationReport();
    m_changes = OrderedJson::array();
    m_percent = 0;
    m_report.startedAt = QDateTime::currentDateTimeUtc();
    m_report.sourcePath = QFileInfo(m_options.sourcePath).absoluteFilePath();
    m_report.target = m_options.target.isEmpty() ? m_context.where : m_options.target;
    m_report.policy = MigrationOptions::policyName(m_options.conflict);
    m_report.dryRun = m_options.dryRun;

    std::optional<Error> backupFailed;
    const auto execute = [&]() -> Result<void> {
        const bool hub = m_context.kind == WorkspaceKind::McphubDatabase;
        if (hub && (!m_options.usageLogPath.isEmpty() || !m_options.accessLogPath.isEmpty())) {
            // MCPHub's activities are its own; the console's access log has no place there.
            return Error::make(Error::Code::Invalid,
                               QCoreApplication::translate(
                                   "Migrator",
                                   "Usage and access logs are not migrated into MCPHub's own "
                                   "database (its activities are written by the hubs); nothing "
                                   "was changed."),
                               m_context.where);
        }
        if (!step(0, QCoreApplication::translate("Migrator", "Reading the settings file")))
            return Migrator::cancelledError();
        // The settings store's lock: no console or CLI save changes the file while it is read
        // and migrated (MCPHub itself takes no lock; the hash in the history names what was
        // read). Held until the run ends. The source is only read: in a read-only folder (a
        // read-only mount of MCPHub's file) nothing can save it, and the run goes on unlocked.
        SettingsFileLock lock(m_options.sourcePath);
        if (auto locked
            = lock.acquireForReading(std::chrono::milliseconds(m_options.lockTimeoutMs));
            !locked)
            return locked;
        migrationMark(nullptr);
        const auto bytes = readSource();
        if (!bytes)
            return bytes.error();
        migrationMark("read the file");
        m_logs.clear();
        if (!m_options.usageLogPath.isEmpty())
            m_logs.append(LogImport(LogImport::Kind::Usage, m_options.usageLogPath));
        if (!m_options.accessLogPath.isEmpty())
            m_logs.append(LogImport(LogImport::Kind::Access, m_options.accessLogPath));
        for (LogImport &log : m_logs) {
            if (auto counted = log.countLines(); !counted)
                return counted;
        }
        // The settings are validated on a second thread while the logs stream into the
        // database, which keeps the server busy and this thread half idle: a large file and a
        // large log cost the longer of the two, not the sum. Validation touches no database
        // and reports no progress; when it fails, the logs are rolled back with the rest.
        // Into MCPHub's database the file is mapped, planned and imported on this thread as
        // soon as it is parsed, while the second thread validates (below).
        using Parsed = std::shared_ptr<const Result<SettingsDocument>>;
        struct Validation
        {
            Parsed document;
            MappedSettings mapped;
            Result<void> validated;
            QList<MigrationReport::Item> warnings;
        };
        std::promise<Parsed> parsing;
        std::future<Parsed> parsed = parsing.get_future();
        const QByteArray &source = *bytes;
        const QString sourcePath = m_options.sourcePath;
        std::future<Validation> validating
            = std::async(std::launch::async, [&source, sourcePath, &parsing, hub] {
                  Validation v;
                  migrationMark(nullptr);
                  v.document = std::make_shared<const Result<SettingsDocument>>(
                      MigrationValidation::parse(source, sourcePath));
                  parsing.set_value(v.document);
                  migrationMark("validation thread: parse");
                  if (*v.document) {
                      v.validated
                          = MigrationValidation::checkDuplicateKeys(**v.document, sourcePath);
                      migrationMark("validation thread: duplicate keys");
                  }
                  if (*v.document && v.validated) {
                      // Into MCPHub's database the rows are HubSettings::Mapping's: the
                      // console's mapping only places the records and finds their issues.
                      v.mapped = SettingsMapper::map((*v.document)->json(),
                                                     source,
                                                     hub ? SettingsMapper::Detail::Places
                                                         : SettingsMapper::Detail::Rows);
                      migrationMark("validation thread: SettingsMapper::map");
                      v.validated = MigrationValidation::apply(
                          v.mapped, **v.document, sourcePath, &v.warnings);
                      migrationMark("validation thread: schema and rules");
                  }
                  return v;
              });

        // The file's SHA-256 (which the history names) and its backup are made on a thread of
        // their own. The backup is waited for before the run is recorded and committed, so
        // there is a copy before the database changes, and a backup that cannot be written
        // (a full disk) still stops the run with nothing changed. A dry run changes nothing,
        // so it keeps no copy of anything either. Into MCPHub's database the thread starts
        // once the users are written: until then the parse and the users' COPY, which the
        // server waits for, have the processor (copying a 10 MB file costs as much as
        // parsing it).
        struct Copy
        {
            QByteArray sha256;
            std::optional<Result<QString>> backup; // the copy's path, when one is made
        };
        std::future<Copy> copying;
        std::optional<Copy> copied; // once the thread is done
        // Into the console's schema the hash is made here: its import names it in the audit
        // trail. Into MCPHub's database only the run's record names it, at the end.
        const auto startCopy = [&] {
            const bool backUp = m_options.backUp && !m_options.dryRun;
            copying = std::async(std::launch::async, [this, &source, backUp, hub] {
                Copy c;
                if (hub)
                    c.sha256 = Sha256::hex(source);
                if (backUp)
                    c.backup = this->backUp(source);
                return c;
            });
        };
        // The thread's outcome, waited for or only when it is there already: whether the
        // backup failed.
        const auto backupFailedYet = [&](bool wait) {
            if (!copied && copying.valid()
                && (wait || copying.wait_for(std::chrono::seconds(0)) == std::future_status::ready))
                copied = copying.get();
            return copied && copied->backup && !*copied->backup;
        };
        // The hash into the report (which the early plan's report may have replaced since),
        // the thread waited for.
        const auto reportHash = [&] {
            backupFailedYet(true);
            if (copied && !copied->sha256.isEmpty())
                m_report.sourceSha256 = QString::fromLatin1(copied->sha256);
            else if (m_report.sourceSha256.isEmpty())
                m_report.sourceSha256 = QString::fromLatin1(Sha256::hex(source));
        };
        // Whatever ends the run, the hash is known and the copy too once written (a failed
        // run removes it), and a copy that could not be written is the run's error, as when
        // it was written before anything else.
        const auto joinBackup = qScopeGuard([&] {
            reportHash();
            if (backupFailedYet(true))
                backupFailed = copied->backup->error();
            else if (copied && copied->backup)
                m_report.backupPath = **copied->backup;
        });
        if (m_options.backUp && !m_options.dryRun) {
            if (!step(2, QCoreApplication::translate("Migrator", "Backing up the settings file")))
                return Migrator::cancelledError();
        }
        if (!hub) {
            m_report.sourceSha256 = QString::fromLatin1(Sha256::hex(source));
            migrationMark("sha256 of the file");
            startCopy();
        }
        if (!step(5, QCoreApplication::translate("Migrator", "Validating")))
            return Migrator::cancelledError();

        TransactionGuard tx(QSqlDatabase::database(m_context.connectionName));
        if (!tx.active())
            return tx.error();
        // One transaction for the whole run: a row a running hub holds for a while is waited
        // for longer than an Apply waits, rather than the run undone after 5 s.
        if (auto waits = tx.setTransactionLockTimeout(TransactionGuard::kLongLockTimeoutMs); !waits)
            return waits;
        // Issue 16: one change notice per table the run changed, sent with the run's commit
        // (flushed below), not one per row.
        ChangeFeed::Batch changes(m_context, QStringLiteral("migration.import"));
        // A log is validated as it loads (one pass over a large file): its invalid lines
        // stop the run below, rolled back, or go to the reject file with the settings'.
        QList<MappingIssue> logIssues;
        if (auto logs = importLogs(&logIssues); !logs)
            return logs;

        migrationMark("begin, logs");
        // Into MCPHub's database the file is mapped, planned and imported as soon as it is
        // parsed, while the second thread still validates it: the server takes the rows in
        // while the validation runs, instead of after it. Nothing is decided before the
        // validation's verdict, which comes first in what is reported; the transaction holds
        // everything until then. When the validation takes records out (--skip-invalid), the
        // early import goes back to its savepoint and the file is planned again without them.
        std::optional<Result<void>> early;       // the early plan and import, when made
        std::optional<TransactionGuard> earlyTx; // its savepoint
        std::optional<MigrationReport> beforeEarly;
        // The run's lock and MCPHub's tables are read while the file is parsed; what stops
        // the run there counts when the file could be read.
        std::optional<Result<void>> tablesRead;
        if (hub) {
            tablesRead = readHubTables();
            const Parsed document = parsed.get();
            migrationMark("waiting for the parse");
            if (*document && !*tablesRead) {
                // (No savepoint: a failed read aborted the transaction, which it would name.)
                early = *tablesRead;
            } else if (*document) {
                beforeEarly = m_report;
                earlyTx.emplace(QSqlDatabase::database(m_context.connectionName));
                if (!earlyTx->active())
                    return earlyTx->error();
                early = planHub((*document)->json(), {});
            }
            // The users are written: the server takes the rest while the copy is made.
            startCopy();
            if (earlyTx && *early) {
                early = importHub();
                migrationMark("plan and import (beside the validation)");
            }
        }
        Validation validation = validating.get();
        // The parsed document and the console's mapping are freed off this thread.
        const auto releaseValidation = qScopeGuard(
            [&] { m_release.later(std::move(validation.document), std::move(validation.mapped)); });
        if (backupFailedYet(false))
            return copied->backup->error();
        migrationMark("waiting for the validation");
        if (early && !*early && early->error().code == Error::Code::Cancelled)
            return *early;
        if (!*validation.document)
            return validation.document->error();
        const OrderedJson &document = (*validation.document)->json();
        MappedSettings &mapped = validation.mapped;
        // The early plan stands when the validation takes nothing out; otherwise what it
        // reported goes (and, when the run goes on, what it imported).
        const bool keepEarly = early && validation.validated && mapped.issues.isEmpty();
        if (early && !keepEarly)
            m_report = *beforeEarly;
        // The validation's findings before the plan's, as they came when it ran first.
        const qsizetype warningsAt
            = beforeEarly ? beforeEarly->warnings.size() : m_report.warnings.size();
        const qsizetype rejectsAt
            = beforeEarly ? beforeEarly->rejects.size() : m_report.rejects.size();
        m_report.warnings.insert(warningsAt, validation.warnings.size(), {});
        std::copy(validation.warnings.cbegin(),
                  validation.warnings.cend(),
                  m_report.warnings.begin() + warningsAt);
        QList<MigrationReport::Item> rejects;
        for (const MappingIssue &issue : mapped.issues) {
            rejects.append({issue.pointer, issue.reason});
            if (!issue.pointer.isEmpty())
                ++m_report.countsFor(entityOf(issue.pointer)).rejected;
        }
        m_report.rejects.insert(rejectsAt, rejects.size(), {});
        std::copy(rejects.cbegin(), rejects.cend(), m_report.rejects.begin() + rejectsAt);
        if (!hub) { // the MCPHub-database plan counts its own rows
            for (const MappedEntity &e : mapped.entities)
                ++m_report.countsFor(e.spec->name).total;
        }
        if (!validation.validated)
            return validation.validated;
        if (!mapped.issues.isEmpty() && (!document.is_object() || !m_options.skipInvalid)) {
            return Error::make(
                       Error::Code::Invalid,
                       QCoreApplication::translate(
                           "Migrator",
                           "%n records of the settings file are invalid; nothing was migrated. "
                           "Repair them, or skip them and migrate the rest.",
                           nullptr,
                           int(mapped.issues.size())),
                       m_options.sourcePath + QLatin1Char('#') + mapped.issues.first().pointer)
                .withRemedy(Error::Remedy::SkipInvalid);
        }
        if (!logIssues.isEmpty() && !m_options.skipInvalid) {
            return Error::make(Error::Code::Invalid,
                               QCoreApplication::translate(
                                   "Migrator",
                                   "%n lines of the log files are invalid; nothing was migrated. "
                                   "Repair them, or skip them and migrate the rest.",
                                   nullptr,
                                   int(logIssues.size())),
                               logIssues.first().pointer + QStringLiteral(": ")
                                   + logIssues.first().reason)
                .withRemedy(Error::Remedy::SkipInvalid);
        }
        if (!mapped.issues.isEmpty() || !logIssues.isEmpty()) {
            if (auto written = writeRejects(mapped.issues + logIssues); !written)
                return written;
        }
        if (hub) {
            if (keepEarly) {
                if (!*early)
                    return *early;
                if (auto released = earlyTx->commit(); !released)
                    return released;
            } else {
                if (earlyTx && !earlyTx->rollback())
                    return Error::make(
                        Error::Code::Database,
                        QCoreApplication::translate("Migrator",
                                                    "Cannot undo the import planned before the "
                                                    "validation; nothing was migrated."),
                        m_context.where);
                if (m_hub)
                    m_release.later(std::move(m_hub));
                if (!*tablesRead)
                    return *tablesRead;
                if (auto planned = planHub(document, mapped.issues); !planned)
                    return planned;
                if (auto imported = importHub(); !imported)
                    return imported;
            }
            if (auto noted = noteHubTables(); !noted)
                return noted;
            if (auto verified = verifyHub(); !verified)
                return verified;
        } else {
            if (auto planned = plan(mapped); !planned)
                return planned;
            if (auto imported = import(mapped); !imported)
                return imported;
            if (auto verified = verify(mapped); !verified)
                return verified;
        }
        if (auto verified = verifyLogs(); !verified)
            return verified;
        if (m_options.dryRun) {
            tx.rollback();
            m_report.status = QStringLiteral("dry-run");
            m_report.finishedAt = QDateTime::currentDateTimeUtc();
            step(100,
                 QCoreApplication::translate("Migrator", "Dry run finished; nothing was changed"));
            return {};
        }
        reportHash();
        if (backupFailedYet(true))
            return copied->backup->error();
        if (copied->backup)
            m_report.backupPath = **copied->backup;
        migrationMark("waiting for the backup");
        if (!step(97, QCoreApplication::translate("Migrator", "Recording the run")))
            return Migrator::cancelledError();
        migrationMark("verify: done");
        const auto id = record(QStringLiteral("completed"));
        migrationMark("record the run");
        if (!id)
            return id.error();
        if (auto announced = changes.flush(); !announced)
            return announced;
        if (!step(99, QCoreApplication::translate("Migrator", "Committing")))
            return Migrator::cancelledError();
        if (auto committed = tx.commit(); !committed)
            return committed;
        migrationMark("commit");
        m_report.runId = *id;
        if (!m_report.backupPath.isEmpty())
            pruneBackups();
        step(100, QCoreApplication::translate("Migrator", "Done"));
        return {};
    };

    m_release.wait(); // an earlier run's data
    auto done = execute();
    if (!done && backupFailed)
        done = *backupFailed;
    if (m_hub)
        m_release.later(std::move(m_hub));
    if (m_hubTables)
        m_release.later(std::move(m_hubTables));
    migrationMark("free the run's data");
    if (!done) {
        m_report.error = done.error();
        m_report.runId = 0;
        dropBackup(); // the database did not change: the copy is a snapshot of nothing
        const QString status = done.error().code == Error::Code::Cancelled
                                   ? QStringLiteral("cancelled")
                                   : QStringLiteral("failed");
        recordFailure(status);
        m_report.status = status;
        m_report.finishedAt = QDateTime::currentDateTimeUtc();
    }
    return m_report;
}

} // namespace mcphub