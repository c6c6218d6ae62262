#include "ui/migration/migrationtargetpage.h"

#include "storage/db/profilestore.h"
#include "storage/migration/openedworkspace.h"
#include "ui/migration/migrationwizard.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace mcphub {

namespace {

MigrationWizard::OpenWorkspace const *openWorkspaceOf(const QWizard *wizard)
{
    const auto *w = qobject_cast<const MigrationWizard *>(wizard);
    return w && w->openWorkspace() ? &*w->openWorkspace() : nullptr;
}

} // namespace

MigrationTargetPage::MigrationTargetPage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Target workspace"));
    setSubTitle(tr("Choose the database the settings go into, and what happens to entries it "
                   "already holds with other content."));
    const ProfileStore store;
    QStringList consoleProfiles, hubProfiles;
    for (const QString &name : store.names()) {
        const auto loaded = store.loadWithoutPassword(name);
        (loaded && loaded->mcphubDatabase ? hubProfiles : consoleProfiles) << name;
    }
    auto *layout = new QVBoxLayout(this);

    auto *targetBox = new QGroupBox(tr("Target"), this);
    auto *grid = new QGridLayout(targetBox);
    grid->setColumnStretch(1, 1);
    m_openButton = new QRadioButton(tr("The &open workspace"), targetBox);
    m_openNote = new QLabel(targetBox);
    m_openNote->setWordWrap(true);
    m_profileButton = new QRadioButton(tr("A saved connection &profile:"), targetBox);
    m_profiles = new QComboBox(targetBox);
    m_profiles->addItems(consoleProfiles);
    m_sqliteButton = new QRadioButton(tr("A &SQLite file (new or existing):"), targetBox);
    m_sqlitePath = new QLineEdit(targetBox);
    m_sqlitePath->setPlaceholderText(tr("workspace.db"));
    auto *sqliteBrowse = new QPushButton(tr("Browse…"), targetBox);
    m_sqliteBrowse = sqliteBrowse;
    auto *sqliteRow = new QHBoxLayout;
    sqliteRow->addWidget(m_sqlitePath, 1);
    sqliteRow->addWidget(sqliteBrowse);
    grid->addWidget(m_openButton, 0, 0);
    grid->addWidget(m_openNote, 0, 1);
    grid->addWidget(m_profileButton, 1, 0);
    grid->addWidget(m_profiles, 1, 1);
    grid->addWidget(m_sqliteButton, 2, 0);
    grid->addLayout(sqliteRow, 2, 1);

    // MCPHub's own database: as File ▸ Connect to MCPHub database… takes it, or a saved
    // profile of that kind.
    m_hubButton = new QRadioButton(tr("&MCPHub's database:"), targetBox);
    m_hubButton->setToolTip(tr("The database of a hub running in database mode: the settings go "
                               "into MCPHub's own tables, exactly as MCPHub writes them."));
    m_hubProfiles = new QComboBox(targetBox);
    m_hubProfiles->setObjectName(QStringLiteral("hubProfiles"));
    m_hubProfiles->addItem(tr("Connection string below"), QString());
    for (const QString &name : std::as_const(hubProfiles))
        m_hubProfiles->addItem(tr("Saved profile \"%1\"").arg(name), name);
    m_hubConninfo = new QLineEdit(targetBox);
    m_hubConninfo->setObjectName(QStringLiteral("hubConninfo"));
    m_hubConninfo->setPlaceholderText(
        tr("host=db.example.org dbname=mcphub user=mcphub, or postgresql://…"));
    m_hubConninfo->setToolTip(tr("The DB_URL the hub runs with, or a connection string as psql "
                                 "takes it."));
    m_hubPassword = new QLineEdit(targetBox);
    m_hubPassword->setObjectName(QStringLiteral("hubPassword"));
    m_hubPassword->setEchoMode(QLineEdit::Password);
    m_hubPassword->setPlaceholderText(tr("Password, kept in memory for this session only"));
    m_hubProblem = new QLabel(targetBox);
    m_hubProblem->setObjectName(QStringLiteral("hubProblem"));
    m_hubProblem->setWordWrap(true);
    m_hubProblem->hide();
    grid->addWidget(m_hubButton, 3, 0);
    grid->addWidget(m_hubProfiles, 3, 1);
    grid->addWidget(m_hubConninfo, 4, 1);
    grid->addWidget(m_hubPassword, 5, 1);
    grid->addWidget(m_hubProblem, 6, 1);
    m_profileStatus = new QLabel(targetBox);
    m_profileStatus->setObjectName(QStringLiteral("profileStatus"));
    m_profileStatus->setWordWrap(true);
    m_profileStatus->hide();
    grid->addWidget(m_profileStatus, 7, 1);
    auto *group = new QButtonGroup(this);
    group->addButton(m_openButton);
    group->addButton(m_profileButton);
    group->addButton(m_sqliteButton);
    group->addButton(m_hubButton);
    layout->addWidget(targetBox);

    auto *optionsBox = new QGroupBox(tr("Options"), this);
    auto *form = new QFormLayout(optionsBox);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_conflict = new QComboBox(optionsBox);
    m_conflict->addItem(tr("Stop: migrate nothing (fail)"), int(MigrationOptions::Conflict::Fail));
    m_conflict->addItem(tr("Keep the database's entry (skip)"),
                        int(MigrationOptions::Conflict::Skip));
    m_conflict->addItem(tr("Replace it with the file's entry (overwrite)"),
                        int(MigrationOptions::Conflict::Overwrite));
    form->addRow(tr("&Conflicting entries:"), m_conflict);
    m_skipInvalid = new QCheckBox(tr("S&kip invalid records and migrate the rest"), optionsBox);
    form->addRow(QString(), m_skipInvalid);
    m_rejectsPath = new QLineEdit(optionsBox);
    m_rejectsPath->setPlaceholderText(tr("JSON lines of the records left out"));
    auto *rejectsBrowse = new QPushButton(tr("Browse…"), optionsBox);
    m_rejectsBrowse = rejectsBrowse;
    auto *rejectsRow = new QHBoxLayout;
    rejectsRow->addWidget(m_rejectsPath, 1);
    rejectsRow->addWidget(rejectsBrowse);
    form->addRow(tr("&Rejects file:"), rejectsRow);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(rejectsRow)))
        label->setBuddy(m_rejectsPath);
    m_prune = new QCheckBox(tr("R&emove what the file does not describe (prune)"), optionsBox);
    m_prune->setObjectName(QStringLiteral("prune"));
    m_prune->setToolTip(
        tr("MCPHub's database only. Warning: servers, groups, bearer keys, users and other "
           "rows of MCPHub's tables that the settings file does not describe are deleted "
           "(never the last user, never the activities), admins and keys created in the "
           "database included. Unticked, they are kept and listed in the plan."));
    form->addRow(QString(), m_prune);
    m_reportPath = new QLineEdit(optionsBox);
    m_reportPath->setPlaceholderText(tr("Beside the backup of the settings file"));
    auto *reportBrowse = new QPushButton(tr("Browse…"), optionsBox);
    auto *reportRow = new QHBoxLayout;
    reportRow->addWidget(m_reportPath, 1);
    reportRow->addWidget(reportBrowse);
    form->addRow(tr("Re&port (JSON):"), reportRow);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(reportRow)))
        label->setBuddy(m_reportPath);
    layout->addWidget(optionsBox);
    layout->addStretch(1);

    connect(sqliteBrowse, &QPushButton::clicked, this, [this] {
        m_sqliteButton->setChecked(true);
        const QString path
            = QFileDialog::getSaveFileName(this,
                                           tr("SQLite workspace"),
                                           m_sqlitePath->text(),
                                           tr("SQLite workspaces (*.db *.sqlite);;All files (*)"),
                                           nullptr,
                                           QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty())
            m_sqlitePath->setText(path);
    });
    connect(rejectsBrowse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Rejects file"), m_rejectsPath->text(), tr("JSON lines (*.jsonl)"));
        if (!path.isEmpty())
            m_rejectsPath->setText(path);
    });
    connect(reportBrowse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Migration report"), m_reportPath->text(), tr("JSON (*.json)"));
        if (!path.isEmpty())
            m_reportPath->setText(path);
    });
    for (QRadioButton *button : {m_openButton, m_profileButton, m_sqliteButton, m_hubButton})
        connect(button, &QRadioButton::toggled, this, &MigrationTargetPage::updateEnabled);
    connect(m_hubConninfo, &QLineEdit::textChanged, this, &MigrationTargetPage::updateEnabled);
    connect(
        m_hubConninfo, &QLineEdit::textEdited, this, [this] { setChoice(Choice::McphubDatabase); });
    connect(
        m_hubPassword, &QLineEdit::textEdited, this, [this] { setChoice(Choice::McphubDatabase); });
    connect(
        m_hubProfiles, &QComboBox::activated, this, [this] { setChoice(Choice::McphubDatabase); });
    connect(m_hubProfiles, &QComboBox::currentIndexChanged, this, [this] { updateEnabled(); });
    connect(m_skipInvalid, &QCheckBox::toggled, this, &MigrationTargetPage::updateEnabled);
    connect(m_sqlitePath, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    // A target's fields stay usable: clicking or typing in one selects its target, so that
    // what is typed is never lost and never goes to another target than it names.
    connect(m_sqlitePath, &QLineEdit::textEdited, this, [this] { setChoice(Choice::SqliteFile); });
    connect(m_profiles, &QComboBox::activated, this, [this] {
        if (m_profileButton->isEnabled())
            setChoice(Choice::Profile);
    });
    m_sqlitePath->installEventFilter(this);
    m_profiles->installEventFilter(this);
    for (QWidget *hubField : {static_cast<QWidget *>(m_hubProfiles),
                              static_cast<QWidget *>(m_hubConninfo),
                              static_cast<QWidget *>(m_hubPassword)})
        hubField->installEventFilter(this);
    connect(m_rejectsPath, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    connect(m_profiles, &QComboBox::currentIndexChanged, this, [this] {
        loadChosenProfile();
        Q_EMIT completeChanged();
    });
    registerField(QStringLiteral("skipInvalid"), m_skipInvalid);
}

void MigrationTargetPage::initializePage()
{
    const MigrationWizard::OpenWorkspace *open = openWorkspaceOf(wizard());
    const bool openUsable = open && open->isDatabase && !open->profile.readOnly;
    m_openButton->setEnabled(openUsable);
    if (!open)
        m_openNote->setText(tr("No workspace is open."));
    else if (!open->isDatabase)
        m_openNote->setText(tr("%1 is a settings file, not a database.").arg(open->displayName));
    else if (open->profile.readOnly)
        m_openNote->setText(tr("%1 is read-only.").arg(open->displayName));
    else
        m_openNote->setText(open->displayName);
    m_profileButton->setEnabled(m_profiles->count() > 0);
    if (m_profiles->count() == 0)
        m_profiles->setPlaceholderText(tr("No saved profiles"));
    if (!m_openButton->isChecked() && !m_profileButton->isChecked() && !m_sqliteButton->isChecked())
        (openUsable ? m_openButton : m_sqliteButton)->setChecked(true);
    const auto *w = qobject_cast<const MigrationWizard *>(wizard());
    if (m_rejectsPath->text().isEmpty() && w)
        m_rejectsPath->setText(w->field(QStringLiteral("sourcePath")).toString().trimmed()
                               + QStringLiteral(".rejects.jsonl"));
    updateEnabled();
}

bool MigrationTargetPage::eventFilter(QObject *watched, QEvent *event)
{
    // A click or a key that edits (not Tab passing through on the way to another field).
    bool selects = event->type() == QEvent::MouseButtonPress;
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        selects = key != Qt::Key_Tab && key != Qt::Key_Backtab;
    }
    if (selects && watched == m_sqlitePath)
        setChoice(Choice::SqliteFile);
    else if (selects
             && (watched == m_hubProfiles || watched == m_hubConninfo || watched == m_hubPassword))
        setChoice(Choice::McphubDatabase);
    else if (selects && watched == m_profiles && m_profileButton->isEnabled())
        setChoice(Choice::Profile);
    return QWizardPage::eventFilter(watched, event);
}

