#include "ui/main/mainwindow.h"

#include "ui/main/aboutdialog.h"

#include "models/pendingtablemodel.h"
#include "ui/main/applyalldialog.h"
#include "ui/main/areapage.h"
#include "ui/main/consoleremedies.h"
#include "ui/main/editactions.h"
#include "ui/main/pendingpages.h"
#include "ui/main/preferencesdialog.h"
#include "ui/main/shortcutsdialog.h"
#include "ui/migration/migrationwizard.h"
#include "ui/widgets/pendingtableeditor.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QKeySequence>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace mcphub {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_areas(new WorkspaceAreaModel(this))
{
    installConsoleRemedies(); // storage errors say what to do in the console's terms
    setWindowTitle(tr("MCPHub Admin Console"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/mcphub-admin.svg")));
    m_pendingPages = new PendingPages(this);
    createCentralArea();
    createMenus();
    createEditMenu();
    createToolBar();
    addPreferencesAction();
    createReplicationArea();

    m_workspaceLabel = new QLabel(this);
    m_connectionLabel = new QLabel(this);
    m_pendingLabel = new QLabel(this);
    m_waitingLabel = new QLabel(this);
    m_waitingLabel->setObjectName(QStringLiteral("waitingFor"));
    m_waitingLabel->hide();
    statusBar()->addWidget(m_workspaceLabel, 1);
    statusBar()->addPermanentWidget(m_waitingLabel);
    statusBar()->addPermanentWidget(m_pendingLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);
    setWorkspaceStatus(tr("No workspace"), false, false);
    resize(1100, 700);
    // The window's size and position as the administrator left them.
    restoreGeometry(QSettings().value(QStringLiteral("window/geometry")).toByteArray());
}

MainWindow::~MainWindow()
{
    // Before the pages go: Edit's actions follow the focus, which moves while they are deleted.
    delete m_editActions;
    m_editActions = nullptr;
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_migrateAction = m_fileMenu->addAction(tr("&Migrate settings file…"));
    m_migrateAction->setToolTip(tr("Move an MCPHub settings file (and its logs) into a workspace "
                                   "database: validated, planned, verified, with a backup."));
    connect(m_migrateAction, &QAction::triggered, this, &MainWindow::openMigrationWizard);
    m_fileMenu->addSeparator();
    QAction *quit = m_fileMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    for (int row = 0; row < m_areas->rowCount(); ++row) {
        const WorkspaceAreaModel::Area area = m_areas->areaAt(row);
        // "Clients & content": a single & would be a mnemonic.
        QAction *action = viewMenu->addAction(
            WorkspaceAreaModel::title(area).replace(QLatin1Char('&'), QStringLiteral("&&")));
        if (row < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + row)));
        connect(action, &QAction::triggered, this, [this, area] { showArea(area); });
        m_areaActions.insert(area, action);
    }

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    m_helpMenu = helpMenu;
    QAction *about = helpMenu->addAction(tr("&About MCPHub Admin Console"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction *aboutQt = helpMenu->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

namespace {

QIcon breezeIcon(const char *name)
{
    return QIcon(QStringLiteral(":/icons/breeze/%1.svg").arg(QLatin1String(name)));
}

} // namespace

void MainWindow::createEditMenu()
{
    // Edit menu, Apply all and Revert all, and Help ▸ Help for this page / Keyboard
    // shortcuts: their own block, after the menus createMenus() made.
    m_editActions = new EditActions(this, [this]() -> QWidget * {
        AreaPage *page = m_pageByArea.value(currentArea());
        return page ? page->content() : nullptr;
    });
    m_applyAllAction = new QAction(breezeIcon("document-save-all"), tr("&Apply all…"), this);
    m_applyAllAction->setObjectName(QStringLiteral("applyAll"));
    m_applyAllAction->setIconText(tr("Apply all"));
    m_applyAllAction->setShortcut(QKeySequence::Save);
    m_applyAllAction->setShortcutContext(Qt::WindowShortcut);
    m_applyAllAction->setToolTip(
        tr("Write the pending edits of every page, after a preview, in "
           "one transaction (%1).")
            .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    connect(m_applyAllAction, &QAction::triggered, this, &MainWindow::previewApplyAll);
    m_revertAllAction = new QAction(breezeIcon("document-revert"), tr("Re&vert all…"), this);
    m_revertAllAction->setObjectName(QStringLiteral("revertAll"));
    m_revertAllAction->setIconText(tr("Revert all"));
    m_revertAllAction->setToolTip(tr("Drop the pending edits of every page."));
    connect(m_revertAllAction, &QAction::triggered, this, &MainWindow::confirmRevertAll);
    addAction(m_applyAllAction);
    addAction(m_revertAllAction);
    m_applyAllAction->setEnabled(false); // until an edit is pending
    m_revertAllAction->setEnabled(false);
    connect(m_pendingPages,
            &PendingPages::finished,
            this,
            [this](bool, const QString &summary, PendingTableEditor *failed) {
                statusBar()->showMessage(summary, 15'000);
                if (failed)
                    revealPage(failed);
            });

    m_editMenu = new QMenu(tr("&Edit"), this);
    m_editMenu->setObjectName(QStringLiteral("editMenu")); // addPreferencesAction() adds to it
    menuBar()->insertMenu(menuBar()->actions().value(1), m_editMenu);
    m_editMenu->addAction(m_applyAllAction);
    m_editMenu->addAction(m_revertAllAction);
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_editActions->undoAction());
    m_editMenu->addAction(m_editActions->redoAction());
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_editActions->cutAction());
    m_editMenu->addAction(m_editActions->copyAction());
    m_editMenu->addAction(m_editActions->pasteAction());
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_editActions->findAction());
    connect(m_editMenu, &QMenu::aboutToShow, m_editActions, &EditActions::updateActions);
    connect(this, &MainWindow::currentAreaChanged, m_editActions, &EditActions::updateActions);

    QAction *first = m_helpMenu->actions().value(0);
    auto *pageHelp = new QAction(breezeIcon("help-contents"), tr("&Help for this page"), this);
    pageHelp->setObjectName(QStringLiteral("pageHelp"));
    pageHelp->setShortcut(QKeySequence::HelpContents);
    pageHelp->setShortcutContext(Qt::WindowShortcut);
    connect(pageHelp, &QAction::triggered, this, &MainWindow::showPageHelp);
    auto *shortcuts
        = new QAction(breezeIcon("configure-shortcuts"), tr("&Keyboard shortcuts"), this);
    shortcuts->setObjectName(QStringLiteral("keyboardShortcuts"));
    connect(shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    m_helpMenu->insertActions(first, {pageHelp, shortcuts});
    m_helpMenu->insertSeparator(first);
    if (first)
        first->setIcon(breezeIcon("help-about"));
    if (m_migrateAction)
        m_migrateAction->setIcon(breezeIcon("document-import"));
    for (QAction *action : m_fileMenu->actions()) {
        if (action->menuRole() == QAction::QuitRole)
            action->setIcon(breezeIcon("application-exit"));
    }
    for (auto it = m_areaActions.cbegin(); it != m_areaActions.cend(); ++it)
        it.value()->setIcon(WorkspaceAreaModel::icon(it.key()));
}

void MainWindow::createToolBar()
{
    m_toolBar = new QToolBar(tr("Main toolbar"), this);
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setIconSize(QSize(22, 22));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    addToolBar(Qt::TopToolBarArea, m_toolBar);
    m_openSeparator = m_toolBar->addSeparator();
    m_toolBar->addAction(m_applyAllAction);
    m_toolBar->addAction(m_revertAllAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_editActions->undoAction());
    m_toolBar->addAction(m_editActions->redoAction());
    m_refreshAnchor = m_toolBar->addSeparator();
    m_toolBar->addAction(m_editActions->findAction());
    // Short texts beside the icons; the whole name and the keys in the tooltip.
    m_editActions->undoAction()->setIconText(tr("Undo"));
    m_editActions->redoAction()->setIconText(tr("Redo"));
    m_editActions->findAction()->setIconText(tr("Find"));
}

namespace {

// A tooltip with the action's keys, as toolbars show them.
void addKeysToToolTip(QAction *action)
{
    const QKeySequence key = action->shortcut();
    const QString tip = action->toolTip();
    if (key.isEmpty() || tip.contains(key.toString(QKeySequence::NativeText)))
        return;
    action->setToolTip(MainWindow::tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
}

} // namespace

void MainWindow::addOpenActions(const QList<QAction *> &actions)
{
    for (QAction *action : actions) {
        addKeysToToolTip(action);
        m_toolBar->insertAction(m_openSeparator, action);
    }
}

void MainWindow::setRefreshAction(QAction *action)
{
    if (action->icon().isNull())
        action->setIcon(breezeIcon("view-refresh"));
    addKeysToToolTip(action);
    m_toolBar->insertAction(m_refreshAnchor, action);
}

ApplyAllDialog *MainWindow::previewApplyAll()
{
    if (m_pendingPages->pendingCount() == 0) {
        statusBar()->showMessage(tr("Nothing to apply: no page has pending edits."), 10'000);
        return nullptr;
    }
    auto *dialog = new ApplyAllDialog(m_pendingPages->preview(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, &MainWindow::applyAllNow);
    dialog->open();
    return dialog;
}

void MainWindow::applyAllNow()
{
    m_pendingPages->applyAll();
}

void MainWindow::revertAllNow()
{
    m_pendingPages->revertAll();
    for (const auto &model : std::as_const(m_pendingModels)) {
        if (model && model->pendingCount() > 0)
            model->revertAll();
    }
}

void MainWindow::confirmRevertAll()
{
    const int count = pendingCount();
    if (count == 0)
        return;
    auto *box = new QMessageBox(
        QMessageBox::Question,
        tr("Revert all"),
        tr("Drop %n pending change(s) on every page? This cannot be undone.", nullptr, count),
        QMessageBox::Discard | QMessageBox::Cancel,
        this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, box](int) {
        if (box->result() == QMessageBox::Discard)
            revertAllNow();
    });
    box->open();
}

void MainWindow::revealPage(QWidget *widget)
{
    for (auto it = m_pageByArea.cbegin(); it != m_pageByArea.cend(); ++it) {
        if (!it.value()->isAncestorOf(widget))
            continue;
        showArea(it.key());
        // A page of tabs (Clients & content): the tab holding the widget.
        for (QWidget *w = widget; w && w != it.value(); w = w->parentWidget()) {
            auto *stack = w->parentWidget();
            auto *tabs = stack ? qobject_cast<QTabWidget *>(stack->parentWidget()) : nullptr;
            if (tabs && tabs->indexOf(w) >= 0)
                tabs->setCurrentWidget(w);
        }
        return;
    }
}

QDialog *MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(this, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

QDialog *MainWindow::showPageHelp()
{
    const WorkspaceAreaModel::Area area = currentArea();
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("pageHelpDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIconPixmap(WorkspaceAreaModel::icon(area).pixmap(48, 48));
    box->setWindowTitle(tr("Help: %1").arg(WorkspaceAreaModel::title(area)));
    box->setText(QStringLiteral("<b>%1</b>").arg(WorkspaceAreaModel::title(area).toHtmlEscaped()));
    box->setInformativeText(
        WorkspaceAreaModel::description(area) + QStringLiteral("\n\n")
        + tr("Edits stay pending until you apply them: Apply on the page writes that page, "
             "Apply all (%1) writes every page in one transaction after a preview. Undo (%2) "
             "steps back through the pending edits; Find (%3) goes to the page's search field. "
             "Help ▸ Keyboard shortcuts lists every key.")
              .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText),
                   QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText),
                   QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    box->setStandardButtons(QMessageBox::Close);
    box->show();
    return box;
}

void MainWindow::trackEditor(PendingTableEditor *editor,
                             const QString &place,
                             const QString &connectionName)
{
    m_pendingPages->track(editor, place, connectionName);
    trackPendingChanges(editor->model());
}

void MainWindow::createCentralArea()
{
    auto *splitter = new QSplitter(this);
    m_areaList = new QListView(splitter);
    m_areaList->setModel(m_areas);
    m_areaList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_areaList->setAccessibleName(tr("Areas"));

    m_pages = new QStackedWidget(splitter);
    for (int row = 0; row < m_areas->rowCount(); ++row) {
        const WorkspaceAreaModel::Area area = m_areas->areaAt(row);
        auto *page = new AreaPage(
            WorkspaceAreaModel::title(area), WorkspaceAreaModel::description(area), m_pages);
        page->setEmptyStateText(tr("Nothing to show yet in this workspace."));
        m_pages->addWidget(page);
        m_pageByArea.insert(area, page);
    }
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({200, 900});
    setCentralWidget(splitter);

    connect(m_areaList->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                const auto area = m_areas->areaAt(current.row());
                m_pages->setCurrentWidget(m_pageByArea.value(area));
                Q_EMIT currentAreaChanged(area);
            });
    m_areaList->setCurrentIndex(m_areas->index(0));
}

void MainWindow::setWorkspaceStatus(const QString &workspace,
                                    bool connected,
                                    bool readOnly,
                                    const QString &problem)
{
    // The problem (a read-only or newer database, an open error) stays in the label: a
    // transient statusBar()->showMessage() drew over it and vanished on the next hint.
    m_workspaceLabel->setText(problem.isEmpty() ? tr("Workspace: %1").arg(workspace)
                                                : tr("Workspace: %1 — %2").arg(workspace, problem));
    // "[*]" shows as "*" while edits are pending (setWindowModified in updatePendingLabel).
    setWindowTitle(workspace.isEmpty() ? tr("MCPHub Admin Console")
                                       : tr("%1[*] — MCPHub Admin Console").arg(workspace));
    QString state = connected ? tr("Connected") : tr("Not connected");
    if (readOnly)
        state += QStringLiteral(" · ") + tr("Read-only");
    m_connectionLabel->setText(state);
    m_connectionLabel->setToolTip(problem);
}

void MainWindow::setConnectionState(const QString &state, const QString &toolTip)
{
    m_connectionLabel->setText(state);
    m_connectionLabel->setToolTip(toolTip);
}

QString MainWindow::connectionState() const
{
    return m_connectionLabel->text();
}

void MainWindow::setWaitingFor(const QString &text)
{
    m_waitingLabel->setText(text);
    m_waitingLabel->setVisible(!text.isEmpty());
}

QString MainWindow::waitingFor() const
{
    return m_waitingLabel->text();
}

void MainWindow::trackPendingChanges(PendingTableModel *model)
{
    m_pendingModels.removeIf([](const QPointer<PendingTableModel> &m) { return m.isNull(); });
    m_pendingModels << model;
    connect(model, &PendingTableModel::pendingCountChanged, this, &MainWindow::updatePendingLabel);
    updatePendingLabel();
}

int MainWindow::pendingCount() const
{
    int count = 0;
    for (const auto &model : m_pendingModels)
        count += model ? model->pendingCount() : 0;
    return count;
}

void MainWindow::updatePendingLabel()
{
    const int count = pendingCount();
    m_pendingLabel->setText(count > 0 ? tr("%n pending change(s)", nullptr, count) : QString());
    setWindowModified(count > 0);
    if (m_applyAllAction) {
        m_applyAllAction->setEnabled(count > 0);
        m_revertAllAction->setEnabled(count > 0);
    }
    if (m_editActions)
        m_editActions->updateActions();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const int count = pendingCount();
    if (count == 0) {
        QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
        event->accept();
        return;
    }
    const auto answer = QMessageBox::question(
        this,
        tr("Pending changes"),
        tr("%n change(s) have not been applied to the workspace. Apply them before closing?",
           nullptr,
           count),
        QMessageBox::Apply | QMessageBox::Discard | QMessageBox::Cancel,
        QMessageBox::Apply);
    if (answer == QMessageBox::Cancel) {
        event->ignore();
        return;
    }
    if (answer == QMessageBox::Apply) {
        // Every page in one transaction, as Apply all; then any model without an editor.
        if (!m_pendingPages->applyNow()) {
            event->ignore();
            return;
        }
        for (const auto &model : std::as_const(m_pendingModels)) {
            if (!model || model->pendingCount() == 0)
                continue;
            if (const auto applied = model->apply(); !applied) {
                QMessageBox::warning(
                    this, tr("Changes not applied"), applied.error().messageWithRemedy());
                event->ignore();
                return;
            }
        }
    }
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
    event->accept();
}

void MainWindow::setBackupsVisible(bool visible)
{
    const WorkspaceAreaModel::Area current = currentArea();
    m_areas->setBackupsVisible(visible);
    if (QAction *action = m_areaActions.value(WorkspaceAreaModel::Area::Backups))
        action->setVisible(visible);
    showArea(!visible && current == WorkspaceAreaModel::Area::Backups
                 ? WorkspaceAreaModel::Area::Users
                 : current);
}

void MainWindow::createReplicationArea()
{
    // Replication (issue #16) is hidden at start, so the loops over the visible areas made
    // neither its page nor its View action: both are made here, the action hidden with it.
    using Area = WorkspaceAreaModel::Area;
    auto *page = new AreaPage(WorkspaceAreaModel::title(Area::Replication),
                              WorkspaceAreaModel::description(Area::Replication),
                              m_pages);
    page->setEmptyStateText(tr("Nothing to show yet in this workspace."));
    m_pages->addWidget(page);
    m_pageByArea.insert(Area::Replication, page);
    if (QAction *users = m_areaActions.value(Area::Users)) {
        for (QObject *object : users->associatedObjects()) {
            if (auto *viewMenu = qobject_cast<QMenu *>(object)) {
                QAction *action = viewMenu->addAction(WorkspaceAreaModel::icon(Area::Replication),
                                                      WorkspaceAreaModel::title(Area::Replication));
                action->setVisible(false);
                connect(action, &QAction::triggered, this, [this] {
                    showArea(WorkspaceAreaModel::Area::Replication);
                });
                m_areaActions.insert(Area::Replication, action);
                break;
            }
        }
    }
    // The banner of a standby workspace, above the area list and pages.
    m_workspaceBanner = new QLabel(this);
    m_workspaceBanner->setObjectName(QStringLiteral("workspaceBanner"));
    m_workspaceBanner->setWordWrap(true);
    m_workspaceBanner->setStyleSheet(
        QStringLiteral("QLabel { background: #fff3cd; color: #664d03; padding: 6px; }"));
    m_workspaceBanner->hide();
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_workspaceBanner);
    layout->addWidget(takeCentralWidget(), 1);
    setCentralWidget(central);
}

void MainWindow::setReplicationVisible(bool visible)
{
    const WorkspaceAreaModel::Area current = currentArea();
    m_areas->setReplicationVisible(visible);
    if (QAction *action = m_areaActions.value(WorkspaceAreaModel::Area::Replication))
        action->setVisible(visible);
    showArea(!visible && current == WorkspaceAreaModel::Area::Replication
                 ? WorkspaceAreaModel::Area::Users
                 : current);
}

void MainWindow::setWorkspaceBanner(const QString &text)
{
    m_workspaceBanner->setText(text);
    m_workspaceBanner->setVisible(!text.isEmpty());
}

QString MainWindow::workspaceBanner() const
{
    return m_workspaceBanner->text();
}

void MainWindow::showArea(WorkspaceAreaModel::Area area)
{
    const int row = m_areas->rowOf(area);
    if (row >= 0)
        m_areaList->setCurrentIndex(m_areas->index(row));
}

WorkspaceAreaModel::Area MainWindow::currentArea() const
{
    return m_areas->areaAt(m_areaList->currentIndex().row());
}

AreaPage *MainWindow::page(WorkspaceAreaModel::Area area) const
{
    return m_pageByArea.value(area);
}

void MainWindow::setOpenWorkspace(const ConnectionProfile &profile,
                                  const QString &displayName,
                                  bool isDatabase)
{
    m_openProfile = profile;
    m_openName = displayName;
    m_openIsDatabase = isDatabase;
}

MigrationWizard *MainWindow::openMigrationWizard()
{
    std::optional<MigrationWizard::OpenWorkspace> open;
    if (m_openProfile)
        open = MigrationWizard::OpenWorkspace{*m_openProfile, m_openName, m_openIsDatabase};
    auto *wizard = new MigrationWizard(open, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &MigrationWizard::migrated, this, [this](bool intoOpenWorkspace) {
        if (intoOpenWorkspace)
            Q_EMIT workspaceMigrated();
    });
    connect(wizard, &MigrationWizard::hubsTold, this, [this](const QString &summary) {
        statusBar()->showMessage(summary, 15'000);
    });
    wizard->open();
    return wizard;
}

void MainWindow::showAbout()
{
    AboutDialog dialog(m_aboutFacts, this);
    dialog.exec();
}

void MainWindow::addPreferencesAction()
{
    // The Edit menu when the window has one, else a new one after File.
    QMenu *edit = nullptr;
    for (QAction *action : menuBar()->actions()) {
        if (action->menu() && action->menu()->objectName() == QLatin1String("editMenu"))
            edit = action->menu();
    }
    if (!edit) {
        edit = new QMenu(tr("&Edit"), this);
        edit->setObjectName(QStringLiteral("editMenu"));
        const QList<QAction *> top = menuBar()->actions();
        menuBar()->insertMenu(top.value(1), edit);
    }
    edit->addSeparator();
    m_preferencesAction = edit->addAction(breezeIcon("configure"), tr("&Preferences…"));
    m_preferencesAction->setObjectName(QStringLiteral("preferences"));
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    m_preferencesAction->setShortcut(QKeySequence::Preferences);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);
}

PreferencesDialog *MainWindow::showPreferences()
{
    auto *dialog = new PreferencesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

} // namespace mcphub
