#include "ui/main/workspaceswitcher.h"

#include "storage/db/profilestore.h"
#include "storage/migration/openedworkspace.h"
#include "storage/migration/settingsexport.h"
#include "ui/backups/backupspage.h"
#include "ui/main/connectionsdialog.h"
#include "ui/main/connectmcphubdialog.h"
#include "ui/main/consolepreferences.h"
#include "ui/main/mainwindow.h"
#include "ui/main/settingsfileproblemsdialog.h"
#include "ui/main/workspacesession.h"
#include "ui/main/workspaceviews.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

#include <memory>
#include <optional>

namespace mcphub {

namespace {

const QString kRecentKey = QStringLiteral("workspace/recent");
constexpr int kRecentCount = 8;
const QString kProfilePrefix = QStringLiteral("profile:");

} // namespace

WorkspaceSwitcher::WorkspaceSwitcher(MainWindow *window, const SecretStore &secrets, bool monitor)
    : QObject(window)
    , m_window(window)
    , m_secrets(secrets)
    , m_monitor(monitor)
{
    // The preferences that take effect in the workspaces this opens (backups kept).
    ConsolePreferences::load().apply();
    // The area shown last, for "open the last workspace and area at start".
    connect(window, &MainWindow::currentAreaChanged, this, [](WorkspaceAreaModel::Area area) {
        QSettings().setValue(ConsolePreferences::kLastAreaKey, int(area));
    });
    // A migration into the open workspace: show what it wrote. A bound settings file was
    // written by the migration's own connection, so the workspace is opened again: its
    // binding then starts from the file as the migration left it (not a conflict).
    connect(window, &MainWindow::workspaceMigrated, this, [this] {
        if (m_session && m_session->binding() && !m_current.isEmpty()) {
            const bool profile = m_current.startsWith(kProfilePrefix);
            const auto reopened
                = profile ? openProfile(m_current.mid(kProfilePrefix.size())) : open(m_current);
            if (!reopened)
                showOpenError(reopened.error());
        } else if (m_session && m_session->views()) {
            (void)m_session->views()->reload();
        }
    });
}

WorkspaceSwitcher::~WorkspaceSwitcher()
{
    delete m_session;
}

WorkspaceSession *WorkspaceSwitcher::session() const
{
    return m_session;
}

void WorkspaceSwitcher::addMenuActions(QMenu *fileMenu)
{
    QAction *first = fileMenu->actions().value(0);
    auto *openFile = new QAction(tr("Open &settings file…"), fileMenu);
    openFile->setShortcut(QKeySequence::Open);
    openFile->setToolTip(tr("Edit an mcp_settings.json directly: every Apply saves the file "
                            "(validated, backed up, atomic)."));
    connect(openFile, &QAction::triggered, this, &WorkspaceSwitcher::chooseSettingsFile);
    auto *openSqlite = new QAction(tr("Open S&QLite file…"), fileMenu);
    openSqlite->setToolTip(tr("Open a SQLite workspace database."));
    connect(openSqlite, &QAction::triggered, this, &WorkspaceSwitcher::chooseSqliteFile);
    auto *newSqlite = new QAction(tr("&New SQLite database…"), fileMenu);
    newSqlite->setObjectName(QStringLiteral("newSqliteDatabase"));
    newSqlite->setToolTip(tr("Create a new SQLite workspace database with the console's schema "
                             "and open it."));
    connect(newSqlite, &QAction::triggered, this, &WorkspaceSwitcher::chooseNewSqliteFile);
    auto *connectProfile = new QAction(tr("&Connect to profile…"), fileMenu);
    connectProfile->setToolTip(tr("Open the workspace of a saved connection profile."));
    connect(connectProfile, &QAction::triggered, this, &WorkspaceSwitcher::chooseProfile);
    auto *connections = new QAction(tr("Co&nnections…"), fileMenu);
    connections->setObjectName(QStringLiteral("connections"));
    connections->setToolTip(tr("Add, edit, test and remove saved connection profiles, and open "
                               "one."));
    connect(connections, &QAction::triggered, this, &WorkspaceSwitcher::showConnections);
    auto *connectMcphub = new QAction(tr("Connect to &MCPHub database…"), fileMenu);
    connectMcphub->setToolTip(tr("Administer a hub running in database mode in its own "
                                 "PostgreSQL tables."));
    connect(connectMcphub, &QAction::triggered, this, &WorkspaceSwitcher::chooseMcphubDatabase);
    m_bindAction = new QAction(tr("&Bind settings file…"), fileMenu);
    connect(m_bindAction, &QAction::triggered, this, &WorkspaceSwitcher::chooseBoundFile);
    m_unbindAction = new QAction(tr("&Unbind settings file"), fileMenu);
    m_unbindAction->setToolTip(tr("Stop writing the bound settings file (it stays as it is)."));
    connect(m_unbindAction, &QAction::triggered, this, &WorkspaceSwitcher::unbindFile);
    m_reloadAction = new QAction(tr("Re&load"), fileMenu);
    m_reloadAction->setShortcut(QKeySequence::Refresh);
    m_reloadAction->setToolTip(tr("Open the workspace again: the settings file as it is on disk "
                                  "now (after MCPHub changed it), the database as it is now."));
    m_reloadAction->setEnabled(false);
    connect(m_reloadAction, &QAction::triggered, this, [this] {
        if (const auto reloaded = reload(); !reloaded)
            showOpenError(reloaded.error());
    });
    m_exportAction = new QAction(tr("&Export settings file…"), fileMenu);
    m_exportAction->setObjectName(QStringLiteral("exportSettingsFile"));
    m_exportAction->setToolTip(tr("Write the open workspace as an MCPHub settings file "
                                  "(validated; a file replaced is backed up first)."));
    m_exportAction->setEnabled(m_session != nullptr);
    connect(m_exportAction, &QAction::triggered, this, &WorkspaceSwitcher::chooseExportFile);
    m_recentMenu = new QMenu(tr("&Recent"), fileMenu);
    m_recentMenu->setToolTipsVisible(true);
    fileMenu->insertActions(
        first, {openFile, openSqlite, newSqlite, connectProfile, connections, connectMcphub});
    fileMenu->insertMenu(first, m_recentMenu);
    fileMenu->insertAction(first, m_reloadAction.data());
    fileMenu->insertAction(first, m_exportAction.data());
    fileMenu->insertSeparator(first);
    fileMenu->insertActions(first, {m_bindAction.data(), m_unbindAction.data()});
    fileMenu->insertSeparator(first);
    rebuildRecentMenu();
    updateBindActions();
    addToolBarActions({openFile, openSqlite, connectProfile, connectMcphub});
    newSqlite->setIcon(QIcon(QStringLiteral(":/icons/breeze/document-new.svg")));
    connections->setIcon(QIcon(QStringLiteral(":/icons/breeze/network-server.svg")));
}

void WorkspaceSwitcher::addToolBarActions(const QList<QAction *> &openActions)
{
    // Icons (resources/icons/breeze) and the short texts the main toolbar shows.
    auto icon = [](const char *name) {
        return QIcon(QStringLiteral(":/icons/breeze/%1.svg").arg(QLatin1String(name)));
    };
    const QList<std::pair<const char *, QString>> looks{{"document-open", tr("Open file")},
                                                        {"database-index", tr("Open SQLite")},
                                                        {"network-connect", tr("Connect")},
                                                        {"server-database", tr("MCPHub DB")}};
    for (int i = 0; i < openActions.size() && i < looks.size(); ++i) {
        openActions.at(i)->setIcon(icon(looks.at(i).first));
        openActions.at(i)->setIconText(looks.at(i).second);
    }
    m_window->addOpenActions(openActions);
    m_reloadAction->setIcon(icon("view-refresh"));
    m_reloadAction->setIconText(tr("Reload"));
    m_window->setRefreshAction(m_reloadAction);
    m_exportAction->setIcon(icon("document-export"));
    m_bindAction->setIcon(icon("link"));
    m_unbindAction->setIcon(icon("remove-link"));
}

QMenu *WorkspaceSwitcher::recentMenu() const
{
    return m_recentMenu;
}

QStringList WorkspaceSwitcher::recent() const
{
    return QSettings().value(kRecentKey).toStringList();
}

void WorkspaceSwitcher::rememberRecent(const QString &entry)
{
    QStringList list = recent();
    list.removeAll(entry);
    list.prepend(entry);
    while (list.size() > kRecentCount)
        list.removeLast();
    QSettings().setValue(kRecentKey, list);
    rebuildRecentMenu();
}

void WorkspaceSwitcher::rebuildRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList list = recent();
    for (const QString &entry : list) {
        const bool profile = entry.startsWith(kProfilePrefix);
        const QString name = profile ? entry.mid(kProfilePrefix.size()) : entry;
        const RecentEntry shown = describeRecent(entry);
        QAction *action = m_recentMenu->addAction(tr("%1 — %2").arg(shown.title, shown.kind));
        action->setToolTip(shown.place);
        action->setStatusTip(shown.place);
        connect(action, &QAction::triggered, this, [this, profile, name] {
            const auto opened = profile ? openProfile(name) : open(name);
            if (!opened)
                showOpenError(opened.error());
        });
    }
    m_recentMenu->setEnabled(!list.isEmpty());
}

