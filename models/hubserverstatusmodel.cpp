#include "models/hubserverstatusmodel.h"

#include <QColor>

namespace mcphub {

HubServerStatusModel::HubServerStatusModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void HubServerStatusModel::setServers(const QList<HubServerStatus> &servers)
{
    beginResetModel();
    m_servers = servers;
    endResetModel();
}

QString HubServerStatusModel::statusLabel(const QString &status)
{
    if (status == QLatin1String("connected"))
        return tr("Connected");
    if (status == QLatin1String("connecting"))
        return tr("Connecting");
    if (status == QLatin1String("disconnected"))
        return tr("Disconnected");
    if (status == QLatin1String("oauth_required"))
        return tr("OAuth required");
    return status;
}

int HubServerStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_servers.size());
}

int HubServerStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HubServerStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HubServerStatus &s = m_servers.at(index.row());
    // A server disabled on purpose is not a fault: "Disabled", in grey, not red.
    if (role == Qt::ForegroundRole && index.column() == Status) {
        if (!s.enabled)
            return QColor(0x75, 0x75, 0x75);
        return s.status == QLatin1String("connected") ? QColor(0x2e, 0x7d, 0x32)
                                                      : QColor(0xc6, 0x28, 0x28);
    }
    if (role == Qt::ToolTipRole && index.column() == Error)
        return s.error;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Name:
        return s.enabled ? s.name : tr("%1 (disabled)").arg(s.name);
    case Status:
        return !s.enabled && s.status != QLatin1String("connected") ? tr("Disabled")
                                                                    : statusLabel(s.status);
    case Tools:
        return s.toolCount;
    case Error:
        return s.error.simplified();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant HubServerStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Name:
        return tr("Server");
    case Status:
        return tr("Status");
    case Tools:
        return tr("Tools");
    case Error:
        return tr("Error");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace mcphub
