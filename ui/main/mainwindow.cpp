#include "ui/main/mainwindow.h"

#include "ui/main/aboutdialog.h"

#include "models/pendingtablemodel.h"
#include "ui/main/areapage.h"
#include "ui/main/consoleremedies.h"
#include "ui/migration/migrationwizard.h"

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

namespace mcphub {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_areas(new WorkspaceAreaModel(this))
{
    installConsoleRemedies(); // storage errors say what to do in the console's terms
    setWindowTitle(tr("MCPHub Admin Console"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/mcphub-admin.svg")));
    createCentralArea();
    createMenus();

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
        QAction *action = viewMenu->addAction(WorkspaceAreaModel::title(area));
        if (row < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + row)));
        connect(action, &QAction::triggered, this, [this, area] { showArea(area); });
        m_areaActions.insert(area, action);
    }

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = helpMenu->addAction(tr("&About MCPHub Admin Console"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction *aboutQt = helpMenu->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
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

} // namespace mcphub