WorkspaceSwitcher::RecentEntry WorkspaceSwitcher::describeRecent(const QString &entry)
{
    RecentEntry shown;
    if (entry.startsWith(kProfilePrefix)) {
        const QString name = entry.mid(kProfilePrefix.size());
        shown.title = name;
        const auto profile = ProfileStore().loadWithoutPassword(name);
        if (!profile) {
            shown.kind = tr("profile (removed)");
            shown.place = tr("Profile %1").arg(name);
        } else if (profile->kind == ConnectionProfile::Kind::Sqlite) {
            shown.kind = tr("SQLite profile");
            shown.place
                = tr("Profile %1: %2").arg(name, QDir::toNativeSeparators(profile->sqlitePath));
        } else {
            shown.kind = profile->mcphubDatabase ? tr("MCPHub database profile")
                                                 : tr("PostgreSQL profile");
            ConnectionProfile unnamed = *profile;
            unnamed.name.clear();
            unnamed.mcphubDatabase = false;
            shown.place = tr("Profile %1: %2").arg(name, unnamed.displayName());
        }
        if (profile && !profile->boundSettingsPath.isEmpty()) {
            shown.place
                += QLatin1Char('\n')
                   + tr("Bound to %1").arg(QDir::toNativeSeparators(profile->boundSettingsPath));
        }
        return shown;
    }
    switch (OpenedWorkspace::classify(entry)) {
    case OpenedWorkspace::Target::McphubDatabase: {
        const QString place = entry.mid(OpenedWorkspace::kMcphubDatabasePrefix.size());
        const auto profile = ConnectionProfile::fromConninfo(place);
        shown.title = profile ? profile->database : place;
        shown.kind = tr("MCPHub database");
        shown.place = place;
        return shown;
    }
    case OpenedWorkspace::Target::SettingsFile:
        shown.kind = tr("settings file");
        break;
    case OpenedWorkspace::Target::Sqlite:
    case OpenedWorkspace::Target::Profile:
        shown.kind = tr("SQLite");
        break;
    }
    shown.title = QFileInfo(entry).fileName();
    shown.place = QDir::toNativeSeparators(QFileInfo(entry).absoluteFilePath());
    return shown;
}

