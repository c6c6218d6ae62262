#include "ui/hubs/hubsview.h"

#include "models/hubeventmodel.h"
#include "models/hubhistorymodels.h"
#include "models/hubserverstatusmodel.h"
#include "models/hubtablemodel.h"
#include "storage/hub/hubmonitor.h"
#include "storage/hub/hubpoller.h"
#include "storage/hub/hubregistry.h"
#include "storage/hub/hubsamplestore.h"
#include "storage/secretstore.h"
#include "ui/hubs/hubalertnotifier.h"
#include "ui/hubs/hubalertsettingsdialog.h"
#include "ui/hubs/hubdialog.h"
#include "ui/hubs/huboverviewstrip.h"
#include "ui/hubs/hubstatetimeline.h"
#include "ui/monitoring/timeserieschart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

namespace mcphub {

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}

} // namespace

HubsView::HubsView(HubMonitor *monitor,
                   const SecretStore &secrets,
                   HubAlertNotifier *alerts,
                   QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
    , m_secrets(secrets)
    , m_alerts(alerts)
    , m_hubs(new HubTableModel(this))
    , m_servers(new HubServerStatusModel(this))
    , m_history(new HubHistoryModels(this))
    , m_top(new QStandardItemModel(this))
{
    m_add = new QPushButton(tr("&Add hub…"), this);
    m_add->setObjectName(QStringLiteral("addHub"));
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editHub"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeHub"));
    m_poll = new QPushButton(tr("&Poll now"), this);
    auto *alertSettings = new QPushButton(tr("Alert &settings…"), this);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_add, m_edit, m_remove, m_poll, alertSettings})
        buttons->addWidget(b);
    m_keychainStatus = new QLabel(this);
    m_keychainStatus->setObjectName(QStringLiteral("keychainStatus"));
    m_keychainStatus->hide();
    buttons->addWidget(m_keychainStatus);
    buttons->addStretch();
    connect(m_add, &QPushButton::clicked, this, &HubsView::addHub);
    connect(m_edit, &QPushButton::clicked, this, &HubsView::editHub);
    connect(m_remove, &QPushButton::clicked, this, &HubsView::removeHub);
    connect(m_poll, &QPushButton::clicked, this, &HubsView::pollNow);
    connect(alertSettings, &QPushButton::clicked, this, [this] {
        HubAlertSettingsDialog dialog(&m_alerts->policy(), this);
        dialog.exec();
    });

    m_table = makeTable(m_hubs, this);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table->selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &HubsView::onSelectionChanged);

    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828"));
    m_problem->hide();

    // Charts of the selected hub.
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_timeline = new HubStateTimeline(this);
    m_timeline->setModel(m_history->state());
    auto *chartsPage = new QWidget(this);
    auto *chartsLayout = new QVBoxLayout(chartsPage);
    auto *legend = new QHBoxLayout;
    legend->addWidget(new QLabel(tr("Health timeline (last hour):"), chartsPage));
    for (const HubState s : {HubState::Healthy,
                             HubState::Degraded,
                             HubState::Unhealthy,
                             HubState::Unreachable,
                             HubState::AuthFailed}) {
        auto *swatch = new QLabel(HubSample::stateLabel(s), chartsPage);
        swatch->setStyleSheet(QStringLiteral("color: %1").arg(HubTableModel::stateColor(s).name()));
        legend->addWidget(swatch);
    }
    legend->addStretch();
    chartsLayout->addLayout(legend);
    chartsLayout->addWidget(m_timeline);
    auto *grid = new QGridLayout;
    const QList<QPair<QString, TimeSeriesModel *>> series{
        {tr("Servers connected and disconnected"), m_history->servers()},
        {tr("Tool calls per poll interval"), m_history->calls()},
        {tr("Error rate"), m_history->errorRate()},
        {tr("Latency"), m_history->latency()}};
    for (qsizetype i = 0; i < series.size(); ++i) {
        auto *chart = new TimeSeriesChart(chartsPage);
        chart->setTitle(series.at(i).first);
        chart->setModel(series.at(i).second);
        chart->setMinimumHeight(220);
        grid->addWidget(chart, int(i / 2), int(i % 2));
        m_charts << chart;
    }
    chartsLayout->addLayout(grid, 1);
    // One time range for the four charts: choosing it on one shows it on all.
    for (TimeSeriesChart *chart : std::as_const(m_charts)) {
        connect(chart,
                &TimeSeriesChart::rangeChanged,
                this,
                [this, chart](TimeSeriesChart::Range range, qint64 from, qint64 to) {
                    for (TimeSeriesChart *other : std::as_const(m_charts)) {
                        if (other == chart)
                            continue;
                        const QSignalBlocker block(other);
                        if (range == TimeSeriesChart::Range::Custom)
                            other->setCustomRange(from, to);
                        else if (other->range() != range)
                            other->setRange(range);
                    }
                });
    }
    // The charts keep a readable height; the page scrolls instead of squeezing them.
    auto *chartsScroll = new QScrollArea(this);
    chartsScroll->setWidgetResizable(true);
    chartsScroll->setFrameShape(QFrame::NoFrame);
    chartsScroll->setWidget(chartsPage);

    // Servers and the busiest servers/tools.
    auto *serversPage = new QWidget(this);
    auto *serversLayout = new QHBoxLayout(serversPage);
    auto *serverTable = makeTable(m_servers, serversPage);
    serverTable->setSelectionMode(QAbstractItemView::NoSelection);
    serversLayout->addWidget(serverTable, 3);
    auto *topBox = new QVBoxLayout;
    m_topGroup = new QComboBox(serversPage);
    m_topGroup->addItem(tr("Top servers by calls (24 h)"), int(HubSampleStore::Group::Server));
    m_topGroup->addItem(tr("Top tools by calls (24 h)"), int(HubSampleStore::Group::Tool));
    connect(m_topGroup, &QComboBox::currentIndexChanged, this, &HubsView::refreshTopCalls);
    m_top->setHorizontalHeaderLabels({tr("Name"), tr("Calls"), tr("Errors")});
    m_topSeries = new QHorizontalBarSeries(this);
    auto *chart = new QChart;
    chart->addSeries(m_topSeries);
    m_topAxis = new QBarCategoryAxis(this);
    chart->addAxis(m_topAxis, Qt::AlignLeft);
    auto *values = new QValueAxis(this);
    values->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(values, Qt::AlignBottom);
    m_topSeries->attachAxis(m_topAxis);
    m_topSeries->attachAxis(values);
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_topView = new QChartView(chart, serversPage);
    m_topView->setRenderHint(QPainter::Antialiasing);
    topBox->addWidget(m_topGroup);
    topBox->addWidget(m_topView, 1);
    serversLayout->addLayout(topBox, 2);

    // The events, kept in the workspace, with Acknowledge for the selected ones and for all.
    auto *eventsPage = new QWidget(this);
    auto *eventsLayout = new QVBoxLayout(eventsPage);
    m_eventsView = makeTable(m_alerts->events(), eventsPage);
    m_eventsView->setObjectName(QStringLiteral("hubEvents"));
    m_eventsView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_eventsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_eventsView->horizontalHeader()->setStretchLastSection(true);
    m_acknowledge = new QPushButton(tr("A&cknowledge"), eventsPage);
    m_acknowledge->setObjectName(QStringLiteral("acknowledgeEvents"));
    m_acknowledge->setToolTip(tr("Mark the selected events as seen: they no longer count on "
                                 "the hub's badge."));
    m_acknowledgeAll = new QPushButton(tr("Acknowledge a&ll"), eventsPage);
    m_acknowledgeAll->setObjectName(QStringLiteral("acknowledgeAllEvents"));
    auto *eventButtons = new QHBoxLayout;
    eventButtons->addWidget(m_acknowledge);
    eventButtons->addWidget(m_acknowledgeAll);
    eventButtons->addStretch();
    eventsLayout->addLayout(eventButtons);
    eventsLayout->addWidget(m_eventsView, 1);
    connect(m_acknowledge, &QPushButton::clicked, this, &HubsView::acknowledgeSelectedEvents);
    connect(m_acknowledgeAll, &QPushButton::clicked, this, &HubsView::acknowledgeAllEvents);
    connect(m_eventsView->selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &HubsView::updateEventsTab);
    connect(m_alerts->events(), &QAbstractItemModel::modelReset, this, &HubsView::updateEventsTab);

    m_details = new QTabWidget(this);
    m_details->addTab(chartsScroll, tr("Charts"));
    m_details->addTab(serversPage, tr("Servers and tools"));
    m_eventsTab = m_details->addTab(eventsPage, tr("Events"));

    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_title);
    detailLayout->addWidget(m_details, 1);
    // The hub table shows at least four hubs.
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height()
                              + 4 * m_table->verticalHeader()->defaultSectionSize()
                              + 2 * m_table->frameWidth());
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);

    // Every hub at a glance, above the table and the charts.
    m_overview = new HubOverviewStrip(m_hubs, m_alerts, this);
    connect(m_overview, &HubOverviewStrip::hubClicked, this, &HubsView::selectHub);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_overview);
    layout->addWidget(m_problem);
    layout->addWidget(splitter, 1);

    connect(m_monitor, &HubMonitor::sampleStored, this, &HubsView::onSample);
    connect(m_monitor, &HubMonitor::problem, this, &HubsView::showProblem);
    connect(m_monitor->poller(),
            &HubPoller::budgetWarningChanged,
            m_hubs,
            &HubTableModel::setBudgetWarning);
    connect(m_monitor, &HubMonitor::sampleStored, m_alerts, &HubAlertNotifier::onSample);
    connect(m_alerts, &HubAlertNotifier::problem, this, [this](const QString &message) {
        showProblem({}, message);
    });
    connect(m_alerts, &HubAlertNotifier::unacknowledgedChanged, this, &HubsView::updateEventsTab);
    // The events of earlier sessions, from the workspace the hubs live in.
    if (const auto stored = m_alerts->setStore(m_monitor->context()); !stored)
        showProblem({}, stored.error().toString());
    reload();
    updateEventsTab();
}

