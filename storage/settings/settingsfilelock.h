#pragma once

#include "storage/result.h"

#include <QCoreApplication>
#include <QLockFile>
#include <QString>

#include <chrono>

namespace mcphub {

// The cross-process lock of one settings file: `<file>.lock` beside it (QLockFile), held by
// SettingsFileStore for a whole read-modify-write. Waits a bounded time for a live holder and
// then reports its PID, host and program; recovers a lock left by a dead process at once,
// and within a second what QLockFile alone would not: an empty lock file (its creator killed
// before it wrote its PID) and the ".rmlock" files of a removal that was killed.
// MCPHub itself does not take this lock: SettingsFileStore's conflict detection covers it.
// QLockFile decides "dead" by PID and, on the same host, by the holder's executable name,
// which it compares with the applicationName it recorded; both executables keep the two equal.
// One object per thread; not copyable.
class SettingsFileLock
{
    Q_DECLARE_TR_FUNCTIONS(SettingsFileLock)

public:
    explicit SettingsFileLock(const QString &settingsPath);
    ~SettingsFileLock(); // releases

    Result<void> acquire(std::chrono::milliseconds timeout);
    void release();
    bool isHeld() const { return m_lock.isLocked(); }

    static QString lockPathFor(const QString &settingsPath);

private:
    bool removeLeftovers();

    QString m_path;
    QLockFile m_lock;
};

} // namespace mcphub
