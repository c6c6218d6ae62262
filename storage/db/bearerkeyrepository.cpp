#include "storage/db/bearerkeyrepository.h"

#include "storage/settings/mcphubjsonwriter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace mcphub {

namespace {

// The texts keep the context of the Keys page they were first written for, declared so that
// lupdate files them under it (a tr() lambda calling translate() was filed under the class).
struct BearerKeyTexts
{
    Q_DECLARE_TR_FUNCTIONS(BearerKeyTableModel)
};

} // namespace

QStringList BearerKeyRecord::accessTypes()
{
    return {QStringLiteral("all"),
            QStringLiteral("groups"),
            QStringLiteral("servers"),
            QStringLiteral("custom")};
}

QString BearerKeyRecord::generateToken()
{
    // MCPHub's own format (POST /api/auth/keys: "mcphub_" + randomBytes(32) as lowercase hex),
    // from the system's CSPRNG.
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / 4);
    return QStringLiteral("mcphub_") + QString::fromLatin1(bytes.toHex());
}

QString BearerKeyRecord::maskedToken(const QString &token)
{
    // GET /api/auth/keys lists "mcphub_0...e2a0"; a token of 12 characters or fewer would
    // show whole that way.
    if (token.size() <= 12)
        return QString(token.size() < 8 ? 8 : token.size(), QLatin1Char('*'));
    return token.left(8) + QStringLiteral("...") + token.right(4);
}

QStringList BearerKeyRecord::names(const QString &jsonArray)
{
    QStringList list;
    for (const QJsonValue &v : QJsonDocument::fromJson(jsonArray.toUtf8()).array())
        list << v.toString();
    return list;
}

QString BearerKeyRecord::namesJson(const QStringList &names)
{
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const QString &name : names)
        array.push_back(name.toStdString());
    return QString::fromUtf8(McpHubJsonWriter::write(array, 0));
}

bool BearerKeyRecord::isNameList(const QString &jsonArray)
{
    if (jsonArray.isNull())
        return true;
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(jsonArray.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !json.isArray())
        return false;
    const QJsonArray array = json.array();
    return std::all_of(
        array.cbegin(), array.cend(), [](const QJsonValue &v) { return v.isString(); });
}

QString BearerKeyRecord::namesKeeping(const QString &stored, const QStringList &names)
{
    if (isNameList(stored) && BearerKeyRecord::names(stored) == names)
        return stored;
    if (names.isEmpty() && stored.isNull())
        return QString();
    return namesJson(names);
}

QHash<QString, QString> BearerKeyRecord::accessProblems(const QString &access,
                                                        const QStringList &groups,
                                                        const QStringList &servers)
{
    QHash<QString, QString> found;
    if (!accessTypes().contains(access))
        found.insert(QStringLiteral("accessType"),
                     BearerKeyTexts::tr("The access type is all, groups, servers or custom."));
    else if (access == QLatin1String("groups") && groups.isEmpty())
        found.insert(QStringLiteral("allowedGroups"),
                     BearerKeyTexts::tr("Group access needs at least one group."));
    else if (access == QLatin1String("servers") && servers.isEmpty())
        found.insert(QStringLiteral("allowedServers"),
                     BearerKeyTexts::tr("Server access needs at least one server."));
    else if (access == QLatin1String("custom") && groups.isEmpty() && servers.isEmpty())
        found.insert(QStringLiteral("allowedGroups"),
                     BearerKeyTexts::tr("Custom access needs at least one group or server."));
    return found;
}

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

Result<QList<BearerKeyRecord>> BearerKeyRepository::all() const
{
    return allPages<BearerKeyRecord>([this](const PageRequest &page) { return list({}, page); });
}

Result<QList<BearerKeyRecord>> BearerKeyRepository::findByNameOrId(const QString &nameOrId) const
{
    return RepositoryBase::findByNameOrId<BearerKeyRecord>(
        QStringLiteral("bearer_keys"), nameOrId, [this](const QSqlRecord &r) {
            return fromRecord(r);
        });
}

Result<void> BearerKeyRepository::renameServer(const QString &oldName, const QString &newName)
{
    const auto keys = all();
    if (!keys)
        return keys.error();
    for (BearerKeyRecord key : *keys) {
        // As MCPHub's BearerKeyDao.updateServerName: allowedServers only. A list MCPHub
        // cannot load is left as it is (it is named on its row).
        nlohmann::ordered_json servers
            = nlohmann::ordered_json::parse(key.allowedServers.toStdString(), nullptr, false);
        if (!servers.is_array())
            continue;
        bool renamed = false;
        for (auto &entry : servers) {
            if (entry.is_string() && QString::fromStdString(entry.get<std::string>()) == oldName) {
                entry = newName.toStdString();
                renamed = true;
            }
        }
        if (!renamed)
            continue;
        key.allowedServers = QString::fromUtf8(McpHubJsonWriter::write(servers, 0));
        if (auto done = update(key); !done)
            return done;
    }
    return {};
}

} // namespace mcphub
