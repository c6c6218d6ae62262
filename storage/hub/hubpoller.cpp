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
#include <array>
#include <optional>

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

    // The schedule (Options): polls since each kind was last read, and the kinds owed a read
    // (never read, asked for by a change, or not read when they were due).
    std::array<int, Kinds> pollsSince{};
    std::array<bool, Kinds> owed = {true, true, true, true, true, true};
    std::array<bool, Kinds> everRead{};
    std::array<bool, Kinds> readNow{}; // by the poll in progress
    HubState previousState = HubState::Unreachable;
    std::optional<HubResponseParser::Health> lastHealth; // of the latest poll /health answered
    // The last answer read of each kind, carried into the samples of polls that skip it.
    HubSample last;

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

int HubPoller::every(Kind kind) const
{
    switch (kind) {
    case Config:
    case ActivitiesAvailable:
        return qMax(1, m_options.infoEvery);
    case Servers:
        return qMax(1, m_options.serversEvery);
    case Users:
        return qMax(1, m_options.usersEvery);
    case ActivityStats:
        return qMax(1, m_options.activityStatsEvery);
    case ActivitySync:
        return qMax(1, m_options.activitySyncEvery);
    case Kinds:
        break;
    }
    return 1;
}

bool HubPoller::due(const Watch &w, Kind kind) const
{
    return w.owed[kind] || w.pollsSince[kind] + 1 >= every(kind);
}

void HubPoller::done(Watch &w, Kind kind)
{
    w.owed[kind] = false;
    w.everRead[kind] = true;
    w.readNow[kind] = true;
}

double HubPoller::rateLimitedRequestsPerPoll(bool activitiesAvailable) const
{
    double n = 1.0 / every(Servers) + 1.0 / every(Users) + 1.0 / every(ActivitiesAvailable);
    if (activitiesAvailable)
        n += 1.0 / every(ActivityStats) + 1.0; // stats, and one page when there are new rows
    return n;
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
        w.endpoint.pollIntervalMs, rateLimitedRequestsPerPoll(w.last.activitiesAvailable));
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
    w.polling = true;
    w.sample = HubSample();
    w.sample.timestamp = QDateTime::currentDateTimeUtc();
    w.sample.activitiesAvailable = w.last.activitiesAvailable; // until the hub says again
    w.readNow.fill(false);
    w.pending.clear();
    w.pendingIds.clear();
    w.page = 0;
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
    if (w.sample.state != w.previousState) {
        w.owed.fill(true); // a state change: read the whole set again, in this poll
    } else if (!w.lastHealth || w.lastHealth->status != health->status
               || w.lastHealth->hasServerCounts != health->hasServerCounts
               || w.lastHealth->total != health->total
               || w.lastHealth->connected != health->connected
               || w.lastHealth->disconnected != health->disconnected) {
        w.owed[Servers] = true; // a server connected or went away: which one?
    }
    w.lastHealth = std::move(*health);
    if (due(w, Config)) {
        get(w, QStringLiteral("/config"), &HubPoller::onConfig);
        return;
    }
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
        if (auto v = HubResponseParser::version(r.body, w.endpoint.where(r.path))) {
            w.sample.version = *v;
            w.last.version = std::move(*v);
            done(w, Config);
        } else {
            noteError(w, v.error().toString());
        }
    }
    afterConfig(w);
}

void HubPoller::afterConfig(Watch &w)
{
    if (w.endpoint.auth == HubEndpoint::Auth::None) {
        finishPoll(w, Outcome::Ok); // /api/* needs credentials
        return;
    }
    if (!due(w, Servers)) {
        afterServers(w);
        return;
    }
    if (budgetAllows(w))
        get(w, QStringLiteral("/api/servers"), &HubPoller::onServers);
}

bool HubPoller::budgetAllows(Watch &w)
{
    // A login is a rate-limited request too; keep one for it.
    const int reserve = m_client->hasToken(w.endpoint.name) ? 0 : 1;
    if (w.budget.mayRequest(reserve))
        return true;
    const qint64 waitMs = w.budget.blockedForMs(reserve);
    noteError(
        w,
        tr("%1: the hub's rate limit is used up; rate-limited requests resume in %2 s.")
            .arg(w.endpoint.where(QStringLiteral("/api")), QString::number((waitMs + 999) / 1000)));
    finishPoll(w, Outcome::Ok);
    return false;
}

