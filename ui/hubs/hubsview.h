#pragma once

#include <QWidget>

class QChartView;
class QComboBox;
class QHorizontalBarSeries;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTabWidget;
class QTableView;
class QBarCategoryAxis;

namespace mcphub {

class HubAlertNotifier;
class HubHistoryModels;
class HubMonitor;
class HubOverviewStrip;
class HubServerStatusModel;
class HubStateTimeline;
class HubTableModel;
class SecretStore;
class TimeSeriesChart;
struct HubSample;

// The Hubs tab: the registered hubs with their state (add, edit, remove, poll now) and, for
// the selected hub, its health timeline, servers connected vs disconnected, tool calls per
// interval, error rate and latency charts, the top servers and tools by calls, the status of
// each of its servers, and the alert event list. Above them, an overview strip with a tile per
// hub (state and unacknowledged events; a click selects the hub). Events are kept in the
// workspace (HubAlertNotifier::setStore) and acknowledged in the Events tab. Reads the registry and
// the sample store, follows the monitor's samples; the monitor's poller never blocks this (GUI)
// thread, and neither does the keychain: while a hub's secret is being stored or removed, the tab
// says so and Add, Edit and Remove wait for the answer.
class HubsView : public QWidget
{
    Q_OBJECT

public:
    HubsView(HubMonitor *monitor,
             const SecretStore &secrets,
             HubAlertNotifier *alerts,
             QWidget *parent = nullptr);

    void reload();                       // the registry and the latest stored samples
    void selectHub(const QString &name); // and load its history
    QString selectedHub() const { return m_selected; }

    HubTableModel *hubsModel() const { return m_hubs; }
    HubServerStatusModel *serversModel() const { return m_servers; }
    HubHistoryModels *history() const { return m_history; }
    QList<TimeSeriesChart *> charts() const { return m_charts; }
    QStandardItemModel *topCallsModel() const { return m_top; }
    QTabWidget *details() const { return m_details; }
    HubOverviewStrip *overview() const { return m_overview; }
    QTableView *eventsView() const { return m_eventsView; }
    // Acknowledges the events selected in the Events tab, or all of them; a failure is shown.
    void acknowledgeSelectedEvents();
    void acknowledgeAllEvents();
    // True while the keychain has not answered an add, edit or remove.
    bool keychainPending() const { return m_keychainPending; }

Q_SIGNALS:
    // An add, edit or remove finished (the keychain answered, or was not needed).
    void hubChangeFinished();

private:
    void onSample(const QString &hub, const HubSample &sample);
    void onSelectionChanged();
    void refreshTopCalls();
    void showProblem(const QString &hub, const QString &message);
    void addHub();
    void editHub();
    void removeHub();
    void pollNow();
    void setKeychainPending(const QString &status); // empty: the keychain answered
    void updateButtons();
    void updateEventsTab();

    HubMonitor *m_monitor;
    const SecretStore &m_secrets;
    HubAlertNotifier *m_alerts;
    HubTableModel *m_hubs;
    HubServerStatusModel *m_servers;
    HubHistoryModels *m_history;
    QStandardItemModel *m_top;
    QString m_selected;

    bool m_keychainPending = false;

    QTableView *m_table = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_poll = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_keychainStatus = nullptr;
    QTabWidget *m_details = nullptr;
    HubOverviewStrip *m_overview = nullptr;
    QTableView *m_eventsView = nullptr;
    QPushButton *m_acknowledge = nullptr;
    QPushButton *m_acknowledgeAll = nullptr;
    int m_eventsTab = -1;
    HubStateTimeline *m_timeline = nullptr;
    QList<TimeSeriesChart *> m_charts;
    QComboBox *m_topGroup = nullptr;
    QChartView *m_topView = nullptr;
    QHorizontalBarSeries *m_topSeries = nullptr;
    QBarCategoryAxis *m_topAxis = nullptr;
};

} // namespace mcphub
