#pragma once

#include <QString>

namespace mcphub {

// Edit ▸ Preferences…, kept in the console's QSettings: what the console starts with and the
// defaults its dialogs offer. load() gives the defaults for anything not set.
struct ConsolePreferences
{
    QString language;        // "" = the system's; "en", "zh_CN" (applied at the next start)
    int bcryptCost = 10;     // the cost new password hashes get in the console
    int backupsKept = 10;    // newest backups kept beside a settings file the console saves
    int hubPollSeconds = 30; // the poll interval a new hub starts with
    bool reopenLastWorkspace = false; // open the last workspace and area at start

    static ConsolePreferences load();
    void save() const;
    // Puts what takes effect at once in place (the backups kept by settings-file saves).
    void apply() const;

    // The QSettings keys (the password dialog keeps its last cost under kBcryptCostKey).
    static const QString kLanguageKey;
    static const QString kBcryptCostKey;
    static const QString kBackupsKeptKey;
    static const QString kHubPollSecondsKey;
    static const QString kReopenLastKey;
    static const QString kLastAreaKey;
};

} // namespace mcphub
