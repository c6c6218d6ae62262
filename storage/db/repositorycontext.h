#pragma once

#include <QString>

namespace mcphub {

// What every repository needs to know about the workspace it writes to: the named connection
// (used on its own thread only), who acts (the OS user or the console's signed-in
// administrator, written to the audit trail), whether writes are refused, and the place to
// name in errors (the profile).
struct RepositoryContext
{
    QString connectionName;
    QString actor;
    bool readOnly = false;
    QString where; // "profile \"prod\"" or the SQLite path

    static QString defaultActor(); // the OS user name
};

} // namespace mcphub
