#pragma once

#include "storage/hub/hubendpoint.h"
#include "storage/result.h"

#include <QString>

#include <functional>
#include <optional>

class QObject;

namespace mcphub {

class HubClient;

// What "Test connection" found on a hub: its version (GET /config) and, with credentials,
// how many servers it runs (GET /api/servers; without credentials /health's counts when the
// hub gives them).
struct HubFacts
{
    QString version;
    std::optional<int> servers;
    std::optional<int> connected;
};

// Asks the hub once, as the poller does, through `client` (its deadline, TLS and login
// rules): the one place a hub's reachability and credentials are tested. `done` runs once on
// `context`'s thread, not when `context` is gone. A hub that refuses the credentials, cannot
// be reached or answers something that is not MCPHub gives the error naming the URL.
using HubCheckDone = std::function<void(const Result<HubFacts> &facts)>;
void checkHub(HubClient *client, const HubEndpoint &hub, QObject *context, HubCheckDone done);

} // namespace mcphub
