#include "storage/settings/atomicfilewriter.h"

#include "storage/logging.h"

#include <QFile>
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
    if (m_stagedWritten && !m_keepStaged)
        QFile::remove(m_staged);
}

namespace {

// Gives `fd` the permissions and owner of `metadataFrom`, when that file exists, and
// `newFileMode` when it does not. False (errno set) when a new file's mode cannot be set.
bool copyMetadata(int fd, const QString &metadataFrom, int newFileMode)
{
    struct stat original;
    if (::stat(QFile::encodeName(metadataFrom).constData(), &original) != 0)
        return ::fchmod(fd, mode_t(newFileMode)) == 0;
    struct stat fresh;
    if (::fstat(fd, &fresh) != 0)
        return true;
    // Secrets in settings files must not become readable.
    if ((fresh.st_mode & 07777) != (original.st_mode & 07777))
        ::fchmod(fd, original.st_mode & 07777);
    // Only root may give a file away; for anyone else this fails harmlessly.
    if ((fresh.st_uid != original.st_uid || fresh.st_gid != original.st_gid)
        && ::fchown(fd, original.st_uid, original.st_gid) != 0) {
        [[maybe_unused]] const int ignored = ::fchown(fd, uid_t(-1), original.st_gid);
    }
    return true;
}

} // namespace

Result<void> AtomicFileWriter::writeStaged(const QByteArray &bytes)
{
    const QByteArray name = QFile::encodeName(m_staged);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        return Error::make(Error::Code::Io,
                           tr("Cannot create a temporary file in the folder %1. Saving safely "
                              "needs a writable folder; check that it exists and that you may "
                              "write there. The file was not changed.")
                               .arg(QFileInfo(m_path).absolutePath()),
                           m_staged,
                           reason);
    }
    m_stagedWritten = true; // from here on the destructor removes it
    copyMetadata(fd, m_metadataFrom, m_newFileMode);
    qint64 done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += n;
    }
    const int writeErrno = errno;
    const bool synced = done == bytes.size() && ::fsync(fd) == 0;
    const int syncErrno = errno;
    ::close(fd);
    if (!synced) {
        const QString reason
            = QString::fromLocal8Bit(std::strerror(done == bytes.size() ? syncErrno : writeErrno));
        return Error::make(Error::Code::Io,
                           tr("Could not write the new content to the disk; it may be full. The "
                              "file was not changed."),
                           m_path,
                           reason);
    }
    // The staged name must survive as long as a database may commit on the strength of it.
    return syncFolder(QFileInfo(m_staged).absolutePath());
}

Result<void> AtomicFileWriter::commitStaged()
{
    if (::rename(QFile::encodeName(m_staged).constData(), QFile::encodeName(m_path).constData())
        != 0) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        return Error::make(Error::Code::Io,
                           tr("Could not replace the file with its new content. The file was not "
                              "changed."),
                           m_path,
                           reason);
    }
    m_stagedWritten = false;
    if (auto synced = syncFolder(QFileInfo(m_path).absolutePath()); !synced)
        qCWarning(lcSettings) << synced.error().toString();
    return {};
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
    if (!m_staged.isEmpty())
        return writeStaged(bytes);
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
    // QSaveFile copies the permissions of the file it replaces; a copy elsewhere (a backup)
    // gets them here, and a new file is private whatever the umask says.
    if (!copyMetadata(m_file.handle(), m_metadataFrom, m_newFileMode))
        return ioError(tr("Cannot set the permissions of the new file. It was not written."),
                       errno);
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
    if (!m_staged.isEmpty())
        return commitStaged();
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
