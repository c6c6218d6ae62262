#pragma once

#include "storage/db/repositorycontext.h"
#include "storage/hub/hubchange.h"
#include "storage/hub/hubendpoint.h"

#include <QObject>

#include <functional>

namespace mcphub {

class HubClient;
class SecretStore;

// Tells the running hubs what a committed change to MCPHub's database means for what they
// keep in memory (HubChange), through their own API. The hubs told are the enabled hubs of
// the registry of an MCPHub-database workspace: hubs registered there are the hubs that run
// on that database (a hub that only needs watching is registered in a console database).
// Hubs are told in parallel, the changes of one hub in order; a hub that does not answer
// at all is not sent its remaining changes, each of which then "applies at its next
// restart". Nothing here changes the database: its change is committed before (a stop
// before a removal is the caller's to order). On the thread it lives on; asynchronous.
class HubChangeApplier : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const QList<HubChangeResult> &results)>;

    explicit HubChangeApplier(HubClient *client, QObject *parent = nullptr);

    // Sends `changes` to every hub in `hubs`; `done` gets a result per hub and change, hub by
    // hub in the given order.
    void apply(const QList<HubEndpoint> &hubs, const QList<HubChange> &changes, Done done);

    // The same for the hubs linked to the workspace of `context` (none outside an MCPHub
    // database), their secrets read from `secrets` without blocking. A hub whose secret
    // cannot be read gets that error for each change. `done` runs at once (from the event
    // loop) when there is nothing to tell.
    void applyToLinkedHubs(const RepositoryContext &context,
                           const SecretStore &secrets,
                           const QList<HubChange> &changes,
                           Done done);

private:
    void applyTo(const HubEndpoint &hub,
                 const QList<HubChange> &changes,
                 int index,
                 std::shared_ptr<QList<HubChangeResult>> results,
                 std::function<void()> finished);

    HubClient *m_client;
};

} // namespace mcphub
