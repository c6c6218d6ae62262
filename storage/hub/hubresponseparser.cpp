#include "storage/hub/hubresponseparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace mcphub {

namespace {

QString optionalString(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString();
}

// MCPHub sends Date.toISOString(): "2026-11-25T19:12:03.398Z". Read that form directly
// (QDateTime::fromString is most of the cost of a page); anything else goes to Qt.
QDateTime isoTimestamp(const QString &text)
{
    if (text.size() == 24 && text.at(4) == QLatin1Char('-') && text.at(10) == QLatin1Char('T')
        && text.at(19) == QLatin1Char('.') && text.at(23) == QLatin1Char('Z')) {
        const auto number = [&text](int from, int length) {
            int n = 0;
            for (int i = from; i < from + length; ++i) {
                const int digit = text.at(i).unicode() - '0';
                if (digit < 0 || digit > 9)
                    return -1;
                n = n * 10 + digit;
            }
            return n;
        };
        const QDate date(number(0, 4), number(5, 2), number(8, 2));
        const QTime time(number(11, 2), number(14, 2), number(17, 2), number(20, 3));
        if (date.isValid() && time.isValid())
            return QDateTime(date, time, Qt::UTC);
    }
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

} // namespace

Result<QJsonObject> HubResponseParser::object(const QByteArray &body, const QString &where)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error::make(Error::Code::Parse,
                           tr("The hub sent a response that is not valid JSON. Check that the URL "
                              "points at MCPHub (including its base path)."),
                           where,
                           QStringLiteral("%1 at byte %2")
                               .arg(parseError.errorString(), QString::number(parseError.offset)));
    }
    if (!doc.isObject()) {
        return Error::make(Error::Code::Parse,
                           tr("The hub sent JSON that is not an object. Check that the URL points "
                              "at MCPHub."),
                           where);
    }
    return doc.object();
}

Result<QJsonValue> HubResponseParser::data(const QByteArray &body, const QString &where)
{
    auto obj = object(body, where);
    if (!obj)
        return obj.error();
    return data(*obj, where);
}

Result<QJsonValue> HubResponseParser::data(const QJsonObject &obj, const QString &where)
{
    if (obj.value(QLatin1String("success")) == QJsonValue(false)) {
        const QString hubMessage = obj.value(QLatin1String("message")).toString();
        return Error::make(Error::Code::Invalid,
                           tr("The hub answered that the request failed: %1").arg(hubMessage),
                           where);
    }
    if (!obj.contains(QLatin1String("data"))) {
        return Error::make(Error::Code::Parse,
                           tr("The hub's answer has no \"data\" field. This MCPHub version may "
                              "not be supported."),
                           where);
    }
    return obj.value(QLatin1String("data"));
}

Result<HubResponseParser::Health> HubResponseParser::health(const QByteArray &body,
                                                            const QString &where)
{
    auto obj = object(body, where);
    if (!obj)
        return obj.error();
    Health h;
    h.status = obj->value(QLatin1String("status")).toString();
    if (h.status.isEmpty()) {
        return Error::make(Error::Code::Parse,
                           tr("The hub's /health answer has no \"status\". Check that the URL "
                              "points at MCPHub."),
                           where);
    }
    h.message = obj->value(QLatin1String("message")).toString();
    const QJsonValue servers = obj->value(QLatin1String("servers"));
    if (servers.isObject()) {
        const QJsonObject s = servers.toObject();
        h.hasServerCounts = true;
        h.total = s.value(QLatin1String("total")).toInt();
        h.connected = s.value(QLatin1String("connected")).toInt();
        h.disconnected = s.value(QLatin1String("disconnected")).toInt();
    }
    return h;
}

Result<QString> HubResponseParser::version(const QByteArray &body, const QString &where)
{
    auto d = data(body, where);
    if (!d)
        return d.error();
    return d->toObject().value(QLatin1String("version")).toString();
}

Result<QByteArray> HubResponseParser::loginToken(const QByteArray &body, const QString &where)
{
    auto obj = object(body, where);
    if (!obj)
        return obj.error();
    const QString token = obj->value(QLatin1String("token")).toString();
    if (obj->value(QLatin1String("success")) == QJsonValue(false) || token.isEmpty()) {
        return Error::make(Error::Code::Invalid,
                           tr("The hub refused the login: %1. Check the user name and password "
                              "of this hub.")
                               .arg(errorMessage(body)),
                           where);
    }
    return token.toUtf8();
}

Result<QList<HubServerStatus>> HubResponseParser::servers(const QByteArray &body,
                                                          const QString &where)
{
    auto d = data(body, where);
    if (!d)
        return d.error();
    if (!d->isArray()) {
        return Error::make(Error::Code::Parse,
                           tr("The hub's server list is not an array."),
                           where + QStringLiteral(" /data"));
    }
    QList<HubServerStatus> list;
    const QJsonArray array = d->toArray();
    list.reserve(array.size());
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        HubServerStatus s;
        s.name = o.value(QLatin1String("name")).toString();
        s.status = o.value(QLatin1String("status")).toString();
        s.error = optionalString(o.value(QLatin1String("error")));
        s.toolCount = int(o.value(QLatin1String("tools")).toArray().size());
        s.enabled = o.value(QLatin1String("enabled")).toBool(true);
        list.append(std::move(s));
    }
    return list;
}

