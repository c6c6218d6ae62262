#pragma once

#include "storage/db/mcphubrowcheck.h"
#include "storage/db/repositorybase.h"

#include <QDateTime>
#include <optional>

namespace mcphub {

// A console/MCPHub user (table users). `password` is the bcrypt hash, never clear text.
// extra/keyOrder are JSON text keeping unknown keys and the file's key order (see 0001).
struct UserRecord
{
    qint64 id = 0;
    QString username;
    QString password;
    bool isAdmin = false;
    QString status = QStringLiteral("active");
    QString email;
    QString fullName;
    QString accessToken;
    QDateTime createdAt;
    QDateTime updatedAt; // MCPHub's database only
    QString uuid;        // MCPHub's database: its id (the console's database: `id`)
    QDateTime lastLoginAt;
    QDateTime lastActivity;
    QString extra;
    QString keyOrder;
    int ordinal = 0;
    QList<RowFinding> findings; // MCPHub's database: what is wrong with the stored row

    QJsonObject auditSummary() const; // no password or token
};

struct UserFilter
{
    QString search; // part of the username or e-mail
    std::optional<bool> isAdmin;
    QString status;
};

// Users: CRUD by username, paging and filtering in SQL; every write audited. In MCPHub's own
// database (context kind McphubDatabase) the rows are MCPHub's (username, bcrypt password,
// "isAdmin"), written as MCPHub writes them: uuid ids from the table's default, only the
// changed columns on update with updated_at = now().
class UserRepository : public RepositoryBase
{
public:
    using RepositoryBase::RepositoryBase;

    Result<qint64> create(const UserRecord &user);
    Result<void> update(const UserRecord &user); // by username
    Result<void> remove(const QString &username);
    Result<std::optional<UserRecord>> find(const QString &username) const;
    Result<Page<UserRecord>> list(const UserFilter &filter, const PageRequest &page) const;

private:
    Result<void> updateChangedColumns(const UserRecord &before, const UserRecord &after);
    Columns columns(const UserRecord &user) const;
    UserRecord fromRecord(const QSqlRecord &record) const;
};

} // namespace mcphub
