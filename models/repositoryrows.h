#pragma once

#include "models/pendingrow.h"
#include "storage/db/changefailure.h"
#include "storage/db/connectionkeeper.h"
#include "storage/db/mcphubrowcheck.h"
#include "storage/db/repositorybase.h"
#include "storage/db/repositorycontext.h"
#include "storage/db/transactionguard.h"
#include "storage/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QVariantMap>

#include <functional>
#include <optional>

namespace mcphub {

// The loaders and writers that PendingTableModel subclasses share over the repositories.

// Every row of `repo.list()` without a filter, read 500 at a time, each made by `toMap`.
template<typename Repository, typename ToMap>
Result<QList<QVariantMap>> listAllRows(const Repository &repo, ToMap toMap)
{
    QList<QVariantMap> rows;
    PageRequest page{0, 500, false};
    for (;;) {
        const auto chunk = repo.list({}, page);
        if (!chunk)
            return chunk.error();
        for (const auto &record : chunk->items)
            rows << toMap(record);
        if (chunk->items.size() < page.limit)
            return rows;
        page.offset += page.limit;
    }
}

// Puts a stored row's findings into its row values (kRowFindings), when it has any: each
// as RowFinding::toString(), naming table, row and column.
inline void putRowFindings(QVariantMap &row, const QList<RowFinding> &findings)
{
    if (findings.isEmpty())
        return;
    QVariantMap byColumn;
    for (const RowFinding &f : findings) {
        const QString earlier = byColumn.value(f.column).toString();
        byColumn.insert(f.column,
                        earlier.isEmpty() ? f.toString() : earlier + u'\n' + f.toString());
    }
    row.insert(kRowFindings, byColumn);
}

// Runs `write` in one transaction on the context's connection and commits when it returns
// no failure; on a failure (or a failed BEGIN/COMMIT) nothing is written. Exactly once across
// a broken connection (runExactlyOnce): an unanswered COMMIT is looked up by its change id
// after reconnecting, and a transaction that was not committed is run once more.
inline std::optional<ChangeFailure>
writeInTransaction(const RepositoryContext &context,
                   const std::function<std::optional<ChangeFailure>()> &write)
{
    std::optional<ChangeFailure> failure;
    ExactlyOnceReport report;
    const auto done = runExactlyOnce(
        context,
        [&]() -> Result<void> {
            failure.reset();
            TransactionGuard tx(QSqlDatabase::database(context.connectionName, false));
            if (!tx.active()) {
                failure = ChangeFailure{0, {}, tx.error()};
                return tx.error();
            }
            if ((failure = write()))
                return failure->error;
            if (auto r = tx.commit(); !r) {
                failure = ChangeFailure{0, {}, r.error()};
                return r.error();
            }
            return {};
        },
        &report);
    if (done)
        return std::nullopt;
    if (report.settled == ExactlyOnceReport::Settled::Directly && failure)
        return failure; // the writer's own refusal, naming row and field
    return ChangeFailure{0, {}, done.error()};
}

// The row's updated_at as an editor read it (not a column): what Apply compares with the
// stored row's, so that a change made meanwhile (by MCPHub or another console) is a conflict.
inline const QString kRowUpdatedAt = QStringLiteral("updatedAt");

// The conflict of a row whose updated_at moved since it was read, at `resource`.
inline Error rowChangedMeanwhile(const QString &resource)
{
    return Error::make(Error::Code::Conflict,
                       QCoreApplication::translate(
                           "PendingTableModel",
                           "This row was changed in the database since it was read "
                           "(updated_at), by MCPHub or another console, so nothing was "
                           "written. Your edits are kept: reload to see the change, then make "
                           "them again."),
                       resource + QStringLiteral("/updated_at"))
        .withRemedy(Error::Remedy::Reload);
}

// Writes pending changes of records keyed by a string id (row value `idField`), in order and
// in one transaction: an added row is created from overlay(Record(), values), a deleted one
// removed by id, an edited one read again and updated with overlay(stored, values). A row
// that is gone meanwhile fails with `deletedMeanwhile(id)`, and one whose updatedAt differs
// from the row's kRowUpdatedAt as read (when it has one) with `changedMeanwhile(id)`: nothing
// is overwritten. Failures blame `labelField`.
template<typename Record, typename Repository, typename Overlay>
std::optional<ChangeFailure>
writeChangesById(const RepositoryContext &context,
                 const QList<PendingChange> &changes,
                 const QString &idField,
                 const QString &labelField,
                 Overlay overlay,
                 const std::function<Error(const QString &)> &deletedMeanwhile,
                 const std::function<Error(const QString &)> &changedMeanwhile = {})
{
    return writeInTransaction(context, [&]() -> std::optional<ChangeFailure> {
        Repository repo(context);
        for (int i = 0; i < changes.size(); ++i) {
            const PendingChange &c = changes.at(i);
            const QString id = c.original.value(idField).toString();
            Result<void> done;
            if (c.kind == PendingChange::Kind::Add) {
                done = repo.create(overlay(Record(), c.current));
                if (!done)
                    return ChangeFailure{i, labelField, done.error()};
                continue;
            }
            const auto stored = repo.find(id);
            if (!stored)
                return ChangeFailure{i, {}, stored.error()};
            if (!stored->has_value())
                return ChangeFailure{i, labelField, deletedMeanwhile(id)};
            const QDateTime seen = c.original.value(kRowUpdatedAt).toDateTime();
            if (changedMeanwhile && seen.isValid() && (*stored)->updatedAt != seen)
                return ChangeFailure{i, labelField, changedMeanwhile(id)};
            if (c.kind == PendingChange::Kind::Remove) {
                done = repo.remove(id);
            } else {
                // The stored row with the values as read: what was not edited is not written.
                const Record unedited = overlay(**stored, c.original);
                done = repo.update(overlay(**stored, c.current), &unedited);
            }
            if (!done)
                return ChangeFailure{i, labelField, done.error()};
        }
        return std::nullopt;
    });
}

} // namespace mcphub
