#pragma once

#include "storage/ownhealth.h"
#include "storage/ownhealthrunner.h"

#include <QLabel>
#include <QTimer>

namespace mcphub {

class SecretStore;

// The console's own health in the status bar: "Own health: OK" or the first failing check,
// with every check in the tooltip. Runs OwnHealth every interval (the first run after a
// short delay) on a worker thread (OwnHealthRunner): the keychain probe and the database
// round trip never block this (GUI) thread nor run a nested event loop on it; the result
// arrives by signal and is shown then.
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

    OwnHealthRunner *runner() const { return m_runner; }

public Q_SLOTS:
    // Starts a run off this thread and returns at once; showChecks follows when it ends.
    void runChecks();
    void showChecks(const QList<mcphub::OwnHealthCheck> &checks);

private:
    OwnHealthRunner *m_runner;
    QTimer m_timer;
    QList<OwnHealthCheck> m_checks;
};

} // namespace mcphub
