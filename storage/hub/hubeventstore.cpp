#include "storage/hub/hubeventstore.h"

#include "storage/db/sqlerror.h"
#include "storage/hub/hubrepository.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace mcphub {

namespace {

const QString kTable = QStringLiteral("hub_events");

QVariant textOrNull(const QString &value)
{
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

} // namespace

Error HubEventStore::failure(const QSqlQuery &query, const QString &doing) const
{
    return sqlError(query.lastError(), context().where + QStringLiteral(": ") + kTable, doing);
}

Result<qint64> HubEventStore::record(const HubEvent &event)
{
    if (auto unsupported = unsupportedTable(kTable))
        return *unsupported;
    if (auto writable = checkWritable(kTable); !writable)
        return writable.error();
    const auto hub = HubRepository(context()).find(event.hub);
    if (!hub)
        return hub.error();
    const auto id
        = insertRow(kTable,
                    {{QStringLiteral("hub_id"), hub->id},
                     {QStringLiteral("timestamp"),
                      dialect().timestampValue(
                          event.at.isValid() ? event.at.toUTC() : QDateTime::currentDateTimeUtc())},
                     {QStringLiteral("kind"), event.kind},
                     {QStringLiteral("state"), textOrNull(event.state)},
                     {QStringLiteral("title"), event.title},
                     {QStringLiteral("message"), event.message}},
                    QStringLiteral("id"));
    if (!id)
        return id.error();
    return id->toLongLong();
}

Result<QList<HubEvent>> HubEventStore::list(int limit) const
{
    if (auto unsupported = unsupportedTable(kTable))
        return *unsupported;
    QSqlQuery query(db());
    query.prepare(QStringLiteral(
        "SELECT e.id, h.name, e.timestamp, e.kind, e.state, e.title, e.message, "
        "e.acknowledged_at, e.acknowledged_by FROM hub_events e JOIN hubs h ON h.id = e.hub_id "
        "ORDER BY e.timestamp DESC, e.id DESC LIMIT :limit"));
    query.bindValue(QStringLiteral(":limit"), qMax(0, limit));
    if (!query.exec())
        return failure(query, tr("Cannot read the hub events."));
    const SqlDialect d = dialect();
    QList<HubEvent> events;
    while (query.next()) {
        HubEvent e;
        e.id = query.value(0).toLongLong();
        e.hub = query.value(1).toString();
        e.at = d.timestampFromValue(query.value(2));
        e.kind = query.value(3).toString();
        e.state = query.value(4).toString();
        e.title = query.value(5).toString();
        e.message = query.value(6).toString();
        if (!query.value(7).isNull())
            e.acknowledgedAt = d.timestampFromValue(query.value(7));
        e.acknowledgedBy = query.value(8).toString();
        events << e;
    }
    return events;
}

Result<QHash<QString, int>> HubEventStore::unacknowledgedCounts() const
{
    if (auto unsupported = unsupportedTable(kTable))
        return *unsupported;
    QSqlQuery query(db());
    if (!query.exec(QStringLiteral("SELECT h.name, count(*) FROM hub_events e JOIN hubs h ON "
                                   "h.id = e.hub_id WHERE e.acknowledged_at IS NULL GROUP BY "
                                   "h.name")))
        return failure(query, tr("Cannot count the unacknowledged hub events."));
    QHash<QString, int> counts;
    while (query.next())
        counts.insert(query.value(0).toString(), query.value(1).toInt());
    return counts;
}

Result<int> HubEventStore::acknowledge(const QList<qint64> &ids)
{
    if (auto unsupported = unsupportedTable(kTable))
        return *unsupported;
    if (ids.isEmpty())
        return 0;
    int changed = 0;
    QJsonArray acknowledged;
    for (const qint64 id : ids)
        acknowledged.append(id);
    auto done = audited(QStringLiteral("hub.event.acknowledge"),
                        kTable,
                        QStringLiteral("UPDATE"),
                        {},
                        {{QStringLiteral("ids"), acknowledged}},
                        [&]() -> Result<void> {
                            QSqlQuery query(db());
                            query.prepare(QStringLiteral(
                                "UPDATE hub_events SET acknowledged_at = :at, acknowledged_by = "
                                ":by WHERE id = :id AND acknowledged_at IS NULL"));
                            const QVariant at = now();
                            for (const qint64 id : ids) {
                                query.bindValue(QStringLiteral(":at"), at);
                                query.bindValue(QStringLiteral(":by"), textOrNull(context().actor));
                                query.bindValue(QStringLiteral(":id"), id);
                                if (!query.exec())
                                    return failure(query, tr("Cannot acknowledge the hub event."));
                                changed += query.numRowsAffected();
                            }
                            return {};
                        });
    if (!done)
        return done.error();
    return changed;
}

Result<int> HubEventStore::acknowledgeAll(const QString &hub)
{
    if (auto unsupported = unsupportedTable(kTable))
        return *unsupported;
    qint64 hubId = 0;
    if (!hub.isEmpty()) {
        const auto found = HubRepository(context()).find(hub);
        if (!found)
            return found.error();
        hubId = found->id;
    }
    int changed = 0;
    auto done = audited(
        QStringLiteral("hub.event.acknowledge"),
        hub.isEmpty() ? kTable : kTable + QLatin1Char('/') + hub,
        QStringLiteral("UPDATE"),
        {},
        {{QStringLiteral("all"), true}},
        [&]() -> Result<void> {
            QSqlQuery query(db());
            query.prepare(QStringLiteral("UPDATE hub_events SET acknowledged_at = :at, "
                                         "acknowledged_by = :by WHERE acknowledged_at IS NULL")
                          + (hub.isEmpty() ? QString() : QStringLiteral(" AND hub_id = :hub")));
            query.bindValue(QStringLiteral(":at"), now());
            query.bindValue(QStringLiteral(":by"), textOrNull(context().actor));
            if (!hub.isEmpty())
                query.bindValue(QStringLiteral(":hub"), hubId);
            if (!query.exec())
                return failure(query, tr("Cannot acknowledge the hub events."));
            changed = query.numRowsAffected();
            return {};
        });
    if (!done)
        return done.error();
    return changed;
}

} // namespace mcphub
