#include "ui/servers/serverspage.h"

#include "models/servertablemodel.h"
#include "ui/servers/serverdetailpanel.h"
#include "ui/servers/serverjsondialog.h"
#include "ui/widgets/pendingtableeditor.h"

#include <QAction>
#include <QLineEdit>
#include <QMessageBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace mcphub {

ServersPage::ServersPage(ServerTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_editor(new PendingTableEditor(model, QStringLiteral("servers"), this))
    , m_detail(new ServerDetailPanel(model, this))
    , m_duplicate(new QAction(tr("D&uplicate"), this))
    , m_toggle(new QAction(tr("Enable/&disable"), this))
    , m_confirmedDelete(new QAction(tr("&Delete"), this))
    , m_rawJson(new QAction(tr("Raw &JSON…"), this))
{
    m_duplicate->setToolTip(tr("Add a copy of the selected server under a new name."));
    m_toggle->setToolTip(tr("Switch the selected server on or off in MCPHub."));
    m_editor->addAction()->setToolTip(tr("Add a stdio server; choose its type in the panel."));
    // Deletion asks for confirmation: the editor's own Delete is replaced in the toolbar.
    m_confirmedDelete->setToolTip(m_editor->deleteAction()->toolTip());
    m_editor->toolBar()->insertAction(m_editor->deleteAction(), m_confirmedDelete);
    m_editor->toolBar()->removeAction(m_editor->deleteAction());
    m_editor->deleteAction()->setShortcut({});
    m_confirmedDelete->setShortcut(QKeySequence::Delete);
    m_confirmedDelete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_editor->view()->addAction(m_confirmedDelete);
    m_editor->toolBar()->addAction(m_duplicate);
    m_editor->toolBar()->addAction(m_toggle);
    m_rawJson->setToolTip(tr("The selected server as MCPHub's settings file holds it; Edit "
                             "there turns a change into pending edits."));
    m_editor->toolBar()->addAction(m_rawJson);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_detail);
    scroll->setWidgetResizable(true);
    // The panel is never narrower than its fields (the longest labels and check boxes, in the
    // current language), so it only scrolls up and down; the table gives way and scrolls
    // sideways instead.
    scroll->setMinimumWidth(m_detail->minimumSizeHint().width()
                            + scroll->verticalScrollBar()->sizeHint().width()
                            + 2 * scroll->frameWidth());
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_editor);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({360, 540});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_editor, &PendingTableEditor::addRequested, this, &ServersPage::addServer);
    connect(m_editor, &PendingTableEditor::currentRowChanged, m_detail, &ServerDetailPanel::setRow);
    connect(m_editor, &PendingTableEditor::currentRowChanged, this, &ServersPage::updateActions);
    connect(m_confirmedDelete, &QAction::triggered, this, &ServersPage::deleteSelected);
    connect(m_rawJson, &QAction::triggered, this, &ServersPage::showRawJson);
    connect(m_duplicate, &QAction::triggered, this, [this] {
        const int row = m_model->duplicateServer(m_editor->currentRow());
        if (row >= 0)
            m_editor->selectRow(row);
    });
    connect(m_toggle, &QAction::triggered, this, [this] {
        const int row = m_editor->currentRow();
        m_model->setValue(row,
                          ServerTableModel::kEnabled,
                          !m_model->value(row, ServerTableModel::kEnabled).toBool());
    });
    connect(model, &PendingTableModel::readOnlyChanged, this, &ServersPage::updateActions);
    connect(model, &QAbstractItemModel::modelReset, this, &ServersPage::updateActions);
    // After Apply, Revert all or a reload the panel (which drops its row on a reset) shows
    // the row the editor selected again, not an empty form (issue 15).
    connect(model, &QAbstractItemModel::modelReset, m_detail, [this] {
        m_detail->setRow(m_editor->currentRow());
    });
    m_detail->setRow(m_editor->currentRow());
    updateActions();
}

void ServersPage::addServer()
{
    const int row = m_model->addServer(QString(), QStringLiteral("stdio"));
    if (row < 0)
        return;
    m_editor->searchBox()->clear();
    m_editor->selectRow(row);
    m_detail->fieldWidget(ServerTableModel::kName)->setFocus();
}

void ServersPage::deleteSelected()
{
    const int row = m_editor->currentRow();
    if (row < 0)
        return;
    if (m_confirmDeletion
        && QMessageBox::question(
               this,
               tr("Delete server"),
               tr("Delete the server \"%1\" when you apply?").arg(m_model->rowLabel(row)))
               != QMessageBox::Yes) {
        return;
    }
    m_editor->deleteAction()->trigger();
}

void ServersPage::updateActions()
{
    const bool editable = !m_model->isReadOnly() && m_editor->currentRow() >= 0;
    m_duplicate->setEnabled(editable);
    m_toggle->setEnabled(editable);
    m_confirmedDelete->setEnabled(editable);
    m_rawJson->setEnabled(m_editor->currentRow() >= 0);
}

void ServersPage::showRawJson()
{
    const int row = m_editor->currentRow();
    if (row < 0)
        return;
    auto *dialog = new ServerJsonDialog(m_model, row, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The row's pending edits change while it is open (undo, Apply): it closes with them.
    connect(m_model, &QAbstractItemModel::modelReset, dialog, &QDialog::reject);
    connect(m_model, &QAbstractItemModel::rowsRemoved, dialog, &QDialog::reject);
    dialog->open();
}

} // namespace mcphub
