#pragma once

namespace mcphub {

// Exponential backoff with jitter for a failing hub: the n-th consecutive failure waits
// min(maximum, initial * 2^n) scaled by a uniform factor in [1 - jitter, 1 + jitter] (then
// capped at maximum), so many consoles restarting together do not poll in lock-step.
// A plain value; not thread-safe.
class HubBackoff
{
public:
    HubBackoff(int initialMs = 1000, int maximumMs = 300'000, double jitter = 0.2);

    // The delay before the next attempt after one more failure.
    int nextDelayMs();
    void reset() { m_failures = 0; }
    int failures() const { return m_failures; }

    // The un-jittered delay of the n-th failure (0-based), and the jitter bounds around it.
    int baseDelayMs(int failure) const;
    int minimumDelayMs(int failure) const;
    int maximumDelayMs(int failure) const;

    void setInitialMs(int ms) { m_initialMs = ms; }

private:
    int m_initialMs;
    int m_maximumMs;
    double m_jitter;
    int m_failures = 0;
};

} // namespace mcphub
