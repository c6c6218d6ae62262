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

private:
    Columns columns(const GroupRecord &group) const;
    GroupRecord fromRecord(const QSqlRecord &record) const;
};

} // namespace mcphub
