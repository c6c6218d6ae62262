#include "storage/ownhealthrunner.h"

#include "storage/sqlconnection.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QThread>

#include <memory>

namespace mcphub {

OwnHealthRunner::OwnHealthRunner(QString connectionName,
                                 QString where,
                                 QString settingsFolder,
                                 SecretStore secrets,
                                 QObject *parent)
    : QObject(parent)
    , m_connectionName(std::move(connectionName))
    , m_where(std::move(where))
    , m_settingsFolder(std::move(settingsFolder))
    , m_secrets(std::move(secrets))
{}

OwnHealthRunner::~OwnHealthRunner()
{
    if (m_thread) {
        m_thread->wait(); // bounded by the keychain's timeout
        delete m_thread;
    }
}

void OwnHealthRunner::start()
{
    if (m_thread)
        return;
    static QAtomicInteger<quint64> runs;
    const QString clone = QStringLiteral("own-health-%1").arg(++runs);
    auto results = std::make_shared<QList<OwnHealthCheck>>();
    m_thread = QThread::create([results,
                                clone,
                                source = m_connectionName,
                                where = m_where,
                                folder = m_settingsFolder,
                                secrets = m_secrets] {
        // The worker's own connection: QtSql connections belong to one thread.
        if (QSqlDatabase::contains(source)) {
            QSqlDatabase db = QSqlDatabase::cloneDatabase(source, clone);
            db.open(); // a failure is what checkDatabase then reports
        }
        *results = OwnHealth::runAll(clone, where, folder, secrets);
        closeSqlConnection(clone);
    });
    connect(m_thread, &QThread::finished, this, [this, results] {
        m_thread->deleteLater();
        m_thread = nullptr;
        Q_EMIT checksReady(*results);
    });
    m_thread->start();
}

} // namespace mcphub
