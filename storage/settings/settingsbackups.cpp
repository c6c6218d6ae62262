#include "storage/settings/settingsbackups.h"

#include "storage/logging.h"
#include "storage/settings/atomicfilewriter.h"
#include "storage/settings/settingsfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace mcphub {

namespace {

const QString kTimeFormat = QStringLiteral("yyyyMMdd'T'HHmmss.zzz'Z'");

QRegularExpression backupPattern(const QString &fileName)
{
    return QRegularExpression(QLatin1Char('^') + QRegularExpression::escape(fileName)
                              + QStringLiteral("\\.backup\\.(\\d{8}T\\d{6}\\.\\d{3}Z)$"));
}

QDateTime timeOf(const QString &backupPath, const QString &settingsPath)
{
    const auto match
        = backupPattern(QFileInfo(settingsPath).fileName()).match(QFileInfo(backupPath).fileName());
    if (!match.hasMatch())
        return {};
    QDateTime time = QDateTime::fromString(match.captured(1), kTimeFormat);
    time.setTimeSpec(Qt::UTC);
    return time;
}

bool sameInode(const QString &a, const QString &b)
{
    struct stat sa, sb;
    return ::stat(QFile::encodeName(a).constData(), &sa) == 0
           && ::stat(QFile::encodeName(b).constData(), &sb) == 0 && sa.st_dev == sb.st_dev
           && sa.st_ino == sb.st_ino;
}

} // namespace

QString SettingsBackups::pathFor(const QString &settingsPath, const QDateTime &utc)
{
    return settingsPath + QStringLiteral(".backup.") + utc.toUTC().toString(kTimeFormat);
}

QStringList SettingsBackups::paths(const QString &settingsPath)
{
    const QFileInfo info(settingsPath);
    const QRegularExpression pattern = backupPattern(info.fileName());
    QStringList result;
    const QDir folder = info.absoluteDir();
    const QStringList names = folder.entryList({info.fileName() + QStringLiteral(".backup.*")},
                                               QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &name : names) {
        if (pattern.match(name).hasMatch())
            result.append(folder.filePath(name));
    }
    std::sort(result.begin(), result.end()); // the UTC timestamps sort as text
    return result;
}

QList<BackupInfo> SettingsBackups::list(const QString &settingsPath)
{
    const QString real = SettingsFileStore::realPath(settingsPath);
    QList<BackupInfo> result;
    const QStringList all = paths(real);
    for (auto it = all.crbegin(); it != all.crend(); ++it) {
        BackupInfo info;
        info.path = *it;
        info.time = timeOf(*it, real);
        info.size = QFileInfo(*it).size();
        const auto content = SettingsFile::read(*it, LoadOptions().maxFileSize);
        if (!content) {
            info.problem = content.error().message;
        } else if (const auto document = SettingsDocument::parse(content->bytes, *it)) {
            info.readable = true;
            info.summary = document->summary();
        } else {
            info.problem = document.error().toString();
        }
        result.append(info);
    }
    return result;
}

Result<QString> SettingsBackups::create(const QString &settingsPath, int keep, qint64 maxFileSize)
{
    QStringList existing = paths(settingsPath);
    // A backup that still shares the live file's inode was linked by a save that was
    // interrupted before its rename: it is no snapshot, and a new one is made now.
    for (auto it = existing.begin(); it != existing.end();) {
        if (sameInode(*it, settingsPath) && QFile::remove(*it))
            it = existing.erase(it);
        else
            ++it;
    }
    makeRoom(existing, keep);

    QDateTime now = QDateTime::currentDateTimeUtc();
    QString backup = pathFor(settingsPath, now);
    while (QFileInfo::exists(backup)) { // two saves within one millisecond
        now = now.addMSecs(1);
        backup = pathFor(settingsPath, now);
    }

    if (::link(QFile::encodeName(settingsPath).constData(), QFile::encodeName(backup).constData())
        == 0)
        return backup;
    const int error = errno;
    if (error != EXDEV && error != EPERM && error != EOPNOTSUPP && error != EMLINK
        && error != ENOSYS) {
        return Error::make(Error::Code::Io,
                           tr("Could not make the backup copy, so the file was not changed. "
                              "Check that the folder is writable and not full."),
                           backup,
                           QString::fromLocal8Bit(std::strerror(error)));
    }
    // No hard links on this filesystem: copy.
    const auto content = SettingsFile::read(settingsPath, maxFileSize);
    if (!content)
        return content.error();
    AtomicFileWriter writer(backup, settingsPath);
    if (auto written = writer.write(content->bytes); !written)
        return written.error();
    if (auto committed = writer.commit(); !committed)
        return committed.error();
    return backup;
}

void SettingsBackups::makeRoom(QStringList oldestFirst, int keep)
{
    if (keep <= 0)
        return;
    while (oldestFirst.size() >= keep) {
        const QString oldest = oldestFirst.takeFirst();
        if (!QFile::remove(oldest))
            qCWarning(lcSettings) << "could not delete an old backup" << oldest;
    }
}

Result<QString> SettingsBackups::find(const QString &settingsPath, const QString &backup)
{
    const QString real = SettingsFileStore::realPath(settingsPath);
    const QStringList all = paths(real);
    for (const QString &candidate : all) {
        const QString name = QFileInfo(candidate).fileName();
        if (name == backup || name.endsWith(QStringLiteral(".backup.") + backup)
            || QFileInfo(backup).absoluteFilePath() == candidate
            || SettingsFileStore::realPath(backup) == candidate) {
            return candidate;
        }
    }
    // Any other readable file may be restored too, when named by its path.
    if (QFileInfo(backup).isFile())
        return QFileInfo(backup).absoluteFilePath();
    return Error::make(Error::Code::NotFound,
                       tr("There is no backup \"%1\" of this file. List the backups to see their "
                          "names.")
                           .arg(backup),
                       settingsPath);
}

Result<SaveReport>
SettingsBackups::restore(const QString &settingsPath, const QString &backup, SaveOptions options)
{
    const auto source = find(settingsPath, backup);
    if (!source)
        return source.error();
    const auto content = SettingsFile::read(*source, options.maxFileSize);
    if (!content)
        return content.error();
    auto document = SettingsDocument::parse(content->bytes, *source);
    if (!document) {
        Error error = document.error();
        error.message = tr("The backup cannot be restored: %1").arg(error.message);
        return error;
    }
    document->setPath(settingsPath);
    // The backup replaces whatever the file holds now, even a broken file; that content is
    // kept as a backup first. It comes back byte for byte, as it was.
    options.force = true;
    options.replaceUnreadable = true;
    qCDebug(lcSettings) << "restoring" << *source << "over" << settingsPath;
    return SettingsFileStore::save(*document, options, SettingsFileStore::Output::SourceText);
}

} // namespace mcphub
