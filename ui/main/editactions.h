#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace mcphub {

class PendingTableEditor;

// Edit ▸ Undo, Redo, Cut, Copy, Paste and Find of the main window, acting where the focus is:
// a text field's own undo and clipboard; in a table, the table's Copy (its "copy" action: the
// selected cells with their headers); otherwise the current page's table editor, whose pending
// edits Undo and Redo step through and whose search box Find focuses (or a field the page
// marked with the property "findTarget"). Window-wide shortcuts: the pages' editors carry none
// of these keys, so none of them is ambiguous.
class EditActions : public QObject
{
    Q_OBJECT

public:
    // `currentPage` gives the page shown now (the area's content).
    EditActions(QWidget *window, std::function<QWidget *()> currentPage);

    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QAction *cutAction() const { return m_cut; }
    QAction *copyAction() const { return m_copy; }
    QAction *pasteAction() const { return m_paste; }
    QAction *findAction() const { return m_find; }

    // The editor Undo and Redo act on now: the one with the focus (its table or its detail
    // form), else the first one shown on the current page; nullptr when none.
    PendingTableEditor *targetEditor() const;
    // What Find focuses on the current page, or nullptr.
    QWidget *findTarget() const;

    void updateActions();

private:
    void undo();
    void redo();
    void cut();
    void copy();
    void paste();
    void find();

    QWidget *m_window;
    std::function<QWidget *()> m_currentPage;
    QAction *m_undo, *m_redo, *m_cut, *m_copy, *m_paste, *m_find;
    QPointer<PendingTableEditor> m_watched; // whose undo/redo state the actions follow
};

} // namespace mcphub