QString MigrationTargetPage::targetDescription() const
{
    switch (choice()) {
    case Choice::OpenWorkspace:
        if (const auto *open = openWorkspaceOf(wizard()))
            return tr("the open workspace, %1").arg(describe(open->profile));
        return tr("the open workspace (none is open)");
    case Choice::Profile: {
        // Described, not opened: no keychain read on this (GUI) thread.
        const auto loaded = ProfileStore().loadWithoutPassword(m_profiles->currentText());
        return loaded ? describe(*loaded)
                      : tr("profile \"%1\" (cannot be loaded)").arg(m_profiles->currentText());
    }
    case Choice::McphubDatabase: {
        if (const QString name = chosenProfileName(); !name.isEmpty()) {
            const auto loaded = ProfileStore().loadWithoutPassword(name);
            return loaded ? describe(*loaded) : tr("profile \"%1\" (cannot be loaded)").arg(name);
        }
        const auto typed = hubConninfoProfile();
        return typed ? describe(*typed) : tr("MCPHub's database (no valid connection string)");
    }
    case Choice::SqliteFile: {
        const QString path = targetName();
        return QFileInfo::exists(path)
                   ? tr("the SQLite file %1").arg(QDir::toNativeSeparators(path))
                   : tr("the SQLite file %1 (a new file, created by the migration)")
                         .arg(QDir::toNativeSeparators(path));
    }
    }
    return {};
}

