#include "ui/main/connectionsdialog.h"

#include "storage/live/redisclient.h"
#include "storage/migration/settingsfilebinding.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace mcphub {

namespace {

QWidget *withBrowse(QLineEdit *edit, QPushButton *browse)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    return row;
}

} // namespace

ConnectionsDialog::ConnectionsDialog(QWidget *parent, ProfileStore store)
    : QDialog(parent)
    , m_store(std::move(store))
{
    setWindowTitle(tr("Connections"));

    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("profiles"));
    m_list->setAccessibleName(tr("Saved connection profiles"));
    auto *add = new QPushButton(tr("&Add"));
    add->setObjectName(QStringLiteral("addProfile"));
    m_remove = new QPushButton(tr("&Remove…"));
    m_remove->setObjectName(QStringLiteral("removeProfile"));
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(m_remove);
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addLayout(listButtons);

    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setToolTip(tr("1 to 64 letters, digits, '.', '_' or '-'; the name the CLI's "
                          "--profile takes."));
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->addItem(tr("Console database on PostgreSQL"),
                    QVariant::fromValue(int(KindChoice::ConsolePostgres)));
    m_kind->addItem(tr("MCPHub's own database (hub in database mode)"),
                    QVariant::fromValue(int(KindChoice::McphubDatabase)));
    m_kind->addItem(tr("Console database in a SQLite file"),
                    QVariant::fromValue(int(KindChoice::Sqlite)));
    m_hosts = new QLineEdit;
    m_hosts->setObjectName(QStringLiteral("hosts"));
    m_hosts->setPlaceholderText(tr("db1.example.org, db2.example.org"));
    m_hosts->setToolTip(tr("One host, or several separated by commas: the console connects to "
                           "the one that accepts writes (the primary)."));
    m_port = new QSpinBox;
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_database = new QLineEdit;
    m_database->setObjectName(QStringLiteral("database"));
    m_user = new QLineEdit;
    m_user->setObjectName(QStringLiteral("user"));
    m_sslMode = new QComboBox;
    m_sslMode->setObjectName(QStringLiteral("sslMode"));
    m_sslMode->addItem(tr("libpq's default (prefer)"), QString());
    for (const char *mode : {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"})
        m_sslMode->addItem(QString::fromLatin1(mode), QString::fromLatin1(mode));
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_timeout = new QSpinBox;
    m_timeout->setObjectName(QStringLiteral("connectTimeout"));
    m_timeout->setRange(1, kMaxCheckTimeoutSeconds);
    m_timeout->setValue(10);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("How long to wait for a server to answer before trying the next "
                             "host or giving up."));
    m_sqlitePath = new QLineEdit;
    m_sqlitePath->setObjectName(QStringLiteral("sqlitePath"));
    m_sqliteBrowse = new QPushButton(tr("Browse…"));
    m_bound = new QLineEdit;
    m_bound->setObjectName(QStringLiteral("boundSettings"));
    m_bound->setPlaceholderText(tr("none"));
    m_bound->setToolTip(tr("Dual-write: every change applied through this profile is also "
                           "saved to this MCPHub settings file, in the same step."));
    auto *boundBrowse = new QPushButton(tr("Browse…"));
    m_readOnly = new QCheckBox(tr("Open read-only"));
    m_readOnly->setObjectName(QStringLiteral("readOnly"));
    m_redis = new QLineEdit;
    m_redis->setObjectName(QStringLiteral("redisUrl"));
    m_redis->setPlaceholderText(tr("none (redis://host:port/db)"));
    m_redis->setToolTip(tr("Optional. Each committed settings change is published to this "
                           "Redis (config:update) for the hub and other consoles; changes wait "
                           "in an outbox while it is down."));
    m_monitor = new QLineEdit;
    m_monitor->setObjectName(QStringLiteral("failoverMonitor"));
    m_monitor->setPlaceholderText(tr("none (host=monitor port=5431 dbname=pg_auto_failover)"));
    m_monitor->setToolTip(tr("Optional. The connection string of the pg_auto_failover monitor "
                             "of this server's formation: the Replication page lists the "
                             "formation's nodes from it."));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Hosts:"), m_hosts);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("SS&L mode:"), m_sslMode);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(tr("T&imeout:"), m_timeout);
    QWidget *sqliteRow = withBrowse(m_sqlitePath, m_sqliteBrowse);
    form->addRow(tr("SQLite &file:"), sqliteRow);
    form->addRow(tr("&Bound settings file:"), withBrowse(m_bound, boundBrowse));
    form->addRow(tr("R&edis:"), m_redis);
    form->addRow(tr("Failover &monitor:"), m_monitor);
    form->addRow(QString(), m_readOnly);
    m_postgresFields
        = {m_hosts, m_port, m_database, m_user, m_sslMode, m_password, m_timeout, m_monitor};
    m_sqliteFields = {sqliteRow};

    m_test = new QPushButton(tr("&Test connection"));
    m_test->setObjectName(QStringLiteral("testConnection"));
    auto *save = new QPushButton(tr("&Save"));
    save->setObjectName(QStringLiteral("saveProfile"));
    auto *formButtons = new QHBoxLayout;
    formButtons->addWidget(m_test);
    formButtons->addStretch(1);
    formButtons->addWidget(save);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setMinimumHeight(m_status->fontMetrics().lineSpacing() * 3);
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(form);
    rightLayout->addLayout(formButtons);
    rightLayout->addWidget(m_status);
    rightLayout->addStretch(1);

    auto *splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({180, 480});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_open = buttons->addButton(tr("&Open"), QDialogButtonBox::AcceptRole);
    m_open->setObjectName(QStringLiteral("openProfile"));
    m_open->setToolTip(tr("Save the profile and open its workspace."));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_open, &QPushButton::clicked, this, &ConnectionsDialog::openSelected);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    connect(add, &QPushButton::clicked, this, &ConnectionsDialog::addProfile);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionsDialog::confirmRemove);
    connect(save, &QPushButton::clicked, this, [this] {
        if (const auto saved = saveProfile(); !saved)
            showStatus(saved.error().message + QLatin1Char(' ') + saved.error().where, true);
    });
    connect(m_test, &QPushButton::clicked, this, &ConnectionsDialog::testConnection);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ConnectionsDialog::updateKindFields);
    connect(m_sqliteBrowse, &QPushButton::clicked, this, &ConnectionsDialog::chooseSqliteFile);
    connect(boundBrowse, &QPushButton::clicked, this, &ConnectionsDialog::chooseBoundFile);
    connect(m_list, &QListWidget::currentTextChanged, this, [this](const QString &name) {
        if (!name.isEmpty() && name != m_editing)
            selectProfile(name);
    });

    reloadList({});
    if (m_list->count() > 0)
        selectProfile(m_list->item(0)->text());
    else
        addProfile();
    resize(760, 520);
}

