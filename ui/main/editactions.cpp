#include "ui/main/editactions.h"

#include "ui/widgets/pendingdetailpage.h"
#include "ui/widgets/pendingtableeditor.h"
#include "ui/widgets/selectioncopier.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace mcphub {

namespace {

QIcon breeze(const char *name)
{
    return QIcon(QStringLiteral(":/icons/breeze/%1.svg").arg(QLatin1String(name)));
}

QWidget *focusedIn(QWidget *window)
{
    QWidget *focus = QApplication::focusWidget();
    return focus && (focus == window || window->isAncestorOf(focus)) ? focus : nullptr;
}

// The text field with the focus (an editable combo box's line edit included), or nullptr.
QLineEdit *lineEdit(QWidget *focus)
{
    if (auto *line = qobject_cast<QLineEdit *>(focus))
        return line;
    if (auto *combo = qobject_cast<QComboBox *>(focus))
        return combo->lineEdit();
    return nullptr;
}

bool isTextWidget(QWidget *focus)
{
    return lineEdit(focus) || qobject_cast<QPlainTextEdit *>(focus)
           || qobject_cast<QTextEdit *>(focus);
}

} // namespace

EditActions::EditActions(QWidget *window, std::function<QWidget *()> currentPage)
    : QObject(window)
    , m_window(window)
    , m_currentPage(std::move(currentPage))
    , m_undo(new QAction(breeze("edit-undo"), tr("&Undo"), window))
    , m_redo(new QAction(breeze("edit-redo"), tr("&Redo"), window))
    , m_cut(new QAction(breeze("edit-cut"), tr("Cu&t"), window))
    , m_copy(new QAction(breeze("edit-copy"), tr("&Copy"), window))
    , m_paste(new QAction(breeze("edit-paste"), tr("&Paste"), window))
    , m_find(new QAction(breeze("edit-find"), tr("&Find…"), window))
{
    m_undo->setShortcut(QKeySequence::Undo);
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    const QKeySequence shiftZ(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
    redoKeys.removeAll(shiftZ);
    redoKeys.prepend(shiftZ); // first: the one menus and the toolbar's tooltip show
    m_redo->setShortcuts(redoKeys);
    m_cut->setShortcut(QKeySequence::Cut);
    m_copy->setShortcut(QKeySequence::Copy);
    m_paste->setShortcut(QKeySequence::Paste);
    m_find->setShortcut(QKeySequence::Find);
    m_undo->setToolTip(tr("Undo the last edit: in a text field its typing, elsewhere the "
                          "page's last pending edit."));
    m_redo->setToolTip(tr("Redo the edit you undid."));
    m_cut->setToolTip(tr("Cut the selected text."));
    m_copy->setToolTip(tr("Copy the selected text, or the selected cells with their column "
                          "headers."));
    m_paste->setToolTip(tr("Paste into the text field."));
    m_find->setToolTip(tr("Search this page: go to its search or filter field."));
    for (QAction *action : {m_undo, m_redo, m_cut, m_copy, m_paste, m_find}) {
        action->setShortcutContext(Qt::WindowShortcut);
        window->addAction(action);
    }
    m_undo->setObjectName(QStringLiteral("editUndo"));
    m_redo->setObjectName(QStringLiteral("editRedo"));
    m_cut->setObjectName(QStringLiteral("editCut"));
    m_copy->setObjectName(QStringLiteral("editCopy"));
    m_paste->setObjectName(QStringLiteral("editPaste"));
    m_find->setObjectName(QStringLiteral("editFind"));
    connect(m_undo, &QAction::triggered, this, &EditActions::undo);
    connect(m_redo, &QAction::triggered, this, &EditActions::redo);
    connect(m_cut, &QAction::triggered, this, &EditActions::cut);
    connect(m_copy, &QAction::triggered, this, &EditActions::copy);
    connect(m_paste, &QAction::triggered, this, &EditActions::paste);
    connect(m_find, &QAction::triggered, this, &EditActions::find);
    connect(qApp, &QApplication::focusChanged, this, &EditActions::updateActions);
    updateActions();
}

PendingTableEditor *EditActions::targetEditor() const
{
    for (QWidget *w = focusedIn(m_window); w && w != m_window; w = w->parentWidget()) {
        if (auto *editor = qobject_cast<PendingTableEditor *>(w))
            return editor;
        if (auto *page = qobject_cast<PendingDetailPage *>(w))
            return page->editor();
    }
    QWidget *page = m_currentPage ? m_currentPage() : nullptr;
    if (!page)
        return nullptr;
    const QList<PendingTableEditor *> editors = page->findChildren<PendingTableEditor *>();
    for (PendingTableEditor *editor : editors) {
        if (editor->isVisible())
            return editor;
    }
    return nullptr;
}

QWidget *EditActions::findTarget() const
{
    if (PendingTableEditor *editor = targetEditor())
        return editor->searchBox();
    QWidget *page = m_currentPage ? m_currentPage() : nullptr;
    if (!page)
        return nullptr;
    const QList<QWidget *> widgets = page->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (widget->property("findTarget").toBool() && widget->isVisible())
            return widget;
    }
    return nullptr;
}

