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

// One poll of one hub: what the console stores and charts. A poll re-reads only what its
// schedule asks for (HubPoller::Options); the parts it did not ask again hold the last answer
// read and are named in `carried`. Parts never read (no credentials, rate-limited, file mode
// without activities) are left empty, and so is all a failed poll (unhealthy, unreachable,
// credentials refused) did not read itself: the hub's data is unknown then.
struct HubSample
{
    Q_DECLARE_TR_FUNCTIONS(HubSample)

public:
    enum class Part {
        Version = 0x01,              // version (/config)
        Servers = 0x02,              // servers, openApi; the server counts when /health has none
        Users = 0x04,                // users (/api/users-stats)
        ActivityAvailability = 0x08, // activitiesAvailable (/api/activities/available)
        ActivityStats = 0x10,        // activity (/api/activities/stats)
    };
    Q_DECLARE_FLAGS(Parts, Part)

    QDateTime timestamp; // UTC, when the poll started
    HubState state = HubState::Unreachable;
    QString healthMessage; // /health "message", as the hub sent it
    QString version;       // /config data.version
    int serversTotal = 0;  // enabled servers, from /health (or /api/servers when absent)
    int serversConnected = 0;
    int serversDisconnected = 0;
    QList<HubServerStatus> servers; // empty when /api/servers was never read
    // What /api/openapi/stats says, counted from /api/servers.
    std::optional<HubOpenApiStats> openApi;
    std::optional<HubUserStats> users;
    bool activitiesAvailable = false; // database mode hubs only
    std::optional<HubActivityStats> activity;
    QString lastError;  // translated; empty when every request of the poll succeeded
    int latencyMs = -1; // /health round trip, -1 when it got no answer
    Parts carried;      // parts not read this poll: their values come from an earlier one

    static QString stateName(HubState state);  // "healthy", "auth-failed"... (stable, for storage)
    static QString stateLabel(HubState state); // translated, for people
    static std::optional<HubState> stateFromName(const QString &name);
};

Q_DECLARE_OPERATORS_FOR_FLAGS(HubSample::Parts)

} // namespace mcphub

Q_DECLARE_METATYPE(mcphub::HubSample)
