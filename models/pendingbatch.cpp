#include "models/pendingbatch.h"

#include "models/pendingtablemodel.h"
#include "storage/db/transactionguard.h"

#include <QSqlDatabase>

namespace mcphub {

int PendingBatch::Outcome::total() const
{
    int sum = 0;
    for (int count : changeCounts)
        sum += count;
    return sum;
}

PendingBatch::Outcome PendingBatch::apply(const QString &connectionName,
                                          const QList<PendingTableModel *> &models)
{
    Outcome outcome;
    QList<QList<PendingChange>> written;
    {
        TransactionGuard tx(QSqlDatabase::database(connectionName, false));
        if (!tx.active()) {
            outcome.error = tx.error();
            return outcome;
        }
        for (int i = 0; i < models.size(); ++i) {
            auto changes = models.at(i)->writePending();
            if (!changes) {
                outcome.failedModel = i;
                outcome.error = changes.error();
                return outcome; // the guard rolls every model's writes back
            }
            written << *changes;
        }
        if (auto committed = tx.commit(); !committed) {
            outcome.error = committed.error();
            return outcome;
        }
    }
    outcome.written = true;
    for (int i = 0; i < models.size(); ++i) {
        outcome.changeCounts << int(written.at(i).size());
        if (written.at(i).isEmpty())
            continue;
        if (auto reloaded = models.at(i)->finishApply(written.at(i)); !reloaded)
            outcome.reloadErrors << reloaded.error().toString();
    }
    return outcome;
}

} // namespace mcphub
