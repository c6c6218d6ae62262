#include "storage/migration/settingsfileworkspace.h"

#include "storage/migration/migrator.h"
#include "storage/migration/settingsfilebinding.h"
#include "storage/settings/settingsfilestore.h"
#include "storage/settings/settingsvalidator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace mcphub {

namespace {

QString place(const QString &path, const SourcePosition &position)
{
    return position.isValid()
               ? QStringLiteral("%1:%2:%3")
                     .arg(path, QString::number(position.line), QString::number(position.column))
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
    // A run killed inside a save leaves its staged content; its private database is gone.
    if (auto discarded = SettingsFileBinding::discardStaged(settingsPath); !discarded)
        return discarded.error();
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
    self->m_workspace.setKind(WorkspaceKind::SettingsFile); // what it can store: the file's

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

    auto binding = SettingsFileBinding::fromLoaded(self->context(), std::move(*loaded));
    if (!binding)
        return binding.error();
    self->m_binding = std::move(*binding);
    self->m_binding->install();
    return self;
}

SettingsFileWorkspace::~SettingsFileWorkspace()
{
    if (m_workspace.connectionName().isEmpty())
        return;
    m_binding.reset(); // uninstalls the commit hook
    m_workspace.close();
}

RepositoryContext SettingsFileWorkspace::context(const QString &actor) const
{
    RepositoryContext context = m_workspace.context(actor);
    context.where = m_path;
    return context;
}

const QString &SettingsFileWorkspace::lastBackupPath() const
{
    static const QString none;
    return m_binding ? m_binding->lastBackupPath() : none;
}

} // namespace mcphub
