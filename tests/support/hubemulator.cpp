#include "tests/support/hubemulator.h"

#include "tests/support/hubcapture.h"

#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QMessageAuthenticationCode>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <cmath>

using ojson = nlohmann::ordered_json;
using Header = QPair<QByteArray, QByteArray>;

namespace mcphub::test {

namespace {

// QTcpServer that wraps each connection in a QSslSocket when a TLS configuration is set
// (QSslServer would do, but this keeps plain and TLS on one code path).
class EmulatorServer : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;
    std::optional<QSslConfiguration> tls;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        if (!tls) {
            QTcpServer::incomingConnection(descriptor);
            return;
        }
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setSslConfiguration(*tls);
        socket->startServerEncryption();
        addPendingConnection(socket);
    }
};

const QByteArray kJwtSecret = "mcphub-emulator-jwt-secret";

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(),
                  QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
        .toLatin1();
}

bool isRateLimitHeader(const QByteArray &name)
{
    return name.toLower().startsWith("ratelimit-")
           || name.compare("Retry-After", Qt::CaseInsensitive) == 0;
}

} // namespace

HubEmulator::HubEmulator(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    // The 11 rows a real database-mode hub logged (newest first), as its API served them.
    m_activities
        = HubCapture::load(QStringLiteral("db-mode/GET_api_activities.default.json")).json["data"];
}

HubEmulator::~HubEmulator()
{
    close();
}

QByteArray HubEmulator::jsonBody(const ojson &json)
{
    return QByteArray::fromStdString(json.dump());
}

bool HubEmulator::listen(quint16 port)
{
    m_tls = false;
    return startListening(port);
}

bool HubEmulator::listenTls(const QSslCertificate &certificate, const QSslKey &key, quint16 port)
{
    m_tls = true;
    if (!startListening(port))
        return false;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(certificate);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    static_cast<EmulatorServer *>(m_server)->tls = config;
    return true;
}

bool HubEmulator::startListening(quint16 port)
{
    close();
    auto *server = new EmulatorServer(this);
    m_server = server;
    connect(server, &QTcpServer::newConnection, this, &HubEmulator::onNewConnection);
    return server->listen(QHostAddress::LocalHost, port);
}

void HubEmulator::close()
{
    if (m_server) {
        m_server->close();
        m_server->deleteLater();
        m_server = nullptr;
    }
    const QList<QTcpSocket *> sockets = m_sockets;
    m_sockets.clear();
    m_buffers.clear();
    m_busy.clear();
    for (QTcpSocket *s : sockets) {
        s->disconnect(this);
        s->abort();
        s->deleteLater();
    }
}

quint16 HubEmulator::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QUrl HubEmulator::baseUrl() const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    url.setPath(m_basePath);
    return url;
}

void HubEmulator::setRateLimit(int limit, int windowSeconds)
{
    m_rateLimit = limit;
    m_rateWindowSeconds = windowSeconds;
    m_rateCount = 0;
    m_rateWindowStartMs = -1;
}

void HubEmulator::addFault(const QString &pathPrefix, const Fault &fault, int times)
{
    m_faults.append({pathPrefix, fault, times});
}

void HubEmulator::addActivities(int count)
{
    static const char *const kServers[] = {"echo-local", "math-local", "http-local"};
    static const char *const kTools[] = {"echo", "add", "fail"};
    for (int i = 0; i < count; ++i) {
        const int n = m_activitySerial++;
        const bool failed = n % 3 == 2;
        ojson row;
        row["id"] = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
        row["timestamp"]
            = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
        row["server"] = kServers[n % 3];
        row["tool"] = kTools[n % 3];
        row["duration"] = 1 + n % 5;
        row["status"] = failed ? "error" : "success";
        row["input"] = "{\n  \"text\": \"call " + std::to_string(n) + "\"\n}";
        row["output"] = failed ? ojson() : ojson("{\n  \"content\": []\n}");
        row["group"] = nullptr;
        row["username"] = nullptr;
        row["keyId"] = nullptr;
        row["keyName"] = nullptr;
        row["sourceIp"] = nullptr;
        row["errorMessage"] = failed ? ojson("failed: no reason") : ojson();
        m_activities.insert(m_activities.begin(), std::move(row));
    }
}

QStringList HubEmulator::activityIds() const
{
    QStringList ids;
    for (const auto &row : m_activities)
        ids.append(QString::fromStdString(row["id"].get<std::string>()));
    return ids;
}

