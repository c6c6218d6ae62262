#pragma once

#include "models/pendingrow.h"
#include "storage/error.h"

#include <QList>
#include <QString>

namespace mcphub {

class PendingTableModel;

// Writes the pending edits of several PendingTableModels of one workspace in one transaction
// on its connection (Apply all): each model's writer runs inside it, where its own
// transaction becomes a savepoint, and only when every writer succeeded and the transaction
// committed (a settings-file workspace saves its file once, at that commit) are the models
// reloaded and their `applied` emitted. On any failure nothing is written, every edit stays
// pending and the failing model marks its cell. Models are written in the order given (a
// server before the group that names it). GUI thread, with the connection.
class PendingBatch
{
public:
    struct Outcome
    {
        bool written = false;
        int failedModel = -1;     // index into the models when a writer failed, else -1
        Error error;              // why nothing was written
        QList<int> changeCounts;  // per model, what was written
        QStringList reloadErrors; // written, but a model could not read its table again
        int total() const;
    };

    static Outcome apply(const QString &connectionName, const QList<PendingTableModel *> &models);
};

} // namespace mcphub
