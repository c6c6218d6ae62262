#include "ui/hubs/hubalertnotifier.h"

#include "models/hubeventmodel.h"
#include "storage/hub/hubeventstore.h"

#include <QApplication>
#include <QSettings>
#include <QSystemTrayIcon>

namespace mcphub {

HubAlertNotifier::HubAlertNotifier(QObject *parent)
    : QObject(parent)
    , m_events(new HubEventModel(this))
{
    m_policy.load(QSettings()); // the thresholds the administrator chose (Alert settings…)
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(tr("MCPHub Admin Console: hub alerts"));
        m_tray->show();
    }
}

Result<void> HubAlertNotifier::setStore(const RepositoryContext &context)
{
    m_store = context;
    return reload();
}

Result<void> HubAlertNotifier::reload()
{
    if (!m_store) {
        recount();
        return {};
    }
    const auto stored = HubEventStore(*m_store).list(HubEventModel::kMaximumRows);
    if (!stored)
        return stored.error();
    QList<HubEventModel::Row> rows;
    rows.reserve(stored->size());
    for (const HubEvent &e : *stored) {
        HubAlert alert;
        alert.kind = HubAlert::kindFromName(e.kind);
        alert.hub = e.hub;
        alert.at = e.at;
        alert.title = e.title;
        alert.message = e.message;
        rows << HubEventModel::Row{alert, e.id, e.acknowledgedAt};
    }
    m_events->setRows(rows);
    recount();
    return {};
}

void HubAlertNotifier::recount()
{
    QHash<QString, int> counts = m_events->unacknowledgedCounts();
    if (m_store) {
        // The list shows the newest rows only; the store counts every one.
        if (const auto stored = HubEventStore(*m_store).unacknowledgedCounts())
            counts = *stored;
        else
            Q_EMIT problem(stored.error().toString());
    }
    if (counts == m_unacknowledged)
        return;
    m_unacknowledged = counts;
    Q_EMIT unacknowledgedChanged();
}

Result<void> HubAlertNotifier::acknowledge(const QList<qint64> &ids)
{
    if (m_store) {
        if (const auto done = HubEventStore(*m_store).acknowledge(ids); !done)
            return done.error();
    }
    m_events->markAcknowledged(ids, QDateTime::currentDateTimeUtc());
    recount();
    return {};
}

Result<void> HubAlertNotifier::acknowledgeAll()
{
    if (m_store) {
        if (const auto done = HubEventStore(*m_store).acknowledgeAll(); !done)
            return done.error();
    }
    m_events->markAllAcknowledged(QDateTime::currentDateTimeUtc());
    recount();
    return {};
}

void HubAlertNotifier::onSample(const QString &hub, const HubSample &sample)
{
    const auto alert = m_policy.consider(hub, sample);
    if (!alert)
        return;
    qint64 id = 0;
    if (m_store && !m_store->readOnly) {
        HubEvent event;
        event.hub = alert->hub;
        event.at = alert->at;
        event.kind = HubAlert::kindName(alert->kind);
        event.state = HubSample::stateName(sample.state);
        event.title = alert->title;
        event.message = alert->message;
        if (const auto recorded = HubEventStore(*m_store).record(event))
            id = *recorded;
        else
            Q_EMIT problem(recorded.error().toString()); // still listed, for this session
    }
    show(*alert, id);
}

void HubAlertNotifier::raise(const HubAlert &alert)
{
    // An alert about no registered hub (replication): listed and notified for this session;
    // hub_events keeps the events of registered hubs only.
    show(alert, 0);
}

void HubAlertNotifier::show(const HubAlert &alert, qint64 id)
{
    m_events->add(alert, id);
    if (m_tray && QSystemTrayIcon::supportsMessages()) {
        m_tray->showMessage(alert.title,
                            alert.message,
                            alert.kind == HubAlert::Kind::Recovered ? QSystemTrayIcon::Information
                                                                    : QSystemTrayIcon::Warning);
    }
    recount();
    Q_EMIT alertRaised(alert);
}

void HubAlertNotifier::onHubRemoved(const QString &hub)
{
    m_policy.forget(hub);
    if (const auto reloaded = reload(); !reloaded)
        Q_EMIT problem(reloaded.error().toString());
}

} // namespace mcphub
