#include "storage/live/redisoutbox.h"

#include "storage/db/sqldialect.h"
#include "storage/db/sqlerror.h"
#include "storage/db/transactionguard.h"
#include "storage/logging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace mcphub {

namespace {

// pg_try_advisory_xact_lock key of the deliverer ("outbox").
constexpr qint64 kOutboxLockKey = 0x6f7574626f78;

// The notice inside a config:update message; its key is the resource ("servers/fetch"),
// of which the notice keeps the part after the table.
std::optional<ChangeNotice> noticeOfMessage(const QByteArray &message, QString *why)
{
    auto notice = ChangeNotice::fromJson(message, why);
    if (notice && notice->key.startsWith(notice->table + QLatin1Char('/')))
        notice->key = notice->key.mid(notice->table.size() + 1);
    return notice;
}

} // namespace

Result<qint64> RedisOutbox::pending(const QString &connectionName)
{
    QSqlQuery query(QSqlDatabase::database(connectionName, false));
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM change_outbox")) || !query.next())
        return sqlError(query.lastError(),
                        QStringLiteral("change_outbox"),
                        QCoreApplication::translate("RedisOutbox", "Cannot read the outbox."));
    return query.value(0).toLongLong();
}

Result<int> RedisOutbox::deliverPending(const QString &connectionName, RedisClient &redis, int max)
{
    const QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    const QString where = QStringLiteral("change_outbox");
    TransactionGuard tx(db);
    if (!tx.active())
        return tx.error();
    QSqlQuery query(db);
    if (!SqlDialect::forDatabase(db).isSqlite()) {
        query.prepare(QStringLiteral("SELECT pg_try_advisory_xact_lock(:key)"));
        query.bindValue(QStringLiteral(":key"), kOutboxLockKey);
        if (!query.exec() || !query.next())
            return sqlError(query.lastError(),
                            where,
                            QCoreApplication::translate("RedisOutbox", "Cannot lock the outbox."));
        if (!query.value(0).toBool())
            return 0; // another deliverer is at it
    }
    query.prepare(
        QStringLiteral("SELECT id, redis_key, payload FROM change_outbox ORDER BY id LIMIT :max"));
    query.bindValue(QStringLiteral(":max"), max);
    if (!query.exec())
        return sqlError(query.lastError(),
                        where,
                        QCoreApplication::translate("RedisOutbox", "Cannot read the outbox."));
    struct Row
    {
        qint64 id;
        QByteArray key;
        QByteArray payload;
    };
    QList<Row> rows;
    while (query.next())
        rows << Row{query.value(0).toLongLong(),
                    query.value(1).toString().toUtf8(),
                    query.value(2).toString().toUtf8()};
    if (rows.isEmpty())
        return 0;
    int sent = 0;
    std::optional<Error> failure;
    for (const Row &row : rows) {
        const QJsonValue value
            = QJsonDocument::fromJson(row.payload).object().value(QStringLiteral("value"));
        const QByteArray cacheKey = QByteArrayLiteral("config:") + row.key;
        const auto cached
            = value.isObject() || value.isArray() ? redis.command(
                  {"SET",
                   cacheKey,
                   value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                                    : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact),
                   "EX",
                   QByteArray::number(kCacheSeconds)})
                                                  : redis.command({"DEL", cacheKey});
        if (!cached) {
            failure = cached.error();
            break;
        }
        if (const auto published = redis.command({"PUBLISH", kChannel, row.payload}); !published) {
            failure = published.error();
            break;
        }
        ++sent;
    }
    if (sent > 0) {
        QSqlQuery remove(db);
        remove.prepare(QStringLiteral("DELETE FROM change_outbox WHERE id <= :last"));
        remove.bindValue(QStringLiteral(":last"), rows.at(sent - 1).id);
        if (!remove.exec())
            return sqlError(remove.lastError(),
                            where,
                            QCoreApplication::translate("RedisOutbox",
                                                        "Cannot clear the delivered changes "
                                                        "from the outbox."));
    }
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    if (failure)
        return *failure;
    return sent;
}

OutboxDeliverer::OutboxDeliverer(QString connectionName, RedisAddress address, QObject *parent)
    : QObject(parent)
    , m_connectionName(std::move(connectionName))
    , m_redis(std::move(address), 500)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &OutboxDeliverer::run);
}

void OutboxDeliverer::start()
{
    m_timer.start(0);
}

void OutboxDeliverer::kick()
{
    if (m_backoffMs == 0)
        m_timer.start(0);
}

void OutboxDeliverer::run()
{
    const auto done = RedisOutbox::deliverPending(m_connectionName, m_redis);
    if (!done) {
        if (m_backoffMs == 0) {
            qCWarning(lcDatabase).noquote() << done.error().message;
            Q_EMIT failed(done.error().message);
        }
        m_backoffMs = m_backoffMs == 0 ? 100 : std::min(m_backoffMs * 2, 5000);
        m_timer.start(m_backoffMs);
        return;
    }
    m_backoffMs = 0;
    if (*done > 0)
        Q_EMIT delivered(*done);
    m_timer.start(*done > 0 ? 0 : 1000);
}

RedisSubscriber::RedisSubscriber(RedisAddress address, QObject *parent)
    : QObject(parent)
    , m_redis(std::move(address), 500)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &RedisSubscriber::connectNow);
}

RedisSubscriber::~RedisSubscriber() = default;

void RedisSubscriber::start()
{
    connectNow();
}

void RedisSubscriber::connectNow()
{
    if (auto sent = m_redis.send({"SUBSCRIBE", RedisOutbox::kChannel}); !sent) {
        lost(sent.error().message);
        return;
    }
    m_notifier = std::make_unique<QSocketNotifier>(m_redis.socket(), QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &RedisSubscriber::readReplies);
}

void RedisSubscriber::lost(const QString &message)
{
    if (m_notifier) {
        // Often called from the notifier's own signal: deleted once back in the event loop.
        m_notifier->setEnabled(false);
        m_notifier.release()->deleteLater();
    }
    m_redis.disconnect();
    if (!m_reported) {
        qCWarning(lcDatabase).noquote() << message;
        Q_EMIT disconnected(message);
        m_reported = true;
    }
    m_backoffMs = m_backoffMs == 0 ? 100 : std::min(m_backoffMs * 2, 2000);
    m_retry.start(m_backoffMs);
}

void RedisSubscriber::readReplies()
{
    const auto replies = m_redis.takeReplies();
    if (!replies) {
        lost(replies.error().message);
        return;
    }
    for (const QVariant &reply : *replies) {
        const QVariantList parts = reply.toList();
        const QByteArray kind = parts.value(0).toByteArray();
        if (kind == "subscribe") {
            m_backoffMs = 0;
            m_reported = false;
            Q_EMIT subscribed();
        } else if (kind == "message" && parts.size() == 3) {
            QString why;
            const auto notice = noticeOfMessage(parts.at(2).toByteArray(), &why);
            if (!notice) {
                qCWarning(lcDatabase).noquote()
                    << QStringLiteral("ignored a config:update message: %1").arg(why);
                Q_EMIT rejected(why);
            } else if (notice->instance == ChangeFeed::instanceId()) {
                Q_EMIT ownChange(*notice);
            } else {
                Q_EMIT changed(*notice);
            }
        }
    }
}

} // namespace mcphub
