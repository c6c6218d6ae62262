#pragma once

#include "storage/result.h"
#include "storage/settings/finding.h"
#include "storage/settings/settingsdocument.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <chrono>
#include <functional>

namespace mcphub {

struct LoadOptions
{
    // Larger files are refused: no MCPHub settings file comes near this, and reading one
    // that does would only hide what went wrong.
    qint64 maxFileSize = 32 * 1024 * 1024;
};

struct SaveOptions
{
    bool allowWarnings = false; // save although validation found warnings (errors never)
    bool force = false;         // replace the file although it changed on disk since loaded
    // Replace even a file that is not valid JSON (restoring a backup over a broken file).
    // Its content is backed up first, even when keepBackups is 0.
    bool replaceUnreadable = false;
    int keepBackups = 10; // newest backups kept beside the file; 0 makes none
    std::chrono::milliseconds lockTimeout{10000};
    qint64 maxFileSize = LoadOptions().maxFileSize;
    // Dual-write (SettingsFileBinding): the new content is staged under this name beside the
    // file (AtomicFileWriter::setStagedPath) and `beforeReplace` runs, with the lock held,
    // between "staged and backed up" and "renamed over the file"; the file is replaced only
    // when it succeeds. A failure removes the staged file and the backup and is returned. A
    // rename that fails after `beforeReplace` succeeded keeps the staged file for recovery.
    // Not called when the file already holds exactly the new content.
    QString stagedPath;
    std::function<Result<void>()> beforeReplace;
};

struct SaveReport
{
    bool written = false;    // false: the file already held exactly this content
    QString backupPath;      // the copy of the replaced content, when one was made
    QList<Finding> findings; // what validation found (only warnings, or nothing)
};

// Loads and saves MCPHub settings files so that nothing is ever lost:
// - save validates first and refuses errors (warnings only with allowWarnings);
// - it holds the file's lock (SettingsFileLock) while it checks and writes;
// - it refuses when the file changed on disk since the document was loaded (MCPHub rewrites
//   the file by itself), unless forced; forcing keeps the other content as a backup;
// - it never writes over a file that is not valid JSON, unless told to (restore);
// - before replacing, it keeps the old content as a backup (SettingsBackups);
// - it replaces atomically and durably (AtomicFileWriter), keeping permissions and owner;
// - it writes exactly what MCPHub writes (McpHubJsonWriter), and nothing at all when the
//   file already holds those bytes.
// Symbolic links are followed: the lock, the backups and the write are at the real file.
// Every function is safe to call from any thread; documents are not shared between threads.
class SettingsFileStore
{
    Q_DECLARE_TR_FUNCTIONS(SettingsFileStore)

public:
    static Result<SettingsDocument> load(const QString &path, const LoadOptions &options = {});

    // Saves `document` to document.path(). On success the document's source text and disk
    // state become what was written, so the next save compares against it.
    static Result<SaveReport> save(SettingsDocument &document, const SaveOptions &options = {});

    // A locked read-modify-write: takes the lock, loads, lets `edit` change the document,
    // saves, releases. Nothing can change the file (through this store) in between.
    using Edit = std::function<Result<void>(SettingsDocument &)>;
    static Result<SaveReport>
    modify(const QString &path, const Edit &edit, const SaveOptions &options = {});

    // The path with symbolic links resolved, where the store reads and writes.
    static QString realPath(const QString &path);

private:
    // What a save writes: MCPHub's format, or (restoring a backup, which must come back byte
    // for byte) the document's source text, which the caller guarantees is unedited.
    enum class Output { McpHubFormat, SourceText };
    friend class SettingsBackups;

    static Result<SaveReport>
    save(SettingsDocument &document, const SaveOptions &options, Output output);
    static Result<QList<Finding>> validateForSave(const SettingsDocument &document,
                                                  const SaveOptions &options);
    static Result<SaveReport> saveLocked(SettingsDocument &document,
                                         const QString &real,
                                         const SaveOptions &options,
                                         const QList<Finding> &findings,
                                         Output output);
};

} // namespace mcphub
