#pragma once

#include "storage/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace mcphub {

class SecretStore;

// One of the console's own checks.
struct OwnHealthCheck
{
    enum class Kind { Database, SettingsFolder, Keychain, Memory };
    Kind kind = Kind::Database;
    bool ok = false;
    double value = -1; // ms for Database, free bytes for SettingsFolder, RSS bytes for Memory
    QString detail;    // translated: what was measured, or what is wrong and what to do

    static QString kindName(Kind kind);  // "database", "settings-folder"... (stable)
    static QString kindLabel(Kind kind); // translated
};

// The console's own health, shown in the status bar and by "mcphub-adminctl health": the
// workspace database answers (and how fast), the settings folder is writable with free
// space, the keychain answers, and how much memory this process uses. Each run takes a few
// milliseconds; the keychain probe blocks in a local event loop (see SecretStore). Any thread
// that owns `connectionName`.
class OwnHealth
{
    Q_DECLARE_TR_FUNCTIONS(OwnHealth)

public:
    static constexpr qint64 kMinimumFreeBytes = 100 * 1024 * 1024;

    // The folder of the console's settings file (QSettings "MCPHub"/"mcphub-admin", where the
    // connection profiles live), the same for the console and the CLI.
    static QString settingsFolder();

    static OwnHealthCheck checkDatabase(const QString &connectionName, const QString &where);
    static OwnHealthCheck checkSettingsFolder(const QString &folder);
    static OwnHealthCheck checkKeychain(const SecretStore &secrets);
    // The keychain check from a probe read already (SecretStore::readAsync) in `ms`.
    static OwnHealthCheck keychainCheck(const Result<QString> &probe, double ms);
    static QString keychainProbeKey() { return QStringLiteral("health-probe"); }
    static OwnHealthCheck checkMemory();
    static qint64 residentBytes(); // -1 when the platform does not say

    static QList<OwnHealthCheck> runAll(const QString &connectionName,
                                        const QString &where,
                                        const QString &settingsFolder,
                                        const SecretStore &secrets);
};

} // namespace mcphub
