#pragma once

#include "storage/db/repositorycontext.h"
#include "storage/result.h"

#include <QString>

#include <functional>

namespace mcphub {

// Dual-write for the transition period: the database stays the source of truth and a bound
// settings file follows it. apply() runs a change in a database transaction, writes the
// whole settings document as the database then holds it to the file through the settings
// store (validated, locked, backed up, atomic, MCPHub's format; refused when the file changed
// on disk since apply() began), and commits only after the file was saved; a failed save
// rolls the database back, and a failed commit puts the file's previous bytes back. On the
// connection's thread.
class DualWriter
{
public:
    DualWriter(RepositoryContext context, QString settingsPath);

    const QString &settingsPath() const { return m_path; }
    Result<void> apply(const std::function<Result<void>()> &change);

private:
    RepositoryContext m_context;
    QString m_path;
};

} // namespace mcphub
