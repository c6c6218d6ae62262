#include "models/pendingeditcommand.h"

#include "models/pendingtablemodel.h"

namespace mcphub {

PendingEditCommand::PendingEditCommand(PendingTableModel *model,
                                       int key,
                                       int position,
                                       std::optional<PendingRow> before,
                                       std::optional<PendingRow> after,
                                       const QString &text,
                                       const QString &mergeField)
    : QUndoCommand(text)
    , m_model(model)
    , m_key(key)
    , m_position(position)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_mergeField(mergeField)
{}

bool PendingEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const PendingEditCommand *>(other);
    if (next->m_key != m_key || next->m_mergeField != m_mergeField || !next->m_after)
        return false;
    m_after = next->m_after;
    return true;
}

void PendingEditCommand::undo()
{
    m_model->putRow(m_key, m_position, m_before);
}

void PendingEditCommand::redo()
{
    m_model->putRow(m_key, m_position, m_after);
}

} // namespace mcphub
