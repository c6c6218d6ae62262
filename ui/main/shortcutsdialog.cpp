#include "ui/main/shortcutsdialog.h"

#include "ui/widgets/pendingtableeditor.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mcphub {

namespace {

QString plain(QString text)
{
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

void collect(QMenu *menu, QList<QAction *> &into)
{
    for (QAction *action : menu->actions()) {
        if (action->menu())
            collect(action->menu(), into);
        else if (!action->shortcuts().isEmpty() && !into.contains(action))
            into << action;
    }
}

QString placeOf(const QAction *action)
{
    for (QObject *object : action->associatedObjects()) {
        if (auto *menu = qobject_cast<QMenu *>(object))
            return plain(menu->title());
    }
    for (QObject *o = action->parent(); o; o = o->parent()) {
        if (qobject_cast<PendingTableEditor *>(o))
            return ShortcutsDialog::tr("Table pages");
    }
    return ShortcutsDialog::tr("Window");
}

} // namespace

QList<QAction *> ShortcutsDialog::actionsWithShortcuts(QWidget *window)
{
    QList<QAction *> actions;
    if (auto *main = qobject_cast<QMainWindow *>(window)) {
        for (QAction *top : main->menuBar()->actions()) {
            if (top->menu())
                collect(top->menu(), actions);
        }
    }
    // Actions outside the menus (a page's Add and Delete), one per text and keys.
    QStringList seen;
    for (QAction *action : std::as_const(actions))
        seen << plain(action->text()) + action->shortcut().toString();
    const QList<QAction *> all = window->findChildren<QAction *>();
    for (QAction *action : all) {
        if (action->shortcuts().isEmpty() || actions.contains(action) || action->menu())
            continue;
        const QString key = plain(action->text()) + action->shortcut().toString();
        if (seen.contains(key))
            continue;
        seen << key;
        actions << action;
    }
    return actions;
}

ShortcutsDialog::ShortcutsDialog(QWidget *window, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    const QList<QAction *> actions = actionsWithShortcuts(window);
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Keys"), tr("Where")});
    m_table->setRowCount(int(actions.size()));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    for (int row = 0; row < actions.size(); ++row) {
        const QAction *action = actions.at(row);
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys << key.toString(QKeySequence::NativeText);
        auto *name = new QTableWidgetItem(action->icon(), plain(action->text()));
        name->setToolTip(action->toolTip());
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, new QTableWidgetItem(keys.join(QStringLiteral(", "))));
        m_table->setItem(row, 2, new QTableWidgetItem(placeOf(action)));
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(560, 520);
}

QString ShortcutsDialog::text() const
{
    QStringList lines;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        lines << m_table->item(row, 0)->text() + QLatin1Char('\t') + m_table->item(row, 1)->text()
                     + QLatin1Char('\t') + m_table->item(row, 2)->text();
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace mcphub
