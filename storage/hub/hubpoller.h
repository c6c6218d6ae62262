#pragma once

#include "storage/hub/activityrecord.h"
#include "storage/hub/hubendpoint.h"
#include "storage/hub/hubsample.h"

#include <QObject>
#include <QSet>

#include <map>
#include <memory>

namespace mcphub {

class HubClient;
struct HubResponse;

// Polls every registered hub on its own interval, one request after another:
// /health, /config (not rate-limited), then the rate-limited /api/servers (whose answer also
// gives what /api/openapi/stats would: the connected servers and their tools),
// /api/users-stats, /api/activities/available and, in database mode,
// /api/activities/stats and the new /api/activities pages. /config and
// /api/activities/available are read only on the first poll, every kInfoEvery-th poll and
// after a state change (their answers rarely change; this saves a fifth of the requests).
// Each poll ends in one
// sampleReady(); newly seen activity rows come in one activitiesFetched() per poll, only when
// the sync reached rows already taken (never a partial or repeated page).
// A failing hub is retried with exponential backoff and jitter; rate-limited requests wait for
// Retry-After and for the window to reset when the hub's RateLimit-* headers say the budget is
// spent. Single-threaded: lives on the thread that created it (no threads needed, all I/O is
// asynchronous); persistence connects to the signals.
class HubPoller : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int activityPageSize = 100;       // MCPHub accepts 1..100
        int maxActivityPagesPerPoll = 10; // older rows beyond this are not fetched
        int backoffMaximumMs = 300'000;
        double backoffJitter = 0.2;
    };

    explicit HubPoller(HubClient *client = nullptr, QObject *parent = nullptr);
    ~HubPoller() override;

    void setOptions(const Options &options) { m_options = options; }
    Options options() const { return m_options; }

    // Starts watching `hub` (its first poll starts at once); replaces a hub of the same name.
    void addHub(const HubEndpoint &hub);
    void removeHub(const QString &name);
    // Polls `hub` now instead of at its next turn (no-op while one of its polls runs); the
    // interval restarts from this poll. Rate-limited requests still wait for the budget.
    void pollNow(const QString &hub);
    QStringList hubNames() const;

    // Where the activity sync of `hub` resumes (the newest stored row and the ids stored at
    // that timestamp); without it the first sync reads up to maxActivityPagesPerPoll pages.
    void setActivityCursor(const QString &hub,
                           const QDateTime &newest,
                           const QSet<QString> &idsAtNewest);

    // Translated advice when the hub's interval is too short for its rate-limit budget.
    QString budgetWarning(const QString &hub) const;
    int consecutiveFailures(const QString &hub) const;

    static constexpr int kInfoEvery = 10;

    // Rate-limited requests one poll makes (login not counted: it happens once per token).
    static int rateLimitedRequestsPerPoll(bool activitiesAvailable, int activityPages = 1);

Q_SIGNALS:
    void sampleReady(const QString &hub, const mcphub::HubSample &sample);
    void activitiesFetched(const QString &hub, const QList<mcphub::ActivityRecord> &records);
    void budgetWarningChanged(const QString &hub, const QString &warning);
    void pollScheduled(const QString &hub, int delayMs);

private:
    struct Watch;
    enum class Outcome { Ok, Failed };

    void startPoll(Watch &w);
    void onHealth(Watch &w, const HubResponse &r);
    void onConfig(Watch &w, const HubResponse &r);
    void afterConfig(Watch &w);
    void requestServers(Watch &w);
    void onServers(Watch &w, const HubResponse &r);
    void onUserStats(Watch &w, const HubResponse &r);
    void onActivitiesAvailable(Watch &w, const HubResponse &r);
    void afterActivitiesAvailable(Watch &w);
    void onActivityStats(Watch &w, const HubResponse &r);
    void requestActivityPage(Watch &w);
    void onActivityPage(Watch &w, const HubResponse &r);
    void finishPoll(Watch &w, Outcome outcome);

    // Sends a GET for `w`; the handler runs only if the watch still exists.
    void
    get(Watch &w, const QString &path, void (HubPoller::*handler)(Watch &, const HubResponse &));
    // For a rate-limited request: false (and the poll finished) when the budget says wait.
    bool budgetAllows(Watch &w);
    // Handles what every step shares; false when the poll had to stop.
    bool continueAfter(Watch &w, const HubResponse &r);
    void noteError(Watch &w, const QString &message);
    void onExchange(const QString &hubName, const HubResponse &r);
    void refreshBudgetWarning(Watch &w);

    HubClient *m_client;
    Options m_options;
    std::map<QString, std::unique_ptr<Watch>> m_watches;
};

} // namespace mcphub
