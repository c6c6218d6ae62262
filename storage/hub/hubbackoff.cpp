#include "storage/hub/hubbackoff.h"

#include <QRandomGenerator>
#include <QtGlobal>

#include <algorithm>
#include <cmath>

namespace mcphub {

HubBackoff::HubBackoff(int initialMs, int maximumMs, double jitter)
    : m_initialMs(qMax(1, initialMs))
    , m_maximumMs(qMax(m_initialMs, maximumMs))
    , m_jitter(std::clamp(jitter, 0.0, 1.0))
{}

int HubBackoff::baseDelayMs(int failure) const
{
    const double d = double(m_initialMs) * std::pow(2.0, std::min(failure, 30));
    return int(std::min(d, double(m_maximumMs)));
}

int HubBackoff::minimumDelayMs(int failure) const
{
    return int(std::floor(baseDelayMs(failure) * (1.0 - m_jitter)));
}

int HubBackoff::maximumDelayMs(int failure) const
{
    return int(std::min(std::ceil(baseDelayMs(failure) * (1.0 + m_jitter)), double(m_maximumMs)));
}

int HubBackoff::nextDelayMs()
{
    const int failure = m_failures++;
    const double factor
        = 1.0 - m_jitter + 2.0 * m_jitter * QRandomGenerator::global()->generateDouble();
    const double d = std::min(baseDelayMs(failure) * factor, double(m_maximumMs));
    return std::clamp(int(std::lround(d)), minimumDelayMs(failure), maximumDelayMs(failure));
}

} // namespace mcphub
