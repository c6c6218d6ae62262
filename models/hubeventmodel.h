#pragma once

#include "models/hubalertpolicy.h"

#include <QAbstractTableModel>

namespace mcphub {

// The visible event list of hub alerts, newest first, capped at kMaximumRows. GUI thread.
class HubEventModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Hub, Event, Details, ColumnCount };
    Q_ENUM(Column)
    static constexpr int kMaximumRows = 500;

    explicit HubEventModel(QObject *parent = nullptr);
    void add(const HubAlert &alert);
    HubAlert alertAt(int row) const { return m_alerts.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<HubAlert> m_alerts;
};

} // namespace mcphub
