#include "models/migrationcountsmodel.h"

namespace mcphub {

MigrationCountsModel::MigrationCountsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void MigrationCountsModel::setCounts(const QList<MigrationReport::EntityCounts> &counts)
{
    beginResetModel();
    m_counts = counts;
    endResetModel();
}

int MigrationCountsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_counts.size());
}

int MigrationCountsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MigrationCountsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MigrationReport::EntityCounts &c = m_counts.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() != EntityColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case EntityColumn:
        return c.entity == MigrationReport::kTopLevelEntity ? tr("The file's top level") : c.entity;
    case TotalColumn:
        return c.total;
    case NewColumn:
        return c.created;
    case IdenticalColumn:
        return c.identical;
    case ConflictingColumn:
        return c.conflicting;
    case WrittenColumn:
        return c.created + c.overwritten;
    case RejectedColumn:
        return c.rejected;
    }
    return {};
}

QVariant MigrationCountsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case EntityColumn:
        return tr("Entity");
    case TotalColumn:
        return tr("Total");
    case NewColumn:
        return tr("New");
    case IdenticalColumn:
        return tr("Identical");
    case ConflictingColumn:
        return tr("Conflicting");
    case WrittenColumn:
        return tr("Written");
    case RejectedColumn:
        return tr("Rejected");
    }
    return {};
}

} // namespace mcphub
