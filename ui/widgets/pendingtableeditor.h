#pragma once

#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QToolBar;

namespace mcphub {

class PendingTableModel;

// The editing frame every table area shares: a toolbar (Add, Delete, Revert row, Revert all,
// Undo, Redo, Apply), a search box, a sortable table over a PendingTableModel, a read-only
// banner, the pending-change count and the last Apply error. Copy (Ctrl+C) copies the selected
// cells with their headers; column widths, order and visibility are kept in QSettings under
// `settingsKey`. The model belongs to the caller; pages add their own actions to toolBar().
class PendingTableEditor : public QWidget
{
    Q_OBJECT

public:
    PendingTableEditor(PendingTableModel *model,
                       const QString &settingsKey,
                       QWidget *parent = nullptr);
    ~PendingTableEditor() override;

    PendingTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QToolBar *toolBar() const { return m_toolBar; }
    QLineEdit *searchBox() const { return m_search; }
    QLabel *messageLabel() const { return m_message; }

    QAction *addAction() const { return m_add; }
    QAction *deleteAction() const { return m_delete; }
    QAction *revertRowAction() const { return m_revertRow; }
    QAction *revertAllAction() const { return m_revertAll; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QAction *applyAction() const { return m_apply; }
    QAction *copyAction() const { return m_copy; }

    int currentRow() const; // the model row of the current index, -1 when none
    void selectRow(int row);
    // Selects the row and opens `field`'s cell for typing (a new row's name).
    void editCell(int row, const QString &field);

    bool applyChanges(); // shows the error under the toolbar; true when written
    // Something to do before Apply writes (it may wait for the network), given the call that
    // applies: the Apply action goes through it. Without one, Apply applies at once.
    using ApplyGuard = std::function<void(std::function<void()> apply)>;
    void setApplyGuard(ApplyGuard guard) { m_applyGuard = std::move(guard); }
    const ApplyGuard &applyGuard() const { return m_applyGuard; }
    void showMessage(const QString &text, bool error);
    QString copySelection() const; // what Copy puts on the clipboard

Q_SIGNALS:
    void addRequested();
    void currentRowChanged(int row);

private:
    void updateActions();
    void deleteSelectedRows();
    void revertCurrentRow();
    void revertAll();
    void showHeaderMenu(const QPoint &pos);
    void saveColumns() const;
    void fitHeaderTexts();
    void restoreColumns();

    PendingTableModel *m_model;
    ApplyGuard m_applyGuard;
    QString m_settingsKey;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QToolBar *m_toolBar;
    QLineEdit *m_search;
    QLabel *m_banner;
    QLabel *m_message;
    QLabel *m_pending;
    QAction *m_add, *m_delete, *m_revertRow, *m_revertAll, *m_undo, *m_redo, *m_apply, *m_copy;
};

} // namespace mcphub
