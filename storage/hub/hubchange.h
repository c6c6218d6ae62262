#pragma once

#include "storage/error.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace mcphub {

struct ServerRecord;

// One thing a running MCPHub keeps in memory that a change written straight into its
// database does not reach, and the API call that makes the hub take it (mcphub-dbmode.md
// §2.4 and §8.4, checked on a real hub in §11): a server inserted or enabled is started by
// POST /api/servers/:name/toggle {"enabled":true} (reload answers "Failed to reload server"
// for a server the hub has not loaded); a server disabled, or about to be removed, is stopped
// by the same call with false (an SQL UPDATE leaves it running, and after a DELETE the API
// no longer finds it); changed connection fields of a running server are applied by
// POST /api/servers/:name/reload; system_config's nameSeparator, toolResultCompression and
// activityLog are cached at boot and re-read by PUT /api/system-config.
struct HubChange
{
    Q_DECLARE_TR_FUNCTIONS(HubChange)

public:
    enum class Kind { StartServer, StopServer, ReloadServer, RefreshSystemConfig };

    Kind kind = Kind::StartServer;
    QString server;        // the server's name; empty for RefreshSystemConfig
    QString nameSeparator; // RefreshSystemConfig: the value re-sent (the one now stored)

    static HubChange startServer(const QString &name) { return {Kind::StartServer, name, {}}; }
    static HubChange stopServer(const QString &name) { return {Kind::StopServer, name, {}}; }
    static HubChange reloadServer(const QString &name) { return {Kind::ReloadServer, name, {}}; }
    // PUT /api/system-config re-reads the whole row; re-sending the stored nameSeparator
    // makes it a valid request that changes nothing else.
    static HubChange refreshSystemConfig(const QString &storedNameSeparator)
    {
        return {Kind::RefreshSystemConfig, {}, storedNameSeparator};
    }

    QByteArray method() const;
    QString path() const; // under the hub's base path, the name percent-encoded
    QByteArray body() const;
    QString description() const; // translated: "start server \"x\""

    // The calls that make a running hub match a server row's change, after the change is
    // committed: `before` absent = inserted, `after` absent = removed (its stop must be sent
    // before the row goes: see stopBeforeRemoving). Only the fields the hub keeps in memory
    // count: tools, prompts and resources are read from the row on every request.
    static QList<HubChange> forServer(const std::optional<ServerRecord> &before,
                                      const std::optional<ServerRecord> &after);
    // The system_config keys a running hub caches at boot (others are read per request or
    // only at a restart).
    static bool refreshesSystemConfig(const QString &key);

    bool operator==(const HubChange &other) const = default;
};

// What one hub said to one change.
struct HubChangeResult
{
    Q_DECLARE_TR_FUNCTIONS(HubChangeResult)

public:
    QString hub;
    HubChange change;
    bool applied = false;
    std::optional<Error> error; // what failed, when not applied
    bool unreachable = false;   // no answer at all: it applies at the hub's next restart

    // One line: "hub-a: start server \"x\": done" / "...: applies at the next restart of
    // hub-a (...)" / "...: failed: ... <what to do>". Translated.
    QString text() const;
};

} // namespace mcphub