QString MigrationTargetPage::describe(const ConnectionProfile &profile)
{
    QString text;
    ConnectionProfile unnamed = profile;
    unnamed.name.clear();
    const QString database = profile.kind == ConnectionProfile::Kind::Sqlite
                                 ? tr("SQLite file %1").arg(unnamed.displayName())
                             : profile.mcphubDatabase
                                 ? unnamed.displayName() // "MCPHub database …"
                                 : tr("PostgreSQL database %1").arg(unnamed.displayName());
    if (profile.name.isEmpty())
        text = database;
    else
        text = tr("profile \"%1\": %2").arg(profile.name, database);
    if (!profile.boundSettingsPath.isEmpty())
        text = tr("%1, bound to the settings file %2")
                   .arg(text, QDir::toNativeSeparators(profile.boundSettingsPath));
    return text;
}

void MigrationTargetPage::loadChosenProfile()
{
    const QString name = chosenProfileName();
    if (name.isEmpty() || name == m_loadedName)
        return;
    m_loadedName = name;
    m_loaded.reset();
    const int request = ++m_loadRequest;
    m_profileStatus->setText(
        tr("Reading the password of profile \"%1\" from the system keychain…").arg(name));
    m_profileStatus->show();
    ProfileStore().loadAsync(
        name,
        this,
        [this, request](const Result<ConnectionProfile> &profile, const QString &warning) {
            if (request != m_loadRequest)
                return; // another profile was chosen meanwhile
            m_loaded = profile;
            m_profileStatus->setText(warning);
            m_profileStatus->setVisible(!warning.isEmpty());
            Q_EMIT completeChanged();
        });
}

