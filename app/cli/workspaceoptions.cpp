#include "app/cli/workspaceoptions.h"

#include "app/common/appsetup.h"
#include "storage/db/profilestore.h"

#include <QCoreApplication>

namespace mcphub::cli {

namespace {} // namespace

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
{}

void WorkspaceOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOption(m_profile);
    parser.addOption(m_sqlite);
    parser.addOption(m_pg);
}

Result<ConnectionProfile> WorkspaceOptions::profile(const QCommandLineParser &parser,
                                                    QStringList *warnings) const
{
    const int chosen
        = int(parser.isSet(m_profile)) + int(parser.isSet(m_sqlite)) + int(parser.isSet(m_pg));
    if (chosen > 1) {
        return Error::make(
            Error::Code::Invalid,
            QCoreApplication::translate("WorkspaceOptions",
                                        "Give only one of --profile, --sqlite and --pg."),
            QStringLiteral("--profile/--sqlite/--pg"));
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