QList<HubEmulator::Request> HubEmulator::requestsTo(const QString &path) const
{
    QList<Request> list;
    for (const Request &r : m_requests) {
        if (r.path == path)
            list.append(r);
    }
    return list;
}

int HubEmulator::tooManyRequestsServed() const
{
    int n = 0;
    for (const Request &r : m_requests)
        n += r.status == 429 ? 1 : 0;
    return n;
}

void HubEmulator::onNewConnection()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        m_sockets.append(socket);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_sockets.removeAll(socket);
            m_buffers.remove(socket);
            m_busy.remove(socket);
            socket->deleteLater();
        });
    }
}

void HubEmulator::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    // One request at a time per connection (clients do not pipeline); keep-alive between.
    while (!m_busy.contains(socket)) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        Request request;
        request.method = requestLine.value(0);
        const QByteArray target = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                       lines[i].mid(colon + 1).trimmed());
        }
        const int length = request.headers.value("content-length").toInt();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);

        const QUrl url(QString::fromLatin1(target));
        request.path = url.path();
        request.query = url.query();
        request.atMs = clockMs();
        m_requests.append(request);
        const int index = int(m_requests.size() - 1);
        Response response = dispatch(m_requests[index]);
        Q_EMIT requestReceived(request.path);
        if (response.delayMs > 0) {
            m_busy.insert(socket);
            QPointer<QTcpSocket> guard(socket);
            QTimer::singleShot(response.delayMs, this, [this, guard, index, response] {
                if (!guard || !m_sockets.contains(guard.data()))
                    return; // the client gave up (its own timeout) or we were closed
                m_busy.remove(guard.data());
                write(guard.data(), index, response);
                if (guard && !m_buffers.value(guard.data()).isEmpty())
                    onReadyRead(guard.data());
            });
            return;
        }
        write(socket, index, response);
        if (!m_sockets.contains(socket))
            return;
    }
}

void HubEmulator::write(QTcpSocket *socket, int requestIndex, const Response &response)
{
    if (requestIndex < m_requests.size())
        m_requests[requestIndex].status = response.status;
    QByteArray out
        = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + response.reason + "\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    const qsizetype announced = response.body.size() + (response.truncate ? 1000 : 0);
    out += "Content-Length: " + QByteArray::number(announced) + "\r\n";
    out += "Date: " + httpDate() + "\r\n";
    out += "Connection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n";
    out += response.body;
    socket->write(out);
    if (response.truncate) {
        socket->flush();
        socket->disconnectFromHost();
    }
}

HubEmulator::Response HubEmulator::fromCapture(const QString &relativePath) const
{
    const HubCapture c = HubCapture::load(relativePath);
    Response r;
    r.status = c.status;
    r.reason = c.reason;
    for (const auto &h : c.headers) {
        const QByteArray name = h.first.toLower();
        // Recomputed per answer (write() and the limiter).
        if (name == "content-length" || name == "date" || name == "connection"
            || name == "keep-alive" || isRateLimitHeader(h.first))
            continue;
        r.headers.append(h);
    }
    r.body = c.body;
    return r;
}

HubEmulator::Response HubEmulator::capture(const QString &name) const
{
    const QString folder
        = m_mode == Mode::Database ? QStringLiteral("db-mode") : QStringLiteral("file-mode");
    if (QFile::exists(HubCapture::directory() + QLatin1Char('/') + folder + QLatin1Char('/')
                      + name))
        return fromCapture(folder + QLatin1Char('/') + name);
    return fromCapture(QStringLiteral("file-mode/") + name);
}

