#include "storage/migration/settingsfilebinding.h"

#include "storage/db/sqldialect.h"
#include "storage/db/transactionguard.h"
#include "storage/logging.h"
#include "storage/migration/driftcheck.h"
#include "storage/migration/settingsentities.h"
#include "storage/migration/settingsmapper.h"

#include "storage/settings/atomicfilewriter.h"
#include "storage/settings/settingsfilelock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace mcphub {

namespace {
std::atomic<int> g_defaultKeepBackups{SaveOptions().keepBackups};
std::atomic<qint64> g_defaultLockTimeoutMs{SaveOptions().lockTimeout.count()};
} // namespace

void SettingsFileBinding::setDefaultKeepBackups(int keep)
{
    g_defaultKeepBackups = std::max(0, keep);
}

void SettingsFileBinding::setDefaultLockTimeout(std::chrono::milliseconds timeout)
{
    g_defaultLockTimeoutMs = std::max<qint64>(0, timeout.count());
}

SaveOptions SettingsFileBinding::defaultSaveOptions()
{
    SaveOptions options;
    options.allowWarnings = true; // MCPHub reads them; the editors show them
    options.keepBackups = g_defaultKeepBackups;
    options.lockTimeout = std::chrono::milliseconds(g_defaultLockTimeoutMs.load());
    return options;
}

Result<void> SettingsFileBinding::checkBindable(const QString &path)
{
    const QFileInfo info(path);
    if (path.isEmpty() || !info.absoluteDir().exists()) {
        return Error::make(Error::Code::NotFound,
                           tr("The folder of the settings file does not exist. Give the path "
                              "of an MCPHub settings file, or of a new one in an existing "
                              "folder."),
                           path);
    }
    if (info.exists()) {
        if (info.isDir()) {
            return Error::make(Error::Code::Invalid,
                               tr("This is a folder; give the path of a settings file."),
                               path);
        }
        if (const auto loaded = SettingsFileStore::load(path); !loaded)
            return loaded.error(); // names FILE:LINE:COL
    }
    return {};
}

Result<std::unique_ptr<SettingsFileBinding>> SettingsFileBinding::load(
    const RepositoryContext &context, const QString &path, const SaveOptions &options)
{
    // A commit killed halfway is finished (or undone) before the file is read.
    if (auto recovered = recoverStaged(context, path); !recovered)
        return recovered.error();
    if (QFileInfo::exists(path)) {
        auto loaded = SettingsFileStore::load(path);
        if (!loaded)
            return loaded.error();
        return fromLoaded(context, std::move(*loaded), options);
    }
    // A folder that does not exist is reported by the first save, naming the file.
    SettingsDocument missing;
    missing.setPath(path);
    return fromLoaded(context, std::move(missing), options);
}

Result<std::unique_ptr<SettingsFileBinding>> SettingsFileBinding::fromLoaded(
    const RepositoryContext &context, SettingsDocument loaded, const SaveOptions &options)
{
    auto exported = SettingsMapper::exportDocument(context);
    if (!exported)
        return exported.error();
    std::unique_ptr<SettingsFileBinding> self(new SettingsFileBinding);
    self->m_context = context;
    self->m_path = loaded.path();
    self->m_options = options;
    self->m_document = std::move(loaded);
    self->m_synced = std::move(exported->document);
    return self;
}

SettingsFileBinding::~SettingsFileBinding()
{
    uninstall();
}

QStringList SettingsFileBinding::settingsTables()
{
    QStringList tables;
    for (const EntitySpec &entity : settingsEntities())
        tables << entity.table.name;
    tables << settingsDocumentTable().name;
    return tables;
}

namespace {

const QString kTouchedTable = QStringLiteral("mcphub_settings_touched");
const QStringList kWriteEvents
    = {QStringLiteral("INSERT"), QStringLiteral("UPDATE"), QStringLiteral("DELETE")};

QString touchTrigger(const QString &table, const QString &event)
{
    return QStringLiteral("mcphub_touch_%1_%2").arg(table, event.toLower());
}

} // namespace

