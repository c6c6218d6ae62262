#include "models/usertablemodel.h"

#include "models/repositoryrows.h"
#include "storage/db/useradministration.h"
#include "storage/passwordhasher.h"

namespace mcphub {

namespace {

QVariantMap toMap(const UserRecord &u)
{
    QVariantMap row{{UserTableModel::kUsername, u.username},
                    {UserTableModel::kIsAdmin, u.isAdmin},
                    {UserTableModel::kStatus, u.status},
                    {UserTableModel::kEmail, u.email},
                    {UserTableModel::kFullName, u.fullName},
                    {UserTableModel::kLastLogin, u.lastLoginAt},
                    {UserTableModel::kPasswordHash, QString()},
                    {kRowUpdatedAt, u.updatedAt}};
    putRowFindings(row, u.findings);
    return row;
}

UserRecord fromMap(const QVariantMap &m)
{
    UserRecord u;
    u.username = m.value(UserTableModel::kUsername).toString().trimmed();
    u.isAdmin = m.value(UserTableModel::kIsAdmin).toBool();
    u.status = m.value(UserTableModel::kStatus).toString();
    u.email = m.value(UserTableModel::kEmail).toString();
    u.fullName = m.value(UserTableModel::kFullName).toString();
    u.password = m.value(UserTableModel::kPasswordHash).toString();
    u.updatedAt = m.value(kRowUpdatedAt).toDateTime();
    return u;
}

} // namespace

UserTableModel::UserTableModel(const RepositoryContext &context, QObject *parent)
    : PendingTableModel(parent)
    , m_context(context)
{
    setLabelField(kUsername);
    setStorage(context.kind, QStringLiteral("users"));
    setColumns({{kUsername, tr("Username"), Kind::Text, false, true},
                {kIsAdmin, tr("Admin"), Kind::Bool},
                {kStatus, tr("Status"), Kind::Text},
                {kEmail, tr("E-mail"), Kind::Text},
                {kFullName, tr("Full name"), Kind::Text},
                {kLastLogin, tr("Last login"), Kind::DateTime, false, false},
                {kPasswordHash, tr("Password"), Kind::Secret, false, false}});
    setLoader([this]() -> Result<QList<QVariantMap>> {
        const auto users = UserAdministration(m_context).all();
        if (!users)
            return users.error();
        QList<QVariantMap> rows;
        for (const UserRecord &u : *users)
            rows << toMap(u);
        return rows;
    });
    setWriter([this](const QList<PendingChange> &changes) -> std::optional<ChangeFailure> {
        QList<UserChange> batch;
        for (const PendingChange &c : changes) {
            UserChange change;
            change.username = c.original.value(kUsername).toString();
            change.user = fromMap(c.current);
            if (c.kind != PendingChange::Kind::Add)
                change.seen = fromMap(c.original); // a change since is a conflict
            switch (c.kind) {
            case PendingChange::Kind::Add:
                change.kind = UserChange::Kind::Add;
                break;
            case PendingChange::Kind::Update:
                change.kind = UserChange::Kind::Update;
                break;
            case PendingChange::Kind::Remove:
                change.kind = UserChange::Kind::Remove;
                break;
            }
            batch << change;
        }
        return UserAdministration(m_context).apply(batch);
    });
    setReadOnly(context.readOnly);
    if (context.kind == WorkspaceKind::McphubDatabase) {
        // mcphub-dbmode.md §2.3: dashboard sign-ins are 24-hour tokens checked without it.
        setAppliedNote(tr("A dashboard session of a user removed, demoted or given a new "
                          "password stays valid for up to 24 hours; restart the hubs on this "
                          "database to end it now."));
    }
}

int UserTableModel::addUser(const QString &username, bool isAdmin)
{
    return addRow({{kUsername, username},
                   {kIsAdmin, isAdmin},
                   {kStatus, QStringLiteral("active")},
                   {kEmail, QString()},
                   {kFullName, QString()},
                   {kLastLogin, QDateTime()},
                   {kPasswordHash, QString()}});
}

Result<void> UserTableModel::setPassword(int row, const QString &password, int cost)
{
    const auto hash = PasswordHasher::hash(password, cost);
    if (!hash)
        return hash.error();
    if (!setValue(row, kPasswordHash, *hash, tr("Set the password of %1").arg(rowLabel(row)))) {
        return Error::make(Error::Code::ReadOnly,
                           tr("The password of %1 cannot be changed here.").arg(rowLabel(row)));
    }
    return {};
}

bool UserTableModel::hasPendingPassword(int row) const
{
    return !value(row, kPasswordHash).toString().isEmpty();
}

QString UserTableModel::displayText(const Column &column, const QVariant &value) const
{
    if (column.field == kPasswordHash)
        return value.toString().isEmpty() ? QString() : tr("(new, not applied)");
    return PendingTableModel::displayText(column, value);
}

QHash<QString, QString> UserTableModel::validate(int row) const
{
    QHash<QString, QString> found;
    const QString name = value(row, kUsername).toString().trimmed();
    if (name.isEmpty())
        found.insert(kUsername, tr("The username is empty."));
    int admins = 0;
    for (int other = 0; other < rowCount(); ++other) {
        if (rowState(other) == PendingRow::State::Deleted)
            continue;
        if (other != row && !name.isEmpty()
            && value(other, kUsername).toString().trimmed() == name) {
            found.insert(kUsername, tr("Another user is named \"%1\".").arg(name));
        }
        admins += value(other, kIsAdmin).toBool() ? 1 : 0;
    }
    if (admins == 0 && !value(row, kIsAdmin).toBool()
        && rows().at(row).original.value(kIsAdmin).toBool())
        found.insert(kIsAdmin, tr("The last administrator cannot be demoted."));
    // As UserAdministration: without any administrator a new user must be one.
    if (admins == 0 && rowState(row) == PendingRow::State::Added)
        found.insert(kIsAdmin,
                     tr("The workspace has no administrator yet: make this user one (MCPHub "
                        "would have nobody who can manage it)."));
    if (rowState(row) == PendingRow::State::Added && !hasPendingPassword(row))
        found.insert(kPasswordHash, tr("A new user needs a password: use Set password."));
    if (isFieldStored(kStatus) && value(row, kStatus).toString().trimmed().isEmpty())
        found.insert(kStatus, tr("The status is empty; MCPHub uses \"active\"."));
    return found;
}

} // namespace mcphub
