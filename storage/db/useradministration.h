#pragma once

#include "storage/db/changefailure.h"
#include "storage/db/userrepository.h"

#include <optional>

namespace mcphub {

// One pending change to the users table. `username` names the row as it is in the database
// (Update, Remove); `user` holds the new values (Add, Update). For Update an empty
// user.password keeps the stored hash.
struct UserChange
{
    enum class Kind { Add, Update, Remove };
    Kind kind = Kind::Add;
    QString username;
    UserRecord user;
    // Update and Remove from an editor: the row as it was read. When the stored row differs
    // from it (a field the editor shows, or MCPHub's updated_at), the change is refused as a
    // conflict naming the row and field. Unset (the CLI): read and written in one go.
    std::optional<UserRecord> seen;
};

// Administration of users with MCPHub's protections (reference §1.3): names are unique and
// not empty, usernames cannot be renamed, the last administrator cannot be deleted or
// demoted, and while a workspace has no administrator a new user must be one. Used by the
// console's Apply and by "mcphub-adminctl user". A batch is written in one transaction with
// one audit row per change, or not at all. On the connection's thread.
class UserAdministration
{
public:
    explicit UserAdministration(RepositoryContext context);

    Result<QList<UserRecord>> all() const;
    std::optional<ChangeFailure> apply(const QList<UserChange> &changes);

    // Single changes for the command line; `passwordHash` is a bcrypt hash.
    Result<void> add(const QString &username, const QString &passwordHash, bool isAdmin);
    Result<void> setPassword(const QString &username, const QString &passwordHash);
    // Changes the admin flag (when given) and fields by their declared names ("status",
    // "email", "fullName"); a field the workspace does not store is refused (nothing written).
    Result<void> set(const QString &username,
                     std::optional<bool> isAdmin,
                     const QList<QPair<QString, QString>> &fields);
    Result<void> remove(const QString &username);

private:
    std::optional<ChangeFailure> applyOne(int index, const UserChange &change);
    std::optional<ChangeFailure> changedSince(int index,
                                              const UserRecord &seen,
                                              const UserRecord &stored,
                                              const QString &where) const;
    Result<void> single(const UserChange &change);
    // An update of the stored user `username`, or NotFound naming it.
    Result<UserChange> updateOf(const QString &username);
    Result<qint64> adminCount() const;

    UserRepository m_users;
};

} // namespace mcphub
