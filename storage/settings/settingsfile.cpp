#include "storage/settings/settingsfile.h"

#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace mcphub {

SettingsDocument::DiskState SettingsFile::stat(const QString &path)
{
    SettingsDocument::DiskState disk;
    const QFileInfo info(path);
    disk.exists = info.exists();
    if (disk.exists) {
        disk.size = info.size();
        disk.modified = info.lastModified().toUTC();
    }
    return disk;
}

Result<SettingsFile::Content> SettingsFile::read(const QString &path, qint64 maxSize)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        const int error = errno;
        if (error == ENOENT) {
            return Error::make(
                Error::Code::NotFound, tr("The file does not exist. Check the path."), path);
        }
        return Error::make(Error::Code::Io,
                           tr("Cannot reach the file. Check the path and the permissions of its "
                              "folders."),
                           path,
                           QString::fromLocal8Bit(std::strerror(error)));
    }
    if (S_ISDIR(st.st_mode)) {
        return Error::make(Error::Code::Io,
                           tr("This is a folder, not a file. Give the path of the settings file "
                              "itself, such as %1/mcp_settings.json.")
                               .arg(path),
                           path);
    }
    if (!S_ISREG(st.st_mode)) {
        return Error::make(Error::Code::Io,
                           tr("This is not a regular file (it may be a pipe or a device). Give "
                              "the path of the settings file itself."),
                           path);
    }
    if (st.st_size > maxSize) {
        return Error::make(Error::Code::Io,
                           tr("The file is %1 MB, more than the %2 MB a settings file may have. "
                              "It is probably not a settings file, or something filled it by "
                              "mistake. Check it; the console does not open it.")
                               .arg(double(st.st_size) / (1024 * 1024), 0, 'f', 1)
                               .arg(maxSize / (1024 * 1024)),
                           path);
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(Error::Code::Io,
                           tr("Cannot open the file for reading. Check its permissions."),
                           path,
                           file.errorString());
    }
    Content content;
    // The state of what is read, taken from the open file: a rename over the path meanwhile
    // does not change it.
    struct stat opened;
    if (::fstat(file.handle(), &opened) == 0) {
        content.disk.exists = true;
        content.disk.size = opened.st_size;
        content.disk.modified = QDateTime::fromMSecsSinceEpoch(
            qint64(opened.st_mtim.tv_sec) * 1000 + opened.st_mtim.tv_nsec / 1000000, Qt::UTC);
    }
    content.bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        return Error::make(
            Error::Code::Io, tr("Could not read the whole file."), path, file.errorString());
    }
    return content;
}

} // namespace mcphub
