#pragma once

#include "storage/result.h"
#include "storage/settings/settingsdocument.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace mcphub {

// Reading one settings-sized file whole, with the checks every reader needs: it exists, is a
// regular file (not a folder, not a pipe that would block), is not larger than a limit, and
// can be read. Shared by SettingsFileStore and SettingsBackups.
class SettingsFile
{
    Q_DECLARE_TR_FUNCTIONS(SettingsFile)

public:
    struct Content
    {
        QByteArray bytes;
        SettingsDocument::DiskState disk;
    };

    static Result<Content> read(const QString &path, qint64 maxSize);
    // Only the disk state (exists, size, modification time); never fails.
    static SettingsDocument::DiskState stat(const QString &path);
};

} // namespace mcphub
