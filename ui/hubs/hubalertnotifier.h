#pragma once

#include "models/hubalertpolicy.h"
#include "storage/db/repositorycontext.h"
#include "storage/result.h"

#include <QHash>
#include <QObject>

#include <optional>

class QSystemTrayIcon;

namespace mcphub {

class HubEventModel;

// Turns hub samples into alerts (HubAlertPolicy: state worse, error rate above the threshold,
// recovery; repeats rate-limited), lists each in a HubEventModel and shows it as a desktop
// notification when the platform has a system tray. With a store (setStore) the events are
// kept in the workspace's hub_events (HubEventStore), so they survive a restart, and can be
// acknowledged; the unacknowledged ones are counted per hub (the Hubs page's badges).
// Without one (a read-only workspace keeps new ones in memory) they last as long as the
// notifier. GUI thread; the store's connection belongs to this thread.
class HubAlertNotifier : public QObject
{
    Q_OBJECT

public:
    explicit HubAlertNotifier(QObject *parent = nullptr);

    HubEventModel *events() const { return m_events; }
    HubAlertPolicy &policy() { return m_policy; }
    bool hasTray() const { return m_tray != nullptr; }

    // Keeps the events in `context`'s workspace from now on and lists those stored there.
    Result<void> setStore(const RepositoryContext &context);
    // Re-reads the stored events (a hub removed, another console acknowledged).
    Result<void> reload();

    // Unacknowledged events of `hub`, of every hub.
    int unacknowledged(const QString &hub) const { return m_unacknowledged.value(hub); }
    QHash<QString, int> unacknowledgedCounts() const { return m_unacknowledged; }
    // Acknowledges the events with these ids (HubEventModel::IdRole), or all of them.
    Result<void> acknowledge(const QList<qint64> &ids);
    Result<void> acknowledgeAll();

public Q_SLOTS:
    void onSample(const QString &hub, const mcphub::HubSample &sample);
    void onHubRemoved(const QString &hub);
    // An alert decided elsewhere (replication: ReplicationAlertPolicy), listed and shown
    // like the hubs' own.
    void raise(const mcphub::HubAlert &alert);

Q_SIGNALS:
    void alertRaised(const mcphub::HubAlert &alert);
    void unacknowledgedChanged();
    void problem(const QString &message); // the event store failed (translated)

private:
    void recount();
    void show(const HubAlert &alert, qint64 id); // listed (id: its hub_events row, or 0), notified

    HubAlertPolicy m_policy;
    HubEventModel *m_events;
    QSystemTrayIcon *m_tray = nullptr;
    std::optional<RepositoryContext> m_store;
    QHash<QString, int> m_unacknowledged;
};

} // namespace mcphub
