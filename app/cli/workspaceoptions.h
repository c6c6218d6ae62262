#pragma once

#include "app/cli/openedworkspace.h"
#include "storage/db/connectionprofile.h"
#include "storage/result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

namespace mcphub::cli {

// The options every workspace command takes, parsed in one place:
//   --profile NAME | --sqlite PATH | --pg CONNINFO | --file SETTINGS.json
// (none: the default SQLite workspace). --file opens a plain settings file as a workspace
// (SettingsFileWorkspace): every change is saved to the file through the settings store.
class WorkspaceOptions
{
public:
    WorkspaceOptions();
    void addTo(QCommandLineParser &parser) const;

    // The profile the options name; `warnings` receives translated notes (a password in
    // CONNINFO, a keychain that could not be read).
    // Refused with --file: for commands that need a database of their own (db, hubs).
    Result<ConnectionProfile> profile(const QCommandLineParser &parser,
                                      QStringList *warnings) const;

    // Opens the workspace the options name (any of the four) on `connectionName`.
    Result<OpenedWorkspace> open(const QCommandLineParser &parser,
                                 const QString &connectionName,
                                 QStringList *warnings) const;

private:
    QCommandLineOption m_profile;
    QCommandLineOption m_sqlite;
    QCommandLineOption m_pg;
    QCommandLineOption m_file;
};

} // namespace mcphub::cli
