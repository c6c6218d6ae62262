#include "storage/db/connectionkeeper.h"

#include "storage/db/auditlogrepository.h"
#include "storage/db/serverfinder.h"
#include "storage/db/sqlerror.h"
#include "storage/db/transactionguard.h"
#include "storage/logging.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <libpq-fe.h>

#include <QAbstractEventDispatcher>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace mcphub {

namespace {

thread_local QHash<QString, ConnectionKeeper *> t_keepers;

PGconn *pgHandle(const QSqlDatabase &db)
{
    if (!db.isValid() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.typeName()
        || (qstrcmp(handle.typeName(), "PGconn*") != 0
            && qstrcmp(handle.typeName(), "pg_conn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

} // namespace

// What a reconnection in the background shares with its thread. Stopping it (the keeper
// destroyed, reconnect(), the application quitting) sets `stop` and, under `mutex`, clears
// `keeper`, so that nothing is posted to a keeper that goes; then waits for the thread at most
// kStopWaitMs. The thread ends within ~50 ms of `stop`, except inside a host name's resolution
// (getaddrinfo, which nothing interrupts, up to the resolver's timeouts): it is left to end by
// itself then, holding this, never the keeper.
struct ConnectionKeeper::Search
{
    std::atomic<bool> stop{false};
    std::mutex mutex;
    ConnectionKeeper *keeper = nullptr; // under mutex
    bool ended = false;                 // under mutex
    std::condition_variable endedChanged;

    // Posts call(keeper) to the keeper's thread unless the look was stopped.
    template<typename Call>
    void post(Call call)
    {
        const std::lock_guard<std::mutex> lock(mutex);
        if (ConnectionKeeper *to = keeper) {
            QMetaObject::invokeMethod(
                to, [to, call = std::move(call)] { call(to); }, Qt::QueuedConnection);
        }
    }
};

namespace {
constexpr int kStopWaitMs = 250;
}

ConnectionKeeper::ConnectionKeeper(QString connectionName, ReconnectPolicy policy, QObject *parent)
    : QObject(parent)
    , m_connectionName(std::move(connectionName))
    , m_policy(policy)
{
    // No reconnection in the background runs past the event loop (its thread never touches
    // QtSql, whose connections the exit-time cleanup removes), and none starts after it.
    if (QCoreApplication *app = QCoreApplication::instance()) {
        connect(app, &QCoreApplication::aboutToQuit, this, [this] {
            m_quitting = true;
            stopSearch();
        });
    }
}

ConnectionKeeper::~ConnectionKeeper()
{
    stopSearch();
    if (t_keepers.value(m_connectionName) == this)
        t_keepers.remove(m_connectionName);
}

ConnectionKeeper *ConnectionKeeper::forConnection(const QString &connectionName)
{
    return t_keepers.value(connectionName);
}

void ConnectionKeeper::registerForConnection()
{
    t_keepers.insert(m_connectionName, this);
}

bool ConnectionKeeper::connectionBroken(const QSqlDatabase &db)
{
    if (!db.isValid())
        return false;
    if (!db.isOpen())
        return true;
    PGconn *conn = pgHandle(db);
    return conn && PQstatus(conn) == CONNECTION_BAD;
}

bool ConnectionKeeper::lost() const
{
    return connectionBroken(QSqlDatabase::database(m_connectionName, false));
}

bool ConnectionKeeper::probe() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    PGconn *conn = pgHandle(db);
    if (!conn || TransactionGuard::depth(m_connectionName) > 0)
        return lost();
    // Reads what the server sent, without waiting (libpq keeps its socket non-blocking; the
    // parsing waits for the next query): a connection the server closed (the session ended,
    // the server stopped or restarted) or a socket error (the keepalives of toSpec: a server
    // that stopped answering) turns libpq's status bad. No query, so the calling thread (the
    // console's GUI thread) never waits: a "SELECT 1" waited for a server that stopped
    // answering until TCP gave up.
    PQconsumeInput(conn);
    return lost();
}

Result<ServerRole> ConnectionKeeper::serverRole(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT coalesce(host(inet_server_addr()), ''), "
                                   "coalesce(inet_server_port(), 0), pg_is_in_recovery()"))
        || !query.next()) {
        return sqlError(query.lastError(),
                        db.hostName(),
                        tr("Cannot ask the database server whether it is the primary."));
    }
    ServerRole role;
    role.host = query.value(0).toString();
    role.port = query.value(1).toInt();
    role.primary = !query.value(2).toBool();
    if (PGconn *conn = pgHandle(db)) { // a Unix socket has no address: libpq's host and port
        if (role.host.isEmpty())
            role.host = QString::fromUtf8(PQhost(conn));
        if (role.port == 0)
            role.port = QByteArray(PQport(conn)).toInt();
    }
    return role;
}

