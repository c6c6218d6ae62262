#include "storage/settings/settingsfilestore.h"

#include "storage/logging.h"
#include "storage/settings/atomicfilewriter.h"
#include "storage/settings/mcphubjsonwriter.h"
#include "storage/settings/settingsbackups.h"
#include "storage/settings/settingsfile.h"
#include "storage/settings/settingsfilelock.h"
#include "storage/settings/settingsvalidator.h"

#include <QFile>
#include <QFileInfo>

namespace mcphub {

QString SettingsFileStore::realPath(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists())
        return info.canonicalFilePath();
    // A new file: resolve the folder, keep the name.
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    return folder.isEmpty() ? info.absoluteFilePath() : folder + QLatin1Char('/') + info.fileName();
}

Result<SettingsDocument> SettingsFileStore::load(const QString &path, const LoadOptions &options)
{
    const auto content = SettingsFile::read(realPath(path), options.maxFileSize);
    if (!content) {
        Error error = content.error();
        error.where = path;
        return error;
    }
    auto document = SettingsDocument::parse(content->bytes, path);
    if (!document)
        return document.error();
    document->setPath(path);
    document->setSource(content->bytes, content->disk, SettingsDocument::SourceOrigin::File);
    return document;
}

Result<QList<Finding>> SettingsFileStore::validateForSave(const SettingsDocument &document,
                                                          const SaveOptions &options)
{
    QList<Finding> findings = SettingsValidator::validate(document);
    const qsizetype errors = countSeverity(findings, Finding::Severity::Error);
    const qsizetype warnings = countSeverity(findings, Finding::Severity::Warning);
    if (errors == 0 && (warnings == 0 || options.allowWarnings))
        return findings;
    const auto first = std::find_if(findings.cbegin(), findings.cend(), [&](const Finding &f) {
        return errors == 0 || f.severity == Finding::Severity::Error;
    });
    const QString message
        = errors > 0 ? tr("The settings have errors (%1), so they were not saved. Correct them "
                          "first.")
                           .arg(errors)
                     : tr("The settings have warnings (%1), so they were not saved. Review them; "
                          "they can be saved with their warnings.")
                           .arg(warnings);
    Error error = Error::make(
        Error::Code::Invalid, message, document.path(), first->toString(document.path()));
    if (errors == 0)
        error.remedy = Error::Remedy::AllowWarnings;
    return error;
}

Result<SaveReport> SettingsFileStore::save(SettingsDocument &document, const SaveOptions &options)
{
    return save(document, options, Output::McpHubFormat);
}

Result<SaveReport>
SettingsFileStore::save(SettingsDocument &document, const SaveOptions &options, Output output)
{
    if (document.path().isEmpty()) {
        return Error::make(Error::Code::Generic,
                           tr("The settings have no file to be saved to. Choose a file."));
    }
    // Validate before taking the lock: on a large file it is the slow part.
    const auto findings = validateForSave(document, options);
    if (!findings)
        return findings.error();
    const QString real = realPath(document.path());
    SettingsFileLock lock(real);
    if (auto locked = lock.acquire(options.lockTimeout); !locked)
        return locked.error();
    return saveLocked(document, real, options, *findings, output);
}

Result<SaveReport>
SettingsFileStore::modify(const QString &path, const Edit &edit, const SaveOptions &options)
{
    const QString real = realPath(path);
    SettingsFileLock lock(real);
    if (auto locked = lock.acquire(options.lockTimeout); !locked)
        return locked.error();
    LoadOptions loadOptions;
    loadOptions.maxFileSize = options.maxFileSize;
    auto document = load(path, loadOptions);
    if (!document)
        return document.error();
    if (auto edited = edit(*document); !edited)
        return edited.error();
    const auto findings = validateForSave(*document, options);
    if (!findings)
        return findings.error();
    return saveLocked(*document, real, options, *findings, Output::McpHubFormat);
}

