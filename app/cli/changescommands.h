#pragma once

#include "app/cli/clicommand.h"

namespace mcphub::cli {

// "changes listen|deliver" (issue 16): hear the changes other consoles commit (PostgreSQL
// NOTIFY mcphub_admin_changes, Redis config:update), and deliver the change outbox to Redis.
CliCommand changesCommand();

} // namespace mcphub::cli
