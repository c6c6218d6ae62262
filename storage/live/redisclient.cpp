#include "storage/live/redisclient.h"

#include <QCoreApplication>
#include <QUrl>

#include <hiredis/hiredis.h>

#include <csignal>
#include <vector>

namespace mcphub {

namespace {

QVariant toVariant(const redisReply *reply)
{
    switch (reply->type) {
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
        return QByteArray(reply->str, qsizetype(reply->len));
    case REDIS_REPLY_INTEGER:
        return qint64(reply->integer);
    case REDIS_REPLY_ARRAY: {
        QVariantList list;
        for (size_t i = 0; i < reply->elements; ++i)
            list << toVariant(reply->element[i]);
        return list;
    }
    default:
        return {};
    }
}

timeval toTimeval(int ms)
{
    return timeval{ms / 1000, (ms % 1000) * 1000};
}

} // namespace

Result<RedisAddress> RedisAddress::parse(const QString &url)
{
    const QUrl u(url, QUrl::StrictMode);
    const auto bad = [&](const QString &why) {
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate("RedisClient",
                                                       "\"%1\" is not a Redis URL "
                                                       "(redis://host:port[/db]): %2")
                               .arg(url, why),
                           QStringLiteral("--redis"));
    };
    if (!u.isValid() || u.scheme() != QLatin1String("redis"))
        return bad(QCoreApplication::translate("RedisClient", "the scheme must be redis://"));
    if (u.host().isEmpty())
        return bad(QCoreApplication::translate("RedisClient", "no host"));
    if (!u.userInfo().isEmpty() || u.hasQuery() || u.hasFragment())
        return bad(QCoreApplication::translate("RedisClient",
                                               "user, password, query and fragment are not "
                                               "supported"));
    RedisAddress address;
    address.host = u.host();
    address.port = u.port(6379);
    const QString path = u.path();
    if (!path.isEmpty() && path != QLatin1String("/")) {
        bool ok = false;
        address.db = path.mid(1).toInt(&ok);
        if (!ok || address.db < 0)
            return bad(QCoreApplication::translate("RedisClient", "the database must be a number"));
    }
    return address;
}

QString RedisAddress::url() const
{
    QString text = QStringLiteral("redis://%1:%2").arg(host, QString::number(port));
    if (db != 0)
        text += QLatin1Char('/') + QString::number(db);
    return text;
}

RedisClient::RedisClient(RedisAddress address, int timeoutMs)
    : m_address(std::move(address))
    , m_timeoutMs(timeoutMs)
{
    // hiredis writes with write(): a Redis that died must be an error, not SIGPIPE ending
    // the process (unless the program installed a handler of its own).
    static const bool ignoringSigpipe = [] {
        struct sigaction current = {};
        if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL)
            std::signal(SIGPIPE, SIG_IGN);
        return true;
    }();
    Q_UNUSED(ignoringSigpipe)
}

RedisClient::~RedisClient()
{
    disconnect();
}

void RedisClient::disconnect()
{
    if (m_context)
        redisFree(m_context);
    m_context = nullptr;
}

int RedisClient::socket() const
{
    return m_context ? m_context->fd : -1;
}

Error RedisClient::failure(const QString &doing)
{
    const QString detail = m_context && m_context->err
                               ? QString::fromLocal8Bit(m_context->errstr)
                               : QCoreApplication::translate("RedisClient", "connection lost");
    disconnect();
    return Error::make(Error::Code::Network,
                       QCoreApplication::translate("RedisClient", "%1 (Redis at %2): %3")
                           .arg(doing, m_address.url(), detail),
                       m_address.url());
}

Result<void> RedisClient::connect()
{
    if (m_context)
        return {};
    const QByteArray host = m_address.host.toUtf8();
    m_context = redisConnectWithTimeout(host.constData(), m_address.port, toTimeval(m_timeoutMs));
    if (!m_context || m_context->err)
        return failure(QCoreApplication::translate("RedisClient", "Cannot connect"));
    if (redisSetTimeout(m_context, toTimeval(m_timeoutMs)) != REDIS_OK)
        return failure(QCoreApplication::translate("RedisClient", "Cannot set the timeout"));
    if (m_address.db != 0) {
        const auto selected = command({"SELECT", QByteArray::number(m_address.db)});
        if (!selected)
            return selected.error();
    }
    return {};
}

