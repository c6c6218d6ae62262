#pragma once

#include "storage/db/serverrepository.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace mcphub {

// An MCP server as the editors' fields (the console's Servers page and "mcphub-adminctl
// server"): the names WorkspaceCapabilities declares for "mcpServers" (name, type, enabled,
// description, owner, command, args, env, url, headers, passthroughHeaders, enableKeepAlive,
// keepAliveInterval, openapiUrl, openapiSchema, openapiSecurity, tools), MCPHub's rules over
// them, and the record they make. Lists (args, passthroughHeaders) are QStringLists; objects
// (env, headers, tools, openapiSchema, openapiSecurity) are JSON object text. Pure functions.
class ServerFields
{
public:
    static QStringList types(); // stdio, sse, streamable-http, openapi

    // Whether a server of `type` has `field` (MCPHub's ServerConfig by type: command and args
    // for stdio; url, passthroughHeaders and keep-alive for sse and streamable-http; the
    // openapi* fields for openapi; headers for all but stdio; env for all but openapi; the
    // rest for every type). overlay() drops what a type does not have.
    static bool typeHas(const QString &type, const QString &field);

    // The fields of `server` (without its id).
    static QVariantMap values(const ServerRecord &server);
    // `server` (the stored one, or a new one) with the fields of `values` overlaid; fields
    // the editors do not edit (options, oauth, proxy, unknown keys) are kept. Lists are
    // written as MCPHub's JSON.stringify writes them.
    static ServerRecord overlay(ServerRecord server, const QVariantMap &values);
    // A list field (args, passthroughHeaders) as the JSON text MCPHub's JSON.stringify
    // writes; null for an empty list.
    static QString listText(const QStringList &list);
    // Problems of one server's fields by field (translated; MCPHub's rules, reference §1.2).
    static QHash<QString, QString> problems(const QVariantMap &values);
};

} // namespace mcphub
