#include "storage/migration/hubsettings.h"

#include "storage/db/systemconfigrepository.h"
#include "storage/settings/jsonpointer.h"
#include "storage/settings/mcphubjsonwriter.h"

#include <QDateTime>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <unordered_set>
#include <vector>

namespace mcphub {

namespace {

using Kind = HubColumn::Kind;

HubColumn col(const char *key,
              const char *column,
              Kind kind,
              int maxLength = 0,
              OrderedJson whenAbsent = nullptr,
              bool required = false)
{
    const bool notNull = required || !whenAbsent.is_null();
    return {QString::fromLatin1(key),
            QString::fromLatin1(column),
            kind,
            maxLength,
            std::move(whenAbsent),
            required,
            notNull};
}

HubColumn required(const char *key, const char *column, Kind kind, int maxLength = 0)
{
    return col(key, column, kind, maxLength, nullptr, true);
}

// MCPHub's defaults for the row it creates (SystemConfigRepository::mcphubDefaultRow).
OrderedJson systemConfigDefault(const QString &column)
{
    for (const auto &[name, value] : SystemConfigRepository::mcphubDefaultRow()) {
        if (name != column)
            continue;
        if (value.typeId() == QMetaType::Bool)
            return value.toBool();
        return value.toString().toStdString();
    }
    return nullptr;
}

QList<HubEntity> makeEntities()
{
    QList<HubEntity> list;
    HubEntity servers{QStringLiteral("mcpServers"),
                      HubEntity::Shape::Map,
                      QStringLiteral("servers"),
                      QStringLiteral("name"),
                      {},
                      255};
    servers.columns = {col("type", "type", Kind::Text, 50),
                       col("description", "description", Kind::Text),
                       col("url", "url", Kind::Text),
                       col("command", "command", Kind::Text, 500),
                       col("args", "args", Kind::Json),
                       col("env", "env", Kind::Json),
                       col("headers", "headers", Kind::Json),
                       col("enabled", "enabled", Kind::Bool, 0, true),
                       col("owner", "owner", Kind::Text, 255),
                       col("visibility", "visibility", Kind::Text, 16, "private"),
                       col("enableKeepAlive", "enableKeepAlive", Kind::Bool, 0, false),
                       col("keepAliveInterval", "keepAliveInterval", Kind::Int),
                       col("tools", "tools", Kind::Json),
                       col("prompts", "prompts", Kind::Json),
                       col("resources", "resources", Kind::Json),
                       col("options", "options", Kind::Json),
                       col("oauth", "oauth", Kind::Json),
                       col("proxy", "proxy", Kind::Json),
                       col("openapi", "openapi", Kind::Json),
                       col("passthroughHeaders", "passthroughHeaders", Kind::Json),
                       col("perSessionClient", "perSessionClient", Kind::Bool)};
    list << servers;

    HubEntity users{QStringLiteral("users"),
                    HubEntity::Shape::Array,
                    QStringLiteral("users"),
                    QStringLiteral("username"),
                    QStringLiteral("username"),
                    255};
    users.columns = {required("password", "password", Kind::Text, 255),
                     col("isAdmin", "isAdmin", Kind::Bool, 0, false),
                     col("email", "email", Kind::Text, 255),
                     col("ssoUserId", "sso_user_id", Kind::Text, 255)};
    users.columns[2].unique = true;
    users.columns[3].unique = true;
    list << users;

    HubEntity groups{QStringLiteral("groups"),
                     HubEntity::Shape::Array,
                     QStringLiteral("groups"),
                     QStringLiteral("name"),
                     QStringLiteral("name"),
                     255,
                     true};
    groups.columns = {col("description", "description", Kind::Text),
                      col("servers", "servers", Kind::Json, 0, "[]"),
                      col("owner", "owner", Kind::Text, 255)};
    list << groups;

    HubEntity system{QStringLiteral("systemConfig"),
                     HubEntity::Shape::Single,
                     QStringLiteral("system_config"),
                     QStringLiteral("id")};
    for (const char *key : {"routing",
                            "install",
                            "smartRouting",
                            "toolResultCompression",
                            "mcpRouter",
                            "nameSeparator",
                            "oauth",
                            "oauthServer",
                            "auth",
                            "enableSessionRebuild",
                            "discovery",
                            "activityLog"}) {
        const QString name = QString::fromLatin1(key);
        const Kind kind = name == QLatin1String("nameSeparator")          ? Kind::Text
                          : name == QLatin1String("enableSessionRebuild") ? Kind::Bool
                                                                          : Kind::Json;
        system.columns << col(
            key, key, kind, kind == Kind::Text ? 10 : 0, systemConfigDefault(name));
        system.columns.last().notNull = false; // the defaults of a new row; NULL is allowed
    }
    list << system;

    HubEntity userConfigs{QStringLiteral("userConfigs"),
                          HubEntity::Shape::Map,
                          QStringLiteral("user_configs"),
                          QStringLiteral("username"),
                          {},
                          255};
    userConfigs.splitsRest = true;
    userConfigs.columns
        = {col("routing", "routing", Kind::Json), col("", "additionalConfig", Kind::Json, 0, "{}")};
    userConfigs.columns.last().notNull = false;
    list << userConfigs;

    HubEntity keys{QStringLiteral("bearerKeys"),
                   HubEntity::Shape::Array,
                   QStringLiteral("bearer_keys"),
                   QStringLiteral("name"),
                   QStringLiteral("name"),
                   100,
                   true};
    keys.columns = {required("token", "token", Kind::Text, 512),
                    col("enabled", "enabled", Kind::Bool, 0, true),
                    col("kind", "kind", Kind::Text, 20, "system"),
                    col("owner", "owner", Kind::Text, 255),
                    col("accessType", "accessType", Kind::Text, 20, "all"),
                    col("allowedGroups", "allowedGroups", Kind::Json),
                    col("allowedServers", "allowedServers", Kind::Json)};
    list << keys;

    HubEntity clients{QStringLiteral("oauthClients"),
                      HubEntity::Shape::Array,
                      QStringLiteral("oauth_clients"),
                      QStringLiteral("client_id"),
                      QStringLiteral("clientId"),
                      255};
    clients.columns = {col("clientSecret", "client_secret", Kind::Text, 255),
                       required("name", "name", Kind::Text, 255),
                       required("redirectUris", "redirect_uris", Kind::Json),
                       required("grants", "grants", Kind::Json),
                       col("scopes", "scopes", Kind::Json),
                       col("owner", "owner", Kind::Text, 255),
                       col("metadata", "metadata", Kind::Json)};
    list << clients;

    HubEntity tokens{QStringLiteral("oauthTokens"),
                     HubEntity::Shape::Array,
                     QStringLiteral("oauth_tokens"),
                     QStringLiteral("access_token"),
                     QStringLiteral("accessToken"),
                     512};
    tokens.columns = {required("accessTokenExpiresAt", "access_token_expires_at", Kind::Time),
                      col("refreshToken", "refresh_token", Kind::Text, 512),
                      col("refreshTokenExpiresAt", "refresh_token_expires_at", Kind::Time),
                      col("scope", "scope", Kind::Text, 512),
                      required("clientId", "client_id", Kind::Text, 255),
                      required("username", "username", Kind::Text, 255)};
    tokens.columns[1].unique = true;
    list << tokens;

    HubEntity prompts{QStringLiteral("prompts"),
                      HubEntity::Shape::Array,
                      QStringLiteral("builtin_prompts"),
                      QStringLiteral("name"),
                      QStringLiteral("name"),
                      255,
                      true};
    prompts.columns = {col("title", "title", Kind::Text, 255),
                       col("description", "description", Kind::Text),
                       required("template", "template", Kind::Text),
                       col("arguments", "arguments", Kind::Json),
                       col("enabled", "enabled", Kind::Bool, 0, true)};
    list << prompts;

    HubEntity resources{QStringLiteral("resources"),
                        HubEntity::Shape::Array,
                        QStringLiteral("builtin_resources"),
                        QStringLiteral("uri"),
                        QStringLiteral("uri"),
                        1024,
                        true};
    resources.columns = {col("name", "name", Kind::Text, 255),
                         col("description", "description", Kind::Text),
                         col("mimeType", "mimeType", Kind::Text, 255),
                         required("content", "content", Kind::Text),
                         col("enabled", "enabled", Kind::Bool, 0, true)};
    list << resources;
    return list;
}

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Text:
        return HubSettings::tr("text");
    case Kind::Bool:
        return HubSettings::tr("true or false");
    case Kind::Int:
        return HubSettings::tr("a 32-bit integer");
    case Kind::Json:
        return HubSettings::tr("JSON");
    case Kind::Time:
        return HubSettings::tr("a time (an ISO 8601 string)");
    }
    return {};
}

