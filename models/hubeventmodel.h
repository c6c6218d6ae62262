#pragma once

#include "models/hubalertpolicy.h"

#include <QAbstractTableModel>
#include <QHash>

namespace mcphub {

// The visible event list of hub alerts, newest first, capped at kMaximumRows. Each row may
// carry the id the event store gave it and when it was acknowledged; unacknowledged rows are
// bold. GUI thread.
class HubEventModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Hub, Event, Status, Details, ColumnCount };
    Q_ENUM(Column)
    enum Role { IdRole = Qt::UserRole + 1, AcknowledgedRole };
    static constexpr int kMaximumRows = 500;

    struct Row
    {
        HubAlert alert;
        qint64 id = 0;            // 0: not stored
        QDateTime acknowledgedAt; // invalid: not acknowledged
    };

    explicit HubEventModel(QObject *parent = nullptr);
    void add(const HubAlert &alert, qint64 id = 0);
    void setRows(const QList<Row> &rows); // newest first
    HubAlert alertAt(int row) const { return m_rows.value(row).alert; }
    qint64 idAt(int row) const { return m_rows.value(row).id; }
    bool acknowledgedAt(int row) const { return m_rows.value(row).acknowledgedAt.isValid(); }
    // Marks the rows with these ids (every row when `all`) acknowledged at `at`.
    void markAcknowledged(const QList<qint64> &ids, const QDateTime &at);
    void markAllAcknowledged(const QDateTime &at);
    // Unacknowledged rows per hub.
    QHash<QString, int> unacknowledgedCounts() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Row> m_rows;
};

} // namespace mcphub
