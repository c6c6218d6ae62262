#include "storage/hub/hubpoller.h"

#include "storage/hub/hubactivitycursor.h"
#include "storage/hub/hubbackoff.h"
#include "storage/hub/hubclient.h"
#include "storage/hub/hubratebudget.h"
#include "storage/hub/hubresponseparser.h"
#include "storage/logging.h"

#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace mcphub {

struct HubPoller::Watch
{
    HubEndpoint endpoint;
    std::unique_ptr<QObject> context = std::make_unique<QObject>(); // guards callbacks
    QTimer *timer = new QTimer(context.get());
    HubBackoff backoff;
    HubRateBudget budget;
    HubActivityCursor cursor;
    QString warning;
    bool polling = false;

    // /config and /api/activities/available change rarely: read on the first poll, every
    // kInfoEvery-th poll and after a state change; in between their last answers stand.
    int pollsSinceInfo = 0;
    bool haveInfo = false;
    bool readInfo = true; // this poll reads them
    HubState previousState = HubState::Unreachable;
    QString version;

    // The poll in progress.
    HubSample sample;
    QList<ActivityRecord> pending; // newest first
    QSet<QString> pendingIds;
    int page = 0;
};

HubPoller::HubPoller(HubClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client ? client : new HubClient(this))
{
    qRegisterMetaType<mcphub::HubSample>();
    qRegisterMetaType<QList<mcphub::ActivityRecord>>();
    connect(m_client, &HubClient::exchangeFinished, this, &HubPoller::onExchange);
}

HubPoller::~HubPoller() = default;

int HubPoller::rateLimitedRequestsPerPoll(bool activitiesAvailable, int activityPages)
{
    // /api/servers, /api/users-stats, /api/activities/available [+ stats + pages]
    return 3 + (activitiesAvailable ? 1 + qMax(1, activityPages) : 0);
}

void HubPoller::addHub(const HubEndpoint &hub)
{
    removeHub(hub.name);
    auto w = std::make_unique<Watch>();
    w->endpoint = hub;
    w->backoff = HubBackoff(qMax(1, hub.pollIntervalMs),
                            qMax(hub.pollIntervalMs, m_options.backoffMaximumMs),
                            m_options.backoffJitter);
    w->timer->setSingleShot(true);
    w->timer->setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early
    Watch *raw = w.get();
    connect(w->timer, &QTimer::timeout, this, [this, raw] { startPoll(*raw); });
    m_watches.emplace(hub.name, std::move(w));
    refreshBudgetWarning(*raw);
    raw->timer->start(0);
}

void HubPoller::removeHub(const QString &name)
{
    // Destroying the watch's context drops the callbacks of its requests still in flight.
    m_watches.erase(name);
}

void HubPoller::pollNow(const QString &hub)
{
    auto it = m_watches.find(hub);
    if (it == m_watches.end() || it->second->polling)
        return;
    it->second->timer->start(0);
}

QStringList HubPoller::hubNames() const
{
    QStringList names;
    for (const auto &[name, w] : m_watches)
        names.append(name);
    return names;
}

void HubPoller::setActivityCursor(const QString &hub,
                                  const QDateTime &newest,
                                  const QSet<QString> &idsAtNewest)
{
    if (auto it = m_watches.find(hub); it != m_watches.end())
        it->second->cursor.reset(newest, idsAtNewest);
}

QString HubPoller::budgetWarning(const QString &hub) const
{
    auto it = m_watches.find(hub);
    return it == m_watches.end() ? QString() : it->second->warning;
}

int HubPoller::consecutiveFailures(const QString &hub) const
{
    auto it = m_watches.find(hub);
    return it == m_watches.end() ? 0 : it->second->backoff.failures();
}

void HubPoller::get(Watch &w,
                    const QString &path,
                    void (HubPoller::*handler)(Watch &, const HubResponse &))
{
    Watch *raw = &w;
    m_client->get(w.endpoint, path, w.context.get(), [this, raw, handler](const HubResponse &r) {
        (this->*handler)(*raw, r);
    });
}

