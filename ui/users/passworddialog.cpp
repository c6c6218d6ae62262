#include "ui/users/passworddialog.h"

#include "storage/passwordhasher.h"
#include "storage/passwordpolicy.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

namespace mcphub {

namespace {
const QString kCostKey = QStringLiteral("users/bcryptCost");
}

PasswordDialog::PasswordDialog(const QString &username, QWidget *parent)
    : QDialog(parent)
    , m_password(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_cost(new QSpinBox(this))
    , m_warning(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Set the password of %1").arg(username));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_cost->setRange(PasswordHasher::kMinCost, PasswordHasher::kMaxCost);
    m_cost->setValue(QSettings().value(kCostKey, PasswordHasher::kDefaultCost).toInt());
    m_cost->setToolTip(tr("bcrypt cost: each step doubles the time to check a password. "
                          "MCPHub uses 10."));
    m_warning->setWordWrap(true);
    m_warning->setObjectName(QStringLiteral("warning"));
    // Wide enough for a warning of a few lines (English or Chinese), never clipped: check()
    // grows the dialog to the height the wrapped text needs.
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);

    auto *form = new QFormLayout(this);
    form->addRow(tr("New password:"), m_password);
    form->addRow(tr("Repeat:"), m_repeat);
    form->addRow(tr("bcrypt cost:"), m_cost);
    form->addRow(m_warning);
    form->addRow(m_buttons);

    connect(m_password, &QLineEdit::textChanged, this, &PasswordDialog::check);
    connect(m_repeat, &QLineEdit::textChanged, this, &PasswordDialog::check);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        QSettings().setValue(kCostKey, m_cost->value());
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    check();
}

QString PasswordDialog::password() const
{
    return m_password->text();
}

int PasswordDialog::cost() const
{
    return m_cost->value();
}

void PasswordDialog::check()
{
    const QString password = m_password->text();
    QStringList lines;
    bool ok = !password.isEmpty();
    if (password != m_repeat->text()) {
        lines << tr("The two passwords differ.");
        ok = false;
    }
    const QStringList problems = PasswordPolicy::problems(password);
    if (!password.isEmpty() && !problems.isEmpty()) {
        lines << tr("Warning: MCPHub's own forms would refuse this password:") + QLatin1Char(' ')
                     + problems.join(QLatin1Char(' '));
    }
    m_warning->setText(lines.join(QLatin1Char('\n')));
    // A form layout does not grow its window for a label that wraps onto more lines: it is
    // clipped unless the window is given the height the layout needs at its width.
    if (isVisible() && layout()->hasHeightForWidth()) {
        const int needed = layout()->totalHeightForWidth(width());
        if (needed > height())
            resize(width(), needed);
        setMinimumHeight(needed);
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

} // namespace mcphub
