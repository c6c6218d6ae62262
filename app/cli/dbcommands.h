#pragma once

#include "app/cli/clicommand.h"

namespace mcphub::cli {

// "db init|status|migrate": create a workspace database, show or apply schema migrations.
CliCommand dbCommand();

} // namespace mcphub::cli
