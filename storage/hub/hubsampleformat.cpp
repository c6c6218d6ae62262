#include "storage/hub/hubsampleformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <utility>

#include <functional>

namespace mcphub {

namespace {

const QList<HubState> kStates{HubState::Healthy,
                              HubState::Degraded,
                              HubState::Unhealthy,
                              HubState::Unreachable,
                              HubState::AuthFailed};

QString number(double value)
{
    return QString::number(value, 'g', 15);
}

} // namespace

QString HubSampleFormat::escapeLabel(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        if (c == QLatin1Char('\\'))
            out += QStringLiteral("\\\\");
        else if (c == QLatin1Char('"'))
            out += QStringLiteral("\\\"");
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else
            out += c;
    }
    return out;
}

QByteArray HubSampleFormat::text(const Latest &latest)
{
    QString out;
    if (latest.isEmpty())
        out += tr("No hub has a sample yet. Add one with \"hubs add\".") + QLatin1Char('\n');
    for (const auto &[hub, s] : latest) {
        out += QStringLiteral("%1  %2  %3\n")
                   .arg(hub, HubSample::stateLabel(s.state), s.timestamp.toString(Qt::ISODate));
        if (!s.version.isEmpty())
            out += QStringLiteral("  ") + tr("version %1").arg(s.version) + QLatin1Char('\n');
        out += QStringLiteral("  ")
               + tr("servers: %1 of %2 connected").arg(s.serversConnected).arg(s.serversTotal);
        if (s.latencyMs >= 0)
            out += QStringLiteral(", ") + tr("latency %1 ms").arg(s.latencyMs);
        out += QLatin1Char('\n');
        if (s.activity) {
            out += QStringLiteral("  ")
                   + tr("tool calls: %1 (%2 errors), average %3 ms")
                         .arg(s.activity->totalCalls)
                         .arg(s.activity->errorCount)
                         .arg(s.activity->avgDurationMs)
                   + QLatin1Char('\n');
        }
        for (const HubServerStatus &server : s.servers) {
            out += QStringLiteral("    %1  %2").arg(server.name.leftJustified(24), server.status);
            if (!server.error.isEmpty())
                out += QStringLiteral("  ") + server.error.simplified();
            out += QLatin1Char('\n');
        }
        if (!s.lastError.isEmpty())
            out += QStringLiteral("  ") + tr("last error: %1").arg(s.lastError) + QLatin1Char('\n');
    }
    return out.toUtf8();
}

QByteArray HubSampleFormat::json(const Latest &latest)
{
    QJsonArray hubs;
    for (const auto &[hub, s] : latest) {
        QJsonObject o{{QStringLiteral("hub"), hub},
                      {QStringLiteral("timestamp"), s.timestamp.toString(Qt::ISODateWithMs)},
                      {QStringLiteral("state"), HubSample::stateName(s.state)},
                      {QStringLiteral("version"), s.version},
                      {QStringLiteral("healthMessage"), s.healthMessage},
                      {QStringLiteral("serversTotal"), s.serversTotal},
                      {QStringLiteral("serversConnected"), s.serversConnected},
                      {QStringLiteral("serversDisconnected"), s.serversDisconnected},
                      {QStringLiteral("latencyMs"),
                       s.latencyMs >= 0 ? QJsonValue(s.latencyMs) : QJsonValue()},
                      {QStringLiteral("lastError"), s.lastError}};
        if (s.activity) {
            o.insert(QStringLiteral("activity"),
                     QJsonObject{{QStringLiteral("totalCalls"), s.activity->totalCalls},
                                 {QStringLiteral("successCount"), s.activity->successCount},
                                 {QStringLiteral("errorCount"), s.activity->errorCount},
                                 {QStringLiteral("avgDurationMs"), s.activity->avgDurationMs}});
        }
        if (s.openApi)
            o.insert(QStringLiteral("toolsTotal"), s.openApi->totalTools);
        QJsonArray servers;
        for (const HubServerStatus &server : s.servers) {
            servers.append(QJsonObject{{QStringLiteral("name"), server.name},
                                       {QStringLiteral("status"), server.status},
                                       {QStringLiteral("error"), server.error},
                                       {QStringLiteral("toolCount"), server.toolCount},
                                       {QStringLiteral("enabled"), server.enabled}});
        }
        o.insert(QStringLiteral("servers"), servers);
        // The parts this poll did not read again: their values are the last ones read.
        QJsonArray carried;
        for (const auto &[part, name] :
             {std::pair{HubSample::Part::Version, "version"},
              std::pair{HubSample::Part::Servers, "servers"},
              std::pair{HubSample::Part::Users, "users"},
              std::pair{HubSample::Part::ActivityAvailability, "activitiesAvailable"},
              std::pair{HubSample::Part::ActivityStats, "activity"}}) {
            if (s.carried.testFlag(part))
                carried.append(QLatin1String(name));
        }
        o.insert(QStringLiteral("carried"), carried);
        hubs.append(o);
    }
    return QJsonDocument(hubs).toJson(QJsonDocument::Indented);
}

