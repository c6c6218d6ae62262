#pragma once

#include "models/replicationalertpolicy.h"
#include "storage/db/replicationstatus.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;
class QThread;
class QTimer;

namespace mcphub {

class HubAlertNotifier;

// The Replication page's readings, on the page's reader thread (where it lives): read()
// reads the status on its own connection `clone` (a clone of the workspace's `source`, kept
// open between readings; cloned again after a failure) and the monitor's formation, and
// emits done() with it.
class ReplicationReader : public QObject
{
    Q_OBJECT

public:
    ReplicationReader(QString source, QString clone, QString where, QString monitor);
    void read();

Q_SIGNALS:
    void done(const mcphub::Result<mcphub::ReplicationStatus> &status);

private:
    QString m_source;
    QString m_clone;
    QString m_where;
    QString m_monitor;
};

// The Replication area of a PostgreSQL workspace: on a primary a table of its standbys
// (state, LSNs, lag in bytes and seconds), on a standby its own replay state and the primary
// it follows, and the nodes of a pg_auto_failover formation when the profile names its
// monitor. Read with ReplicationStatus (read-only queries) when shown, on Refresh and every
// few seconds while visible; a lag over the threshold or a standby gone raises an alert
// through the console's alert notifier. GUI thread; the readings run on a thread of the
// page's own, on its own connection (a clone of the workspace's, kept open between readings),
// so that a server or monitor that does not answer (up to its connect_timeout) never blocks
// the window.
class ReplicationPage : public QWidget
{
    Q_OBJECT

public:
    ReplicationPage(const QString &connectionName,
                    const QString &where,
                    const QString &monitorConninfo,
                    QWidget *parent = nullptr);
    // Waits a moment (2 s) for a reading under way, then leaves it to end by itself.
    ~ReplicationPage() override;

    // Starts reading the status again, unless a reading is under way (one under way for 15 s
    // or more is said to be waiting); when it is done it is shown, alerts are raised and
    // refreshed() is emitted.
    void refresh();
    bool isReading() const { return m_reading; }
    // The reading shown last (or its error); none before the first.
    const std::optional<Result<ReplicationStatus>> &lastReading() const { return m_last; }

    QTableWidget *standbyTable() const { return m_standbys; }
    QTableWidget *formationTable() const { return m_formation; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *refreshButton() const { return m_refresh; }
    QTimer *timer() const { return m_timer; }
    // Where alerts go (the session's notifier); none: no alerts.
    void setAlertNotifier(HubAlertNotifier *alerts);
    ReplicationAlertPolicy &alertPolicy() { return m_policy; }

Q_SIGNALS:
    void refreshed();
    // A standby's banner as of this reading ("Standby of HOST:PORT — replay lag N s").
    void standbyBannerChanged(const QString &banner);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void showReading(const Result<ReplicationStatus> &status);
    void showPrimary(const ReplicationStatus &status);
    void showStandby(const ReplicationStatus &status);
    void showFormation(const ReplicationStatus &status);

    QString m_connectionName;
    QString m_where;
    QString m_monitor;
    QLabel *m_summary;
    QLabel *m_error;
    QTableWidget *m_standbys;
    QLabel *m_formationTitle;
    QTableWidget *m_formation;
    QPushButton *m_refresh;
    QTimer *m_timer;
    QPointer<HubAlertNotifier> m_alerts;
    ReplicationAlertPolicy m_policy;
    QThread *m_thread;
    ReplicationReader *m_reader; // lives on m_thread: the readings run there
    QString m_clone;             // the reader's connection
    bool m_reading = false;
    QElapsedTimer m_readingFor;
    std::optional<Result<ReplicationStatus>> m_last;
};

} // namespace mcphub