void MigrationTargetPage::updateEnabled()
{
    loadChosenProfile();
    // The target's own fields stay enabled (a click in one selects it); only a target that
    // cannot be used greys its fields.
    m_profiles->setEnabled(m_profileButton->isEnabled());
    m_rejectsPath->setEnabled(m_skipInvalid->isChecked());
    m_rejectsBrowse->setEnabled(m_skipInvalid->isChecked());
    // Prune is offered for MCPHub's database only, and never left ticked for another target.
    const bool hub = targetIsMcphubDatabase();
    if (!hub)
        m_prune->setChecked(false);
    m_prune->setEnabled(hub);
    // A saved profile brings its own connection: the string and password are for typing one.
    const bool typing = m_hubProfiles->currentIndex() <= 0;
    m_hubConninfo->setEnabled(typing);
    m_hubPassword->setEnabled(typing);
    QString problem;
    if (typing && !m_hubConninfo->text().trimmed().isEmpty()) {
        if (const auto typed = hubConninfoProfile(); !typed)
            problem = typed.error().message;
    }
    m_hubProblem->setText(problem);
    m_hubProblem->setVisible(!problem.isEmpty());
    Q_EMIT completeChanged();
}

MigrationTargetPage::Choice MigrationTargetPage::choice() const
{
    if (m_openButton->isChecked())
        return Choice::OpenWorkspace;
    if (m_profileButton->isChecked())
        return Choice::Profile;
    if (m_hubButton->isChecked())
        return Choice::McphubDatabase;
    return Choice::SqliteFile;
}

void MigrationTargetPage::setChoice(Choice choice)
{
    switch (choice) {
    case Choice::OpenWorkspace:
        m_openButton->setChecked(true);
        break;
    case Choice::Profile:
        m_profileButton->setChecked(true);
        break;
    case Choice::SqliteFile:
        m_sqliteButton->setChecked(true);
        break;
    case Choice::McphubDatabase:
        m_hubButton->setChecked(true);
        break;
    }
}

QString MigrationTargetPage::chosenProfileName() const
{
    switch (choice()) {
    case Choice::Profile:
        return m_profiles->currentText();
    case Choice::McphubDatabase:
        return m_hubProfiles->currentData().toString();
    case Choice::OpenWorkspace:
    case Choice::SqliteFile:
        break;
    }
    return {};
}

Result<ConnectionProfile> MigrationTargetPage::hubConninfoProfile() const
{
    const QString conninfo = m_hubConninfo->text().trimmed();
    if (conninfo.isEmpty())
        return Error::make(Error::Code::NotFound, tr("Enter where MCPHub's database is."));
    auto parsed = ConnectionProfile::fromConninfo(conninfo);
    if (!parsed)
        return parsed.error();
    parsed->mcphubDatabase = true;
    if (!m_hubPassword->text().isEmpty())
        parsed->password = m_hubPassword->text();
    return parsed;
}

