#include "storage/secretstore.h"

#include "storage/logging.h"

#include <QEventLoop>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <utility>

#include <qt6keychain/keychain.h>

namespace mcphub {

namespace {

constexpr int kKeychainTimeoutMs = 15000;

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
    QTimer::singleShot(kKeychainTimeoutMs, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    if (!finished)
        loop.exec();
    if (!finished)
        return timeoutError(key);
    return jobResult(job, key);
}

} // namespace

SecretStore::SecretStore(QString service)
    : m_service(std::move(service))
{}

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
    job->setAutoDelete(false);
    job->setKey(key);
    // Whichever comes first, the answer or the timeout, calls `done`; the job deletes itself
    // once it finished, whether anyone still waits or not.
    auto answered = std::make_shared<bool>(false);
    QPointer<QTimer> timeout = new QTimer(context);
    timeout->setSingleShot(true);
    QObject::connect(timeout, &QTimer::timeout, context, [timeout, key, done, answered] {
        if (timeout)
            timeout->deleteLater();
        if (std::exchange(*answered, true))
            return;
        done(timeoutError(key));
    });
    QObject::connect(job, &QKeychain::Job::finished, context, [job, timeout, key, done, answered] {
        if (timeout) {
            timeout->stop();
            timeout->deleteLater();
        }
        if (std::exchange(*answered, true))
            return;
        if (auto r = jobResult(*job, key); !r)
            done(r.error());
        else
            done(job->textData());
    });
    QObject::connect(job, &QKeychain::Job::finished, job, &QObject::deleteLater);
    timeout->start(kKeychainTimeoutMs);
    job->start();
}

Result<void> SecretStore::remove(const QString &key) const
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(key);
    return runJob(job, key);
}

} // namespace mcphub