Result<QVariant> RedisClient::command(const QList<QByteArray> &args)
{
    if (auto connected = connect(); !connected)
        return connected.error();
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const QByteArray &a : args) {
        argv.push_back(a.constData());
        lengths.push_back(size_t(a.size()));
    }
    auto *reply = static_cast<redisReply *>(
        redisCommandArgv(m_context, int(argv.size()), argv.data(), lengths.data()));
    if (!reply)
        return failure(QCoreApplication::translate("RedisClient", "%1 failed")
                           .arg(QString::fromUtf8(args.value(0))));
    if (reply->type == REDIS_REPLY_ERROR) {
        const QString message = QString::fromUtf8(reply->str, qsizetype(reply->len));
        freeReplyObject(reply);
        return Error::make(Error::Code::Network,
                           QCoreApplication::translate("RedisClient", "Redis refused %1: %2")
                               .arg(QString::fromUtf8(args.value(0)), message),
                           m_address.url());
    }
    QVariant value = toVariant(reply);
    freeReplyObject(reply);
    return value;
}

Result<void> RedisClient::send(const QList<QByteArray> &args)
{
    if (auto connected = connect(); !connected)
        return connected.error();
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const QByteArray &a : args) {
        argv.push_back(a.constData());
        lengths.push_back(size_t(a.size()));
    }
    if (redisAppendCommandArgv(m_context, int(argv.size()), argv.data(), lengths.data())
        != REDIS_OK)
        return failure(QCoreApplication::translate("RedisClient", "Cannot send"));
    int done = 0;
    while (!done) {
        if (redisBufferWrite(m_context, &done) != REDIS_OK)
            return failure(QCoreApplication::translate("RedisClient", "Cannot send"));
    }
    return {};
}

Result<QList<QVariant>> RedisClient::takeReplies()
{
    if (!m_context)
        return failure(QCoreApplication::translate("RedisClient", "Not connected"));
    // The socket is readable (the caller's notifier said so): one read, which returns 0
    // bytes (an error) when Redis closed the connection.
    if (redisBufferRead(m_context) != REDIS_OK)
        return failure(QCoreApplication::translate("RedisClient", "Connection closed"));
    QList<QVariant> replies;
    for (;;) {
        void *raw = nullptr;
        if (redisGetReplyFromReader(m_context, &raw) != REDIS_OK)
            return failure(QCoreApplication::translate("RedisClient", "Unreadable reply"));
        if (!raw)
            return replies;
        auto *reply = static_cast<redisReply *>(raw);
        replies << toVariant(reply);
        freeReplyObject(reply);
    }
}

std::optional<double> RedisCacheFigures::hitRatio() const
{
    if (keyspaceHits < 0 || keyspaceMisses < 0 || keyspaceHits + keyspaceMisses == 0)
        return std::nullopt;
    return double(keyspaceHits) / double(keyspaceHits + keyspaceMisses);
}

QHash<QByteArray, QByteArray> RedisCacheFigures::parseInfo(const QByteArray &reply)
{
    QHash<QByteArray, QByteArray> fields;
    for (const QByteArray &raw : reply.split('\n')) {
        const QByteArray line = raw.trimmed();
        const qsizetype colon = line.indexOf(':');
        if (line.isEmpty() || line.startsWith('#') || colon <= 0)
            continue;
        fields.insert(line.left(colon), line.mid(colon + 1));
    }
    return fields;
}

Result<RedisCacheFigures> RedisCacheFigures::read(RedisClient &redis)
{
    RedisCacheFigures figures;
    const auto number = [](const QHash<QByteArray, QByteArray> &fields, const char *name) {
        bool ok = false;
        const qint64 n = fields.value(name).toLongLong(&ok);
        return ok ? n : qint64(-1);
    };
    const auto stats = redis.command({"INFO", "stats"});
    if (!stats)
        return stats.error();
    const auto statFields = parseInfo(stats->toByteArray());
    figures.keyspaceHits = number(statFields, "keyspace_hits");
    figures.keyspaceMisses = number(statFields, "keyspace_misses");
    const auto memory = redis.command({"INFO", "memory"});
    if (!memory)
        return memory.error();
    figures.usedMemoryBytes = number(parseInfo(memory->toByteArray()), "used_memory");
    return figures;
}

} // namespace mcphub
