#include "storage/migration/openedworkspace.h"

#include "storage/settings/settingsfilestore.h"

#include <QFileInfo>
#include <QUrl>

#include <utility>

namespace mcphub {

OpenedWorkspace::Target OpenedWorkspace::classify(const QString &pathOrProfile)
{
    if (pathOrProfile.startsWith(kMcphubDatabasePrefix))
        return Target::McphubDatabase;
    if (SettingsFileWorkspace::looksLikeSettingsFile(pathOrProfile))
        return Target::SettingsFile;
    if (QFileInfo::exists(pathOrProfile) || pathOrProfile.contains(QLatin1Char('/')))
        return Target::Sqlite;
    return Target::Profile;
}

Result<ConnectionProfile>
OpenedWorkspace::loadProfile(const QString &name, QStringList *warnings, const ProfileStore &store)
{
    QString warning;
    auto loaded = store.load(name, &warning);
    if (!warning.isEmpty() && warnings)
        warnings->append(warning);
    return loaded;
}

Result<OpenedWorkspace> OpenedWorkspace::openDatabase(const ConnectionProfile &profile,
                                                      const QString &connectionName)
{
    if (profile.mcphubDatabase && !profile.boundSettingsPath.isEmpty()) {
        return Error::make(Error::Code::Invalid,
                           tr("MCPHub's database cannot be bound to a settings file: a hub in "
                              "database mode does not read its settings file after the first "
                              "start. Nothing was opened; unbind the profile %1.")
                               .arg(profile.name),
                           profile.boundSettingsPath)
            .withRemedy(Error::Remedy::UnbindSettings);
    }
    auto ws = Workspace::open(profile, connectionName);
    if (!ws)
        return ws.error();
    OpenedWorkspace opened;
    opened.m_workspace = *ws;
    opened.m_warnings = ws->warnings();
    if (profile.boundSettingsPath.isEmpty())
        return opened;

    auto binding = SettingsFileBinding::load(ws->context(), profile.boundSettingsPath);
    if (!binding) {
        ws->close();
        Error error = binding.error();
        error.message = tr("The profile is bound to this settings file, which cannot be read, "
                           "so the workspace was not opened: %1 Correct the file or restore "
                           "one of its backups, or unbind the profile %2 from it.")
                            .arg(error.message, profile.name);
        error.remedy = Error::Remedy::UnbindSettings;
        return error;
    }
    auto drift = (*binding)->drift();
    if (!drift) {
        ws->close();
        return drift.error();
    }
    opened.m_drift = *drift;
    opened.m_warnings << SettingsFileBinding::driftWarnings(profile.boundSettingsPath, *drift);
    if (ws->readOnly()) {
        opened.m_warnings << tr("The workspace is read-only, so the bound settings file %1 is "
                                "not written either.")
                                 .arg(profile.boundSettingsPath);
    } else {
        (*binding)->install();
    }
    opened.m_binding = std::move(*binding);
    return opened;
}

Result<OpenedWorkspace> OpenedWorkspace::openProfile(const QString &name,
                                                     const QString &connectionName,
                                                     const ProfileStore &store)
{
    QStringList warnings;
    const auto profile = loadProfile(name, &warnings, store);
    if (!profile)
        return profile.error();
    return openLoadedProfile(*profile, warnings, connectionName);
}

Result<OpenedWorkspace> OpenedWorkspace::openLoadedProfile(const ConnectionProfile &profile,
                                                           const QStringList &warnings,
                                                           const QString &connectionName)
{
    auto opened = openDatabase(profile, connectionName);
    if (!opened)
        return opened.error();
    opened->m_warnings = warnings + opened->m_warnings;
    return opened;
}

Result<OpenedWorkspace> OpenedWorkspace::openSettingsFile(const QString &path,
                                                          const QString &connectionName)
{
    auto file = SettingsFileWorkspace::open(path, connectionName);
    if (!file)
        return file.error();
    OpenedWorkspace opened;
    opened.m_workspace = (*file)->workspace();
    opened.m_warnings = opened.m_workspace.warnings();
    opened.m_file = std::move(*file);
    return opened;
}

Result<OpenedWorkspace> OpenedWorkspace::open(const QString &pathOrProfile,
                                              const QString &connectionName)
{
    switch (classify(pathOrProfile)) {
    case Target::SettingsFile:
        return openSettingsFile(pathOrProfile, connectionName);
    case Target::Sqlite:
        return openDatabase(ConnectionProfile::sqliteFile(pathOrProfile), connectionName);
    case Target::McphubDatabase: {
        auto profile
            = ConnectionProfile::fromConninfo(pathOrProfile.mid(kMcphubDatabasePrefix.size()));
        if (!profile)
            return profile.error();
        profile->mcphubDatabase = true;
        return openDatabase(*profile, connectionName);
    }
    case Target::Profile:
        break;
    }
    return openProfile(pathOrProfile, connectionName);
}

QString OpenedWorkspace::mcphubDatabaseEntry(const ConnectionProfile &profile)
{
    QString entry = kMcphubDatabasePrefix + QStringLiteral("postgresql://");
    if (!profile.user.isEmpty())
        entry += QString::fromUtf8(QUrl::toPercentEncoding(profile.user)) + QLatin1Char('@');
    QStringList hosts;
    for (qsizetype i = 0; i < profile.hosts.size(); ++i)
        hosts << profile.hosts.at(i) + QLatin1Char(':')
                     + QString::number(profile.hostPorts.value(i, profile.port));
    entry += hosts.join(QLatin1Char(',')) + QLatin1Char('/')
             + QString::fromUtf8(QUrl::toPercentEncoding(profile.database));
    if (!profile.sslMode.isEmpty())
        entry += QStringLiteral("?sslmode=") + profile.sslMode;
    return entry;
}

OpenedWorkspace::OpenedWorkspace(OpenedWorkspace &&other) noexcept
{
    *this = std::move(other);
}

OpenedWorkspace &OpenedWorkspace::operator=(OpenedWorkspace &&other) noexcept
{
    if (this == &other)
        return *this;
    m_workspace = std::exchange(other.m_workspace, Workspace());
    m_file = std::move(other.m_file);
    m_binding = std::move(other.m_binding);
    m_warnings = std::move(other.m_warnings);
    m_drift = std::move(other.m_drift);
    return *this;
}

OpenedWorkspace::~OpenedWorkspace() = default;

RepositoryContext OpenedWorkspace::context(const QString &actor) const
{
    return m_file ? m_file->context(actor) : m_workspace.context(actor);
}

QString OpenedWorkspace::displayName() const
{
    return m_file ? m_file->settingsPath() : m_workspace.profile().displayName();
}

bool OpenedWorkspace::releaseBindingFor(const QString &sourcePath)
{
    if (!m_binding
        || SettingsFileStore::realPath(m_binding->path())
               != SettingsFileStore::realPath(sourcePath))
        return false;
    m_binding->uninstall();
    return true;
}

void OpenedWorkspace::close()
{
    m_binding.reset(); // uninstalls the commit hook
    if (m_file)
        m_file.reset();
    else if (!m_workspace.connectionName().isEmpty())
        m_workspace.close();
}

} // namespace mcphub
