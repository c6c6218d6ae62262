#pragma once

#include "storage/db/workspace.h"
#include "storage/migration/settingsfileworkspace.h"

#include <memory>

namespace mcphub::cli {

// The workspace a command opened from its options: a database, or (--file) a settings file
// in its private database, whose every commit also saves the file. Move-only; close() (or
// destruction) closes the connection and, for a file, deletes the private database.
struct OpenedWorkspace
{
    Workspace workspace;
    std::unique_ptr<SettingsFileWorkspace> file;

    RepositoryContext context() const { return file ? file->context() : workspace.context(); }
    QString displayName() const
    {
        return file ? file->settingsPath() : workspace.profile().displayName();
    }
    void close()
    {
        if (file)
            file.reset();
        else
            workspace.close();
    }
};

} // namespace mcphub::cli
