#include "storage/db/transactionguard.h"

#include "storage/db/sqldialect.h"
#include "storage/db/sqlerror.h"
#include "storage/logging.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <atomic>

namespace mcphub {

namespace {

// Open guards per connection; connections are per thread, so the registry is too.
thread_local QHash<QString, int> t_depths;
thread_local QHash<QString, TransactionGuard::CommitHook> t_hooks;
thread_local QHash<QString, QString> t_changeIds;     // of the open outermost transaction
thread_local QHash<QString, QString> t_nextChangeIds; // for the next one
std::atomic<int> g_lockTimeoutMs{5000};

// Where a transaction error happened, for messages: the database, not the connection's
// internal name (the CLI's connection is called "mcphub-adminctl", which doubled its prefix).
QString placeOf(const QSqlDatabase &db)
{
    if (db.driverName() == QLatin1String("QSQLITE"))
        return db.databaseName();
    return QStringLiteral("%1@%2:%3/%4")
        .arg(db.userName(), db.hostName(), QString::number(db.port()), db.databaseName());
}

QString savepointName(int depth)
{
    return QStringLiteral("mcphub_sp_%1").arg(depth);
}

} // namespace

TransactionGuard::TransactionGuard(const QSqlDatabase &db)
    : m_db(db)
{
    m_depth = t_depths.value(m_db.connectionName(), 0);
    const QString sql = m_depth == 0 ? SqlDialect::forDatabase(m_db).beginWriteStatement()
                                     : QStringLiteral("SAVEPOINT ") + savepointName(m_depth);
    QSqlQuery query(m_db);
    if (!query.exec(sql)) {
        m_error = sqlError(
            query.lastError(),
            placeOf(m_db),
            QCoreApplication::translate("TransactionGuard", "Cannot start a transaction."));
        return;
    }
    if (m_depth == 0) {
        if (auto waits = applyLockTimeout(g_lockTimeoutMs.load()); !waits) {
            m_error = waits.error();
            QString detail;
            exec(QStringLiteral("ROLLBACK"), &detail);
            return;
        }
    }
    m_active = true;
    t_depths[m_db.connectionName()] = m_depth + 1;
    if (m_depth == 0) {
        QString id = t_nextChangeIds.take(m_db.connectionName());
        if (id.isEmpty())
            id = newChangeId();
        t_changeIds.insert(m_db.connectionName(), id);
    }
}

TransactionGuard::~TransactionGuard()
{
    rollback();
}

void TransactionGuard::setLockTimeout(int ms)
{
    g_lockTimeoutMs = qMax(0, ms);
}

int TransactionGuard::lockTimeout()
{
    return g_lockTimeoutMs.load();
}

Result<void> TransactionGuard::setTransactionLockTimeout(int ms)
{
    if (!m_active || m_depth != 0)
        return {};
    return applyLockTimeout(ms);
}

Result<void> TransactionGuard::applyLockTimeout(int ms)
{
    const QString sql = SqlDialect::forDatabase(m_db).lockTimeoutStatement(ms);
    QSqlQuery query(m_db);
    if (sql.isEmpty() || query.exec(sql))
        return {};
    return sqlError(query.lastError(),
                    placeOf(m_db),
                    QCoreApplication::translate("TransactionGuard", "Cannot start a transaction."));
}

int TransactionGuard::depth(const QString &connectionName)
{
    return t_depths.value(connectionName, 0);
}

QString TransactionGuard::newChangeId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString TransactionGuard::changeId(const QString &connectionName)
{
    return t_changeIds.value(connectionName);
}

void TransactionGuard::setNextChangeId(const QString &connectionName, const QString &changeId)
{
    if (changeId.isEmpty())
        t_nextChangeIds.remove(connectionName);
    else
        t_nextChangeIds.insert(connectionName, changeId);
}

void TransactionGuard::setCommitHook(const QString &connectionName, CommitHook hook)
{
    if (hook.aroundCommit)
        t_hooks.insert(connectionName, std::move(hook));
    else
        t_hooks.remove(connectionName);
}

bool TransactionGuard::exec(const QString &sql, QString *detail)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    if (detail)
        *detail = query.lastError().text();
    return false;
}

Result<void> TransactionGuard::commit()
{
    if (!m_active) {
        return Error::make(
            Error::Code::Database,
            QCoreApplication::translate("TransactionGuard", "The transaction is no longer open."),
            placeOf(m_db));
    }
    const CommitHook hook = m_depth == 0 ? t_hooks.value(m_db.connectionName()) : CommitHook{};
    if (!hook.aroundCommit)
        return commitNow();
    bool attempted = false;
    const auto done = hook.aroundCommit([&]() -> Result<void> {
        if (attempted || !m_active) {
            return Error::make(Error::Code::Database,
                               QCoreApplication::translate("TransactionGuard",
                                                           "The transaction is no longer open."),
                               m_db.connectionName());
        }
        attempted = true;
        return commitNow();
    });
    if (!attempted) {
        if (done.ok())
            return commitNow(); // a hook with nothing to add still commits
        rollback();
    }
    return done;
}

Result<void> TransactionGuard::commitNow()
{
    const QString sql = m_depth == 0
                            ? QStringLiteral("COMMIT")
                            : QStringLiteral("RELEASE SAVEPOINT ") + savepointName(m_depth);
    QSqlQuery query(m_db);
    if (!query.exec(sql)) {
        const Error error
            = sqlError(query.lastError(),
                       placeOf(m_db),
                       QCoreApplication::translate(
                           "TransactionGuard", "Cannot commit the changes; nothing was saved."));
        rollback();
        return error;
    }
    m_active = false;
    t_depths[m_db.connectionName()] = m_depth;
    if (m_depth == 0)
        t_changeIds.remove(m_db.connectionName());
    return {};
}

bool TransactionGuard::rollback()
{
    if (!m_active)
        return true;
    m_active = false;
    t_depths[m_db.connectionName()] = m_depth;
    if (m_depth == 0)
        t_changeIds.remove(m_db.connectionName());
    QString detail;
    if (m_depth == 0) {
        if (exec(QStringLiteral("ROLLBACK"), &detail))
            return true;
        qCWarning(lcDatabase) << "rollback failed" << m_db.connectionName() << detail;
        return false;
    }
    const QString name = savepointName(m_depth);
    if (exec(QStringLiteral("ROLLBACK TO SAVEPOINT ") + name, &detail)
        && exec(QStringLiteral("RELEASE SAVEPOINT ") + name, &detail))
        return true;
    qCWarning(lcDatabase) << "savepoint rollback failed" << m_db.connectionName() << detail;
    return false;
}

} // namespace mcphub
