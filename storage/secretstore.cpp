#include "storage/secretstore.h"

#include "storage/logging.h"

#include <QEventLoop>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <climits>
#include <memory>
#include <utility>

#include <qt6keychain/keychain.h>

namespace mcphub {

namespace {

constexpr int kDefaultTimeoutMs = 15000;
std::atomic<int> g_timeoutMs{kDefaultTimeoutMs};

Error timeoutError(const QString &key)
{
    return Error::make(
        Error::Code::Keychain,
        QCoreApplication::translate("SecretStore",
                                    "The system keychain did not answer in time. Unlock it, or "
                                    "enter the password for this session only."),
        key);
}

// What a finished job says.
Result<void> jobResult(const QKeychain::Job &job, const QString &key)
{
    if (job.error() == QKeychain::NoError)
        return {};
    if (job.error() == QKeychain::EntryNotFound) {
        return Error::make(
            Error::Code::NotFound,
            QCoreApplication::translate("SecretStore", "No password is stored for this entry."),
            key);
    }
    qCWarning(lcKeychain) << "keychain error" << job.error() << job.errorString();
    return Error::make(
        Error::Code::Keychain,
        QCoreApplication::translate("SecretStore",
                                    "The system keychain is not available. The password is kept in "
                                    "memory for this session only; install and unlock a keychain "
                                    "(on Linux: gnome-keyring or KWallet) to store it."),
        key,
        job.errorString());
}

// Runs a QtKeychain job to completion. The job deletes itself only when autoDelete is on,
// which we turn off so its error can be read after the loop.
Result<void> runJob(QKeychain::Job &job, const QString &key)
{
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(g_timeoutMs.load(), &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    if (!finished)
        loop.exec();
    if (!finished)
        return timeoutError(key);
    return jobResult(job, key);
}

// What readAsync, writeAsync and removeAsync share: starts `job` (new, not started) and,
// whichever comes first, its answer or the timeout, calls `done` once on `context`'s thread
// with the outcome and the finished job (nullptr after a timeout), unless `context` was
// destroyed first. The job deletes itself once it finished, whether anyone still waits or not.
using JobDone = std::function<void(const Result<void> &result, const QKeychain::Job *finished)>;

void startJob(QKeychain::Job *job, const QString &key, QObject *context, JobDone done)
{
    Q_ASSERT(context);
    job->setAutoDelete(false);
    auto answered = std::make_shared<bool>(false);
    QPointer<QTimer> timeout = new QTimer(context);
    timeout->setSingleShot(true);
    QObject::connect(timeout, &QTimer::timeout, context, [timeout, key, done, answered] {
        if (timeout)
            timeout->deleteLater();
        if (std::exchange(*answered, true))
            return;
        done(timeoutError(key), nullptr);
    });
    QObject::connect(job, &QKeychain::Job::finished, context, [job, timeout, key, done, answered] {
        if (timeout) {
            timeout->stop();
            timeout->deleteLater();
        }
        if (std::exchange(*answered, true))
            return;
        done(jobResult(*job, key), job);
    });
    QObject::connect(job, &QKeychain::Job::finished, job, &QObject::deleteLater);
    timeout->start(g_timeoutMs.load());
    job->start();
}

} // namespace

SecretStore::SecretStore(QString service)
    : m_service(std::move(service))
{}

void SecretStore::setTimeout(std::chrono::milliseconds timeout)
{
    g_timeoutMs = int(std::clamp<qint64>(timeout.count(), 1, INT_MAX));
}

std::chrono::milliseconds SecretStore::timeout()
{
    return std::chrono::milliseconds(g_timeoutMs.load());
}

Result<void> SecretStore::write(const QString &key, const QString &secret) const
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(key);
    job.setTextData(secret);
    return runJob(job, key);
}

Result<QString> SecretStore::read(const QString &key) const
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(key);
    if (auto r = runJob(job, key); !r)
        return r.error();
    return job.textData();
}

void SecretStore::readAsync(const QString &key, QObject *context, ReadDone done) const
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    startJob(job, key, context, [done](const Result<void> &r, const QKeychain::Job *finished) {
        if (!r)
            done(r.error());
        else
            done(static_cast<const QKeychain::ReadPasswordJob *>(finished)->textData());
    });
}

void SecretStore::writeAsync(const QString &key,
                             const QString &secret,
                             QObject *context,
                             Done done) const
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(secret);
    startJob(job, key, context, [done](const Result<void> &r, const QKeychain::Job *) { done(r); });
}

void SecretStore::removeAsync(const QString &key, QObject *context, Done done) const
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    startJob(job, key, context, [done](const Result<void> &r, const QKeychain::Job *) { done(r); });
}

Result<void> SecretStore::remove(const QString &key) const
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(key);
    return runJob(job, key);
}

} // namespace mcphub
