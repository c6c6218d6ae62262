#pragma once

#include "app/cli/clicommand.h"

namespace mcphub::cli {

// "generate OUTDIR": writes a large, realistic mcp_settings.json and usage.jsonl (MCPHub
// activities) into OUTDIR for benchmarks and load tests; the same seed gives the same files.
CliCommand generateCommand();

} // namespace mcphub::cli