void HubPoller::onServers(Watch &w, const HubResponse &r)
{
    if (!continueAfter(w, r))
        return;
    if (r.ok()) {
        if (auto s = HubResponseParser::servers(r.body, w.endpoint.where(r.path))) {
            // What /api/openapi/stats answers, from the same server list: the connected
            // servers and their tools.
            HubOpenApiStats openApi;
            int total = 0;
            int connected = 0;
            for (const HubServerStatus &server : std::as_const(*s)) {
                const bool isConnected = server.status == QLatin1String("connected");
                if (isConnected) {
                    ++openApi.totalServers;
                    openApi.totalTools += server.toolCount;
                }
                if (server.enabled) {
                    ++total;
                    connected += isConnected ? 1 : 0;
                }
            }
            w.sample.servers = std::move(*s);
            w.sample.openApi = openApi;
            if (!w.lastHealth->hasServerCounts) {
                // Old hubs' /health has no counts: count the enabled servers here.
                w.sample.serversTotal = total;
                w.sample.serversConnected = connected;
                w.sample.serversDisconnected = total - connected;
            }
            w.last.servers = w.sample.servers;
            w.last.openApi = openApi;
            w.last.serversTotal = total;
            w.last.serversConnected = connected;
            w.last.serversDisconnected = total - connected;
            done(w, Servers);
        } else {
            noteError(w, s.error().toString());
        }
    }
    afterServers(w);
}

void HubPoller::afterServers(Watch &w)
{
    if (!due(w, Users)) {
        afterUserStats(w);
        return;
    }
    if (budgetAllows(w))
        get(w, QStringLiteral("/api/users-stats"), &HubPoller::onUserStats);
}

void HubPoller::onUserStats(Watch &w, const HubResponse &r)
{
    if (!continueAfter(w, r))
        return;
    if (r.ok()) {
        if (auto s = HubResponseParser::userStats(r.body, w.endpoint.where(r.path))) {
            w.sample.users = *s;
            w.last.users = *s;
            done(w, Users);
        } else {
            noteError(w, s.error().toString());
        }
    }
    afterUserStats(w);
}

void HubPoller::afterUserStats(Watch &w)
{
    if (!due(w, ActivitiesAvailable)) {
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
    // false in file mode (or 404 on old hubs): an answer all the same
    w.sample.activitiesAvailable = available;
    w.last.activitiesAvailable = available;
    done(w, ActivitiesAvailable);
    refreshBudgetWarning(w);
    afterActivitiesAvailable(w);
}

void HubPoller::afterActivitiesAvailable(Watch &w)
{
    if (!w.sample.activitiesAvailable) {
        finishPoll(w, Outcome::Ok);
        return;
    }
    if (!due(w, ActivityStats)) {
        afterActivityStats(w);
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
        if (auto s = HubResponseParser::activityStats(r.body, w.endpoint.where(r.path))) {
            // New tool calls move the totals: only then are there new rows to page through.
            const auto &before = w.last.activity;
            if (!before || before->totalCalls != s->totalCalls
                || before->successCount != s->successCount || before->errorCount != s->errorCount)
                w.owed[ActivitySync] = true;
            w.sample.activity = *s;
            w.last.activity = *s;
            done(w, ActivityStats);
        } else {
            noteError(w, s.error().toString());
        }
    }
    afterActivityStats(w);
}

void HubPoller::afterActivityStats(Watch &w)
{
    if (!due(w, ActivitySync)) {
        finishPoll(w, Outcome::Ok);
        return;
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
        noteError(w,
                  r.error ? r.error->toString()
                          : tr("%1: unexpected HTTP status %2.")
                                .arg(w.endpoint.where(r.path), QString::number(r.status)));
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
    done(w, ActivitySync);
    refreshBudgetWarning(w);
    finishPoll(w, Outcome::Ok);
}

void HubPoller::carryForward(Watch &w)
{
    HubSample &s = w.sample;
    // Whether `kind` was skipped by this poll but read before: then its last answer stands.
    const auto carried = [&w, &s](Kind kind, HubSample::Part part) {
        if (w.readNow[kind] || !w.everRead[kind])
            return false;
        s.carried |= part;
        return true;
    };
    if (carried(Config, HubSample::Part::Version))
        s.version = w.last.version;
    if (w.endpoint.auth == HubEndpoint::Auth::None)
        return; // nothing of /api/* is read
    if (carried(Servers, HubSample::Part::Servers)) {
        s.servers = w.last.servers;
        s.openApi = w.last.openApi;
        if (!w.lastHealth->hasServerCounts) {
            s.serversTotal = w.last.serversTotal;
            s.serversConnected = w.last.serversConnected;
            s.serversDisconnected = w.last.serversDisconnected;
        }
    }
    if (carried(Users, HubSample::Part::Users))
        s.users = w.last.users;
    if (carried(ActivitiesAvailable, HubSample::Part::ActivityAvailability))
        s.activitiesAvailable = w.last.activitiesAvailable;
    if (s.activitiesAvailable && carried(ActivityStats, HubSample::Part::ActivityStats))
        s.activity = w.last.activity;
}

void HubPoller::finishPoll(Watch &w, Outcome outcome)
{
    w.polling = false;
    // A poll that met a healthy or degraded hub shows every part it has read, this time or
    // before; a failed one shows only what it learnt (the hub's data is unknown).
    if (w.sample.state == HubState::Healthy || w.sample.state == HubState::Degraded)
        carryForward(w);
    for (int kind = 0; kind < Kinds; ++kind) {
        if (w.readNow[kind])
            w.pollsSince[kind] = 0;
        else
            ++w.pollsSince[kind];
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
