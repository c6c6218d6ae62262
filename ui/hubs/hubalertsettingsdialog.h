#pragma once

#include <QDialog>

class QSpinBox;

namespace mcphub {

class HubAlertPolicy;

// Lets the administrator set when hub alerts are raised: the tool-call error rate above which
// a hub alerts, the fewest calls in a poll for the rate to count, and the quiet period before
// the same alert is raised again. accept() applies them to the policy and keeps them in the
// console's settings.
class HubAlertSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit HubAlertSettingsDialog(HubAlertPolicy *policy, QWidget *parent = nullptr);

    void accept() override;

private:
    HubAlertPolicy *m_policy;
    QSpinBox *m_errorRate;
    QSpinBox *m_minimumCalls;
    QSpinBox *m_quietMinutes;
};

} // namespace mcphub
