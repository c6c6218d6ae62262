#include "storage/hub/hubchangeapplier.h"

#include "storage/db/workspacekind.h"
#include "storage/hub/hubclient.h"
#include "storage/hub/hubrepository.h"
#include "storage/hub/hubresponseparser.h"
#include "storage/secretstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace mcphub {

namespace {

// What a hub said, as a result: 2xx with {"success": true} (or no success field) applies.
HubChangeResult resultOf(const HubEndpoint &hub, const HubChange &change, const HubResponse &r)
{
    HubChangeResult result;
    result.hub = hub.name;
    result.change = change;
    if (r.failure == HubResponse::Failure::Connection
        || r.failure == HubResponse::Failure::Timeout) {
        result.unreachable = true;
        result.error = r.error;
        return result;
    }
    if (r.failure != HubResponse::Failure::None) {
        result.error = r.error;
        return result;
    }
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    if (r.status >= 200 && r.status < 300 && body.value(QStringLiteral("success")).toBool(true)) {
        result.applied = true;
        return result;
    }
    result.error
        = Error::make(Error::Code::Network,
                      HubChangeApplier::tr("The hub answered %1: %2")
                          .arg(QString::number(r.status), HubResponseParser::errorMessage(r.body)),
                      hub.where(change.path()));
    return result;
}

} // namespace

HubChangeApplier::HubChangeApplier(HubClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void HubChangeApplier::apply(const QList<HubEndpoint> &hubs,
                             const QList<HubChange> &changes,
                             Done done)
{
    auto perHub = std::make_shared<QList<QList<HubChangeResult>>>(hubs.size());
    auto pending = std::make_shared<int>(int(hubs.size()));
    auto finish = [perHub, done] {
        QList<HubChangeResult> all;
        for (const auto &results : *perHub)
            all << results;
        done(all);
    };
    if (hubs.isEmpty() || changes.isEmpty()) {
        QTimer::singleShot(0, this, [done] { done({}); });
        return;
    }
    for (int i = 0; i < hubs.size(); ++i) {
        auto results = std::make_shared<QList<HubChangeResult>>();
        applyTo(hubs.at(i), changes, 0, results, [perHub, pending, results, i, finish] {
            (*perHub)[i] = *results;
            if (--*pending == 0)
                finish();
        });
    }
}

void HubChangeApplier::applyTo(const HubEndpoint &hub,
                               const QList<HubChange> &changes,
                               int index,
                               std::shared_ptr<QList<HubChangeResult>> results,
                               std::function<void()> finished)
{
    if (index >= changes.size()) {
        finished();
        return;
    }
    const HubChange change = changes.at(index);
    m_client->request(
        hub,
        change.method(),
        change.path(),
        change.body(),
        this,
        [this, hub, changes, index, results, finished, change](const HubResponse &response) {
            HubChangeResult result = resultOf(hub, change, response);
            *results << result;
            if (result.unreachable) {
                // Not answering at all: the rest would only wait as long again.
                for (int i = index + 1; i < changes.size(); ++i) {
                    HubChangeResult rest = result;
                    rest.change = changes.at(i);
                    *results << rest;
                }
                finished();
                return;
            }
            applyTo(hub, changes, index + 1, results, finished);
        });
}

void HubChangeApplier::applyToLinkedHubs(const RepositoryContext &context,
                                         const SecretStore &secrets,
                                         const QList<HubChange> &changes,
                                         Done done)
{
    QList<HubRecord> linked;
    if (context.kind == WorkspaceKind::McphubDatabase && !changes.isEmpty()) {
        if (auto hubs = HubRepository(context).list()) {
            for (const HubRecord &hub : *hubs) {
                if (hub.enabled)
                    linked << hub;
            }
        }
    }
    if (linked.isEmpty()) {
        QTimer::singleShot(0, this, [done] { done({}); });
        return;
    }
    // Read every secret, then tell the hubs whose secret came; the others get its error.
    auto endpoints = std::make_shared<QList<Result<HubEndpoint>>>();
    for (const HubRecord &hub : linked)
        *endpoints << Result<HubEndpoint>(hub.endpoint());
    auto pending = std::make_shared<int>(int(linked.size()));
    auto allRead = [this, linked, endpoints, changes, done] {
        QList<HubEndpoint> reachable;
        QList<HubChangeResult> refused;
        for (qsizetype i = 0; i < endpoints->size(); ++i) {
            const Result<HubEndpoint> &e = endpoints->at(i);
            if (e) {
                reachable << *e;
                continue;
            }
            for (const HubChange &change : changes) {
                HubChangeResult r;
                r.hub = linked.at(i).name;
                r.change = change;
                r.error = e.error();
                refused << r;
            }
        }
        apply(reachable, changes, [refused, done](const QList<HubChangeResult> &results) {
            done(results + refused);
        });
    };
    for (int i = 0; i < linked.size(); ++i) {
        const HubRecord hub = linked.at(i);
        if (hub.auth == HubEndpoint::Auth::None) {
            if (--*pending == 0)
                allRead();
            continue;
        }
        secrets.readAsync(HubRepository::secretKey(hub.name),
                          this,
                          [hub, i, endpoints, pending, allRead](const Result<QString> &secret) {
                              (*endpoints)[i] = HubRepository::endpointWithSecret(hub, secret);
                              if (--*pending == 0)
                                  allRead();
                          });
    }
}

} // namespace mcphub
