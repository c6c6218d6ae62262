#include "models/hubeventmodel.h"

#include <QColor>
#include <QLocale>

namespace mcphub {

HubEventModel::HubEventModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void HubEventModel::add(const HubAlert &alert)
{
    beginInsertRows({}, 0, 0);
    m_alerts.prepend(alert);
    endInsertRows();
    if (m_alerts.size() > kMaximumRows) {
        beginRemoveRows({}, kMaximumRows, int(m_alerts.size()) - 1);
        m_alerts.resize(kMaximumRows);
        endRemoveRows();
    }
}

int HubEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_alerts.size());
}

int HubEventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HubEventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HubAlert &a = m_alerts.at(index.row());
    if (role == Qt::ForegroundRole && index.column() == Event)
        return a.kind == HubAlert::Kind::Recovered ? QColor(0x2e, 0x7d, 0x32)
                                                   : QColor(0xc6, 0x28, 0x28);
    if (role == Qt::ToolTipRole)
        return a.message;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Time:
        return QLocale().toString(a.at.toLocalTime(), QLocale::ShortFormat);
    case Hub:
        return a.hub;
    case Event:
        return a.title;
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
    case Details:
        return tr("Details");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace mcphub