void HubsView::updateEventsTab()
{
    int unacknowledged = 0;
    const QHash<QString, int> counts = m_alerts->unacknowledgedCounts();
    for (const int n : counts)
        unacknowledged += n;
    m_details->setTabText(
        m_eventsTab, unacknowledged > 0 ? tr("Events (%1)").arg(unacknowledged) : tr("Events"));
    m_acknowledgeAll->setEnabled(unacknowledged > 0);
    bool selectedNew = false;
    for (const QModelIndex &row : m_eventsView->selectionModel()->selectedRows())
        selectedNew = selectedNew || !row.data(HubEventModel::AcknowledgedRole).toBool();
    m_acknowledge->setEnabled(selectedNew);
}

void HubsView::acknowledgeSelectedEvents()
{
    QList<qint64> ids;
    for (const QModelIndex &row : m_eventsView->selectionModel()->selectedRows()) {
        if (!row.data(HubEventModel::AcknowledgedRole).toBool())
            ids << row.data(HubEventModel::IdRole).toLongLong();
    }
    if (ids.isEmpty())
        return;
    if (const auto done = m_alerts->acknowledge(ids); !done)
        QMessageBox::warning(this, tr("Acknowledge events"), done.error().toString());
    updateEventsTab();
}

void HubsView::acknowledgeAllEvents()
{
    if (const auto done = m_alerts->acknowledgeAll(); !done)
        QMessageBox::warning(this, tr("Acknowledge events"), done.error().toString());
    updateEventsTab();
}