void SettingsFileBinding::startTouchTracking()
{
    QSqlDatabase db = QSqlDatabase::database(m_context.connectionName, false);
    if (!db.isOpen())
        return;
    QSqlQuery query(db);
    if (!SqlDialect::forDatabase(db).isSqlite()) {
        // Without row statistics the transaction's counts stay zero: export every time.
        m_tracking = query.exec(QStringLiteral("SHOW track_counts")) && query.next()
                     && query.value(0).toString() == QLatin1String("on");
        return;
    }
    // Temporary: on this connection only, never in the workspace's schema.
    if (!query.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS %1 (id INTEGER PRIMARY KEY)")
                        .arg(kTouchedTable))) {
        qCWarning(lcStorage) << "no settings-write tracking:" << query.lastError().text();
        return;
    }
    for (const QString &table : settingsTables()) {
        for (const QString &event : kWriteEvents) {
            const QString sql = QStringLiteral("CREATE TEMP TRIGGER IF NOT EXISTS %1 AFTER %2 ON "
                                               "main.%3 BEGIN INSERT OR IGNORE INTO %4 (id) "
                                               "VALUES (1); END")
                                    .arg(touchTrigger(table, event), event, table, kTouchedTable);
            if (!query.exec(sql)) {
                qCWarning(lcStorage) << "no settings-write tracking:" << query.lastError().text();
                stopTouchTracking();
                return;
            }
        }
    }
    m_tracking = true;
}

void SettingsFileBinding::stopTouchTracking()
{
    m_tracking = false;
    QSqlDatabase db = QSqlDatabase::database(m_context.connectionName, false);
    if (!db.isOpen() || !SqlDialect::forDatabase(db).isSqlite())
        return;
    QSqlQuery query(db);
    for (const QString &table : settingsTables()) {
        for (const QString &event : kWriteEvents)
            query.exec(
                QStringLiteral("DROP TRIGGER IF EXISTS temp.%1").arg(touchTrigger(table, event)));
    }
}

bool SettingsFileBinding::settingsTouched() const
{
    if (!m_tracking)
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_context.connectionName, false);
    QSqlQuery query(db);
    if (SqlDialect::forDatabase(db).isSqlite()) {
        if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM temp.%1").arg(kTouchedTable))
            || !query.next())
            return true;
        if (query.value(0).toLongLong() == 0)
            return false;
        // Cleared inside the transaction: a rollback brings the flag back with the rows.
        query.exec(QStringLiteral("DELETE FROM temp.%1").arg(kTouchedTable));
        return true;
    }
    query.prepare(QStringLiteral(
        "SELECT COUNT(*) FROM pg_stat_xact_user_tables WHERE schemaname = current_schema() "
        "AND relname = ANY (string_to_array(?, ',')) "
        "AND n_tup_ins + n_tup_upd + n_tup_del > 0"));
    query.addBindValue(settingsTables().join(QLatin1Char(',')));
    if (!query.exec() || !query.next())
        return true;
    return query.value(0).toLongLong() > 0;
}

void SettingsFileBinding::install()
{
    TransactionGuard::setCommitHook(m_context.connectionName,
                                    {[this](const TransactionGuard::Commit &commit) {
                                        return commitWith(commit);
                                    }});
    m_installed = true;
    startTouchTracking();
}

void SettingsFileBinding::uninstall()
{
    if (!m_installed)
        return;
    TransactionGuard::setCommitHook(m_context.connectionName, {});
    m_installed = false;
    stopTouchTracking();
}

Result<void> SettingsFileBinding::reload()
{
    if (!QFileInfo::exists(m_path)) {
        SettingsDocument missing;
        missing.setPath(m_path);
        m_document = missing;
    } else {
        auto loaded = SettingsFileStore::load(m_path);
        if (!loaded)
            return loaded.error();
        m_document = std::move(*loaded);
    }
    return {};
}

Result<QList<MigrationReport::Item>> SettingsFileBinding::drift() const
{
    const auto exported = SettingsMapper::exportDocument(m_context);
    if (!exported)
        return exported.error();
    if (!m_document.diskState().exists) {
        return QList<MigrationReport::Item>{
            {QStringLiteral("/"),
             tr("The file does not exist yet; the first change saved creates it with what the "
                "database holds.")}};
    }
    return DriftCheck::compare(m_document, exported->document);
}