void ConnectionKeeper::wait(int ms) const
{
    const QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) {
        if (m_whileWaiting)
            m_whileWaiting();
        QThread::msleep(static_cast<unsigned long>(qMin<qint64>(50, deadline.remainingTime())));
    }
}

Result<ServerRole> ConnectionKeeper::reconnect()
{
    if (m_inReconnect) { // asked again from an event handled while waiting
        return Error::make(Error::Code::Network,
                           tr("The connection to the database is being opened again."),
                           m_connectionName);
    }
    stopSearch(); // this reconnection replaces one in the background
    m_inReconnect = true;
    const auto done = qScopeGuard([this] { m_inReconnect = false; });
    QElapsedTimer elapsed;
    elapsed.start();
    int delay = qMax(1, m_policy.firstDelayMs);
    QString why = tr("The connection to the database broke.");
    for (int attempt = 1; attempt <= qMax(1, m_policy.attempts); ++attempt) {
        Q_EMIT reconnecting(attempt, why);
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (!db.isValid()) {
            why = tr("The connection was closed.");
            break;
        }
        db.close();
        if (db.open()) {
            const auto role = serverRole(db);
            if (role && (role->primary || m_standbyAccepted)) {
                ++m_reconnects;
                qCInfo(lcDatabase) << "reconnected" << m_connectionName << role->address()
                                   << (role->primary ? "primary" : "standby") << "after"
                                   << elapsed.elapsed() << "ms," << attempt << "attempts";
                Q_EMIT reconnected(*role);
                return role;
            }
            why = role ? tr("%1 is a standby; waiting for a primary.").arg(role->address())
                       : role.error().message;
        } else {
            why = db.lastError().text().trimmed();
        }
        if (elapsed.elapsed() + delay > m_policy.totalMs)
            break;
        wait(delay);
        delay = qMin(delay * 2, qMax(1, m_policy.maxDelayMs));
    }
    const Error error = Error::make(Error::Code::Network,
                                    tr("The connection to the database broke and could not be "
                                       "opened again within %1 s.")
                                        .arg(QString::number(elapsed.elapsed() / 1000.0, 'f', 1)),
                                    m_connectionName,
                                    why);
    Q_EMIT gaveUp(error);
    return error;
}

void ConnectionKeeper::reconnectInBackground()
{
    // Its results come back as events: the keeper's thread must run an event loop.
    if (m_inReconnect || m_search || m_quitting || !QAbstractEventDispatcher::instance(thread()))
        return;
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isValid() || db.driverName() != QLatin1String("QPSQL"))
        return;
    m_conninfo = ServerFinder::conninfoOf(db);
    m_searchTime.start();
    startSearch(
        {1, qMax(1, m_policy.firstDelayMs), false, tr("The connection to the database broke.")});
}

void ConnectionKeeper::stopSearch()
{
    if (!m_search)
        return;
    const std::shared_ptr<Search> search = std::move(m_search);
    search->stop = true;
    std::unique_lock<std::mutex> lock(search->mutex);
    search->keeper = nullptr;
    search->endedChanged.wait_for(
        lock, std::chrono::milliseconds(kStopWaitMs), [&] { return search->ended; });
}

