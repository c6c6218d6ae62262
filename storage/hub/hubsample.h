#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace mcphub {

// The state of one hub as the console judges it after a poll.
enum class HubState {
    Healthy,     // /health says healthy
    Degraded,    // /health says degraded (some enabled servers are not connected)
    Unhealthy,   // /health answered 5xx or "unhealthy" (a hub whose database is down)
    Unreachable, // no answer within the timeout, connection refused, TLS refused
    AuthFailed,  // the hub refused our credentials
};

// One upstream MCP server as /api/servers reports it.
struct HubServerStatus
{
    QString name;
    QString status; // connected | connecting | disconnected | oauth_required
    QString error;  // empty when the hub reports null
    int toolCount = 0;
    bool enabled = true;
};

struct HubOpenApiStats
{
    int totalServers = 0; // connected servers
    int totalTools = 0;   // tools of connected servers
};

struct HubUserStats
{
    int totalUsers = 0;
    int adminUsers = 0;
    int regularUsers = 0;
};

struct HubActivityStats
{
    qint64 totalCalls = 0;
    qint64 successCount = 0;
    qint64 errorCount = 0;
    int avgDurationMs = 0;
};

// One poll of one hub: what the console stores and charts. Parts the poll could not read
// (no credentials, rate-limited, file mode without activities) are left empty.
struct HubSample
{
    Q_DECLARE_TR_FUNCTIONS(HubSample)

public:
    QDateTime timestamp; // UTC, when the poll started
    HubState state = HubState::Unreachable;
    QString healthMessage; // /health "message", as the hub sent it
    QString version;       // /config data.version
    int serversTotal = 0;  // enabled servers, from /health (or /api/servers when absent)
    int serversConnected = 0;
    int serversDisconnected = 0;
    QList<HubServerStatus> servers; // empty when /api/servers was not read
    // What /api/openapi/stats says, counted from /api/servers.
    std::optional<HubOpenApiStats> openApi;
    std::optional<HubUserStats> users;
    bool activitiesAvailable = false; // database mode hubs only
    std::optional<HubActivityStats> activity;
    QString lastError;  // translated; empty when every request of the poll succeeded
    int latencyMs = -1; // /health round trip, -1 when it got no answer

    static QString stateName(HubState state);  // "healthy", "auth-failed"... (stable, for storage)
    static QString stateLabel(HubState state); // translated, for people
    static std::optional<HubState> stateFromName(const QString &name);
};

} // namespace mcphub

Q_DECLARE_METATYPE(mcphub::HubSample)
