#pragma once

#include "storage/result.h"
#include "storage/settings/settingsdocument.h"
#include "storage/settings/settingsfilestore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace mcphub {

struct BackupInfo
{
    QString path;
    QDateTime time; // UTC, when the content was replaced (from the name)
    qint64 size = 0;
    bool readable = false; // parses as a settings document
    SettingsSummary summary;
    QString problem; // why it is not readable
};

// The backups beside a settings file: `<name>.backup.<UTC yyyyMMddTHHmmss.zzzZ>`, made by
// SettingsFileStore before each save, newest N kept. A backup is a hard link to the replaced
// file when the filesystem allows (the save then renames a new file over the name, so the
// link keeps the old content at no cost), else a copy with the same permissions and owner.
class SettingsBackups
{
    Q_DECLARE_TR_FUNCTIONS(SettingsBackups)

public:
    static QString pathFor(const QString &settingsPath, const QDateTime &utc);

    // Backups of the file, newest first, each read for its summary.
    static QList<BackupInfo> list(const QString &settingsPath);
    // Backup paths, oldest first, without reading them.
    static QStringList paths(const QString &settingsPath);

    // Keeps the current content of `settingsPath` as a new backup. With keep > 0, first
    // deletes the oldest so that at most `keep` remain, even if the caller is killed midway.
    // Called by SettingsFileStore with the file's lock held.
    static Result<QString> create(const QString &settingsPath, int keep, qint64 maxFileSize);

    // Restores a backup (a path, a file name in the settings folder, or its timestamp) byte
    // for byte, through a save: validated (errors block it), locked, and the content being
    // replaced backed up first. Restores over a file that is not valid JSON too.
    static Result<SaveReport>
    restore(const QString &settingsPath, const QString &backup, SaveOptions options = {});

    // Makes room for one more backup among `oldestFirst` (paths sorted oldest first): deletes
    // the oldest until fewer than `keep` remain. keep <= 0 deletes nothing. Also rotates the
    // migrator's backups (`<name>.migrate-<time>.bak`), so that they do not pile up either.
    static void makeRoom(QStringList oldestFirst, int keep);

    // The backup file that `backup` names, as restore() understands it.
    static Result<QString> find(const QString &settingsPath, const QString &backup);
};

} // namespace mcphub
