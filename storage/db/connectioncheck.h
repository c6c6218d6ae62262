#pragma once

#include "storage/db/connectionprofile.h"
#include "storage/result.h"

#include <QList>
#include <QString>

#include <functional>

class QObject;

namespace mcphub {

// What "Test connection" found on the server a profile reaches.
struct ServerFacts
{
    QString version; // "PostgreSQL 15.10 (Debian 15.10-0+deb12u1) on x86_64…" / "SQLite 3.40.1"
    QString shortVersion; // "15.10", "3.40.1"
    bool primary = true;  // PostgreSQL: not pg_is_in_recovery(); SQLite: always
    QString reachedHost;  // PostgreSQL: the host of the list libpq connected to
    int reachedPort = 0;

    // Issue 16: the other services the profile names, checked after its database: its Redis
    // ("redis": PING, OwnHealth::checkRedis) and its pg_auto_failover monitor ("monitor":
    // the formation's nodes are read). Empty when it names none.
    struct Service
    {
        QString name; // "redis", "monitor"
        bool ok = false;
        QString detail; // translated: what answered, or what is wrong
    };
    QList<Service> services;
    bool servicesOk() const;
};

// Connects once with the profile (its own connection, closed before returning) and reads the
// server's version and role (then checks the Redis and monitor it names, ServerFacts::services):
// the one place the console's connection dialog and the CLI test a profile. The wait is bounded: a
// profile without a connect timeout is tried for kDefaultCheckTimeoutSeconds at most, a longer one
// for kMaxCheckTimeoutSeconds. checkConnection blocks the calling thread (the CLI, a worker);
// checkConnectionAsync runs it on a thread of its own and calls `done` on `context`'s thread (not
// when `context` is gone).
constexpr int kDefaultCheckTimeoutSeconds = 10;
constexpr int kMaxCheckTimeoutSeconds = 30;

Result<ServerFacts> checkConnection(const ConnectionProfile &profile);

using ConnectionCheckDone = std::function<void(const Result<ServerFacts> &facts)>;
void checkConnectionAsync(const ConnectionProfile &profile,
                          QObject *context,
                          ConnectionCheckDone done);

} // namespace mcphub
