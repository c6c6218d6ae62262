#include "tests/support/settingsscratch.h"

#include "tests/support/testenv.h"

#include <QDir>
#include <QFile>

namespace mcphub::test {

SettingsScratch::SettingsScratch()
    : m_dir(QDir::tempPath() + QStringLiteral("/mcphub-settings-XXXXXX"))
{
    if (m_dir.isValid())
        QFile::setPermissions(m_dir.path(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                  | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                                  | QFile::ExeOther);
}

QStringList SettingsScratch::entries() const
{
    QStringList names
        = QDir(m_dir.path())
              .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    names.sort();
    return names;
}

QStringList SettingsScratch::strays(const QString &settingsName) const
{
    QStringList result;
    for (const QString &name : entries()) {
        if (name != settingsName && name != settingsName + QStringLiteral(".lock")
            && !name.startsWith(settingsName + QStringLiteral(".backup.")))
            result.append(name);
    }
    return result;
}

QString settingsHelperPath()
{
    return testBinDir() + QStringLiteral("/settingshelper");
}

QString settingsHelperCopy(const SettingsScratch &folder)
{
    const QString copy = folder.filePath(QStringLiteral("settingshelper"));
    if (!QFile::copy(settingsHelperPath(), copy)
        || !QFile::setPermissions(copy,
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                      | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                                      | QFile::ExeOther))
        return {};
    return copy;
}

int runSettingsHelper(const QStringList &arguments,
                      QString *output,
                      const std::function<void()> &modifier,
                      const QString &program)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (modifier)
        process.setChildProcessModifier(modifier);
    process.start(program.isEmpty() ? settingsHelperPath() : program, arguments);
    const bool finished = process.waitForFinished(120000);
    if (output)
        *output = QString::fromUtf8(process.readAll());
    if (!finished || process.exitStatus() != QProcess::NormalExit)
        return -1;
    return process.exitCode();
}

} // namespace mcphub::test
