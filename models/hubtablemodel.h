#pragma once

#include "storage/hub/hubrepository.h"
#include "storage/hub/hubsample.h"

#include <QAbstractTableModel>
#include <QDateTime>

namespace mcphub {

// The registered hubs and what their last poll found, one row per hub in registry order:
// state, version, servers connected/total, last poll, last error, rate-limit advice. Fed by
// the registry (setHubs) and by the monitor (updateSample, setBudgetWarning). GUI thread.
class HubTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, State, Version, Servers, LastPoll, LastError, BudgetWarning, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        StateRole = Qt::UserRole, // HubState as int, -1 before the first poll
        NameRole,
    };

    explicit HubTableModel(QObject *parent = nullptr);

    void setHubs(const QList<HubRecord> &hubs); // keeps known samples of hubs still present
    void updateSample(const QString &hub, const HubSample &sample);
    void setBudgetWarning(const QString &hub, const QString &warning);

    int rowOf(const QString &hub) const; // -1 when unknown
    HubRecord hubAt(int row) const;
    std::optional<HubSample> sampleAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QColor stateColor(HubState state);

private:
    struct Row
    {
        HubRecord hub;
        std::optional<HubSample> sample;
        QString budgetWarning;
    };
    QList<Row> m_rows;
};

} // namespace mcphub
