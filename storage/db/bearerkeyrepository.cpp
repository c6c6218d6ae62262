#include "storage/db/bearerkeyrepository.h"

#include <QCoreApplication>
#include <QUuid>

namespace mcphub {

QJsonObject BearerKeyRecord::auditSummary() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("enabled"), enabled},
            {QStringLiteral("accessType"), accessType}};
}

RepositoryBase::Columns BearerKeyRepository::columns(const BearerKeyRecord &k) const
{
    if (inMcphubDatabase()) {
        // MCPHub's bearer_keys (mcphub-dbmode.md §1.2): the lists as the JSON text its
        // JSON.stringify writes, "[]" for none (as its API stores a list it was not given);
        // kind and owner are kept as they are (new keys: the default, 'system').
        const auto list = [](const QString &json) {
            return json.isNull() ? QStringLiteral("[]") : json;
        };
        return {{QStringLiteral("name"), k.name},
                {QStringLiteral("token"), k.token},
                {QStringLiteral("enabled"), k.enabled},
                {QStringLiteral("accessType"),
                 k.accessType.isEmpty() ? QStringLiteral("all") : k.accessType},
                {QStringLiteral("allowedGroups"), list(k.allowedGroups)},
                {QStringLiteral("allowedServers"), list(k.allowedServers)}};
    }
    return {{QStringLiteral("name"), k.name},
            {QStringLiteral("token"), k.token},
            {QStringLiteral("enabled"), dialect().boolValue(k.enabled)},
            {QStringLiteral("access_type"),
             k.accessType.isEmpty() ? QStringLiteral("all") : k.accessType},
            {QStringLiteral("allowed_groups"), text(k.allowedGroups)},
            {QStringLiteral("allowed_servers"), text(k.allowedServers)},
            {QStringLiteral("extra"), text(k.extra)},
            {QStringLiteral("key_order"), text(k.keyOrder)},
            {QStringLiteral("ordinal"), k.ordinal},
            {QStringLiteral("updated_at"), now()}};
}

BearerKeyRecord BearerKeyRepository::fromRecord(const QSqlRecord &r) const
{
    auto str = [&](const char *column) {
        return r.value(QLatin1String(column)).toString();
    };
    BearerKeyRecord k;
    if (inMcphubDatabase()) {
        k.id = str("id");
        k.name = str("name");
        k.token = str("token");
        k.enabled = r.value(QStringLiteral("enabled")).toBool();
        k.accessType = str("accessType");
        k.allowedGroups = str("allowedGroups");
        k.allowedServers = str("allowedServers");
        k.createdAt = SqlDialect::wallClockUtc(r.value(QStringLiteral("created_at")));
        k.updatedAt = SqlDialect::wallClockUtc(r.value(QStringLiteral("updated_at")));
        k.findings = McphubRowCheck::check(QStringLiteral("bearer_keys"), r);
        return k;
    }
    k.id = str("id");
    k.name = str("name");
    k.token = str("token");
    k.enabled = r.value(QStringLiteral("enabled")).toBool();
    k.accessType = str("access_type");
    k.allowedGroups = str("allowed_groups");
    k.allowedServers = str("allowed_servers");
    k.extra = str("extra");
    k.keyOrder = str("key_order");
    k.ordinal = r.value(QStringLiteral("ordinal")).toInt();
    k.createdAt = timestamp(r, QStringLiteral("created_at"));
    k.updatedAt = timestamp(r, QStringLiteral("updated_at"));
    return k;
}

Result<void> BearerKeyRepository::create(const BearerKeyRecord &key)
{
    BearerKeyRecord k = key;
    if (k.id.isEmpty())
        k.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return audited(QStringLiteral("bearer-key.create"),
                   QStringLiteral("bearer-keys/") + k.id,
                   QStringLiteral("CREATE"),
                   {},
                   k.auditSummary(),
                   [&]() -> Result<void> {
                       Columns values = columns(k);
                       values.prepend({QStringLiteral("id"), k.id});
                       if (inMcphubDatabase()) {
                           // created_at, updated_at and kind: the table's defaults.
                           const auto r = insertRow(QStringLiteral("bearer_keys"), values);
                           if (!r)
                               return r.error();
                           return {};
                       }
                       values.append(
                           {QStringLiteral("created_at"),
                            dialect().timestampValue(k.createdAt.isValid()
                                                         ? k.createdAt
                                                         : QDateTime::currentDateTimeUtc())});
                       const auto r = insertRow(QStringLiteral("bearer_keys"), values);
                       if (!r)
                           return r.error();
                       return {};
                   });
}