QString timeForColumn(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz"));
}

// The column value of a file value, or a reason it cannot be held.
std::optional<QString> toColumn(const HubColumn &c, const OrderedJson &v, OrderedJson *out)
{
    if (v.is_null() && c.kind != Kind::Json) {
        *out = nullptr;
        return std::nullopt;
    }
    switch (c.kind) {
    case Kind::Text:
        if (!v.is_string())
            break;
        *out = v;
        return std::nullopt;
    case Kind::Bool:
        if (!v.is_boolean())
            break;
        *out = v;
        return std::nullopt;
    case Kind::Int:
        if (!v.is_number_integer() || v.get<qint64>() < std::numeric_limits<qint32>::min()
            || v.get<qint64>() > std::numeric_limits<qint32>::max())
            break;
        *out = v;
        return std::nullopt;
    case Kind::Json:
        *out = v.is_null() ? OrderedJson(nullptr)
                           : OrderedJson(McpHubJsonWriter::write(v, 0).toStdString());
        return std::nullopt;
    case Kind::Time: {
        if (!v.is_string())
            break;
        const QString text = QString::fromStdString(v.get<std::string>());
        const QDateTime t = HubSettings::parseTime(text);
        if (!t.isValid())
            break;
        *out = timeForColumn(t).toStdString();
        if (HubSettings::timeForFile(t) != text) {
            return HubSettings::tr("MCPHub's column %1 holds a time to the millisecond in UTC; "
                                   "this value would come back as %2.")
                .arg(c.column, HubSettings::timeForFile(t));
        }
        return std::nullopt;
    }
    }
    return HubSettings::tr("MCPHub's column %1 holds %2; this value is not that, and would be "
                           "lost.")
        .arg(c.column, kindName(c.kind));
}

