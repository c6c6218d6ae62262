#pragma once

#include <QLineEdit>

class QAction;

namespace mcphub {

// A line edit for tokens and secrets: masked by default, with a reveal toggle and a copy
// action at its trailing edge. Passwords for new accounts use a plain QLineEdit in Password
// mode instead, since they must never be revealed once typed.
class SecretLineEdit : public QLineEdit
{
    Q_OBJECT

public:
    explicit SecretLineEdit(QWidget *parent = nullptr);

    void setRevealed(bool revealed);
    bool isRevealed() const;

    QAction *revealAction() const { return m_reveal; }
    QAction *copyAction() const { return m_copy; }

Q_SIGNALS:
    void copied();

private:
    QAction *m_reveal = nullptr;
    QAction *m_copy = nullptr;
};

} // namespace mcphub
