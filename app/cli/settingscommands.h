#pragma once

#include "app/cli/clicommand.h"

namespace mcphub::cli {

// validate, format and backups: the settings-file commands of mcphub-adminctl.
QList<CliCommand> settingsCommands();

} // namespace mcphub::cli
