#include "storage/secretstore.h"

#include "storage/logging.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace mcphub {

namespace {

constexpr int kKeychainTimeoutMs = 15000;

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
    if (!finished) {
        return Error::make(
            Error::Code::Keychain,
            QCoreApplication::translate("SecretStore",
                                        "The system keychain did not answer in time. Unlock it, or "
                                        "enter the password for this session only."),
            key);
    }
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

Result<void> SecretStore::remove(const QString &key) const
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(key);
    return runJob(job, key);
}

} // namespace mcphub