HubEmulator::Response HubEmulator::dispatch(Request &request)
{
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        PendingFault &f = m_faults[i];
        if (!request.path.startsWith(m_basePath + f.prefix) && !request.path.startsWith(f.prefix))
            continue;
        const Fault fault = f.fault;
        if (--f.remaining <= 0)
            m_faults.removeAt(i);
        Response r;
        switch (fault.kind) {
        case Fault::Kind::Hang:
            r = fromCapture(QStringLiteral("db-mode/GET_health.db-down.json"));
            r.delayMs = fault.delayMs;
            return r;
        case Fault::Kind::ServerError:
            return fromCapture(QStringLiteral("db-mode/GET_health.db-down.json"));
        case Fault::Kind::TooManyRequests:
            r = fromCapture(
                QStringLiteral("rate-limit/GET_api_templates_export_groups_id.429.json"));
            r.headers.append(Header("RateLimit-Policy",
                                    QByteArray::number(m_rateLimit)
                                        + ";w=" + QByteArray::number(m_rateWindowSeconds)));
            r.headers.append(Header("RateLimit-Limit", QByteArray::number(m_rateLimit)));
            r.headers.append(Header("RateLimit-Remaining", "0"));
            r.headers.append(
                Header("RateLimit-Reset", QByteArray::number(fault.retryAfterSeconds)));
            r.headers.append(Header("Retry-After", QByteArray::number(fault.retryAfterSeconds)));
            request.rateLimited = true;
            return r;
        case Fault::Kind::Unauthorized:
            return fromCapture(QStringLiteral("file-mode/GET_api_servers.401-invalid-token.json"));
        case Fault::Kind::MalformedJson:
            r = capture(QStringLiteral("GET_config.json"));
            r.body = r.body.left(r.body.size() / 2);
            return r;
        case Fault::Kind::HugeBody:
            r = capture(QStringLiteral("GET_api_servers.healthy.json"));
            r.body.insert(r.body.size() - 1,
                          QByteArray(qMax<qint64>(0, fault.bodyBytes - r.body.size()), ' '));
            return r;
        case Fault::Kind::Truncated:
            r = capture(QStringLiteral("GET_config.json"));
            r.truncate = true;
            return r;
        }
    }

    if (m_health == Health::DatabaseDown) {
        // Every request waits on MCPHub's DB reconnect, then the generic error handler.
        Response r = fromCapture(QStringLiteral("db-mode/GET_health.db-down.json"));
        r.delayMs = m_dbDownDelayMs;
        return r;
    }
    if (request.path == QLatin1String("/health")) {
        return capture(m_health == Health::Healthy ? QStringLiteral("GET_health.healthy.json")
                                                   : QStringLiteral("GET_health.degraded.json"));
    }
    if (!request.path.startsWith(m_basePath + QLatin1Char('/'))) {
        Response r;
        r.status = 404;
        r.reason = "Not Found";
        r.headers.append(Header("Content-Type", "text/html; charset=utf-8"));
        r.body = "<!DOCTYPE html><pre>Cannot GET " + request.path.toUtf8() + "</pre>";
        return r;
    }
    request.path = request.path.mid(m_basePath.size());
    if (request.path == QLatin1String("/config")) {
        Response r = capture(QStringLiteral("GET_config.json"));
        ojson body = HubCapture::load(QStringLiteral("file-mode/GET_config.json")).json;
        body["data"]["basePath"] = m_basePath.toStdString();
        r.body = jsonBody(body);
        return r;
    }
    return apiRoute(request);
}

