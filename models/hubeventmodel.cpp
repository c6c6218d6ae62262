#include "models/hubeventmodel.h"

#include <QColor>
#include <QFont>
#include <QLocale>

namespace mcphub {

HubEventModel::HubEventModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void HubEventModel::add(const HubAlert &alert, qint64 id)
{
    beginInsertRows({}, 0, 0);
    m_rows.prepend(Row{alert, id, {}});
    endInsertRows();
    if (m_rows.size() > kMaximumRows) {
        beginRemoveRows({}, kMaximumRows, int(m_rows.size()) - 1);
        m_rows.resize(kMaximumRows);
        endRemoveRows();
    }
}

void HubEventModel::setRows(const QList<Row> &rows)
{
    beginResetModel();
    m_rows = rows.mid(0, kMaximumRows);
    endResetModel();
}

void HubEventModel::markAcknowledged(const QList<qint64> &ids, const QDateTime &at)
{
    for (int r = 0; r < m_rows.size(); ++r) {
        Row &row = m_rows[r];
        if (row.acknowledgedAt.isValid() || !ids.contains(row.id))
            continue;
        row.acknowledgedAt = at;
        Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
    }
}

void HubEventModel::markAllAcknowledged(const QDateTime &at)
{
    bool changed = false;
    for (Row &row : m_rows) {
        if (!row.acknowledgedAt.isValid()) {
            row.acknowledgedAt = at;
            changed = true;
        }
    }
    if (changed && !m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QHash<QString, int> HubEventModel::unacknowledgedCounts() const
{
    QHash<QString, int> counts;
    for (const Row &row : m_rows) {
        if (!row.acknowledgedAt.isValid())
            ++counts[row.alert.hub];
    }
    return counts;
}

int HubEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HubEventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HubEventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const HubAlert &a = row.alert;
    const bool acknowledged = row.acknowledgedAt.isValid();
    switch (role) {
    case IdRole:
        return row.id;
    case AcknowledgedRole:
        return acknowledged;
    case Qt::FontRole: {
        if (acknowledged)
            return {};
        QFont font;
        font.setBold(true);
        return font;
    }
    case Qt::ForegroundRole:
        if (index.column() == Event)
            return a.kind == HubAlert::Kind::Recovered ? QColor(0x2e, 0x7d, 0x32)
                                                       : QColor(0xc6, 0x28, 0x28);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Status && acknowledged)
            return tr("Acknowledged %1")
                .arg(QLocale().toString(row.acknowledgedAt.toLocalTime(), QLocale::ShortFormat));
        return a.message;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case Time:
        return QLocale().toString(a.at.toLocalTime(), QLocale::ShortFormat);
    case Hub:
        return a.hub;
    case Event:
        return a.title;
    case Status:
        return acknowledged ? tr("Acknowledged") : tr("New");
    case Details:
        return a.message.section(QLatin1Char('\n'), 0, 0);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant HubEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Time:
        return tr("Time");
    case Hub:
        return tr("Hub");
    case Event:
        return tr("Event");
    case Status:
        return tr("Status");
    case Details:
        return tr("Details");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace mcphub
