#pragma once

#include "app/cli/clicommand.h"

namespace mcphub::cli {

// The settings-file migration commands: "migrate FILE", "export OUTFILE", "history",
// "rollback RUN_ID" and "diff FILE", each on the workspace the usual options name.
QList<CliCommand> migrationCommands();

} // namespace mcphub::cli