void ConnectionsDialog::reloadList(const QString &select)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    m_list->addItems(m_store.names());
    const auto found = m_list->findItems(select, Qt::MatchExactly);
    m_list->setCurrentItem(found.isEmpty() ? nullptr : found.constFirst());
    m_remove->setEnabled(!found.isEmpty());
}

bool ConnectionsDialog::selectProfile(const QString &name)
{
    const auto profile = m_store.loadWithoutPassword(name);
    if (!profile) {
        showStatus(profile.error().message, true);
        return false;
    }
    m_editing = name;
    fillForm(*profile);
    reloadList(name);
    showStatus({}, false);
    return true;
}

void ConnectionsDialog::addProfile()
{
    m_editing.clear();
    ConnectionProfile fresh;
    fresh.kind = ConnectionProfile::Kind::Postgres;
    fresh.hosts = QStringList{QStringLiteral("localhost")};
    fresh.database = QStringLiteral("mcphub");
    fillForm(fresh);
    reloadList({});
    showStatus(tr("Describe the new connection, then Test it and Save."), false);
    m_name->setFocus();
}

void ConnectionsDialog::fillForm(const ConnectionProfile &profile)
{
    m_name->setText(profile.name);
    // A saved name stays: a new profile is added under another name.
    m_name->setReadOnly(!m_editing.isEmpty());
    const KindChoice kind = profile.kind == ConnectionProfile::Kind::Sqlite ? KindChoice::Sqlite
                            : profile.mcphubDatabase ? KindChoice::McphubDatabase
                                                     : KindChoice::ConsolePostgres;
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
    m_hosts->setText(profile.hosts.join(QStringLiteral(", ")));
    m_port->setValue(profile.port);
    m_database->setText(profile.database);
    m_user->setText(profile.user);
    m_sslMode->setCurrentIndex(std::max(0, m_sslMode->findData(profile.sslMode)));
    m_password->clear();
    m_password->setPlaceholderText(m_editing.isEmpty()
                                       ? tr("kept in the system keychain")
                                       : tr("unchanged (kept in the system keychain)"));
    m_timeout->setValue(profile.connectTimeout > 0 ? profile.connectTimeout : 10);
    m_sqlitePath->setText(QDir::toNativeSeparators(profile.sqlitePath));
    m_bound->setText(QDir::toNativeSeparators(profile.boundSettingsPath));
    m_readOnly->setChecked(profile.readOnly);
    m_redis->setText(profile.redisUrl);
    m_monitor->setText(profile.failoverMonitor);
    updateKindFields();
}

ConnectionsDialog::KindChoice ConnectionsDialog::kindChoice() const
{
    return KindChoice(m_kind->currentData().toInt());
}

