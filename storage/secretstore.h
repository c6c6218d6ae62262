#pragma once

#include "storage/result.h"

#include <QString>

#include <chrono>
#include <functional>

class QObject;

namespace mcphub {

// Secrets (database and hub passwords) in the OS keychain through QtKeychain: the Secret
// Service on Linux, Keychain on macOS, Credential Manager on Windows. Never on disk in clear.
//
// write/read/remove block the calling thread in a local event loop until the keychain answers
// (bounded by a timeout), so use them from a thread that may run one (the CLI, a worker);
// readAsync/writeAsync/removeAsync never block: what the console's GUI thread uses. Any
// keychain error, including "no backend" (which QtKeychain 0.13 reports as OtherError), comes back
// as Error::Code::Keychain; a missing entry is Error::Code::NotFound.
class SecretStore
{
public:
    explicit SecretStore(QString service = QStringLiteral("mcphub-admin"));

    Result<void> write(const QString &key, const QString &secret) const;
    Result<QString> read(const QString &key) const;
    Result<void> remove(const QString &key) const;

    // Reads `key` without blocking: `done` runs later on `context`'s thread with the secret
    // or the error (as read() returns them, a keychain that does not answer within the
    // timeout included), unless `context` was destroyed first.
    using ReadDone = std::function<void(const Result<QString> &secret)>;
    void readAsync(const QString &key, QObject *context, ReadDone done) const;
    // write() and remove() without blocking, in the same way as readAsync.
    using Done = std::function<void(const Result<void> &result)>;
    void writeAsync(const QString &key, const QString &secret, QObject *context, Done done) const;
    void removeAsync(const QString &key, QObject *context, Done done) const;

    QString service() const { return m_service; }

    // How long a call waits for the keychain's answer: 15 s unless set. Any thread.
    static void setTimeout(std::chrono::milliseconds timeout);
    static std::chrono::milliseconds timeout();

private:
    QString m_service;
};

} // namespace mcphub