HubEmulator::Response HubEmulator::apiRoute(Request &request)
{
    const QString &path = request.path;
    if (path == QLatin1String("/api/auth/login") && request.method == "POST") {
        request.rateLimited = true;
        Response r = login(request);
        countAgainstLimit(r);
        return r;
    }
    if (!authorized(request)) {
        // Rejected before the limiter: not counted, no RateLimit headers.
        return fromCapture(request.headers.contains("x-auth-token")
                               ? QStringLiteral("file-mode/GET_api_servers.401-invalid-token.json")
                               : QStringLiteral("file-mode/GET_api_servers.401-no-token.json"));
    }
    const bool limited = !path.startsWith(QLatin1String("/api/openapi/"));
    Response r;
    if (path == QLatin1String("/api/servers")) {
        r = capture(m_health == Health::Healthy ? QStringLiteral("GET_api_servers.healthy.json")
                                                : QStringLiteral("GET_api_servers.degraded.json"));
    } else if (path == QLatin1String("/api/openapi/stats")) {
        r = capture(QStringLiteral("GET_api_openapi_stats.json"));
    } else if (path == QLatin1String("/api/users-stats")) {
        r = capture(QStringLiteral("GET_api_users-stats.json"));
    } else if (path == QLatin1String("/api/activities/available")) {
        r = m_mode == Mode::Database
                ? fromCapture(QStringLiteral("db-mode/GET_api_activities_available.json"))
                : fromCapture(
                    QStringLiteral("file-mode/GET_api_activities_available.file-mode.json"));
    } else if (path == QLatin1String("/api/activities/stats")) {
        r = m_mode == Mode::Database ? activityStats()
                                     : fromCapture(QStringLiteral(
                                         "file-mode/GET_api_activities_stats.404-file-mode.json"));
    } else if (path == QLatin1String("/api/activities")) {
        r = m_mode == Mode::Database
                ? activitiesPage(request)
                : fromCapture(QStringLiteral("file-mode/GET_api_activities.404-file-mode.json"));
    } else if (path == QLatin1String("/api/auth/user")) {
        r = capture(QStringLiteral("GET_api_auth_user.json"));
    } else if (request.method == "POST" && path.startsWith(QLatin1String("/api/servers/"))
               && (path.endsWith(QLatin1String("/toggle"))
                   || path.endsWith(QLatin1String("/reload")))) {
        // The answers of MCPHub's serverController (the toggle's as captured).
        r = capture(QStringLiteral("POST_api_servers_broken_toggle.disable.json"));
        ojson answer{{"success", true}};
        if (path.endsWith(QLatin1String("/reload"))) {
            answer["message"] = "Server reloaded successfully";
        } else {
            bool enabled = false;
            try {
                enabled = ojson::parse(request.body.toStdString()).value("enabled", false);
            } catch (const ojson::exception &) {
            }
            answer["message"]
                = enabled ? "Server enabled successfully" : "Server disabled successfully";
        }
        r.body = jsonBody(answer);
    } else if (request.method == "PUT" && path == QLatin1String("/api/system-config")) {
        r = capture(QStringLiteral("POST_api_servers_broken_toggle.disable.json"));
        r.body = jsonBody(ojson{{"success", true}, {"message", "System configuration updated"}});
    } else {
        r = fromCapture(QStringLiteral("file-mode/GET_api_servers_does-not-exist.404.json"));
    }
    if (limited) {
        request.rateLimited = true;
        countAgainstLimit(r);
    }
    return r;
}

bool HubEmulator::authorized(const Request &request) const
{
    const QByteArray bearer = request.headers.value("authorization");
    if (!m_bearerKey.isEmpty() && bearer == "Bearer " + m_bearerKey)
        return true;
    return m_tokens.contains(request.headers.value("x-auth-token"));
}

HubEmulator::Response HubEmulator::login(const Request &request)
{
    ojson body;
    try {
        body = ojson::parse(request.body.toStdString());
    } catch (const nlohmann::json::exception &) {
        body = ojson::object();
    }
    const std::string user = body.value("username", std::string());
    const std::string password = body.value("password", std::string());
    if (user.empty() || password.empty())
        return fromCapture(QStringLiteral("file-mode/POST_api_auth_login.missing-fields.json"));
    if (user != "admin")
        return fromCapture(QStringLiteral("file-mode/POST_api_auth_login.unknown-user.json"));
    if (password != "admin123")
        return fromCapture(QStringLiteral("file-mode/POST_api_auth_login.bad-password.json"));
    Response r = capture(QStringLiteral("POST_api_auth_login.success.json"));
    ojson json
        = HubCapture::load(QStringLiteral("file-mode/POST_api_auth_login.success.json")).json;
    json["token"] = issueToken(QByteArray::fromStdString(user)).toStdString();
    r.body = jsonBody(json);
    r.headers.removeIf(
        [](const auto &h) { return h.first.compare("ETag", Qt::CaseInsensitive) == 0; });
    return r;
}

QByteArray HubEmulator::issueToken(const QByteArray &user)
{
    // HS256 like MCPHub's jsonwebtoken: {user:{username,isAdmin}, iat, exp = iat + 24 h}.
    const qint64 now = QDateTime::currentSecsSinceEpoch() + m_tokenSerial++;
    ojson payload;
    payload["user"] = {{"username", user.toStdString()}, {"isAdmin", true}};
    payload["iat"] = now;
    payload["exp"] = now + 24 * 3600;
    const QByteArray signingInput
        = base64Url(R"({"alg":"HS256","typ":"JWT"})") + '.' + base64Url(jsonBody(payload));
    const QByteArray signature
        = QMessageAuthenticationCode::hash(signingInput, kJwtSecret, QCryptographicHash::Sha256);
    const QByteArray token = signingInput + '.' + base64Url(signature);
    m_tokens.insert(token);
    return token;
}

