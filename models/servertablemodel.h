#pragma once

#include "models/pendingtablemodel.h"
#include "storage/db/repositorycontext.h"
#include "storage/hub/hubchange.h"

namespace mcphub {

// The workspace's MCP servers as pending edits. Columns: name, type, enabled, description,
// owner; the type's own fields (command, args, env, url, headers, keep-alive, OpenAPI url,
// schema and security) are row values edited in the detail panel. Validation follows
// MCPHub's rules (reference §1.2). Apply writes through ServerRepository in one transaction;
// fields the console does not edit (options, oauth, proxy, unknown keys) are kept.
class ServerTableModel : public PendingTableModel
{
    Q_OBJECT

public:
    static inline const QString kId = QStringLiteral("id");
    static inline const QString kName = QStringLiteral("name");
    static inline const QString kType = QStringLiteral("type");
    static inline const QString kEnabled = QStringLiteral("enabled");
    static inline const QString kDescription = QStringLiteral("description");
    static inline const QString kOwner = QStringLiteral("owner");
    static inline const QString kCommand = QStringLiteral("command");
    static inline const QString kArgs = QStringLiteral("args"); // QStringList
    static inline const QString kEnv = QStringLiteral("env");   // JSON object text
    static inline const QString kUrl = QStringLiteral("url");
    static inline const QString kHeaders = QStringLiteral("headers"); // JSON object text
    static inline const QString kPassthrough = QStringLiteral("passthroughHeaders"); // QStringList
    static inline const QString kKeepAlive = QStringLiteral("enableKeepAlive");      // bool
    static inline const QString kKeepAliveInterval = QStringLiteral("keepAliveInterval"); // text
    static inline const QString kOpenApiUrl = QStringLiteral("openapiUrl");
    static inline const QString kOpenApiSchema = QStringLiteral("openapiSchema");     // JSON text
    static inline const QString kOpenApiSecurity = QStringLiteral("openapiSecurity"); // JSON text
    static inline const QString kTools = QStringLiteral("tools"); // JSON object text

    static QStringList types(); // stdio, sse, streamable-http, openapi

    // A JSON object of strings (env, headers) as ordered pairs and back, key order kept.
    static QList<QPair<QString, QString>> pairsFromJson(const QString &objectText);
    static QString jsonFromPairs(const QList<QPair<QString, QString>> &pairs);

    explicit ServerTableModel(const RepositoryContext &context, QObject *parent = nullptr);

    // What the hubs running on MCPHub's database must be told (HubChange) for `changes`:
    // the stops to send before they are written (a removed or renamed server, which the hub
    // knows by its stored name and which its API no longer finds afterwards), and the calls
    // after the commit.
    static QList<HubChange> hubChangesBefore(const QList<PendingChange> &changes);
    static QList<HubChange> hubChangesAfter(const QList<PendingChange> &changes);

    int addServer(const QString &name, const QString &type);
    int duplicateServer(int row); // a copy named "<name>-copy", pending

    // Problems of one row's values by field (MCPHub's rules; no database needed).
    static QHash<QString, QString> rules(const QVariantMap &values);

    // The server of `row` as MCPHub's settings file holds it (ServerEntry::text): the stored
    // server with the row's values, pending edits included.
    Result<QString> entryText(int row) const;
    // Turns the edited entry `text` into pending edits of `row` (one undo step; Apply and
    // Revert as for any edit). Refused, nothing changed: text that is not JSON (where =
    // line:column), an entry MCPHub's checks refuse (where = JSON pointer), a change to a
    // part the Servers page does not edit (options, OAuth, proxy, prompts, resources, keys
    // MCPHub does not know: where = its pointer), a read-only model. Returns how many fields
    // changed (0: the text says what the row holds).
    Result<int> setEntryText(int row, const QString &text);

protected:
    QHash<QString, QString> validate(int row) const override;

private:
    Result<ServerRecord> recordAt(int row) const;

    RepositoryContext m_context;
};

} // namespace mcphub
