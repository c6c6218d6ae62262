#pragma once

#include <QVariantMap>

namespace mcphub {

// A row value that is not a field: what is wrong with the row as stored (MCPHub's database;
// storage's McphubRowCheck), a QVariantMap from the stored column's name to the translated
// finding. Shown on the row, never edited, and no reason to refuse Apply: only the fields an
// administrator edits are written, so a bad stored value stays as it is unless entered anew.
inline const QString kRowFindings = QStringLiteral("rowFindings");

// One row of a PendingTableModel: the values as loaded from the workspace, the values as
// edited, and whether the row was added or marked for deletion. `key` is stable for the
// model's lifetime so undo commands find the row again after rows moved.
struct PendingRow
{
    enum class State { Unchanged, Added, Modified, Deleted };

    int key = 0;
    QVariantMap original; // empty for an added row
    QVariantMap current;
    bool added = false;
    bool deleted = false;

    State state() const
    {
        if (added)
            return State::Added;
        if (deleted)
            return State::Deleted;
        return current == original ? State::Unchanged : State::Modified;
    }
};

// A change handed to the writer at Apply, in table order.
struct PendingChange
{
    enum class Kind { Add, Update, Remove };
    Kind kind = Kind::Add;
    QVariantMap original;
    QVariantMap current;
    int rowKey = 0;
};

} // namespace mcphub
