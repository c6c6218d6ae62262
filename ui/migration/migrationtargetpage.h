#pragma once

#include "storage/db/connectionprofile.h"
#include "storage/migration/migrator.h"
#include "storage/result.h"

#include <QWizardPage>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace mcphub {

// Where the file goes: the workspace open in the window (when it is a database), a saved
// connection profile (ProfileStore), a new or existing SQLite file, or MCPHub's own database
// (a connection string, or a saved profile of that kind); and how: the conflict policy,
// whether invalid records are left out (into a rejects file), whether rows of MCPHub's
// database the file does not describe are removed (prune), where the report goes.
class MigrationTargetPage : public QWizardPage
{
    Q_OBJECT

public:
    enum class Choice { OpenWorkspace, Profile, SqliteFile, McphubDatabase };

    explicit MigrationTargetPage(QWidget *parent = nullptr);

    Choice choice() const;
    void setChoice(Choice choice);
    // The chosen target; a profile's password comes from the keychain.
    Result<ConnectionProfile> profile() const;
    QString targetName() const; // for the history and the report
    // The chosen target in full, for the plan page and its Migrate button: which kind of
    // database, its path or server, the profile's name and a bound settings file. Translated.
    QString targetDescription() const;
    static QString describe(const ConnectionProfile &profile);
    MigrationOptions::Conflict conflictPolicy() const;
    bool skipInvalid() const;
    QString rejectsPath() const;
    QString reportPath() const; // empty: beside the backup
    // The target is MCPHub's own database (chosen as such, the open workspace or a profile of
    // that kind): prune is offered, losses are refused without acceptLoss, hubs are told.
    bool targetIsMcphubDatabase() const;
    bool prune() const; // only for MCPHub's database

    QComboBox *profileCombo() const { return m_profiles; }
    QLineEdit *sqlitePathEdit() const { return m_sqlitePath; }
    QComboBox *conflictCombo() const { return m_conflict; }
    QCheckBox *skipInvalidCheck() const { return m_skipInvalid; }
    QLineEdit *rejectsPathEdit() const { return m_rejectsPath; }
    QLineEdit *reportPathEdit() const { return m_reportPath; }
    QLineEdit *hubConninfoEdit() const { return m_hubConninfo; }
    QLineEdit *hubPasswordEdit() const { return m_hubPassword; }
    // "Connection string" first, then the saved profiles of MCPHub's databases.
    QComboBox *hubProfileCombo() const { return m_hubProfiles; }
    QCheckBox *pruneCheck() const { return m_prune; }

    void initializePage() override;
    bool isComplete() const override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateEnabled();
    // Reads the chosen profile's password without blocking (ProfileStore::loadAsync); Next
    // waits for it, and the page says what it waits for.
    void loadChosenProfile();
    // The saved profile the choice names (empty: none, or a connection string).
    QString chosenProfileName() const;
    Result<ConnectionProfile> hubConninfoProfile() const;

    QRadioButton *m_openButton = nullptr;
    QRadioButton *m_profileButton = nullptr;
    QRadioButton *m_sqliteButton = nullptr;
    QLabel *m_openNote = nullptr;
    QComboBox *m_profiles = nullptr;
    QLineEdit *m_sqlitePath = nullptr;
    QWidget *m_sqliteBrowse = nullptr;
    QComboBox *m_conflict = nullptr;
    QCheckBox *m_skipInvalid = nullptr;
    QLineEdit *m_rejectsPath = nullptr;
    QWidget *m_rejectsBrowse = nullptr;
    QLineEdit *m_reportPath = nullptr;
    QLabel *m_profileStatus = nullptr;
    QRadioButton *m_hubButton = nullptr;
    QComboBox *m_hubProfiles = nullptr;
    QLineEdit *m_hubConninfo = nullptr;
    QLineEdit *m_hubPassword = nullptr;
    QLabel *m_hubProblem = nullptr;
    QCheckBox *m_prune = nullptr;
    QString m_loadedName;                              // the profile loaded or being loaded
    std::optional<Result<ConnectionProfile>> m_loaded; // set when the keychain answered
    int m_loadRequest = 0;
};

} // namespace mcphub
