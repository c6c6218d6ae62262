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
// A lock made reentrant (setReentrant) is held for a whole operation (a command of
// mcphub-adminctl, opening a file workspace): every later SettingsFileLock of the same file
// acquired on the same thread (the store's save, the migrator's read) finds it held and goes
// on, releasing nothing. Any other holder, another thread or another SettingsFileLock of this
// thread while no reentrant one is held, waits as another process does. Paths are resolved
// (symbolic links, relative paths), so every way of naming a file takes the same lock.
// One object per thread; not copyable; nested holders are released before outer ones.
class SettingsFileLock
{
    Q_DECLARE_TR_FUNCTIONS(SettingsFileLock)

public:
    explicit SettingsFileLock(const QString &settingsPath);
    ~SettingsFileLock(); // releases

    // Before acquire(): this holder lets later locks of the file on this thread in.
    void setReentrant(bool reentrant) { m_reentrant = reentrant; }

    Result<void> acquire(std::chrono::milliseconds timeout);
    // For reading only: as acquire(), but a folder where no lock file can be created
    // (read-only, a read-only bind mount, not writable for this user) is no error: nothing can
    // save a file there either, so the read goes on unlocked (isHeld() stays false).
    Result<void> acquireForReading(std::chrono::milliseconds timeout);
    void release();
    bool isHeld() const { return m_nested || m_lock.isLocked(); }

    static QString lockPathFor(const QString &settingsPath);

private:
    bool removeLeftovers();

    QString m_path;
    QLockFile m_lock;
    bool m_reentrant = false;
    bool m_nested = false;     // a reentrant holder on this thread had the lock already
    bool m_registered = false; // this reentrant holder lets others of this thread in
};

} // namespace mcphub
