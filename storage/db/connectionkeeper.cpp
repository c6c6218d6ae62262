#include "storage/db/connectionkeeper.h"

#include "storage/db/auditlogrepository.h"
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

#include <memory>

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

QString tr(const char *text)
{
    return QCoreApplication::translate("ConnectionKeeper", text);
}

} // namespace

ConnectionKeeper::ConnectionKeeper(QString connectionName, ReconnectPolicy policy, QObject *parent)
    : QObject(parent)
    , m_connectionName(std::move(connectionName))
    , m_policy(policy)
{}

ConnectionKeeper::~ConnectionKeeper()
{
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
            e.message = tr("The connection to the database broke during the change, which was "
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
            return Error::make(Error::Code::Network,
                               tr("The connection to the database broke during the change, and "
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
            return Error::make(Error::Code::Network,
                               tr("The connection to the database broke twice during the "
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
