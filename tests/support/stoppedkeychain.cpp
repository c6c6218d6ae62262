#include "tests/support/stoppedkeychain.h"

#include <QProcess>
#include <QRegularExpression>

#include <csignal>

namespace mcphub::test {

namespace {

// The pid of the connection owning `busName` on the session bus, or 0 with `error` set.
pid_t ownerPid(const QString &busName, QString *error)
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        *error = QStringLiteral("no D-Bus session bus");
        return 0;
    }
    QProcess process;
    process.start(QStringLiteral("dbus-send"),
                  {QStringLiteral("--session"),
                   QStringLiteral("--print-reply"),
                   QStringLiteral("--dest=org.freedesktop.DBus"),
                   QStringLiteral("/org/freedesktop/DBus"),
                   QStringLiteral("org.freedesktop.DBus.GetConnectionUnixProcessID"),
                   QStringLiteral("string:") + busName});
    if (!process.waitForFinished(10'000) || process.exitCode() != 0) {
        *error = QStringLiteral("dbus-send: %1 %2")
                     .arg(process.errorString(),
                          QString::fromLocal8Bit(process.readAllStandardError()));
        return 0;
    }
    // method return ... \n   uint32 12345
    static const QRegularExpression pidLine(QStringLiteral("uint32\\s+(\\d+)"));
    const auto match = pidLine.match(QString::fromLocal8Bit(process.readAllStandardOutput()));
    const qint64 pid = match.hasMatch() ? match.captured(1).toLongLong() : 0;
    if (pid <= 1) {
        *error = QStringLiteral("no pid for %1 on the session bus").arg(busName);
        return 0;
    }
    return pid_t(pid);
}

} // namespace

StoppedKeychain::StoppedKeychain()
{
    m_pid = ownerPid(QStringLiteral("org.freedesktop.secrets"), &m_error);
    if (m_pid <= 1)
        return;
    if (::kill(m_pid, SIGSTOP) != 0) {
        m_error = QStringLiteral("cannot stop pid %1").arg(m_pid);
        return;
    }
    m_stopped = true;
}

StoppedKeychain::~StoppedKeychain()
{
    resume();
}

void StoppedKeychain::resume()
{
    if (m_stopped && m_pid > 1)
        ::kill(m_pid, SIGCONT);
    m_stopped = false;
}

} // namespace mcphub::test
