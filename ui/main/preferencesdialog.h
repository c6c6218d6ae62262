#pragma once

#include "ui/main/consolepreferences.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace mcphub {

// Edit ▸ Preferences…: the console's ConsolePreferences (language at the next start, bcrypt
// cost of new hashes, backups kept, a new hub's poll interval, reopening the last workspace
// and area). OK saves and applies them.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    ConsolePreferences preferences() const;
    void setPreferences(const ConsolePreferences &preferences);

    void accept() override;

private:
    QComboBox *m_language = nullptr;
    QSpinBox *m_cost = nullptr;
    QSpinBox *m_backups = nullptr;
    QSpinBox *m_poll = nullptr;
    QCheckBox *m_reopen = nullptr;
};

} // namespace mcphub
