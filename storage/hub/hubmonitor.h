#pragma once

#include "storage/db/repositorycontext.h"
#include "storage/error.h"
#include "storage/hub/hubrepository.h"
#include "storage/hub/hubsample.h"
#include "storage/result.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace mcphub {

class HubPoller;
class SecretStore;

// Ties the poller to the workspace: watches the enabled hubs of the registry (secrets read
// from the keychain, activity cursors restored), stores every sample and every new activity
// row as they arrive, and ages old samples once in a while. What the console and
// "hubs poll" run. Same thread as the workspace connection; all I/O is asynchronous, the
// keychain reads of start()/watch() included (a hub is polled once its secret arrived; a
// secret that cannot be read is reported by problem()).
class HubMonitor : public QObject
{
    Q_OBJECT

public:
    HubMonitor(RepositoryContext context,
               const SecretStore &secrets,
               HubPoller *poller = nullptr, // owned by the caller when given
               QObject *parent = nullptr);
    ~HubMonitor() override;

    // Watches every enabled hub of the registry; returns how many.
    Result<int> start();
    // Starts (or restarts, after an edit) watching one hub; a disabled hub is unwatched. A hub
    // with a secret starts once the keychain answered; an error then comes by problem().
    Result<void> watch(const HubRecord &hub);
    void unwatch(const QString &name);

    HubPoller *poller() const { return m_poller; }
    const RepositoryContext &context() const { return m_context; }
    void setCompactionIntervalMs(int ms) { m_compaction.setInterval(ms); }

Q_SIGNALS:
    void sampleStored(const QString &hub, const mcphub::HubSample &sample);
    void activitiesStored(const QString &hub, int newRows);
    // Storing failed, or a hub's secret could not be read: translated, names the place.
    void problem(const QString &hub, const QString &message);

private:
    void onSample(const QString &hub, const HubSample &sample);
    void onActivities(const QString &hub, const QList<ActivityRecord> &records);
    void compact();
    void addWatch(const HubRecord &hub, const HubEndpoint &endpoint);

    RepositoryContext m_context;
    const SecretStore &m_secrets;
    HubPoller *m_poller;
    QTimer m_compaction;
    QHash<QString, quint64> m_generations; // per hub: which watch() a secret read belongs to
};

} // namespace mcphub
