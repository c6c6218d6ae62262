#include "storage/db/serverfields.h"

#include "storage/settings/environmentexpansion.h"
#include "storage/settings/mcphubjsonwriter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <nlohmann/json.hpp>

namespace mcphub {

namespace {

// The rules' texts keep the context of the Servers page they were first written for.
// The texts' translation context, declared so that lupdate files them under it (a tr()
// helper calling translate() was filed under the enclosing namespace or class).
struct ServerTableModelTexts
{
    Q_DECLARE_TR_FUNCTIONS(ServerTableModel)
};

QStringList stringList(const QString &jsonArray)
{
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(jsonArray.toUtf8()).array();
    for (const QJsonValue &v : array)
        list << v.toString();
    return list;
}

// A list of strings as MCPHub's JSON.stringify writes it; null for none.
QString jsonArrayText(const QStringList &list)
{
    if (list.isEmpty())
        return {};
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const QString &item : list)
        array.push_back(item.toStdString());
    return QString::fromUtf8(McpHubJsonWriter::write(array, 0));
}

QString jsonText(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented))
            .trimmed();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented))
            .trimmed();
    return {};
}

QString nullIfEmpty(const QString &text)
{
    return text.trimmed().isEmpty() ? QString() : text;
}

bool validHttpUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty()
           && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

// A URL as MCPHub uses it: its ${VAR}/$VAR placeholders are replaced from the environment
// first (EnvironmentExpansion), so the rest is checked with sample values in their place.
// A URL that is only placeholders comes whole from the environment and cannot be checked; a
// placeholder in the scheme or at the start (${BASE_URL}/mcp) stands for http(s)://host.
bool validServerUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (!EnvironmentExpansion::hasPlaceholder(trimmed))
        return validHttpUrl(trimmed);
    if (EnvironmentExpansion::onlyPlaceholders(trimmed))
        return true;
    QString probe = trimmed;
    const qsizetype schemeEnd = probe.indexOf(QLatin1String("://"));
    if (schemeEnd >= 0 && EnvironmentExpansion::hasPlaceholder(probe.left(schemeEnd)))
        probe = QStringLiteral("http") + probe.mid(schemeEnd);
    else if (schemeEnd < 0 && probe.startsWith(QLatin1Char('$')))
        probe = QStringLiteral("http://") + probe;
    // "1" is valid wherever a placeholder may stand: host, port, user, path, query.
    return validHttpUrl(EnvironmentExpansion::withSample(probe, QStringLiteral("1")));
}

bool jsonObjectOrEmpty(const QString &text)
{
    if (text.trimmed().isEmpty())
        return true;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    return error.error == QJsonParseError::NoError && doc.isObject();
}

} // namespace

QString ServerFields::listText(const QStringList &list)
{
    return jsonArrayText(list);
}

QStringList ServerFields::types()
{
    return {QStringLiteral("stdio"),
            QStringLiteral("sse"),
            QStringLiteral("streamable-http"),
            QStringLiteral("openapi")};
}

bool ServerFields::typeHas(const QString &type, const QString &field)
{
    const bool stdio = type == QLatin1String("stdio");
    const bool openapi = type == QLatin1String("openapi");
    const bool remote = !stdio && !openapi;
    static const QStringList stdioOnly{QStringLiteral("command"), QStringLiteral("args")};
    static const QStringList remoteOnly{QStringLiteral("url"),
                                        QStringLiteral("passthroughHeaders"),
                                        QStringLiteral("enableKeepAlive"),
                                        QStringLiteral("keepAliveInterval")};
    if (stdioOnly.contains(field))
        return stdio;
    if (remoteOnly.contains(field))
        return remote;
    if (field.startsWith(QLatin1String("openapi")))
        return openapi;
    if (field == QLatin1String("headers"))
        return !stdio;
    if (field == QLatin1String("env"))
        return !openapi;
    return true;
}

