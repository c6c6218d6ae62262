#include "storage/live/changelistener.h"

#include "storage/logging.h"

#include <QSqlDatabase>
#include <QSqlError>

namespace mcphub {

ChangeListener::ChangeListener(QString connectionName, QObject *parent)
    : QObject(parent)
    , m_connectionName(std::move(connectionName))
{}

ChangeListener::~ChangeListener()
{
    stop();
}

bool ChangeListener::start(QString *error)
{
    if (m_listening)
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlDriver *driver = db.isValid() ? db.driver() : nullptr;
    if (!driver || !driver->hasFeature(QSqlDriver::EventNotifications)
        || !driver->subscribeToNotification(QString::fromLatin1(ChangeFeed::kChannel))) {
        if (error)
            *error = driver ? driver->lastError().text() : QStringLiteral("no connection");
        return false;
    }
    connect(driver, &QSqlDriver::notification, this, &ChangeListener::onNotification);
    m_listening = true;
    return true;
}

void ChangeListener::stop()
{
    if (!m_listening)
        return;
    m_listening = false;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (db.isValid() && db.driver()) {
        disconnect(db.driver(), nullptr, this, nullptr);
        if (db.isOpen())
            db.driver()->unsubscribeFromNotification(QString::fromLatin1(ChangeFeed::kChannel));
    }
}

void ChangeListener::onNotification(const QString &name,
                                    QSqlDriver::NotificationSource,
                                    const QVariant &payload)
{
    if (name != QLatin1String(ChangeFeed::kChannel))
        return;
    QString why;
    const auto notice = ChangeNotice::fromJson(payload.toString().toUtf8(), &why);
    if (!notice) {
        qCWarning(lcDatabase).noquote()
            << QStringLiteral("ignored a %1 notification: %2").arg(name, why);
        Q_EMIT rejected(why);
        return;
    }
    if (notice->instance == ChangeFeed::instanceId())
        Q_EMIT ownChange(*notice);
    else
        Q_EMIT changed(*notice);
}

} // namespace mcphub
