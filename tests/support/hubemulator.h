#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSet>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>

#include <nlohmann/json.hpp>

class QTcpServer;
class QTcpSocket;

namespace mcphub::test {

// An MCPHub instance for tests: a real HTTP/1.1 server (keep-alive, optionally TLS) on
// 127.0.0.1 that answers the API of reference §3 with the recorded bodies and headers of
// tests/fixtures/hub-captures: login admin/admin123 -> JWT, 401 without a valid token, the
// draft-6 RateLimit-* headers and a 429 (text/html, Retry-After) past the limit, activities
// paging over the recorded rows plus rows added by the test, and scripted faults.
// Single-threaded: lives on the test's thread and serves from its event loop.
class HubEmulator : public QObject
{
    Q_OBJECT

public:
    enum class Mode { File, Database }; // which captures it replays; activities need Database
    enum class Health { Healthy, Degraded, DatabaseDown };

    struct Fault
    {
        enum class Kind {
            Hang, // wait delayMs, then 500 Internal server error (a hub whose DB is down)
            TooManyRequests, // 429, Retry-After: retryAfterSeconds, text/html body
            ServerError,     // 500 at once
            Unauthorized,    // 401 "Token is not valid" (an expired JWT)
            MalformedJson,   // 200 with a body that is not JSON
            Truncated,       // Content-Length larger than the body, then the connection closes
            HugeBody,        // 200 with a JSON body of `bodyBytes` bytes (50 MB by default)
        };
        Kind kind = Kind::ServerError;
        int delayMs = 0;
        int retryAfterSeconds = 1;
        qint64 bodyBytes = 50 * 1024 * 1024;
    };

    struct Request
    {
        QByteArray method;
        QString path; // without the base path and the query
        QString query;
        QHash<QByteArray, QByteArray> headers; // names lower-cased
        QByteArray body;
        qint64 atMs = 0;          // on clockMs()
        int status = -1;          // the answer's status, -1 until answered
        bool rateLimited = false; // counted by the emulated limiter
    };

    explicit HubEmulator(QObject *parent = nullptr);
    ~HubEmulator() override;

    bool listen(quint16 port = 0); // plain HTTP on 127.0.0.1
    bool listenTls(const QSslCertificate &certificate, const QSslKey &key, quint16 port = 0);
    void close(); // stops listening and drops every connection: clients get "refused"
    quint16 port() const;
    QUrl baseUrl() const; // scheme://127.0.0.1:port + base path

    void setBasePath(const QString &basePath) { m_basePath = basePath; }
    void setMode(Mode mode) { m_mode = mode; }
    void setHealth(Health health) { m_health = health; }
    void setDatabaseDownDelayMs(int ms) { m_dbDownDelayMs = ms; }
    void setRateLimit(int limit, int windowSeconds);
    void setBearerKey(const QByteArray &key) { m_bearerKey = key; }
    void expireTokens() { m_tokens.clear(); } // every JWT issued so far now gets 401

    // The next `times` requests whose path starts with `pathPrefix` meet `fault`.
    void addFault(const QString &pathPrefix, const Fault &fault, int times = 1);
    void clearFaults() { m_faults.clear(); }

    // Adds `count` new tool calls, newest first, timestamped now (the hub's activity log).
    void addActivities(int count);
    int activityCount() const { return int(m_activities.size()); }
    QStringList activityIds() const;

    QList<Request> requests() const { return m_requests; }
    QList<Request> requestsTo(const QString &path) const;
    void clearRequests() { m_requests.clear(); }
    qint64 clockMs() const { return m_clock.elapsed(); }
    int tooManyRequestsServed() const;

    // Builds a compact JSON body as Express would send it.
    static QByteArray jsonBody(const nlohmann::ordered_json &json);

Q_SIGNALS:
    void requestReceived(const QString &path);

private:
    struct Response
    {
        int status = 200;
        QByteArray reason;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        int delayMs = 0;
        bool truncate = false;
    };

    bool startListening(quint16 port);
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    Response dispatch(Request &request);
    Response fromCapture(const QString &relativePath) const;
    Response capture(const QString &name) const; // from the mode's folder, else file-mode
    Response apiRoute(Request &request);
    Response login(const Request &request);
    Response activitiesPage(const Request &request);
    Response activityStats() const;
    bool authorized(const Request &request) const;
    bool countAgainstLimit(Response &response); // false when the limit is exceeded (429 set)
    void addRateLimitHeaders(Response &response) const;
    QByteArray issueToken(const QByteArray &user);
    void write(QTcpSocket *socket, int requestIndex, const Response &response);

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    QList<QTcpSocket *> m_sockets;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QSet<QTcpSocket *> m_busy; // a delayed answer is pending
    QElapsedTimer m_clock;

    QString m_basePath;
    Mode m_mode = Mode::File;
    Health m_health = Health::Healthy;
    int m_dbDownDelayMs = 45'000;
    QByteArray m_bearerKey;
    QSet<QByteArray> m_tokens;
    int m_tokenSerial = 0;

    int m_rateLimit = 600;
    int m_rateWindowSeconds = 900;
    int m_rateCount = 0;
    qint64 m_rateWindowStartMs = -1;

    struct PendingFault
    {
        QString prefix;
        Fault fault;
        int remaining;
    };
    QList<PendingFault> m_faults;

    nlohmann::ordered_json m_activities = nlohmann::ordered_json::array(); // newest first
    int m_activitySerial = 0;
    QList<Request> m_requests;
};

} // namespace mcphub::test
