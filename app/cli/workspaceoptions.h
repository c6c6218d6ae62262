#pragma once

#include "storage/db/connectionprofile.h"
#include "storage/result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

namespace mcphub::cli {

// The options every workspace command takes, parsed in one place:
//   --profile NAME | --sqlite PATH | --pg CONNINFO
// (none: the default SQLite workspace). A later --file SETTINGS.json adds itself here.
class WorkspaceOptions
{
public:
    WorkspaceOptions();
    void addTo(QCommandLineParser &parser) const;

    // The profile the options name; `warnings` receives translated notes (a password in
    // CONNINFO, a keychain that could not be read).
    Result<ConnectionProfile> profile(const QCommandLineParser &parser,
                                      QStringList *warnings) const;

private:
    QCommandLineOption m_profile;
    QCommandLineOption m_sqlite;
    QCommandLineOption m_pg;
};

} // namespace mcphub::cli
