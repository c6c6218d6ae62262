#include "storage/hub/hubcheck.h"

#include "storage/hub/hubclient.h"
#include "storage/hub/hubresponseparser.h"

#include <QCoreApplication>

namespace mcphub {

namespace {

Error failureOf(const HubResponse &r, const HubEndpoint &hub)
{
    if (r.error)
        return *r.error;
    return Error::make(
        Error::Code::Network,
        QCoreApplication::translate("HubCheck", "The hub answered HTTP %1.").arg(r.status),
        hub.where(r.path));
}

} // namespace

void checkHub(HubClient *client, const HubEndpoint &hub, QObject *context, HubCheckDone done)
{
    client->get(hub, QStringLiteral("/config"), context, [=](const HubResponse &config) {
        if (!config.ok()) {
            done(failureOf(config, hub));
            return;
        }
        auto version = HubResponseParser::version(config.body, hub.where(config.path));
        if (!version) {
            done(version.error());
            return;
        }
        HubFacts facts;
        facts.version = *version;
        if (hub.auth == HubEndpoint::Auth::None) {
            client->get(hub, QStringLiteral("/health"), context, [=](const HubResponse &health) {
                HubFacts counted = facts;
                if (health.ok()) {
                    if (const auto h
                        = HubResponseParser::health(health.body, hub.where(health.path));
                        h && h->hasServerCounts) {
                        counted.servers = h->total;
                        counted.connected = h->connected;
                    }
                }
                done(counted);
            });
            return;
        }
        // With credentials: logged in (or the key sent) and the servers counted.
        client->get(hub, QStringLiteral("/api/servers"), context, [=](const HubResponse &servers) {
            if (!servers.ok()) {
                done(failureOf(servers, hub));
                return;
            }
            const auto list = HubResponseParser::servers(servers.body, hub.where(servers.path));
            if (!list) {
                done(list.error());
                return;
            }
            HubFacts counted = facts;
            counted.servers = int(list->size());
            int connected = 0;
            for (const HubServerStatus &server : *list)
                connected += server.status == QLatin1String("connected") ? 1 : 0;
            counted.connected = connected;
            done(counted);
        });
    });
}

} // namespace mcphub
