#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace mcphub {

class BearerKeyTableModel;
class PendingTableEditor;
class SecretLineEdit;

// The Bearer keys area: the keys table (tokens masked) beside the selected key's token
// (reveal, copy, generate), access type and allowed groups/servers, as pending edits.
class KeysPage : public QWidget
{
    Q_OBJECT

public:
    explicit KeysPage(BearerKeyTableModel *model, QWidget *parent = nullptr);

    PendingTableEditor *editor() const { return m_editor; }
    SecretLineEdit *tokenEdit() const { return m_token; }
    QPushButton *generateButton() const { return m_generate; }

private:
    void refresh();
    void write(const QString &field, const QVariant &value);

    BearerKeyTableModel *m_model;
    PendingTableEditor *m_editor;
    int m_key = -1;
    bool m_loading = false;
    SecretLineEdit *m_token;
    QPushButton *m_generate;
    QComboBox *m_access;
    QLineEdit *m_groups;
    QLineEdit *m_servers;
    QLabel *m_problems;
};

} // namespace mcphub
