#pragma once

#include "storage/db/repositorycontext.h"
#include "storage/hub/hubrepository.h"
#include "storage/result.h"

#include <QCoreApplication>
#include <QString>

namespace mcphub {

class SecretStore;

// Registering, changing and forgetting a hub together with its secret: what the console's
// Hubs tab and "mcphub-adminctl hubs" both call, so the order of the two stores is written
// once. The registry row comes first and the keychain second: adding a hub under a name that
// is taken is refused by the database (the unique name, race-free between processes) before
// any secret is written, so the existing hub's password or key is never overwritten; a secret
// that cannot be stored removes the row again. A URL holding a user name or password is
// refused (HubRepository::validate), so no credential reaches the database in clear.
// On the connection's thread; the keychain calls block it (see SecretStore).
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

private:
    RepositoryContext m_context;
    const SecretStore &m_secrets;
};

} // namespace mcphub
