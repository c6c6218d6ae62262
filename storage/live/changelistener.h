#pragma once

#include "storage/live/changefeed.h"

#include <QObject>
#include <QSqlDriver>
#include <QString>
#include <QVariant>

namespace mcphub {

// Hears the changes other consoles commit to the same PostgreSQL database: LISTEN
// mcphub_admin_changes on the named connection (QSqlDriver::subscribeToNotification; give it
// a connection of its own, not one that runs long transactions). Own notices (this
// process's instance id) come as ownChange, the others as changed; a payload that is
// malformed or of an unknown version is logged and reported as rejected, never more. On the
// connection's thread; notices arrive through its event loop.
class ChangeListener : public QObject
{
    Q_OBJECT
public:
    explicit ChangeListener(QString connectionName, QObject *parent = nullptr);
    ~ChangeListener() override;

    // LISTEN; false (with the reason in `error`) when the driver cannot (SQLite).
    bool start(QString *error = nullptr);
    void stop();

Q_SIGNALS:
    void changed(const mcphub::ChangeNotice &notice);
    void ownChange(const mcphub::ChangeNotice &notice);
    void rejected(const QString &why);

private:
    void onNotification(const QString &name,
                        QSqlDriver::NotificationSource source,
                        const QVariant &payload);

    QString m_connectionName;
    bool m_listening = false;
};

} // namespace mcphub
