#pragma once

#include "models/hubalertpolicy.h"

#include <QObject>

class QSystemTrayIcon;

namespace mcphub {

class HubEventModel;

// Turns hub samples into alerts (HubAlertPolicy: state worse, error rate above the threshold,
// recovery; repeats rate-limited), lists each in a HubEventModel and shows it as a desktop
// notification when the platform has a system tray. GUI thread.
class HubAlertNotifier : public QObject
{
    Q_OBJECT

public:
    explicit HubAlertNotifier(QObject *parent = nullptr);

    HubEventModel *events() const { return m_events; }
    HubAlertPolicy &policy() { return m_policy; }
    bool hasTray() const { return m_tray != nullptr; }

public Q_SLOTS:
    void onSample(const QString &hub, const mcphub::HubSample &sample);
    void onHubRemoved(const QString &hub);
    // An alert decided elsewhere (replication: ReplicationAlertPolicy), listed and shown
    // like the hubs' own.
    void raise(const mcphub::HubAlert &alert);

Q_SIGNALS:
    void alertRaised(const mcphub::HubAlert &alert);

private:
    HubAlertPolicy m_policy;
    HubEventModel *m_events;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace mcphub
