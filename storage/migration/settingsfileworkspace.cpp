#include "storage/migration/settingsfileworkspace.h"

#include "storage/db/transactionguard.h"
#include "storage/logging.h"
#include "storage/migration/migrator.h"
#include "storage/migration/settingsmapper.h"
#include "storage/settings/settingsfilestore.h"
#include "storage/settings/settingsvalidator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

namespace mcphub {

namespace {

QString place(const QString &path, const SourcePosition &position)
{
    return position.isValid()
               ? QStringLiteral("%1:%2:%3").arg(path).arg(position.line).arg(position.column)
               : path;
}

} // namespace

bool SettingsFileWorkspace::looksLikeSettingsFile(const QString &path)
{
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
}

Result<std::unique_ptr<SettingsFileWorkspace>>
SettingsFileWorkspace::open(const QString &settingsPath, const QString &connectionName)
{
    auto loaded = SettingsFileStore::load(settingsPath);
    if (!loaded)
        return loaded.error(); // names FILE:LINE:COL for invalid JSON
    const QList<Finding> findings = SettingsValidator::validate(*loaded);
    const qsizetype errors = countSeverity(findings, Finding::Severity::Error);
    if (errors > 0) {
        const auto first = std::find_if(findings.cbegin(), findings.cend(), [](const Finding &f) {
            return f.severity == Finding::Severity::Error;
        });
        return Error::make(Error::Code::Invalid,
                           tr("The settings file has %n error(s), so it was not opened: %1 (%2). "
                              "Correct the file, or restore one of its backups, then open it "
                              "again.",
                              nullptr,
                              int(errors))
                               .arg(first->message, first->pointer),
                           place(settingsPath, first->position));
    }

    std::unique_ptr<SettingsFileWorkspace> self(new SettingsFileWorkspace);
    self->m_path = settingsPath;
    self->m_document = *loaded;
    self->m_previous = *loaded;
    self->m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath()
                                                  + QStringLiteral("/mcphub-admin-XXXXXX"));
    if (!self->m_dir->isValid()) {
        return Error::make(Error::Code::Io,
                           tr("Cannot create a private folder for the file's workspace. Check "
                              "the temporary folder's permissions and free space."),
                           QDir::tempPath(),
                           self->m_dir->errorString());
    }
    auto workspace = Workspace::open(
        ConnectionProfile::sqliteFile(self->m_dir->filePath(QStringLiteral("workspace.db"))),
        connectionName);
    if (!workspace)
        return workspace.error();
    self->m_workspace = *workspace;

    MigrationOptions options;
    options.sourcePath = settingsPath;
    options.target = settingsPath;
    options.backupDir = self->m_dir->path(); // opening writes nothing beside the file
    const MigrationReport report = Migrator(self->context(), options).run();
    if (report.error)
        return *report.error; // the destructor closes the private database
    const QString loadedSha = QString::fromLatin1(
        QCryptographicHash::hash(loaded->sourceText(), QCryptographicHash::Sha256).toHex());
    if (report.sourceSha256 != loadedSha) {
        return Error::make(Error::Code::Conflict,
                           tr("The file changed while it was being opened (MCPHub may have "
                              "rewritten it). Open it again."),
                           settingsPath);
    }

    SettingsFileWorkspace *raw = self.get();
    TransactionGuard::setCommitHook(connectionName,
                                    {[raw] { return raw->saveFile(); },
                                     [raw] {
                                         raw->restoreFile();
                                     }});
    return self;
}

SettingsFileWorkspace::~SettingsFileWorkspace()
{
    if (m_workspace.connectionName().isEmpty())
        return;
    TransactionGuard::setCommitHook(m_workspace.connectionName(), {});
    m_workspace.close();
}

RepositoryContext SettingsFileWorkspace::context(const QString &actor) const
{
    RepositoryContext context = m_workspace.context(actor);
    context.where = m_path;
    return context;
}

Result<void> SettingsFileWorkspace::saveFile()
{
    const auto exported = SettingsMapper::exportDocument(context());
    if (!exported)
        return exported.error();
    if (exported->document == m_document.json())
        return {}; // the transaction changed nothing of the settings (audit rows, hubs)
    SettingsDocument next = m_document;
    next.json() = exported->document;
    SaveOptions options;
    options.allowWarnings = true; // MCPHub reads them; the editors show them
    const auto saved = SettingsFileStore::save(next, options);
    if (!saved) {
        Error error = saved.error();
        error.message = error.code == Error::Code::Conflict
                            ? tr("%1 changed on disk since it was opened (MCPHub rewrites it by "
                                 "itself), so nothing was applied. Reload the file to see its "
                                 "new content, then make the changes again.")
                                  .arg(QFileInfo(m_path).fileName())
                            : tr("%1 was not saved, so nothing was applied; the changes are "
                                 "still pending: %2")
                                  .arg(QFileInfo(m_path).fileName(), error.message);
        return error;
    }
    m_previous = m_document;
    m_document = next;
    if (!saved->backupPath.isEmpty())
        m_lastBackup = saved->backupPath;
    return {};
}

void SettingsFileWorkspace::restoreFile()
{
    // The file is ahead of the database: put its previous content back.
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_previous.sourceText()) < 0
        || !file.commit()) {
        qCWarning(lcStorage) << "could not restore" << m_path << "after a failed commit";
        return;
    }
    m_document = m_previous;
}

} // namespace mcphub