QString WorkspaceSwitcher::nextConnectionName()
{
    // Each workspace gets its own connection: the next is opened before the last closes.
    return m_opened++ == 0 ? QStringLiteral("workspace")
                           : QStringLiteral("workspace-%1").arg(m_opened);
}

bool WorkspaceSwitcher::confirmDiscardPending(bool reloading)
{
    const int pending = m_window->pendingCount();
    if (pending == 0)
        return true;
    const QString title = reloading ? tr("Reload the workspace") : tr("Open another workspace");
    const QString question
        = reloading ? tr("%n edit(s) are not applied yet. Drop them and reload?", nullptr, pending)
                    : tr("%n edit(s) are not applied yet. Drop them and open the "
                         "other workspace?",
                         nullptr,
                         pending);
    return QMessageBox::question(m_window,
                                 title,
                                 question,
                                 QMessageBox::Discard | QMessageBox::Cancel,
                                 QMessageBox::Cancel)
           == QMessageBox::Discard;
}

Result<void> WorkspaceSwitcher::openAtStartup(const QString &pathOrProfile)
{
    if (OpenedWorkspace::classify(pathOrProfile) != OpenedWorkspace::Target::Profile)
        return open(pathOrProfile);
    return installOrReport(OpenedWorkspace::openProfile(pathOrProfile, nextConnectionName()),
                           pathOrProfile,
                           kProfilePrefix + pathOrProfile);
}

