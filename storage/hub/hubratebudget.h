#pragma once

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QString>

namespace mcphub {

struct HubResponse;

// The rate-limit budget of one hub as its own headers describe it: express-rate-limit's
// draft-6 set (RateLimit-Policy "600;w=900", -Limit, -Remaining, -Reset) and Retry-After on a
// 429. MCPHub counts rate-limited requests per client address over a window (600 per 15 min
// in recent versions, 300 in older ones; /health, /config and /api/openapi/* are free).
// Until the hub has sent its headers the older, smaller budget is assumed. A plain value on
// the poller's thread.
class HubRateBudget
{
    Q_DECLARE_TR_FUNCTIONS(HubRateBudget)

public:
    static constexpr int kAssumedLimit = 300;
    static constexpr int kAssumedWindowSeconds = 900;
    // Share of the budget the console allows itself: people use the hub's web UI from the
    // same address, and their requests count too.
    static constexpr double kConsoleShare = 0.8;

    void update(const HubResponse &response);

    // False while a Retry-After runs, or when the window's remaining requests are down to
    // `reserve` and the window has not reset yet.
    bool mayRequest(int reserve = 1) const;
    // Milliseconds until mayRequest() can turn true again (0 when it is true now).
    qint64 blockedForMs(int reserve = 1) const;
    bool retryAfterActive() const;

    bool headersSeen() const { return m_headersSeen; }
    int limit() const { return m_limit; }
    int windowSeconds() const { return m_windowSeconds; }
    int remaining() const { return m_remaining; } // -1 when unknown

    // The shortest poll interval that keeps `requestsPerPoll` rate-limited requests (an
    // average: not every poll makes the same requests) inside the console's share of the budget.
    int minimumIntervalMs(double requestsPerPoll) const;
    // Translated advice when `intervalMs` is too short for the budget; empty when it fits.
    QString intervalWarning(int intervalMs, double requestsPerPoll) const;

private:
    bool m_headersSeen = false;
    int m_limit = kAssumedLimit;
    int m_windowSeconds = kAssumedWindowSeconds;
    int m_remaining = -1;
    QDeadlineTimer m_windowReset{0};
    QDeadlineTimer m_retryAfter{0};
};

} // namespace mcphub
