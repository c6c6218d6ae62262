#pragma once

#include <QWidget>

class QAction;

namespace mcphub {

class PendingTableEditor;
class ServerDetailPanel;
class ServerTableModel;

// The Servers area: the servers table with pending edits beside the selected server's
// detail panel; Add (a new stdio server), Duplicate, Enable/disable, Delete with confirmation,
// and Raw JSON (the server's entry as MCPHub's file holds it, editable into pending edits).
class ServersPage : public QWidget
{
    Q_OBJECT

public:
    explicit ServersPage(ServerTableModel *model, QWidget *parent = nullptr);

    PendingTableEditor *editor() const { return m_editor; }
    ServerDetailPanel *detail() const { return m_detail; }
    QAction *duplicateAction() const { return m_duplicate; }
    QAction *toggleAction() const { return m_toggle; }
    // The selected server's raw JSON (ServerJsonDialog, opened without blocking).
    QAction *rawJsonAction() const { return m_rawJson; }

    // Deleting asks first; tests and scripts can turn the question off.
    void setConfirmDeletion(bool confirm) { m_confirmDeletion = confirm; }

private:
    void addServer();
    void deleteSelected();
    void updateActions();
    void showRawJson();

    ServerTableModel *m_model;
    PendingTableEditor *m_editor;
    ServerDetailPanel *m_detail;
    QAction *m_duplicate;
    QAction *m_toggle;
    QAction *m_confirmedDelete;
    QAction *m_rawJson;
    bool m_confirmDeletion = true;
};

} // namespace mcphub
