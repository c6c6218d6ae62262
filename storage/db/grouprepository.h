#pragma once

#include "storage/db/mcphubrowcheck.h"
#include "storage/db/repositorybase.h"

#include <QDateTime>
#include <optional>

namespace mcphub {

// A server group (table groups). `servers` is the JSON array as written: names, or
// {name, tools, prompts, resources} objects.
struct GroupRecord
{
    QString id; // uuid
    QString name;
    QString description;
    QString servers = QStringLiteral("[]");
    QString owner;
    QString extra;
    QString keyOrder;
    int ordinal = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
    QList<RowFinding> findings; // MCPHub's database: what is wrong with the stored row

    QJsonObject auditSummary() const;

    // The names of the servers in `servers` (plain names and {name, ...} entries), in order;
    // empty when the text is not a JSON array.
    QStringList memberNames() const;
    // `servers` with exactly the members `names`, in that order: an entry kept keeps its
    // form ({name, tools...} stays), a new one is a plain name; as MCPHub's JSON.stringify
    // writes it. The stored text itself when the names are already those.
    QString serversWithMembers(const QStringList &names) const;
    // `servers` with server `oldName` named `newName` (plain names and {name, ...} entries,
    // as MCPHub's rename does), or nothing when it names no such server or is not JSON.
    std::optional<QString> serversRenaming(const QString &oldName, const QString &newName) const;
};

struct GroupFilter
{
    QString search; // part of the name
    QString owner;
};

// Groups: CRUD by id, paging and filtering in SQL; every write audited.
class GroupRepository : public RepositoryBase
{
public:
    using RepositoryBase::RepositoryBase;

    Result<void> create(const GroupRecord &group); // a null id gets a new uuid
    // `unedited`: as ServerRepository::update.
    Result<void> update(const GroupRecord &group, const GroupRecord *unedited = nullptr);
    Result<void> remove(const QString &id);
    Result<std::optional<GroupRecord>> find(const QString &id) const;
    Result<Page<GroupRecord>> list(const GroupFilter &filter, const PageRequest &page) const;
    // Every group, in list order.
    Result<QList<GroupRecord>> all() const;
    // The groups named `nameOrId` (its id, else every group of that name: names are not
    // unique in MCPHub's table).
    Result<QList<GroupRecord>> findByNameOrId(const QString &nameOrId) const;

    // A server renamed: every group naming `oldName` names `newName` instead (audited, in
    // the caller's transaction, only the servers column and updated_at of those rows).
    Result<void> renameServer(const QString &oldName, const QString &newName);

private:
    Columns columns(const GroupRecord &group) const;
    GroupRecord fromRecord(const QSqlRecord &record) const;
};

} // namespace mcphub
