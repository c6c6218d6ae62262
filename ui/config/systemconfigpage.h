#pragma once

#include "ui/widgets/pendingdetailpage.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace mcphub {

class SystemConfigTableModel;

// The System config area: the keys of systemConfig on the left (with a summary of each
// value, never the value: sections hold secrets), the selected key's JSON text on the right,
// checked as it is typed (line and column of a syntax error), and what a running hub does
// with the key once applied (MCPHub's database). Add takes the key chosen beside it: in
// MCPHub's database one of its system_config columns not set yet, elsewhere any name.
class SystemConfigPage : public PendingDetailPage
{
    Q_OBJECT

public:
    explicit SystemConfigPage(SystemConfigTableModel *model, QWidget *parent = nullptr);

    QComboBox *newKeyBox() const { return m_newKey; }
    QPlainTextEdit *valueEditor() const { return m_text; }
    QLabel *effectLabel() const { return m_effect; }
    QLabel *findingsLabel() const { return m_findings; }

protected:
    void refresh() override;
    int addBlankRow() override;

private:
    void updateKeyChoices();
    void updateAddButton();

    SystemConfigTableModel *m_model;
    QComboBox *m_newKey;
    QPushButton *m_addKey = nullptr;
    QLabel *m_findings;
    QLabel *m_keyTitle;
    QLabel *m_effect;
    QPlainTextEdit *m_text;
};

} // namespace mcphub
