#pragma once

#include "app/cli/clicommand.h"

namespace mcphub::cli {

// "server list|show|add|set|enable|disable|rename|remove" on any workspace, through
// ServerRepository and ServerFields (the rules and fields of the console's Servers page); a
// rename rewrites the groups and bearer keys that name the server, as MCPHub's API does.
CliCommand serverCommand();

} // namespace mcphub::cli
