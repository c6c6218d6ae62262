#pragma once

#include "storage/ownhealth.h"
#include "storage/secretstore.h"

#include <QList>
#include <QObject>
#include <QString>

class QThread;

namespace mcphub {

// Runs the checks of OwnHealth::runAll without blocking or re-entering the thread that asks
// (the console's GUI thread only starts a run and receives checksReady): the database, the
// settings folder and the memory on a worker thread, the database check on the worker's own
// connection (a clone of `connectionName`, opened for the run and closed after it); the
// keychain probe by SecretStore::readAsync on this thread (QtKeychain's D-Bus backends belong
// to the thread that first used them, so never on a worker). One run at a time; start() while
// one is running does nothing. Destroying the object waits for the worker to end.
class OwnHealthRunner : public QObject
{
    Q_OBJECT

public:
    OwnHealthRunner(QString connectionName,
                    QString where,
                    QString settingsFolder,
                    SecretStore secrets,
                    QObject *parent = nullptr);
    ~OwnHealthRunner() override;

    // Issue 16: the workspace profile's Redis (checked when not empty) and the replication
    // lag thresholds (checked on PostgreSQL); for the next start().
    void setRedisUrl(const QString &url) { m_redisUrl = url; }
    void setLagThresholds(const ReplicationLagThresholds &t) { m_thresholds = t; }

    void start();
    bool isRunning() const { return m_pending > 0; }

Q_SIGNALS:
    void checksReady(const QList<mcphub::OwnHealthCheck> &checks);

private:
    QString m_connectionName;
    QString m_where;
    QString m_settingsFolder;
    SecretStore m_secrets;
    QString m_redisUrl;
    ReplicationLagThresholds m_thresholds = ReplicationLagThresholds::fromConsoleSettings();
    void partDone();

    QThread *m_thread = nullptr;
    int m_pending = 0; // parts of the run still to come: the worker's and the keychain's
    QList<OwnHealthCheck> m_workerChecks;
    OwnHealthCheck m_keychain;
};

} // namespace mcphub
