#include "storage/db/useradministration.h"

#include "storage/db/transactionguard.h"
#include "storage/db/workspacecapabilities.h"
#include "storage/nametext.h"

#include <QCoreApplication>

namespace mcphub {

namespace {

// The texts' translation context, declared so that lupdate files them under it (a tr()
// helper calling translate() was filed under the enclosing namespace or class).
struct UserAdministrationTexts
{
    Q_DECLARE_TR_FUNCTIONS(UserAdministration)
};

ChangeFailure failure(int index, const QString &field, Error error)
{
    return {index, field, std::move(error)};
}

// The values of the fields a workspace kind may not store, by declared name; a status left
// empty is MCPHub's "active".
QList<QPair<QString, QString>> unstorableValues(const UserRecord &u)
{
    return {{QStringLiteral("status"), u.status.isEmpty() ? QStringLiteral("active") : u.status},
            {QStringLiteral("email"), u.email},
            {QStringLiteral("fullName"), u.fullName}};
}

// A change to a field the workspace cannot store would be reported as saved and then lost
// (a settings file has no status, e-mail or full name): refused, naming the field.
std::optional<ChangeFailure> refuseUnstored(const RepositoryContext &context,
                                            int index,
                                            const UserRecord &before,
                                            const UserRecord &after,
                                            const QString &where)
{
    const WorkspaceCapabilities capabilities(context.kind);
    const auto old = unstorableValues(before);
    const auto now = unstorableValues(after);
    for (qsizetype i = 0; i < now.size(); ++i) {
        const QString &field = now.at(i).first;
        if (!capabilities.stores(QStringLiteral("users"), field)
            && now.at(i).second != old.at(i).second)
            return failure(
                index, field, capabilities.notStored(QStringLiteral("users"), field, where));
    }
    return std::nullopt;
}

} // namespace

UserAdministration::UserAdministration(RepositoryContext context)
    : m_users(std::move(context))
{}

Result<QList<UserRecord>> UserAdministration::all() const
{
    QList<UserRecord> users;
    PageRequest page{0, 500, false};
    for (;;) {
        const auto chunk = m_users.list({}, page);
        if (!chunk)
            return chunk.error();
        users += chunk->items;
        if (chunk->items.size() < page.limit)
            return users;
        page.offset += page.limit;
    }
}

std::optional<ChangeFailure> UserAdministration::changedSince(int index,
                                                              const UserRecord &seen,
                                                              const UserRecord &stored,
                                                              const QString &where) const
{
    // The fields an editor shows, then (MCPHub's database) updated_at, which MCPHub's own
    // saves set: a change by the hub or another console since the row was read is refused,
    // never overwritten, and the edit stays pending.
    const QList<std::pair<QString, bool>> fields{
        {QStringLiteral("isAdmin"), seen.isAdmin != stored.isAdmin},
        {QStringLiteral("status"), !seen.status.isEmpty() && seen.status != stored.status},
        {QStringLiteral("email"), seen.email != stored.email},
        {QStringLiteral("fullName"), seen.fullName != stored.fullName},
        {QStringLiteral("updated_at"),
         seen.updatedAt.isValid() && seen.updatedAt != stored.updatedAt}};
    for (const auto &[field, differs] : fields) {
        if (!differs)
            continue;
        return failure(index,
                       field == QLatin1String("updated_at") ? QString() : field,
                       Error::make(Error::Code::Conflict,
                                   UserAdministrationTexts::tr(
                                       "The user \"%1\" was changed in the database since it was "
                                       "read (%2), by MCPHub or another console, so nothing was "
                                       "written. Your edits are kept: reload to see the change, "
                                       "then make them again.")
                                       .arg(seen.username, field),
                                   where + QLatin1Char('/') + field)
                           .withRemedy(Error::Remedy::Reload));
    }
    return std::nullopt;
}

std::optional<ChangeFailure> UserAdministration::applyOne(int index, const UserChange &change)
{
    const QString name
        = change.kind == UserChange::Kind::Add ? change.user.username : change.username;
    const QString where = QStringLiteral("users/") + name;
    if (change.kind != UserChange::Kind::Remove && change.user.username.trimmed().isEmpty()) {
        return failure(
            index,
            QStringLiteral("username"),
            Error::make(Error::Code::Invalid,
                        UserAdministrationTexts::tr("The username is empty. Type a name."),
                        where));
    }
    if (change.kind == UserChange::Kind::Add) {
        if (const QString problem = NameText::problem(name); !problem.isEmpty()) {
            return failure(index,
                           QStringLiteral("username"),
                           Error::make(Error::Code::Invalid,
                                       problem,
                                       QStringLiteral("users/") + NameText::forDisplay(name)));
        }
    }
    const auto existing = m_users.find(name);
    if (!existing)
        return failure(index, {}, existing.error());
    if (change.seen && existing->has_value()) {
        if (auto changed = changedSince(index, *change.seen, **existing, where))
            return changed;
    }

    switch (change.kind) {
    case UserChange::Kind::Add: {
        if (existing->has_value()) {
            return failure(index,
                           QStringLiteral("username"),
                           Error::make(Error::Code::Conflict,
                                       UserAdministrationTexts::tr(
                                           "A user named \"%1\" already exists. Choose "
                                           "another name.")
                                           .arg(name),
                                       where));
        }
        if (change.user.password.isEmpty()) {
            return failure(
                index,
                QStringLiteral("password"),
                Error::make(Error::Code::Invalid,
                            UserAdministrationTexts::tr("The new user has no password. Set one."),
                            where));
        }
        if (auto refused
            = refuseUnstored(m_users.context(), index, UserRecord(), change.user, where))
            return refused;
        if (auto r = m_users.create(change.user); !r)
            return failure(index, {}, r.error());
        return {};
    }
    case UserChange::Kind::Update: {
        if (!existing->has_value()) {
            return failure(index,
                           QStringLiteral("username"),
                           Error::make(Error::Code::NotFound,
                                       UserAdministrationTexts::tr(
                                           "The user \"%1\" was deleted meanwhile (by another "
                                           "console?). Revert this row or add the user again.")
                                           .arg(name),
                                       where));
        }
        if (change.user.username != name) {
            return failure(index,
                           QStringLiteral("username"),
                           Error::make(Error::Code::Invalid,
                                       UserAdministrationTexts::tr(
                                           "MCPHub cannot rename users. Add a new user and "
                                           "delete this one instead."),
                                       where));
        }
        if (auto refused = refuseUnstored(m_users.context(), index, **existing, change.user, where))
            return refused;
        // Keep what the console does not edit (unknown keys, key order, tokens).
        UserRecord merged = **existing;
        merged.isAdmin = change.user.isAdmin;
        merged.status = change.user.status;
        merged.email = change.user.email;
        merged.fullName = change.user.fullName;
        if (!change.user.password.isEmpty())
            merged.password = change.user.password;
        if (auto r = m_users.update(merged); !r)
            return failure(index, {}, r.error());
        return {};
    }
    case UserChange::Kind::Remove: {
        if (!existing->has_value()) {
            return failure(index,
                           QStringLiteral("username"),
                           Error::make(Error::Code::NotFound,
                                       UserAdministrationTexts::tr(
                                           "The user \"%1\" does not exist (any more).")
                                           .arg(name),
                                       where));
        }
        if (auto r = m_users.remove(name); !r)
            return failure(index, {}, r.error());
        return {};
    }
    }
    return {};
}

std::optional<ChangeFailure> UserAdministration::apply(const QList<UserChange> &changes)
{
    TransactionGuard tx(QSqlDatabase::database(m_users.context().connectionName, false));
    if (!tx.active()) {
        Error e = tx.error();
        e.where = m_users.context().where;
        return failure(0, {}, e);
    }
    // Administrators are counted before and after, inside the transaction, so a concurrent
    // console cannot slip between check and write.
    const auto adminsBefore = adminCount();
    if (!adminsBefore)
        return failure(0, {}, adminsBefore.error());
    for (int i = 0; i < changes.size(); ++i) {
        if (auto failed = applyOne(i, changes.at(i)))
            return failed; // the guard rolls everything back
    }
    const auto adminsAfter = adminCount();
    if (!adminsAfter)
        return failure(0, {}, adminsAfter.error());
    if (*adminsAfter == 0 && *adminsBefore == 0) {
        // No administrator yet (a new workspace, or a file without one). MCPHub creates
        // "admin" only when there is no user at all, so a first user who is not an
        // administrator would leave nobody able to manage the hub: a new user must be one
        // until there is an administrator. Other changes (a password) stay possible.
        for (int i = 0; i < changes.size(); ++i) {
            const UserChange &c = changes.at(i);
            if (c.kind != UserChange::Kind::Add)
                continue;
            return failure(i,
                           QStringLiteral("isAdmin"),
                           Error::make(Error::Code::Invalid,
                                       UserAdministrationTexts::tr(
                                           "The workspace has no administrator yet, so \"%1\" "
                                           "cannot be added as an ordinary user: MCPHub would "
                                           "have nobody who can manage it. Add an administrator "
                                           "first, or make \"%1\" one.")
                                           .arg(c.user.username),
                                       QStringLiteral("users/") + c.user.username));
        }
    }
    // The last administrator may be neither deleted nor demoted (checked on the final state).
    if (*adminsAfter == 0 && *adminsBefore > 0) {
        int blamed = 0;
        for (int i = 0; i < changes.size(); ++i) {
            const UserChange &c = changes.at(i);
            if (c.kind == UserChange::Kind::Remove
                || (c.kind == UserChange::Kind::Update && !c.user.isAdmin)) {
                blamed = i;
            }
        }
        const UserChange &c = changes.value(blamed);
        const bool removal = c.kind == UserChange::Kind::Remove;
        return failure(blamed,
                       removal ? QString() : QStringLiteral("isAdmin"),
                       Error::make(Error::Code::Invalid,
                                   removal ? UserAdministrationTexts::tr(
                                                 "\"%1\" is the last administrator and cannot be "
                                                 "deleted. Make another user an administrator "
                                                 "first.")
                                                 .arg(c.username)
                                           : UserAdministrationTexts::tr(
                                                 "\"%1\" is the last administrator and cannot be "
                                                 "demoted. Make another user an administrator "
                                                 "first.")
                                                 .arg(c.username),
                                   QStringLiteral("users/") + c.username));
    }
    if (auto r = tx.commit(); !r)
        return failure(0, {}, r.error());
    return {};
}

Result<qint64> UserAdministration::adminCount() const
{
    UserFilter admins;
    admins.isAdmin = true;
    const auto count = m_users.list(admins, {0, 1, true});
    if (!count)
        return count.error();
    return count->total;
}

Result<void> UserAdministration::single(const UserChange &change)
{
    if (auto failed = apply({change}))
        return failed->error;
    return {};
}

Result<void>
UserAdministration::add(const QString &username, const QString &passwordHash, bool isAdmin)
{
    UserChange change;
    change.kind = UserChange::Kind::Add;
    change.user.username = username;
    change.user.password = passwordHash;
    change.user.isAdmin = isAdmin;
    return single(change);
}

Result<UserChange> UserAdministration::updateOf(const QString &username)
{
    const auto existing = m_users.find(username);
    if (!existing)
        return existing.error();
    if (!existing->has_value()) {
        return Error::make(
            Error::Code::NotFound,
            UserAdministrationTexts::tr("There is no user named \"%1\". \"user list\" shows them.")
                .arg(username),
            QStringLiteral("users/") + username);
    }
    UserChange change;
    change.kind = UserChange::Kind::Update;
    change.username = username;
    change.user = **existing;
    return change;
}

Result<void> UserAdministration::setPassword(const QString &username, const QString &passwordHash)
{
    auto change = updateOf(username);
    if (!change)
        return change.error();
    change->user.password = passwordHash;
    return single(*change);
}

Result<void> UserAdministration::set(const QString &username,
                                     std::optional<bool> isAdmin,
                                     const QList<QPair<QString, QString>> &fields)
{
    const QString where = QStringLiteral("users/") + username;
    auto update = updateOf(username);
    if (!update)
        return update.error();
    UserChange change = *update;
    change.user.password.clear(); // keep the stored hash
    if (isAdmin)
        change.user.isAdmin = *isAdmin;
    for (const auto &[field, value] : fields) {
        if (field == QLatin1String("status"))
            change.user.status = value;
        else if (field == QLatin1String("email"))
            change.user.email = value;
        else if (field == QLatin1String("fullName"))
            change.user.fullName = value;
        else
            return Error::make(
                Error::Code::Invalid,
                UserAdministrationTexts::tr("A user has no field \"%1\".").arg(field),
                where);
    }
    return single(change);
}

Result<void> UserAdministration::remove(const QString &username)
{
    UserChange change;
    change.kind = UserChange::Kind::Remove;
    change.username = username;
    return single(change);
}

} // namespace mcphub
