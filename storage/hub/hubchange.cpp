#include "storage/hub/hubchange.h"

#include "storage/db/serverrepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace mcphub {

namespace {

// Whether a running hub's client of this server would differ: every field but the ones read
// from the row per request (tools, prompts, resources: mcphub-dbmode.md §2.3), the
// description, and the enabled flag (which starts or stops the server instead).
bool connectionChanged(const ServerRecord &a, const ServerRecord &b)
{
    return a.type != b.type || a.command != b.command || a.args != b.args || a.url != b.url
           || a.env != b.env || a.headers != b.headers
           || a.passthroughHeaders != b.passthroughHeaders || a.owner != b.owner
           || a.enableKeepAlive != b.enableKeepAlive || a.keepAliveInterval != b.keepAliveInterval
           || a.options != b.options || a.proxy != b.proxy || a.oauth != b.oauth
           || a.openapi != b.openapi || a.extra != b.extra;
}

} // namespace

QByteArray HubChange::method() const
{
    return kind == Kind::RefreshSystemConfig ? QByteArrayLiteral("PUT") : QByteArrayLiteral("POST");
}

QString HubChange::path() const
{
    const QString name = QString::fromLatin1(QUrl::toPercentEncoding(server));
    switch (kind) {
    case Kind::StartServer:
    case Kind::StopServer:
        return QStringLiteral("/api/servers/%1/toggle").arg(name);
    case Kind::ReloadServer:
        return QStringLiteral("/api/servers/%1/reload").arg(name);
    case Kind::RefreshSystemConfig:
        break;
    }
    return QStringLiteral("/api/system-config");
}

QByteArray HubChange::body() const
{
    QJsonObject body;
    switch (kind) {
    case Kind::StartServer:
        body.insert(QStringLiteral("enabled"), true);
        break;
    case Kind::StopServer:
        body.insert(QStringLiteral("enabled"), false);
        break;
    case Kind::ReloadServer:
        break;
    case Kind::RefreshSystemConfig:
        body.insert(QStringLiteral("nameSeparator"), nameSeparator);
        break;
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString HubChange::description() const
{
    switch (kind) {
    case Kind::StartServer:
        return tr("start server \"%1\"").arg(server);
    case Kind::StopServer:
        return tr("stop server \"%1\"").arg(server);
    case Kind::ReloadServer:
        return tr("reload server \"%1\"").arg(server);
    case Kind::RefreshSystemConfig:
        break;
    }
    return tr("re-read the system configuration");
}

QList<HubChange> HubChange::forServer(const std::optional<ServerRecord> &before,
                                      const std::optional<ServerRecord> &after)
{
    if (!before && !after)
        return {};
    if (!after)
        return before->enabled ? QList<HubChange>{stopServer(before->name)} : QList<HubChange>{};
    if (!before)
        return after->enabled ? QList<HubChange>{startServer(after->name)} : QList<HubChange>{};
    if (before->name != after->name) {
        // The hub knows the server by its old name: stop that one, start the new one.
        QList<HubChange> changes;
        if (before->enabled)
            changes << stopServer(before->name);
        if (after->enabled)
            changes << startServer(after->name);
        return changes;
    }
    if (before->enabled != after->enabled)
        return {after->enabled ? startServer(after->name) : stopServer(after->name)};
    if (after->enabled && connectionChanged(*before, *after))
        return {reloadServer(after->name)};
    return {};
}

bool HubChange::refreshesSystemConfig(const QString &key)
{
    return key == QLatin1String("nameSeparator") || key == QLatin1String("toolResultCompression")
           || key == QLatin1String("activityLog");
}

QString HubChangeResult::text() const
{
    const QString what = change.description();
    if (applied)
        return tr("%1: %2: done").arg(hub, what);
    const QString detail = error ? error->toString() : QString();
    if (unreachable) {
        return tr("%1: %2: applies at the next restart of %1 (%3)").arg(hub, what, detail);
    }
    return tr("%1: %2: failed: %3 The database change is committed; restart %1, or make the same "
              "change in its dashboard.")
        .arg(hub, what, detail);
}

} // namespace mcphub
