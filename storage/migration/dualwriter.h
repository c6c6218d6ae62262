#pragma once

#include "storage/db/repositorycontext.h"
#include "storage/result.h"

#include <QString>

#include <functional>

namespace mcphub {

// One dual-written change, for callers that have no bound workspace: apply() loads the
// settings file, runs `change` in a database transaction and saves the whole settings
// document the database then holds to the file as one unit with the COMMIT, through
// SettingsFileBinding::commitWith (the same code a profile bound to a settings file runs on
// every commit): the save refuses a file that changed on disk since apply() began, a failed
// save rolls the database back, and a failed commit leaves the file untouched. On the
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
