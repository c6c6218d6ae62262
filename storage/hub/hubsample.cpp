#include "storage/hub/hubsample.h"

namespace mcphub {

QString HubSample::stateName(HubState state)
{
    switch (state) {
    case HubState::Healthy:
        return QStringLiteral("healthy");
    case HubState::Degraded:
        return QStringLiteral("degraded");
    case HubState::Unhealthy:
        return QStringLiteral("unhealthy");
    case HubState::Unreachable:
        return QStringLiteral("unreachable");
    case HubState::AuthFailed:
        return QStringLiteral("auth-failed");
    }
    return {};
}

QString HubSample::stateLabel(HubState state)
{
    switch (state) {
    case HubState::Healthy:
        return tr("Healthy");
    case HubState::Degraded:
        return tr("Degraded");
    case HubState::Unhealthy:
        return tr("Unhealthy");
    case HubState::Unreachable:
        return tr("Unreachable");
    case HubState::AuthFailed:
        return tr("Authentication failed");
    }
    return {};
}

std::optional<HubState> HubSample::stateFromName(const QString &name)
{
    for (const HubState s : {HubState::Healthy,
                             HubState::Degraded,
                             HubState::Unhealthy,
                             HubState::Unreachable,
                             HubState::AuthFailed}) {
        if (stateName(s) == name)
            return s;
    }
    return std::nullopt;
}

} // namespace mcphub
