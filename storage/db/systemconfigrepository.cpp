#include "storage/db/systemconfigrepository.h"

#include "storage/db/sqlerror.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace mcphub {

namespace {

QJsonObject summary(const SystemConfigEntry &entry)
{
    return {{QStringLiteral("key"), entry.key},
            {QStringLiteral("bytes"), int(entry.value.toUtf8().size())}};
}

SystemConfigEntry fromRecord(const QSqlRecord &r)
{
    return {r.value(QStringLiteral("key")).toString(),
            r.value(QStringLiteral("value")).toString(),
            r.value(QStringLiteral("ordinal")).toInt()};
}

} // namespace

Result<void> SystemConfigRepository::set(const SystemConfigEntry &entry)
{
    const auto old = find(entry.key);
    if (!old)
        return old.error();
    const QString resource = QStringLiteral("system-config/") + entry.key;
    return audited(
        QStringLiteral("system-config.set"),
        resource,
        old->has_value() ? QStringLiteral("UPDATE") : QStringLiteral("CREATE"),
        old->has_value() ? summary(**old) : QJsonObject(),
        summary(entry),
        [&]() -> Result<void> {
            const QSqlDatabase database = db();
            QSqlQuery query(database);
            query.prepare(dialect().upsertStatement(database,
                                                    QStringLiteral("system_config"),
                                                    {QStringLiteral("key"),
                                                     QStringLiteral("value"),
                                                     QStringLiteral("ordinal"),
                                                     QStringLiteral("updated_at")},
                                                    {QStringLiteral("key")}));
            query.bindValue(QStringLiteral(":key"), entry.key);
            query.bindValue(QStringLiteral(":value"), entry.value);
            query.bindValue(QStringLiteral(":ordinal"), entry.ordinal);
            query.bindValue(QStringLiteral(":updated_at"), now());
            if (!query.exec()) {
                return sqlError(
                    query.lastError(),
                    context().where + QStringLiteral(": system_config.") + entry.key,
                    QCoreApplication::translate("SystemConfigRepository",
                                                "Cannot save the system configuration."));
            }
            return {};
        });
}

Result<void> SystemConfigRepository::remove(const QString &key)
{
    const auto old = find(key);
    if (!old)
        return old.error();
    const QString resource = QStringLiteral("system-config/") + key;
    if (!old->has_value()) {
        return Error::make(Error::Code::NotFound,
                           QCoreApplication::translate("SystemConfigRepository",
                                                       "The system configuration has no such key."),
                           resource);
    }
    return audited(QStringLiteral("system-config.remove"),
                   resource,
                   QStringLiteral("DELETE"),
                   summary(**old),
                   {},
                   [&]() -> Result<void> {
                       const auto r = deleteRows(
                           QStringLiteral("system_config"), QStringLiteral("key"), key);
                       if (!r)
                           return r.error();
                       return {};
                   });
}

Result<std::optional<SystemConfigEntry>> SystemConfigRepository::find(const QString &key) const
{
    const auto rows = selectByKey(QStringLiteral("system_config"), QStringLiteral("key"), key);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<SystemConfigEntry>();
    return std::optional<SystemConfigEntry>(fromRecord(rows->first()));
}

Result<QList<SystemConfigEntry>> SystemConfigRepository::all() const
{
    const auto rows = selectRows(
        QStringLiteral("system_config"), SqlFilter(), QStringLiteral("ordinal, key"), {0, 100000});
    if (!rows)
        return rows.error();
    QList<SystemConfigEntry> result;
    for (const QSqlRecord &r : *rows)
        result << fromRecord(r);
    return result;
}

} // namespace mcphub
