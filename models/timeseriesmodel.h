#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QPointF>

namespace mcphub {

// Samples over time for charts: column 0 is the time, then one column per named series
// (calls, errors, latency ...). Rows stay sorted by time; a missing value is NaN and is drawn
// as a gap. Charts read it through points(), the CSV export through the table interface.
class TimeSeriesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role { MsecsRole = Qt::UserRole }; // the time column as msecs since the epoch (UTC)

    explicit TimeSeriesModel(QObject *parent = nullptr);

    void setSeriesNames(const QStringList &names); // clears the samples
    QStringList seriesNames() const { return m_names; }

    // Adds one sample; values.size() must equal the series count. Keeps rows sorted.
    void appendSample(qint64 msecsSinceEpoch, const QList<double> &values);
    void clear();

    qint64 firstMsecs() const; // 0 when empty
    qint64 lastMsecs() const;

    // The points of one series in [fromMsecs, toMsecs], x = msecs since the epoch, NaNs left out.
    QList<QPointF> points(int series, qint64 fromMsecs, qint64 toMsecs) const;

    // "time,<series>..." then one line per row in the range, ISO-8601 UTC times.
    QByteArray toCsv(qint64 fromMsecs, qint64 toMsecs) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    qsizetype lowerBound(qint64 msecs) const;

    // Columnar: one time list and one value list per series, so that drawing a series over
    // a long range is a tight loop over contiguous doubles.
    QStringList m_names;
    QList<qint64> m_times;
    QList<QList<double>> m_columns;
};

} // namespace mcphub
