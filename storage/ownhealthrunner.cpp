#include "storage/ownhealthrunner.h"

#include "storage/sqlconnection.h"

#include <QAtomicInteger>
#include <QElapsedTimer>
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
    if (m_pending > 0)
        return;
    m_pending = 2;
    static QAtomicInteger<quint64> runs;
    const QString clone = QStringLiteral("own-health-%1").arg(++runs);
    auto results = std::make_shared<QList<OwnHealthCheck>>();
    m_thread = QThread::create([results,
                                clone,
                                source = m_connectionName,
                                where = m_where,
                                folder = m_settingsFolder,
                                redisUrl = m_redisUrl,
                                thresholds = m_thresholds] {
        // The worker's own connection: QtSql connections belong to one thread.
        if (QSqlDatabase::contains(source)) {
            QSqlDatabase db = QSqlDatabase::cloneDatabase(source, clone);
            db.open(); // a failure is what checkDatabase then reports
        }
        *results = {OwnHealth::checkDatabase(clone, where),
                    OwnHealth::checkSettingsFolder(folder),
                    OwnHealth::checkMemory()};
        *results << OwnHealth::serviceChecks(clone, where, redisUrl, thresholds);
        closeSqlConnection(clone);
    });
    connect(m_thread, &QThread::finished, this, [this, results] {
        m_thread->deleteLater();
        m_thread = nullptr;
        m_workerChecks = *results;
        partDone();
    });
    m_thread->start();

    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    m_secrets.readAsync(
        OwnHealth::keychainProbeKey(), this, [this, timer](const Result<QString> &probe) {
            m_keychain = OwnHealth::keychainCheck(probe, double(timer->elapsed()));
            partDone();
        });
}

void OwnHealthRunner::partDone()
{
    if (--m_pending > 0)
        return;
    // In OwnHealth::runAll's order.
    QList<OwnHealthCheck> checks = m_workerChecks;
    checks.insert(qMin(qsizetype(2), checks.size()), m_keychain);
    Q_EMIT checksReady(checks);
}

} // namespace mcphub