bool HubEmulator::countAgainstLimit(Response &response)
{
    const qint64 now = clockMs();
    if (m_rateWindowStartMs < 0
        || now - m_rateWindowStartMs >= qint64(m_rateWindowSeconds) * 1000) {
        m_rateWindowStartMs = now;
        m_rateCount = 0;
    }
    ++m_rateCount;
    if (m_rateCount > m_rateLimit) {
        response
            = fromCapture(QStringLiteral("rate-limit/GET_api_templates_export_groups_id.429.json"));
        addRateLimitHeaders(response);
        const qint64 resetS = qint64(
            std::ceil((m_rateWindowStartMs + qint64(m_rateWindowSeconds) * 1000 - now) / 1000.0));
        response.headers.append(Header("Retry-After", QByteArray::number(qMax<qint64>(1, resetS))));
        return false;
    }
    addRateLimitHeaders(response);
    return true;
}

void HubEmulator::addRateLimitHeaders(Response &response) const
{
    const qint64 resetMs = m_rateWindowStartMs + qint64(m_rateWindowSeconds) * 1000 - clockMs();
    QList<QPair<QByteArray, QByteArray>> headers = {
        {"RateLimit-Policy",
         QByteArray::number(m_rateLimit) + ";w=" + QByteArray::number(m_rateWindowSeconds)},
        {"RateLimit-Limit", QByteArray::number(m_rateLimit)},
        {"RateLimit-Remaining", QByteArray::number(qMax(0, m_rateLimit - m_rateCount))},
        {"RateLimit-Reset",
         QByteArray::number(qMax<qint64>(1, qint64(std::ceil(resetMs / 1000.0))))},
    };
    // Express sends them right after the CORS headers, before Content-Type.
    qsizetype at = 0;
    while (at < response.headers.size()
           && response.headers[at].first.compare("Content-Type", Qt::CaseInsensitive) != 0)
        ++at;
    for (const auto &h : headers)
        response.headers.insert(at++, h);
}

HubEmulator::Response HubEmulator::activitiesPage(const Request &request)
{
    const QUrlQuery query(request.query);
    bool pageOk = true;
    bool limitOk = true;
    const int page = query.hasQueryItem(QStringLiteral("page"))
                         ? query.queryItemValue(QStringLiteral("page")).toInt(&pageOk)
                         : 1;
    const int limit = query.hasQueryItem(QStringLiteral("limit"))
                          ? query.queryItemValue(QStringLiteral("limit")).toInt(&limitOk)
                          : 20;
    if (!limitOk || limit < 1 || limit > 100)
        return fromCapture(QStringLiteral("db-mode/GET_api_activities.400-limit.json"));
    if (!pageOk || page < 1)
        return fromCapture(QStringLiteral("db-mode/GET_api_activities.400-page.json"));
    Response r = fromCapture(QStringLiteral("db-mode/GET_api_activities.page1.json"));
    r.headers.removeIf(
        [](const auto &h) { return h.first.compare("ETag", Qt::CaseInsensitive) == 0; });
    const int total = int(m_activities.size());
    const int totalPages = (total + limit - 1) / limit;
    ojson data = ojson::array();
    for (int i = (page - 1) * limit; i < qMin(total, page * limit); ++i)
        data.push_back(m_activities[size_t(i)]);
    ojson body;
    body["success"] = true;
    body["data"] = std::move(data);
    body["pagination"] = {{"page", page},
                          {"limit", limit},
                          {"total", total},
                          {"totalPages", totalPages},
                          {"hasNextPage", page < totalPages},
                          {"hasPrevPage", page > 1}};
    r.body = jsonBody(body);
    return r;
}

HubEmulator::Response HubEmulator::activityStats() const
{
    Response r = fromCapture(QStringLiteral("db-mode/GET_api_activities_stats.json"));
    r.headers.removeIf(
        [](const auto &h) { return h.first.compare("ETag", Qt::CaseInsensitive) == 0; });
    qint64 success = 0;
    qint64 errors = 0;
    double duration = 0;
    for (const auto &row : m_activities) {
        (row["status"] == "success" ? success : errors) += 1;
        duration += row["duration"].get<double>();
    }
    const qint64 total = success + errors;
    ojson body;
    body["success"] = true;
    body["data"] = {{"totalCalls", total},
                    {"successCount", success},
                    {"errorCount", errors},
                    {"avgDuration", total ? qRound64(duration / total) : 0}};
    r.body = jsonBody(body);
    return r;
}

} // namespace mcphub::test
