#pragma once

#include <QAbstractListModel>

class QIcon;

namespace mcphub {

// The areas of a workspace shown in the main window's side list (Users, Servers, ...), in
// display order. Backups only make sense for settings-file workspaces and can be hidden;
// Replication only for PostgreSQL workspaces, hidden until one is open.
class WorkspaceAreaModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum class Area {
        Users,
        Servers,
        Groups,
        BearerKeys,
        UsageLog,
        AuditLog,
        Backups,
        Hubs,
        SystemConfig,
        Records,     // OAuth clients, prompts, resources, user configs
        Replication, // PostgreSQL workspaces only: standbys, lag, failover formation
    };
    Q_ENUM(Area)

    enum Role { AreaRole = Qt::UserRole, DescriptionRole };

    explicit WorkspaceAreaModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void setBackupsVisible(bool visible);
    bool backupsVisible() const { return m_backupsVisible; }
    // Replication is about a PostgreSQL server; hidden until such a workspace is open.
    void setReplicationVisible(bool visible);
    bool replicationVisible() const { return m_replicationVisible; }

    Area areaAt(int row) const;
    int rowOf(Area area) const; // -1 when hidden

    static QString title(Area area);
    static QIcon icon(Area area); // also the DecorationRole
    static QString description(Area area);

private:
    QList<Area> m_areas;
    bool m_backupsVisible = true;
    bool m_replicationVisible = false;
};

} // namespace mcphub
