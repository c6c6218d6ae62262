#pragma once

#include <QWidget>

class QLabel;

namespace mcphub {

class PendingTableEditor;
class PendingTableModel;

// A table of pending edits beside a detail pane for its current row. The page follows the
// current row by its key (through edits, undo and reloads), refreshes the pane when that row
// changes, and adds a blank row with the editor's Add. Subclasses build the pane, call
// setDetail() last in their constructor, and fill the pane in refresh().
class PendingDetailPage : public QWidget
{
    Q_OBJECT

public:
    PendingTableEditor *editor() const { return m_editor; }

protected:
    PendingDetailPage(PendingTableModel *model, const QString &settingsKey, QWidget *parent);

    // Puts `detail` right of the table, starts following the current row and refreshes.
    void setDetail(QWidget *detail);
    virtual void refresh() = 0;
    virtual int addBlankRow() = 0; // the new row, -1 when none was added

    int currentRow() const;          // -1 when none
    bool currentRowEditable() const; // a row, not read-only, not marked for deletion
    // Shows the current row's problems, "field: problem" a line, sorted; hidden when none.
    void showProblems();

    PendingTableEditor *m_editor;
    QLabel *m_problems;     // for the subclass to place in its pane
    bool m_loading = false; // refresh() is filling the pane: edits are not written back

private:
    int keyOfRow(int row) const;

    PendingTableModel *m_pendingModel;
    int m_key = -1;
};

} // namespace mcphub
