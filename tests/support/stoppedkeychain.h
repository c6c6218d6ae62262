#pragma once

#include <QString>

#include <sys/types.h>

namespace mcphub::test {

// Freezes the keychain of this test's D-Bus session (the gnome-keyring-daemon that
// scripts/with-services starts) with SIGSTOP, so that a keychain call gets no answer until
// resume() or the destructor sends SIGCONT: the way to prove that a caller does not wait for
// it. The daemon is the process that owns org.freedesktop.secrets on DBUS_SESSION_BUS_ADDRESS,
// as the bus itself reports it, never a process found by name.
class StoppedKeychain
{
public:
    StoppedKeychain(); // stops it; see stopped() and error()
    ~StoppedKeychain();
    StoppedKeychain(const StoppedKeychain &) = delete;
    StoppedKeychain &operator=(const StoppedKeychain &) = delete;

    bool stopped() const { return m_stopped; }
    QString error() const { return m_error; }
    void resume();

private:
    pid_t m_pid = 0;
    bool m_stopped = false;
    QString m_error;
};

} // namespace mcphub::test
