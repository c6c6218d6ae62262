#include "ui/widgets/findingsbrowser.h"

#include "models/findingsmodel.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableView>
#include <QTextBlock>
#include <QVBoxLayout>

namespace mcphub {

namespace {

// The QString position of `column` (code points, from 1) in a line of text.
int positionInLine(const QString &line, int column)
{
    int position = 0;
    for (int counted = 1; counted < column && position < line.size(); ++counted)
        position += line.at(position).isHighSurrogate() && position + 1 < line.size() ? 2 : 1;
    return position;
}

} // namespace

FindingsBrowser::FindingsBrowser(QWidget *parent)
    : QWidget(parent)
    , m_model(new FindingsModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_view = new QTableView(splitter);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(FindingsModel::SeverityColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(FindingsModel::PositionColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->setColumnWidth(FindingsModel::PointerColumn, 220);
    m_view->setAccessibleName(tr("Findings"));

    auto *lower = new QWidget(splitter);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    m_detail = new QLabel(lower);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    lowerLayout->addWidget(m_detail);
    m_source = new QPlainTextEdit(lower);
    lowerLayout->addWidget(m_source, 1);
    m_source->setReadOnly(true);
    m_source->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_source->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_source->setAccessibleName(tr("Settings file text"));
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        showFinding(index.row());
        m_source->setFocus(Qt::OtherFocusReason);
    });
    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            [this](const QModelIndex &current) {
                Q_EMIT currentRowChanged(current.isValid() ? current.row() : -1);
            });
}

void FindingsBrowser::setContent(const QByteArray &text, const QList<Finding> &findings)
{
    m_source->setPlainText(QString::fromUtf8(text));
    m_detail->clear();
    m_source->setExtraSelections({});
    setFindings(findings);
    if (!findings.isEmpty())
        showFinding(0);
}

void FindingsBrowser::setFindings(const QList<Finding> &findings)
{
    const QString kept = m_model->findingAt(currentRow()).pointer;
    m_model->setFindings(findings);
    int row = findings.isEmpty() ? -1 : 0;
    for (int r = 0; r < findings.size() && !kept.isEmpty(); ++r) {
        if (findings.at(r).pointer == kept) {
            row = r;
            break;
        }
    }
    if (row >= 0)
        m_view->selectRow(row);
    Q_EMIT currentRowChanged(currentRow());
}

int FindingsBrowser::currentRow() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() && m_view->selectionModel()->isRowSelected(current.row())
               ? current.row()
               : -1;
}

Finding FindingsBrowser::findingFromError(const Error &error)
{
    Finding finding;
    finding.severity = Finding::Severity::Error;
    finding.code = QStringLiteral("parse");
    finding.message = error.message;
    static const QRegularExpression place(QStringLiteral(":(\\d+):(\\d+)$"));
    if (const auto match = place.match(error.where); match.hasMatch()) {
        finding.position.line = match.captured(1).toInt();
        finding.position.column = match.captured(2).toInt();
    }
    return finding;
}

void FindingsBrowser::showFinding(int row)
{
    const QModelIndex index = m_model->index(row, 0);
    if (!index.isValid())
        return;
    const Finding finding = m_model->findingAt(row);
    m_detail->setText(
        tr("%1 at %2, %3: %4")
            .arg(FindingsModel::severityText(finding.severity),
                 index.siblingAtColumn(FindingsModel::PositionColumn).data().toString(),
                 index.siblingAtColumn(FindingsModel::PointerColumn).data().toString(),
                 finding.message));
    const int line = index.data(FindingsModel::LineRole).toInt();
    const int column = index.data(FindingsModel::ColumnRole).toInt();
    if (line <= 0) {
        m_source->setExtraSelections({});
        return;
    }
    const QTextBlock block = m_source->document()->findBlockByNumber(line - 1);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + positionInLine(block.text(), column));
    m_source->setTextCursor(cursor);

    QTextEdit::ExtraSelection highlight;
    const bool isError = index.data(FindingsModel::IsErrorRole).toBool();
    highlight.format.setBackground(isError ? QColor(0xff, 0xdd, 0xdd) : QColor(0xff, 0xf0, 0xc0));
    highlight.format.setProperty(QTextFormat::FullWidthSelection, true);
    highlight.cursor = QTextCursor(block);
    highlight.cursor.clearSelection();
    m_source->setExtraSelections({highlight});
    m_source->centerCursor();
    m_source->ensureCursorVisible();
}

} // namespace mcphub
