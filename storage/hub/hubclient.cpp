#include "storage/hub/hubclient.h"

#include "storage/hub/hubresponseparser.h"
#include "storage/logging.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>

#include <memory>

namespace mcphub {

namespace {

const char kTimedOut[] = "mcphubTimedOut";
const char kTlsErrors[] = "mcphubTlsErrors";
const char kPeerSha256[] = "mcphubPeerSha256";
const char kTooLarge[] = "mcphubTooLarge";

} // namespace

HubClient::HubClient(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<mcphub::HubResponse>();
}

HubClient::~HubClient()
{
    const QList<QNetworkReply *> replies = m_network.findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
    }
}

bool HubClient::needsCredentials(const QString &path)
{
    return path.startsWith(QLatin1String("/api/"))
           && !path.startsWith(QLatin1String("/api/auth/login"));
}

void HubClient::get(const HubEndpoint &hub, const QString &path, QObject *context, Callback done)
{
    request(hub, "GET", path, {}, context, std::move(done));
}

void HubClient::request(const HubEndpoint &hub,
                        const QByteArray &method,
                        const QString &path,
                        const QByteArray &body,
                        QObject *context,
                        Callback done)
{
    QPointer<QObject> guard(context);
    auto deliver
        = [guard, hasContext = context != nullptr, done = std::move(done)](HubResponse response) {
              if (hasContext && !guard)
                  return;
              done(response);
          };
    if (!needsCredentials(path) || hub.auth == HubEndpoint::Auth::None) {
        send(hub, method, path, body, Credentials::None, std::move(deliver));
        return;
    }
    sendAuthenticated(hub, method, path, body, true, std::move(deliver));
}

void HubClient::sendAuthenticated(const HubEndpoint &hub,
                                  const QByteArray &method,
                                  const QString &path,
                                  const QByteArray &body,
                                  bool mayRelogin,
                                  std::function<void(HubResponse)> done)
{
    if (hub.auth == HubEndpoint::Auth::Password && !m_tokens.contains(hub.name)) {
        login(hub,
              nullptr,
              [this, hub, method, path, body, done = std::move(done)](const HubResponse &login) {
                  if (!login.ok()) {
                      done(login); // auth failure, timeout, 429... as the login met it
                      return;
                  }
                  sendAuthenticated(hub, method, path, body, false, done);
              });
        return;
    }
    send(hub,
         method,
         path,
         body,
         Credentials::Send,
         [this, hub, method, path, body, mayRelogin, done = std::move(done)](HubResponse response) {
             if (response.status != 401) {
                 done(std::move(response));
                 return;
             }
             if (hub.auth == HubEndpoint::Auth::Password && mayRelogin) {
                 // JWTs expire after 24 h and die with a hub restart: log in once more.
                 qCInfo(lcHub) << "hub" << hub.name << "answered 401; logging in again";
                 m_tokens.remove(hub.name);
                 sendAuthenticated(hub, method, path, body, false, done);
                 return;
             }
             m_tokens.remove(hub.name);
             response.failure = HubResponse::Failure::Auth;
             response.error = Error::make(
                 Error::Code::Network,
                 tr("The hub refused the console's credentials (%1). Check the user name and "
                    "password, or the bearer key, of this hub.")
                     .arg(HubResponseParser::errorMessage(response.body)),
                 hub.where(path));
             done(std::move(response));
         });
}

void HubClient::login(const HubEndpoint &hub, QObject *context, Callback done)
{
    QPointer<QObject> guard(context);
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("username"), hub.username},
                                                      {QStringLiteral("password"), hub.password}})
                                .toJson(QJsonDocument::Compact);
    const QString path = QStringLiteral("/api/auth/login");
    send(hub,
         "POST",
         path,
         body,
         Credentials::None,
         [this, hub, path, guard, hasContext = context != nullptr, done = std::move(done)](
             HubResponse response) {
             if (response.failure == HubResponse::Failure::None
                 && (response.status == 401 || response.status == 400)) {
                 response.failure = HubResponse::Failure::Auth;
                 response.error = Error::make(
                     Error::Code::Network,
                     tr("The hub refused the login (%1). Check the user name and password of "
                        "this hub.")
                         .arg(HubResponseParser::errorMessage(response.body)),
                     hub.where(path));
             } else if (response.ok()) {
                 auto token = HubResponseParser::loginToken(response.body, hub.where(path));
                 if (token) {
                     m_tokens.insert(hub.name, *token);
                 } else {
                     response.failure = HubResponse::Failure::Auth;
                     response.error = token.error();
                 }
             }
             if (hasContext && !guard)
                 return;
             done(response);
         });
}

