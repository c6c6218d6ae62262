#include "storage/hub/hubmonitor.h"

#include "storage/hub/hubpoller.h"
#include "storage/hub/hubsamplestore.h"
#include "storage/logging.h"
#include "storage/secretstore.h"

namespace mcphub {

HubMonitor::HubMonitor(RepositoryContext context,
                       const SecretStore &secrets,
                       HubPoller *poller,
                       QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_secrets(secrets)
    , m_poller(poller ? poller : new HubPoller(nullptr, this))
{
    connect(m_poller, &HubPoller::sampleReady, this, &HubMonitor::onSample);
    connect(m_poller, &HubPoller::activitiesFetched, this, &HubMonitor::onActivities);
    m_compaction.setInterval(10 * 60 * 1000);
    connect(&m_compaction, &QTimer::timeout, this, &HubMonitor::compact);
}

HubMonitor::~HubMonitor() = default;

Result<int> HubMonitor::start()
{
    const auto hubs = HubRepository(m_context).list();
    if (!hubs)
        return hubs.error();
    int watched = 0;
    for (const HubRecord &hub : *hubs) {
        if (!hub.enabled)
            continue;
        if (auto r = watch(hub); !r)
            Q_EMIT problem(hub.name, r.error().toString());
        ++watched;
    }
    if (!m_context.readOnly) {
        compact();
        m_compaction.start();
    }
    return watched;
}

Result<void> HubMonitor::watch(const HubRecord &hub)
{
    if (!hub.enabled) {
        unwatch(hub.name);
        return {};
    }
    const quint64 generation = ++m_generations[hub.name];
    if (hub.auth == HubEndpoint::Auth::None) {
        addWatch(hub, hub.endpoint());
        return {};
    }
    // The secret arrives by signal: the keychain never blocks this thread.
    m_secrets.readAsync(HubRepository::secretKey(hub.name),
                        this,
                        [this, hub, generation](const Result<QString> &secret) {
                            if (m_generations.value(hub.name) != generation)
                                return; // unwatched, or watched again, meanwhile
                            auto endpoint = HubRepository::endpointWithSecret(hub, secret);
                            if (endpoint) {
                                addWatch(hub, *endpoint);
                                return;
                            }
                            // Still watch what needs no credentials (/health, /config); say
                            // why the rest is missing.
                            HubEndpoint open = hub.endpoint();
                            open.auth = HubEndpoint::Auth::None;
                            addWatch(hub, open);
                            Q_EMIT problem(hub.name, endpoint.error().toString());
                        });
    return {};
}

void HubMonitor::addWatch(const HubRecord &hub, const HubEndpoint &endpoint)
{
    m_poller->addHub(endpoint);
    if (const auto cursor = HubRepository(m_context).cursor(hub.name); cursor && !cursor->isEmpty())
        m_poller->setActivityCursor(hub.name, cursor->newest(), cursor->idsAtNewest());
}

void HubMonitor::unwatch(const QString &name)
{
    ++m_generations[name]; // a secret still on its way is dropped
    m_poller->removeHub(name);
}

void HubMonitor::onSample(const QString &hub, const HubSample &sample)
{
    if (!m_context.readOnly) {
        if (const auto stored = HubSampleStore(m_context).append(hub, sample); !stored)
            Q_EMIT problem(hub, stored.error().toString());
    }
    Q_EMIT sampleStored(hub, sample);
}

void HubMonitor::onActivities(const QString &hub, const QList<ActivityRecord> &records)
{
    if (m_context.readOnly)
        return;
    const auto stored = HubSampleStore(m_context).appendActivities(hub, records);
    if (!stored) {
        // The poller's cursor moved on; put it back to what is stored so the rows come again.
        if (const auto cursor = HubRepository(m_context).cursor(hub))
            m_poller->setActivityCursor(hub, cursor->newest(), cursor->idsAtNewest());
        Q_EMIT problem(hub, stored.error().toString());
        return;
    }
    Q_EMIT activitiesStored(hub, *stored);
}

void HubMonitor::compact()
{
    const auto done = HubSampleStore(m_context).compact();
    if (!done) {
        Q_EMIT problem(QString(), done.error().toString());
        return;
    }
    if (done->rawAggregated || done->minuteAggregated || done->deleted)
        qCInfo(lcHub) << "aged samples: raw" << done->rawAggregated << "minute"
                      << done->minuteAggregated << "deleted" << done->deleted;
}

} // namespace mcphub