QStringList SettingsFileBinding::driftWarnings(const QString &path,
                                               const QList<MigrationReport::Item> &drift,
                                               int maxItems)
{
    if (drift.isEmpty())
        return {};
    QStringList lines;
    lines << tr("The bound settings file %1 differs from the database in %n place(s). The "
                "database is the source of truth: the next change saved rewrites the whole "
                "file with what the database holds.",
                nullptr,
                int(drift.size()))
                 .arg(path);
    for (qsizetype i = 0; i < drift.size() && i < maxItems; ++i)
        lines << QStringLiteral("  %1: %2").arg(drift.at(i).pointer, drift.at(i).message);
    if (drift.size() > maxItems)
        lines << tr("  … and %n more.", nullptr, int(drift.size() - maxItems));
    return lines;
}

Error SettingsFileBinding::explainSaveError(Error error) const
{
    const QString name = QFileInfo(m_path).fileName();
    if (error.code == Error::Code::Conflict) {
        error.message = tr("%1 changed on disk since it was loaded or last saved (MCPHub or "
                           "another console wrote it), so the change was not saved in the "
                           "database either.")
                            .arg(name);
        error.remedy = Error::Remedy::Reload;
    } else {
        error.message = tr("%1 was not saved, so the change was not saved in the database "
                           "either: %2")
                            .arg(name, error.message);
    }
    // The file in full, with the store's place (a lock file, a JSON pointer) after it.
    if (error.where.isEmpty() || error.where == m_path)
        error.where = m_path;
    else if (!error.where.startsWith(m_path))
        error.where = m_path + QStringLiteral(" (") + error.where + QLatin1Char(')');
    return error;
}

namespace {

SettingsFileBinding::StepObserver &stepObserver()
{
    static SettingsFileBinding::StepObserver observer;
    return observer;
}

void announce(SettingsFileBinding::Step step)
{
    if (const auto &observer = stepObserver())
        observer(step);
}

const QString kStagedInfix = QStringLiteral(".pending-");

// What the staged content is named after: the settings it holds, so that recovery can tell
// by a name whether the database holds exactly them.
QString settingsDigest(const SettingsDocument::Json &document)
{
    const std::string dump
        = document.dump(-1, ' ', false, SettingsDocument::Json::error_handler_t::replace);
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray::fromStdString(dump), QCryptographicHash::Sha256)
            .toHex()
            .left(32));
}

QString stagedPathFor(const QString &path, const SettingsDocument::Json &document)
{
    // The random part keeps a leftover of the same settings (killed before COMMIT) apart.
    return SettingsFileStore::realPath(path) + kStagedInfix + settingsDigest(document)
           + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::Id128).left(8);
}

} // namespace

QString SettingsFileBinding::stepName(Step step)
{
    switch (step) {
    case Step::Staged:
        return QStringLiteral("staged");
    case Step::Committed:
        return QStringLiteral("committed");
    case Step::Replaced:
        return QStringLiteral("replaced");
    }
    return {};
}

void SettingsFileBinding::setStepObserver(StepObserver observer)
{
    stepObserver() = std::move(observer);
}

QStringList SettingsFileBinding::stagedFiles(const QString &path)
{
    const QFileInfo real(SettingsFileStore::realPath(path));
    const QDir folder = real.absoluteDir();
    QStringList files;
    const QStringList names = folder.entryList({real.fileName() + kStagedInfix + QLatin1Char('*')},
                                               QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &name : names)
        files << folder.filePath(name);
    return files;
}

