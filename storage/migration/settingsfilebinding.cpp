#include "storage/migration/settingsfilebinding.h"

#include "storage/db/transactionguard.h"
#include "storage/logging.h"
#include "storage/migration/driftcheck.h"
#include "storage/migration/settingsmapper.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace mcphub {

SaveOptions SettingsFileBinding::defaultSaveOptions()
{
    SaveOptions options;
    options.allowWarnings = true; // MCPHub reads them; the editors show them
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
    self->m_previous = self->m_document;
    self->m_previousExisted = self->m_document.diskState().exists;
    self->m_synced = std::move(exported->document);
    return self;
}

SettingsFileBinding::~SettingsFileBinding()
{
    uninstall();
}

void SettingsFileBinding::install()
{
    TransactionGuard::setCommitHook(m_context.connectionName,
                                    {[this] { return saveDatabaseState(); },
                                     [this] {
                                         restorePrevious();
                                     }});
    m_installed = true;
}

void SettingsFileBinding::uninstall()
{
    if (!m_installed)
        return;
    TransactionGuard::setCommitHook(m_context.connectionName, {});
    m_installed = false;
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
    m_previous = m_document;
    m_previousExisted = m_document.diskState().exists;
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
    return DriftCheck::compare(m_document.json(), exported->document);
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

Result<void> SettingsFileBinding::saveDatabaseState()
{
    auto exported = SettingsMapper::exportDocument(m_context);
    if (!exported)
        return exported.error();
    m_previousSynced = m_synced;
    m_lastSaveWrote = false;
    if (exported->document == m_synced)
        return {}; // the transaction changed nothing of the settings (audit rows, hubs)
    SettingsDocument next = m_document;
    next.json() = exported->document;
    const auto saved = SettingsFileStore::save(next, m_options);
    if (!saved) {
        if (saved.error().code == Error::Code::Conflict && QFileInfo::exists(m_path)) {
            // Another console bound to the same database wrote exactly this already.
            if (auto onDisk = SettingsFileStore::load(m_path);
                onDisk && onDisk->json() == exported->document) {
                m_document = std::move(*onDisk);
                m_synced = std::move(exported->document);
                return {};
            }
        }
        return explainSaveError(saved.error());
    }
    m_previous = m_document;
    m_previousExisted = m_document.diskState().exists;
    m_document = std::move(next);
    m_synced = std::move(exported->document);
    if (saved->written) {
        ++m_saves;
        m_lastSaveWrote = true;
    }
    if (!saved->backupPath.isEmpty())
        m_lastBackup = saved->backupPath;
    return {};
}

void SettingsFileBinding::restorePrevious()
{
    m_synced = m_previousSynced; // the database holds again what it held before
    // Only a file this transaction wrote is ahead of the database. One that another console
    // wrote, or that already held these bytes, stays as it is.
    if (!m_lastSaveWrote)
        return;
    m_lastSaveWrote = false;
    // The file is ahead of the database: put its previous content back.
    if (!m_previousExisted) {
        if (!QFile::remove(SettingsFileStore::realPath(m_path)))
            qCWarning(lcStorage) << "could not remove" << m_path << "after a failed commit";
    } else {
        QSaveFile file(SettingsFileStore::realPath(m_path));
        if (!file.open(QIODevice::WriteOnly) || file.write(m_previous.sourceText()) < 0
            || !file.commit()) {
            qCWarning(lcStorage) << "could not restore" << m_path << "after a failed commit";
            return;
        }
    }
    m_document = m_previous;
}

} // namespace mcphub
