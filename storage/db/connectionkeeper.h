#pragma once

#include "storage/db/repositorycontext.h"
#include "storage/result.h"

#include <QObject>
#include <QSqlDatabase>
#include <QString>

#include <QElapsedTimer>

#include <functional>
#include <memory>

namespace mcphub {

// Following the primary (issue 16): a workspace connection to PostgreSQL that broke (the
// primary died, a failover moved it, the network dropped) is opened again by itself, with a
// bounded backoff; and every write transaction is applied exactly once across that
// (runExactlyOnce). The CLI and the console both go through this: RepositoryBase::audited()
// and writeInTransaction() (models/repositoryrows.h) run their outermost transaction with
// runExactlyOnce; the console's WorkspaceSession shows a keeper's state in the status bar.

// Where a connection landed: "HOST:PORT" of the server, and whether it is a primary (not in
// recovery: it takes writes).
struct ServerRole
{
    QString host;
    int port = 0;
    bool primary = false;
    QString hostAddress; // the numeric address connected to, when known (not a Unix socket)
    QString address() const { return QStringLiteral("%1:%2").arg(host, QString::number(port)); }
};

// How long to try: attempts with a delay that doubles from firstDelayMs up to maxDelayMs,
// and never past totalMs in all (each attempt's connect_timeout included).
struct ReconnectPolicy
{
    int attempts = 40;
    int firstDelayMs = 100;
    int maxDelayMs = 2000;
    int totalMs = 60000;
};

// Keeps one named connection (of the calling thread) open. One keeper per connection may be
// registered (register...), so that a Apply anywhere on that connection reports through the
// same signals; runExactlyOnce uses a default keeper where none is.
class ConnectionKeeper : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionKeeper(QString connectionName,
                              ReconnectPolicy policy = {},
                              QObject *parent = nullptr);
    ~ConnectionKeeper() override;

    // The keeper registered for `connectionName` on this thread, or nullptr.
    static ConnectionKeeper *forConnection(const QString &connectionName);
    // Registers this keeper for its connection (until it is destroyed).
    void registerForConnection();

    QString connectionName() const { return m_connectionName; }
    const ReconnectPolicy &policy() const { return m_policy; }
    // Whether a workspace may take a standby (a read-only workspace): else only a primary is
    // taken (a standby found while reconnecting is tried again, as the failover is on).
    void setStandbyAccepted(bool accepted) { m_standbyAccepted = accepted; }
    bool standbyAccepted() const { return m_standbyAccepted; }
    // Called every ~50 ms while reconnecting waits (the console keeps painting there).
    void setWhileWaiting(std::function<void()> whileWaiting)
    {
        m_whileWaiting = std::move(whileWaiting);
    }

    // Whether the connection is broken: libpq's status is bad (or it is not open). A
    // connection that was never used since it broke looks fine: see probe().
    bool lost() const;
    // When no transaction is open, reads what the server sent without waiting (a closed
    // connection or a socket error then make it lost), and returns lost(). Never blocks.
    bool probe() const;

    // Reopens the connection with the policy's backoff until a server (the primary, unless
    // standbys are accepted) answers; emits reconnecting() before each attempt and
    // reconnected() or gaveUp(). How many times it reconnected so far: reconnects().
    // A reconnection in the background under way is stopped first.
    Result<ServerRole> reconnect();
    int reconnects() const { return m_reconnects; }
    // Whether reconnect() or a reconnection in the background is under way.
    bool isReconnecting() const { return m_inReconnect || isReconnectingInBackground(); }

    // The console's reconnection once its idle check found the connection lost: the attempts
    // of reconnect(), with its policy, made on a thread of their own (ServerFinder: libpq
    // only, stoppable), so that the calling thread never waits for a server. When one answers
    // that reconnect() would take, the connection is opened again on the calling thread on
    // that server first (its host and port, connect_timeout 2 s: it has just answered), and
    // reconnected() comes; should that fail, the attempts go on. reconnecting() before each
    // attempt and gaveUp() come on the keeper's thread, which must run an event loop (else
    // nothing starts). Stopped when the keeper is destroyed, reconnect() is called or the
    // application quits (then none starts again): that waits for the thread at most 250 ms
    // (it ends within ~50 ms, except inside a host name's resolution, which nothing
    // interrupts; it then ends by itself, touching nothing of the keeper).
    void reconnectInBackground();
    bool isReconnectingInBackground() const { return m_search != nullptr; }

    // The server the open connection reached.
    static Result<ServerRole> serverRole(const QSqlDatabase &db);
    // Whether the driver's connection (QPSQL) is bad by libpq's account.
    static bool connectionBroken(const QSqlDatabase &db);

Q_SIGNALS:
    void reconnecting(int attempt, const QString &why);
    void reconnected(const mcphub::ServerRole &role);
    void gaveUp(const mcphub::Error &error);

private:
    struct Search;
    // Where the attempts in the background stand, carried from one thread to the next when
    // the opening on the keeper's thread failed.
    struct Round
    {
        int attempt = 1;
        int delayMs = 0;
        bool waitFirst = false;
        QString why;
    };
    void wait(int ms) const;
    void startSearch(Round round);
    void stopSearch();
    void openOnFoundServer(const ServerRole &role, Round next);
    void searchGaveUp(const QString &why);

    QString m_connectionName;
    ReconnectPolicy m_policy;
    bool m_standbyAccepted = false;
    std::function<void()> m_whileWaiting;
    int m_reconnects = 0;
    bool m_inReconnect = false;
    std::shared_ptr<Search> m_search; // a reconnection in the background
    bool m_quitting = false;          // the application is quitting: no new one
    QByteArray m_conninfo;            // what it connects with (ServerFinder::conninfoOf)
    QElapsedTimer m_searchTime;       // since it started
    quint64 m_searchGeneration = 0;   // of the latest look started
};

// How an exactly-once write ended, beside its Result: the change id its transaction carried,
// and whether the connection broke on the way (then how it was settled).
struct ExactlyOnceReport
{
    enum class Settled {
        Directly,         // the transaction's own answer (committed, or refused: nothing written)
        FoundAfterLoss,   // COMMIT unanswered; the change id was found after reconnecting
        RetriedAfterLoss, // the connection broke; the id was absent, and the retry committed
        FailedAfterLoss,  // the connection broke; the id was absent, the retry failed too
        Unknown,          // the connection broke and could not be reopened: not known
    };
    QString changeId;
    Settled settled = Settled::Directly;
};

// Runs `transaction` (which opens the outermost TransactionGuard on `context`'s connection,
// writes its audit rows, and commits) exactly once on PostgreSQL: its change id is set
// before; when it fails with the connection lost (during the work or COMMIT, answered or
// not), the connection is reopened (the registered keeper's backoff) and the change id is
// looked up in the audit trail: found → applied (success); absent → `transaction` runs once
// more (nothing of the first attempt was committed), and its outcome is the result (a retry
// whose COMMIT goes unanswered too is looked up the same way; absent again, it failed). A
// refusal with the connection fine is returned as it is (nothing written). Inside an open
// transaction, and on SQLite, it only runs `transaction`. `report`: how it went.
Result<void> runExactlyOnce(const RepositoryContext &context,
                            const std::function<Result<void>()> &transaction,
                            ExactlyOnceReport *report = nullptr);

} // namespace mcphub
