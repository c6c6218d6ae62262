#include "storage/db/connectionwatchdog.h"

#include "storage/db/bulkinserter.h"
#include "storage/db/connectionkeeper.h"
#include "storage/db/serverfinder.h"
#include "storage/logging.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QTimer>

#include <libpq-fe.h>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace mcphub {

namespace {

qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

// What the owning thread and the watchdog's thread share.
struct ConnectionWatchdog::Watch
{
    int stallMs = 0;
    int probeTimeoutSeconds = 2;
    bool beats = true; // false: no heartbeat comes; every stallMs is a stall to look at
    std::atomic<qint64> lastBeat{0}; // steadyMs() of the owner's last turn of its event loop
    std::atomic<bool> stop{false};
    std::atomic<int> breaks{0};
    std::atomic<int> probes{0};
    std::mutex mutex; // guards what follows
    std::condition_variable wake;
    quint64 generation = 0;   // of arm() and disarm()
    int socket = -1;          // a duplicate of the connection's socket
    QByteArray probe;         // the conninfo of the connection's server alone
    QString server;           // host:port, for messages
    QString lastBreak;        // why the last connection was left
    QObject *owner = nullptr; // the watchdog, until it goes
    std::thread thread;

    void closeSocket() // with `mutex` held
    {
#ifdef Q_OS_UNIX
        if (socket >= 0)
            ::close(socket);
#endif
        socket = -1;
    }

    void run()
    {
        quint64 probedGeneration = 0; // of the stall probed (0: none)
        std::unique_lock lock(mutex);
        while (!stop.load()) {
            wake.wait_for(lock, std::chrono::milliseconds(200));
            if (stop.load())
                break;
            if (steadyMs() - lastBeat.load() < stallMs) {
                probedGeneration = 0;
                continue;
            }
            if (probedGeneration == generation || socket < 0)
                continue;
            probedGeneration = generation;
            const QByteArray conninfo = probe;
            const quint64 watched = generation;
            lock.unlock();
            probes.fetch_add(1);
            const std::optional<bool> alive
                = ServerFinder::answers(conninfo, probeTimeoutSeconds, stop);
            lock.lock();
            if (alive && *alive && !beats) {
                // Nothing beats: an answer counts as one, and the next look is a stall later.
                lastBeat = steadyMs();
                probedGeneration = 0;
                continue;
            }
            // Alive (it answered something), stopped, armed again or disarmed meanwhile, or
            // the call came back meanwhile: nothing to do.
            if (!alive || *alive || stop.load() || generation != watched || socket < 0
                || steadyMs() - lastBeat.load() < stallMs)
                continue;
            breaks.fetch_add(1); // before the call it wakes can look
            const QString why
                = QCoreApplication::translate("ConnectionWatchdog",
                                              "%1 did not answer a new connection within %2 s.")
                      .arg(server)
                      .arg(probeTimeoutSeconds);
#ifdef Q_OS_UNIX
            ::shutdown(socket, SHUT_RDWR);
#endif
            closeSocket();
            lastBreak = why;
            qCWarning(lcDatabase) << "left the connection:" << why;
            if (owner) {
                QObject *target = owner;
                QMetaObject::invokeMethod(
                    target,
                    [target, why] { Q_EMIT static_cast<ConnectionWatchdog *>(target)->broke(why); },
                    Qt::QueuedConnection);
            }
        }
    }
};

ConnectionWatchdog::ConnectionWatchdog(QString connectionName,
                                       int stallMs,
                                       int probeTimeoutSeconds,
                                       QObject *parent,
                                       Heartbeat heartbeat)
    : QObject(parent)
    , m_connectionName(std::move(connectionName))
    , m_watch(std::make_shared<Watch>())
    , m_beat(new QTimer(this))
{
    m_watch->stallMs = stallMs;
    m_watch->probeTimeoutSeconds = qMax(2, probeTimeoutSeconds); // libpq's own minimum
    m_watch->owner = this;
    m_watch->lastBeat = steadyMs();
    m_watch->beats = heartbeat == Heartbeat::EventLoop;
    // The owner's heartbeat: stops while a call holds its thread.
    m_beat->setInterval(qBound(50, stallMs / 4, 250));
    connect(
        m_beat, &QTimer::timeout, this, [watch = m_watch.get()] { watch->lastBeat = steadyMs(); });
    if (m_watch->beats)
        m_beat->start();
#ifdef Q_OS_UNIX
    m_watch->thread = std::thread([watch = m_watch] { watch->run(); });
#endif
}

ConnectionWatchdog::~ConnectionWatchdog()
{
    {
        std::lock_guard lock(m_watch->mutex);
        m_watch->owner = nullptr;
        m_watch->stop = true;
        m_watch->closeSocket();
    }
    m_watch->wake.notify_all();
    // The look checks the flag every 50 ms; it resolves no name (the address is given).
    if (m_watch->thread.joinable())
        m_watch->thread.join();
}

void ConnectionWatchdog::arm()
{
#ifdef Q_OS_UNIX
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    auto *conn = static_cast<PGconn *>(BulkInserter::postgresHandle(db));
    if (!conn || PQstatus(conn) != CONNECTION_OK || PQsocket(conn) < 0) {
        disarm();
        return;
    }
    const int socket = ::fcntl(PQsocket(conn), F_DUPFD_CLOEXEC, 0);
    const QByteArray probe = ServerFinder::conninfoOfServer(db, m_watch->probeTimeoutSeconds);
    const QString server
        = QString::fromUtf8(PQhost(conn)) + QLatin1Char(':') + QString::fromUtf8(PQport(conn));
    {
        std::lock_guard lock(m_watch->mutex);
        m_watch->closeSocket();
        ++m_watch->generation;
        m_watch->socket = socket;
        m_watch->probe = probe;
        m_watch->server = server;
        m_watch->lastBeat = steadyMs();
    }
    m_watch->wake.notify_all();
#endif
}

void ConnectionWatchdog::disarm()
{
    std::lock_guard lock(m_watch->mutex);
    m_watch->closeSocket();
    ++m_watch->generation;
}

int ConnectionWatchdog::probes() const
{
    return m_watch->probes.load();
}

int ConnectionWatchdog::breaks() const
{
    return m_watch->breaks.load();
}

QString ConnectionWatchdog::lastBreak() const
{
    std::lock_guard lock(m_watch->mutex);
    return m_watch->lastBreak;
}

} // namespace mcphub