void ConnectionKeeper::startSearch(Round round)
{
    auto search = std::make_shared<Search>();
    search->keeper = this;
    const qint64 spent = m_searchTime.elapsed();
    // What this thread posts is dropped once another look (or reconnect()) replaced it.
    const quint64 generation = ++m_searchGeneration;
    // The thread touches no QtSql and nothing of this keeper: it posts to it (Search::post).
    std::thread([search,
                 generation,
                 round,
                 spent,
                 conninfo = m_conninfo,
                 standbyAccepted = m_standbyAccepted,
                 policy = m_policy]() mutable {
        const auto ended = qScopeGuard([&] {
            const std::lock_guard<std::mutex> lock(search->mutex);
            search->ended = true;
            search->endedChanged.notify_all();
        });
        QElapsedTimer elapsed;
        elapsed.start();
        for (; round.attempt <= qMax(1, policy.attempts); ++round.attempt) {
            if (round.waitFirst) {
                if (spent + elapsed.elapsed() + round.delayMs > policy.totalMs)
                    break;
                const QDeadlineTimer until(round.delayMs);
                while (!search->stop && !until.hasExpired())
                    QThread::msleep(
                        static_cast<unsigned long>(qMin<qint64>(50, until.remainingTime())));
                if (search->stop)
                    return;
                round.delayMs = qMin(round.delayMs * 2, qMax(1, policy.maxDelayMs));
            }
            round.waitFirst = true;
            search->post(
                [generation, attempt = round.attempt, why = round.why](ConnectionKeeper *keeper) {
                    if (generation == keeper->m_searchGeneration && keeper->m_search)
                        Q_EMIT keeper->reconnecting(attempt, why);
                });
            const auto found = ServerFinder::find(conninfo, standbyAccepted, search->stop);
            if (found) {
                Round next = round;
                ++next.attempt;
                search->post([generation, role = *found, next](ConnectionKeeper *keeper) {
                    if (generation == keeper->m_searchGeneration && keeper->m_search)
                        keeper->openOnFoundServer(role, next);
                });
                return;
            }
            if (found.error().code == Error::Code::Cancelled)
                return;
            round.why = found.error().message;
            if (found.error().code == Error::Code::Invalid)
                break; // the parameters will not read better next time
        }
        search->post([generation, why = round.why](ConnectionKeeper *keeper) {
            if (generation == keeper->m_searchGeneration && keeper->m_search)
                keeper->searchGaveUp(why);
        });
    }).detach();
    m_search = std::move(search);
}

void ConnectionKeeper::openOnFoundServer(const ServerRole &found, Round next)
{
    stopSearch(); // its thread has ended, or is about to (it posted this last)
    // A blocking reconnect() under way settles the connection itself. Inside a transaction
    // (an event loop run from one) the connection is not reopened: the look goes on, and the
    // transaction's own failure reconnects it.
    if (m_inReconnect)
        return;
    if (TransactionGuard::depth(m_connectionName) > 0) {
        startSearch(next);
        return;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isValid()) {
        searchGaveUp(tr("The connection was closed."));
        return;
    }
    // Opened on the server that answered (its address too: no name resolution on this
    // thread), not along the whole list again, where a dead host first would cost its
    // connect_timeout on this thread; the list is kept for later opens.
    const QString host = db.hostName();
    const int port = db.port();
    const QString options = db.connectOptions();
    if (!found.host.isEmpty()) {
        QStringList pinned;
        for (const QString &option : options.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const QString key = option.section(QLatin1Char('='), 0, 0).trimmed();
            if (key != QLatin1String("host") && key != QLatin1String("hostaddr")
                && key != QLatin1String("port") && key != QLatin1String("connect_timeout"))
                pinned << option;
        }
        if (!found.hostAddress.isEmpty())
            pinned << QStringLiteral("hostaddr=") + found.hostAddress;
        pinned << QStringLiteral("connect_timeout=2");
        db.setHostName(found.host);
        db.setPort(found.port);
        db.setConnectOptions(pinned.join(QLatin1Char(';')));
    }
    db.close();
    const bool opened = db.open();
    db.setHostName(host);
    db.setPort(port);
    db.setConnectOptions(options);
    if (opened) {
        const auto role = serverRole(db);
        if (role && (role->primary || m_standbyAccepted)) {
            ++m_reconnects;
            m_conninfo.clear(); // it holds the password
            qCInfo(lcDatabase) << "reconnected in the background" << m_connectionName
                               << role->address() << (role->primary ? "primary" : "standby")
                               << "after" << m_searchTime.elapsed() << "ms," << next.attempt - 1
                               << "attempts";
            Q_EMIT reconnected(*role);
            return;
        }
        next.why = role ? tr("%1 is a standby; waiting for a primary.").arg(role->address())
                        : role.error().message;
    } else {
        next.why = db.lastError().text().trimmed();
    }
    startSearch(next);
}

