#pragma once

// Drives a PendingTableEditor as a user does, for the offscreen GUI tests (header-only: the
// test support library does not link Qt Widgets).

#include "models/pendingtablemodel.h"
#include "ui/main/applyalldialog.h"
#include "ui/widgets/pendingtableeditor.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

namespace mcphub::test {

// The action of `menu` whose text (with its & mnemonic) is `text`, or nullptr.
inline QAction *menuAction(QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions()) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}

inline void clickAction(PendingTableEditor *editor, QAction *action)
{
    // A toolbar action's button, or one of the editor's own (Undo ... Apply).
    auto *button = qobject_cast<QToolButton *>(editor->toolBar()->widgetForAction(action));
    const QList<QToolButton *> buttons = editor->findChildren<QToolButton *>();
    for (auto it = buttons.cbegin(); !button && it != buttons.cend(); ++it) {
        if ((*it)->defaultAction() == action)
            button = *it;
    }
    QVERIFY2(button, qPrintable(action->text()));
    QVERIFY2(button->isEnabled(), qPrintable(action->text()));
    QTest::mouseClick(button, Qt::LeftButton);
}

// The preview Apply all (Ctrl+S) opened on `window`, or nullptr when none is shown.
inline ApplyAllDialog *shownApplyAllPreview(QWidget *window)
{
    for (ApplyAllDialog *dialog : window->findChildren<ApplyAllDialog *>()) {
        if (dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

// Accepts the preview Apply all (Ctrl+S) opened, as the administrator clicks "Apply all".
inline void acceptApplyAll(QWidget *window)
{
    QTRY_VERIFY(shownApplyAllPreview(window));
    QTest::mouseClick(shownApplyAllPreview(window)->applyButton(), Qt::LeftButton);
}

inline QModelIndex cell(PendingTableEditor *editor, int row, const QString &field)
{
    return editor->proxy()->mapFromSource(
        editor->model()->index(row, editor->model()->fieldIndex(field)));
}

// Types into a table cell through its editor, as a user would: double click, text, Return.
inline void typeInCell(PendingTableEditor *editor, const QModelIndex &index, const QString &text)
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // closed editors
    QTableView *view = editor->view();
    view->scrollTo(index);
    const QPoint at = view->visualRect(index).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
    QLineEdit *line = nullptr;
    for (QLineEdit *candidate : view->viewport()->findChildren<QLineEdit *>())
        line = candidate->isVisible() ? candidate : line;
    QVERIFY2(line, "no cell editor opened");
    line->selectAll();
    QTest::keyClicks(line, text);
    QTest::keyClick(line, Qt::Key_Return);
    QCoreApplication::processEvents(); // the delegate commits queued
}

} // namespace mcphub::test
