#pragma once

#include "storage/db/workspace.h"

#include <QObject>

namespace mcphub {

class AuditLogModel;
class BearerKeyTableModel;
class GroupTableModel;
class GroupsPage;
class KeysPage;
class AuditLogPage;
class MainWindow;
class RecordsPage;
class ServerTableModel;
class ServersPage;
class SystemConfigPage;
class SystemConfigTableModel;
class UserTableModel;
class UsersPage;
class UsageLogModel;
class UsageLogPage;

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
    GroupTableModel *groups() const { return m_groups; }
    BearerKeyTableModel *keys() const { return m_keys; }
    GroupsPage *groupsPage() const { return m_groupsPage; }
    KeysPage *keysPage() const { return m_keysPage; }
    UsageLogModel *usageLog() const { return m_usage; }
    AuditLogModel *auditLog() const { return m_audit; }
    UsageLogPage *usagePage() const { return m_usagePage; }
    RecordsPage *recordsPage() const { return m_recordsPage; }
    AuditLogPage *auditPage() const { return m_auditPage; }
    SystemConfigTableModel *systemConfig() const { return m_config; }
    SystemConfigPage *systemConfigPage() const { return m_configPage; }
    QStringList loadErrors() const { return m_loadErrors; }
    // Reads the tables again after the workspace changed underneath (a migration); a table
    // with edits not applied keeps them and is left as it is. Returns the errors.
    QStringList reload();
    // Issue 16: another console committed changes to `tables` (the areas the audit trail
    // names: "servers", "users", "groups", "bearer-keys", "system-config", the records'):
    // merges them (PendingTableModel::mergeFromStore: pending edits kept, rows changed
    // meanwhile marked) and refreshes the audit log. Returns how many rows got a conflict.
    int refreshAfterChange(const QStringList &tables);

private:
    Workspace m_workspace;
    UserTableModel *m_users = nullptr;
    ServerTableModel *m_servers = nullptr;
    UsersPage *m_usersPage = nullptr;
    ServersPage *m_serversPage = nullptr;
    GroupTableModel *m_groups = nullptr;
    BearerKeyTableModel *m_keys = nullptr;
    GroupsPage *m_groupsPage = nullptr;
    KeysPage *m_keysPage = nullptr;
    UsageLogModel *m_usage = nullptr;
    AuditLogModel *m_audit = nullptr;
    RecordsPage *m_recordsPage = nullptr;
    UsageLogPage *m_usagePage = nullptr;
    AuditLogPage *m_auditPage = nullptr;
    SystemConfigTableModel *m_config = nullptr;
    SystemConfigPage *m_configPage = nullptr;
    QStringList m_loadErrors;
};

} // namespace mcphub
