#include "ui/widgets/pendingtableeditor.h"

#include "models/pendingtablemodel.h"
#include "ui/widgets/selectioncopier.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <memory>

namespace mcphub {

PendingTableEditor::PendingTableEditor(PendingTableModel *model,
                                       const QString &settingsKey,
                                       QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_settingsKey(settingsKey)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_toolBar(new QToolBar(this))
    , m_search(new QLineEdit(this))
    , m_banner(new QLabel(this))
    , m_message(new QLabel(this))
    , m_pending(new QLabel(this))
{
    m_proxy->setSourceModel(model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_view->setModel(m_proxy);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &PendingTableEditor::fitHeaderTexts);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // the workspace's order until a header is clicked
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();

    m_search->setPlaceholderText(tr("Search…"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Show only rows that contain this text in any column."));

    m_banner->setText(tr("This workspace is open read-only: the profile is read-only, the "
                         "server is a standby, or the database was made by a newer console. "
                         "Nothing can be changed here."));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(
        QStringLiteral("QLabel { background: #fff3cd; color: #664d03; padding: 6px; }"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto make = [this](const QString &text, const QString &tip, const QKeySequence &key = {}) {
        auto *action = new QAction(text, this);
        action->setToolTip(
            key.isEmpty() ? tip : tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        QWidget::addAction(action);
        return action;
    };
    m_add = make(tr("&Add"),
                 tr("Add a row; it is saved when you apply."),
                 QKeySequence(Qt::CTRL | Qt::Key_N));
    m_delete = make(tr("&Delete"),
                    tr("Mark the selected rows for deletion; they are deleted when you apply."),
                    QKeySequence::Delete);
    m_revertRow = make(tr("Revert &row"), tr("Undo every pending edit of the current row."));
    m_revertAll = make(tr("Revert a&ll"), tr("Drop every pending edit in this table."));
    // Undo, Redo, Apply and Copy carry no shortcut of their own: the window's Edit ▸ Undo,
    // Redo and Copy (Ctrl+Z, Ctrl+Shift+Z, Ctrl+C) act on the page with the focus and Apply
    // all (Ctrl+S) writes every page, from anywhere in the window, the detail forms included.
    // The same key on a page would make the window's shortcut ambiguous, and Qt ignores those.
    m_undo = make(tr("&Undo"), tr("Undo the last pending edit."));
    m_redo = make(tr("&Redo"), tr("Redo the edit you undid."));
    m_apply = make(tr("A&pply"),
                   tr("Write this page's pending edits to the workspace in one transaction "
                      "(Apply all, Ctrl+S, writes those of every page)."));
    m_copy = make(tr("&Copy"), tr("Copy the selected cells with their column headers."));
    m_copy->setObjectName(QStringLiteral("copy")); // what Edit ▸ Copy triggers here
    m_toolBar->addAction(m_add);
    m_toolBar->addAction(m_delete);
    m_toolBar->addSeparator();

    auto *top = new QHBoxLayout;
    top->addWidget(m_toolBar, 1);
    top->addWidget(m_search);
    // Undo ... Apply on a row of their own, as buttons rather than toolbar actions: a toolbar
    // hides what does not fit behind its overflow chevron, and Apply must never be hidden
    // (the row keeps its width instead, and the splitter gives it room).
    auto *edits = new QHBoxLayout;
    for (QAction *action : {m_undo, m_redo, m_revertRow, m_revertAll}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        edits->addWidget(button);
    }
    edits->addStretch(1);
    edits->addWidget(m_pending);
    auto *apply = new QToolButton(this);
    apply->setObjectName(QStringLiteral("applyButton"));
    apply->setDefaultAction(m_apply);
    edits->addWidget(apply);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addLayout(top);
    layout->addLayout(edits);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);

    // An Apply error goes once it no longer holds (issue 15): nothing is pending any more, or,
    // for a refusal by validation, no edited row has a problem left.
    const auto clearFixedError = [this] {
        if (m_message->isHidden() || !m_message->property("error").toBool())
            return;
        if (m_model->pendingCount() == 0
            || (m_message->property("invalid").toBool() && m_model->firstProblem().isEmpty()))
            showMessage({}, false);
    };
    connect(model, &QAbstractItemModel::dataChanged, this, clearFixedError);
    connect(model, &PendingTableModel::pendingCountChanged, this, clearFixedError);
    connect(model->undoStack(), &QUndoStack::indexChanged, this, clearFixedError);
    connect(m_add, &QAction::triggered, this, &PendingTableEditor::addRequested);
    connect(m_delete, &QAction::triggered, this, &PendingTableEditor::deleteSelectedRows);
    connect(m_revertRow, &QAction::triggered, this, &PendingTableEditor::revertCurrentRow);
    connect(m_revertAll, &QAction::triggered, this, &PendingTableEditor::revertAll);
    connect(m_undo, &QAction::triggered, model->undoStack(), &QUndoStack::undo);
    connect(m_redo, &QAction::triggered, model->undoStack(), &QUndoStack::redo);
    connect(m_apply, &QAction::triggered, this, [this] {
        if (!m_applyGuard) {
            applyChanges();
            return;
        }
        QPointer<PendingTableEditor> self(this);
        m_applyGuard([self] {
            if (self)
                self->applyChanges();
        });
    });
    connect(m_copy, &QAction::triggered, this, [this] {
        QApplication::clipboard()->setText(copySelection());
    });
    connect(
        m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(
        model->undoStack(), &QUndoStack::indexChanged, this, &PendingTableEditor::updateActions);
    connect(
        model, &PendingTableModel::pendingCountChanged, this, &PendingTableEditor::updateActions);
    connect(model, &PendingTableModel::readOnlyChanged, this, &PendingTableEditor::updateActions);
    // The row selected before a reset (Apply, Revert all, a reload), by its label: selected
    // again afterwards, so that the detail form shows it; else the first row, so that detail
    // panels show something.
    auto selectedLabel = std::make_shared<QString>();
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this, selectedLabel] {
        const int row = currentRow();
        *selectedLabel = row >= 0 ? m_model->index(row, 0).data().toString() : QString();
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this, selectedLabel] {
        int row = m_model->rowCount() > 0 ? 0 : -1;
        for (int r = 0; !selectedLabel->isEmpty() && r < m_model->rowCount(); ++r) {
            if (m_model->index(r, 0).data().toString() == *selectedLabel) {
                row = r;
                break;
            }
        }
        if (row >= 0)
            selectRow(row);
        updateActions();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateActions();
        Q_EMIT currentRowChanged(currentRow());
    });
    connect(m_view->horizontalHeader(),
            &QWidget::customContextMenuRequested,
            this,
            &PendingTableEditor::showHeaderMenu);
    restoreColumns();
    if (m_model->rowCount() > 0)
        selectRow(0);
    updateActions();
}

PendingTableEditor::~PendingTableEditor()
{
    saveColumns();
}

int PendingTableEditor::currentRow() const
{
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    return current.isValid() ? current.row() : -1;
}

void PendingTableEditor::selectRow(int row)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (index.isValid())
        m_view->setCurrentIndex(index);
}

void PendingTableEditor::updateActions()
{
    const bool readOnly = m_model->isReadOnly();
    const bool hasRow = currentRow() >= 0;
    const int pending = m_model->pendingCount();
    m_banner->setVisible(readOnly);
    m_add->setEnabled(!readOnly);
    m_delete->setEnabled(!readOnly && hasRow);
    m_revertRow->setEnabled(!readOnly && hasRow
                            && m_model->rowState(currentRow()) != PendingRow::State::Unchanged);
    m_revertAll->setEnabled(!readOnly && pending > 0);
    m_undo->setEnabled(!readOnly && m_model->undoStack()->canUndo());
    m_redo->setEnabled(!readOnly && m_model->undoStack()->canRedo());
    m_apply->setEnabled(!readOnly && pending > 0);
    m_pending->setText(pending > 0 ? tr("%n pending change(s)", nullptr, pending) : QString());
}

void PendingTableEditor::deleteSelectedRows()
{
    QList<int> keys;
    const QModelIndexList selected = m_view->selectionModel()->selectedIndexes();
    for (const QModelIndex &index : selected) {
        const int key = m_proxy->mapToSource(index).data(PendingTableModel::RowKeyRole).toInt();
        if (!keys.contains(key))
            keys << key;
    }
    if (keys.isEmpty() && currentRow() >= 0)
        keys << m_model->data(m_model->index(currentRow(), 0), PendingTableModel::RowKeyRole)
                    .toInt();
    m_model->undoStack()->beginMacro(tr("Delete rows"));
    for (int key : std::as_const(keys))
        m_model->markDeleted(m_model->rowOfKey(key));
    m_model->undoStack()->endMacro();
}

void PendingTableEditor::revertCurrentRow()
{
    m_model->revertRow(currentRow());
}

void PendingTableEditor::revertAll()
{
    m_model->revertAll();
    m_message->hide();
}

void PendingTableEditor::editCell(int row, const QString &field)
{
    const int column = m_model->fieldIndex(field);
    if (row < 0 || column < 0) {
        selectRow(row);
        return;
    }
    m_search->clear(); // the new row must not be filtered out
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, column));
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    m_view->edit(index);
}

bool PendingTableEditor::applyChanges()
{
    const int pending = m_model->pendingCount();
    const auto applied = m_model->apply();
    if (!applied) {
        m_message->setProperty("invalid", applied.error().code == Error::Code::Invalid);
        showMessage(applied.error().messageWithRemedy(), true);
        return false;
    }
    QString message = tr("%n change(s) written to the workspace.", nullptr, pending);
    if (!m_model->appliedNote().isEmpty())
        message += QLatin1Char(' ') + m_model->appliedNote();
    showMessage(message, false);
    return true;
}

void PendingTableEditor::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setProperty("error", error && !text.isEmpty());
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { color: #b00020; }") : QString());
    m_message->setVisible(!text.isEmpty());
}

QString PendingTableEditor::copySelection() const
{
    return SelectionCopier::text(m_view);
}

void PendingTableEditor::showHeaderMenu(const QPoint &pos)
{
    QMenu menu(this);
    QHeaderView *header = m_view->horizontalHeader();
    for (int column = 0; column < m_model->columnCount(); ++column) {
        QAction *action = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        connect(action, &QAction::toggled, this, [this, header, column](bool shown) {
            header->setSectionHidden(column, !shown);
            saveColumns();
        });
    }
    menu.exec(header->mapToGlobal(pos));
}

void PendingTableEditor::saveColumns() const
{
    if (m_settingsKey.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("columns/") + m_settingsKey,
                         m_view->horizontalHeader()->saveState());
}

void PendingTableEditor::fitHeaderTexts()
{
    // Every column at least as wide as its title ("Status (console only)" was cut to
    // "atus (console on"); the saved widths, restored after this, still win.
    QHeaderView *header = m_view->horizontalHeader();
    for (int section = 0; section < header->count(); ++section) {
        const int wanted = header->sectionSizeHint(section);
        if (header->sectionSize(section) < wanted)
            header->resizeSection(section, wanted);
    }
}

void PendingTableEditor::restoreColumns()
{
    fitHeaderTexts();
    if (m_settingsKey.isEmpty())
        return;
    const QByteArray state
        = QSettings().value(QStringLiteral("columns/") + m_settingsKey).toByteArray();
    if (!state.isEmpty())
        m_view->horizontalHeader()->restoreState(state);
}

} // namespace mcphub
