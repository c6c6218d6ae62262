#include "ui/main/preferencesdialog.h"

#include "storage/passwordhasher.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mcphub {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    m_language = new QComboBox;
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("The system's language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_cost = new QSpinBox;
    m_cost->setObjectName(QStringLiteral("bcryptCost"));
    m_cost->setRange(PasswordHasher::kMinCost, PasswordHasher::kMaxCost);
    m_cost->setToolTip(tr("Each step doubles the time to check a password. MCPHub uses 10."));
    m_backups = new QSpinBox;
    m_backups->setObjectName(QStringLiteral("backupsKept"));
    m_backups->setRange(0, 1000);
    m_backups->setSpecialValueText(tr("none"));
    m_backups->setToolTip(tr("How many backups of a settings file the console keeps beside it "
                             "when it saves the file (the newest ones)."));
    m_poll = new QSpinBox;
    m_poll->setObjectName(QStringLiteral("hubPollSeconds"));
    m_poll->setRange(1, 86'400);
    m_poll->setSuffix(tr(" s"));
    m_poll->setToolTip(tr("How often a newly added hub is asked for its state."));
    m_reopen = new QCheckBox(tr("Open the last workspace and area at start"));
    m_reopen->setObjectName(QStringLiteral("reopenLastWorkspace"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    auto *languageNote = new QLabel(tr("A new language is used from the next start."));
    languageNote->setWordWrap(true);
    form->addRow(QString(), languageNote);
    form->addRow(tr("&bcrypt cost of new passwords:"), m_cost);
    form->addRow(tr("Bac&kups kept per settings file:"), m_backups);
    form->addRow(tr("&Poll interval of a new hub:"), m_poll);
    form->addRow(QString(), m_reopen);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setPreferences(ConsolePreferences::load());
}

ConsolePreferences PreferencesDialog::preferences() const
{
    ConsolePreferences p;
    p.language = m_language->currentData().toString();
    p.bcryptCost = m_cost->value();
    p.backupsKept = m_backups->value();
    p.hubPollSeconds = m_poll->value();
    p.reopenLastWorkspace = m_reopen->isChecked();
    return p;
}

void PreferencesDialog::setPreferences(const ConsolePreferences &p)
{
    m_language->setCurrentIndex(std::max(0, m_language->findData(p.language)));
    m_cost->setValue(p.bcryptCost);
    m_backups->setValue(p.backupsKept);
    m_poll->setValue(p.hubPollSeconds);
    m_reopen->setChecked(p.reopenLastWorkspace);
}

void PreferencesDialog::accept()
{
    const ConsolePreferences p = preferences();
    p.save();
    p.apply();
    QDialog::accept();
}

} // namespace mcphub
