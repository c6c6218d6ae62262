#include "storage/db/userrepository.h"

#include <QCoreApplication>

namespace mcphub {

QJsonObject UserRecord::auditSummary() const
{
    return {{QStringLiteral("username"), username},
            {QStringLiteral("isAdmin"), isAdmin},
            {QStringLiteral("status"), status},
            {QStringLiteral("email"), email}};
}

RepositoryBase::Columns UserRepository::columns(const UserRecord &u) const
{
    const SqlDialect d = dialect();
    if (inMcphubDatabase()) {
        // MCPHub's users (mcphub-dbmode.md §1.2): id, created_at and updated_at are the
        // table's defaults on insert; nothing else of the console's is stored.
        return {{QStringLiteral("username"), u.username},
                {QStringLiteral("password"), u.password},
                {QStringLiteral("isAdmin"), u.isAdmin}};
    }
    return {{QStringLiteral("username"), u.username},
            {QStringLiteral("password"), u.password},
            {QStringLiteral("is_admin"), d.boolValue(u.isAdmin)},
            {QStringLiteral("status"), u.status.isEmpty() ? QStringLiteral("active") : u.status},
            {QStringLiteral("email"), text(u.email)},
            {QStringLiteral("full_name"), text(u.fullName)},
            {QStringLiteral("access_token"), text(u.accessToken)},
            {QStringLiteral("last_login_at"), d.timestampValue(u.lastLoginAt)},
            {QStringLiteral("last_activity"), d.timestampValue(u.lastActivity)},
            {QStringLiteral("extra"), text(u.extra)},
            {QStringLiteral("key_order"), text(u.keyOrder)},
            {QStringLiteral("ordinal"), u.ordinal}};
}

UserRecord UserRepository::fromRecord(const QSqlRecord &r) const
{
    UserRecord u;
    if (inMcphubDatabase()) {
        u.uuid = r.value(QStringLiteral("id")).toString();
        u.username = r.value(QStringLiteral("username")).toString();
        u.password = r.value(QStringLiteral("password")).toString();
        u.isAdmin = r.value(QStringLiteral("isAdmin")).toBool();
        u.status.clear(); // MCPHub has no status
        u.email = r.value(QStringLiteral("email")).toString();
        u.createdAt = SqlDialect::wallClockUtc(r.value(QStringLiteral("created_at")));
        u.updatedAt = SqlDialect::wallClockUtc(r.value(QStringLiteral("updated_at")));
        u.findings = McphubRowCheck::check(QStringLiteral("users"), r);
        return u;
    }
    u.id = r.value(QStringLiteral("id")).toLongLong();
    u.username = r.value(QStringLiteral("username")).toString();
    u.password = r.value(QStringLiteral("password")).toString();
    u.isAdmin = r.value(QStringLiteral("is_admin")).toBool();
    u.status = r.value(QStringLiteral("status")).toString();
    u.email = r.value(QStringLiteral("email")).toString();
    u.fullName = r.value(QStringLiteral("full_name")).toString();
    u.accessToken = r.value(QStringLiteral("access_token")).toString();
    u.createdAt = timestamp(r, QStringLiteral("created_at"));
    u.lastLoginAt = timestamp(r, QStringLiteral("last_login_at"));
    u.lastActivity = timestamp(r, QStringLiteral("last_activity"));
    u.extra = r.value(QStringLiteral("extra")).toString();
    u.keyOrder = r.value(QStringLiteral("key_order")).toString();
    u.ordinal = r.value(QStringLiteral("ordinal")).toInt();
    return u;
}

Result<qint64> UserRepository::create(const UserRecord &user)
{
    if (inMcphubDatabase()) {
        const auto done = audited(QStringLiteral("user.create"),
                                  QStringLiteral("users/") + user.username,
                                  QStringLiteral("CREATE"),
                                  {},
                                  user.auditSummary(),
                                  [&]() -> Result<void> {
                                      const auto r
                                          = insertRow(QStringLiteral("users"), columns(user));
                                      if (!r)
                                          return r.error();
                                      return {};
                                  });
        if (!done)
            return done.error();
        return 0; // MCPHub's ids are uuids, made by the table's default
    }
    return createAudited(QStringLiteral("user.create"),
                         QStringLiteral("users/") + user.username,
                         user.auditSummary(),
                         QStringLiteral("users"),
                         columns(user),
                         user.createdAt);
}

Result<void> UserRepository::update(const UserRecord &user)
{
    const auto old = find(user.username);
    if (!old)
        return old.error();
    const QString resource = QStringLiteral("users/") + user.username;
    if (!old->has_value()) {
        return Error::make(
            Error::Code::NotFound,
            QCoreApplication::translate("UserRepository", "There is no user with this name."),
            resource);
    }
    QJsonObject after = user.auditSummary();
    if (user.password != (*old)->password)
        after.insert(QStringLiteral("passwordChanged"), true);
    return audited(QStringLiteral("user.update"),
                   resource,
                   QStringLiteral("UPDATE"),
                   (*old)->auditSummary(),
                   after,
                   [&]() -> Result<void> {
                       if (inMcphubDatabase())
                           return updateChangedColumns(**old, user);
                       const auto r = updateRows(QStringLiteral("users"),
                                                 columns(user),
                                                 QStringLiteral("username"),
                                                 user.username);
                       if (!r)
                           return r.error();
                       return {};
                   });
}

Result<void> UserRepository::remove(const QString &username)
{
    const auto old = find(username);
    if (!old)
        return old.error();
    const QString resource = QStringLiteral("users/") + username;
    if (!old->has_value()) {
        return Error::make(
            Error::Code::NotFound,
            QCoreApplication::translate("UserRepository", "There is no user with this name."),
            resource);
    }
    return audited(QStringLiteral("user.delete"),
                   resource,
                   QStringLiteral("DELETE"),
                   (*old)->auditSummary(),
                   {},
                   [&]() -> Result<void> {
                       const auto r = deleteRows(
                           QStringLiteral("users"), QStringLiteral("username"), username);
                       if (!r)
                           return r.error();
                       return {};
                   });
}

Result<std::optional<UserRecord>> UserRepository::find(const QString &username) const
{
    return findByKey<UserRecord>(QStringLiteral("users"),
                                 QStringLiteral("username"),
                                 username,
                                 [this](const QSqlRecord &r) { return fromRecord(r); });
}

Result<Page<UserRecord>> UserRepository::list(const UserFilter &filter,
                                              const PageRequest &page) const
{
    SqlFilter where;
    if (!filter.search.isEmpty()) {
        const SqlDialect d = dialect();
        where.add(QStringLiteral("(%1 OR %2)")
                      .arg(d.containsExpression(QStringLiteral("username"), QStringLiteral(":s1")),
                           d.containsExpression(QStringLiteral("coalesce(email, '')"),
                                                QStringLiteral(":s2"))),
                  {{QStringLiteral(":s1"), filter.search}, {QStringLiteral(":s2"), filter.search}});
    }
    if (filter.isAdmin)
        where.add(inMcphubDatabase() ? QStringLiteral("\"isAdmin\" = :admin")
                                     : QStringLiteral("is_admin = :admin"),
                  {{QStringLiteral(":admin"), dialect().boolValue(*filter.isAdmin)}});
    if (!filter.status.isEmpty())
        where.add(QStringLiteral("status = :status"), {{QStringLiteral(":status"), filter.status}});
    const auto total = countRows(QStringLiteral("users"), where);
    if (!total)
        return total.error();
    const auto rows = selectRows(QStringLiteral("users"),
                                 where,
                                 inMcphubDatabase() ? QStringLiteral("username")
                                                    : QStringLiteral("ordinal, username"),
                                 page);
    if (!rows)
        return rows.error();
    Page<UserRecord> result;
    result.total = *total;
    for (const QSqlRecord &r : *rows)
        result.items << fromRecord(r);
    return result;
}

Result<void> UserRepository::updateChangedColumns(const UserRecord &before, const UserRecord &after)
{
    return updateMcphubRow(QStringLiteral("users"),
                           before.uuid,
                           columns(before),
                           columns(after),
                           QStringLiteral("users/") + before.username);
}

} // namespace mcphub
