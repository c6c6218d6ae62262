#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QTimer;

namespace mcphub {

// Leaves a PostgreSQL connection whose server stopped answering while a call on it waits, on
// the thread that owns it (the console's GUI thread). A server process that is frozen (a
// paused container, SIGSTOP, a hung host process) leaves its kernel taking the bytes: neither
// TCP keepalives nor TCP_USER_TIMEOUT notice, and libpq waits without end, with the window.
// When the owning thread has not come back to its event loop for `stallMs`, a thread of the
// watchdog connects to the same server (its host, its address and port, within
// `probeTimeoutSeconds`). A server that answers, even to refuse, is alive and busy: nothing is
// done. One that does not: the connection's socket is shut down, the waiting call fails as a
// lost connection, and the ConnectionKeeper reconnects (on the new primary after a failover;
// an Apply settles through its change id). Unix only (the socket is shut down through a
// duplicate of it); elsewhere it does nothing.
// A thread without an event loop (the command-line tool's, whose calls hold it throughout)
// gives no heartbeat (Heartbeat::None): the server is then looked at every `stallMs`, and one
// that does not answer is left the same way.
class ConnectionWatchdog : public QObject
{
    Q_OBJECT

public:
    enum class Heartbeat { EventLoop, None };
    ConnectionWatchdog(QString connectionName,
                       int stallMs,
                       int probeTimeoutSeconds,
                       QObject *parent = nullptr,
                       Heartbeat heartbeat = Heartbeat::EventLoop);
    ~ConnectionWatchdog() override;

    // Watches the connection as it is now open; after each reopen again (its socket and its
    // server change). A connection that is not PostgreSQL's, or not open, is not watched.
    void arm();
    // Stops watching: the connection is being closed or opened again (its socket is not
    // the one watched any more).
    void disarm();
    int probes() const;        // looks at the server so far
    int breaks() const;        // connections left so far
    QString lastBreak() const; // why the last connection was left (empty: none was)

Q_SIGNALS:
    // A connection was left; `why` says which server did not answer.
    void broke(const QString &why);

private:
    struct Watch;
    QString m_connectionName;
    std::shared_ptr<Watch> m_watch;
    QTimer *m_beat = nullptr;
};

} // namespace mcphub
