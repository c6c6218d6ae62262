#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace mcphub {

// How to reach and authenticate to one running MCPHub instance: a plain value, copied freely.
// Secrets are held in memory only; the hub registry keeps them in the OS keychain.
struct HubEndpoint
{
    enum class Auth {
        None,     // only the public endpoints (/health, /config) can be read
        Password, // POST /api/auth/login -> JWT sent as x-auth-token, re-login once on 401
        BearerKey // Authorization: Bearer <key>
    };

    QString name;
    QUrl baseUrl; // http(s)://host:port[/BASE_PATH]
    Auth auth = Auth::None;
    QString username;
    QString password;
    QString bearerKey;
    int pollIntervalMs = 30'000;
    int timeoutMs = 10'000;                     // whole request, connect to last byte
    qint64 maxResponseBytes = 32 * 1024 * 1024; // a larger answer is refused, not buffered
    // SHA-256 of the DER certificate the user chose to trust (a self-signed hub), hex with or
    // without colons; empty means the system trust store decides.
    QString trustedCertificateSha256;

    // `path` under the base path ("/api/servers"); /health and /oauth/* live at the root.
    QUrl urlFor(const QString &path) const;
    // "name (https://host:port/base/path)" for error places; never contains a secret.
    QString where(const QString &path) const;

    static QByteArray normalizedFingerprint(const QString &fingerprint); // lower-case hex
    static QString displayFingerprint(const QByteArray &sha256);         // "AB:CD:..."
};

} // namespace mcphub
