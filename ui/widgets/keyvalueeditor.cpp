#include "ui/widgets/keyvalueeditor.h"

#include "models/keyvaluemodel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace mcphub {

KeyValueEditor::KeyValueEditor(QWidget *parent)
    : QWidget(parent)
    , m_view(new QTableView(this))
    , m_add(new QPushButton(tr("Add"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_reveal(new QCheckBox(tr("Show secrets"), this))
{
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::AllEditTriggers);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_reveal);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &KeyValueEditor::addRow);
    connect(m_remove, &QPushButton::clicked, this, &KeyValueEditor::removeSelectedRows);
    connect(m_reveal, &QCheckBox::toggled, this, [this](bool on) {
        if (m_model)
            m_model->setSecretsRevealed(on);
    });
    updateButtons();
}

void KeyValueEditor::setModel(KeyValueModel *model)
{
    m_model = model;
    m_view->setModel(model);
    if (model) {
        model->setSecretsRevealed(m_reveal->isChecked());
        connect(m_view->selectionModel(),
                &QItemSelectionModel::selectionChanged,
                this,
                &KeyValueEditor::updateButtons);
    }
    updateButtons();
}

void KeyValueEditor::addRow()
{
    if (!m_model)
        return;
    const int row = m_model->rowCount();
    m_model->insertRows(row, 1);
    const QModelIndex key = m_model->index(row, KeyValueModel::KeyColumn);
    m_view->setCurrentIndex(key);
    m_view->edit(key);
}

void KeyValueEditor::removeSelectedRows()
{
    if (!m_model)
        return;
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows)
        m_model->removeRows(row, 1);
    updateButtons();
}

void KeyValueEditor::updateButtons()
{
    m_add->setEnabled(m_model != nullptr);
    m_remove->setEnabled(m_model && m_view->selectionModel()
                         && m_view->selectionModel()->hasSelection());
}

} // namespace mcphub
