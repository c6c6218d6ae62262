#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;

namespace mcphub {

class GroupTableModel;
class PendingTableEditor;
class ServerTableModel;

// The Groups area: the groups table beside the selected group's member servers (check the
// servers of the workspace) and, for the selected member, its tools (empty = all tools).
class GroupsPage : public QWidget
{
    Q_OBJECT

public:
    GroupsPage(GroupTableModel *model, ServerTableModel *servers, QWidget *parent = nullptr);

    PendingTableEditor *editor() const { return m_editor; }
    QListWidget *memberList() const { return m_members; }
    QLineEdit *toolsEdit() const { return m_tools; }

private:
    void refresh();
    void writeMembers();

    GroupTableModel *m_model;
    ServerTableModel *m_servers;
    PendingTableEditor *m_editor;
    int m_key = -1;
    bool m_loading = false;
    QListWidget *m_members;
    QLineEdit *m_tools;
    QLabel *m_problems;
};

} // namespace mcphub
