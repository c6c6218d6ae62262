#include "storage/db/serverfinder.h"

#include "storage/db/bulkinserter.h"
#include "storage/db/connectionkeeper.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QScopeGuard>

#include <libpq-fe.h>

#ifdef Q_OS_WIN
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#endif

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace mcphub::ServerFinder {

namespace {

constexpr int kSlice = 50; // ms between looks at `stop`
constexpr int kDefaultTimeoutSeconds = 30;

// A message of the look, translated unless the look was stopped: a stopped look's thread may
// outlive the application (a host name's resolution is not interrupted), and then touches
// nothing of Qt's translators. `text` is marked with QT_TRANSLATE_NOOP where it is written.
QString lookText(const std::atomic<bool> &stop, const char *context, const char *text)
{
    return stop.load() ? QString::fromUtf8(text) : QCoreApplication::translate(context, text);
}

// QPSQL's quoting of a value in its connection string.
QString quotedValue(QString value)
{
    value.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    value.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

// Waits up to `ms` for the socket to be readable (or writable); true when it is.
bool waitSocket(int socket, bool forReading, int ms)
{
#ifdef Q_OS_WIN
    WSAPOLLFD fd{};
    fd.fd = SOCKET(socket);
    fd.events = forReading ? POLLRDNORM : POLLWRNORM;
    return WSAPoll(&fd, 1, ms) > 0;
#else
    pollfd fd{};
    fd.fd = socket;
    fd.events = forReading ? POLLIN : POLLOUT;
    return ::poll(&fd, 1, ms) > 0;
#endif
}

struct ConnDeleter
{
    void operator()(PGconn *conn) const { PQfinish(conn); }
};
using Conn = std::unique_ptr<PGconn, ConnDeleter>;

struct OptionsDeleter
{
    void operator()(PQconninfoOption *options) const { PQconninfoFree(options); }
};

QString libpqMessage(const PGconn *conn)
{
    return QString::fromUtf8(PQerrorMessage(conn)).trimmed();
}

enum class Wait { Ready, TimedOut, Stopped };

// Sleeps in slices until the socket is ready, the deadline passes or `stop` is set.
Wait waitReady(int socket,
               bool forReading,
               const QDeadlineTimer &deadline,
               const std::atomic<bool> &stop)
{
    while (!stop.load()) {
        const qint64 left = deadline.remainingTime();
        if (left == 0)
            return Wait::TimedOut;
        if (waitSocket(socket, forReading, int(left < 0 ? kSlice : qMin<qint64>(kSlice, left))))
            return Wait::Ready;
    }
    return Wait::Stopped;
}

// Whether the connected server is in recovery (a standby); the query sent and read without
// blocking past `stop` or the deadline.
Result<bool> inRecovery(PGconn *conn, const QDeadlineTimer &deadline, const std::atomic<bool> &stop)
{
    if (PQsetnonblocking(conn, 1) != 0 || !PQsendQuery(conn, "SELECT pg_is_in_recovery()"))
        return Error::make(Error::Code::Database, libpqMessage(conn));
    for (int flushed = PQflush(conn); flushed != 0; flushed = PQflush(conn)) {
        if (flushed < 0)
            return Error::make(Error::Code::Database, libpqMessage(conn));
        if (const Wait w = waitReady(PQsocket(conn), false, deadline, stop); w != Wait::Ready)
            return Error::make(
                w == Wait::Stopped ? Error::Code::Cancelled : Error::Code::Network,
                lookText(stop,
                         "ServerFinder",
                         QT_TRANSLATE_NOOP("ServerFinder", "The server did not answer in time.")));
    }
    std::optional<bool> recovering;
    QString failure;
    while (true) {
        if (!PQconsumeInput(conn))
            return Error::make(Error::Code::Database, libpqMessage(conn));
        if (PQisBusy(conn)) {
            if (const Wait w = waitReady(PQsocket(conn), true, deadline, stop); w != Wait::Ready)
                return Error::make(
                    w == Wait::Stopped ? Error::Code::Cancelled : Error::Code::Network,
                    lookText(
                        stop,
                        "ServerFinder",
                        QT_TRANSLATE_NOOP("ServerFinder", "The server did not answer in time.")));
            continue;
        }
        PGresult *result = PQgetResult(conn);
        if (!result)
            break;
        if (PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1)
            recovering = qstrcmp(PQgetvalue(result, 0, 0), "t") == 0;
        else
            failure = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
        PQclear(result);
    }
    if (!recovering)
        return Error::make(Error::Code::Database, failure);
    return *recovering;
}

// The addresses of a host name, as numbers, in the order the resolver gives them (the order
// libpq goes along them). None for a socket folder or an empty name (libpq's default, from
// the environment), and when PGHOSTADDR gives the address: libpq is then given the name
// alone. A name that does not resolve is an error saying why (not resolved twice).
Result<std::vector<std::string>> addressesOf(const std::string &host, const std::atomic<bool> &stop)
{
    if (host.empty() || host.front() == '/' || host.front() == '@'
        || qEnvironmentVariableIsSet("PGHOSTADDR"))
        return std::vector<std::string>{};
#ifdef Q_OS_WIN
    WSADATA wsa{};
    if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0)
        return std::vector<std::string>{}; // libpq's own lookup then
    const auto cleanup = qScopeGuard([] { WSACleanup(); });
#endif
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *list = nullptr;
    if (const int failed = getaddrinfo(host.c_str(), nullptr, &hints, &list);
        failed != 0 || !list) {
        return Error::make(
            Error::Code::Network,
            lookText(stop,
                     "ServerFinder",
                     QT_TRANSLATE_NOOP("ServerFinder", "the name does not resolve (%1)."))
                .arg(QString::fromLocal8Bit(gai_strerror(failed))));
    }
    std::vector<std::string> addresses;
    for (const addrinfo *a = list; a; a = a->ai_next) {
        char text[NI_MAXHOST] = {};
        if (getnameinfo(
                a->ai_addr, socklen_t(a->ai_addrlen), text, sizeof text, nullptr, 0, NI_NUMERICHOST)
                == 0
            && std::find(addresses.begin(), addresses.end(), text) == addresses.end())
            addresses.emplace_back(text);
    }
    freeaddrinfo(list);
    return addresses;
}

enum class Polled { Connected, Answered, Failed, TimedOut, Stopped };

// Drives PQconnectPoll on `conn` until the connection is made or fails, an address gets no
// answer within `timeoutSeconds` (libpq's connect_timeout is per address), or `stop`. With
// `untilAnswered`, it ends (Answered) as soon as the server has said anything (authentication,
// parameters...), the login unfinished. `reached` says whether a connection was made: a
// failure after that is the other end's answer (a refusal, a close).
Polled pollConnect(PGconn *conn,
                   int timeoutSeconds,
                   const std::atomic<bool> &stop,
                   bool untilAnswered,
                   bool *reached)
{
    *reached = false;
    QDeadlineTimer deadline(qint64(timeoutSeconds) * 1000);
    // As if PQconnectPoll had last asked to write (libpq's documented start).
    PostgresPollingStatusType polled = PGRES_POLLING_WRITING;
    QByteArray address = PQhostaddr(conn);
    while (true) {
        const ConnStatusType status = PQstatus(conn);
        if (status == CONNECTION_BAD || polled == PGRES_POLLING_FAILED)
            return Polled::Failed;
        if (polled == PGRES_POLLING_OK)
            return Polled::Connected;
        switch (status) {
        case CONNECTION_STARTED:
        case CONNECTION_NEEDED:
            break;
        case CONNECTION_MADE: // sent, and waiting for the server's first word
        case CONNECTION_AWAITING_RESPONSE:
        case CONNECTION_SSL_STARTUP:
        case CONNECTION_GSS_STARTUP:
            *reached = true;
            break;
        default:
            *reached = true;
            if (untilAnswered)
                return Polled::Answered;
        }
        // Should libpq go on to another address of a name given alone, another timeout.
        if (const QByteArray now = PQhostaddr(conn); now != address) {
            address = now;
            deadline = QDeadlineTimer(qint64(timeoutSeconds) * 1000);
        }
        const Wait w = waitReady(PQsocket(conn), polled == PGRES_POLLING_READING, deadline, stop);
        if (w == Wait::Stopped)
            return Polled::Stopped;
        if (w == Wait::TimedOut)
            return Polled::TimedOut;
        polled = PQconnectPoll(conn);
    }
}

// One connection attempt with `given` (one host, at most one address), within
// `timeoutSeconds`, then the recovery check. Fails Network when nothing answered in time or
// no connection was made, Database when the server refused the connection or failed the
// check, ReadOnly when it is a standby and none is accepted (the message names it),
// Cancelled when stopped.
Result<ServerRole> attempt(const std::vector<std::pair<std::string, std::string>> &given,
                           int timeoutSeconds,
                           bool standbyAccepted,
                           const std::atomic<bool> &stop)
{
    std::vector<const char *> keywords, values;
    for (const auto &[keyword, value] : given) {
        keywords.push_back(keyword.c_str());
        values.push_back(value.c_str());
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);
    Conn conn(PQconnectStartParams(keywords.data(), values.data(), 0));
    if (!conn)
        return Error::make(
            Error::Code::Generic,
            lookText(stop, "ServerFinder", QT_TRANSLATE_NOOP("ServerFinder", "Out of memory.")));
    bool reached = false;
    switch (pollConnect(conn.get(), timeoutSeconds, stop, false, &reached)) {
    case Polled::Connected:
    case Polled::Answered:
        break;
    case Polled::Stopped:
        return Error::make(
            Error::Code::Cancelled,
            lookText(stop, "ServerFinder", QT_TRANSLATE_NOOP("ServerFinder", "Stopped.")));
    case Polled::TimedOut:
        return Error::make(Error::Code::Network,
                           lookText(stop,
                                    "ServerFinder",
                                    QT_TRANSLATE_NOOP("ServerFinder", "no answer within %1 s."))
                               .arg(timeoutSeconds));
    case Polled::Failed:
        // Not reached: another address of the name may be reachable. Reached and refused
        // (a password, a database, target_session_attrs): that server says the same on
        // every address.
        return Error::make(reached ? Error::Code::Database : Error::Code::Network,
                           libpqMessage(conn.get()));
    }
    ServerRole role;
    role.host = QString::fromUtf8(PQhost(conn.get()));
    role.port = QByteArray(PQport(conn.get())).toInt();
    role.hostAddress = QString::fromUtf8(PQhostaddr(conn.get()));
    // An IPv6 link-local address comes without its interface (fe80::...%eth0): opened by
    // it, the connection would fail; the name is used then.
    if (role.hostAddress.startsWith(QLatin1String("fe80:"), Qt::CaseInsensitive))
        role.hostAddress.clear();
    const auto recovering
        = inRecovery(conn.get(), QDeadlineTimer(qint64(timeoutSeconds) * 1000), stop);
    if (!recovering)
        return recovering.error();
    role.primary = !*recovering;
    if (!role.primary && !standbyAccepted) {
        return Error::make(Error::Code::ReadOnly, // says where itself
                           lookText(stop,
                                    "mcphub::ConnectionKeeper",
                                    QT_TRANSLATE_NOOP("mcphub::ConnectionKeeper",
                                                      "%1 is a standby; waiting for a primary."))
                               .arg(role.address()));
    }
    return role;
}

} // namespace

QByteArray conninfoOf(const QSqlDatabase &db)
{
    QStringList parts;
    if (!db.hostName().isEmpty())
        parts << QStringLiteral("host=") + quotedValue(db.hostName());
    if (!db.databaseName().isEmpty())
        parts << QStringLiteral("dbname=") + quotedValue(db.databaseName());
    if (!db.userName().isEmpty())
        parts << QStringLiteral("user=") + quotedValue(db.userName());
    if (!db.password().isEmpty())
        parts << QStringLiteral("password=") + quotedValue(db.password());
    if (db.port() != -1)
        parts << QStringLiteral("port=") + quotedValue(QString::number(db.port()));
    if (!db.connectOptions().isEmpty()) {
        QString options = db.connectOptions();
        parts << options.replace(QLatin1Char(';'), QLatin1Char(' '));
    }
    return parts.join(QLatin1Char(' ')).toLocal8Bit();
}

QByteArray conninfoOfServer(const QSqlDatabase &db, int connectTimeoutSeconds)
{
    auto *conn = static_cast<PGconn *>(BulkInserter::postgresHandle(db));
    if (!conn || PQstatus(conn) != CONNECTION_OK)
        return {};
    // libpq keeps the last of a repeated keyword: these replace the profile's host list.
    const QString host = QString::fromUtf8(PQhost(conn));
    const QString address = QString::fromUtf8(PQhostaddr(conn));
    QString server = QStringLiteral(" host=%1 port=%2 target_session_attrs=any connect_timeout=%3")
                         .arg(quotedValue(host), quotedValue(QString::fromUtf8(PQport(conn))))
                         .arg(connectTimeoutSeconds);
    if (!address.isEmpty() && !host.startsWith(QLatin1Char('/'))
        && !address.startsWith(QLatin1String("fe80:"), Qt::CaseInsensitive))
        server += QStringLiteral(" hostaddr=%1").arg(quotedValue(address));
    // No password, and no password file (a path that is not there is passed over quietly).
    server += QStringLiteral(" password='' passfile='/nonexistent/mcphub-admin/probe'");
    return conninfoOf(db) + server.toLocal8Bit();
}

Result<ServerRole>
find(const QByteArray &conninfo, bool standbyAccepted, const std::atomic<bool> &stop)
{
    char *parseError = nullptr;
    const std::unique_ptr<PQconninfoOption, OptionsDeleter> options(
        PQconninfoParse(conninfo.constData(), &parseError));
    if (!options) {
        const QString why = parseError ? QString::fromUtf8(parseError).trimmed() : QString();
        PQfreemem(parseError);
        return Error::make(
            Error::Code::Invalid,
            lookText(
                stop,
                "ServerFinder",
                QT_TRANSLATE_NOOP("ServerFinder", "The connection's parameters cannot be read.")),
            {},
            why);
    }
    // Every given option but the host list, its ports and its addresses, which this look goes
    // along itself, host by host and address by address. target_session_attrs stays: libpq
    // checks it within PQconnectPoll, as the blocking open along the list would (a primary
    // that is read-only is passed over there).
    std::vector<std::pair<std::string, std::string>> common;
    QStringList hosts, ports, hostAddresses;
    int timeoutSeconds = kDefaultTimeoutSeconds;
    for (const PQconninfoOption *o = options.get(); o->keyword; ++o) {
        if (!o->val)
            continue;
        const QByteArray keyword(o->keyword);
        const QString value = QString::fromUtf8(o->val);
        if (keyword == "host") {
            hosts = value.split(QLatin1Char(','));
        } else if (keyword == "port") {
            ports = value.split(QLatin1Char(','));
        } else if (keyword == "hostaddr") {
            hostAddresses = value.split(QLatin1Char(','));
        } else {
            if (keyword == "connect_timeout" && value.trimmed().toInt() > 0)
                timeoutSeconds = qMax(2, value.trimmed().toInt()); // libpq's own minimum
            common.emplace_back(o->keyword, o->val);
        }
    }
    if (hosts.isEmpty() && !hostAddresses.isEmpty())
        hosts.resize(hostAddresses.size()); // addresses alone
    if (hosts.isEmpty())
        hosts << QString(); // libpq's default: the local socket
    const auto nth = [&](const QStringList &list, qsizetype i) {
        return list.size() == hosts.size() ? list.at(i)
               : list.size() == 1          ? list.first()
                                           : QString();
    };
    QStringList why; // per host or address, "HOST:PORT: reason"
    for (qsizetype i = 0; i < hosts.size(); ++i) {
        // Before each host's name resolution, which nothing interrupts.
        if (stop.load())
            return Error::make(Error::Code::Cancelled, QStringLiteral("Stopped."));
        const QString host = hosts.at(i).trimmed();
        const QString port = nth(ports, i).trimmed();
        const QString givenAddress = nth(hostAddresses, i).trimmed();
        // Each of the name's addresses gets its own connect_timeout, as libpq's blocking
        // open gives it: a name whose first address does not answer (an IPv6 address on a
        // network that drops it) is reached on the next, not given up.
        const auto resolved = givenAddress.isEmpty()
                                  ? addressesOf(host.toStdString(), stop)
                                  : Result<std::vector<std::string>>(
                                      std::vector<std::string>{givenAddress.toStdString()});
        const QString label
            = (host.isEmpty()
                   ? (givenAddress.isEmpty() ? QStringLiteral("localhost") : givenAddress)
                   : host)
              + (port.isEmpty() ? QString() : QLatin1Char(':') + port);
        if (!resolved) {
            why << label + QStringLiteral(": ") + resolved.error().message;
            continue;
        }
        const std::vector<std::string> &addresses = *resolved;
        bool nextHost = false;
        for (size_t a = 0; a < qMax<size_t>(1, addresses.size()) && !nextHost; ++a) {
            if (stop.load())
                return Error::make(Error::Code::Cancelled, QStringLiteral("Stopped."));
            std::vector<std::pair<std::string, std::string>> given = common;
            if (!host.isEmpty())
                given.emplace_back("host", host.toStdString());
            QString place = label;
            if (!addresses.empty()) {
                given.emplace_back("hostaddr", addresses.at(a));
                if (addresses.size() > 1 && !host.isEmpty())
                    place += QStringLiteral(" (%1)").arg(QString::fromStdString(addresses.at(a)));
            }
            if (!port.isEmpty())
                given.emplace_back("port", port.toStdString());
            auto found = attempt(given, timeoutSeconds, standbyAccepted, stop);
            if (found)
                return found;
            if (found.error().code == Error::Code::Cancelled)
                return found.error();
            why << (found.error().code == Error::Code::ReadOnly
                        ? found.error().message
                        : place + QStringLiteral(": ") + found.error().message);
            // A server answered: another address of the name is the same server (a standby
            // is one there too), so the next host.
            nextHost = found.error().code != Error::Code::Network;
        }
    }
    return Error::make(Error::Code::Network, why.join(QStringLiteral("; ")));
}

std::optional<bool>
answers(const QByteArray &conninfo, int timeoutSeconds, const std::atomic<bool> &stop)
{
    Conn conn(PQconnectStart(conninfo.constData()));
    if (!conn)
        return false;
    bool reached = false;
    switch (pollConnect(conn.get(), qMax(1, timeoutSeconds), stop, true, &reached)) {
    case Polled::Connected:
    case Polled::Answered:
        return true;
    case Polled::Failed:
        // Refused or closed by the other end after the connection was made: something
        // there answered. Never made: nothing is there to answer.
        return reached;
    case Polled::TimedOut:
        return false;
    case Polled::Stopped:
        break;
    }
    return std::nullopt;
}

} // namespace mcphub::ServerFinder