QByteArray HubSampleFormat::prometheus(const Latest &latest)
{
    QString out;
    auto family = [&](const char *name,
                      const char *type,
                      const char *help,
                      const std::function<void(const QString &, const HubSample &)> &each) {
        out += QStringLiteral("# HELP %1 %2\n# TYPE %1 %3\n")
                   .arg(QLatin1String(name), QLatin1String(help), QLatin1String(type));
        for (const auto &[hub, s] : latest)
            each(escapeLabel(hub), s);
    };
    auto line = [&](const char *name, const QString &labels, double value) {
        out += QStringLiteral("%1{%2} %3\n").arg(QLatin1String(name), labels, number(value));
    };
    auto hubLabel = [](const QString &hub) {
        return QStringLiteral("hub=\"%1\"").arg(hub);
    };

    family("mcphub_hub_up",
           "gauge",
           "1 when the hub answered /health as healthy or degraded.",
           [&](const QString &hub, const HubSample &s) {
               line("mcphub_hub_up",
                    hubLabel(hub),
                    s.state == HubState::Healthy || s.state == HubState::Degraded ? 1 : 0);
           });
    family("mcphub_hub_state",
           "gauge",
           "1 for the hub's current state, 0 for the others.",
           [&](const QString &hub, const HubSample &s) {
               for (const HubState state : kStates) {
                   line("mcphub_hub_state",
                        hubLabel(hub)
                            + QStringLiteral(",state=\"%1\"").arg(HubSample::stateName(state)),
                        s.state == state ? 1 : 0);
               }
           });
    family("mcphub_hub_info",
           "gauge",
           "The hub's MCPHub version, as a label.",
           [&](const QString &hub, const HubSample &s) {
               line("mcphub_hub_info",
                    hubLabel(hub) + QStringLiteral(",version=\"%1\"").arg(escapeLabel(s.version)),
                    1);
           });
    family("mcphub_hub_servers",
           "gauge",
           "Enabled MCP servers of the hub by status.",
           [&](const QString &hub, const HubSample &s) {
               line("mcphub_hub_servers",
                    hubLabel(hub) + QStringLiteral(",status=\"connected\""),
                    s.serversConnected);
               line("mcphub_hub_servers",
                    hubLabel(hub) + QStringLiteral(",status=\"disconnected\""),
                    s.serversDisconnected);
           });
    family("mcphub_hub_server_connected",
           "gauge",
           "1 when the MCP server is connected, per server of /api/servers.",
           [&](const QString &hub, const HubSample &s) {
               for (const HubServerStatus &server : s.servers) {
                   line("mcphub_hub_server_connected",
                        hubLabel(hub)
                            + QStringLiteral(",server=\"%1\"").arg(escapeLabel(server.name)),
                        server.status == QLatin1String("connected") ? 1 : 0);
               }
           });
    family("mcphub_hub_health_latency_seconds",
           "gauge",
           "Round trip of the last /health request.",
           [&](const QString &hub, const HubSample &s) {
               if (s.latencyMs >= 0)
                   line("mcphub_hub_health_latency_seconds", hubLabel(hub), s.latencyMs / 1000.0);
           });
    family(
        "mcphub_hub_tool_calls_total",
        "counter",
        "Tool calls the hub has logged.",
        [&](const QString &hub, const HubSample &s) {
            if (s.activity)
                line("mcphub_hub_tool_calls_total", hubLabel(hub), double(s.activity->totalCalls));
        });
    family("mcphub_hub_tool_call_errors_total",
           "counter",
           "Tool calls that failed.",
           [&](const QString &hub, const HubSample &s) {
               if (s.activity)
                   line("mcphub_hub_tool_call_errors_total",
                        hubLabel(hub),
                        double(s.activity->errorCount));
           });
    family("mcphub_hub_tool_call_duration_average_seconds",
           "gauge",
           "Average duration of the hub's logged tool calls.",
           [&](const QString &hub, const HubSample &s) {
               if (s.activity)
                   line("mcphub_hub_tool_call_duration_average_seconds",
                        hubLabel(hub),
                        s.activity->avgDurationMs / 1000.0);
           });
    family("mcphub_hub_last_poll_timestamp_seconds",
           "gauge",
           "When the sample was taken.",
           [&](const QString &hub, const HubSample &s) {
               line("mcphub_hub_last_poll_timestamp_seconds",
                    hubLabel(hub),
                    double(s.timestamp.toMSecsSinceEpoch()) / 1000.0);
           });
    return out.toUtf8();
}

} // namespace mcphub
