#include "storage/live/changefeed.h"

#include "storage/db/sqldialect.h"
#include "storage/db/sqlerror.h"
#include "storage/db/transactionguard.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace mcphub {

namespace {

// PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; a key that long is left out
// (the listeners then refresh the whole area).
constexpr qsizetype kMaxPayload = 7900;

// The Batch open on each connection of this thread (connections belong to one thread).
thread_local QHash<QString, ChangeFeed::Batch *> t_batches;

QString tableOf(const QString &resource)
{
    const qsizetype slash = resource.indexOf(QLatin1Char('/'));
    return slash < 0 ? resource : resource.left(slash);
}

} // namespace

QByteArray ChangeNotice::toJson() const
{
    QJsonObject o{{QStringLiteral("v"), kVersion},
                  {QStringLiteral("table"), table},
                  {QStringLiteral("key"), key},
                  {QStringLiteral("action"), action},
                  {QStringLiteral("changeId"), changeId},
                  {QStringLiteral("instance"), instance}};
    QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    if (json.size() > kMaxPayload) {
        o.insert(QStringLiteral("key"), QString());
        json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
    return json;
}

std::optional<ChangeNotice> ChangeNotice::fromJson(const QByteArray &payload, QString *why)
{
    const auto fail = [&](const QString &reason) -> std::optional<ChangeNotice> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    if (payload.size() > 64 * 1024)
        return fail(QStringLiteral("payload of %1 bytes is too long").arg(payload.size()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(QStringLiteral("not JSON (%1 at offset %2)")
                        .arg(error.errorString(), QString::number(error.offset)));
    if (!doc.isObject())
        return fail(QStringLiteral("not a JSON object"));
    const QJsonObject o = doc.object();
    const QJsonValue v = o.value(QStringLiteral("v"));
    if (!v.isDouble() || v.toDouble() != kVersion)
        return fail(QStringLiteral("unknown payload version \"%1\"")
                        .arg(v.isUndefined() ? QStringLiteral("(none)")
                                             : v.toVariant().toString().left(40)));
    ChangeNotice notice;
    const auto field = [&](const char *name, QString *into, bool required) {
        const QJsonValue value = o.value(QLatin1String(name));
        if (value.isString()) {
            *into = value.toString();
            return !required || !into->isEmpty();
        }
        return !required && value.isUndefined();
    };
    if (!field("table", &notice.table, true))
        return fail(QStringLiteral("no \"table\" string"));
    if (!field("key", &notice.key, false))
        return fail(QStringLiteral("\"key\" is not a string"));
    if (!field("action", &notice.action, false))
        return fail(QStringLiteral("\"action\" is not a string"));
    if (!field("changeId", &notice.changeId, true))
        return fail(QStringLiteral("no \"changeId\" string"));
    if (!field("instance", &notice.instance, true))
        return fail(QStringLiteral("no \"instance\" string"));
    return notice;
}

QString ChangeFeed::instanceId()
{
    static const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return id;
}

ChangeNotice
ChangeFeed::noticeFor(const QString &connectionName, const QString &action, const QString &resource)
{
    ChangeNotice notice;
    const qsizetype slash = resource.indexOf(QLatin1Char('/'));
    notice.table = slash < 0 ? resource : resource.left(slash);
    notice.key = slash < 0 ? QString() : resource.mid(slash + 1);
    notice.action = action;
    notice.changeId = TransactionGuard::changeId(connectionName);
    if (notice.changeId.isEmpty())
        notice.changeId = TransactionGuard::newChangeId();
    notice.instance = instanceId();
    return notice;
}

QByteArray ChangeFeed::redisMessage(const ChangeNotice &notice,
                                    const QString &redisKey,
                                    const QJsonObject &after)
{
    const QJsonObject message{{QStringLiteral("key"), redisKey},
                              {QStringLiteral("value"),
                               after.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(after)},
                              {QStringLiteral("v"), ChangeNotice::kVersion},
                              {QStringLiteral("table"), notice.table},
                              {QStringLiteral("action"), notice.action},
                              {QStringLiteral("changeId"), notice.changeId},
                              {QStringLiteral("instance"), notice.instance}};
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

ChangeFeed::Batch::Batch(RepositoryContext context, QString action)
    : m_context(std::move(context))
    , m_action(std::move(action))
{
    t_batches.insert(m_context.connectionName, this);
}

ChangeFeed::Batch::~Batch()
{
    if (t_batches.value(m_context.connectionName) == this)
        t_batches.remove(m_context.connectionName);
}

void ChangeFeed::Batch::note(const QString &resource)
{
    const QString table = tableOf(resource);
    if (!table.isEmpty() && !m_tables.contains(table))
        m_tables << table;
}

Result<void> ChangeFeed::Batch::flush()
{
    if (t_batches.value(m_context.connectionName) == this)
        t_batches.remove(m_context.connectionName); // from here on, announce() sends
    if (!m_open)
        return {};
    m_open = false;
    for (const QString &table : std::as_const(m_tables)) {
        const ChangeNotice notice = noticeFor(m_context.connectionName, m_action, table);
        if (auto announced = announce(m_context, notice, table, {}); !announced)
            return announced;
    }
    return {};
}

Result<void> ChangeFeed::noteTable(const RepositoryContext &context,
                                   const QString &action,
                                   const QString &resource)
{
    if (Batch *batch = t_batches.value(context.connectionName)) {
        batch->note(resource);
        return {};
    }
    const QString table = tableOf(resource);
    return announce(context, noticeFor(context.connectionName, action, table), table, {});
}

Result<void> ChangeFeed::announce(const RepositoryContext &context,
                                  const ChangeNotice &notice,
                                  const QString &resource,
                                  const QJsonObject &after)
{
    if (Batch *batch = t_batches.value(context.connectionName)) {
        batch->note(notice.table);
        return {};
    }
    const QSqlDatabase db = QSqlDatabase::database(context.connectionName, false);
    const QString where = context.where + QStringLiteral(": ") + resource;
    if (!SqlDialect::forDatabase(db).isSqlite()) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT pg_notify(:channel, :payload)"));
        query.bindValue(QStringLiteral(":channel"), QString::fromLatin1(kChannel));
        query.bindValue(QStringLiteral(":payload"), QString::fromUtf8(notice.toJson()));
        if (!query.exec())
            return sqlError(query.lastError(),
                            where,
                            QCoreApplication::translate("ChangeFeed",
                                                        "Cannot announce the change to the "
                                                        "other consoles."));
    }
    if (context.redisUrl.isEmpty())
        return {};
    QSqlQuery query(db);
    const bool prepared
        = query.prepare(QStringLiteral("INSERT INTO change_outbox (change_id, redis_key, payload, "
                                       "created_at) VALUES (:change_id, :redis_key, :payload, "
                                       ":created_at)"));
    query.bindValue(QStringLiteral(":change_id"), notice.changeId);
    query.bindValue(QStringLiteral(":redis_key"), resource);
    query.bindValue(QStringLiteral(":payload"),
                    QString::fromUtf8(redisMessage(notice, resource, after)));
    query.bindValue(QStringLiteral(":created_at"),
                    SqlDialect::forDatabase(db).timestampValue(QDateTime::currentDateTimeUtc()));
    if (!prepared || !query.exec())
        return sqlError(
            query.lastError(),
            where,
            QCoreApplication::translate("ChangeFeed", "Cannot queue the change for Redis."));
    return {};
}

} // namespace mcphub
