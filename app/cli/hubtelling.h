#pragma once

#include "storage/db/repositorycontext.h"
#include "storage/hub/hubchange.h"

#include <QCommandLineOption>

namespace mcphub::cli {

// --no-apply: a change to MCPHub's database is not told to the hubs registered there.
QCommandLineOption noApplyOption();

// Tells the hubs registered in the workspace of `context` (an MCPHub database: the hubs that
// run on it) `changes` through their API (HubChangeApplier), waiting for every answer, and
// prints one line per hub and change. Returns ExitOk when every hub took every change (or
// there was nothing to tell), else ExitFindings: the database change is committed either way.
int tellLinkedHubs(const RepositoryContext &context, const QList<HubChange> &changes);

} // namespace mcphub::cli
