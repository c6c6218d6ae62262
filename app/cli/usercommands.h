#pragma once

#include "app/cli/clicommand.h"

namespace mcphub::cli {

// "user list|add|set-password|remove" on any workspace, with the console's guards (unique
// names, the last administrator kept) and audit rows, through UserAdministration.
CliCommand userCommand();

} // namespace mcphub::cli