Result<void> WorkspaceSwitcher::open(const QString &pathOrProfile)
{
    switch (OpenedWorkspace::classify(pathOrProfile)) {
    case OpenedWorkspace::Target::SettingsFile:
        return openSettingsFile(pathOrProfile);
    case OpenedWorkspace::Target::Sqlite:
        return openSqlite(pathOrProfile);
    case OpenedWorkspace::Target::McphubDatabase: {
        auto profile = ConnectionProfile::fromConninfo(
            pathOrProfile.mid(OpenedWorkspace::kMcphubDatabasePrefix.size()));
        if (!profile)
            return profile.error();
        profile->mcphubDatabase = true;
        return openMcphubDatabase(*profile);
    }
    case OpenedWorkspace::Target::Profile:
        break;
    }
    return openProfile(pathOrProfile);
}

Result<void> WorkspaceSwitcher::openMcphubDatabase(ConnectionProfile profile)
{
    // A password typed in this session opens the database again (Reload, Recent) without
    // being written anywhere.
    const QString entry = OpenedWorkspace::mcphubDatabaseEntry(profile);
    if (!profile.password.isEmpty())
        m_sessionPasswords.insert(entry, profile.password);
    else
        profile.password = m_sessionPasswords.value(entry);
    return installOrReport(
        OpenedWorkspace::openDatabase(profile, nextConnectionName()), profile.displayName(), entry);
}

