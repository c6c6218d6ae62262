#pragma once

#include "models/pendingrow.h"

#include <QUndoCommand>

#include <optional>

namespace mcphub {

class PendingTableModel;

// An undoable step over pending edits: the row identified by `key` goes from `before` to
// `after` (absent = the row does not exist, as before an add). Position is where an absent
// row is put back. Pushed by PendingTableModel; only ever touches pending state.
class PendingEditCommand : public QUndoCommand
{
public:
    PendingEditCommand(PendingTableModel *model,
                       int key,
                       int position,
                       std::optional<PendingRow> before,
                       std::optional<PendingRow> after,
                       const QString &text,
                       const QString &mergeField = {});

    // Consecutive edits of the same field of the same row (typing) merge into one step.
    int id() const override { return m_mergeField.isEmpty() ? -1 : 1; }
    bool mergeWith(const QUndoCommand *other) override;
    void undo() override;
    void redo() override;

private:
    PendingTableModel *m_model;
    int m_key;
    int m_position;
    std::optional<PendingRow> m_before;
    std::optional<PendingRow> m_after;
    QString m_mergeField;
};

} // namespace mcphub
