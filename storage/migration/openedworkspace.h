#pragma once

#include "storage/db/profilestore.h"
#include "storage/db/workspace.h"
#include "storage/migration/migrationreport.h"
#include "storage/migration/settingsfilebinding.h"
#include "storage/migration/settingsfileworkspace.h"
#include "storage/result.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>

namespace mcphub {

// A workspace as the console and mcphub-adminctl open it, resolved in one place: a database
// (a saved profile, a SQLite file or a PostgreSQL conninfo) brought to the current schema
// and, when the profile binds a settings file (ConnectionProfile::boundSettingsPath), with
// that file's SettingsFileBinding installed, so that every change committed on the
// connection is written to the database and the file as one unit (dual-write); or a plain
// settings file in its private database (SettingsFileWorkspace). Opening a bound workspace
// compares the file with the database and reports the drift in warnings() without writing
// anything (see SettingsFileBinding for why an edit still rewrites an out-of-date file).
// Move-only; close() closes the connection (for a settings file, deletes the private
// database) and uninstalls the binding. On the thread that opened it.
class OpenedWorkspace
{
    Q_DECLARE_TR_FUNCTIONS(OpenedWorkspace)

public:
    enum class Target { SettingsFile, Sqlite, Profile, McphubDatabase };
    // What a "path or profile" names: "hub-db:CONNINFO" MCPHub's own database, a path ending
    // in .json a settings file, an existing file or a path with a folder a SQLite workspace,
    // anything else a profile name.
    static Target classify(const QString &pathOrProfile);
    static inline const QString kMcphubDatabasePrefix = QStringLiteral("hub-db:");
    // "hub-db:" and the profile's place without its password: what a recent-workspaces
    // entry keeps, and what open() takes back.
    static QString mcphubDatabaseEntry(const ConnectionProfile &profile);

    // The saved profile `name` with its password (keychain, else this session's memory);
    // `warnings` receives a translated note when the keychain could not be read.
    static Result<ConnectionProfile> loadProfile(const QString &name,
                                                 QStringList *warnings = nullptr,
                                                 const ProfileStore &store = ProfileStore());

    static Result<OpenedWorkspace> openDatabase(const ConnectionProfile &profile,
                                                const QString &connectionName);
    static Result<OpenedWorkspace> openProfile(const QString &name,
                                               const QString &connectionName,
                                               const ProfileStore &store = ProfileStore());
    // openProfile's second half, for a profile loaded already (the console loads it with
    // ProfileStore::loadAsync): `warnings` come first in the workspace's warnings().
    static Result<OpenedWorkspace> openLoadedProfile(const ConnectionProfile &profile,
                                                     const QStringList &warnings,
                                                     const QString &connectionName);
    static Result<OpenedWorkspace> openSettingsFile(const QString &path,
                                                    const QString &connectionName);
    // classify() then the matching open.
    static Result<OpenedWorkspace> open(const QString &pathOrProfile,
                                        const QString &connectionName);

    OpenedWorkspace() = default;
    // A moved-from workspace names no connection, so its close() closes nothing.
    OpenedWorkspace(OpenedWorkspace &&other) noexcept;
    OpenedWorkspace &operator=(OpenedWorkspace &&other) noexcept;
    ~OpenedWorkspace();

    const Workspace &workspace() const { return m_workspace; }
    // The settings file opened as the workspace, or nullptr.
    SettingsFileWorkspace *settingsFile() const { return m_file.get(); }
    // The bound settings file of a dual-writing database workspace, or nullptr.
    SettingsFileBinding *binding() const { return m_binding.get(); }
    QString boundSettingsPath() const { return m_binding ? m_binding->path() : QString(); }

    // The context to change the workspace through; errors name the settings file for a file.
    RepositoryContext context(const QString &actor = RepositoryContext::defaultActor()) const;
    // The settings file's path, or the profile's name or database.
    QString displayName() const;
    // Translated: the workspace's own (read-only, schema) and the binding's drift, if any.
    QStringList warnings() const { return m_warnings; }
    // How the bound file differed from the database when the workspace was opened.
    const QList<MigrationReport::Item> &drift() const { return m_drift; }

    // Before migrating the settings file `sourcePath` into this workspace: when it is the
    // profile's own bound file, the binding is uninstalled for the rest of this opening (the
    // run brings the database up to the file, so there is nothing to write back, and the
    // migrator holds the file's lock until it commits). True when it was the bound file.
    bool releaseBindingFor(const QString &sourcePath);

    void close();

private:
    Workspace m_workspace;
    std::unique_ptr<SettingsFileWorkspace> m_file;
    std::unique_ptr<SettingsFileBinding> m_binding;
    QStringList m_warnings;
    QList<MigrationReport::Item> m_drift;
};

} // namespace mcphub
