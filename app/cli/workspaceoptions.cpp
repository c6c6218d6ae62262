#include "app/cli/workspaceoptions.h"

#include "app/common/appsetup.h"
#include "storage/db/profilestore.h"

#include <QCoreApplication>

namespace mcphub::cli {

WorkspaceOptions::WorkspaceOptions()
    : m_profile(QStringLiteral("profile"),
                QCoreApplication::translate("WorkspaceOptions",
                                            "Open the workspace of this saved connection profile."),
                QCoreApplication::translate("WorkspaceOptions", "name"))
    , m_sqlite(QStringLiteral("sqlite"),
               QCoreApplication::translate("WorkspaceOptions", "Open this SQLite workspace file."),
               QCoreApplication::translate("WorkspaceOptions", "path"))
    , m_pg(QStringLiteral("pg"),
           QCoreApplication::translate(
               "WorkspaceOptions",
               "Open this PostgreSQL workspace: \"host=... port=... dbname=... user=...\" or a "
               "postgresql:// URI, as psql takes it."),
           QCoreApplication::translate("WorkspaceOptions", "conninfo"))
    , m_file(QStringLiteral("file"),
             QCoreApplication::translate(
                 "WorkspaceOptions",
                 "Work on this MCPHub settings file directly: every change is validated, "
                 "backed up and saved to it atomically, in MCPHub's format."),
             QCoreApplication::translate("WorkspaceOptions", "settings.json"))
{}

void WorkspaceOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOption(m_profile);
    parser.addOption(m_sqlite);
    parser.addOption(m_pg);
    parser.addOption(m_file);
}

Result<ConnectionProfile> WorkspaceOptions::profile(const QCommandLineParser &parser,
                                                    QStringList *warnings) const
{
    const int chosen = int(parser.isSet(m_profile)) + int(parser.isSet(m_sqlite))
                       + int(parser.isSet(m_pg)) + int(parser.isSet(m_file));
    if (chosen > 1) {
        return Error::make(
            Error::Code::Invalid,
            QCoreApplication::translate("WorkspaceOptions",
                                        "Give only one of --profile, --sqlite, --pg and --file."),
            QStringLiteral("--profile/--sqlite/--pg/--file"));
    }
    if (parser.isSet(m_file)) {
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate(
                               "WorkspaceOptions",
                               "This command needs a workspace database; a settings file has "
                               "none of its own. Give --sqlite, --pg or --profile instead."),
                           QStringLiteral("--file"));
    }
    if (parser.isSet(m_sqlite))
        return ConnectionProfile::sqliteFile(parser.value(m_sqlite));
    if (parser.isSet(m_pg))
        return ConnectionProfile::fromConninfo(parser.value(m_pg), warnings);
    if (parser.isSet(m_profile)) {
        QString warning;
        auto loaded = ProfileStore().load(parser.value(m_profile), &warning);
        if (!warning.isEmpty() && warnings)
            warnings->append(warning);
        return loaded;
    }
    return ConnectionProfile::sqliteFile(defaultSqliteWorkspacePath());
}

} // namespace mcphub::cli

namespace mcphub::cli {

Result<OpenedWorkspace> WorkspaceOptions::open(const QCommandLineParser &parser,
                                               const QString &connectionName,
                                               QStringList *warnings) const
{
    OpenedWorkspace opened;
    if (parser.isSet(m_file)) {
        if (parser.isSet(m_profile) || parser.isSet(m_sqlite) || parser.isSet(m_pg))
            return profile(parser, warnings).error(); // names the clash
        auto file = SettingsFileWorkspace::open(parser.value(m_file), connectionName);
        if (!file)
            return file.error();
        opened.workspace = (*file)->workspace();
        opened.file = std::move(*file);
        return opened;
    }
    const auto chosen = profile(parser, warnings);
    if (!chosen)
        return chosen.error();
    auto ws = Workspace::open(*chosen, connectionName);
    if (!ws)
        return ws.error();
    if (warnings)
        warnings->append(ws->warnings());
    opened.workspace = *ws;
    return opened;
}

} // namespace mcphub::cli
