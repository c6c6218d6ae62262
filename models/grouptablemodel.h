#pragma once

#include "models/pendingtablemodel.h"
#include "storage/db/repositorycontext.h"

namespace mcphub {

// The workspace's server groups as pending edits: name, description, owner, and the member
// servers (row value kServers: JSON array text as MCPHub writes it, a plain name or
// {name, tools} per server). Apply writes through GroupRepository in one transaction.
class GroupTableModel : public PendingTableModel
{
    Q_OBJECT

public:
    static inline const QString kId = QStringLiteral("id");
    static inline const QString kName = QStringLiteral("name");
    static inline const QString kDescription = QStringLiteral("description");
    static inline const QString kOwner = QStringLiteral("owner");
    static inline const QString kServers = QStringLiteral("servers");
    static inline const QString kServerCount = QStringLiteral("serverCount"); // display only

    explicit GroupTableModel(const RepositoryContext &context, QObject *parent = nullptr);

    int addGroup(const QString &name);

    // Membership: server name -> selected tools (empty list = all tools).
    static QList<QPair<QString, QStringList>> members(const QString &serversJson);
    static QString serversJson(const QList<QPair<QString, QStringList>> &members);
    bool setMembers(int row, const QList<QPair<QString, QStringList>> &members);

protected:
    QHash<QString, QString> validate(int row) const override;
    QString displayText(const Column &column, const QVariant &value) const override;

private:
    RepositoryContext m_context;
};

} // namespace mcphub