QVariantMap ServerFields::values(const ServerRecord &s)
{
    const QJsonObject openapi = QJsonDocument::fromJson(s.openapi.toUtf8()).object();
    return {
        {QStringLiteral("name"), s.name},
        {QStringLiteral("type"), s.type},
        {QStringLiteral("enabled"), s.enabled},
        {QStringLiteral("description"), s.description},
        {QStringLiteral("owner"), s.owner},
        {QStringLiteral("command"), s.command},
        {QStringLiteral("args"), stringList(s.args)},
        {QStringLiteral("env"), s.env},
        {QStringLiteral("url"), s.url},
        {QStringLiteral("headers"), s.headers},
        {QStringLiteral("passthroughHeaders"), stringList(s.passthroughHeaders)},
        {QStringLiteral("enableKeepAlive"), s.enableKeepAlive.value_or(false)},
        {QStringLiteral("keepAliveInterval"),
         s.keepAliveInterval ? QString::number(*s.keepAliveInterval) : QString()},
        {QStringLiteral("openapiUrl"), openapi.value(QStringLiteral("url")).toString()},
        {QStringLiteral("openapiSchema"), jsonText(openapi.value(QStringLiteral("schema")))},
        {QStringLiteral("openapiSecurity"), jsonText(openapi.value(QStringLiteral("security")))},
        {QStringLiteral("tools"), s.tools}};
}

ServerRecord ServerFields::overlay(ServerRecord s, const QVariantMap &m)
{
    const auto field = [&m](const char *name) {
        return m.value(QLatin1String(name));
    };
    s.name = field("name").toString().trimmed();
    s.type = field("type").toString();
    s.enabled = field("enabled").toBool();
    s.description = nullIfEmpty(field("description").toString());
    s.owner = nullIfEmpty(field("owner").toString());
    const bool stdio = s.type == QLatin1String("stdio");
    const bool openapi = s.type == QLatin1String("openapi");
    s.command = stdio ? nullIfEmpty(field("command").toString()) : QString();
    s.args = stdio ? jsonArrayText(field("args").toStringList()) : QString();
    s.env = openapi ? QString() : nullIfEmpty(field("env").toString());
    s.url = stdio || openapi ? QString() : nullIfEmpty(field("url").toString().trimmed());
    s.headers = stdio ? QString() : nullIfEmpty(field("headers").toString());
    s.passthroughHeaders
        = stdio || openapi ? QString() : jsonArrayText(field("passthroughHeaders").toStringList());
    if (stdio || openapi) {
        s.enableKeepAlive.reset();
        s.keepAliveInterval.reset();
    } else {
        if (field("enableKeepAlive").toBool() || s.enableKeepAlive)
            s.enableKeepAlive = field("enableKeepAlive").toBool();
        const QString interval = field("keepAliveInterval").toString().trimmed();
        if (interval.isEmpty())
            s.keepAliveInterval.reset();
        else
            s.keepAliveInterval = interval.toLongLong();
    }
    s.tools = nullIfEmpty(field("tools").toString());
    if (openapi) {
        QJsonObject object = QJsonDocument::fromJson(s.openapi.toUtf8()).object();
        const auto put = [&object](const QString &key, const QJsonValue &value) {
            if (value.isUndefined() || value.isNull()
                || (value.isString() && value.toString().isEmpty()))
                object.remove(key);
            else
                object.insert(key, value);
        };
        put(QStringLiteral("url"), field("openapiUrl").toString().trimmed());
        put(QStringLiteral("schema"),
            QJsonDocument::fromJson(field("openapiSchema").toString().toUtf8()).object());
        if (object.value(QStringLiteral("schema")).toObject().isEmpty())
            object.remove(QStringLiteral("schema"));
        const QJsonObject security
            = QJsonDocument::fromJson(field("openapiSecurity").toString().toUtf8()).object();
        if (security.isEmpty())
            object.remove(QStringLiteral("security"));
        else
            object.insert(QStringLiteral("security"), security);
        s.openapi = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    } else {
        s.openapi = QString();
    }
    return s;
}

