#pragma once

#include "storage/db/connectioncheck.h"
#include "storage/db/connectionprofile.h"
#include "storage/db/profilestore.h"
#include "storage/result.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace mcphub {

// File ▸ Connections…: the saved connection profiles, as pgAdmin's and DBeaver's connection
// managers show them. Add, edit, remove, Test connection (server version and whether it is
// the primary, or libpq's error; run off the GUI thread by checkConnectionAsync, bounded by
// the profile's connect timeout) and Open. A profile is the console's own database on
// PostgreSQL (one host or a list: libpq picks the read-write primary), MCPHub's own database
// (a hub in database mode), or a SQLite file; its password goes to the system keychain
// (ProfileStore::saveAsync), never to the settings; a bound settings file makes it dual-write.
// When editing, an empty password keeps the stored one (Test reads it from the keychain).
// Optional: the Redis changes are published to and the pg_auto_failover monitor of the
// formation (validated as the CLI does; Test checks them too when filled).
class ConnectionsDialog : public QDialog
{
    Q_OBJECT

public:
    enum class KindChoice { ConsolePostgres, McphubDatabase, Sqlite };

    explicit ConnectionsDialog(QWidget *parent = nullptr, ProfileStore store = ProfileStore());

    // Shows the saved profile `name` in the form (false: there is none).
    bool selectProfile(const QString &name);
    // Clears the form for a new profile (the Add button).
    void addProfile();
    // The profile the form describes (password as typed), or the reason it is not valid.
    // `forTest`: a connection can be tested before it has a valid name.
    Result<ConnectionProfile> formProfile(bool forTest = false) const;
    // Saves the form (the Save button); the keychain's answer arrives later, shown in the
    // status line. Refuses a name another profile has, naming it.
    Result<void> saveProfile();
    // Removes the saved profile (the Remove button asks first; this does not).
    Result<void> removeProfile(const QString &name);
    // Tests what the form describes (the Test connection button); testFinished follows.
    void testConnection();
    bool testRunning() const { return m_testRunning; }
    QString statusText() const;

Q_SIGNALS:
    // Open was chosen for this saved profile (the dialog closes).
    void openRequested(const QString &name);
    void testFinished(bool connected);
    // A saved profile's password reached the keychain (`warning` empty) or not.
    void passwordStored(const QString &name, const QString &warning);

private:
    void reloadList(const QString &select);
    void fillForm(const ConnectionProfile &profile);
    void updateKindFields();
    void showStatus(const QString &text, bool problem);
    void runTest(const ConnectionProfile &profile);
    void confirmRemove();
    void openSelected();
    void chooseSqliteFile();
    void chooseBoundFile();
    KindChoice kindChoice() const;

    ProfileStore m_store;
    QString m_editing; // the saved profile in the form; empty for a new one
    bool m_testRunning = false;
    int m_testRequest = 0;
    QListWidget *m_list = nullptr;
    QPushButton *m_remove = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_hosts = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QComboBox *m_sslMode = nullptr;
    QLineEdit *m_password = nullptr;
    QSpinBox *m_timeout = nullptr;
    QLineEdit *m_sqlitePath = nullptr;
    QPushButton *m_sqliteBrowse = nullptr;
    QLineEdit *m_bound = nullptr;
    QCheckBox *m_readOnly = nullptr;
    QLineEdit *m_redis = nullptr;   // issue 16: redis://host:port[/db], optional
    QLineEdit *m_monitor = nullptr; // issue 16: pg_auto_failover monitor conninfo, optional
    QPushButton *m_test = nullptr;
    QPushButton *m_open = nullptr;
    QLabel *m_status = nullptr;
    QList<QWidget *> m_postgresFields;
    QList<QWidget *> m_sqliteFields;
};

} // namespace mcphub
