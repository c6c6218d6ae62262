#include "app/cli/workspaceoptions.h"

#include "app/common/appsetup.h"
#include "storage/db/profilestore.h"

#include <QCoreApplication>

namespace mcphub::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("WorkspaceOptions", text);
}

} // namespace

WorkspaceOptions::WorkspaceOptions()
    : m_profile(QStringLiteral("profile"),
                tr("Open the workspace of this saved connection profile."),
                tr("name"))
    , m_sqlite(QStringLiteral("sqlite"), tr("Open this SQLite workspace file."), tr("path"))
    , m_pg(QStringLiteral("pg"),
           tr("Open this PostgreSQL workspace: \"host=... port=... dbname=... user=...\" or a "
              "postgresql:// URI, as psql takes it."),
           tr("conninfo"))
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
        return Error::make(Error::Code::Invalid,
                           tr("Give only one of --profile, --sqlite and --pg."),
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