bool isUuid(const QString &text)
{
    // Anchored at the text's very end: "$" also matches before a final newline.
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(QStringLiteral(
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")));
    return pattern.match(text).hasMatch();
}

// The id `rewriteIds` stores for a file id (the same text when it is kept).
QString storedId(const QString &entity, const OrderedJson &id, const QString &old)
{
    if (id.is_string() && isUuid(old))
        return old.toLower();
    return HubSettings::uuidFor(entity, id);
}

QString idText(const OrderedJson &id)
{
    return id.is_string() ? QString::fromStdString(id.get<std::string>())
                          : QString::fromStdString(id.dump());
}

// Whether `rewriteIds` changes anything in `document` (most files have uuids or no ids: the
// document is then used as it is, not copied).
bool idsToRewrite(const OrderedJson &document)
{
    if (!document.is_object())
        return false;
    for (const HubEntity &entity : hubEntities()) {
        if (!entity.fileIds)
            continue;
        const auto list = document.find(entity.name.toStdString());
        if (list == document.end() || !list->is_array())
            continue;
        for (const OrderedJson &record : *list) {
            if (!record.is_object())
                continue;
            const auto id = record.find("id");
            if (id == record.end())
                continue;
            const QString old = idText(*id);
            if (storedId(entity.name, *id, old) != old)
                return true;
        }
    }
    return false;
}

// Rewrites the ids of `document` that MCPHub's uuid columns cannot hold as they are (and
// every reference to a group id in the bearer keys), listing each in `items`.
OrderedJson rewriteIds(OrderedJson document, QList<MigrationReport::Item> *items)
{
    if (!document.is_object())
        return document;
    QHash<QString, QString> groupIds;
    for (const HubEntity &entity : hubEntities()) {
        if (!entity.fileIds || !document.contains(entity.name.toStdString()))
            continue;
        OrderedJson &list = document[entity.name.toStdString()];
        if (!list.is_array())
            continue;
        for (size_t i = 0; i < list.size(); ++i) {
            OrderedJson &record = list[i];
            if (!record.is_object() || !record.contains("id"))
                continue;
            const OrderedJson &id = record["id"];
            const QString old = idText(id);
            const QString now = storedId(entity.name, id, old);
            if (now == old)
                continue;
            if (entity.name == QLatin1String("groups") && id.is_string())
                groupIds.insert(old, now);
            if (items) {
                items->append(
                    {JsonPointer::append(
                         JsonPointer::append(JsonPointer::append({}, entity.name), qsizetype(i)),
                         QStringLiteral("id")),
                     HubSettings::tr("\"%1\" is not a uuid as MCPHub's id column "
                                     "keeps it; stored as %2.")
                         .arg(old, now)});
            }
            record["id"] = now.toStdString();
        }
    }
    if (groupIds.isEmpty() || !document.contains("bearerKeys")
        || !document["bearerKeys"].is_array())
        return document;
    OrderedJson &keys = document["bearerKeys"];
    for (size_t i = 0; i < keys.size(); ++i) {
        if (!keys[i].is_object() || !keys[i].contains("allowedGroups")
            || !keys[i]["allowedGroups"].is_array())
            continue;
        OrderedJson &allowed = keys[i]["allowedGroups"];
        for (size_t j = 0; j < allowed.size(); ++j) {
            if (!allowed[j].is_string())
                continue;
            const QString old = QString::fromStdString(allowed[j].get<std::string>());
            const auto found = groupIds.constFind(old);
            if (found == groupIds.constEnd())
                continue;
            allowed[j] = found->toStdString();
            if (items) {
                items->append({QStringLiteral("/bearerKeys/%1/allowedGroups/%2").arg(i).arg(j),
                               HubSettings::tr("The reference to group id \"%1\" now names %2.")
                                   .arg(old, *found)});
            }
        }
    }
    return document;
}

} // namespace

QString HubSettings::textOf(const OrderedJson &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

QDateTime HubSettings::parseTime(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (t.isValid() && t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC); // the column's text has no zone: MCPHub writes UTC
    return t.toUTC();
}

QString HubSettings::timeForFile(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz'Z'"));
}

const OrderedJson &HubRow::columnValue(size_t at, const std::string &column) const
{
    const auto &members = values.get_ref<const OrderedJson::object_t &>();
    if (at < members.size()) {
        const auto &member = *(members.begin() + qsizetype(at)); // by place, not by key
        if (member.first == column)
            return member.second;
    }
    return HubSettings::valueAt(values, column);
}

const OrderedJson &HubSettings::valueAt(const OrderedJson &object, const std::string &key)
{
    static const OrderedJson null;
    const auto it = object.find(key);
    return it == object.end() ? null : *it;
}

const HubColumn *HubEntity::column(const QString &key) const
{
    for (const HubColumn &c : columns) {
        if (c.key == key && !key.isEmpty())
            return &c;
    }
    return nullptr;
}

const QList<HubEntity> &hubEntities()
{
    static const QList<HubEntity> list = makeEntities();
    return list;
}

bool HubSettings::isMigratedTable(const QString &table)
{
    return table == kShapesTable
           || std::any_of(hubEntities().cbegin(), hubEntities().cend(), [&](const HubEntity &e) {
                  return e.table == table;
              });
}

const HubEntity *hubEntity(const QString &name)
{
    for (const HubEntity &e : hubEntities()) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

QString HubSettings::uuidFor(const QString &entity, const OrderedJson &id)
{
    // A fixed namespace of the console's own: name-based (SHA-1) uuids are stable.
    static const QUuid ns(QStringLiteral("6f1c7a52-3b2e-4d8a-9a55-0c2f4b1d9e37"));
    const QString name = entity + QLatin1Char('/')
                         + (id.is_string() ? QString::fromStdString(id.get<std::string>())
                                           : QString::fromStdString(id.dump()));
    return QUuid::createUuidV5(ns, name).toString(QUuid::WithoutBraces);
}

OrderedJson HubSettings::withRewrittenIds(const OrderedJson &document)
{
    return rewriteIds(document, nullptr);
}

void HubSettings::appendJsonString(std::string *out, const std::string &text)
{
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x20 && c != '"' && c != '\\';
    });
    if (plain) {
        *out += '"';
        *out += text;
        *out += '"';
    } else {
        *out += OrderedJson(text).dump();
    }
}

std::string HubSettings::toStdString(const QString &text)
{
    std::string out;
    toStdString(text, &out);
    return out;
}

void HubSettings::toStdString(const QString &text, std::string *out)
{
    out->resize(size_t(text.size()));
    const char16_t *const chars = reinterpret_cast<const char16_t *>(text.utf16());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (chars[i] >= 0x80) {
            *out = text.toStdString();
            return;
        }
        (*out)[size_t(i)] = char(chars[i]);
    }
}

