#pragma once

#include "storage/db/workspace.h"
#include "storage/live/changefeed.h"

#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <memory>

namespace mcphub {

class ChangeListener;
class OutboxDeliverer;
class RedisSubscriber;
class WorkspaceViews;

// Issue 16: the changes other consoles commit to this workspace's database show up here
// within a second. Hears PostgreSQL NOTIFY mcphub_admin_changes and, with a Redis in the
// profile, config:update (and delivers this console's change outbox to it); gathers the
// notices of 50 ms and has the views merge the tables they name (WorkspaceViews::
// refreshAfterChange: rows with pending edits keep them, with a conflict marker). On its own
// connection (a clone of the workspace's), on the GUI thread.
class LiveRefresh : public QObject
{
    Q_OBJECT

public:
    LiveRefresh(const Workspace &workspace, WorkspaceViews *views, QObject *parent = nullptr);
    ~LiveRefresh() override;

    bool isListening() const { return m_listener != nullptr; }

Q_SIGNALS:
    // After the views merged `tables`; `conflicts` rows with edits changed meanwhile.
    void refreshed(const QStringList &tables, int conflicts);

private:
    void heard(const ChangeNotice &notice);
    void refreshNow();

    WorkspaceViews *m_views;
    QString m_connectionName; // the clone; empty when none could be opened
    std::unique_ptr<ChangeListener> m_listener;
    std::unique_ptr<RedisSubscriber> m_subscriber;
    std::unique_ptr<OutboxDeliverer> m_deliverer;
    QSet<QString> m_tables;
    QStringList m_recentIds; // a change heard both ways is merged once
    QTimer m_gather;
};

} // namespace mcphub
