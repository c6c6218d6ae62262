#pragma once

#include "storage/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

struct redisContext;

namespace mcphub {

// A Redis URL, "redis://host:port[/db]" (port 6379 and db 0 when left out).
struct RedisAddress
{
    QString host;
    int port = 6379;
    int db = 0;

    static Result<RedisAddress> parse(const QString &url);
    QString url() const;
};

// A blocking Redis connection (hiredis) with a bounded timeout on connect and on every
// command: a Redis that is down or hangs costs at most that long. On one thread; not
// copyable. After an error the connection is dropped; the next command connects again.
class RedisClient
{
public:
    explicit RedisClient(RedisAddress address, int timeoutMs = 1000);
    ~RedisClient();
    RedisClient(const RedisClient &) = delete;
    RedisClient &operator=(const RedisClient &) = delete;

    const RedisAddress &address() const { return m_address; }
    Result<void> connect();
    bool isConnected() const { return m_context != nullptr; }
    void disconnect();

    // One command; the reply as a QVariant: a string as QByteArray, an integer as qint64, an
    // array as QVariantList, nil as an invalid QVariant. A Redis error reply is an Error.
    Result<QVariant> command(const QList<QByteArray> &args);

    // The socket, for a subscriber that waits for messages in an event loop; -1 when not
    // connected.
    int socket() const;
    // Sends a command without waiting for its reply (subscribe).
    Result<void> send(const QList<QByteArray> &args);
    // The replies that arrived on the socket so far (reads what is there, never blocks);
    // an error when the connection was closed or broke.
    Result<QList<QVariant>> takeReplies();

private:
    Error failure(const QString &doing);

    RedisAddress m_address;
    int m_timeoutMs;
    redisContext *m_context = nullptr;
};

// Redis as a cache, in the figures the plan's MetricsCollector reports: keyspace hits and
// misses since the server started (INFO stats) and the memory it uses (INFO memory). A figure
// the server does not report stays -1.
struct RedisCacheFigures
{
    qint64 keyspaceHits = -1;
    qint64 keyspaceMisses = -1;
    qint64 usedMemoryBytes = -1;

    // hits / (hits + misses); none when both are 0 (or unknown).
    std::optional<double> hitRatio() const;

    static Result<RedisCacheFigures> read(RedisClient &redis);
    // "field:value" lines of an INFO reply ("# Section" headers and blank lines skipped).
    static QHash<QByteArray, QByteArray> parseInfo(const QByteArray &reply);
};

} // namespace mcphub