HubSettings::Mapping::Mapping(const OrderedJson &source)
    : m_source(&source)
{
    if (!source.is_object())
        return;
    if (idsToRewrite(source))
        m_rewritten = rewriteIds(source, &m_top.idRewrites);
    const OrderedJson &document = this->document();
    for (auto it = document.begin(); it != document.end(); ++it) {
        const QString name = QString::fromStdString(it.key());
        m_top.documentKeys << name;
        if (!hubEntity(name)) {
            m_top.losses.append({JsonPointer::append({}, name),
                                 tr("MCPHub's database has no place for this top-level key.")});
        }
    }
}

const OrderedJson &HubSettings::Mapping::document() const
{
    return m_rewritten.is_null() ? *m_source : m_rewritten;
}

qsizetype HubSettings::Mapping::entries(const HubEntity &entity) const
{
    const OrderedJson &document = this->document();
    if (!document.is_object())
        return 0;
    const auto found = document.find(entity.name.toStdString());
    if (found == document.end())
        return 0;
    return entity.shape == HubEntity::Shape::Single ? 1 : qsizetype(found->size());
}

void HubSettings::Mapping::mapEntity(const HubEntity &entity,
                                     Mapped *mapped,
                                     const std::function<bool(qsizetype)> &batch) const
{
    qsizetype count = 0; // entries mapped so far
    // Whether to go on.
    const auto entryMapped = [&] {
        if (batch && ++count % kBatchEntries == 0)
            return batch(count);
        return true;
    };
    Mapped &out = *mapped;
    const OrderedJson &document = this->document();
    if (!document.is_object())
        return;
    const std::string name = entity.name.toStdString();
    if (!document.contains(name))
        return;
    const OrderedJson &value = document[name];
    // Reserved when empty only: QList::reserve() copies what a list holds (Qt 6.4).
    if (out.rows.isEmpty())
        out.rows.reserve(entries(entity));
    const QString base = JsonPointer::append({}, entity.name);
    QSet<QString> seen;
    seen.reserve(qsizetype(value.size()));
    // The entity's columns as the file and the table name them, looked up per key.
    std::vector<std::string> columns, fileKeys;
    for (const HubColumn &c : entity.columns) {
        columns.push_back(c.column.toStdString());
        fileKeys.push_back(c.key.toStdString());
    }
    const auto columnOfKey = [&](const std::string &key) {
        for (size_t i = 0; i < fileKeys.size(); ++i) {
            if (!key.empty() && fileKeys[i] == key)
                return int(i);
        }
        return -1;
    };
    const auto restAt = std::find(columns.begin(), columns.end(), "additionalConfig");
    const int restColumn = restAt == columns.end() ? -1 : int(restAt - columns.begin());
    const std::string keyField = entity.keyField.toStdString();
    const bool servers = entity.name == QLatin1String("mcpServers");
    std::vector<std::unordered_set<std::string>> uniques(columns.size()); // values taken
    const auto mapOne = [&](QString key,
                            const OrderedJson &object,
                            const QString &pointer,
                            int ordinal) {
        if (!object.is_object()) {
            out.issues.append({pointer, tr("The entry is not a JSON object."), object});
            return;
        }
        if (entity.shape == HubEntity::Shape::Array) {
            const auto k = object.find(keyField);
            if (k == object.end() || !k->is_string() || k->get<std::string>().empty()) {
                out.issues.append({pointer,
                                   tr("The entry has no \"%1\", which MCPHub's table needs.")
                                       .arg(entity.keyField),
                                   object});
                return;
            }
            key = QString::fromStdString(k->get<std::string>());
        }
        if (entity.keyMaxLength > 0 && key.size() > entity.keyMaxLength) {
            out.issues.append({pointer,
                               tr("MCPHub's column %1.%2 holds at most %3 characters.")
                                   .arg(entity.table, entity.keyColumn)
                                   .arg(entity.keyMaxLength),
                               object});
            return;
        }
        if (seen.contains(key)) {
            out.issues.append(
                {pointer,
                 tr("Another entry has the same %1 \"%2\"; MCPHub's rows are "
                    "matched by it.")
                     .arg(entity.keyField.isEmpty() ? entity.keyColumn : entity.keyField, key),
                 object});
            return;
        }
        seen.insert(key);
        HubRow row;
        row.entity = &entity;
        row.key = key;
        row.pointer = pointer;
        row.ordinal = ordinal;
        // The row's values by column index, put in column order at the end: tens of
        // thousands of rows go through here, so nothing is looked up or converted twice.
        std::vector<OrderedJson> values(columns.size());
        std::vector<char> set(columns.size(), 0);
        // The keys as a JSON array's text, written as they come (an array of them dumped
        // cost a fifth of this function).
        std::string &keys = row.keysJson;
        keys = '[';
        OrderedJson rest = OrderedJson::object();
        bool invalid = false;
        for (auto f = object.begin(); f != object.end(); ++f) {
            const std::string &k = f.key();
            if (keys.size() > 1)
                keys += ',';
            appendJsonString(&keys, k);
            const auto at = [&] {
                return JsonPointer::append(pointer, QString::fromStdString(k));
            };
            if (entity.shape == HubEntity::Shape::Array && k == keyField)
                continue;
            if (entity.fileIds && k == "id") {
                row.id = HubSettings::textOf(f.value());
                continue;
            }
            const int index = columnOfKey(k);
            if (index < 0 && entity.splitsRest) {
                rest[k] = f.value();
                continue;
            }
            if (index < 0) {
                out.losses.append(
                    {at(), tr("MCPHub's table %1 has no column for this key.").arg(entity.table)});
                continue;
            }
            const HubColumn *c = &entity.columns.at(index);
            OrderedJson stored;
            if (const auto lost = toColumn(*c, f.value(), &stored)) {
                out.losses.append({at(), *lost});
                if (c->kind == Kind::Time && !stored.is_null()) {
                    values[size_t(index)] = std::move(stored);
                    set[size_t(index)] = 1;
                }
                continue;
            }
            // A UTF-8 text has at least as many bytes as UTF-16 code units.
            if (c->maxLength > 0 && stored.is_string()
                && stored.get_ref<const std::string &>().size() > size_t(c->maxLength)
                && QString::fromStdString(stored.get<std::string>()).size() > c->maxLength) {
                out.issues.append({at(),
                                   tr("MCPHub's column %1.%2 holds at most %3 characters.")
                                       .arg(entity.table, c->column)
                                       .arg(c->maxLength),
                                   object});
                invalid = true;
                continue;
            }
            if (stored.is_null() && c->notNull) {
                // NOT NULL: an explicit null is the absent key's default, or nothing.
                if (!c->required) {
                    out.losses.append(
                        {at(),
                         tr("MCPHub's column %1 cannot hold null; MCPHub's default %2 is "
                            "stored instead.")
                             .arg(c->column, QString::fromStdString(c->whenAbsent.dump()))});
                }
                continue;
            }
            values[size_t(index)] = std::move(stored);
            set[size_t(index)] = 1;
            if (servers && k == "options" && f.value().is_object()) {
                for (auto o = f.value().begin(); o != f.value().end(); ++o) {
                    const std::string &ok = o.key();
                    if (ok != "timeout" && ok != "resetTimeoutOnProgress"
                        && ok != "maxTotalTimeout") {
                        out.warnings.append(
                            {JsonPointer::append(at(), QString::fromStdString(ok)),
                             tr("Kept in the options column, but MCPHub's API keeps only "
                                "timeout, resetTimeoutOnProgress and maxTotalTimeout there: "
                                "it drops this key the next time the server is saved "
                                "through MCPHub.")});
                    }
                }
            }
        }
        keys += ']';
        if (entity.splitsRest && restColumn >= 0) {
            values[size_t(restColumn)] = McpHubJsonWriter::write(rest, 0).toStdString();
            set[size_t(restColumn)] = 1;
        }
        for (qsizetype i = 0; i < entity.columns.size(); ++i) {
            if (set[size_t(i)])
                continue;
            const HubColumn &c = entity.columns.at(i);
            if (c.required) {
                out.issues.append(
                    {JsonPointer::append(pointer, c.key),
                     tr("MCPHub's column %1.%2 cannot be empty.").arg(entity.table, c.column),
                     object});
                invalid = true;
                continue;
            }
            if (servers && c.column == QLatin1String("oauth") && !object.contains("oauth")) {
                // MCPHub keeps its own upstream OAuth state here at runtime (§1.2): a file
                // without "oauth" does not describe it.
                row.notDescribed << c.column;
            }
            values[size_t(i)] = c.whenAbsent;
        }
        for (qsizetype i = 0; i < entity.columns.size(); ++i) {
            const HubColumn &c = entity.columns.at(i);
            if (!c.unique || invalid)
                continue;
            const OrderedJson &v = values[size_t(i)];
            if (v.is_null())
                continue;
            if (uniques[size_t(i)].insert(v.dump()).second)
                continue;
            out.issues.append({JsonPointer::append(pointer, c.key),
                               tr("Another entry has the same %1; MCPHub's column %2.%3 "
                                  "holds each value once.")
                                   .arg(c.key, entity.table, c.column),
                               object});
            invalid = true;
        }
        auto &columnValues = row.values.get_ref<OrderedJson::object_t &>();
        columnValues.reserve(columns.size());
        for (size_t i = 0; i < columns.size(); ++i)
            columnValues.emplace_back(columns[i], std::move(values[i]));
        if (!invalid)
            out.rows.append(std::move(row));
    };
    switch (entity.shape) {
    case HubEntity::Shape::Single:
        mapOne(QStringLiteral("default"), value, base, 0);
        break;
    case HubEntity::Shape::Map:
        if (!value.is_object()) {
            out.issues.append({base, tr("\"%1\" is not a JSON object.").arg(entity.name), value});
            break;
        }
        {
            int ordinal = 0;
            for (auto e = value.begin(); e != value.end(); ++e) {
                const QString key = QString::fromStdString(e.key());
                mapOne(key, e.value(), JsonPointer::append(base, key), ordinal++);
                if (!entryMapped())
                    break;
            }
        }
        break;
    case HubEntity::Shape::Array:
        if (!value.is_array()) {
            out.issues.append({base, tr("\"%1\" is not a JSON array.").arg(entity.name), value});
            break;
        }
        for (size_t i = 0; i < value.size(); ++i) {
            mapOne({}, value[i], JsonPointer::append(base, qsizetype(i)), int(i));
            if (!entryMapped())
                break;
        }
        break;
    }
}

} // namespace mcphub
