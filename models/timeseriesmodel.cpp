#include "models/timeseriesmodel.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace mcphub {

TimeSeriesModel::TimeSeriesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void TimeSeriesModel::setSeriesNames(const QStringList &names)
{
    beginResetModel();
    m_names = names;
    m_times.clear();
    m_columns = QList<QList<double>>(names.size());
    endResetModel();
}

void TimeSeriesModel::appendSample(qint64 msecsSinceEpoch, const QList<double> &values)
{
    Q_ASSERT(values.size() == m_names.size());
    // Samples nearly always arrive in order; an out-of-order one is inserted where it belongs.
    const qsizetype row = m_times.isEmpty() || m_times.last() <= msecsSinceEpoch
                              ? m_times.size()
                              : lowerBound(msecsSinceEpoch);
    beginInsertRows({}, int(row), int(row));
    m_times.insert(row, msecsSinceEpoch);
    for (qsizetype c = 0; c < m_columns.size(); ++c)
        m_columns[c].insert(row, values.at(c));
    endInsertRows();
}

void TimeSeriesModel::clear()
{
    if (m_times.isEmpty())
        return;
    beginResetModel();
    m_times.clear();
    for (QList<double> &column : m_columns)
        column.clear();
    endResetModel();
}

qint64 TimeSeriesModel::firstMsecs() const
{
    return m_times.isEmpty() ? 0 : m_times.first();
}

qint64 TimeSeriesModel::lastMsecs() const
{
    return m_times.isEmpty() ? 0 : m_times.last();
}

qsizetype TimeSeriesModel::lowerBound(qint64 msecs) const
{
    return std::lower_bound(m_times.cbegin(), m_times.cend(), msecs) - m_times.cbegin();
}

QList<QPointF> TimeSeriesModel::points(int series, qint64 fromMsecs, qint64 toMsecs) const
{
    QList<QPointF> result;
    if (series < 0 || series >= m_names.size())
        return result;
    const QList<double> &column = m_columns.at(series);
    const qsizetype first = lowerBound(fromMsecs);
    const qsizetype last
        = std::upper_bound(m_times.cbegin(), m_times.cend(), toMsecs) - m_times.cbegin();
    result.reserve(std::max<qsizetype>(last - first, 0));
    for (qsizetype i = first; i < last; ++i) {
        const double value = column.at(i);
        if (!std::isnan(value))
            result.append(QPointF(double(m_times.at(i)), value));
    }
    return result;
}

QByteArray TimeSeriesModel::toCsv(qint64 fromMsecs, qint64 toMsecs) const
{
    QByteArray csv = "time";
    for (const QString &name : m_names) {
        QString quoted = name;
        quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        csv += ",\"" + quoted.toUtf8() + '"';
    }
    csv += '\n';
    for (qsizetype i = lowerBound(fromMsecs); i < m_times.size() && m_times.at(i) <= toMsecs; ++i) {
        csv += QDateTime::fromMSecsSinceEpoch(m_times.at(i), Qt::UTC)
                   .toString(Qt::ISODateWithMs)
                   .toUtf8();
        for (const QList<double> &column : m_columns) {
            csv += ',';
            if (!std::isnan(column.at(i)))
                csv += QByteArray::number(column.at(i), 'g', 15);
        }
        csv += '\n';
    }
    return csv;
}

int TimeSeriesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_times.size());
}

int TimeSeriesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_names.size()) + 1;
}

QVariant TimeSeriesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qint64 msecs = m_times.at(index.row());
    if (index.column() == 0) {
        switch (role) {
        case Qt::DisplayRole:
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(msecs).toLocalTime(),
                                      QLocale::ShortFormat);
        case MsecsRole:
            return msecs;
        default:
            return {};
        }
    }
    const double value = m_columns.at(index.column() - 1).at(index.row());
    if (role == Qt::DisplayRole)
        return std::isnan(value) ? QVariant() : QVariant(value);
    if (role == Qt::TextAlignmentRole)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant TimeSeriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == 0)
        return tr("Time");
    return m_names.value(section - 1);
}

} // namespace mcphub
