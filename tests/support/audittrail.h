#pragma once

#include "storage/db/repositorycontext.h"

#include <QStringList>

namespace mcphub::test {

// The newest 100 rows of the workspace's audit trail, oldest first, as "action resource".
QStringList auditActions(const RepositoryContext &context);

} // namespace mcphub::test
