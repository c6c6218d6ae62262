#include "storage/migration/migrator.h"

#include "storage/db/auditlogrepository.h"
#include "storage/db/bulkinserter.h"
#include "storage/db/transactionguard.h"
#include "storage/logging.h"
#include "storage/migration/migrationhistory.h"
#include "storage/migration/migrationvalidation.h"
#include "storage/settings/settingsfilelock.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSaveFile>

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

// The entity type a pointer such as "/users/3" belongs to.
QString entityOf(const QString &pointer)
{
    return pointer.section(QLatin1Char('/'), 1, 1);
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
    return m_progress(MigrationProgress{percent, name, entity, done, total});
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

Result<QByteArray> Migrator::readSource()
{
    QFile file(m_options.sourcePath);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(
            Error::Code::Io,
            QCoreApplication::translate(
                "Migrator", "Cannot read the settings file. Check the path and permissions."),
            m_options.sourcePath,
            file.errorString());
    }
    return file.readAll();
}

Result<void> Migrator::backUp(const QByteArray &bytes)
{
    const QFileInfo source(m_options.sourcePath);
    const QString dir = m_options.backupDir.isEmpty() ? source.absolutePath() : m_options.backupDir;
    const QString stamp
        = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'"));
    const QString path = QDir(dir).filePath(source.fileName() + QStringLiteral(".migrate-") + stamp
                                            + QStringLiteral(".bak"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return Error::make(Error::Code::Io,
                           QCoreApplication::translate(
                               "Migrator",
                               "Cannot write the backup of the settings file. Free some disk "
                               "space or choose another backup folder; nothing was migrated."),
                           path,
                           file.errorString());
    }
    m_report.backupPath = path;
    return {};
}

Result<void> Migrator::writeRejects(const QList<MappingIssue> &issues)
{
    if (m_options.rejectsPath.isEmpty()) {
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate(
                               "Migrator",
                               "Give a reject file (--rejects FILE) to keep the invalid records "
                               "that --skip-invalid leaves out."));
    }
    QSaveFile file(m_options.rejectsPath);
    bool ok = file.open(QIODevice::WriteOnly);
    for (const MappingIssue &issue : issues) {
        if (!ok)
            break;
        OrderedJson line = OrderedJson::object();
        line["pointer"] = issue.pointer.toStdString();
        line["reason"] = issue.reason.toStdString();
        line["record"] = issue.record;
        const std::string text = line.dump() + '\n';
        ok = file.write(text.data(), qint64(text.size())) == qint64(text.size());
    }
    if (!ok || !file.commit()) {
        return Error::make(Error::Code::Io,
                           QCoreApplication::translate(
                               "Migrator",
                               "Cannot write the reject file. Free some disk space or choose "
                               "another path; nothing was migrated."),
                           m_options.rejectsPath,
                           file.errorString());
    }
    m_report.rejectsPath = m_options.rejectsPath;
    return {};
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
        m_report.conflicts.append(
            {QStringLiteral("/"),
             QCoreApplication::translate(
                 "Migrator",
                 "The database holds the top level of another settings file (other keys, key "
                 "order or format).")});
        m_documentAction = m_options.conflict == MigrationOptions::Conflict::Overwrite
                               ? Action::Overwrite
                               : Action::Skip;
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
            && !step(10 + 20 * i / qMax(1, total),
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
    if (!m_report.conflicts.isEmpty() && m_options.conflict == MigrationOptions::Conflict::Fail) {
        return Error::make(Error::Code::Conflict,
                           QCoreApplication::translate(
                               "Migrator",
                               "%n entries are already in the database with other content. "
                               "Choose --conflict skip to keep them or --conflict overwrite to "
                               "replace them; nothing was migrated.",
                               nullptr,
                               int(m_report.conflicts.size())),
                           m_report.conflicts.first().pointer);
    }
    return {};
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
    };
    std::vector<Bulk> bulks;
    QHash<QString, size_t> bulkFor; // entity + column names -> index in bulks
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int total = int(mapped.entities.size());
    for (int i = 0; i < total; ++i) {
        const MappedEntity &e = mapped.entities.at(i);
        if (reportsProgress(mapped, i)
            && !step(30 + 50 * i / qMax(1, total),
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
                bulks.push_back({e.spec, columns, {}});
            }
            bulks[*found].rows.append(row.values());
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
        for (const QVariantList &row : bulk.rows) {
            if (auto appended = inserter.append(row); !appended)
                return appended;
        }
        if (auto finished = inserter.finish(); !finished)
            return finished;
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
    if (!m_report.differences.isEmpty()) {
        return Error::make(Error::Code::Conflict,
                           QCoreApplication::translate(
                               "Migrator",
                               "Verification found %n differences between the file and what "
                               "the database returned; the migration was rolled back. See the "
                               "report for each field.",
                               nullptr,
                               int(m_report.differences.size())),
                           m_report.differences.first().pointer);
    }
    return {};
}

Result<void> Migrator::importLogs(QList<MappingIssue> *issues)
{
    m_logLoaded.clear();
    for (LogImport &log : m_logs) {
        const QString entity = log.entityName();
        TransactionGuard savepoint(QSqlDatabase::database(m_context.connectionName));
        if (!savepoint.active())
            return savepoint.error();
        const qsizetype before = issues->size();
        const auto loaded = log.load(m_context, issues, [&](qint64 done, qint64 total) {
            return step(80,
                        QCoreApplication::translate("Migrator", "Importing"),
                        entity,
                        int(done),
                        int(total));
        });
        if (!loaded)
            return loaded;
        MigrationReport::EntityCounts &counts = m_report.countsFor(entity);
        counts.total = int(log.rowCount() + issues->size() - before);
        counts.rejected = int(issues->size() - before);
        for (qsizetype i = before; i < issues->size(); ++i)
            m_report.rejects.append({issues->at(i).pointer, issues->at(i).reason});
        // The same log loaded by an earlier run (not rolled back) would count every call
        // twice: its rows go again and the log counts as identical.
        const auto earlier = MigrationHistory(m_context).findLogImport(log.table(), log.checksum());
        if (!earlier)
            return earlier.error();
        m_logLoaded << (*earlier == 0);
        if (*earlier > 0) {
            savepoint.rollback();
            counts.identical = int(log.rowCount());
            continue;
        }
        if (auto released = savepoint.commit(); !released)
            return released;
        counts.created = int(log.rowCount());
        OrderedJson change = OrderedJson::object();
        change["entity"] = entity.toStdString();
        change["table"] = log.table().toStdString();
        change["sha256"] = log.checksum().toStdString();
        change["idRanges"] = log.idRanges();
        m_changes.push_back(std::move(change));
    }
    return {};
}

Result<void> Migrator::verifyLogs()
{
    for (qsizetype i = 0; i < m_logs.size(); ++i) {
        const LogImport &log = m_logs.at(i);
        if (!m_logLoaded.at(i))
            continue;
        if (!step(95, QCoreApplication::translate("Migrator", "Verifying"), log.entityName()))
            return Migrator::cancelledError();
        QStringList differences;
        if (auto verified = log.verify(m_context, &differences); !verified)
            return verified;
        for (const QString &message : differences)
            m_report.differences.append({log.path(), message});
    }
    if (!m_report.differences.isEmpty()) {
        return Error::make(Error::Code::Conflict,
                           QCoreApplication::translate(
                               "Migrator",
                               "Verification found %n differences between the file and what "
                               "the database returned; the migration was rolled back. See the "
                               "report for each field.",
                               nullptr,
                               int(m_report.differences.size())),
                           m_report.differences.first().pointer);
    }
    // One audit row per log file, not one per line.
    for (qsizetype i = 0; i < m_logs.size(); ++i) {
        const LogImport &log = m_logs.at(i);
        if (!m_logLoaded.at(i))
            continue;
        AuditEntry entry;
        entry.timestamp = QDateTime::currentDateTimeUtc();
        entry.username = m_context.actor;
        entry.action = QStringLiteral("migration.log-import");
        entry.resource = log.table();
        entry.method = QStringLiteral("IMPORT");
        entry.details = QJsonObject{{QStringLiteral("source"), log.path()},
                                    {QStringLiteral("rows"), log.rowCount()},
                                    {QStringLiteral("sha256"), log.checksum()}};
        if (auto written = AuditLogRepository(m_context).append(entry); !written)
            return written.error();
    }
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
        run.changes = m_changes;
    return MigrationHistory(m_context).record(run);
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
    m_report.startedAt = QDateTime::currentDateTimeUtc();
    m_report.sourcePath = QFileInfo(m_options.sourcePath).absoluteFilePath();
    m_report.target = m_options.target.isEmpty() ? m_context.where : m_options.target;
    m_report.policy = MigrationOptions::policyName(m_options.conflict);
    m_report.dryRun = m_options.dryRun;

    const auto execute = [&]() -> Result<void> {
        if (!step(0, QCoreApplication::translate("Migrator", "Reading the settings file")))
            return Migrator::cancelledError();
        // The settings store's lock: no console or CLI save changes the file while it is read
        // and migrated (MCPHub itself takes no lock; the hash in the history names what was
        // read). Held until the run ends.
        SettingsFileLock lock(m_options.sourcePath);
        if (auto locked = lock.acquire(std::chrono::milliseconds(m_options.lockTimeoutMs)); !locked)
            return locked;
        const auto bytes = readSource();
        if (!bytes)
            return bytes.error();
        m_report.sourceSha256 = QString::fromLatin1(
            QCryptographicHash::hash(*bytes, QCryptographicHash::Sha256).toHex());
        if (!step(2, QCoreApplication::translate("Migrator", "Backing up the settings file")))
            return Migrator::cancelledError();
        if (auto backedUp = backUp(*bytes); !backedUp)
            return backedUp;
        if (!step(5, QCoreApplication::translate("Migrator", "Validating")))
            return Migrator::cancelledError();
        const auto document = MigrationValidation::parse(*bytes, m_options.sourcePath);
        if (!document)
            return document.error();
        MappedSettings mapped = SettingsMapper::map(*document, *bytes);
        const auto validated
            = MigrationValidation::apply(mapped, *bytes, m_options.sourcePath, &m_report.warnings);
        for (const MappingIssue &issue : mapped.issues) {
            m_report.rejects.append({issue.pointer, issue.reason});
            if (!issue.pointer.isEmpty())
                ++m_report.countsFor(entityOf(issue.pointer)).rejected;
        }
        for (const MappedEntity &e : mapped.entities)
            ++m_report.countsFor(e.spec->name).total;
        if (!validated)
            return validated;
        m_logs.clear();
        if (!m_options.usageLogPath.isEmpty())
            m_logs.append(LogImport(LogImport::Kind::Usage, m_options.usageLogPath));
        if (!m_options.accessLogPath.isEmpty())
            m_logs.append(LogImport(LogImport::Kind::Access, m_options.accessLogPath));
        for (LogImport &log : m_logs) {
            if (auto counted = log.countLines(); !counted)
                return counted;
        }
        if (!mapped.issues.isEmpty()) {
            if (!document->is_object() || !m_options.skipInvalid) {
                return Error::make(
                    Error::Code::Invalid,
                    QCoreApplication::translate(
                        "Migrator",
                        "%n records of the settings file are invalid; nothing was migrated. "
                        "Repair them, or give --skip-invalid --rejects FILE to migrate the rest.",
                        nullptr,
                        int(mapped.issues.size())),
                    m_options.sourcePath + QLatin1Char('#') + mapped.issues.first().pointer);
            }
            if (auto written = writeRejects(mapped.issues); !written)
                return written;
        }

        TransactionGuard tx(QSqlDatabase::database(m_context.connectionName));
        if (!tx.active())
            return tx.error();
        if (auto planned = plan(mapped); !planned)
            return planned;
        if (auto imported = import(mapped); !imported)
            return imported;
        // A log is validated as it loads (one pass over a large file): its invalid lines
        // stop the run here, rolled back, or go to the reject file with the settings'.
        QList<MappingIssue> logIssues;
        if (auto logs = importLogs(&logIssues); !logs)
            return logs;
        if (!logIssues.isEmpty() && !m_options.skipInvalid) {
            return Error::make(Error::Code::Invalid,
                               QCoreApplication::translate(
                                   "Migrator",
                                   "%n lines of the log files are invalid; nothing was migrated. "
                                   "Repair them, or give --skip-invalid --rejects FILE to "
                                   "migrate the rest.",
                                   nullptr,
                                   int(logIssues.size())),
                               logIssues.first().pointer + QStringLiteral(": ")
                                   + logIssues.first().reason);
        }
        if (!logIssues.isEmpty()) {
            if (auto written = writeRejects(mapped.issues + logIssues); !written)
                return written;
        }
        if (auto verified = verify(mapped); !verified)
            return verified;
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
        if (!step(97, QCoreApplication::translate("Migrator", "Recording the run")))
            return Migrator::cancelledError();
        const auto id = record(QStringLiteral("completed"));
        if (!id)
            return id.error();
        if (!step(99, QCoreApplication::translate("Migrator", "Committing")))
            return Migrator::cancelledError();
        if (auto committed = tx.commit(); !committed)
            return committed;
        m_report.runId = *id;
        step(100, QCoreApplication::translate("Migrator", "Done"));
        return {};
    };

    const auto done = execute();
    if (!done) {
        m_report.error = done.error();
        m_report.runId = 0;
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
