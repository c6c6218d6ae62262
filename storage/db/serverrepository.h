#pragma once

#include "storage/db/mcphubrowcheck.h"
#include "storage/db/repositorybase.h"

#include <QDateTime>
#include <functional>
#include <optional>

namespace mcphub {

// An MCP server entry (table mcp_servers) with every field of a settings file's ServerConfig.
// Object and array fields are JSON text exactly as written (null QString = absent).
struct ServerRecord
{
    qint64 id = 0;
    QString uuid; // MCPHub's database: its id (the console's database: `id`)
    QString name;
    QString type; // stdio, sse, streamable-http, openapi (inferred when the file has none)
    QString description;
    QString command;
    QString args; // JSON array
    QString url;
    QString env;                // JSON object
    QString headers;            // JSON object
    QString passthroughHeaders; // JSON array
    bool enabled = true;
    QString owner;
    std::optional<bool> enableKeepAlive;
    std::optional<qint64> keepAliveInterval;
    QString tools;     // JSON object
    QString prompts;   // JSON object
    QString resources; // JSON object
    QString options;   // JSON object
    QString proxy;     // JSON object
    QString oauth;     // JSON object
    QString openapi;   // JSON object
    QString extra;     // JSON object: keys this version does not know
    QString keyOrder;  // JSON array: the entry's keys in file order
    int ordinal = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
    QList<RowFinding> findings; // MCPHub's database: what is wrong with the stored row

    QJsonObject auditSummary() const; // no secrets (env, headers, oauth are left out)
};

struct ServerFilter
{
    QString search; // part of the name or description
    QString type;
    std::optional<bool> enabled;
    QString owner;
};

// MCP servers: CRUD by name, paging and filtering in SQL; every write audited. In MCPHub's own
// database the rows are MCPHub's servers (camelCase columns, JSON as text, uuid ids, a NULL
// type inferred as stdio from a command and kept NULL), written as MCPHub writes them: only
// the changed columns, updated_at = now(). A rename is MCPHub's (serverController.ts:882-911):
// the row keeps its id, and every group and bearer key naming the server names the new name,
// in the same transaction, on every kind of workspace; the servers' tool keys and the usage
// log are not rewritten (MCPHub does not rewrite them either).
class ServerRepository : public RepositoryBase
{
public:
    using RepositoryBase::RepositoryBase;

    Result<qint64> create(const ServerRecord &server);
    // Updates the server whose id is server.id (MCPHub's database: server.uuid), so a rename
    // keeps its history; a new name already taken by another server is refused (Conflict).
    // In MCPHub's database, given `unedited` (the stored row with the editor's values as
    // read), a column whose value is the same in `server` and `unedited` is not written: only
    // what the administrator changed is, and a stored value the console cannot read stays.
    Result<void> update(const ServerRecord &server, const ServerRecord *unedited = nullptr);
    // Renames server `oldName` to `newName` as update() does; NotFound when there is none.
    Result<void> rename(const QString &oldName, const QString &newName);
    Result<void> setEnabled(const QString &name, bool enabled);
    Result<void> remove(const QString &name);
    Result<std::optional<ServerRecord>> find(const QString &name) const;
    Result<Page<ServerRecord>> list(const ServerFilter &filter, const PageRequest &page) const;

    // `server` with the fields of the console's mcp_servers columns (type ... key_order, not
    // id, name, ordinal or the times) as `column` gives them by column name; a null value is
    // an empty text or an unset option. What a row of the table and a mapped settings entry
    // (SettingsMapper) both become.
    static ServerRecord withConsoleColumns(ServerRecord server,
                                           const std::function<QVariant(const QString &)> &column);

private:
    QString table() const;                             // mcp_servers, or MCPHub's servers
    Columns columns(const ServerRecord &server) const; // the table's own names
    Columns consoleColumns(const ServerRecord &server) const;
    ServerRecord fromMcphubRecord(const QSqlRecord &record) const;
    ServerRecord fromRecord(const QSqlRecord &record) const;
    Result<std::optional<ServerRecord>> findBy(const QString &column, const QVariant &value) const;
};

} // namespace mcphub
