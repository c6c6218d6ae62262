#pragma once

#include "storage/migration/migrationreport.h"

#include <QAbstractTableModel>

namespace mcphub {

// A migration report's counts, one row per entity type (users, mcpServers, ...): total, new,
// identical, conflicting, written and rejected. Read-only; GUI thread.
class MigrationCountsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        EntityColumn,
        TotalColumn,
        NewColumn,
        IdenticalColumn,
        ConflictingColumn,
        WrittenColumn,
        RejectedColumn,
        ColumnCount
    };

    explicit MigrationCountsModel(QObject *parent = nullptr);

    void setCounts(const QList<MigrationReport::EntityCounts> &counts);
    const QList<MigrationReport::EntityCounts> &counts() const { return m_counts; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<MigrationReport::EntityCounts> m_counts;
};

} // namespace mcphub
