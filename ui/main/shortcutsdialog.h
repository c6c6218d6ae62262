#pragma once

#include <QDialog>

class QAction;
class QTableWidget;

namespace mcphub {

// Help ▸ Keyboard shortcuts: every shortcut of the window, read from its actions (the menus',
// the toolbar's and those of the pages' editors), so the list cannot drift from what the keys
// do. Each row: the action, its keys, and where it is (the menu, or "Table pages").
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    // The rows as "action<TAB>keys<TAB>where" lines.
    QString text() const;

    // The actions of `window` (and its children) that have a shortcut, each once, in menu
    // order where they are in a menu.
    static QList<QAction *> actionsWithShortcuts(QWidget *window);

private:
    QTableWidget *m_table;
};

} // namespace mcphub
