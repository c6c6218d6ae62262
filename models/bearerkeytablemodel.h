#pragma once

#include "models/pendingtablemodel.h"
#include "storage/db/repositorycontext.h"

namespace mcphub {

// The workspace's bearer keys as pending edits: name, token (masked in the table), enabled,
// access type, and the allowed groups and servers (row values, QStringList). Apply writes
// through BearerKeyRepository in one transaction; tokens never reach the audit trail.
class BearerKeyTableModel : public PendingTableModel
{
    Q_OBJECT

public:
    static inline const QString kId = QStringLiteral("id");
    static inline const QString kName = QStringLiteral("name");
    static inline const QString kToken = QStringLiteral("token");
    static inline const QString kEnabled = QStringLiteral("enabled");
    static inline const QString kAccessType = QStringLiteral("accessType");
    static inline const QString kAllowedGroups = QStringLiteral("allowedGroups");   // QStringList
    static inline const QString kAllowedServers = QStringLiteral("allowedServers"); // QStringList
    // Not columns: the lists' text as stored, checked for what MCPHub can load.
    static inline const QString kStoredAllowedGroups = QStringLiteral("storedAllowedGroups");
    static inline const QString kStoredAllowedServers = QStringLiteral("storedAllowedServers");

    static QStringList accessTypes(); // all, groups, servers, custom
    // 32 random bytes from the system's generator, base64url without padding (43 characters).
    static QString generateToken();

    explicit BearerKeyTableModel(const RepositoryContext &context, QObject *parent = nullptr);

    int addKey(const QString &name); // with a fresh token, access "all"

protected:
    QHash<QString, QString> validate(int row) const override;

private:
    RepositoryContext m_context;
};

} // namespace mcphub