QHash<QString, QString> ServerFields::problems(const QVariantMap &m)
{
    const QString kName = QStringLiteral("name");
    const QString kType = QStringLiteral("type");
    const QString kCommand = QStringLiteral("command");
    const QString kHeaders = QStringLiteral("headers");
    const QString kUrl = QStringLiteral("url");
    const QString kTools = QStringLiteral("tools");
    const QString kOpenApiUrl = QStringLiteral("openapiUrl");
    const QString kOpenApiSchema = QStringLiteral("openapiSchema");
    const QString kOpenApiSecurity = QStringLiteral("openapiSecurity");
    const QString kKeepAliveInterval = QStringLiteral("keepAliveInterval");
    QHash<QString, QString> found;
    const QString type = m.value(kType).toString();
    const QString tools = m.value(kTools).toString();
    if (!tools.isEmpty()) {
        const nlohmann::ordered_json object
            = nlohmann::ordered_json::parse(tools.toStdString(), nullptr, false);
        for (auto it = object.begin(); object.is_object() && it != object.end(); ++it) {
            if (QString::fromStdString(it.key()).trimmed().isEmpty())
                found.insert(kTools,
                             ServerTableModelTexts::tr("A tool override has no tool name."));
        }
    }
    if (m.value(kName).toString().trimmed().isEmpty())
        found.insert(kName, ServerTableModelTexts::tr("The name is empty."));
    if (!types().contains(type)) {
        found.insert(
            kType,
            ServerTableModelTexts::tr("The type \"%1\" is unknown; MCPHub knows stdio, sse, "
                                      "streamable-http and openapi.")
                .arg(type));
        return found;
    }
    if (type == QLatin1String("stdio")) {
        if (m.value(kCommand).toString().trimmed().isEmpty())
            found.insert(kCommand, ServerTableModelTexts::tr("A stdio server needs a command."));
        if (!QJsonDocument::fromJson(m.value(kHeaders).toString().toUtf8()).object().isEmpty())
            found.insert(kHeaders,
                         ServerTableModelTexts::tr("MCPHub refuses headers on a stdio server."));
    } else if (type == QLatin1String("openapi")) {
        const QString url = m.value(kOpenApiUrl).toString().trimmed();
        const QString schema = m.value(kOpenApiSchema).toString();
        if (url.isEmpty() && schema.trimmed().isEmpty())
            found.insert(
                kOpenApiUrl,
                ServerTableModelTexts::tr("An OpenAPI server needs a URL or an inline schema."));
        else if (!url.isEmpty() && !validServerUrl(url))
            found.insert(kOpenApiUrl,
                         ServerTableModelTexts::tr("This is not an http:// or https:// URL."));
        if (!jsonObjectOrEmpty(schema))
            found.insert(kOpenApiSchema,
                         ServerTableModelTexts::tr("The inline schema is not a JSON object."));
        if (!jsonObjectOrEmpty(m.value(kOpenApiSecurity).toString()))
            found.insert(kOpenApiSecurity,
                         ServerTableModelTexts::tr("The security block is not a JSON object."));
    } else {
        const QString url = m.value(kUrl).toString().trimmed();
        if (url.isEmpty())
            found.insert(kUrl, ServerTableModelTexts::tr("An %1 server needs a URL.").arg(type));
        else if (!validServerUrl(url))
            found.insert(kUrl,
                         ServerTableModelTexts::tr("This is not an http:// or https:// URL."));
        const QString interval = m.value(kKeepAliveInterval).toString().trimmed();
        bool ok = true;
        if (!interval.isEmpty() && (interval.toLongLong(&ok) <= 0 || !ok))
            found.insert(kKeepAliveInterval,
                         ServerTableModelTexts::tr(
                             "The keep-alive interval is a whole number of milliseconds."));
    }
    return found;
}

} // namespace mcphub
