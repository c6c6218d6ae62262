#pragma once

#include "app/cli/clicommand.h"

namespace mcphub::cli {

// "hubs add|list|remove|poll": the hub registry and polling without a display.
CliCommand hubsCommand();
// "health": the console's own checks (database, settings folder, keychain, memory).
CliCommand healthCommand();

} // namespace mcphub::cli