void HubsView::showProblem(const QString &hub, const QString &message)
{
    m_problem->setText(hub.isEmpty() ? message : tr("%1: %2").arg(hub, message));
    m_problem->setVisible(!message.isEmpty());
}

void HubsView::reload()
{
    const RepositoryContext &context = m_monitor->context();
    const auto hubs = HubRepository(context).list();
    if (!hubs) {
        showProblem({}, hubs.error().toString());
        return;
    }
    m_hubs->setHubs(*hubs);
    if (const auto events = m_alerts->reload(); !events)
        showProblem({}, events.error().toString());
    if (const auto latest = HubSampleStore(context).latest()) {
        for (auto it = latest->cbegin(); it != latest->cend(); ++it)
            m_hubs->updateSample(it.key(), it->sample);
    }
    const QString keep = m_selected;
    m_selected.clear();
    if (m_hubs->rowOf(keep) >= 0)
        selectHub(keep);
    else if (m_hubs->rowCount() > 0)
        selectHub(m_hubs->hubAt(0).name);
    else
        onSelectionChanged();
}

void HubsView::selectHub(const QString &name)
{
    const int row = m_hubs->rowOf(name);
    if (row < 0)
        return;
    m_table->selectRow(row);
    onSelectionChanged();
}

void HubsView::onSelectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const QString name = rows.isEmpty() ? QString() : m_hubs->hubAt(rows.first().row()).name;
    m_poll->setEnabled(!name.isEmpty());
    if (name == m_selected) {
        updateButtons();
        return;
    }
    m_selected = name;
    m_overview->setCurrentHub(name);
    updateButtons();
    m_history->clear();
    m_servers->setServers({});
    if (name.isEmpty()) {
        m_title->setText(tr("Add a hub to watch its health and usage."));
        refreshTopCalls();
        return;
    }
    const auto sample = m_hubs->sampleAt(m_hubs->rowOf(name));
    m_title->setText(sample ? tr("%1: %2").arg(name, HubSample::stateLabel(sample->state))
                            : tr("%1: not polled yet").arg(name));
    // A week of history: the charts downsample long ranges themselves.
    const auto stored = HubSampleStore(m_monitor->context())
                            .samples(name, QDateTime::currentDateTimeUtc().addDays(-7));
    if (stored)
        m_history->load(*stored);
    else
        showProblem(name, stored.error().toString());
    if (const auto latest = HubSampleStore(m_monitor->context()).latest(); latest)
        m_servers->setServers(latest->value(name).sample.servers);
    refreshTopCalls();
}

