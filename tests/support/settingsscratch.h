#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace mcphub::test {

// A scratch folder for settings-file tests, under /tmp and readable by every user (so that a
// child dropped to "nobody" can reach it), with helpers to look at what a save left there.
class SettingsScratch
{
public:
    SettingsScratch();

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    // Every name in the folder, sorted.
    QStringList entries() const;
    // Names that are neither the settings file, its lock, nor its backups: stray temporaries.
    QStringList strays(const QString &settingsName) const;

private:
    QTemporaryDir m_dir;
};

// Runs tests/bin/settingshelper with `arguments`; `modifier` runs in the child before exec
// (to set a resource limit or drop privileges). Returns the finished process's exit code, or
// -1 when it did not finish normally; its output goes to `output`. `program`: a copy of the
// helper to run instead (settingsHelperCopy()).
int runSettingsHelper(const QStringList &arguments,
                      QString *output = nullptr,
                      const std::function<void()> &modifier = {},
                      const QString &program = {});
QString settingsHelperPath();
// A copy of the helper in `folder` (a SettingsScratch, which every user may enter), for a
// child that drops its privileges: "nobody" cannot reach a build folder under a checkout
// only its owner may enter (a clone in /root, mode 0700). Empty when the copy failed.
QString settingsHelperCopy(const SettingsScratch &folder);

} // namespace mcphub::test
