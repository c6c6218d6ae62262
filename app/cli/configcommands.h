#pragma once

#include "app/cli/clicommand.h"

namespace mcphub::cli {

// "config list|get KEY|set KEY JSON|unset KEY": MCPHub's systemConfig on any workspace
// (in MCPHub's database its system_config row), through SystemConfigRepository.
CliCommand configCommand();

} // namespace mcphub::cli
