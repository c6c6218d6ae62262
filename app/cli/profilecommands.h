#pragma once

#include "app/cli/clicommand.h"

namespace mcphub::cli {

// "profile list|add|remove": the saved connection profiles (passwords in the keychain).
CliCommand profileCommand();

} // namespace mcphub::cli
