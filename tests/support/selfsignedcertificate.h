#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace mcphub::test {

// A self-signed certificate for 127.0.0.1 (EC P-256, valid two days) made by the openssl
// command-line tool in `dir`, for TLS tests. Returns false (with `error`) when openssl is
// missing or fails.
bool makeSelfSignedCertificate(const QString &dir,
                               QSslCertificate *certificate,
                               QSslKey *key,
                               QString *error);

} // namespace mcphub::test