void HubClient::send(const HubEndpoint &hub,
                     const QByteArray &method,
                     const QString &path,
                     const QByteArray &body,
                     Credentials credentials,
                     std::function<void(HubResponse)> done)
{
    QNetworkRequest request(hub.urlFor(path));
    request.setRawHeader("Accept", "application/json");
    // MCPHub localises its messages (those that are translated) by Accept-Language.
    request.setRawHeader("Accept-Language", QLocale().bcp47Name().toLatin1());
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    if (credentials == Credentials::Send) {
        if (hub.auth == HubEndpoint::Auth::BearerKey)
            request.setRawHeader("Authorization", "Bearer " + hub.bearerKey.toUtf8());
        else if (hub.auth == HubEndpoint::Auth::Password)
            request.setRawHeader("x-auth-token", m_tokens.value(hub.name));
    }

    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);

    // A whole-request deadline (not Qt's inactivity timeout): a hub whose database is down
    // holds every request ~45 s, and a trickling answer must not hold a poll either.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, [reply] {
        reply->setProperty(kTimedOut, true);
        reply->abort();
    });
    deadline->start(qMax(1, hub.timeoutMs));

    const qint64 maxBytes = hub.maxResponseBytes;
    connect(reply,
            &QNetworkReply::downloadProgress,
            reply,
            [reply, maxBytes](qint64 received, qint64 total) {
                if (maxBytes > 0 && (received > maxBytes || total > maxBytes)) {
                    reply->setProperty(kTooLarge, qMax(received, total));
                    reply->abort();
                }
            });

    const QByteArray trusted = HubEndpoint::normalizedFingerprint(hub.trustedCertificateSha256);
    connect(
        reply, &QNetworkReply::sslErrors, reply, [reply, trusted](const QList<QSslError> &errors) {
            QSslCertificate peer = reply->sslConfiguration().peerCertificate();
            if (peer.isNull() && !errors.isEmpty())
                peer = errors.first().certificate();
            const QByteArray sha = peer.digest(QCryptographicHash::Sha256);
            reply->setProperty(kPeerSha256, sha);
            if (!trusted.isEmpty() && sha.toHex() == trusted) {
                reply->ignoreSslErrors(errors); // exactly the certificate the user trusted
                return;
            }
            QStringList texts;
            for (const QSslError &e : errors)
                texts.append(e.errorString());
            reply->setProperty(kTlsErrors, texts.join(QStringLiteral("; ")));
        });

    connect(reply, &QNetworkReply::finished, this, [this, hub, path, reply, clock, done] {
        reply->deleteLater();
        HubResponse response = responseFrom(hub, path, reply);
        response.elapsedMs = int(clock->elapsed());
        qCDebug(lcHub).noquote() << hub.name << reply->operation() << path << "->"
                                 << response.status << response.elapsedMs << "ms";
        Q_EMIT exchangeFinished(hub.name, response);
        done(std::move(response));
    });
}

HubResponse
HubClient::responseFrom(const HubEndpoint &hub, const QString &path, QNetworkReply *reply)
{
    HubResponse r;
    r.hubName = hub.name;
    r.path = path;
    r.url = reply->url();
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.peerCertificateSha256 = reply->property(kPeerSha256).toByteArray();
    const QString where = hub.where(path);

    if (reply->property(kTimedOut).toBool()) {
        r.status = 0;
        r.failure = HubResponse::Failure::Timeout;
        r.error = Error::make(Error::Code::Network,
                              tr("The hub did not answer within %1 s. It may be overloaded or "
                                 "its database may be down; the console will try again.")
                                  .arg(hub.timeoutMs / 1000.0, 0, 'g', 3),
                              where);
        return r;
    }
    if (const qint64 size = reply->property(kTooLarge).toLongLong(); size > 0) {
        r.status = 0;
        r.failure = HubResponse::Failure::Connection;
        r.error = Error::make(Error::Code::Network,
                              tr("The hub's answer is larger than %1 MB, so the console stopped "
                                 "reading it. Check that the URL points at MCPHub.")
                                  .arg(hub.maxResponseBytes / (1024 * 1024)),
                              where,
                              QStringLiteral("%1 bytes").arg(size));
        return r;
    }
    if (const QString tls = reply->property(kTlsErrors).toString(); !tls.isEmpty()) {
        r.status = 0;
        r.failure = HubResponse::Failure::Tls;
        r.error = Error::make(
            Error::Code::Network,
            tr("The hub's TLS certificate is not trusted. If this is the hub's own certificate, "
               "trust its SHA-256 fingerprint %1 in this hub's settings.")
                .arg(HubEndpoint::displayFingerprint(r.peerCertificateSha256)),
            where,
            tls);
        return r;
    }
    if (r.status == 0) {
        r.failure = HubResponse::Failure::Connection;
        r.error = Error::make(Error::Code::Network,
                              tr("Could not reach the hub. Check that it is running and that "
                                 "its URL is right."),
                              where,
                              reply->errorString());
        return r;
    }

    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    bool lengthKnown = false;
    const qint64 announced = r.header("Content-Length").toLongLong(&lengthKnown);
    // (With a Content-Encoding, Content-Length counts the compressed bytes Qt has inflated.)
    const bool plain = r.header("Content-Encoding").isEmpty();
    if ((plain && lengthKnown && announced != r.body.size())
        || (reply->error() == QNetworkReply::RemoteHostClosedError)) {
        r.failure = HubResponse::Failure::Connection;
        r.error = Error::make(Error::Code::Network,
                              tr("The hub's answer was cut off (%1 of %2 bytes). The console "
                                 "will try again.")
                                  .arg(r.body.size())
                                  .arg(announced),
                              where,
                              reply->errorString());
        return r;
    }
    if (r.status == 429) {
        r.error = Error::make(Error::Code::Network,
                              tr("The hub's rate limit is used up; the console waits %1 s as "
                                 "the hub asks before its next rate-limited request.")
                                  .arg(QString::fromLatin1(r.header("Retry-After"))),
                              where);
    } else if (r.status >= 400) {
        QString hubMessage = HubResponseParser::errorMessage(r.body);
        if (hubMessage.isEmpty())
            hubMessage = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        r.error = Error::make(
            Error::Code::Network,
            tr("The hub answered HTTP %1 (%2).").arg(QString::number(r.status), hubMessage),
            where);
    }
    return r;
}

} // namespace mcphub
