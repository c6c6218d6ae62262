#include "storage/db/mcphubrowcheck.h"

#include "storage/settings/jsonlimits.h"

#include <QHash>
#include <QSqlField>

#include <nlohmann/json.hpp>

namespace mcphub {

namespace {

enum class Shape { List, Object, NamesList, Members };

struct JsonColumn
{
    QString column;
    Shape shape;
    bool required = false; // NOT NULL in MCPHub's DDL: a JSON null is no value either
};

// MCPHub's simple-json columns (mcphub-dbmode.md §1.2) and what its entities read there.
const QList<JsonColumn> &jsonColumns(const QString &table)
{
    static const QHash<QString, QList<JsonColumn>> columns{
        {QStringLiteral("servers"),
         {{QStringLiteral("args"), Shape::List},
          {QStringLiteral("env"), Shape::Object},
          {QStringLiteral("headers"), Shape::Object},
          {QStringLiteral("passthroughHeaders"), Shape::List},
          {QStringLiteral("tools"), Shape::Object},
          {QStringLiteral("prompts"), Shape::Object},
          {QStringLiteral("resources"), Shape::Object},
          {QStringLiteral("options"), Shape::Object},
          {QStringLiteral("oauth"), Shape::Object},
          {QStringLiteral("proxy"), Shape::Object},
          {QStringLiteral("openapi"), Shape::Object}}},
        {QStringLiteral("groups"), {{QStringLiteral("servers"), Shape::Members, true}}},
        {QStringLiteral("bearer_keys"),
         {{QStringLiteral("allowedGroups"), Shape::NamesList},
          {QStringLiteral("allowedServers"), Shape::NamesList}}}};
    static const QList<JsonColumn> none;
    const auto it = columns.constFind(table);
    return it == columns.cend() ? none : *it;
}

std::optional<nlohmann::json> parsed(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    if (JsonLimits::check(utf8.constData(), utf8.size()))
        return std::nullopt;
    nlohmann::json json = nlohmann::json::parse(utf8.cbegin(), utf8.cend(), nullptr, false);
    if (json.is_discarded())
        return std::nullopt;
    return json;
}

// The problem of a JSON column's stored text, or empty.
QString jsonProblem(const JsonColumn &c, const QString &text)
{
    const auto json = parsed(text);
    if (!json) {
        return McphubRowCheck::tr("The stored text is not JSON (%1), so MCPHub cannot load this "
                                  "row. It is kept as it is until you enter this value anew.")
            .arg(text.left(60));
    }
    if (json->is_null()) {
        if (!c.required)
            return {};
        return McphubRowCheck::tr("The stored value is JSON null where MCPHub needs a list, so "
                                  "MCPHub cannot use this row. It is kept as it is until you "
                                  "enter this value anew.");
    }
    switch (c.shape) {
    case Shape::Object:
        if (json->is_object())
            return {};
        return McphubRowCheck::tr("The stored value is not a JSON object (%1). It is kept as it "
                                  "is until you enter this value anew.")
            .arg(text.left(60));
    case Shape::List:
        if (json->is_array())
            return {};
        break;
    case Shape::NamesList:
        if (json->is_array()
            && std::all_of(json->cbegin(), json->cend(), [](const nlohmann::json &v) {
                   return v.is_string();
               }))
            return {};
        break;
    case Shape::Members:
        if (json->is_array()
            && std::all_of(json->cbegin(), json->cend(), [](const nlohmann::json &v) {
                   return v.is_string() || (v.is_object() && v.contains("name"));
               }))
            return {};
        break;
    }
    return McphubRowCheck::tr("The stored value is not a JSON list of names (%1). It is kept as "
                              "it is until you enter this value anew.")
        .arg(text.left(60));
}

RowFinding finding(const QString &table,
                   const QSqlRecord &record,
                   const QString &column,
                   const QString &message)
{
    const QString id = record.value(QStringLiteral("id")).toString();
    const QString nameColumn
        = table == QLatin1String("users") ? QStringLiteral("username") : QStringLiteral("name");
    const QString name = record.value(nameColumn).toString();
    return {table, name.isEmpty() ? id : name, id, column, message};
}

} // namespace

QString RowFinding::toString() const
{
    return McphubRowCheck::tr("%1/%2 (id %3): column \"%4\": %5")
        .arg(table, row, id, column, message);
}

const QStringList &McphubRowCheck::knownColumns(const QString &table)
{
    // As in resources/hubdb/mcphub-schema.sql (MCPHub b5611013; tst_hubdatabase compares).
    static const QHash<QString, QStringList> columns{{QStringLiteral("servers"),
                                                      {QStringLiteral("id"),
                                                       QStringLiteral("name"),
                                                       QStringLiteral("type"),
                                                       QStringLiteral("description"),
                                                       QStringLiteral("url"),
                                                       QStringLiteral("command"),
                                                       QStringLiteral("args"),
                                                       QStringLiteral("env"),
                                                       QStringLiteral("headers"),
                                                       QStringLiteral("enabled"),
                                                       QStringLiteral("owner"),
                                                       QStringLiteral("visibility"),
                                                       QStringLiteral("enableKeepAlive"),
                                                       QStringLiteral("keepAliveInterval"),
                                                       QStringLiteral("tools"),
                                                       QStringLiteral("prompts"),
                                                       QStringLiteral("resources"),
                                                       QStringLiteral("options"),
                                                       QStringLiteral("oauth"),
                                                       QStringLiteral("proxy"),
                                                       QStringLiteral("openapi"),
                                                       QStringLiteral("passthroughHeaders"),
                                                       QStringLiteral("perSessionClient"),
                                                       QStringLiteral("created_at"),
                                                       QStringLiteral("updated_at")}},
                                                     {QStringLiteral("groups"),
                                                      {QStringLiteral("id"),
                                                       QStringLiteral("name"),
                                                       QStringLiteral("description"),
                                                       QStringLiteral("servers"),
                                                       QStringLiteral("owner"),
                                                       QStringLiteral("created_at"),
                                                       QStringLiteral("updated_at")}},
                                                     {QStringLiteral("bearer_keys"),
                                                      {QStringLiteral("id"),
                                                       QStringLiteral("name"),
                                                       QStringLiteral("token"),
                                                       QStringLiteral("enabled"),
                                                       QStringLiteral("kind"),
                                                       QStringLiteral("owner"),
                                                       QStringLiteral("accessType"),
                                                       QStringLiteral("allowedGroups"),
                                                       QStringLiteral("allowedServers"),
                                                       QStringLiteral("created_at"),
                                                       QStringLiteral("updated_at")}},
                                                     {QStringLiteral("users"),
                                                      {QStringLiteral("id"),
                                                       QStringLiteral("username"),
                                                       QStringLiteral("password"),
                                                       QStringLiteral("isAdmin"),
                                                       QStringLiteral("email"),
                                                       QStringLiteral("sso_user_id"),
                                                       QStringLiteral("created_at"),
                                                       QStringLiteral("updated_at")}}};
    static const QStringList none;
    const auto it = columns.constFind(table);
    return it == columns.cend() ? none : *it;
}

QList<RowFinding> McphubRowCheck::check(const QString &table, const QSqlRecord &record)
{
    QList<RowFinding> found;
    for (const JsonColumn &c : jsonColumns(table)) {
        if (record.indexOf(c.column) < 0 || record.isNull(c.column)) {
            if (c.required && record.indexOf(c.column) >= 0)
                found << finding(table,
                                 record,
                                 c.column,
                                 tr("The column is NULL where MCPHub needs a list, so MCPHub "
                                    "cannot use this row. It is kept as it is until you enter "
                                    "this value anew."));
            continue;
        }
        if (const QString problem = jsonProblem(c, record.value(c.column).toString());
            !problem.isEmpty())
            found << finding(table, record, c.column, problem);
    }
    if (table == QLatin1String("bearer_keys")) {
        static const QStringList accessTypes{QStringLiteral("all"),
                                             QStringLiteral("groups"),
                                             QStringLiteral("servers"),
                                             QStringLiteral("custom")};
        const QString access = record.value(QStringLiteral("accessType")).toString();
        if (!accessTypes.contains(access))
            found << finding(table,
                             record,
                             QStringLiteral("accessType"),
                             tr("The access type \"%1\" is unknown; MCPHub knows all, groups, "
                                "servers and custom. It is kept as it is until you choose one.")
                                 .arg(access));
        const QString kind = record.value(QStringLiteral("kind")).toString();
        if (kind != QLatin1String("system") && kind != QLatin1String("user"))
            found << finding(table,
                             record,
                             QStringLiteral("kind"),
                             tr("The kind \"%1\" is unknown; MCPHub knows system and user keys. "
                                "It is kept as it is.")
                                 .arg(kind));
    }
    const QStringList &known = knownColumns(table);
    if (!known.isEmpty()) {
        for (int i = 0; i < record.count(); ++i) {
            const QString column = record.fieldName(i);
            if (known.contains(column) || record.isNull(i))
                continue;
            found << finding(table,
                             record,
                             column,
                             tr("This console does not know this column (a newer MCPHub's?). "
                                "Its value is kept as it is, also when you edit the row."));
        }
    }
    return found;
}

QList<RowFinding> McphubRowCheck::missingServers(const QSqlRecord &group,
                                                 const QSet<QString> &serverNames)
{
    QList<RowFinding> found;
    const auto json = parsed(group.value(QStringLiteral("servers")).toString());
    if (!json || !json->is_array())
        return found;
    for (const nlohmann::json &member : *json) {
        const nlohmann::json *name = &member;
        if (member.is_object()) {
            const auto it = member.find("name");
            if (it == member.end())
                continue;
            name = &*it;
        }
        if (!name->is_string())
            continue;
        const QString server = QString::fromStdString(name->get<std::string>());
        if (!serverNames.contains(server))
            found << finding(QStringLiteral("groups"),
                             group,
                             QStringLiteral("servers"),
                             tr("The server \"%1\" does not exist; MCPHub skips it in this "
                                "group. Remove it from the members or add the server.")
                                 .arg(server));
    }
    return found;
}

} // namespace mcphub
