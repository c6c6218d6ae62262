#include "ui/main/consolepreferences.h"

#include "storage/migration/settingsfilebinding.h"
#include "storage/passwordhasher.h"

#include <QSettings>

namespace mcphub {

const QString ConsolePreferences::kLanguageKey = QStringLiteral("preferences/language");
const QString ConsolePreferences::kBcryptCostKey = QStringLiteral("users/bcryptCost");
const QString ConsolePreferences::kBackupsKeptKey = QStringLiteral("preferences/backupsKept");
const QString ConsolePreferences::kHubPollSecondsKey
    = QStringLiteral("preferences/hubPollIntervalSeconds");
const QString ConsolePreferences::kReopenLastKey
    = QStringLiteral("preferences/reopenLastWorkspace");
const QString ConsolePreferences::kLastAreaKey = QStringLiteral("window/lastArea");

ConsolePreferences ConsolePreferences::load()
{
    const QSettings settings;
    ConsolePreferences p;
    p.language = settings.value(kLanguageKey).toString();
    p.bcryptCost = qBound(PasswordHasher::kMinCost,
                          settings.value(kBcryptCostKey, PasswordHasher::kDefaultCost).toInt(),
                          PasswordHasher::kMaxCost);
    p.backupsKept = qBound(0, settings.value(kBackupsKeptKey, 10).toInt(), 1000);
    p.hubPollSeconds = qBound(1, settings.value(kHubPollSecondsKey, 30).toInt(), 86'400);
    p.reopenLastWorkspace = settings.value(kReopenLastKey, false).toBool();
    return p;
}

void ConsolePreferences::save() const
{
    QSettings settings;
    settings.setValue(kLanguageKey, language);
    settings.setValue(kBcryptCostKey, bcryptCost);
    settings.setValue(kBackupsKeptKey, backupsKept);
    settings.setValue(kHubPollSecondsKey, hubPollSeconds);
    settings.setValue(kReopenLastKey, reopenLastWorkspace);
    settings.sync();
}

void ConsolePreferences::apply() const
{
    SettingsFileBinding::setDefaultKeepBackups(backupsKept);
}

} // namespace mcphub
