#pragma once

#include "storage/result.h"
#include "storage/settings/finding.h"
#include "storage/settings/settingsdocument.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace mcphub {

class FindingsBrowser;

// A settings file the console cannot open as a workspace because the validator finds errors
// in it, shown read-only instead of refused: its findings over its text (FindingsBrowser:
// double-click a finding for its line, as in the migration wizard) and a way forward. The
// selected finding's value can be replaced (a user's password is asked for and stored as its
// bcrypt hash; any other value is typed as JSON), the findings are checked again, and Save
// and open saves the repaired file through the settings store (validated, locked, backed up,
// atomic, MCPHub's format) and emits saved(). Warnings are listed and saved only when allowed
// with the check box beside them, as --allow-warnings does on the command line. Nothing is
// written before Save. GUI thread.
class SettingsFileProblemsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsFileProblemsDialog(QWidget *parent = nullptr);

    // Loads and validates the file; an error when it cannot be loaded at all (not JSON,
    // unreadable), which the caller reports as before.
    Result<void> load(const QString &path);
    // Whether `path` loads but has validation errors (the case this dialog is for).
    static bool hasErrors(const QString &path);

    // Replaces the value at `pointer` (typed JSON, or text taken as a string) in the document
    // in memory and validates it again. A user's "password" is hashed with bcrypt first.
    Result<void> repair(const QString &pointer, const QString &typed);
    // Saves the repaired document; on success emits saved() and closes.
    Result<void> save();

    const SettingsDocument &document() const { return m_document; }
    const QList<Finding> &findings() const { return m_findings; }
    FindingsBrowser *browser() const { return m_browser; }
    QLineEdit *valueEdit() const { return m_value; }
    QPushButton *replaceButton() const { return m_replace; }
    QCheckBox *allowWarningsCheck() const { return m_allowWarnings; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *statusLabel() const { return m_status; }

    // Whether the value at `pointer` is a user's password (asked for, then hashed).
    static bool isPasswordPointer(const QString &pointer);

Q_SIGNALS:
    // The repaired file was saved at `path`: open it as the workspace.
    void saved(const QString &path);

private:
    void showRepairFor(int row);
    void refresh();

    QString m_path;
    SettingsDocument m_document;
    QList<Finding> m_findings;
    int m_repairs = 0;
    QLabel *m_summary = nullptr;
    FindingsBrowser *m_browser = nullptr;
    QLabel *m_repairHint = nullptr;
    QLineEdit *m_value = nullptr;
    QPushButton *m_replace = nullptr;
    QCheckBox *m_allowWarnings = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace mcphub
