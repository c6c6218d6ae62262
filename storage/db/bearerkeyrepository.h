#pragma once

#include "storage/db/mcphubrowcheck.h"
#include "storage/db/repositorybase.h"

#include <QDateTime>
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

private:
    Columns columns(const BearerKeyRecord &key) const;
    BearerKeyRecord fromRecord(const QSqlRecord &record) const;
    // Finds the key (NotFound otherwise) and runs `apply` with it.
    Result<void> withExisting(const QString &id,
                              const std::function<Result<void>(const BearerKeyRecord &)> &apply);
};

} // namespace mcphub