void HubsView::onSample(const QString &hub, const HubSample &sample)
{
    m_hubs->updateSample(hub, sample);
    if (hub != m_selected)
        return;
    m_title->setText(tr("%1: %2").arg(hub, HubSample::stateLabel(sample.state)));
    m_history->append(sample);
    if (!sample.servers.isEmpty())
        m_servers->setServers(sample.servers);
    refreshTopCalls();
}

void HubsView::refreshTopCalls()
{
    m_top->removeRows(0, m_top->rowCount());
    QStringList names;
    if (!m_selected.isEmpty()) {
        const auto group = HubSampleStore::Group(m_topGroup->currentData().toInt());
        const auto top
            = HubSampleStore(m_monitor->context())
                  .topCalls(m_selected, group, QDateTime::currentDateTimeUtc().addDays(-1), 8);
        if (top) {
            // The bar axis lists categories bottom-up: add the busiest last so it is on top.
            for (auto it = top->crbegin(); it != top->crend(); ++it) {
                m_top->appendRow({new QStandardItem(it->name),
                                  new QStandardItem(QString::number(it->calls)),
                                  new QStandardItem(QString::number(it->errors))});
                m_top->item(m_top->rowCount() - 1, 1)->setData(double(it->calls), Qt::DisplayRole);
                m_top->item(m_top->rowCount() - 1, 2)->setData(double(it->errors), Qt::DisplayRole);
                names << it->name;
            }
        }
    }
    // The bars read the model's rows (calls, errors) in one bulk update.
    m_topSeries->clear();
    auto *callSet = new QBarSet(tr("Calls"));
    auto *errorSet = new QBarSet(tr("Errors"));
    double maximum = 1;
    for (int r = 0; r < m_top->rowCount(); ++r) {
        const double c = m_top->item(r, 1)->data(Qt::DisplayRole).toDouble();
        callSet->append(c);
        errorSet->append(m_top->item(r, 2)->data(Qt::DisplayRole).toDouble());
        maximum = qMax(maximum, c);
    }
    m_topSeries->append(callSet);
    m_topSeries->append(errorSet);
    m_topAxis->clear();
    m_topAxis->append(names);
    for (QAbstractAxis *axis : m_topView->chart()->axes(Qt::Horizontal))
        axis->setRange(0, maximum * 1.1);
}

