#pragma once

#include "models/pendingtablemodel.h"
#include "storage/db/repositorycontext.h"

namespace mcphub {

// The workspace's users as pending edits: username (fixed once saved), admin flag, and where
// the workspace stores them (WorkspaceCapabilities; not a settings file) the console-only
// status, e-mail, full name and last login. The bcrypt hash is never loaded into the model; a new
// password is hashed at once by setPassword() and only the hash waits for Apply, which goes
// through UserAdministration (unique names, last administrator kept, audit rows).
class UserTableModel : public PendingTableModel
{
    Q_OBJECT

public:
    static inline const QString kUsername = QStringLiteral("username");
    static inline const QString kIsAdmin = QStringLiteral("isAdmin");
    static inline const QString kStatus = QStringLiteral("status");
    static inline const QString kEmail = QStringLiteral("email");
    static inline const QString kFullName = QStringLiteral("fullName");
    static inline const QString kLastLogin = QStringLiteral("lastLoginAt");
    static inline const QString kPasswordHash = QStringLiteral("password"); // new hash only

    explicit UserTableModel(const RepositoryContext &context, QObject *parent = nullptr);

    // Adds a user row named `username` (may be empty, to be typed in the table).
    int addUser(const QString &username, bool isAdmin = false);
    // Hashes `password` with bcrypt at `cost` and makes it the row's pending new password.
    Result<void> setPassword(int row, const QString &password, int cost);
    bool hasPendingPassword(int row) const;

protected:
    QHash<QString, QString> validate(int row) const override;
    QString displayText(const Column &column, const QVariant &value) const override;

private:
    RepositoryContext m_context;
};

} // namespace mcphub
