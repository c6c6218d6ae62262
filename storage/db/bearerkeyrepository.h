#pragma once

#include "storage/db/mcphubrowcheck.h"
#include "storage/db/repositorybase.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>
#include <optional>

namespace mcphub {

// A bearer key for MCP endpoints (table bearer_keys). The token is stored as MCPHub stores it
// (plain text) and never written to the audit trail.
struct BearerKeyRecord
{
    QString id; // uuid
    QString name;
    QString token;
    bool enabled = true;
    QString accessType = QStringLiteral("all"); // all, groups, servers, custom
    QString allowedGroups;                      // JSON array, null when absent
    QString allowedServers;                     // JSON array, null when absent
    QString extra;
    QString keyOrder;
    int ordinal = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
    QList<RowFinding> findings; // MCPHub's database: what is wrong with the stored row

    QJsonObject auditSummary() const;

    // MCPHub's access types: all, groups, servers, custom.
    static QStringList accessTypes();
    // A new token in MCPHub's own format (POST /api/auth/keys): "mcphub_" + 32 bytes from
    // the system's CSPRNG as 64 lowercase hex digits.
    static QString generateToken();
    // A token as MCPHub's API lists it: the first 8 characters, "...", the last 4; a short
    // one is all asterisks. Never the whole token.
    static QString maskedToken(const QString &token);
    // The names of a JSON array of names (allowedGroups, allowedServers); empty for none.
    static QStringList names(const QString &jsonArray);
    // Names as the JSON array text MCPHub's JSON.stringify writes.
    static QString namesJson(const QStringList &names);
    // Whether stored text is what MCPHub can load as a list of names: SQL NULL, or a JSON
    // array of strings (invalid text makes every MCPHub query that loads the row throw).
    static bool isNameList(const QString &jsonArray);
    // The stored text while the names are those it holds (its bytes kept, as written by
    // MCPHub or the file), else `names` as namesJson() (null for none when it was null).
    static QString namesKeeping(const QString &stored, const QStringList &names);
    // Problems of an access type and its lists, by field ("accessType", "allowedGroups",
    // "allowedServers"; translated).
    static QHash<QString, QString> accessProblems(const QString &accessType,
                                                  const QStringList &groups,
                                                  const QStringList &servers);
};

struct BearerKeyFilter
{
    QString search; // part of the name
    std::optional<bool> enabled;
};

// Bearer keys: CRUD by id, paging and filtering in SQL; every write audited. In MCPHub's own
// database the rows are MCPHub's ("accessType", "allowedGroups"... as JSON text), written as
// MCPHub writes them: only the changed columns, updated_at = now().
class BearerKeyRepository : public RepositoryBase
{
public:
    using RepositoryBase::RepositoryBase;

    Result<void> create(const BearerKeyRecord &key); // a null id gets a new uuid
    // `unedited`: as ServerRepository::update.
    Result<void> update(const BearerKeyRecord &key, const BearerKeyRecord *unedited = nullptr);
    Result<void> remove(const QString &id);
    Result<std::optional<BearerKeyRecord>> find(const QString &id) const;
    Result<Page<BearerKeyRecord>> list(const BearerKeyFilter &filter,
                                       const PageRequest &page) const;
    // Every key, in list order.
    Result<QList<BearerKeyRecord>> all() const;
    // The keys named `nameOrId` (its id, else every key of that name: names are not unique).
    Result<QList<BearerKeyRecord>> findByNameOrId(const QString &nameOrId) const;

    // A server renamed: every key whose allowedServers names `oldName` names `newName`
    // instead (audited, in the caller's transaction, only that column and updated_at).
    Result<void> renameServer(const QString &oldName, const QString &newName);

private:
    Columns columns(const BearerKeyRecord &key) const;
    BearerKeyRecord fromRecord(const QSqlRecord &record) const;
    // Finds the key (NotFound otherwise) and runs `apply` with it.
    Result<void> withExisting(const QString &id,
                              const std::function<Result<void>(const BearerKeyRecord &)> &apply);
};

} // namespace mcphub
