#pragma once

#include "ui/widgets/pendingdetailpage.h"

class QLineEdit;
class QListWidget;
class QListWidgetItem;

namespace mcphub {

class GroupTableModel;
class ServerTableModel;

// The Groups area: the groups table beside the selected group's member servers (check the
// servers of the workspace) and, for the selected member, its tools (empty = all tools).
class GroupsPage : public PendingDetailPage
{
    Q_OBJECT

public:
    GroupsPage(GroupTableModel *model, ServerTableModel *servers, QWidget *parent = nullptr);

    QListWidget *memberList() const { return m_members; }
    QLineEdit *toolsEdit() const { return m_tools; }

protected:
    void refresh() override;
    int addBlankRow() override;

private:
    void writeMembers();

    GroupTableModel *m_model;
    ServerTableModel *m_servers;
    QListWidget *m_members;
    QLineEdit *m_tools;
};

} // namespace mcphub
