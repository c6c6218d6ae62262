#pragma once

#include "app/cli/clicommand.h"

#include <QList>

namespace mcphub::cli {

// "oauth-client", "prompt", "resource" and "user-config": one command family over the record
// entities (RecordEntity), on any workspace, through RecordRepository:
//   list | show KEY [--reveal] | add KEY [FIELD=VALUE...] | set KEY FIELD=VALUE... | remove KEY
QList<CliCommand> recordCommands();

} // namespace mcphub::cli
