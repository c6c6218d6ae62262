#pragma once

#include "storage/result.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <QString>

namespace mcphub {

// Replaces a file's content atomically and durably: the bytes go to a temporary file in the
// same folder (QSaveFile; on Linux an unnamed O_TMPFILE, so a crash leaves nothing behind),
// are fsync'ed, renamed over the target, and the folder is fsync'ed so that the rename itself
// survives a power cut. A reader sees the old file or the new one, never a mix; a write that
// fails (a full disk, a quota) is reported with the system's reason and leaves no file.
// Keeps the replaced file's permissions (QSaveFile does) and, when allowed, its owner and
// group: a console run as root must not leave MCPHub's file owned by root. A new file is
// private (0600) unless told otherwise: what the tool writes holds settings, hashes, secrets.
// Two steps, so that a caller can act between "the new content is safely on disk" and
// "it replaces the old" (SettingsFileStore makes the backup there).
// Every file the storage layer and the CLI write goes through this class.
class AtomicFileWriter
{
    Q_DECLARE_TR_FUNCTIONS(AtomicFileWriter)

public:
    // `metadataFrom`: the file whose permissions, owner and group the result takes; by
    // default the file being replaced. When it does not exist, the result is new: mode
    // newFileMode().
    explicit AtomicFileWriter(const QString &path, const QString &metadataFrom = {});
    ~AtomicFileWriter(); // discards the temporary file unless committed

    // The mode of a file with nothing to take its permissions from; 0600 by default. Output
    // meant for other users (a metrics file a collector reads) says 0644.
    void setNewFileMode(int mode) { m_newFileMode = mode; }
    int newFileMode() const { return m_newFileMode; }
    // Stages the new content under `stagedPath`, a named file in the same folder, instead of
    // an unnamed temporary one, so that a process killed between write() and commit() leaves
    // it where a later run finds it (dual-write, SettingsFileBinding). Created exclusively with
    // mode 0600, then given the metadata file's permissions and owner; write() also syncs the
    // folder, so the name itself is durable. Call before write().
    void setStagedPath(const QString &stagedPath) { m_staged = stagedPath; }
    // Leaves the staged file in place when the writer is destroyed without commit().
    void keepStaged() { m_keepStaged = true; }

    // Writes and syncs the temporary file; the target is untouched.
    Result<void> write(const QByteArray &bytes);
    // Renames the temporary file over the target and syncs the folder. Fails only when the
    // target still has its old content.
    Result<void> commit();

    // write() then commit(): the whole file or, on any failure, the old one (or none).
    static Result<void>
    writeFile(const QString &path, const QByteArray &bytes, const QString &metadataFrom = {});

    // fsync of a folder, making renames and new names in it durable.
    static Result<void> syncFolder(const QString &folder);

private:
    Error ioError(const QString &message, int error) const;
    Result<void> writeStaged(const QByteArray &bytes);
    Result<void> commitStaged();

    QString m_path;
    QString m_metadataFrom;
    int m_newFileMode = 0600;
    QSaveFile m_file;
    QString m_staged;
    bool m_stagedWritten = false;
    bool m_keepStaged = false;
};

} // namespace mcphub
