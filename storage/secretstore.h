#pragma once

#include "storage/result.h"

#include <QString>

namespace mcphub {

// Secrets (database and hub passwords) in the OS keychain through QtKeychain: the Secret
// Service on Linux, Keychain on macOS, Credential Manager on Windows. Never on disk in clear.
//
// Calls block the calling thread in a local event loop until the keychain answers (bounded by
// a timeout), so use it from a thread that may run one. Any keychain error, including "no
// backend" (which QtKeychain 0.13 reports as OtherError), comes back as Error::Code::Keychain;
// a missing entry is Error::Code::NotFound.
class SecretStore
{
public:
    explicit SecretStore(QString service = QStringLiteral("mcphub-admin"));

    Result<void> write(const QString &key, const QString &secret) const;
    Result<QString> read(const QString &key) const;
    Result<void> remove(const QString &key) const;

    QString service() const { return m_service; }

private:
    QString m_service;
};

} // namespace mcphub