void EditActions::updateActions()
{
    QWidget *focus = focusedIn(m_window);
    const bool text = isTextWidget(focus);
    PendingTableEditor *editor = text ? nullptr : targetEditor();
    if (editor != m_watched) {
        if (m_watched) {
            disconnect(m_watched->undoAction(), nullptr, this, nullptr);
            disconnect(m_watched->redoAction(), nullptr, this, nullptr);
        }
        m_watched = editor;
        if (editor) {
            connect(editor->undoAction(), &QAction::changed, this, &EditActions::updateActions);
            connect(editor->redoAction(), &QAction::changed, this, &EditActions::updateActions);
        }
    }
    QLineEdit *line = lineEdit(focus);
    const bool writable
        = text && !(line && line->isReadOnly())
          && !(qobject_cast<QPlainTextEdit *>(focus)
               && static_cast<QPlainTextEdit *>(focus)->isReadOnly())
          && !(qobject_cast<QTextEdit *>(focus) && static_cast<QTextEdit *>(focus)->isReadOnly());
    m_undo->setEnabled(writable || (editor && editor->undoAction()->isEnabled()));
    m_redo->setEnabled(writable || (editor && editor->redoAction()->isEnabled()));
    m_cut->setEnabled(writable);
    m_paste->setEnabled(writable);
    m_copy->setEnabled(focus != nullptr);
    m_find->setEnabled(findTarget() != nullptr || focus == nullptr);
}

void EditActions::undo()
{
    QWidget *focus = focusedIn(m_window);
    if (QLineEdit *line = lineEdit(focus))
        line->undo();
    else if (auto *plain = qobject_cast<QPlainTextEdit *>(focus))
        plain->undo();
    else if (auto *rich = qobject_cast<QTextEdit *>(focus))
        rich->undo();
    else if (PendingTableEditor *editor = targetEditor();
             editor && editor->undoAction()->isEnabled())
        editor->undoAction()->trigger();
}

void EditActions::redo()
{
    QWidget *focus = focusedIn(m_window);
    if (QLineEdit *line = lineEdit(focus))
        line->redo();
    else if (auto *plain = qobject_cast<QPlainTextEdit *>(focus))
        plain->redo();
    else if (auto *rich = qobject_cast<QTextEdit *>(focus))
        rich->redo();
    else if (PendingTableEditor *editor = targetEditor();
             editor && editor->redoAction()->isEnabled())
        editor->redoAction()->trigger();
}

void EditActions::cut()
{
    QWidget *focus = focusedIn(m_window);
    if (QLineEdit *line = lineEdit(focus))
        line->cut();
    else if (auto *plain = qobject_cast<QPlainTextEdit *>(focus))
        plain->cut();
    else if (auto *rich = qobject_cast<QTextEdit *>(focus))
        rich->cut();
}

void EditActions::copy()
{
    QWidget *focus = focusedIn(m_window);
    if (QLineEdit *line = lineEdit(focus)) {
        line->copy();
        return;
    }
    if (auto *plain = qobject_cast<QPlainTextEdit *>(focus)) {
        plain->copy();
        return;
    }
    if (auto *rich = qobject_cast<QTextEdit *>(focus)) {
        rich->copy();
        return;
    }
    // A table's own Copy (rows with their headers), found by its object name.
    for (QWidget *w = focus; w && w != m_window; w = w->parentWidget()) {
        for (QAction *action : w->actions()) {
            if (action->objectName() == QLatin1String("copy") && action->isEnabled()) {
                action->trigger();
                return;
            }
        }
    }
    if (auto *view = qobject_cast<QAbstractItemView *>(focus))
        QApplication::clipboard()->setText(SelectionCopier::text(view));
}

void EditActions::paste()
{
    QWidget *focus = focusedIn(m_window);
    if (QLineEdit *line = lineEdit(focus))
        line->paste();
    else if (auto *plain = qobject_cast<QPlainTextEdit *>(focus))
        plain->paste();
    else if (auto *rich = qobject_cast<QTextEdit *>(focus))
        rich->paste();
}

void EditActions::find()
{
    QWidget *target = findTarget();
    if (!target)
        return;
    target->setFocus(Qt::ShortcutFocusReason);
    if (QLineEdit *line = lineEdit(target))
        line->selectAll();
}

} // namespace mcphub
