#include "models/hubtablemodel.h"

#include <QColor>
#include <QLocale>

namespace mcphub {

HubTableModel::HubTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QColor HubTableModel::stateColor(HubState state)
{
    switch (state) {
    case HubState::Healthy:
        return QColor(0x2e, 0x7d, 0x32);
    case HubState::Degraded:
        return QColor(0xef, 0x8f, 0x00);
    case HubState::Unhealthy:
        return QColor(0xc6, 0x28, 0x28);
    case HubState::Unreachable:
        return QColor(0x6d, 0x4c, 0x41);
    case HubState::AuthFailed:
        return QColor(0x6a, 0x1b, 0x9a);
    }
    return Qt::gray;
}

void HubTableModel::setHubs(const QList<HubRecord> &hubs)
{
    beginResetModel();
    QList<Row> rows;
    for (const HubRecord &h : hubs) {
        Row row{h, std::nullopt, {}};
        const int old = rowOf(h.name);
        if (old >= 0) {
            row.sample = m_rows.at(old).sample;
            row.budgetWarning = m_rows.at(old).budgetWarning;
        }
        rows.append(row);
    }
    m_rows = rows;
    endResetModel();
}

void HubTableModel::updateSample(const QString &hub, const HubSample &sample)
{
    const int row = rowOf(hub);
    if (row < 0)
        return;
    m_rows[row].sample = sample;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void HubTableModel::setBudgetWarning(const QString &hub, const QString &warning)
{
    const int row = rowOf(hub);
    if (row < 0 || m_rows.at(row).budgetWarning == warning)
        return;
    m_rows[row].budgetWarning = warning;
    Q_EMIT dataChanged(index(row, BudgetWarning), index(row, BudgetWarning));
}

int HubTableModel::rowOf(const QString &hub) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).hub.name == hub)
            return int(i);
    }
    return -1;
}

HubRecord HubTableModel::hubAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).hub : HubRecord();
}

std::optional<HubSample> HubTableModel::sampleAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).sample : std::nullopt;
}

int HubTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HubTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HubTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const HubSample *s = row.sample ? &*row.sample : nullptr;
    if (role == StateRole)
        return s ? int(s->state) : -1;
    if (role == NameRole)
        return row.hub.name;
    if (role == Qt::DecorationRole && index.column() == State && s)
        return stateColor(s->state);
    if (role == Qt::ToolTipRole) {
        if (index.column() == LastError && s)
            return s->lastError;
        if (index.column() == BudgetWarning)
            return row.budgetWarning;
        if (index.column() == Name)
            return row.hub.displayUrl();
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Name:
        return row.hub.enabled ? row.hub.name : tr("%1 (disabled)").arg(row.hub.name);
    case State:
        return s ? HubSample::stateLabel(s->state) : tr("Not polled yet");
    case Version:
        return s ? s->version : QString();
    case Servers:
        return s ? tr("%1 / %2").arg(s->serversConnected).arg(s->serversTotal) : QString();
    case LastPoll:
        return s ? QLocale().toString(s->timestamp.toLocalTime(), QLocale::ShortFormat) : QString();
    case LastError:
        return s ? s->lastError.section(QLatin1Char('\n'), 0, 0) : QString();
    case BudgetWarning:
        return row.budgetWarning;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant HubTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Name:
        return tr("Hub");
    case State:
        return tr("State");
    case Version:
        return tr("Version");
    case Servers:
        return tr("Servers connected");
    case LastPoll:
        return tr("Last poll");
    case LastError:
        return tr("Last error");
    case BudgetWarning:
        return tr("Rate limit");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace mcphub
