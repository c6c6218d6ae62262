#pragma once

#include "storage/ownhealth.h"

#include <QLabel>
#include <QTimer>

namespace mcphub {

class SecretStore;

// The console's own health in the status bar: "Own health: OK" or the first failing check,
// with every check in the tooltip. Runs OwnHealth every interval (the first run after a
// short delay, so start-up and --screenshot never wait for the keychain). GUI thread.
class OwnHealthIndicator : public QLabel
{
    Q_OBJECT

public:
    OwnHealthIndicator(QString connectionName,
                       QString where,
                       QString settingsFolder,
                       const SecretStore &secrets,
                       QWidget *parent = nullptr);

    void setIntervalMs(int ms) { m_timer.setInterval(ms); }
    void start(int firstDelayMs = 3000);
    QList<OwnHealthCheck> lastChecks() const { return m_checks; }

public Q_SLOTS:
    void runChecks();
    void showChecks(const QList<mcphub::OwnHealthCheck> &checks);

private:
    QString m_connectionName;
    QString m_where;
    QString m_settingsFolder;
    const SecretStore &m_secrets;
    QTimer m_timer;
    QList<OwnHealthCheck> m_checks;
};

} // namespace mcphub
