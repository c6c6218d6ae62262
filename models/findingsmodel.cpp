#include "models/findingsmodel.h"

#include <QColor>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

namespace mcphub {

namespace {

// A filled disc, red for errors and amber for warnings: readable on any platform theme,
// including the offscreen one the tests and screenshots use, which has no icon theme.
QIcon severityIcon(Finding::Severity severity)
{
    static const QIcon error = [] {
        QPixmap pixmap(16, 16);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xc6, 0x28, 0x28));
        painter.drawEllipse(QRectF(1.5, 1.5, 13, 13));
        painter.setPen(QPen(Qt::white, 2));
        painter.drawLine(QPointF(5.5, 5.5), QPointF(10.5, 10.5));
        painter.drawLine(QPointF(10.5, 5.5), QPointF(5.5, 10.5));
        return QIcon(pixmap);
    }();
    static const QIcon warning = [] {
        QPixmap pixmap(16, 16);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xe6, 0x9b, 0x00));
        painter.drawEllipse(QRectF(1.5, 1.5, 13, 13));
        painter.setPen(QPen(Qt::white, 2));
        painter.drawLine(QPointF(8, 4.5), QPointF(8, 9));
        painter.drawPoint(QPointF(8, 11.5));
        return QIcon(pixmap);
    }();
    return severity == Finding::Severity::Error ? error : warning;
}

} // namespace

FindingsModel::FindingsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void FindingsModel::setFindings(const QList<Finding> &findings)
{
    beginResetModel();
    m_findings = findings;
    endResetModel();
}

int FindingsModel::errorCount() const
{
    return int(countSeverity(m_findings, Finding::Severity::Error));
}

int FindingsModel::warningCount() const
{
    return int(countSeverity(m_findings, Finding::Severity::Warning));
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString FindingsModel::severityText(Finding::Severity severity)
{
    return severity == Finding::Severity::Error ? tr("Error") : tr("Warning");
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Finding &f = m_findings.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return severityText(f.severity);
        case PointerColumn:
            return f.pointer.isEmpty() ? tr("(whole document)") : f.pointer;
        case PositionColumn:
            return f.position.isValid()
                       ? QStringLiteral("%1:%2").arg(f.position.line).arg(f.position.column)
                       : QString();
        case MessageColumn:
            return f.message;
        }
        return {};
    case Qt::DecorationRole:
        return index.column() == SeverityColumn ? QVariant(severityIcon(f.severity)) : QVariant();
    case Qt::ToolTipRole:
        return index.column() == MessageColumn ? QVariant(f.message) : QVariant(f.code);
    case LineRole:
        return f.position.line;
    case ColumnRole:
        return f.position.column;
    case IsErrorRole:
        return f.severity == Finding::Severity::Error;
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case PointerColumn:
        return tr("JSON pointer");
    case PositionColumn:
        return tr("Line:column");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace mcphub
