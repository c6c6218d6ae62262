#include "storage/settings/atomicfilewriter.h"

#include "storage/logging.h"

#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mcphub {

AtomicFileWriter::AtomicFileWriter(const QString &path, const QString &metadataFrom)
    : m_path(path)
    , m_metadataFrom(metadataFrom.isEmpty() ? path : metadataFrom)
    , m_file(path)
{}

AtomicFileWriter::~AtomicFileWriter()
{
    if (m_file.isOpen())
        m_file.cancelWriting(); // QSaveFile's destructor then drops the temporary file
}

Error AtomicFileWriter::ioError(const QString &message, int error) const
{
    // The system's reason ("No space left on device"); QSaveFile's own text is often
    // "Unknown error" once a write has failed.
    const QString reason
        = error != 0 ? QString::fromLocal8Bit(std::strerror(error)) : m_file.errorString();
    return Error::make(Error::Code::Io, message, m_path, reason);
}

Result<void> AtomicFileWriter::writeFile(const QString &path,
                                         const QByteArray &bytes,
                                         const QString &metadataFrom)
{
    AtomicFileWriter writer(path, metadataFrom);
    if (auto written = writer.write(bytes); !written)
        return written;
    return writer.commit();
}

Result<void> AtomicFileWriter::write(const QByteArray &bytes)
{
    const QString folder = QFileInfo(m_path).absolutePath();
    // Unbuffered: every write reaches the system at once, and a failure keeps its errno.
    errno = 0;
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        const int error = errno;
        return Error::make(Error::Code::Io,
                           tr("Cannot create a temporary file in the folder %1. Saving safely "
                              "needs a writable folder; check that it exists and that you may "
                              "write there. The file was not changed.")
                               .arg(folder),
                           m_path,
                           error != 0 ? QString::fromLocal8Bit(std::strerror(error))
                                      : m_file.errorString());
    }
    struct stat original;
    const int fd = m_file.handle();
    if (::stat(QFile::encodeName(m_metadataFrom).constData(), &original) != 0) {
        // A new file: private, whatever the umask says (QSaveFile creates it 0666 & ~umask).
        if (::fchmod(fd, mode_t(m_newFileMode)) != 0)
            return ioError(tr("Cannot set the permissions of the new file. It was not "
                              "written."),
                           errno);
    } else {
        struct stat fresh;
        if (::fstat(fd, &fresh) == 0) {
            // QSaveFile copies the permissions of the file it replaces; a copy elsewhere
            // (a backup) gets them here. Secrets in settings files must not become readable.
            if ((fresh.st_mode & 07777) != (original.st_mode & 07777))
                ::fchmod(fd, original.st_mode & 07777);
            // Only root may give a file away; for anyone else this fails harmlessly.
            if ((fresh.st_uid != original.st_uid || fresh.st_gid != original.st_gid)
                && ::fchown(fd, original.st_uid, original.st_gid) != 0) {
                [[maybe_unused]] const int ignored = ::fchown(fd, uid_t(-1), original.st_gid);
            }
        }
    }
    errno = 0;
    if (m_file.write(bytes) != bytes.size() || !m_file.flush()) {
        return ioError(tr("Could not write the new content; the disk may be full. The file was "
                          "not changed."),
                       errno);
    }
    // QSaveFile::commit() syncs too but ignores the result; a delayed-allocation filesystem
    // reports a full disk only here, so check it.
    if (::fsync(m_file.handle()) != 0) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        return Error::make(Error::Code::Io,
                           tr("Could not write the new content to the disk; it may be full. The "
                              "file was not changed."),
                           m_path,
                           reason);
    }
    return {};
}

Result<void> AtomicFileWriter::commit()
{
    errno = 0;
    if (!m_file.commit()) {
        return ioError(tr("Could not replace the file with its new content. The file was not "
                          "changed."),
                       errno);
    }
    // The new content is in place now; a failed folder sync only weakens durability against
    // a power cut, and reporting the save as failed would be wrong.
    if (auto synced = syncFolder(QFileInfo(m_path).absolutePath()); !synced)
        qCWarning(lcSettings) << synced.error().toString();
    return {};
}

Result<void> AtomicFileWriter::syncFolder(const QString &folder)
{
    const int fd
        = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        if (fd >= 0)
            ::close(fd);
        return Error::make(Error::Code::Io,
                           tr("The new content was written, but the folder could not be synced "
                              "to disk; a power cut now could undo the save."),
                           folder,
                           reason);
    }
    ::close(fd);
    return {};
}

} // namespace mcphub