Result<void> SettingsFileBinding::recoverStaged(const RepositoryContext &context,
                                                const QString &path)
{
    if (stagedFiles(path).isEmpty())
        return {};
    const QString real = SettingsFileStore::realPath(path);
    SettingsFileLock lock(real);
    if (!lock.acquire(defaultSaveOptions().lockTimeout)) {
        // A live process holds the lock: its own commit is under way and finishes its file.
        qCWarning(lcStorage) << "left the staged content beside" << path
                             << "to the process holding its lock";
        return {};
    }
    const QStringList staged = stagedFiles(path); // the holder may have finished meanwhile
    if (staged.isEmpty())
        return {};
    const auto exported = SettingsMapper::exportDocument(context);
    if (!exported)
        return exported.error();
    const QString committed
        = real + kStagedInfix + settingsDigest(exported->document) + QLatin1Char('-');
    bool placed = false;
    for (const QString &file : staged) {
        if (!placed && file.startsWith(committed)) {
            // The database committed what this holds, the rename did not happen: finish it.
            if (::rename(QFile::encodeName(file).constData(), QFile::encodeName(real).constData())
                != 0) {
                return Error::make(Error::Code::Io,
                                   tr("A change committed to the database could not be written "
                                      "to the settings file: its new content could not replace "
                                      "it. Check the folder's permissions."),
                                   path,
                                   QString::fromLocal8Bit(std::strerror(errno)));
            }
            if (auto synced = AtomicFileWriter::syncFolder(QFileInfo(real).absolutePath()); !synced)
                qCWarning(lcStorage) << synced.error().toString();
            qCInfo(lcStorage) << "finished a dual-written commit of" << path << "from" << file;
            placed = true;
            continue;
        }
        // Never committed (or superseded): no reader may see it.
        if (!QFile::remove(file))
            qCWarning(lcStorage) << "could not remove the stale staged content" << file;
        else
            qCInfo(lcStorage) << "discarded uncommitted staged content" << file;
    }
    return {};
}

Result<void> SettingsFileBinding::discardStaged(const QString &path)
{
    if (stagedFiles(path).isEmpty())
        return {};
    SettingsFileLock lock(SettingsFileStore::realPath(path));
    if (!lock.acquire(defaultSaveOptions().lockTimeout))
        return {}; // a live process's commit: it finishes or removes its own
    for (const QString &file : stagedFiles(path)) {
        if (!QFile::remove(file))
            qCWarning(lcStorage) << "could not remove the stale staged content" << file;
    }
    return {};
}

Result<void> SettingsFileBinding::commitWith(const TransactionGuard::Commit &commit)
{
    if (!settingsTouched())
        return commit(); // audit rows, the hub registry and its samples: nothing to export
    auto exported = SettingsMapper::exportDocument(m_context);
    if (!exported)
        return exported.error(); // not committed: the guard rolls back
    if (exported->document == m_synced)
        return commit(); // the transaction changed nothing of the settings (audit rows, hubs)
    SettingsDocument next = m_document;
    next.json() = exported->document;
    SaveOptions options = m_options;
    options.stagedPath = stagedPathFor(m_path, exported->document);
    bool attempted = false;
    Result<void> committed;
    // Runs with the file's lock held, its new content staged and its old one backed up.
    options.beforeReplace = [&]() -> Result<void> {
        announce(Step::Staged);
        attempted = true;
        committed = commit();
        if (committed)
            announce(Step::Committed);
        return committed;
    };
    const auto saved = SettingsFileStore::save(next, options);
    if (!attempted) {
        if (!saved) {
            if (saved.error().code != Error::Code::Conflict || !QFileInfo::exists(m_path))
                return explainSaveError(saved.error());
            // Another console bound to the same database wrote exactly this already.
            auto onDisk = SettingsFileStore::load(m_path);
            if (!onDisk || onDisk->json() != exported->document)
                return explainSaveError(saved.error());
            next = std::move(*onDisk);
        }
        // The file holds these settings already: only the database changes.
        if (auto done = commit(); !done)
            return done;
        m_document = std::move(next);
        m_synced = std::move(exported->document);
        return {};
    }
    if (!committed)
        return committed; // rolled back; the staged content is gone, the file untouched
    m_synced = std::move(exported->document);
    if (!saved) {
        // Committed, but the rename failed: the staged content stays for the next open.
        Error error = explainSaveError(saved.error());
        error.message = tr("The change was saved in the database, but %1 could not be replaced "
                           "with it: %2 The new content waits beside the file and replaces it "
                           "when the workspace is opened next.")
                            .arg(QFileInfo(m_path).fileName(), saved.error().message);
        return error;
    }
    m_document = std::move(next);
    if (saved->written)
        ++m_saves;
    if (!saved->backupPath.isEmpty())
        m_lastBackup = saved->backupPath;
    announce(Step::Replaced);
    return {};
}

} // namespace mcphub
