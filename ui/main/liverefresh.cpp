#include "ui/main/liverefresh.h"

#include "storage/db/sqldialect.h"
#include "storage/live/changelistener.h"
#include "storage/live/redisoutbox.h"
#include "storage/logging.h"
#include "storage/sqlconnection.h"
#include "ui/main/workspaceviews.h"

#include <QSqlError>

namespace mcphub {

LiveRefresh::LiveRefresh(const Workspace &workspace, WorkspaceViews *views, QObject *parent)
    : QObject(parent)
    , m_views(views)
{
    m_gather.setSingleShot(true);
    m_gather.setInterval(50);
    connect(&m_gather, &QTimer::timeout, this, &LiveRefresh::refreshNow);

    const QSqlDatabase source = workspace.database();
    const bool postgres = !SqlDialect::forDatabase(source).isSqlite();
    const QString redisUrl = workspace.profile().redisUrl;
    if ((!postgres && redisUrl.isEmpty()) || source.databaseName() == QLatin1String(":memory:"))
        return;
    const QString name = workspace.connectionName() + QStringLiteral("-live");
    QSqlDatabase clone = QSqlDatabase::cloneDatabase(workspace.connectionName(), name);
    if (!clone.open()) {
        qCWarning(lcDatabase) << "no live refresh:" << clone.lastError().text();
        clone = QSqlDatabase();
        closeSqlConnection(name);
        return;
    }
    m_connectionName = name;
    if (postgres) {
        m_listener = std::make_unique<ChangeListener>(name);
        QString why;
        if (m_listener->start(&why)) {
            connect(m_listener.get(), &ChangeListener::changed, this, &LiveRefresh::heard);
        } else {
            qCWarning(lcDatabase) << "no LISTEN:" << why;
            m_listener.reset();
        }
    }
    if (!redisUrl.isEmpty() && !workspace.readOnly()) {
        const auto address = RedisAddress::parse(redisUrl);
        if (!address) {
            qCWarning(lcDatabase).noquote() << address.error().message;
            return;
        }
        m_subscriber = std::make_unique<RedisSubscriber>(*address);
        connect(m_subscriber.get(), &RedisSubscriber::changed, this, &LiveRefresh::heard);
        m_subscriber->start();
        m_deliverer = std::make_unique<OutboxDeliverer>(name, *address);
        if (m_listener)
            connect(m_listener.get(), &ChangeListener::ownChange, m_deliverer.get(), [this] {
                m_deliverer->kick();
            });
        m_deliverer->start();
    }
}

LiveRefresh::~LiveRefresh()
{
    m_deliverer.reset();
    m_subscriber.reset();
    m_listener.reset();
    if (!m_connectionName.isEmpty())
        closeSqlConnection(m_connectionName);
}

void LiveRefresh::heard(const ChangeNotice &notice)
{
    if (m_recentIds.contains(notice.changeId))
        return;
    m_recentIds << notice.changeId;
    if (m_recentIds.size() > 1000)
        m_recentIds.removeFirst();
    m_tables.insert(notice.table);
    if (!m_gather.isActive())
        m_gather.start();
}

void LiveRefresh::refreshNow()
{
    QStringList tables(m_tables.cbegin(), m_tables.cend());
    m_tables.clear();
    tables.sort();
    const int conflicts = m_views->refreshAfterChange(tables);
    Q_EMIT refreshed(tables, conflicts);
}

} // namespace mcphub