Result<SaveReport> SettingsFileStore::saveLocked(SettingsDocument &document,
                                                 const QString &real,
                                                 const SaveOptions &options,
                                                 const QList<Finding> &findings,
                                                 Output output)
{
    const QString &path = document.path();
    QByteArray bytes;
    if (output == Output::SourceText) {
        bytes = document.sourceText();
    } else if (auto text = McpHubJsonWriter::writeAtMost(document.json(), options.maxFileSize)) {
        bytes = std::move(*text);
    } else {
        // MCPHub's format indents every level, so a small but deeply nested document can grow
        // past what load() accepts: never write a file the store then refuses to open.
        return Error::make(Error::Code::Invalid,
                           tr("In MCPHub's format the settings would be more than the %1 MB a "
                              "settings file may have, so they were not saved (the file could "
                              "not be opened again). Remove deeply nested or very large values.")
                               .arg(options.maxFileSize / (1024 * 1024)),
                           path);
    }
    const auto origin = output == Output::SourceText ? SettingsDocument::SourceOrigin::File
                                                     : SettingsDocument::SourceOrigin::Writer;
    SaveReport report;
    report.findings = findings;

    // What is on disk now, against what the document was loaded from.
    const SettingsDocument::DiskState now = SettingsFile::stat(real);
    bool changed = false;
    QByteArray current;
    if (now.exists) {
        const SettingsDocument::DiskState &loaded = document.diskState();
        changed = !loaded.exists || now.size != loaded.size;
        if (!changed || options.force) {
            const auto content = SettingsFile::read(real, options.maxFileSize);
            if (!content) {
                Error error = content.error();
                error.where = path;
                return error;
            }
            current = content->bytes;
            changed = changed || current != document.sourceText();
        }
    } else {
        changed = document.diskState().exists;
    }
    if (changed && !options.force) {
        const QString message
            = !now.exists
                  ? tr("The file was deleted or moved since it was loaded. Your changes were not "
                       "saved; save again with force to create it anew.")
              : document.diskState().exists
                  ? tr("The file changed on disk since it was loaded (MCPHub or someone else "
                       "wrote it). Your changes were not saved.")
                  : tr("A file already exists here and was not loaded. It was not replaced: "
                       "load it first, or save with force to replace it (its content is kept "
                       "as a backup).");
        Error error = Error::make(Error::Code::Conflict, message, path);
        if (now.exists && document.diskState().exists)
            error.remedy = Error::Remedy::Reload;
        return error;
    }
    if (now.exists && changed) {
        // Forced over someone else's content: never over a file that is not JSON, unless
        // restoring; and that content is kept however backups are set.
        const auto readable = SettingsDocument::parse(current, path);
        if (!readable && !options.replaceUnreadable) {
            return Error::make(Error::Code::Parse,
                               tr("The file on disk is not valid JSON now, and the console never "
                                  "writes over a file it cannot read. Correct or move it, or "
                                  "restore a backup."),
                               readable.error().where,
                               readable.error().message);
        }
    }
    // (Here `current` has been read whenever the file exists.)
    if (now.exists && current == bytes) {
        document.setSource(current, now, origin);
        return report; // already exactly this content: no write, no backup, no new mtime
    }

    AtomicFileWriter writer(real);
    if (!options.stagedPath.isEmpty())
        writer.setStagedPath(options.stagedPath);
    if (auto written = writer.write(bytes); !written)
        return written.error();
    if (now.exists && (options.keepBackups > 0 || changed)) {
        const auto backup = SettingsBackups::create(real, options.keepBackups, options.maxFileSize);
        if (!backup)
            return backup.error();
        report.backupPath = *backup;
    }
    if (options.beforeReplace) {
        if (auto ready = options.beforeReplace(); !ready) {
            if (!report.backupPath.isEmpty() && !QFile::remove(report.backupPath))
                qCWarning(lcSettings) << "could not remove the unused backup" << report.backupPath;
            return ready.error(); // the writer drops the staged content
        }
        writer.keepStaged(); // what beforeReplace committed must reach the file, now or later
    }
    if (auto committed = writer.commit(); !committed) {
        // The old content is still in place; a backup of it is no snapshot of anything.
        if (!report.backupPath.isEmpty() && !QFile::remove(report.backupPath))
            qCWarning(lcSettings) << "could not remove the unused backup" << report.backupPath;
        return committed.error();
    }
    report.written = true;
    document.setSource(bytes, SettingsFile::stat(real), origin);
    qCDebug(lcSettings) << "saved" << real << bytes.size() << "bytes; backup" << report.backupPath;
    return report;
}

} // namespace mcphub
