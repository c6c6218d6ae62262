#include "ui/hubs/hubalertsettingsdialog.h"

#include "models/hubalertpolicy.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mcphub {

HubAlertSettingsDialog::HubAlertSettingsDialog(HubAlertPolicy *policy, QWidget *parent)
    : QDialog(parent)
    , m_policy(policy)
    , m_errorRate(new QSpinBox(this))
    , m_minimumCalls(new QSpinBox(this))
    , m_quietMinutes(new QSpinBox(this))
{
    setWindowTitle(tr("Hub alert settings"));
    m_errorRate->setObjectName(QStringLiteral("errorRate"));
    m_minimumCalls->setObjectName(QStringLiteral("minimumCalls"));
    m_quietMinutes->setObjectName(QStringLiteral("quietMinutes"));
    m_errorRate->setRange(1, 100);
    m_errorRate->setSuffix(tr(" %"));
    m_errorRate->setValue(qRound(100 * policy->errorRateThreshold()));
    m_minimumCalls->setRange(1, 100000);
    m_minimumCalls->setValue(policy->minimumCalls());
    m_quietMinutes->setRange(0, 24 * 60);
    m_quietMinutes->setSuffix(tr(" min"));
    m_quietMinutes->setValue(int(policy->quietPeriodMs() / 60000));

    auto *intro
        = new QLabel(tr("A hub raises an alert when its state gets worse, when it recovers, "
                        "and when the share of failed tool calls since its previous poll "
                        "is above the threshold."),
                     this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Error rate above:"), m_errorRate);
    form->addRow(tr("&Fewest calls in a poll to count:"), m_minimumCalls);
    form->addRow(tr("&Repeat an alert after:"), m_quietMinutes);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &HubAlertSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &HubAlertSettingsDialog::reject);
    setMinimumWidth(460); // the explanation wraps into a readable block, not a column
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void HubAlertSettingsDialog::accept()
{
    m_policy->setErrorRateThreshold(m_errorRate->value() / 100.0);
    m_policy->setMinimumCalls(m_minimumCalls->value());
    m_policy->setQuietPeriodMs(qint64(m_quietMinutes->value()) * 60000);
    QSettings settings;
    m_policy->save(settings);
    QDialog::accept();
}

} // namespace mcphub