bool MigrationTargetPage::targetIsMcphubDatabase() const
{
    switch (choice()) {
    case Choice::McphubDatabase:
        return true;
    case Choice::OpenWorkspace:
        if (const auto *open = openWorkspaceOf(wizard()))
            return open->profile.mcphubDatabase;
        return false;
    case Choice::Profile:
        // Saved profiles of MCPHub's databases are listed under that target, not here.
        return m_loaded && m_loadedName == m_profiles->currentText() && *m_loaded
               && (*m_loaded)->mcphubDatabase;
    case Choice::SqliteFile:
        break;
    }
    return false;
}

bool MigrationTargetPage::prune() const
{
    return targetIsMcphubDatabase() && m_prune->isChecked();
}

bool MigrationTargetPage::isComplete() const
{
    bool targetOk = false;
    switch (choice()) {
    case Choice::OpenWorkspace:
        targetOk = m_openButton->isEnabled();
        break;
    case Choice::Profile:
        // Next waits for the keychain's answer (an error included: it is shown later).
        targetOk = m_profiles->currentIndex() >= 0 && m_loadedName == m_profiles->currentText()
                   && m_loaded.has_value();
        break;
    case Choice::SqliteFile: {
        const QString path = m_sqlitePath->text().trimmed();
        targetOk
            = !path.isEmpty() && QFileInfo(path).absoluteDir().exists() && !QFileInfo(path).isDir();
        break;
    }
    case Choice::McphubDatabase:
        if (const QString name = chosenProfileName(); !name.isEmpty())
            targetOk = m_loadedName == name && m_loaded.has_value();
        else
            targetOk = bool(hubConninfoProfile());
        break;
    }
    return targetOk && (!skipInvalid() || !rejectsPath().isEmpty());
}

Result<ConnectionProfile> MigrationTargetPage::profile() const
{
    switch (choice()) {
    case Choice::OpenWorkspace:
        if (const auto *open = openWorkspaceOf(wizard()))
            return open->profile;
        return Error::make(Error::Code::NotFound, tr("No workspace is open."));
    case Choice::Profile:
        if (m_loaded && m_loadedName == m_profiles->currentText())
            return *m_loaded;
        return Error::make(Error::Code::NotFound,
                           tr("The password of profile \"%1\" is still being read from the "
                              "system keychain.")
                               .arg(m_profiles->currentText()));
    case Choice::SqliteFile:
        return ConnectionProfile::sqliteFile(
            QFileInfo(m_sqlitePath->text().trimmed()).absoluteFilePath());
    case Choice::McphubDatabase:
        if (const QString name = chosenProfileName(); !name.isEmpty()) {
            if (m_loaded && m_loadedName == name) {
                if (!*m_loaded)
                    return m_loaded->error();
                ConnectionProfile loaded = **m_loaded;
                loaded.mcphubDatabase = true;
                return loaded;
            }
            return Error::make(Error::Code::NotFound,
                               tr("The password of profile \"%1\" is still being read from the "
                                  "system keychain.")
                                   .arg(name));
        }
        return hubConninfoProfile();
    }
    return Error::make(Error::Code::NotFound, tr("No target was chosen."));
}

QString MigrationTargetPage::targetName() const
{
    switch (choice()) {
    case Choice::OpenWorkspace:
        if (const auto *open = openWorkspaceOf(wizard()))
            return open->displayName;
        return {};
    case Choice::Profile:
        return m_profiles->currentText();
    case Choice::SqliteFile:
        return QFileInfo(m_sqlitePath->text().trimmed()).absoluteFilePath();
    case Choice::McphubDatabase:
        if (const QString name = chosenProfileName(); !name.isEmpty())
            return name;
        if (const auto typed = hubConninfoProfile())
            return OpenedWorkspace::mcphubDatabaseEntry(*typed); // no password in it
        return {};
    }
    return {};
}

MigrationOptions::Conflict MigrationTargetPage::conflictPolicy() const
{
    return MigrationOptions::Conflict(m_conflict->currentData().toInt());
}

bool MigrationTargetPage::skipInvalid() const
{
    return m_skipInvalid->isChecked();
}

QString MigrationTargetPage::rejectsPath() const
{
    return m_rejectsPath->text().trimmed();
}

QString MigrationTargetPage::reportPath() const
{
    return m_reportPath->text().trimmed();
}

} // namespace mcphub
