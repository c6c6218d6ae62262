#include "ui/widgets/pendingdetailpage.h"

#include "models/pendingtablemodel.h"
#include "ui/widgets/pendingtableeditor.h"

#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace mcphub {

PendingDetailPage::PendingDetailPage(PendingTableModel *model,
                                     const QString &settingsKey,
                                     QWidget *parent)
    : QWidget(parent)
    , m_editor(new PendingTableEditor(model, settingsKey, this))
    , m_problems(new QLabel(this))
    , m_pendingModel(model)
{
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
}

void PendingDetailPage::setDetail(QWidget *detail)
{
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_editor);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({520, 380});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_editor, &PendingTableEditor::addRequested, this, [this] {
        const int row = addBlankRow();
        if (row >= 0) // the name first, as on Users
            m_editor->editCell(row, m_pendingModel->labelField());
    });
    connect(m_editor, &PendingTableEditor::currentRowChanged, this, [this](int row) {
        m_key = keyOfRow(row);
        refresh();
    });
    connect(m_pendingModel, &PendingTableModel::rowValuesChanged, this, [this](int row) {
        if (row == currentRow())
            refresh();
    });
    connect(m_pendingModel, &QAbstractItemModel::modelReset, this, [this] {
        // The editor, connected first, has selected the first row of the fresh load: the pane
        // follows it (it stayed empty after a reload until another row was clicked).
        m_key = keyOfRow(m_editor->currentRow());
        refresh();
    });
    // The editor selected its first row before these connections existed.
    m_key = keyOfRow(m_editor->currentRow());
    refresh();
}

int PendingDetailPage::keyOfRow(int row) const
{
    return row >= 0
               ? m_pendingModel->data(m_pendingModel->index(row, 0), PendingTableModel::RowKeyRole)
                     .toInt()
               : -1;
}

int PendingDetailPage::currentRow() const
{
    return m_pendingModel->rowOfKey(m_key);
}

bool PendingDetailPage::currentRowEditable() const
{
    const int row = currentRow();
    return row >= 0 && !m_pendingModel->isReadOnly()
           && m_pendingModel->rowState(row) != PendingRow::State::Deleted;
}

void PendingDetailPage::showProblems()
{
    QStringList lines;
    const auto problems = m_pendingModel->problems(currentRow());
    for (auto it = problems.cbegin(); it != problems.cend(); ++it)
        lines << tr("%1: %2").arg(m_pendingModel->fieldTitle(it.key()), it.value());
    lines.sort();
    m_problems->setText(lines.join(QLatin1Char('\n')));
    m_problems->setVisible(!lines.isEmpty());
}

} // namespace mcphub
