#pragma once

#include "storage/settings/finding.h"

#include <QAbstractTableModel>
#include <QList>

namespace mcphub {

// The validator's findings about one settings file, one per row: severity (icon and text),
// JSON pointer, line:column and the translated message. Read-only; GUI thread.
class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, PointerColumn, PositionColumn, MessageColumn, ColumnCount };
    enum Role {
        LineRole = Qt::UserRole, // int, from 1; 0 when the place is unknown
        ColumnRole,              // int, from 1
        IsErrorRole,             // bool
    };

    explicit FindingsModel(QObject *parent = nullptr);

    void setFindings(const QList<Finding> &findings);
    const QList<Finding> &findings() const { return m_findings; }
    Finding findingAt(int row) const { return m_findings.value(row); }
    int errorCount() const;
    int warningCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Translated "Error" / "Warning".
    static QString severityText(Finding::Severity severity);

private:
    QList<Finding> m_findings;
};

} // namespace mcphub
