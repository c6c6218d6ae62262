#pragma once

#include "storage/ownhealth.h"
#include "storage/secretstore.h"

#include <QList>
#include <QObject>
#include <QString>

class QThread;

namespace mcphub {

// Runs OwnHealth::runAll on a worker thread, so that the keychain probe (which waits for the
// keychain in a local event loop, up to its timeout) and the database round trip never block
// or re-enter the thread that asks: the console's GUI thread only starts a run and receives
// checksReady. The database check runs on the worker's own connection, a clone of
// `connectionName` opened for the run and closed after it. One run at a time; start() while
// one is running does nothing. The object lives on the thread that created it; destroying it
// waits for a running check to end.
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

    void start();
    bool isRunning() const { return m_thread != nullptr; }

Q_SIGNALS:
    void checksReady(const QList<mcphub::OwnHealthCheck> &checks);

private:
    QString m_connectionName;
    QString m_where;
    QString m_settingsFolder;
    SecretStore m_secrets;
    QThread *m_thread = nullptr;
};

} // namespace mcphub