void ConnectionsDialog::updateKindFields()
{
    const bool sqlite = kindChoice() == KindChoice::Sqlite;
    auto *form = findChild<QFormLayout *>();
    for (QWidget *field : std::as_const(m_postgresFields))
        form->setRowVisible(field, !sqlite);
    for (QWidget *field : std::as_const(m_sqliteFields))
        form->setRowVisible(field, sqlite);
}

Result<ConnectionProfile> ConnectionsDialog::formProfile(bool forTest) const
{
    ConnectionProfile profile;
    profile.name = m_name->text().trimmed();
    if (auto valid = ProfileStore::checkName(profile.name); !valid) {
        if (!forTest)
            return valid.error();
        profile.name.clear(); // messages then name the place itself
    }
    profile.readOnly = m_readOnly->isChecked();
    const QString bound = m_bound->text().trimmed();
    if (!bound.isEmpty())
        profile.boundSettingsPath = QFileInfo(QDir::fromNativeSeparators(bound)).absoluteFilePath();
    // Issue 16: parsed as the CLI's --redis and --monitor are.
    profile.redisUrl = m_redis->text().trimmed();
    if (!profile.redisUrl.isEmpty()) {
        if (const auto address = RedisAddress::parse(profile.redisUrl); !address) {
            return Error::make(Error::Code::Invalid, address.error().message, tr("Redis"));
        }
    }
    if (kindChoice() != KindChoice::Sqlite) {
        profile.failoverMonitor = m_monitor->text().trimmed();
        if (!profile.failoverMonitor.isEmpty()) {
            if (const auto monitor = ConnectionProfile::fromConninfo(profile.failoverMonitor);
                !monitor) {
                return Error::make(Error::Code::Invalid,
                                   tr("The failover monitor is not a connection string: %1")
                                       .arg(monitor.error().message),
                                   tr("Failover monitor"));
            }
        }
    }
    if (kindChoice() == KindChoice::Sqlite) {
        profile.kind = ConnectionProfile::Kind::Sqlite;
        profile.sqlitePath = QDir::fromNativeSeparators(m_sqlitePath->text().trimmed());
        if (profile.sqlitePath.isEmpty()) {
            return Error::make(
                Error::Code::Invalid, tr("Choose the SQLite file of the workspace."), profile.name);
        }
        profile.sqlitePath = QFileInfo(profile.sqlitePath).absoluteFilePath();
        return profile;
    }
    profile.kind = ConnectionProfile::Kind::Postgres;
    profile.mcphubDatabase = kindChoice() == KindChoice::McphubDatabase;
    for (const QString &host : m_hosts->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!host.trimmed().isEmpty())
            profile.hosts << host.trimmed();
    }
    if (profile.hosts.isEmpty()) {
        return Error::make(Error::Code::Invalid,
                           tr("Enter at least one host (a name, an address or a socket folder)."),
                           profile.name);
    }
    profile.port = m_port->value();
    profile.database = m_database->text().trimmed();
    profile.user = m_user->text().trimmed();
    if (profile.database.isEmpty())
        profile.database = profile.user;
    profile.sslMode = m_sslMode->currentData().toString();
    profile.connectTimeout = m_timeout->value();
    profile.password = m_password->text();
    return profile;
}

Result<void> ConnectionsDialog::saveProfile()
{
    auto profile = formProfile();
    if (!profile)
        return profile.error();
    if (profile->name != m_editing && m_store.contains(profile->name)) {
        return Error::make(Error::Code::Conflict,
                           tr("A profile with this name exists already. Choose another name, "
                              "or select that profile in the list to edit it."),
                           profile->name);
    }
    if (!profile->boundSettingsPath.isEmpty()) {
        if (auto bindable = SettingsFileBinding::checkBindable(profile->boundSettingsPath);
            !bindable)
            return bindable.error();
    }
    const QString name = profile->name;
    const bool withPassword = !profile->password.isEmpty();
    if (auto saved = m_store.saveAsync(*profile,
                                       this,
                                       [this, name](const QString &warning) {
                                           if (!warning.isEmpty())
                                               showStatus(warning, true);
                                           Q_EMIT passwordStored(name, warning);
                                       });
        !saved)
        return saved.error();
    m_editing = name;
    m_name->setReadOnly(true);
    m_password->clear();
    m_password->setPlaceholderText(tr("unchanged (kept in the system keychain)"));
    reloadList(name);
    showStatus(withPassword
                   ? tr("Saved profile %1; its password goes to the system keychain.").arg(name)
                   : tr("Saved profile %1.").arg(name),
               false);
    return {};
}

