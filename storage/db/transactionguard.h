#pragma once

#include "storage/result.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace mcphub {

// RAII transaction on one named connection that nests: the outermost guard runs BEGIN (on
// SQLite BEGIN IMMEDIATE, taking the write lock at once), inner guards run SAVEPOINTs. A
// guard that is destroyed without commit() rolls back its own level only, so a failed inner
// step leaves the outer transaction usable. Same thread as the connection; not copyable.
// Every transaction on a connection must go through guards for the nesting to be known.
class TransactionGuard
{
public:
    explicit TransactionGuard(const QSqlDatabase &db);
    ~TransactionGuard();
    TransactionGuard(const TransactionGuard &) = delete;
    TransactionGuard &operator=(const TransactionGuard &) = delete;

    bool active() const { return m_active; }
    const Error &error() const { return m_error; } // why the guard could not start
    bool isOutermost() const { return m_depth == 0; }

    Result<void> commit();
    bool rollback(); // false when the database refused (logged); the outer work must stop

    // How many guards are open on `connectionName` on this thread.
    static int depth(const QString &connectionName);

    // Change ids (issue 16, exactly-once Apply): each outermost transaction on a connection
    // takes a change id (a uuid) when it begins, which every audit row it writes carries
    // (access_logs.change_id), so that a COMMIT whose answer was lost can be looked up by it
    // after reconnecting (runExactlyOnce, storage/db/connectionkeeper.h). This is the one
    // place the id of a write transaction lives; whatever else names the change (a NOTIFY)
    // takes it from here.
    // The change id of the transaction open on `connectionName` (this thread); empty when
    // none is open.
    static QString changeId(const QString &connectionName);
    // A new change id (a uuid): the one place one is made.
    static QString newChangeId();
    // The change id the next outermost transaction on the connection takes instead of a new
    // uuid (runExactlyOnce sets it, so that it knows the id to look up); empty clears it.
    static void setNextChangeId(const QString &connectionName, const QString &changeId);

    // Work that must succeed for an outermost transaction on the connection to commit (a
    // settings-file workspace saves its file there, so that database and file change as one
    // unit). `aroundCommit` runs instead of a bare COMMIT, inside the transaction, and gets
    // `commit`, which runs COMMIT (rolling back when it fails) and returns its outcome: the
    // hook calls it at most once, at the point of its own protocol where the database must
    // commit, and returns what commit() then returns. A hook that returns without calling it
    // has the transaction rolled back. Per connection and thread; an empty hook removes it.
    using Commit = std::function<Result<void>()>;
    struct CommitHook
    {
        std::function<Result<void>(const Commit &commit)> aroundCommit;
    };
    static void setCommitHook(const QString &connectionName, CommitHook hook);

    // How long an outermost transaction on PostgreSQL waits for a lock another session holds
    // (a row MCPHub or another console is changing, a migration under way) before its
    // statement fails with "another program is using the database" (Error::Code::Locked) and
    // nothing is written: 5 s, as SQLite's busy timeout (ConnectionProfile), so that an Apply
    // on the console's window never waits without end. 0 waits for ever. For all threads.
    static void setLockTimeout(int ms);
    static int lockTimeout();
    // This outermost transaction's own lock timeout instead (a migration that runs for minutes
    // waits longer for a hub's row than an Apply; 0 waits for ever). Nothing on SQLite.
    Result<void> setTransactionLockTimeout(int ms);
    // What a migration or a rollback of one waits for a lock: 60 s.
    static constexpr int kLongLockTimeoutMs = 60'000;

private:
    bool exec(const QString &sql, QString *detail);
    Result<void> applyLockTimeout(int ms); // SET LOCAL lock_timeout (PostgreSQL)
    Result<void> commitNow();              // COMMIT or RELEASE; rolls back when that fails

    QSqlDatabase m_db;
    int m_depth = 0;
    bool m_active = false;
    Error m_error;
};

} // namespace mcphub
