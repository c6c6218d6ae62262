#pragma once

#include "storage/db/connectionprofile.h"
#include "storage/result.h"
#include "storage/secretstore.h"

#include <QString>
#include <QStringList>

#include <functional>

class QObject;

namespace mcphub {

// Named connection profiles in QSettings ("profiles/<name>/...", with the bound settings file
// of a dual-writing profile in "boundSettings"); their passwords only in the
// OS keychain (SecretStore key "profile/<name>"), never in the settings file. When the
// keychain fails, the password is kept in this process's memory for the session and the
// caller gets a warning to show. Use from one thread (QSettings and the keychain loop);
// loadAsync is what the console's GUI thread uses, as it never waits for the keychain.
class ProfileStore
{
public:
    // `settingsFile` empty: the user's MCPHub/mcphub-admin settings, shared by the console and
    // the CLI; otherwise that INI file.
    explicit ProfileStore(QString settingsFile = {},
                          SecretStore secrets = SecretStore(QStringLiteral("mcphub-admin")));

    QStringList names() const;
    bool contains(const QString &name) const;

    // Saves the profile; its password (when not empty) goes to the keychain, and an empty
    // one leaves the stored password as it is. Returns a
    // warning (translated, empty when none) when the keychain refused and the password is
    // only kept in memory for this session.
    Result<QString> save(const ConnectionProfile &profile);
    // save() without waiting for the keychain (the console's GUI thread): the settings are
    // written before this returns (an error there is returned and `done` is not called); the
    // password, when one is given, goes to the keychain and `done` gets save()'s warning on
    // `context`'s thread; without a password `done` runs before this returns.
    using SaveDone = std::function<void(const QString &warning)>;
    Result<void> saveAsync(const ConnectionProfile &profile, QObject *context, SaveDone done);

    // Loads the profile and its password (keychain, else this session's memory). `warning`
    // receives a translated note when the keychain could not be read.
    Result<ConnectionProfile> load(const QString &name, QString *warning = nullptr) const;
    // The same without waiting for the keychain: `done` gets what load() returns, on
    // `context`'s thread; before this returns when no keychain read is needed (no such profile,
    // a SQLite file, a password this session keeps), else when the keychain answered. Not
    // called when `context` is destroyed first.
    using LoadDone
        = std::function<void(const Result<ConnectionProfile> &profile, const QString &warning)>;
    void loadAsync(const QString &name, QObject *context, LoadDone done) const;
    // The profile as saved, its password left empty: enough to describe it, no keychain read.
    Result<ConnectionProfile> loadWithoutPassword(const QString &name) const;

    Result<void> remove(const QString &name);
    // remove() without waiting for the keychain: the profile is gone from the settings when
    // this returns; its keychain entry is removed in the background.
    Result<void> removeAsync(const QString &name, QObject *context);

    // Binds the profile to a settings file (dual-write; the path is made absolute) or, with
    // an empty path, unbinds it. Changes nothing else of the profile, its password included.
    // Whether the file can be bound is SettingsFileBinding::checkBindable's business.
    Result<void> setBoundSettingsPath(const QString &name, const QString &path);

    QString settingsFileName() const;
    static QString secretKey(const QString &name);
    static Result<void> checkName(const QString &name);

private:
    Result<void> saveSettings(const ConnectionProfile &profile);
    static QString keptInMemory(const QString &name, const Error &error);
    // load()'s phases after loadWithoutPassword: the password of this session, if any (true:
    // `profile` has it or needs none, no keychain read needed); the keychain's answer.
    static bool takeSessionPassword(ConnectionProfile &profile);
    static void takeKeychainPassword(ConnectionProfile &profile,
                                     const Result<QString> &password,
                                     QString *warning);

    QString m_settingsFile;
    SecretStore m_secrets;
};

} // namespace mcphub