Result<void>
BearerKeyRepository::withExisting(const QString &id,
                                  const std::function<Result<void>(const BearerKeyRecord &)> &apply)
{
    const auto old = find(id);
    if (!old)
        return old.error();
    const QString resource = QStringLiteral("bearer-keys/") + id;
    if (!old->has_value()) {
        return Error::make(Error::Code::NotFound,
                           QCoreApplication::translate("BearerKeyRepository",
                                                       "There is no bearer key with this id."),
                           resource);
    }
    return apply(**old);
}

Result<void> BearerKeyRepository::update(const BearerKeyRecord &key,
                                         const BearerKeyRecord *unedited)
{
    return withExisting(key.id, [&](const BearerKeyRecord &old) {
        QJsonObject after = key.auditSummary();
        if (old.token != key.token)
            after.insert(QStringLiteral("tokenChanged"), true);
        return audited(QStringLiteral("bearer-key.update"),
                       QStringLiteral("bearer-keys/") + key.id,
                       QStringLiteral("UPDATE"),
                       old.auditSummary(),
                       after,
                       [&]() -> Result<void> {
                           if (inMcphubDatabase()) {
                               const Columns asRead = unedited ? columns(*unedited) : Columns();
                               return updateMcphubRow(QStringLiteral("bearer_keys"),
                                                      key.id,
                                                      columns(old),
                                                      columns(key),
                                                      QStringLiteral("bearer-keys/") + key.id,
                                                      unedited ? &asRead : nullptr);
                           }
                           const auto r = updateRows(QStringLiteral("bearer_keys"),
                                                     columns(key),
                                                     QStringLiteral("id"),
                                                     key.id);
                           if (!r)
                               return r.error();
                           return {};
                       });
    });
}

Result<void> BearerKeyRepository::remove(const QString &id)
{
    return withExisting(id, [&](const BearerKeyRecord &old) {
        return audited(QStringLiteral("bearer-key.delete"),
                       QStringLiteral("bearer-keys/") + id,
                       QStringLiteral("DELETE"),
                       old.auditSummary(),
                       {},
                       [&]() -> Result<void> {
                           const auto r = deleteRows(
                               QStringLiteral("bearer_keys"), QStringLiteral("id"), id);
                           if (!r)
                               return r.error();
                           return {};
                       });
    });
}

Result<std::optional<BearerKeyRecord>> BearerKeyRepository::find(const QString &id) const
{
    return findByKey<BearerKeyRecord>(QStringLiteral("bearer_keys"),
                                      QStringLiteral("id"),
                                      id,
                                      [this](const QSqlRecord &r) { return fromRecord(r); });
}

Result<Page<BearerKeyRecord>> BearerKeyRepository::list(const BearerKeyFilter &filter,
                                                        const PageRequest &page) const
{
    SqlFilter where;
    if (!filter.search.isEmpty())
        where.add(dialect().containsExpression(QStringLiteral("name"), QStringLiteral(":s")),
                  {{QStringLiteral(":s"), filter.search}});
    if (filter.enabled)
        where.add(QStringLiteral("enabled = :enabled"),
                  {{QStringLiteral(":enabled"), dialect().boolValue(*filter.enabled)}});
    const auto total = countRows(QStringLiteral("bearer_keys"), where);
    if (!total)
        return total.error();
    // MCPHub lists its keys oldest first (and a duplicated token matches the oldest).
    const auto rows = selectRows(QStringLiteral("bearer_keys"),
                                 where,
                                 inMcphubDatabase() ? QStringLiteral("created_at, id")
                                                    : QStringLiteral("ordinal, name, id"),
                                 page);
    if (!rows)
        return rows.error();
    Page<BearerKeyRecord> result;
    result.total = *total;
    for (const QSqlRecord &r : *rows)
        result.items << fromRecord(r);
    return result;
}

} // namespace mcphub