void ConnectionKeeper::searchGaveUp(const QString &why)
{
    stopSearch();
    m_conninfo.clear();
    const Error error = Error::make(
        Error::Code::Network,
        tr("The connection to the database broke and could not be opened again within %1 s.")
            .arg(QString::number(m_searchTime.elapsed() / 1000.0, 'f', 1)),
        m_connectionName,
        why);
    Q_EMIT gaveUp(error);
}

Result<void> runExactlyOnce(const RepositoryContext &context,
                            const std::function<Result<void>()> &transaction,
                            ExactlyOnceReport *report)
{
    ExactlyOnceReport ignored;
    ExactlyOnceReport &out = report ? *report : ignored;
    out = {};
    const QString name = context.connectionName;
    const QSqlDatabase db = QSqlDatabase::database(name, false);
    if (db.driverName() != QLatin1String("QPSQL") || TransactionGuard::depth(name) > 0)
        return transaction();

    ConnectionKeeper *keeper = ConnectionKeeper::forConnection(name);
    std::unique_ptr<ConnectionKeeper> local;
    if (!keeper) {
        local = std::make_unique<ConnectionKeeper>(name);
        keeper = local.get();
    }
    if (keeper->isReconnectingInBackground()) {
        // The connection is known lost and being opened again: nothing is tried, so nothing
        // is written, and the caller keeps the change to apply once connected.
        return Error::make(
            Error::Code::Network,
            ConnectionKeeper::tr("The connection to the database is being opened again; the "
                                 "change was not saved. Apply it again once the console is "
                                 "connected."),
            context.where);
    }
    out.changeId = TransactionGuard::newChangeId();
    for (int attempt = 0; attempt < 2; ++attempt) {
        TransactionGuard::setNextChangeId(name, out.changeId);
        Result<void> done = transaction();
        TransactionGuard::setNextChangeId(name, {});
        if (done) {
            out.settled = attempt == 0 ? ExactlyOnceReport::Settled::Directly
                                       : ExactlyOnceReport::Settled::RetriedAfterLoss;
            return done;
        }
        if (!ConnectionKeeper::connectionBroken(QSqlDatabase::database(name, false))) {
            if (attempt == 0)
                return done; // refused with the connection fine: nothing was written
            out.settled = ExactlyOnceReport::Settled::FailedAfterLoss;
            Error e = done.error();
            e.message = ConnectionKeeper::tr(
                            "The connection to the database broke during the change, which was "
                            "not saved (change id %1), and trying it again failed: %2")
                            .arg(out.changeId, done.error().message);
            return e;
        }
        qCInfo(lcDatabase) << "connection lost during change" << out.changeId << name
                           << done.error().message << done.error().detail;
        const auto role = keeper->reconnect();
        const auto found = role ? AuditLogRepository(context).countChange(out.changeId)
                                : Result<qint64>(role.error());
        if (!found) {
            out.settled = ExactlyOnceReport::Settled::Unknown;
            return Error::make(
                Error::Code::Network,
                ConnectionKeeper::tr("The connection to the database broke during the change, and "
                                     "whether it was saved is not known: the database could not "
                                     "be asked again. Look for change id %1 in the audit log "
                                     "before applying it again.")
                    .arg(out.changeId),
                context.where,
                found.error().message + QStringLiteral(" ") + found.error().detail);
        }
        if (*found > 0) {
            out.settled = ExactlyOnceReport::Settled::FoundAfterLoss;
            qCInfo(lcDatabase) << "change" << out.changeId << "was committed before the loss";
            return {};
        }
        if (attempt == 1) {
            out.settled = ExactlyOnceReport::Settled::FailedAfterLoss;
            return Error::make(
                Error::Code::Network,
                ConnectionKeeper::tr("The connection to the database broke twice during the "
                                     "change, which was not saved (change id %1). Apply it again.")
                    .arg(out.changeId),
                context.where,
                done.error().message);
        }
        // Absent: nothing of the first attempt was committed; once more.
    }
    return {}; // not reached
}

} // namespace mcphub
