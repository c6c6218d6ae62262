#pragma once

#include "storage/logging.h"

#include <QElapsedTimer>

namespace mcphub {

// Where a migration's time goes, finer than its progress steps: with the category
// "mcphub.migration.timing" enabled (QT_LOGGING_RULES="mcphub.migration.timing.debug=true";
// bench_migration_hubdb does), each mark logs the milliseconds since the previous mark on the
// same thread (the validation runs on its own). Costs a check of the category otherwise.
// A null `phase` starts the thread's clock without logging.
inline void migrationMark(const char *phase)
{
    if (!lcMigrationTiming().isDebugEnabled())
        return;
    thread_local QElapsedTimer timer;
    if (phase && timer.isValid())
        qCDebug(lcMigrationTiming, "%s %.1f ms", phase, double(timer.nsecsElapsed()) / 1e6);
    timer.start();
}

} // namespace mcphub
