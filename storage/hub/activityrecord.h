#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace mcphub {

// One tool call from a hub's /api/activities, shaped for the workspace table mcp_usage_logs
// (timestamp, username, server_name, tool_name, success, arguments, error_message, duration,
// ip). `id` is the hub's own UUID, the key that keeps a sync free of duplicates.
struct ActivityRecord
{
    QString id;
    QDateTime timestamp; // UTC, millisecond precision as the hub sends it
    QString username;    // null for calls through the REST tool route
    QString serverName;
    QString toolName;
    bool success = false; // status == "success"
    QString arguments;    // the call's input, a JSON text (pretty-printed by the hub)
    QString output;       // the call's output, a JSON text, may be empty
    QString errorMessage;
    int durationMs = 0;
    QString ip;    // sourceIp
    QString group; // group route used, if any
    QString keyId; // bearer key used, if any
    QString keyName;

    bool operator==(const ActivityRecord &other) const = default;
};

} // namespace mcphub

Q_DECLARE_METATYPE(mcphub::ActivityRecord)
