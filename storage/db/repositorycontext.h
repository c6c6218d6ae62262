#pragma once

#include "storage/db/workspacekind.h"

#include <QString>

namespace mcphub {

// What every repository needs to know about the workspace it writes to: the named connection
// (used on its own thread only), who acts (the OS user or the console's signed-in
// administrator, written to the audit trail), whether writes are refused, the place to
// name in errors (the profile), and the kind of workspace (what it can store).
struct RepositoryContext
{
    QString connectionName;
    QString actor;
    bool readOnly = false;
    QString where; // "profile \"prod\"" or the SQLite path
    WorkspaceKind kind = WorkspaceKind::ConsoleDatabase;
    // The profile's Redis URL: when set, each committed settings change also goes into the
    // change outbox (ChangeFeed) for the Redis deliverer.
    QString redisUrl;

    static QString defaultActor(); // the OS user name
};

} // namespace mcphub
