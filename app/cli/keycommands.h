#pragma once

#include "app/cli/clicommand.h"

namespace mcphub::cli {

// "key list|show|add|set|enable|disable|remove" on any workspace, through
// BearerKeyRepository: a new key's token is MCPHub's format from the system's CSPRNG and is
// printed once, when it is made; lists show tokens masked as MCPHub's API does.
CliCommand keyCommand();

} // namespace mcphub::cli