Result<HubOpenApiStats> HubResponseParser::openApiStats(const QByteArray &body,
                                                        const QString &where)
{
    auto d = data(body, where);
    if (!d)
        return d.error();
    const QJsonObject o = d->toObject();
    HubOpenApiStats s;
    s.totalServers = o.value(QLatin1String("totalServers")).toInt();
    s.totalTools = o.value(QLatin1String("totalTools")).toInt();
    return s;
}

Result<HubUserStats> HubResponseParser::userStats(const QByteArray &body, const QString &where)
{
    auto obj = object(body, where);
    if (!obj)
        return obj.error();
    // The reference documents a bare {totalUsers,...}; the recorded hub wraps it in "data".
    const QJsonObject o = obj->contains(QLatin1String("data"))
                              ? obj->value(QLatin1String("data")).toObject()
                              : *obj;
    if (!o.contains(QLatin1String("totalUsers"))) {
        return Error::make(
            Error::Code::Parse, tr("The hub's user statistics have no \"totalUsers\"."), where);
    }
    HubUserStats s;
    s.totalUsers = o.value(QLatin1String("totalUsers")).toInt();
    s.adminUsers = o.value(QLatin1String("adminUsers")).toInt();
    s.regularUsers = o.value(QLatin1String("regularUsers")).toInt();
    return s;
}

Result<bool> HubResponseParser::activitiesAvailable(const QByteArray &body, const QString &where)
{
    auto d = data(body, where);
    if (!d)
        return d.error();
    return d->toObject().value(QLatin1String("available")).toBool();
}

Result<HubActivityStats> HubResponseParser::activityStats(const QByteArray &body,
                                                          const QString &where)
{
    auto d = data(body, where);
    if (!d)
        return d.error();
    const QJsonObject o = d->toObject();
    HubActivityStats s;
    s.totalCalls = o.value(QLatin1String("totalCalls")).toInteger();
    s.successCount = o.value(QLatin1String("successCount")).toInteger();
    s.errorCount = o.value(QLatin1String("errorCount")).toInteger();
    s.avgDurationMs = qRound(o.value(QLatin1String("avgDuration")).toDouble());
    return s;
}

Result<ActivityRecord> HubResponseParser::activity(const QJsonObject &o, const QString &where)
{
    // One pass over the row's fields: QJsonObject::value() searches linearly, and a page has
    // up to 100 rows of 14 fields.
    ActivityRecord r;
    QString timestamp;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key == QLatin1String("id"))
            r.id = v.toString();
        else if (key == QLatin1String("timestamp"))
            timestamp = v.toString();
        else if (key == QLatin1String("server"))
            r.serverName = v.toString();
        else if (key == QLatin1String("tool"))
            r.toolName = v.toString();
        else if (key == QLatin1String("duration"))
            r.durationMs = v.toInt();
        else if (key == QLatin1String("status"))
            r.success = v.toString() == QLatin1String("success");
        else if (key == QLatin1String("input"))
            r.arguments = optionalString(v);
        else if (key == QLatin1String("output"))
            r.output = optionalString(v);
        else if (key == QLatin1String("group"))
            r.group = optionalString(v);
        else if (key == QLatin1String("username"))
            r.username = optionalString(v);
        else if (key == QLatin1String("keyId"))
            r.keyId = optionalString(v);
        else if (key == QLatin1String("keyName"))
            r.keyName = optionalString(v);
        else if (key == QLatin1String("sourceIp"))
            r.ip = optionalString(v);
        else if (key == QLatin1String("errorMessage"))
            r.errorMessage = optionalString(v);
    }
    r.timestamp = isoTimestamp(timestamp);
    if (r.id.isEmpty() || !r.timestamp.isValid()) {
        return Error::make(
            Error::Code::Parse, tr("An activity row has no id or no valid timestamp."), where);
    }
    return r;
}

Result<HubResponseParser::ActivityPage> HubResponseParser::activities(const QByteArray &body,
                                                                      const QString &where)
{
    auto obj = object(body, where);
    if (!obj)
        return obj.error();
    auto d = data(*obj, where);
    if (!d)
        return d.error();
    if (!d->isArray()) {
        return Error::make(Error::Code::Parse,
                           tr("The hub's activity list is not an array."),
                           where + QStringLiteral(" /data"));
    }
    ActivityPage page;
    const QJsonArray rows = d->toArray();
    page.records.reserve(rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        auto r = activity(rows.at(i).toObject(), QString());
        if (!r) {
            Error e = r.error();
            e.where = where + QStringLiteral(" /data/%1").arg(i);
            return e; // a partial page is never handed on
        }
        page.records.append(std::move(r).value());
    }
    const QJsonObject p = obj->value(QLatin1String("pagination")).toObject();
    page.pagination.page = p.value(QLatin1String("page")).toInt(1);
    page.pagination.limit = p.value(QLatin1String("limit")).toInt(int(rows.size()));
    page.pagination.total = p.value(QLatin1String("total")).toInt(int(rows.size()));
    page.pagination.totalPages = p.value(QLatin1String("totalPages")).toInt(1);
    page.pagination.hasNextPage = p.value(QLatin1String("hasNextPage")).toBool(false);
    return page;
}

QString HubResponseParser::errorMessage(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return {};
    const QJsonObject o = doc.object();
    QString m = o.value(QLatin1String("message")).toString();
    if (m.isEmpty())
        m = o.value(QLatin1String("error")).toString();
    return m;
}

} // namespace mcphub