Result<void> ConnectionsDialog::removeProfile(const QString &name)
{
    if (auto removed = m_store.removeAsync(name, this); !removed)
        return removed.error();
    showStatus(tr("Removed profile %1 and its stored password.").arg(name), false);
    if (m_list->count() > 1) {
        reloadList({});
        selectProfile(m_list->item(0)->text());
    } else {
        addProfile();
    }
    return {};
}

void ConnectionsDialog::confirmRemove()
{
    if (m_editing.isEmpty())
        return;
    const QString name = m_editing;
    if (QMessageBox::question(this,
                              tr("Remove profile"),
                              tr("Remove the connection profile %1 and its password in the "
                                 "system keychain? The database itself is not touched.")
                                  .arg(name),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    if (const auto removed = removeProfile(name); !removed)
        showStatus(removed.error().message, true);
}

void ConnectionsDialog::testConnection()
{
    auto profile = formProfile(true);
    if (!profile) {
        showStatus(profile.error().message, true);
        Q_EMIT testFinished(false);
        return;
    }
    m_testRunning = true;
    m_test->setEnabled(false);
    const int request = ++m_testRequest;
    if (profile->kind == ConnectionProfile::Kind::Postgres && profile->password.isEmpty()
        && !m_editing.isEmpty() && profile->name == m_editing) {
        // The stored password, read without blocking.
        showStatus(tr("Reading the password from the system keychain…"), false);
        const ConnectionProfile typed = *profile;
        m_store.loadAsync(
            m_editing,
            this,
            [this, typed, request](const Result<ConnectionProfile> &stored, const QString &) {
                if (request != m_testRequest)
                    return;
                ConnectionProfile tried = typed;
                if (stored)
                    tried.password = stored->password;
                runTest(tried);
            });
        return;
    }
    runTest(*profile);
}

void ConnectionsDialog::runTest(const ConnectionProfile &profile)
{
    const int request = m_testRequest;
    showStatus(profile.kind == ConnectionProfile::Kind::Sqlite
                   ? tr("Opening the file…")
                   : tr("Connecting (at most %n second(s))…", nullptr, profile.connectTimeout),
               false);
    checkConnectionAsync(profile, this, [this, request](const Result<ServerFacts> &facts) {
        if (request != m_testRequest)
            return;
        m_testRunning = false;
        m_test->setEnabled(true);
        if (!facts) {
            QString text = tr("Not connected: %1").arg(facts.error().message);
            if (!facts.error().detail.isEmpty())
                text += QLatin1Char('\n') + facts.error().detail.trimmed();
            showStatus(text, true);
            Q_EMIT testFinished(false);
            return;
        }
        QString text;
        if (facts->reachedHost.isEmpty() && facts->reachedPort == 0) {
            text = tr("Connected: %1.").arg(facts->version);
        } else {
            const QString role = facts->primary ? tr("the primary (accepts writes)")
                                                : tr("a standby (read-only, in recovery)");
            const QString place = facts->reachedHost.isEmpty()
                                      ? tr("a local socket")
                                      : QStringLiteral("%1:%2").arg(
                                          facts->reachedHost, QString::number(facts->reachedPort));
            text = tr("Connected to PostgreSQL %1 on %2: %3.\n%4")
                       .arg(facts->shortVersion, place, role, facts->version);
        }
        // The profile's Redis and monitor, when filled (issue 16).
        for (const ServerFacts::Service &service : facts->services)
            text += QLatin1Char('\n') + service.detail;
        showStatus(text, !facts->servicesOk());
        Q_EMIT testFinished(facts->servicesOk());
    });
}

void ConnectionsDialog::showStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setProperty("problem", problem);
    QPalette palette = this->palette();
    if (problem)
        palette.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_status->setPalette(palette);
}

QString ConnectionsDialog::statusText() const
{
    return m_status->text();
}

void ConnectionsDialog::openSelected()
{
    // What the form shows is what opens: saved first (an unchanged profile is rewritten as it
    // was; an empty password keeps the stored one).
    if (const auto saved = saveProfile(); !saved) {
        showStatus(saved.error().message + QLatin1Char(' ') + saved.error().where, true);
        return;
    }
    Q_EMIT openRequested(m_editing);
    accept();
}

void ConnectionsDialog::chooseSqliteFile()
{
    const QString path
        = QFileDialog::getOpenFileName(this,
                                       tr("SQLite workspace"),
                                       m_sqlitePath->text(),
                                       tr("SQLite workspaces (*.db *.sqlite);;All files (*)"));
    if (!path.isEmpty())
        m_sqlitePath->setText(QDir::toNativeSeparators(path));
}

void ConnectionsDialog::chooseBoundFile()
{
    const QString path = QFileDialog::getSaveFileName(this,
                                                      tr("Bound settings file"),
                                                      m_bound->text(),
                                                      tr("MCPHub settings (*.json)"),
                                                      nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        m_bound->setText(QDir::toNativeSeparators(path));
}

} // namespace mcphub
