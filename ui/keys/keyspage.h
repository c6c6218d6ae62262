#pragma once

#include "ui/widgets/pendingdetailpage.h"

class QComboBox;
class QLineEdit;
class QPushButton;

namespace mcphub {

class BearerKeyTableModel;
class SecretLineEdit;

// The Bearer keys area: the keys table (tokens masked) beside the selected key's token
// (reveal, copy, generate), access type and allowed groups/servers, as pending edits.
class KeysPage : public PendingDetailPage
{
    Q_OBJECT

public:
    explicit KeysPage(BearerKeyTableModel *model, QWidget *parent = nullptr);

    SecretLineEdit *tokenEdit() const { return m_token; }
    QPushButton *generateButton() const { return m_generate; }

protected:
    void refresh() override;
    int addBlankRow() override;

private:
    void write(const QString &field, const QVariant &value);

    BearerKeyTableModel *m_model;
    SecretLineEdit *m_token;
    QPushButton *m_generate;
    QComboBox *m_access;
    QLineEdit *m_groups;
    QLineEdit *m_servers;
};

} // namespace mcphub
