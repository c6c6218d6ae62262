#include "storage/settings/settingsfilelock.h"

#include "storage/logging.h"
#include "storage/settings/settingsfilestore.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QRandomGenerator>
#include <QThread>

#include <algorithm>

namespace mcphub {

namespace {

// The lock files held by a reentrant holder of this process, and the thread holding each.
struct Held
{
    QMutex mutex;
    QHash<QString, Qt::HANDLE> threads;
};

Held &held()
{
    static Held instance;
    return instance;
}

} // namespace

SettingsFileLock::SettingsFileLock(const QString &settingsPath)
    : m_path(lockPathFor(SettingsFileStore::realPath(settingsPath)))
    , m_lock(m_path)
{
    // Age alone never makes a lock stale: a slow save on a busy disk keeps its lock. A dead
    // holder is detected by its PID instead.
    m_lock.setStaleLockTime(0);
}

SettingsFileLock::~SettingsFileLock()
{
    release();
}

QString SettingsFileLock::lockPathFor(const QString &settingsPath)
{
    return settingsPath + QStringLiteral(".lock");
}

Result<void> SettingsFileLock::acquireForReading(std::chrono::milliseconds timeout)
{
    auto acquired = acquire(timeout);
    if (!acquired && acquired.error().code == Error::Code::ReadOnly) {
        qCDebug(lcSettings) << "reading without a lock in a read-only folder" << m_path;
        return {};
    }
    return acquired;
}

Result<void> SettingsFileLock::acquire(std::chrono::milliseconds timeout)
{
    if (isHeld())
        return {};
    {
        QMutexLocker locker(&held().mutex);
        const auto holder = held().threads.constFind(m_path);
        if (holder != held().threads.cend() && *holder == QThread::currentThreadId()) {
            m_nested = true;
            return {};
        }
    }
    // QLockFile::tryLock(timeout) sleeps 100 ms, then doubling, between attempts; saves take
    // milliseconds, so poll faster (with jitter, so that waiting processes do not move in step).
    const QDeadlineTimer deadline(timeout);
    int pause = 1;
    for (;;) {
        if (m_lock.tryLock(0)) {
            if (m_reentrant) {
                QMutexLocker locker(&held().mutex);
                held().threads.insert(m_path, QThread::currentThreadId());
                m_registered = true;
            }
            return {};
        }
        switch (m_lock.error()) {
        case QLockFile::PermissionError:
            return Error::make(Error::Code::ReadOnly,
                               tr("Cannot create the lock file in the folder %1: the folder is "
                                  "read-only or not writable for you. Saving safely needs a "
                                  "writable folder. The file was not changed.")
                                   .arg(QFileInfo(m_path).absolutePath()),
                               m_path);
        case QLockFile::UnknownError:
            return Error::make(Error::Code::Io,
                               tr("Cannot create the lock file; the folder may be missing or the "
                                  "disk full. The file was not changed."),
                               m_path);
        default:
            if (removeLeftovers())
                continue;
            break;
        }
        if (deadline.hasExpired())
            break;
        const int jitter = int(QRandomGenerator::global()->bounded(pause + 1));
        QThread::msleep(ulong(std::min<qint64>(pause + jitter, deadline.remainingTime())));
        pause = std::min(pause * 2, 50);
    }

    qint64 pid = 0;
    QString host;
    QString program;
    m_lock.getLockInfo(&pid, &host, &program);
    qCDebug(lcSettings) << "lock held by" << pid << host << program << m_path;
    return Error::make(Error::Code::Locked,
                       tr("Another program holds the lock of this settings file: %1, process %2 "
                          "on %3. Waited %4 s. Try again when it has finished; if that process "
                          "no longer runs, delete the lock file.")
                           .arg(program.isEmpty() ? tr("unknown program") : program,
                                QString::number(pid),
                                host.isEmpty() ? tr("an unknown host") : host,
                                QString::number(double(timeout.count()) / 1000.0, 'g', 3)),
                       m_path);
}

bool SettingsFileLock::removeLeftovers()
{
    // QLockFile recovers a lock whose holder died, but two things a kill can leave stop it:
    // - a lock file whose creator died between creating it and writing its PID: with no PID
    //   (and no stale time) it is never stale;
    // - "<lock>.rmlock", the QLockFile under which a stale lock is removed, left by a process
    //   killed while removing one; it has the same weakness, so a chain of them can grow.
    // Both are held by a live process for microseconds only, so one a second old is stale.
    // Removal goes through QLockFile, which refuses while a live holder keeps its flock().
    const auto isOld = [](const QString &path) {
        const QFileInfo info(path);
        return info.exists() && info.lastModified().msecsTo(QDateTime::currentDateTime()) >= 1000;
    };
    bool removed = false;
    QStringList chain;
    for (QString path = m_path + QStringLiteral(".rmlock"); QFileInfo::exists(path);
         path += QStringLiteral(".rmlock"))
        chain.prepend(path);
    for (const QString &path : std::as_const(chain)) {
        if (isOld(path) && QLockFile(path).removeStaleLockFile())
            removed = true;
    }
    qint64 pid = 0;
    QString host;
    QString program;
    if (!m_lock.getLockInfo(&pid, &host, &program) && isOld(m_path) && m_lock.removeStaleLockFile())
        removed = true;
    if (removed)
        qCWarning(lcSettings) << "removed lock files left by a killed process" << m_path;
    return removed;
}

void SettingsFileLock::release()
{
    if (m_nested) {
        m_nested = false; // the outer holder releases
        return;
    }
    if (m_lock.isLocked()) {
        if (m_registered) {
            QMutexLocker locker(&held().mutex);
            held().threads.remove(m_path);
            m_registered = false;
        }
        m_lock.unlock();
    }
}

} // namespace mcphub
