#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace mcphub {

// Asks for a new password twice (never echoed) and the bcrypt cost (10-14). MCPHub's
// password rule is shown as a warning that does not block; a mismatch does.
class PasswordDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PasswordDialog(const QString &username, QWidget *parent = nullptr);

    QString password() const;
    int cost() const;

    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *repeatEdit() const { return m_repeat; }
    QLabel *warningLabel() const { return m_warning; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void check();

    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QSpinBox *m_cost;
    QLabel *m_warning;
    QDialogButtonBox *m_buttons;
};

} // namespace mcphub
