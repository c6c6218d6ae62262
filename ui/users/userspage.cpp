#include "ui/users/userspage.h"

#include "models/usertablemodel.h"
#include "ui/users/passworddialog.h"
#include "ui/widgets/pendingtableeditor.h"

#include <QAction>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace mcphub {

UsersPage::UsersPage(UserTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    // A settings file has fewer columns (no console-only fields): its own column layout.
    , m_editor(new PendingTableEditor(model,
                                      model->isFieldStored(UserTableModel::kStatus)
                                          ? QStringLiteral("users")
                                          : QStringLiteral("users-settings-file"),
                                      this))
    , m_setPassword(new QAction(tr("Set &password…"), this))
{
    m_setPassword->setToolTip(tr("Set or reset the selected user's password. Only its bcrypt "
                                 "hash is stored; MCPHub has no other way to reset one."));
    m_editor->toolBar()->addAction(m_setPassword);
    m_editor->addAction()->setToolTip(tr("Add a user: type the name, then set a password."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor);

    connect(m_editor, &PendingTableEditor::addRequested, this, &UsersPage::addUser);
    connect(m_setPassword, &QAction::triggered, this, &UsersPage::askPassword);
    connect(m_editor, &PendingTableEditor::currentRowChanged, this, &UsersPage::updateActions);
    connect(model, &PendingTableModel::readOnlyChanged, this, &UsersPage::updateActions);
    updateActions();
}

void UsersPage::addUser()
{
    const int row = m_model->addUser(QString());
    if (row < 0)
        return;
    m_editor->searchBox()->clear();
    const QModelIndex index = m_editor->proxy()->mapFromSource(
        m_model->index(row, m_model->fieldIndex(UserTableModel::kUsername)));
    m_editor->view()->setCurrentIndex(index);
    m_editor->view()->edit(index);
}

void UsersPage::askPassword()
{
    const int row = m_editor->currentRow();
    if (row < 0)
        return;
    const int key = m_model->data(m_model->index(row, 0), PendingTableModel::RowKeyRole).toInt();
    auto *dialog = new PasswordDialog(m_model->rowLabel(row), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, key] {
        const auto set
            = m_model->setPassword(m_model->rowOfKey(key), dialog->password(), dialog->cost());
        if (!set)
            m_editor->showMessage(set.error().messageWithRemedy(), true);
    });
    dialog->open();
}

void UsersPage::updateActions()
{
    m_setPassword->setEnabled(!m_model->isReadOnly() && m_editor->currentRow() >= 0);
}

} // namespace mcphub
