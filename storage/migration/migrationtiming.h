#pragma once

#include "storage/logging.h"

#include <QElapsedTimer>

#include <ctime>

namespace mcphub {

// Where a migration's time goes, finer than its progress steps: with the category
// "mcphub.migration.timing" enabled (QT_LOGGING_RULES="mcphub.migration.timing.debug=true";
// bench_migration_hubdb does), each mark logs the milliseconds since the previous mark on the
// same thread (the validation runs on its own), and the CPU time the thread used in them
// ("cpu"): on a machine whose other load varies, what a phase costs is the second.
// Costs a check of the category otherwise. A null `phase` starts the thread's clock
// without logging.
inline void migrationMark(const char *phase)
{
    if (!lcMigrationTiming().isDebugEnabled())
        return;
#ifdef Q_OS_UNIX
    const auto cpuNow = [] {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
    };
    thread_local QElapsedTimer timer;
    thread_local double cpu = 0;
    if (phase && timer.isValid()) {
        qCDebug(lcMigrationTiming,
                "%s %.1f ms (cpu %.1f)",
                phase,
                double(timer.nsecsElapsed()) / 1e6,
                cpuNow() - cpu);
    }
    timer.start();
    cpu = cpuNow();
#else // no thread CPU clock here
    thread_local QElapsedTimer timer;
    if (phase && timer.isValid())
        qCDebug(lcMigrationTiming, "%s %.1f ms", phase, double(timer.nsecsElapsed()) / 1e6);
    timer.start();
#endif
}

} // namespace mcphub
