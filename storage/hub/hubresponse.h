#pragma once

#include "storage/error.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <optional>

namespace mcphub {

// The outcome of one request to a hub, answered or not: a plain value handed to callbacks.
struct HubResponse
{
    enum class Failure {
        None,       // an HTTP answer came; look at `status`
        Timeout,    // the console's own deadline passed first
        Connection, // refused, reset, host not found...
        Tls,        // the certificate was not trusted
        Auth,       // the hub refused our credentials (login 401/400, or 401 after re-login)
    };

    QString hubName;
    QString path;
    QUrl url;
    int status = 0; // HTTP status, 0 when no answer
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // as received
    int elapsedMs = 0;
    Failure failure = Failure::None;
    std::optional<Error> error;       // set for every failure, and for HTTP status >= 400
    QByteArray peerCertificateSha256; // TLS only

    bool ok() const { return failure == Failure::None && status >= 200 && status < 300; }
    bool answered() const { return failure == Failure::None || failure == Failure::Auth; }
    // Case-insensitive header lookup; empty when absent.
    QByteArray header(const QByteArray &name) const;
};

} // namespace mcphub
