#pragma once

#include <thread>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace mcphub {

// Frees large data on a short-lived thread of its own, so that the caller's result does not
// wait for it: a migration of a 60,000-record file holds its parsed document, two mappings and
// the row images it planned (millions of small allocations), and freeing them took 150-200 ms
// after the run had committed. later() takes ownership of the values (moved in) and returns at
// once; the values are destroyed on the new thread. wait() (and the destructor) join every
// thread started, so nothing outlives the owner. The values must not share unsynchronised
// state with anything the caller keeps (Qt's implicitly shared types count atomically; an
// OrderedJson tree owns its nodes).
class BackgroundRelease
{
public:
    BackgroundRelease() = default;
    BackgroundRelease(const BackgroundRelease &) = delete;
    BackgroundRelease &operator=(const BackgroundRelease &) = delete;
    ~BackgroundRelease() { wait(); }

    template<class... T>
    void later(T &&...values)
    {
        static_assert((!std::is_lvalue_reference_v<T> && ...), "move the values in");
        m_threads.emplace_back([owned = std::make_tuple(std::forward<T>(values)...)]() mutable {
            auto released = std::move(owned); // destroyed here, on this thread
        });
    }

    void wait()
    {
        for (std::thread &t : m_threads)
            t.join();
        m_threads.clear();
    }

private:
    std::vector<std::thread> m_threads;
};

} // namespace mcphub
