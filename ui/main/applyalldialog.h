#pragma once

#include "models/pendingtablemodel.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace mcphub {

// The preview of Apply all: what will be written, per page and row, each changed field old →
// new (secrets masked as the pages mask them, PendingTableModel::changePreview). Accepting it
// (its "Apply all" button) writes; Cancel writes nothing.
class ApplyAllDialog : public QDialog
{
    Q_OBJECT

public:
    struct Section
    {
        QString place; // "Users", "Clients & content ▸ Prompts"
        QList<PendingTableModel::RowPreview> rows;
    };

    explicit ApplyAllDialog(const QList<Section> &sections, QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }
    QPushButton *applyButton() const { return m_apply; }
    // The preview as plain text, a line per page, row and field ("  alice (changed)",
    // "    E-mail: (empty) → a@example.org"): what the tree shows.
    QString text() const;

    static QString kindText(PendingChange::Kind kind);

private:
    QLabel *m_summary;
    QTreeWidget *m_tree;
    QPushButton *m_apply;
};

} // namespace mcphub
