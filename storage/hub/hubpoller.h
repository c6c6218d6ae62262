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

// Polls every registered hub on its own interval, one request after another, following a
// schedule (Options): /health on every poll, so a hub going down, unhealthy or degraded is seen
// within one interval; the other requests every N-th poll of the hub, on its first poll, on
// every poll whose /health state differs from the previous poll's (then the whole set is read
// again in that same poll), and on the poll after one that could not read them. In between, the
// sample carries their last answers forward and names them in HubSample::carried. In order:
// /health, /config, then the rate-limited /api/servers (its answer also gives what
// /api/openapi/stats would: the connected servers and their tools), /api/users-stats,
// /api/activities/available and, in database mode, /api/activities/stats and, when its
// totals moved, the new /api/activities pages. Each poll ends in one sampleReady(); newly seen
// activity rows come in one activitiesFetched() per poll, only when the sync reached rows
// already taken (never a partial or repeated page).
// A failing hub is retried with exponential backoff and jitter; rate-limited requests wait for
// Retry-After and for the window to reset when the hub's RateLimit-* headers say the budget is
// spent. Refused credentials are seen at the next poll that makes an /api request. Single-
// threaded: lives on the thread that created it (no threads needed, all I/O is asynchronous);
// persistence connects to the signals.
class HubPoller : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        // The schedule, in polls of one hub (1 = every poll). /health is read on every poll;
        // /api/openapi/stats never (derived from /api/servers).
        //
        //   request                     every             also read when
        //   /config                     infoEvery         -
        //   /api/servers                serversEvery      /health's status or counts moved
        //   /api/users-stats            usersEvery        -
        //   /api/activities/available   infoEvery         -
        //   /api/activities/stats       activityStatsEvery -
        //   /api/activities pages       activitySyncEvery  the stats' totals moved, or the last
        //                                                  sync did not finish
        //
        // Every kind is also read on a hub's first poll, on a poll whose /health state differs
        // from the previous poll's, and on the poll after one that could not read it.
        int infoEvery = 10;               // the version and database mode change with an upgrade
        int serversEvery = 10;            // /health's counts show connects and disconnects at once
        int usersEvery = 10;              // user accounts change rarely
        int activityStatsEvery = 1;       // small; its totals tell whether there are new rows
        int activitySyncEvery = 10;       // a cleanup on the hub can hide new rows from the totals
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

    // Rate-limited requests one poll makes on average under the schedule (login not counted:
    // it happens once per token); a busy hub in database mode is assumed to have new activity
    // rows on every poll, and a steady sync reads one page.
    double rateLimitedRequestsPerPoll(bool activitiesAvailable) const;

Q_SIGNALS:
    void sampleReady(const QString &hub, const mcphub::HubSample &sample);
    void activitiesFetched(const QString &hub, const QList<mcphub::ActivityRecord> &records);
    void budgetWarningChanged(const QString &hub, const QString &warning);
    void pollScheduled(const QString &hub, int delayMs);

private:
    struct Watch;
    enum class Outcome { Ok, Failed };
    // The scheduled request kinds (/health is on every poll).
    enum Kind { Config, Servers, Users, ActivitiesAvailable, ActivityStats, ActivitySync, Kinds };

    int every(Kind kind) const;
    // Whether this poll of `w` reads `kind`; done() records that it was read.
    bool due(const Watch &w, Kind kind) const;
    static void done(Watch &w, Kind kind);

    void startPoll(Watch &w);
    void onHealth(Watch &w, const HubResponse &r);
    void onConfig(Watch &w, const HubResponse &r);
    void afterConfig(Watch &w);
    void onServers(Watch &w, const HubResponse &r);
    void afterServers(Watch &w);
    void onUserStats(Watch &w, const HubResponse &r);
    void afterUserStats(Watch &w);
    void onActivitiesAvailable(Watch &w, const HubResponse &r);
    void afterActivitiesAvailable(Watch &w);
    void onActivityStats(Watch &w, const HubResponse &r);
    void afterActivityStats(Watch &w);
    void requestActivityPage(Watch &w);
    void onActivityPage(Watch &w, const HubResponse &r);
    void finishPoll(Watch &w, Outcome outcome);
    // Puts the last answers of the parts this poll did not read into its sample.
    static void carryForward(Watch &w);

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