void HubPoller::onExchange(const QString &hubName, const HubResponse &r)
{
    auto it = m_watches.find(hubName);
    if (it == m_watches.end())
        return;
    it->second->budget.update(r);
    refreshBudgetWarning(*it->second);
}

void HubPoller::refreshBudgetWarning(Watch &w)
{
    if (w.endpoint.auth == HubEndpoint::Auth::None)
        return; // only public, unlimited endpoints are read
    // A steady poll reads one activity page; a catch-up sync after a pause may read more.
    const QString warning = w.budget.intervalWarning(
        w.endpoint.pollIntervalMs, rateLimitedRequestsPerPoll(w.sample.activitiesAvailable));
    if (warning == w.warning)
        return;
    w.warning = warning;
    if (!warning.isEmpty())
        qCWarning(lcHub).noquote() << w.endpoint.name << warning;
    Q_EMIT budgetWarningChanged(w.endpoint.name, warning);
}

void HubPoller::noteError(Watch &w, const QString &message)
{
    if (w.sample.lastError.isEmpty())
        w.sample.lastError = message;
}

void HubPoller::startPoll(Watch &w)
{
    const bool activitiesWereAvailable = w.sample.activitiesAvailable;
    w.polling = true;
    w.sample = HubSample();
    w.sample.timestamp = QDateTime::currentDateTimeUtc();
    w.sample.activitiesAvailable = activitiesWereAvailable; // until the hub says again
    w.pending.clear();
    w.pendingIds.clear();
    w.page = 0;
    w.readInfo = true;
    get(w, QStringLiteral("/health"), &HubPoller::onHealth);
}

void HubPoller::onHealth(Watch &w, const HubResponse &r)
{
    if (!r.answered()) {
        w.sample.state = HubState::Unreachable;
        noteError(w, r.error->toString());
        finishPoll(w, Outcome::Failed);
        return;
    }
    w.sample.latencyMs = r.elapsedMs;
    auto health = HubResponseParser::health(r.body, w.endpoint.where(r.path));
    if (health) {
        w.sample.healthMessage = health->message;
        if (health->hasServerCounts) {
            w.sample.serversTotal = health->total;
            w.sample.serversConnected = health->connected;
            w.sample.serversDisconnected = health->disconnected;
        }
    }
    if (r.status >= 500 || (health && health->status == QLatin1String("unhealthy"))) {
        // A hub whose database is down answers 500 after ~45 s (503 "unhealthy" is documented).
        w.sample.state = HubState::Unhealthy;
        noteError(w, r.error ? r.error->toString() : health->message);
        finishPoll(w, Outcome::Failed);
        return;
    }
    if (!r.ok() || !health) {
        w.sample.state = HubState::Unhealthy;
        noteError(w, r.error ? r.error->toString() : health.error().toString());
        finishPoll(w, Outcome::Failed);
        return;
    }
    w.sample.state
        = health->status == QLatin1String("healthy") ? HubState::Healthy : HubState::Degraded;
    w.readInfo
        = !w.haveInfo || w.pollsSinceInfo + 1 >= kInfoEvery || w.sample.state != w.previousState;
    if (w.readInfo) {
        get(w, QStringLiteral("/config"), &HubPoller::onConfig);
        return;
    }
    w.sample.version = w.version;
    afterConfig(w);
}

bool HubPoller::continueAfter(Watch &w, const HubResponse &r)
{
    if (r.failure == HubResponse::Failure::Auth) {
        w.sample.state = HubState::AuthFailed;
        w.sample.lastError = r.error->toString(); // the reason that decided the state
        finishPoll(w, Outcome::Failed);
        return false;
    }
    if (!r.answered()) {
        // The hub answered /health but not this: it is failing; stop rather than wait on
        // one timeout per remaining step.
        noteError(w, r.error->toString());
        finishPoll(w, Outcome::Failed);
        return false;
    }
    if (r.status == 429) {
        noteError(w, r.error->toString());
        finishPoll(w, Outcome::Ok); // Retry-After decides, not the backoff
        return false;
    }
    if (r.error)
        noteError(w, r.error->toString());
    return true;
}

