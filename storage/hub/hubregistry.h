#pragma once

#include "storage/db/repositorycontext.h"
#include "storage/hub/hubrepository.h"
#include "storage/result.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QObject;

namespace mcphub {

class SecretStore;

// Registering, changing and forgetting a hub together with its secret: what the console's
// Hubs tab and "mcphub-adminctl hubs" both call, so the order of the two stores is written
// once. The registry row comes first and the keychain second: adding a hub under a name that
// is taken is refused by the database (the unique name, race-free between processes) before
// any secret is written, so the existing hub's password or key is never overwritten; a secret
// that cannot be stored removes the row again. A URL holding a user name or password is
// refused (HubRepository::validate), so no credential reaches the database in clear.
// On the connection's thread. add/update/remove block it while the keychain answers (see
// SecretStore): for the CLI. The console's GUI thread uses addAsync/updateAsync/removeAsync,
// which make the same checks and database changes before they return and then wait for the
// keychain without blocking.
class HubRegistry
{
    Q_DECLARE_TR_FUNCTIONS(HubRegistry)

public:
    HubRegistry(RepositoryContext context, const SecretStore &secrets);

    // Adds `hub`; `secret` is its password or bearer key (ignored for Auth::None, required
    // otherwise). Error::Code::Conflict when the name is taken: nothing written then.
    Result<qint64> add(const HubRecord &hub, const QString &secret);
    // Saves `hub` (by id); a non-empty `secret` replaces the stored one.
    Result<void> update(const HubRecord &hub, const QString &secret);
    // Removes the hub, its samples and its secret. `warning` receives a translated note when
    // the row is gone but the keychain entry could not be removed.
    Result<void> remove(const QString &name, QString *warning = nullptr);

    // The same without waiting for the keychain. `done` gets what the blocking version
    // returns, on `context`'s thread: before the call returns when the keychain is not needed
    // (a refused row, a hub without a secret, an update keeping the secret), else when the
    // keychain answered. When `context` is destroyed first, `done` is not called (and a row
    // whose secret could not be stored is left: its polls then report the missing secret).
    using AddDone = std::function<void(const Result<qint64> &id)>;
    using Done = std::function<void(const Result<void> &result)>;
    using RemoveDone = std::function<void(const Result<void> &result, const QString &warning)>;
    void
    addAsync(const HubRecord &hub, const QString &secret, QObject *context, AddDone done) const;
    void
    updateAsync(const HubRecord &hub, const QString &secret, QObject *context, Done done) const;
    void removeAsync(const QString &name, QObject *context, RemoveDone done) const;

private:
    // The database phases: the row, after the checks. updateRow and removeRow say whether the
    // keychain is to be written or cleared next.
    Result<qint64> addRow(const HubRecord &hub, const QString &secret) const;
    Result<bool> updateRow(const HubRecord &hub, const QString &secret) const;
    Result<bool> removeRow(const QString &name) const;

    RepositoryContext m_context;
    const SecretStore &m_secrets;
};

} // namespace mcphub
