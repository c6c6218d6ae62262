#include "ui/replication/replicationpage.h"

#include "storage/sqlconnection.h"
#include "ui/hubs/hubalertnotifier.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

namespace mcphub {

namespace {

constexpr int kRefreshMs = 5000;
constexpr int kCloseWaitMs = 2000;    // closing the page waits this long for a reading
constexpr int kSlowReadingMs = 15000; // a reading this old is said to be waiting

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("—") : text;
}

QString bytesText(const std::optional<qint64> &bytes)
{
    return bytes ? QLocale().toString(*bytes) : QStringLiteral("—");
}

QString secondsText(const std::optional<double> &seconds)
{
    return seconds ? QLocale().toString(*seconds, 'f', 3) : QStringLiteral("—");
}

QString lagText(const std::optional<qint64> &bytes, const std::optional<double> &seconds)
{
    return QCoreApplication::translate("ReplicationPage", "%1 B · %2 s")
        .arg(bytesText(bytes), secondsText(seconds));
}

void setRow(QTableWidget *table, int row, const QStringList &cells)
{
    for (int column = 0; column < cells.size(); ++column) {
        auto *item = new QTableWidgetItem(cells.at(column));
        item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
        table->setItem(row, column, item);
    }
}

QTableWidget *makeTable(QWidget *parent)
{
    auto *table = new QTableWidget(parent);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

ReplicationPage::ReplicationPage(const QString &connectionName,
                                 const QString &where,
                                 const QString &monitorConninfo,
                                 QWidget *parent)
    : QWidget(parent)
    , m_connectionName(connectionName)
    , m_where(where)
    , m_monitor(monitorConninfo)
    , m_summary(new QLabel(this))
    , m_error(new QLabel(this))
    , m_standbys(makeTable(this))
    , m_formationTitle(new QLabel(tr("pg_auto_failover formation"), this))
    , m_formation(makeTable(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_timer(new QTimer(this))
{
    m_summary->setObjectName(QStringLiteral("replicationSummary"));
    m_summary->setText(tr("Reading the replication status…"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setObjectName(QStringLiteral("replicationError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b02a37; }"));
    m_error->hide();
    m_standbys->setObjectName(QStringLiteral("replicationStandbys"));
    m_formation->setObjectName(QStringLiteral("replicationFormation"));
    m_formationTitle->setObjectName(QStringLiteral("replicationFormationTitle"));
    m_formationTitle->setWordWrap(true);
    m_formationTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_formation->setColumnCount(7);
    m_formation->setHorizontalHeaderLabels({tr("Formation/group"),
                                            tr("Node"),
                                            tr("Address"),
                                            tr("Reported state"),
                                            tr("Goal state"),
                                            tr("Reported LSN"),
                                            tr("Health")});
    m_formationTitle->setVisible(!m_monitor.isEmpty());
    m_formation->setVisible(!m_monitor.isEmpty());
    m_refresh->setToolTip(tr("Read the replication status again (it is also read every %n "
                             "second(s) while this page is shown).",
                             nullptr,
                             kRefreshMs / 1000));

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_error);
    layout->addWidget(m_standbys, 2);
    layout->addWidget(m_formationTitle);
    layout->addWidget(m_formation, 1);

    m_policy.load(QSettings());
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &ReplicationPage::refresh);
    connect(m_refresh, &QPushButton::clicked, this, &ReplicationPage::refresh);

    static QAtomicInteger<quint64> pages;
    m_clone = QStringLiteral("replication-page-%1").arg(++pages);
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("replication-reader"));
    m_reader = new ReplicationReader(m_connectionName, m_clone, m_where, m_monitor);
    m_reader->moveToThread(m_thread);
    // QThread::finished is emitted on the reader's thread, after its last reading: the
    // connection is removed where it was made.
    connect(
        m_thread,
        &QThread::finished,
        m_reader,
        [clone = m_clone] { closeSqlConnection(clone); },
        Qt::DirectConnection);
    connect(m_reader, &ReplicationReader::done, this, &ReplicationPage::showReading);
    m_thread->start();
}

ReplicationPage::~ReplicationPage()
{
    m_thread->quit();
    // A reading that does not end soon (a server that accepted the connection and does not
    // answer) is left to end by itself, with its thread and reader, which then delete
    // themselves: closing the page never waits for a server.
    if (m_thread->wait(QDeadlineTimer(kCloseWaitMs))) {
        delete m_reader;
        return;
    }
    m_thread->setParent(nullptr);
    connect(m_thread, &QThread::finished, m_reader, &QObject::deleteLater, Qt::DirectConnection);
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
}

ReplicationReader::ReplicationReader(QString source, QString clone, QString where, QString monitor)
    : m_source(std::move(source))
    , m_clone(std::move(clone))
    , m_where(std::move(where))
    , m_monitor(std::move(monitor))
{}

void ReplicationReader::read()
{
    Q_EMIT done(ReplicationStatus::readClone(m_source, m_clone, m_where, m_monitor));
}

void ReplicationPage::setAlertNotifier(HubAlertNotifier *alerts)
{
    m_alerts = alerts;
}

void ReplicationPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    m_timer->start();
}

void ReplicationPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (!m_alerts) // with alerts, watching goes on in the background
        m_timer->stop();
}

void ReplicationPage::refresh()
{
    if (m_reading) {
        // Said when a reading takes long; it is not started again meanwhile.
        if (m_readingFor.elapsed() >= kSlowReadingMs) {
            m_error->setText(tr("The database server has not answered for %n second(s); the "
                                "reading goes on. Check the server and the network.",
                                nullptr,
                                int(m_readingFor.elapsed() / 1000)));
            m_error->show();
        }
        return;
    }
    m_reading = true;
    m_readingFor.start();
    QMetaObject::invokeMethod(m_reader, &ReplicationReader::read, Qt::QueuedConnection);
}

void ReplicationPage::showReading(const Result<ReplicationStatus> &status)
{
    m_reading = false;
    const bool readBefore = m_last && *m_last; // its summary stays, beside the error
    m_last = status;
    if (!status) {
        if (!readBefore)
            m_summary->setText(tr("The replication status could not be read."));
        m_error->setText(status.error().messageWithRemedy());
        m_error->show();
        Q_EMIT refreshed();
        return;
    }
    m_error->hide();
    switch (status->role) {
    case ReplicationStatus::Role::Embedded:
        m_summary->setText(tr("No replication (embedded database)."));
        m_standbys->clear();
        m_standbys->setRowCount(0);
        m_standbys->setColumnCount(0);
        break;
    case ReplicationStatus::Role::Primary:
        showPrimary(*status);
        break;
    case ReplicationStatus::Role::Standby:
        showStandby(*status);
        Q_EMIT standbyBannerChanged(status->standbyBanner());
        break;
    }
    showFormation(*status);
    if (m_alerts) {
        for (const HubAlert &alert : m_policy.consider(*status))
            m_alerts->raise(alert);
    }
    Q_EMIT refreshed();
}

void ReplicationPage::showPrimary(const ReplicationStatus &status)
{
    m_summary->setText(
        status.standbys.isEmpty()
            ? tr("This server is a primary (WAL at %1). No standby is streaming from it.")
                  .arg(orDash(status.currentLsn))
            : tr("This server is a primary (WAL at %1), read at %2. %n standby(s) streaming from "
                 "it:",
                 nullptr,
                 int(status.standbys.size()))
                  .arg(orDash(status.currentLsn),
                       QLocale().toString(status.readAt.toLocalTime().time())));
    m_standbys->clear();
    // Each lag as bytes behind the primary's WAL position and, from write on, the seconds
    // the server measured.
    const QStringList headers{tr("Standby"),
                              tr("Address"),
                              tr("State"),
                              tr("Sync"),
                              tr("Sent LSN"),
                              tr("Replay LSN"),
                              tr("Sent lag"),
                              tr("Write lag"),
                              tr("Flush lag"),
                              tr("Replay lag")};
    m_standbys->setColumnCount(int(headers.size()));
    m_standbys->setHorizontalHeaderLabels(headers);
    m_standbys->setRowCount(int(status.standbys.size()));
    for (int row = 0; row < status.standbys.size(); ++row) {
        const StandbyLink &s = status.standbys.at(row);
        setRow(m_standbys,
               row,
               {orDash(s.applicationName),
                orDash(s.clientAddress),
                orDash(s.state),
                orDash(s.syncState),
                orDash(s.sentLsn),
                orDash(s.replayLsn),
                tr("%1 B").arg(bytesText(s.sentLagBytes)),
                lagText(s.writeLagBytes, s.writeLagSeconds),
                lagText(s.flushLagBytes, s.flushLagSeconds),
                lagText(s.replayLagBytes, s.replayLagSeconds)});
    }
    m_standbys->resizeColumnsToContents();
}

void ReplicationPage::showStandby(const ReplicationStatus &status)
{
    m_summary->setText(tr("This server is a standby (in recovery) of %1: it is open read-only.")
                           .arg(status.primaryAddress()));
    m_standbys->clear();
    m_standbys->setColumnCount(2);
    m_standbys->setHorizontalHeaderLabels({tr("Property"), tr("Value")});
    const QList<QStringList> rows{
        {tr("In recovery"), tr("yes")},
        {tr("Primary"), status.primaryAddress()},
        {tr("WAL receiver"), orDash(status.receiverStatus)},
        {tr("Received up to"), orDash(status.receiveLsn)},
        {tr("Replayed up to"), orDash(status.replayLsn)},
        {tr("Last replayed transaction"),
         status.lastReplayAt.isValid()
             ? QLocale().toString(status.lastReplayAt.toLocalTime(), QLocale::ShortFormat)
             : tr("none yet")},
        {tr("Replay lag"), lagText(status.replayLagBytes, status.replayLagSeconds)},
    };
    m_standbys->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row)
        setRow(m_standbys, row, rows.at(row));
    m_standbys->resizeColumnsToContents();
}

void ReplicationPage::showFormation(const ReplicationStatus &status)
{
    m_formationTitle->setVisible(status.monitorNamed);
    m_formation->setVisible(status.monitorNamed);
    if (!status.monitorNamed)
        return;
    m_formationTitle->setText(status.monitorError.isEmpty()
                                  ? tr("pg_auto_failover formation")
                                  : tr("pg_auto_failover formation: %1").arg(status.monitorError));
    m_formation->setRowCount(int(status.formation.size()));
    for (int row = 0; row < status.formation.size(); ++row) {
        const FormationNode &n = status.formation.at(row);
        const QString health = n.health == 1   ? tr("healthy")
                               : n.health == 0 ? tr("unhealthy")
                                               : tr("unknown");
        setRow(m_formation,
               row,
               {QStringLiteral("%1/%2").arg(n.formation, QString::number(n.groupId)),
                n.name,
                QStringLiteral("%1:%2").arg(n.host, QString::number(n.port)),
                n.reportedState,
                n.goalState,
                orDash(n.reportedLsn),
                health});
    }
    m_formation->resizeColumnsToContents();
}

} // namespace mcphub
