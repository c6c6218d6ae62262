#include "ui/widgets/selectioncopier.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>

#include <algorithm>

namespace mcphub {

QString SelectionCopier::text(const QAbstractItemView *view)
{
    QModelIndexList selected = view->selectionModel()->selectedIndexes();
    if (selected.isEmpty())
        return {};
    std::sort(selected.begin(), selected.end(), [](const QModelIndex &a, const QModelIndex &b) {
        return a.row() == b.row() ? a.column() < b.column() : a.row() < b.row();
    });
    QList<int> columns;
    for (const QModelIndex &index : std::as_const(selected)) {
        if (!columns.contains(index.column()))
            columns << index.column();
    }
    std::sort(columns.begin(), columns.end());
    const QAbstractItemModel *model = view->model();
    QStringList lines;
    QStringList header;
    for (int column : std::as_const(columns))
        header << model->headerData(column, Qt::Horizontal).toString();
    lines << header.join(QLatin1Char('\t'));
    int row = -1;
    QStringList cells;
    for (const QModelIndex &index : std::as_const(selected)) {
        if (index.row() != row) {
            if (row >= 0)
                lines << cells.join(QLatin1Char('\t'));
            row = index.row();
            cells = QStringList(columns.size(), QString());
        }
        const QVariant check = index.data(Qt::CheckStateRole);
        cells[columns.indexOf(index.column())]
            = check.isValid() ? (check.toInt() == Qt::Checked ? QStringLiteral("true")
                                                              : QStringLiteral("false"))
                              : index.data(Qt::DisplayRole).toString();
    }
    lines << cells.join(QLatin1Char('\t'));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace mcphub
