#pragma once

#include <QWidget>

class QAction;

namespace mcphub {

class PendingTableEditor;
class UserTableModel;

// The Users area: the users table with pending edits, Add (a row whose name is typed in
// place) and Set password / Reset password (a PasswordDialog; only the bcrypt hash is kept).
class UsersPage : public QWidget
{
    Q_OBJECT

public:
    explicit UsersPage(UserTableModel *model, QWidget *parent = nullptr);

    PendingTableEditor *editor() const { return m_editor; }
    QAction *setPasswordAction() const { return m_setPassword; }

private:
    void addUser();
    void askPassword();
    void updateActions();

    UserTableModel *m_model;
    PendingTableEditor *m_editor;
    QAction *m_setPassword;
};

} // namespace mcphub
