#pragma once

#include "storage/db/repositorycontext.h"
#include "storage/result.h"

#include <QStringList>

namespace mcphub {

// Undoes a completed migration run from the pre-images it kept: removes the rows it inserted
// and restores the rows it overwrote, in one transaction, then records the rollback in
// migration_runs and the audit trail and marks the run rolled back. Refuses (Conflict, each
// row named) when a later run or an edit changed a row the run wrote. Connection's thread.
class MigrationRollback
{
public:
    explicit MigrationRollback(RepositoryContext context);

    // The id of the rollback's own history row.
    Result<qint64> rollback(qint64 runId);
    QStringList touchedRows() const { return m_touched; } // pointers, after a refusal

private:
    RepositoryContext m_context;
    QStringList m_touched;
};

} // namespace mcphub