void HubsView::updateButtons()
{
    m_add->setEnabled(!m_keychainPending);
    m_edit->setEnabled(!m_keychainPending && !m_selected.isEmpty());
    m_remove->setEnabled(!m_keychainPending && !m_selected.isEmpty());
}

void HubsView::setKeychainPending(const QString &status)
{
    m_keychainPending = !status.isEmpty();
    m_keychainStatus->setText(status);
    m_keychainStatus->setVisible(m_keychainPending);
    updateButtons();
}

// The registry checks and writes the row before it returns; the keychain's answer (a system
// prompt to unlock it may take minutes) arrives in the callback, which `this` guards: a tab
// closed with its workspace meanwhile is not called.
void HubsView::addHub()
{
    HubDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const HubRecord hub = dialog.hub();
    setKeychainPending(tr("Storing the password of hub %1 in the system keychain…").arg(hub.name));
    HubRegistry(m_monitor->context(), m_secrets)
        .addAsync(hub, dialog.secret(), this, [this, hub](const Result<qint64> &id) {
            setKeychainPending({});
            if (!id) {
                QMessageBox::warning(this, tr("Add hub"), id.error().toString());
                Q_EMIT hubChangeFinished();
                return;
            }
            HubRecord added = hub;
            added.id = *id;
            if (auto watched = m_monitor->watch(added); !watched)
                showProblem(added.name, watched.error().toString());
            reload();
            selectHub(added.name);
            Q_EMIT hubChangeFinished();
        });
}

void HubsView::editHub()
{
    const auto found = HubRepository(m_monitor->context()).find(m_selected);
    if (!found) {
        QMessageBox::warning(this, tr("Edit hub"), found.error().toString());
        return;
    }
    HubDialog dialog(this);
    dialog.setHub(*found);
    dialog.setSecrets(&m_secrets); // Test connection with the stored secret
    if (dialog.exec() != QDialog::Accepted)
        return;
    const HubRecord hub = dialog.hub();
    setKeychainPending(tr("Storing the password of hub %1 in the system keychain…").arg(hub.name));
    HubRegistry(m_monitor->context(), m_secrets)
        .updateAsync(hub, dialog.secret(), this, [this, hub](const Result<void> &saved) {
            setKeychainPending({});
            if (!saved) {
                QMessageBox::warning(this, tr("Edit hub"), saved.error().toString());
                // The row may be saved with the old secret: show it as it is now.
                reload();
                Q_EMIT hubChangeFinished();
                return;
            }
            if (auto watched = m_monitor->watch(hub); !watched)
                showProblem(hub.name, watched.error().toString());
            reload();
            Q_EMIT hubChangeFinished();
        });
}

void HubsView::removeHub()
{
    const QString name = m_selected;
    if (name.isEmpty()
        || QMessageBox::question(this,
                                 tr("Remove hub"),
                                 tr("Remove hub %1 and its samples? Synced tool calls stay in "
                                    "the usage log.")
                                     .arg(name))
               != QMessageBox::Yes)
        return;
    setKeychainPending(tr("Removing the password of hub %1 from the system keychain…").arg(name));
    HubRegistry(m_monitor->context(), m_secrets)
        .removeAsync(name, this, [this, name](const Result<void> &removed, const QString &warning) {
            setKeychainPending({});
            if (!removed) {
                QMessageBox::warning(this, tr("Remove hub"), removed.error().toString());
                Q_EMIT hubChangeFinished();
                return;
            }
            m_monitor->unwatch(name);
            m_alerts->onHubRemoved(name);
            reload();
            if (!warning.isEmpty())
                showProblem(name, warning);
            Q_EMIT hubChangeFinished();
        });
}

void HubsView::pollNow()
{
    if (!m_selected.isEmpty())
        m_monitor->poller()->pollNow(m_selected);
}

} // namespace mcphub
