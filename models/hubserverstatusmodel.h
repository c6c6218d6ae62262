#pragma once

#include "storage/hub/hubsample.h"

#include <QAbstractTableModel>

namespace mcphub {

// The MCP servers of one hub as its last /api/servers answer listed them: name, status, tool
// count, error text. GUI thread.
class HubServerStatusModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Status, Tools, Error, ColumnCount };
    Q_ENUM(Column)

    explicit HubServerStatusModel(QObject *parent = nullptr);
    void setServers(const QList<HubServerStatus> &servers);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusLabel(const QString &status); // translated

private:
    QList<HubServerStatus> m_servers;
};

} // namespace mcphub