void HubPoller::onConfig(Watch &w, const HubResponse &r)
{
    if (!continueAfter(w, r))
        return;
    if (r.ok()) {
        if (auto v = HubResponseParser::version(r.body, w.endpoint.where(r.path)))
            w.sample.version = *v;
        else
            noteError(w, v.error().toString());
    }
    afterConfig(w);
}

void HubPoller::afterConfig(Watch &w)
{
    if (w.endpoint.auth == HubEndpoint::Auth::None) {
        finishPoll(w, Outcome::Ok); // /api/* needs credentials
        return;
    }
    requestServers(w);
}

bool HubPoller::budgetAllows(Watch &w)
{
    // A login is a rate-limited request too; keep one for it.
    const int reserve = m_client->hasToken(w.endpoint.name) ? 0 : 1;
    if (w.budget.mayRequest(reserve))
        return true;
    const qint64 waitMs = w.budget.blockedForMs(reserve);
    noteError(w,
              tr("%1: the hub's rate limit is used up; rate-limited requests resume in %2 s.")
                  .arg(w.endpoint.where(QStringLiteral("/api")))
                  .arg((waitMs + 999) / 1000));
    finishPoll(w, Outcome::Ok);
    return false;
}

void HubPoller::requestServers(Watch &w)
{
    if (budgetAllows(w))
        get(w, QStringLiteral("/api/servers"), &HubPoller::onServers);
}

void HubPoller::onServers(Watch &w, const HubResponse &r)
{
    if (!continueAfter(w, r))
        return;
    if (r.ok()) {
        if (auto s = HubResponseParser::servers(r.body, w.endpoint.where(r.path))) {
            w.sample.servers = std::move(*s);
            // What /api/openapi/stats answers, counted from the same server list: the
            // connected servers and their tools (one request fewer per poll).
            HubOpenApiStats openApi;
            const bool countServers = w.sample.serversTotal == 0; // old hubs' /health has none
            for (const HubServerStatus &server : std::as_const(w.sample.servers)) {
                const bool connected = server.status == QLatin1String("connected");
                if (connected) {
                    ++openApi.totalServers;
                    openApi.totalTools += server.toolCount;
                }
                if (!countServers || !server.enabled)
                    continue;
                ++w.sample.serversTotal;
                ++(connected ? w.sample.serversConnected : w.sample.serversDisconnected);
            }
            w.sample.openApi = openApi;
        } else {
            noteError(w, s.error().toString());
        }
    }
    if (budgetAllows(w))
        get(w, QStringLiteral("/api/users-stats"), &HubPoller::onUserStats);
}

void HubPoller::onUserStats(Watch &w, const HubResponse &r)
{
    if (!continueAfter(w, r))
        return;
    if (r.ok()) {
        if (auto s = HubResponseParser::userStats(r.body, w.endpoint.where(r.path)))
            w.sample.users = *s;
        else
            noteError(w, s.error().toString());
    }
    if (!w.readInfo) {
        afterActivitiesAvailable(w); // the last answer stands
        return;
    }
    if (budgetAllows(w))
        get(w, QStringLiteral("/api/activities/available"), &HubPoller::onActivitiesAvailable);
}

void HubPoller::onActivitiesAvailable(Watch &w, const HubResponse &r)
{
    if (!continueAfter(w, r))
        return;
    bool available = false;
    if (r.ok()) {
        if (auto a = HubResponseParser::activitiesAvailable(r.body, w.endpoint.where(r.path)))
            available = *a;
        else
            noteError(w, a.error().toString());
    }
    w.sample.activitiesAvailable = available; // false in file mode (or 404 on old hubs)
    refreshBudgetWarning(w);
    afterActivitiesAvailable(w);
}

