#pragma once

#include "storage/result.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <atomic>
#include <optional>

namespace mcphub {

struct ServerRole;

// Looking for a PostgreSQL server to open a connection on again, on a thread that must stay
// stoppable (ConnectionKeeper's reconnection in the background): libpq only, no QtSql.
namespace ServerFinder {

// The libpq connection string QPSQL opens `db` with (its host, database, user, password and
// port, then its connect options), for a look made without QtSql.
QByteArray conninfoOf(const QSqlDatabase &db);
// The same for the server `db` is connected to now, alone (its host, address and port; any
// session, within `connectTimeoutSeconds`), without a password: what a look at whether that
// one server answers connects with. A server that asks for a password has answered (libpq
// then gives up at once), so a login that takes long (LDAP, PAM) is not waited for and no
// session is made. An IPv6 link-local address goes by its host name (libpq gives the address
// without its interface). Empty when `db` is not an open PostgreSQL connection.
QByteArray conninfoOfServer(const QSqlDatabase &db, int connectTimeoutSeconds);

// One look along the conninfo's hosts, in their order, for a server that takes the connection:
// libpq's non-blocking connect (PQconnectStartParams, PQconnectPoll), each address of each
// host (a name is resolved here and its addresses tried in turn, as libpq's blocking open
// does) within the conninfo's connect_timeout (30 s when it has none: libpq leaves the
// timeout to whoever polls), with the conninfo's target_session_attrs; then, unless
// `standbyAccepted`, a check that the server is not in recovery. `stop` is looked at every 50 ms:
// set, the look ends within that with Error::Code::Cancelled (a host name's resolution is not
// interrupted). The connection is closed again; the role says where to open one: libpq's host and
// port of the server that answered, and its address. Failing, the error names each host's reason; a
// conninfo that cannot be read is Invalid.
Result<ServerRole>
find(const QByteArray &conninfo, bool standbyAccepted, const std::atomic<bool> &stop);

// Whether the server `conninfo` names (one host, one address) answers a new connection within
// `timeoutSeconds`: any reply counts (a login under way, a refusal, a pooler's), as a frozen
// server process gives none, while a busy one or a pooler with a full pool may take long to
// let the connection in. False when nothing answers or no connection can be made; unset when
// `stop` was set (looked at every 50 ms).
std::optional<bool>
answers(const QByteArray &conninfo, int timeoutSeconds, const std::atomic<bool> &stop);

} // namespace ServerFinder

} // namespace mcphub
