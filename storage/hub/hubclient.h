#pragma once

#include "storage/hub/hubendpoint.h"
#include "storage/hub/hubresponse.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>

#include <functional>

class QNetworkReply;

namespace mcphub {

// Talks HTTP to MCPHub instances through one QNetworkAccessManager, asynchronously.
// Every request has a whole-request deadline (HubEndpoint::timeoutMs) so a hub that hangs
// cannot hold a poll. /api/* requests carry the hub's credentials: a bearer key, or a JWT from
// POST /api/auth/login kept per hub in memory (logged in on first use, once more on a 401).
// TLS is verified; a hub's self-signed certificate is accepted only when its SHA-256
// fingerprint equals the one the user chose to trust for that hub. Tokens and passwords are
// never logged. Lives on one thread (the one that created it); callbacks run there.
class HubClient : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const HubResponse &)>;

    explicit HubClient(QObject *parent = nullptr);
    ~HubClient() override; // abandons the requests in flight; their callbacks never run

    // GET `path` ("/health", "/api/servers?page=1") of `hub`. `done` runs once, unless
    // `context` was destroyed meanwhile.
    void get(const HubEndpoint &hub, const QString &path, QObject *context, Callback done);
    // Any method with a JSON `body` (may be empty), with the same credentials, re-login,
    // deadline and TLS rules as get(): the calls that tell a hub what changed.
    void request(const HubEndpoint &hub,
                 const QByteArray &method,
                 const QString &path,
                 const QByteArray &body,
                 QObject *context,
                 Callback done);
    // POST /api/auth/login with the hub's user name and password; keeps the token on success.
    void login(const HubEndpoint &hub, QObject *context, Callback done);

    bool hasToken(const QString &hubName) const { return m_tokens.contains(hubName); }
    void forgetToken(const QString &hubName) { m_tokens.remove(hubName); }

    QNetworkAccessManager *network() { return &m_network; }

Q_SIGNALS:
    // Every HTTP exchange, logins and retries included, answered or not: the rate budget
    // reads its headers from here.
    void exchangeFinished(const QString &hubName, const mcphub::HubResponse &response);

private:
    enum class Credentials { None, Send };

    void send(const HubEndpoint &hub,
              const QByteArray &method,
              const QString &path,
              const QByteArray &body,
              Credentials credentials,
              std::function<void(HubResponse)> done);
    void sendAuthenticated(const HubEndpoint &hub,
                           const QByteArray &method,
                           const QString &path,
                           const QByteArray &body,
                           bool mayRelogin,
                           std::function<void(HubResponse)> done);
    HubResponse responseFrom(const HubEndpoint &hub, const QString &path, QNetworkReply *reply);
    static bool needsCredentials(const QString &path);

    QNetworkAccessManager m_network;
    QHash<QString, QByteArray> m_tokens; // hub name -> JWT
};

} // namespace mcphub

Q_DECLARE_METATYPE(mcphub::HubResponse)