void HubPoller::afterActivitiesAvailable(Watch &w)
{
    if (!w.sample.activitiesAvailable) {
        finishPoll(w, Outcome::Ok);
        return;
    }
    if (budgetAllows(w))
        get(w, QStringLiteral("/api/activities/stats"), &HubPoller::onActivityStats);
}

void HubPoller::onActivityStats(Watch &w, const HubResponse &r)
{
    if (!continueAfter(w, r))
        return;
    if (r.ok()) {
        if (auto s = HubResponseParser::activityStats(r.body, w.endpoint.where(r.path)))
            w.sample.activity = *s;
        else
            noteError(w, s.error().toString());
    }
    w.page = 1;
    requestActivityPage(w);
}

void HubPoller::requestActivityPage(Watch &w)
{
    if (!budgetAllows(w))
        return; // the rows read so far are dropped; the next poll starts over
    get(w,
        QStringLiteral("/api/activities?page=%1&limit=%2")
            .arg(w.page)
            .arg(std::clamp(m_options.activityPageSize, 1, 100)),
        &HubPoller::onActivityPage);
}

void HubPoller::onActivityPage(Watch &w, const HubResponse &r)
{
    if (!continueAfter(w, r))
        return;
    if (!r.ok()) {
        // Never hand on part of a sync: the cursor stays, the next poll reads these again.
        noteError(
            w,
            r.error
                ? r.error->toString()
                : tr("%1: unexpected HTTP status %2.").arg(w.endpoint.where(r.path)).arg(r.status));
        finishPoll(w, Outcome::Ok);
        return;
    }
    auto page = HubResponseParser::activities(r.body, w.endpoint.where(r.path));
    if (!page) {
        // Never hand on part of a sync: the cursor stays, the next poll reads these again.
        noteError(w, page.error().toString());
        finishPoll(w, Outcome::Ok);
        return;
    }
    const bool reachedTaken = w.cursor.takeNew(page->records, w.pending, w.pendingIds);
    const bool lastPage = !page->pagination.hasNextPage || page->records.isEmpty();
    if (!reachedTaken && !lastPage && w.page < m_options.maxActivityPagesPerPoll) {
        ++w.page;
        requestActivityPage(w);
        return;
    }
    if (!reachedTaken && !lastPage && !w.cursor.isEmpty()) {
        qCWarning(lcHub).noquote()
            << w.endpoint.name << "has more new activity rows than"
            << m_options.maxActivityPagesPerPoll << "pages per poll; older ones are skipped";
    }
    w.cursor.advance(w.pending);
    if (!w.pending.isEmpty()) {
        QList<ActivityRecord> rows = w.pending;
        std::reverse(rows.begin(), rows.end()); // oldest first, the order they happened
        Q_EMIT activitiesFetched(w.endpoint.name, rows);
    }
    w.pending.clear();
    w.pendingIds.clear();
    refreshBudgetWarning(w);
    finishPoll(w, Outcome::Ok);
}

void HubPoller::finishPoll(Watch &w, Outcome outcome)
{
    w.polling = false;
    if (w.readInfo) {
        w.pollsSinceInfo = 0;
        // Only a poll that got as far as /config has the hub's version to keep.
        w.haveInfo = !w.sample.version.isEmpty() || w.haveInfo;
        if (!w.sample.version.isEmpty())
            w.version = w.sample.version;
    } else {
        ++w.pollsSinceInfo;
    }
    w.previousState = w.sample.state;
    const QString name = w.endpoint.name;
    int delay = w.endpoint.pollIntervalMs;
    if (outcome == Outcome::Failed) {
        delay = w.backoff.nextDelayMs();
        qCInfo(lcHub).noquote() << name << HubSample::stateName(w.sample.state)
                                << "- next attempt in" << delay << "ms";
    } else {
        w.backoff.reset();
    }
    const HubSample sample = w.sample;
    w.timer->start(qMax(0, delay));
    Q_EMIT pollScheduled(name, delay);
    // Last: a slot may remove this hub.
    Q_EMIT sampleReady(name, sample);
}

} // namespace mcphub
