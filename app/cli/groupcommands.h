#pragma once

#include "app/cli/clicommand.h"

namespace mcphub::cli {

// "group list|show|add|set|remove" on any workspace, through GroupRepository: members by
// server name (each one must exist), entries with tool selections kept as they are.
CliCommand groupCommand();

} // namespace mcphub::cli