void WorkspaceSwitcher::chooseExportFile()
{
    if (!m_session)
        return;
    const QString path
        = QFileDialog::getSaveFileName(m_window,
                                       tr("Export settings file"),
                                       QDir::home().filePath(QStringLiteral("mcp_settings.json")),
                                       tr("MCPHub settings files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    const auto exported = exportSettingsFile(path);
    if (!exported) {
        QMessageBox::warning(m_window,
                             tr("Export settings file"),
                             tr("The settings file %1 was not written: %2")
                                 .arg(QDir::toNativeSeparators(path), exported.error().toString()));
    }
}

Result<QString> WorkspaceSwitcher::exportSettingsFile(const QString &path)
{
    if (!m_session)
        return Error::make(Error::Code::NotFound, tr("No workspace is open."));
    auto document = SettingsExport::read(m_session->opened().context());
    if (!document)
        return document.error();
    const auto saved = SettingsExport::save(std::move(*document), path);
    if (!saved)
        return saved.error();
    const QString file = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    const QString message
        = saved->backupPath.isEmpty()
              ? tr("Exported %1 to the settings file %2.").arg(m_session->displayName(), file)
              : tr("Exported %1 to the settings file %2 (the previous file is backed up as %3).")
                    .arg(m_session->displayName(),
                         file,
                         QDir::toNativeSeparators(saved->backupPath));
    m_window->statusBar()->showMessage(message, 15'000);
    return message;
}

void WorkspaceSwitcher::chooseMcphubDatabase()
{
    if (!confirmDiscardPending())
        return;
    ConnectMcphubDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.createTables()) {
        if (const auto created = Workspace::createMcphubTables(dialog.profile()); !created) {
            showOpenError(created.error());
            return;
        }
    }
    if (const auto opened = openMcphubDatabase(dialog.profile()); !opened)
        showOpenError(opened.error());
}

Result<void> WorkspaceSwitcher::installOrReport(Result<OpenedWorkspace> opened,
                                                const QString &shownName,
                                                const QString &recentEntry)
{
    ++m_openRequests; // whatever a profile still waits for, this open comes after it
    setWaitingForProfile({});
    if (!opened) {
        if (!m_session)
            m_window->setWorkspaceStatus(shownName, false, false, opened.error().toString());
        return opened.error();
    }
    return install(WorkspaceSession::create(std::move(*opened)), recentEntry);
}

Result<void> WorkspaceSwitcher::openSettingsFile(const QString &path)
{
    auto opened = OpenedWorkspace::openSettingsFile(path, nextConnectionName());
    if (!opened && SettingsFileProblemsDialog::hasErrors(path))
        showProblems(path);
    return installOrReport(std::move(opened), path, QFileInfo(path).absoluteFilePath());
}

SettingsFileProblemsDialog *WorkspaceSwitcher::problemsDialog() const
{
    return m_problems;
}

void WorkspaceSwitcher::showProblems(const QString &path)
{
    if (m_problems)
        m_problems->deleteLater();
    auto *dialog = new SettingsFileProblemsDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const auto loaded = dialog->load(path); !loaded) {
        delete dialog;
        return;
    }
    m_problems = dialog;
    // Saved without errors: opened as the workspace (pending edits were asked about when the
    // file was chosen).
    connect(dialog, &SettingsFileProblemsDialog::saved, this, [this](const QString &saved) {
        if (const auto reopened = openSettingsFile(saved); !reopened)
            showOpenError(reopened.error());
    });
    dialog->open();
}

Result<void> WorkspaceSwitcher::openSqlite(const QString &path)
{
    return installOrReport(
        OpenedWorkspace::openDatabase(ConnectionProfile::sqliteFile(path), nextConnectionName()),
        path,
        QFileInfo(path).absoluteFilePath());
}

Result<void> WorkspaceSwitcher::openProfile(const QString &name)
{
    const int request = ++m_openRequests;
    // Set by the callback when it runs before loadAsync returns (no keychain read needed).
    auto atOnce = std::make_shared<std::optional<Result<void>>>();
    auto inCall = std::make_shared<bool>(true);
    ProfileStore().loadAsync(
        name,
        this,
        [this, name, request, atOnce, inCall](const Result<ConnectionProfile> &profile,
                                              const QString &warning) {
            if (request != m_openRequests)
                return; // another workspace was opened meanwhile
            const QStringList warnings = warning.isEmpty() ? QStringList() : QStringList{warning};
            Result<void> installed = installOrReport(
                profile
                    ? OpenedWorkspace::openLoadedProfile(*profile, warnings, nextConnectionName())
                    : Result<OpenedWorkspace>(profile.error()),
                name,
                kProfilePrefix + name);
            if (*inCall) {
                *atOnce = std::move(installed);
                return;
            }
            if (!installed)
                showOpenError(installed.error());
            Q_EMIT profileOpenFinished(name, installed.ok());
        });
    *inCall = false;
    if (atOnce->has_value())
        return std::move(**atOnce);
    setWaitingForProfile(name);
    return {};
}

void WorkspaceSwitcher::setWaitingForProfile(const QString &name)
{
    m_waitingProfile = name;
    m_window->setWaitingFor(
        name.isEmpty()
            ? QString()
            : tr("Reading the password of profile %1 from the system keychain…").arg(name));
}

Result<void> WorkspaceSwitcher::install(WorkspaceSession *session, const QString &recentEntry)
{
    WorkspaceSession *previous = m_session;
    m_session = session;
    session->setParent(this);
    session->install(m_window, m_secrets, m_monitor);
    m_window->setOpenWorkspace(
        session->workspace().profile(), session->displayName(), session->settingsFile() == nullptr);
    connect(session, &WorkspaceSession::settingsFileRestored, this, [this](const QString &path) {
        if (const auto reopened = openSettingsFile(path); !reopened)
            showOpenError(reopened.error());
    });
    // The pages' previous content is deleted later; the session it used goes after it.
    if (previous)
        previous->deleteLater();
    rememberRecent(recentEntry);
    m_current = recentEntry;
    if (m_reloadAction)
        m_reloadAction->setEnabled(true);
    if (m_exportAction)
        m_exportAction->setEnabled(true);
    updateBindActions();
    Q_EMIT workspaceChanged();
    return {};
}

Result<void> WorkspaceSwitcher::reload()
{
    if (m_current.isEmpty())
        return {};
    if (!confirmDiscardPending(true))
        return {};
    const bool profile = m_current.startsWith(kProfilePrefix);
    return profile ? openProfile(m_current.mid(kProfilePrefix.size())) : open(m_current);
}

QString WorkspaceSwitcher::currentProfileName() const
{
    if (!m_session || m_session->settingsFile())
        return {};
    return m_session->workspace().profile().name;
}

void WorkspaceSwitcher::updateBindActions()
{
    if (!m_bindAction || !m_unbindAction)
        return;
    const QString profile = currentProfileName();
    const bool bound = m_session && m_session->binding();
    m_bindAction->setEnabled(!profile.isEmpty());
    m_bindAction->setText(bound ? tr("&Bind to another settings file…")
                                : tr("&Bind settings file…"));
    m_unbindAction->setEnabled(!profile.isEmpty() && bound);
    if (profile.isEmpty())
        m_bindAction->setToolTip(tr("Only a saved connection profile can be bound to a "
                                    "settings file: open one with Connect to profile."));
    else
        m_bindAction->setToolTip(tr("Dual-write: save every change applied through this "
                                    "profile to an MCPHub settings file too, in the same step."));
}

Result<void> WorkspaceSwitcher::bindCurrentProfile(const QString &settingsPath)
{
    const QString profile = currentProfileName();
    if (profile.isEmpty()) {
        return Error::make(Error::Code::Invalid,
                           tr("Only a saved connection profile can be bound to a settings "
                              "file. Open one with File › Connect to profile."),
                           displayedWorkspace());
    }
    if (!settingsPath.isEmpty()) {
        if (auto bindable = SettingsFileBinding::checkBindable(settingsPath); !bindable)
            return bindable.error();
    }
    if (auto saved = ProfileStore().setBoundSettingsPath(profile, settingsPath); !saved)
        return saved.error();
    // Reopened, so that the binding is installed (or removed) and its drift shown.
    return openProfile(profile);
}

QString WorkspaceSwitcher::displayedWorkspace() const
{
    return m_session ? m_session->displayName() : QString();
}

void WorkspaceSwitcher::chooseBoundFile()
{
    if (currentProfileName().isEmpty() || !confirmDiscardPending())
        return;
    const QString path = QFileDialog::getSaveFileName(
        m_window,
        tr("Bind settings file"),
        m_session && m_session->binding() ? m_session->binding()->path() : QString(),
        tr("MCPHub settings (*.json)"),
        nullptr,
        QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (const auto bound = bindCurrentProfile(path); !bound)
        showOpenError(bound.error());
}

void WorkspaceSwitcher::unbindFile()
{
    if (currentProfileName().isEmpty() || !confirmDiscardPending())
        return;
    if (const auto unbound = bindCurrentProfile({}); !unbound)
        showOpenError(unbound.error());
}

void WorkspaceSwitcher::showOpenError(const Error &error)
{
    if (m_problems && m_problems->isVisible())
        return; // the file is shown with its findings
    QMessageBox::warning(
        m_window,
        tr("Cannot open the workspace"),
        tr("%1\n\n%2").arg(error.where, error.messageWithRemedy())
            + (error.detail.isEmpty() ? QString() : QStringLiteral("\n\n") + error.detail));
}

QFileDialog *WorkspaceSwitcher::createSettingsFileDialog() const
{
    auto *dialog
        = new QFileDialog(m_window, tr("Open settings file"), {}, tr("MCPHub settings (*.json)"));
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    return dialog;
}

void WorkspaceSwitcher::chooseSettingsFile()
{
    if (!confirmDiscardPending())
        return;
    QFileDialog *dialog = createSettingsFileDialog();
    const bool chosen = dialog->exec() == QDialog::Accepted && !dialog->selectedFiles().isEmpty();
    const QString path = chosen ? dialog->selectedFiles().constFirst() : QString();
    delete dialog;
    if (path.isEmpty())
        return;
    if (const auto opened = openSettingsFile(path); !opened)
        showOpenError(opened.error());
}

void WorkspaceSwitcher::chooseSqliteFile()
{
    if (!confirmDiscardPending())
        return;
    const QString path
        = QFileDialog::getOpenFileName(m_window,
                                       tr("Open SQLite file"),
                                       {},
                                       tr("SQLite workspaces (*.db *.sqlite);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const auto opened = openSqlite(path); !opened)
        showOpenError(opened.error());
}

void WorkspaceSwitcher::chooseProfile()
{
    const QStringList names = ProfileStore().names();
    if (names.isEmpty()) {
        QMessageBox::information(m_window,
                                 tr("Connect to profile"),
                                 tr("There are no saved connection profiles yet. Add one with "
                                    "File ▸ Connections…"));
        return;
    }
    if (!confirmDiscardPending())
        return;
    bool ok = false;
    const QString name = QInputDialog::getItem(
        m_window, tr("Connect to profile"), tr("Profile:"), names, 0, false, &ok);
    if (!ok || name.isEmpty())
        return;
    if (const auto opened = openProfile(name); !opened)
        showOpenError(opened.error());
}

ConnectionsDialog *WorkspaceSwitcher::showConnections()
{
    auto *dialog = new ConnectionsDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const QString profile = currentProfileName(); !profile.isEmpty())
        dialog->selectProfile(profile);
    connect(dialog, &ConnectionsDialog::openRequested, this, [this](const QString &name) {
        if (!confirmDiscardPending())
            return;
        if (const auto opened = openProfile(name); !opened)
            showOpenError(opened.error());
    });
    dialog->open();
    return dialog;
}

Result<void> WorkspaceSwitcher::createSqlite(const QString &path, bool replace)
{
    const QFileInfo info(path);
    const QString absolute = info.absoluteFilePath();
    if (m_session && !m_session->settingsFile()
        && m_session->workspace().profile().kind == ConnectionProfile::Kind::Sqlite
        && QFileInfo(m_session->workspace().profile().sqlitePath).absoluteFilePath() == absolute) {
        return Error::make(Error::Code::Conflict,
                           tr("This is the workspace open now; it cannot be replaced by a new "
                              "one. Choose another file name."),
                           QDir::toNativeSeparators(absolute));
    }
    if (info.exists() && (!info.isFile() || info.size() > 0)) {
        if (!replace || !info.isFile()) {
            return Error::make(Error::Code::Conflict,
                               tr("A file with this name exists and is not empty; it is left as "
                                  "it is. Choose another name, or confirm that it is replaced."),
                               QDir::toNativeSeparators(absolute));
        }
        // Replaced as confirmed: the file and what SQLite keeps beside it.
        for (const QString &suffix : {QString(),
                                      QStringLiteral("-wal"),
                                      QStringLiteral("-shm"),
                                      QStringLiteral("-journal")}) {
            QFile file(absolute + suffix);
            if (file.exists() && !file.remove()) {
                return Error::make(Error::Code::Io,
                                   tr("The existing file cannot be replaced. Check its "
                                      "permissions and those of its folder."),
                                   QDir::toNativeSeparators(file.fileName()),
                                   file.errorString());
            }
        }
    }
    // Opening creates the file (private to the user) and applies every schema migration.
    return openSqlite(absolute);
}

void WorkspaceSwitcher::chooseNewSqliteFile()
{
    if (!confirmDiscardPending())
        return;
    QString path = QFileDialog::getSaveFileName(m_window,
                                                tr("New SQLite database"),
                                                {},
                                                tr("SQLite workspaces (*.db *.sqlite)"),
                                                nullptr,
                                                QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".db");
    const QFileInfo info(path);
    bool replace = false;
    if (info.isFile() && info.size() > 0) {
        replace = QMessageBox::warning(m_window,
                                       tr("New SQLite database"),
                                       tr("%1 exists and is not empty. Replace it with a new, "
                                          "empty workspace? What it holds is lost.")
                                           .arg(QDir::toNativeSeparators(info.absoluteFilePath())),
                                       QMessageBox::Yes | QMessageBox::Cancel,
                                       QMessageBox::Cancel)
                  == QMessageBox::Yes;
        if (!replace)
            return;
    }
    if (const auto created = createSqlite(path, replace); !created)
        showOpenError(created.error());
}

Result<void> WorkspaceSwitcher::openAtStart(const QString &defaultSqlitePath)
{
    const QStringList last = recent();
    if (!ConsolePreferences::load().reopenLastWorkspace || last.isEmpty())
        return openSqlite(defaultSqlitePath);
    // The area is read before opening: the open shows its first area and records that.
    const QVariant area = QSettings().value(ConsolePreferences::kLastAreaKey);
    const QString entry = last.constFirst();
    const auto opened = openAtStartup(
        entry.startsWith(kProfilePrefix) ? entry.mid(kProfilePrefix.size()) : entry);
    if (area.isValid())
        m_window->showArea(WorkspaceAreaModel::Area(area.toInt()));
    return opened;
}

} // namespace mcphub
