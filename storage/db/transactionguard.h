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

    // Work that must succeed for an outermost transaction on the connection to commit, run
    // just before COMMIT inside the transaction (a settings-file workspace saves its file
    // there, so that database and file change as one unit). `beforeCommit` failing rolls
    // the transaction back and commit() returns its error; `commitFailed` runs when COMMIT
    // itself fails after `beforeCommit` succeeded. Per connection and thread; an empty
    // hook removes it.
    struct CommitHook
    {
        std::function<Result<void>()> beforeCommit;
        std::function<void()> commitFailed;
    };
    static void setCommitHook(const QString &connectionName, CommitHook hook);

private:
    bool exec(const QString &sql, QString *detail);

    QSqlDatabase m_db;
    int m_depth = 0;
    bool m_active = false;
    Error m_error;
};

} // namespace mcphub
