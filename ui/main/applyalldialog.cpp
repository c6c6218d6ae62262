#include "ui/main/applyalldialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mcphub {

ApplyAllDialog::ApplyAllDialog(const QList<Section> &sections, QWidget *parent)
    : QDialog(parent)
    , m_summary(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("applyAllDialog"));
    setWindowTitle(tr("Apply all"));
    int rows = 0;
    for (const Section &section : sections)
        rows += int(section.rows.size());
    m_summary->setText(tr("%n row(s) on %1 page(s) will be written to the workspace in one "
                          "transaction: all of them or, if one fails, none.",
                          nullptr,
                          rows)
                           .arg(sections.size()));
    m_summary->setWordWrap(true);

    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Page, row and field"), tr("Old"), tr("New")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    const QString empty = tr("(empty)");
    for (const Section &section : sections) {
        auto *page = new QTreeWidgetItem(m_tree, {section.place});
        QFont bold = page->font(0);
        bold.setBold(true);
        page->setFont(0, bold);
        for (const PendingTableModel::RowPreview &row : section.rows) {
            auto *rowItem
                = new QTreeWidgetItem(page, {tr("%1 (%2)").arg(row.label, kindText(row.kind))});
            for (const PendingTableModel::FieldPreview &field : row.fields) {
                auto *item
                    = new QTreeWidgetItem(rowItem,
                                          {field.title,
                                           row.kind == PendingChange::Kind::Add
                                               ? QString()
                                               : (field.before.isEmpty() ? empty : field.before),
                                           field.after.isEmpty() ? empty : field.after});
                item->setToolTip(1, field.before);
                item->setToolTip(2, field.after);
            }
        }
    }
    m_tree->expandAll();
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->header()->setStretchLastSection(true);
    m_tree->resizeColumnToContents(0);
    m_tree->setColumnWidth(0, qMin(m_tree->columnWidth(0) + 16, 320));
    m_tree->setColumnWidth(1, 220);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_apply = buttons->addButton(tr("Apply all"), QDialogButtonBox::AcceptRole);
    m_apply->setObjectName(QStringLiteral("applyAllButton"));
    m_apply->setIcon(QIcon(QStringLiteral(":/icons/breeze/document-save-all.svg")));
    m_apply->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    resize(760, 460);
}

QString ApplyAllDialog::kindText(PendingChange::Kind kind)
{
    switch (kind) {
    case PendingChange::Kind::Add:
        return tr("added");
    case PendingChange::Kind::Update:
        return tr("changed");
    case PendingChange::Kind::Remove:
        return tr("deleted");
    }
    return {};
}

QString ApplyAllDialog::text() const
{
    QStringList lines;
    for (int p = 0; p < m_tree->topLevelItemCount(); ++p) {
        const QTreeWidgetItem *page = m_tree->topLevelItem(p);
        lines << page->text(0);
        for (int r = 0; r < page->childCount(); ++r) {
            const QTreeWidgetItem *row = page->child(r);
            lines << QStringLiteral("  ") + row->text(0);
            for (int f = 0; f < row->childCount(); ++f) {
                const QTreeWidgetItem *field = row->child(f);
                lines << (field->text(1).isEmpty()
                              ? tr("    %1: %2").arg(field->text(0), field->text(2))
                              : tr("    %1: %2 → %3")
                                    .arg(field->text(0), field->text(1), field->text(2)));
            }
        }
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace mcphub
