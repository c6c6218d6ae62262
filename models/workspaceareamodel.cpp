#include "models/workspaceareamodel.h"

#include <QIcon>

namespace mcphub {

namespace {

QList<WorkspaceAreaModel::Area> areasFor(bool withBackups, bool withReplication)
{
    using Area = WorkspaceAreaModel::Area;
    QList<Area> areas{Area::Users,
                      Area::Servers,
                      Area::Groups,
                      Area::BearerKeys,
                      Area::SystemConfig,
                      Area::Records,
                      Area::UsageLog,
                      Area::AuditLog};
    if (withBackups)
        areas.append(Area::Backups);
    areas.append(Area::Hubs);
    if (withReplication)
        areas.append(Area::Replication);
    return areas;
}

} // namespace

WorkspaceAreaModel::WorkspaceAreaModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_areas(areasFor(true, false))
{}

int WorkspaceAreaModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_areas.size());
}

QVariant WorkspaceAreaModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Area area = m_areas.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return title(area);
    case Qt::DecorationRole:
        return icon(area);
    case Qt::ToolTipRole:
    case DescriptionRole:
        return description(area);
    case AreaRole:
        return QVariant::fromValue(area);
    default:
        return {};
    }
}

void WorkspaceAreaModel::setBackupsVisible(bool visible)
{
    if (visible == m_backupsVisible)
        return;
    beginResetModel();
    m_backupsVisible = visible;
    m_areas = areasFor(visible, m_replicationVisible);
    endResetModel();
}

void WorkspaceAreaModel::setReplicationVisible(bool visible)
{
    if (visible == m_replicationVisible)
        return;
    beginResetModel();
    m_replicationVisible = visible;
    m_areas = areasFor(m_backupsVisible, visible);
    endResetModel();
}

WorkspaceAreaModel::Area WorkspaceAreaModel::areaAt(int row) const
{
    return m_areas.at(row);
}

int WorkspaceAreaModel::rowOf(Area area) const
{
    return int(m_areas.indexOf(area));
}

QIcon WorkspaceAreaModel::icon(Area area)
{
    // Breeze icons bundled as resources (resources/icons/breeze/README.md).
    const char *name = "configure";
    switch (area) {
    case Area::Users:
        name = "user-identity";
        break;
    case Area::Servers:
        name = "network-server";
        break;
    case Area::Groups:
        name = "system-users";
        break;
    case Area::BearerKeys:
        name = "dialog-password";
        break;
    case Area::UsageLog:
        name = "view-statistics";
        break;
    case Area::AuditLog:
        name = "view-history";
        break;
    case Area::Backups:
        name = "backup";
        break;
    case Area::Hubs:
        name = "globe";
        break;
    case Area::SystemConfig:
        name = "configure";
        break;
    case Area::Records:
        name = "view-list-text";
        break;
    case Area::Replication:
        name = "folder-sync";
        break;
    }
    return QIcon(QStringLiteral(":/icons/breeze/%1.svg").arg(QLatin1String(name)));
}

QString WorkspaceAreaModel::title(Area area)
{
    switch (area) {
    case Area::Users:
        return tr("Users");
    case Area::Servers:
        return tr("Servers");
    case Area::Groups:
        return tr("Groups");
    case Area::BearerKeys:
        return tr("Bearer keys");
    case Area::Records:
        return tr("Clients & content");
    case Area::UsageLog:
        return tr("Usage log");
    case Area::AuditLog:
        return tr("Audit log");
    case Area::Backups:
        return tr("Backups");
    case Area::Hubs:
        return tr("Hubs");
    case Area::SystemConfig:
        return tr("System config");
    case Area::Replication:
        return tr("Replication");
    }
    return {};
}

QString WorkspaceAreaModel::description(Area area)
{
    switch (area) {
    case Area::Users:
        return tr("Accounts that can sign in to MCPHub, their admin flag and passwords.");
    case Area::Servers:
        return tr("The MCP servers MCPHub aggregates: stdio, SSE, streamable HTTP and OpenAPI.");
    case Area::Groups:
        return tr("Groups of servers exposed under one endpoint, with per-server tool selection.");
    case Area::BearerKeys:
        return tr("Bearer keys that clients present to MCPHub's MCP endpoints.");
    case Area::Records:
        return tr("OAuth clients MCPHub's authorization server knows, the prompts and resources "
                  "it serves itself, and per-user configuration.");
    case Area::UsageLog:
        return tr("Tool calls made through MCPHub: who called what, when, and how it went.");
    case Area::AuditLog:
        return tr("Every change made through this console or its command-line tool.");
    case Area::Backups:
        return tr("Timestamped backups of the settings file, made before every save.");
    case Area::Hubs:
        return tr("Running MCPHub instances watched by this console: health and usage.");
    case Area::SystemConfig:
        return tr("MCPHub's system configuration, one JSON value per key: routing, install, "
                  "smart routing, name separator, OAuth server and more.");
    case Area::Replication:
        return tr("The database server's replication: a primary's standbys and how far behind "
                  "they are, a standby's primary and replay lag, and a pg_auto_failover "
                  "formation's nodes.");
    }
    return {};
}

} // namespace mcphub
