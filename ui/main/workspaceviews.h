#pragma once

#include "storage/db/workspace.h"

#include <QObject>

namespace mcphub {

class MainWindow;
class ServerTableModel;
class ServersPage;
class UserTableModel;
class UsersPage;

// The editors of one open workspace, installed into the main window's area pages: it owns
// the table models, loads them and registers their pending edits with the window. Lives on
// the GUI thread with the workspace's connection.
class WorkspaceViews : public QObject
{
    Q_OBJECT

public:
    WorkspaceViews(const Workspace &workspace, MainWindow *window);

    UserTableModel *users() const { return m_users; }
    ServerTableModel *servers() const { return m_servers; }
    UsersPage *usersPage() const { return m_usersPage; }
    ServersPage *serversPage() const { return m_serversPage; }
    QStringList loadErrors() const { return m_loadErrors; }

private:
    Workspace m_workspace;
    UserTableModel *m_users = nullptr;
    ServerTableModel *m_servers = nullptr;
    UsersPage *m_usersPage = nullptr;
    ServersPage *m_serversPage = nullptr;
    QStringList m_loadErrors;
};

} // namespace mcphub
