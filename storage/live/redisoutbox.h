#pragma once

#include "storage/live/changefeed.h"
#include "storage/live/redisclient.h"
#include "storage/result.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

class QSocketNotifier;

namespace mcphub {

// The Redis side of ChangeFeed (issue 16), as the plan's ConfigManager.updateConfig does it:
// for each change_outbox row, in id order, SET config:<key> <value> EX 300 (DEL when the
// value is null: a deletion) and PUBLISH config:update <message>; a row is deleted once
// both succeeded. At least once: a row sent whose DELETE does not commit is sent again.
// One deliverer at a time per database (a transaction-scoped advisory lock on PostgreSQL,
// the write lock on SQLite). On the connection's thread.
namespace RedisOutbox {

constexpr const char *kChannel = "config:update";
constexpr int kCacheSeconds = 300;

// Delivers up to `max` rows; returns how many were delivered. A Redis failure after some
// rows keeps those delivered and returns the error.
Result<int> deliverPending(const QString &connectionName, RedisClient &redis, int max = 500);
// How many rows wait.
Result<qint64> pending(const QString &connectionName);

} // namespace RedisOutbox

// Delivers the outbox in the background: after kick() and every second, with a bounded
// backoff (100 ms doubling to 5 s) while Redis is down. Uses its own connection.
class OutboxDeliverer : public QObject
{
    Q_OBJECT
public:
    OutboxDeliverer(QString connectionName, RedisAddress address, QObject *parent = nullptr);

    void start();
    void kick(); // deliver soon (after an own commit)

Q_SIGNALS:
    void delivered(int count);
    void failed(const QString &message); // once per outage, not per retry

private:
    void run();

    QString m_connectionName;
    RedisClient m_redis;
    QTimer m_timer;
    int m_backoffMs = 0;
};

// Subscribes to config:update and hands on the change notices in it (own ones as
// ownChange, malformed ones as rejected with a log line). Reconnects by itself with a
// bounded backoff (100 ms doubling to 2 s); subscribed() each time the subscription stands.
class RedisSubscriber : public QObject
{
    Q_OBJECT
public:
    explicit RedisSubscriber(RedisAddress address, QObject *parent = nullptr);
    ~RedisSubscriber() override;

    void start();

Q_SIGNALS:
    void subscribed();
    void disconnected(const QString &message);
    void changed(const mcphub::ChangeNotice &notice);
    void ownChange(const mcphub::ChangeNotice &notice);
    void rejected(const QString &why);

private:
    void connectNow();
    void readReplies();
    void lost(const QString &message);

    RedisClient m_redis;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QTimer m_retry;
    int m_backoffMs = 0;
    bool m_reported = false;
};

} // namespace mcphub
