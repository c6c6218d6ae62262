#include "storage/hub/hubratebudget.h"

#include "storage/hub/hubresponse.h"
#include "storage/logging.h"

#include <QDateTime>
#include <QLocale>

#include <cmath>

namespace mcphub {

namespace {

// Retry-After is delta-seconds or an HTTP date (RFC 9110 §10.2.3).
qint64 retryAfterMs(const QByteArray &value)
{
    bool isNumber = false;
    const qint64 seconds = value.trimmed().toLongLong(&isNumber);
    if (isNumber)
        return qMax<qint64>(0, seconds) * 1000;
    const QDateTime when = QLocale::c().toDateTime(
        QString::fromLatin1(value.trimmed()), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return -1;
    const QDateTime utc(when.date(), when.time(), Qt::UTC);
    return qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(utc));
}

} // namespace

void HubRateBudget::update(const HubResponse &response)
{
    const QByteArray policy = response.header("RateLimit-Policy");
    if (!policy.isEmpty()) {
        // "600;w=900"
        const QList<QByteArray> parts = policy.split(';');
        bool ok = false;
        if (const int limit = parts.value(0).trimmed().toInt(&ok); ok && limit > 0)
            m_limit = limit;
        for (const QByteArray &p : parts) {
            const QByteArray t = p.trimmed();
            if (t.startsWith("w=")) {
                if (const int w = t.mid(2).toInt(&ok); ok && w > 0)
                    m_windowSeconds = w;
            }
        }
        m_headersSeen = true;
    }
    bool ok = false;
    if (const int limit = response.header("RateLimit-Limit").toInt(&ok); ok && limit > 0) {
        m_limit = limit;
        m_headersSeen = true;
    }
    if (const int remaining = response.header("RateLimit-Remaining").toInt(&ok); ok) {
        m_remaining = qMax(0, remaining);
        if (const int reset = response.header("RateLimit-Reset").toInt(&ok); ok)
            m_windowReset.setRemainingTime(qint64(qMax(0, reset)) * 1000);
    }
    if (response.status == 429) {
        qint64 waitMs = retryAfterMs(response.header("Retry-After"));
        if (waitMs < 0) {
            waitMs = m_windowReset.hasExpired() ? 60'000 : m_windowReset.remainingTime();
        }
        m_retryAfter.setRemainingTime(waitMs);
        m_remaining = 0;
        qCInfo(lcHub) << "hub" << response.hubName << "is rate-limiting us; waiting" << waitMs
                      << "ms before the next rate-limited request";
    }
}

bool HubRateBudget::retryAfterActive() const
{
    return !m_retryAfter.hasExpired();
}

bool HubRateBudget::mayRequest(int reserve) const
{
    return blockedForMs(reserve) == 0;
}

qint64 HubRateBudget::blockedForMs(int reserve) const
{
    qint64 blocked = m_retryAfter.hasExpired() ? 0 : m_retryAfter.remainingTime();
    if (m_remaining >= 0 && m_remaining <= reserve && !m_windowReset.hasExpired())
        blocked = qMax(blocked, m_windowReset.remainingTime());
    return blocked;
}

int HubRateBudget::minimumIntervalMs(double requestsPerPoll) const
{
    const double allowed = m_limit * kConsoleShare;
    if (allowed <= 0)
        return 0;
    return int(std::ceil(double(m_windowSeconds) * 1000.0 * requestsPerPoll / allowed));
}

QString HubRateBudget::intervalWarning(int intervalMs, double requestsPerPoll) const
{
    if (intervalMs <= 0 || requestsPerPoll <= 0)
        return {};
    const qint64 polls = qint64(std::ceil(double(m_windowSeconds) * 1000.0 / intervalMs));
    const qint64 needed = std::llround(double(polls) * requestsPerPoll);
    if (needed <= qint64(m_limit * kConsoleShare))
        return {};
    const QString window = m_windowSeconds % 60 == 0 ? tr("%1 min").arg(m_windowSeconds / 60)
                                                     : tr("%1 s").arg(m_windowSeconds);
    return tr("Polling every %1 s needs about %2 rate-limited requests per %3, more than the "
              "console's share of the %4 this hub allows. Poll every %5 s or less often.")
        .arg(QLocale().toString(intervalMs / 1000.0, 'g', 3))
        .arg(needed)
        .arg(window)
        .arg(m_limit)
        .arg(int(std::ceil(minimumIntervalMs(requestsPerPoll) / 1000.0)));
}

} // namespace mcphub
