#include "storage/migration/settingsfileworkspace.h"

#include "storage/migration/migrator.h"
#include "storage/migration/settingsfilebinding.h"
#include "storage/settings/settingsfilelock.h"
#include "storage/settings/settingsfilestore.h"
#include "storage/settings/settingsvalidator.h"

#include <QCryptographicHash>
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
    // The file's lock while it is loaded and imported: a save by a sibling run (another
    // mcphub-adminctl, the console) cannot slip in between, so what was loaded is what was
    // imported. Only reading: a file in a read-only folder opens unlocked (and cannot be saved).
    SettingsFileLock lock(settingsPath);
    lock.setReentrant(true); // the migrator's read inside takes it again
    if (auto locked = lock.acquireForReading(SaveOptions().lockTimeout); !locked)
        return locked.error();
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
    // The private database lives in memory: the settings' hashes and secrets are never copied
    // to a file that a killed process would leave behind.
    auto workspace = Workspace::open(ConnectionProfile::sqliteFile(QStringLiteral(":memory:")),
                                     connectionName);
    if (!workspace)
        return workspace.error();
    self->m_workspace = *workspace;
    self->m_workspace.setKind(WorkspaceKind::SettingsFile); // what it can store: the file's

    MigrationOptions options;
    options.sourcePath = settingsPath;
    options.target = settingsPath;
    options.backUp = false; // opening only reads the file: nothing to keep a copy of
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
