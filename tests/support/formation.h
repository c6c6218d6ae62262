#pragma once

#include <QList>
#include <QString>

#include <sys/types.h>

namespace mcphub::test {

// The pg_auto_failover formation of scripts/with-formation, as tst_failover and
// bench_failover use it: its monitor (MCPHUB_FORMATION_MONITOR) on a named connection of the
// calling thread, and the processes of a node to kill.

// Opens the formation's monitor as connection `name`; false without a formation.
bool openFormationMonitor(const QString &name);
// A node other than `except` that the monitor (connection `monitor`) lists as primary,
// wait_primary or single, the lowest node id first; empty when none. A dead primary goes on
// being listed as primary until the monitor says otherwise.
QString formationPrimary(const QString &monitor, const QString &except);
// Whether the monitor lists exactly one primary and one secondary (a formation back to
// health after a failover).
bool formationHealthy(const QString &monitor);
// The processes of the tree under `root` (root first), from /proc.
QList<pid_t> processTree(pid_t root);

} // namespace mcphub::test
