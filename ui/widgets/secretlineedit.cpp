#include "ui/widgets/secretlineedit.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QStyle>

namespace mcphub {

SecretLineEdit::SecretLineEdit(QWidget *parent)
    : QLineEdit(parent)
{
    setEchoMode(QLineEdit::Password);
    m_reveal
        = addAction(style()->standardIcon(QStyle::SP_DialogYesButton), QLineEdit::TrailingPosition);
    m_reveal->setCheckable(true);
    m_reveal->setText(tr("Show"));
    m_reveal->setToolTip(tr("Show or hide the secret"));
    connect(m_reveal, &QAction::toggled, this, &SecretLineEdit::setRevealed);

    m_copy = addAction(style()->standardIcon(QStyle::SP_FileDialogDetailedView),
                       QLineEdit::TrailingPosition);
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the secret to the clipboard"));
    connect(m_copy, &QAction::triggered, this, [this] {
        QGuiApplication::clipboard()->setText(text());
        Q_EMIT copied();
    });
}

void SecretLineEdit::setRevealed(bool revealed)
{
    setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    if (m_reveal->isChecked() != revealed)
        m_reveal->setChecked(revealed);
}

bool SecretLineEdit::isRevealed() const
{
    return echoMode() == QLineEdit::Normal;
}

} // namespace mcphub
