#pragma once

#include "storage/db/workspace.h"
#include "storage/result.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace mcphub {

class SettingsFileBinding;

// A plain MCPHub settings file opened as a workspace, for the console and the CLI alike:
// open() validates the file (a bad one is refused naming FILE:LINE:COL, and nothing is
// written), imports it through the Migrator into a private in-memory SQLite database (nothing
// on disk that a killed process could leave behind), and from then on every outermost transaction
// committed on that connection first saves the file through SettingsFileBinding (SettingsFileStore:
// validated, locked, backed up, atomic, MCPHub's format) when the settings changed: database and
// file change as one unit, exactly as for a profile bound to a settings file. A failed save rolls
// the transaction back and says why; a file MCPHub rewrote since it was opened is a
// Error::Code::Conflict (open it again to load that version). On the connection's thread.
// Not copyable; destroying it closes the connection and deletes the private database.
class SettingsFileWorkspace
{
    Q_DECLARE_TR_FUNCTIONS(SettingsFileWorkspace)

public:
    static Result<std::unique_ptr<SettingsFileWorkspace>> open(const QString &settingsPath,
                                                               const QString &connectionName);
    ~SettingsFileWorkspace();
    SettingsFileWorkspace(const SettingsFileWorkspace &) = delete;
    SettingsFileWorkspace &operator=(const SettingsFileWorkspace &) = delete;

    const Workspace &workspace() const { return m_workspace; }
    const QString &settingsPath() const { return m_path; }
    // The workspace's context, naming the settings file in errors.
    RepositoryContext context(const QString &actor = RepositoryContext::defaultActor()) const;
    // The backup the last save made ("" when none was made yet).
    const QString &lastBackupPath() const;

    // Whether a path names a settings file rather than a SQLite workspace (ends in .json).
    static bool looksLikeSettingsFile(const QString &path);

private:
    SettingsFileWorkspace() = default;

    QString m_path;
    Workspace m_workspace;
    std::unique_ptr<SettingsFileBinding> m_binding;
};

} // namespace mcphub
