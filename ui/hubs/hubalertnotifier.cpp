#include "ui/hubs/hubalertnotifier.h"

#include "models/hubeventmodel.h"

#include <QApplication>
#include <QSettings>
#include <QSystemTrayIcon>

namespace mcphub {

HubAlertNotifier::HubAlertNotifier(QObject *parent)
    : QObject(parent)
    , m_events(new HubEventModel(this))
{
    m_policy.load(QSettings()); // the thresholds the administrator chose (Alert settings…)
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(tr("MCPHub Admin Console: hub alerts"));
        m_tray->show();
    }
}

void HubAlertNotifier::onSample(const QString &hub, const HubSample &sample)
{
    const auto alert = m_policy.consider(hub, sample);
    if (!alert)
        return;
    raise(*alert);
}

void HubAlertNotifier::raise(const HubAlert &alert)
{
    m_events->add(alert);
    if (m_tray && QSystemTrayIcon::supportsMessages()) {
        m_tray->showMessage(alert.title,
                            alert.message,
                            alert.kind == HubAlert::Kind::Recovered ? QSystemTrayIcon::Information
                                                                    : QSystemTrayIcon::Warning);
    }
    Q_EMIT alertRaised(alert);
}

void HubAlertNotifier::onHubRemoved(const QString &hub)
{
    m_policy.forget(hub);
}

} // namespace mcphub
