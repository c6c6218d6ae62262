#pragma once

#include "storage/db/repositorybase.h"
#include "storage/hub/hubactivitycursor.h"
#include "storage/hub/hubendpoint.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace mcphub {

class SecretStore;

// One registered hub as the workspace keeps it (table hubs): everything but the secret,
// which lives in the OS keychain under secretKey(name).
struct HubRecord
{
    qint64 id = 0;
    QString name;
    QUrl baseUrl;
    HubEndpoint::Auth auth = HubEndpoint::Auth::None;
    QString username;
    int pollIntervalMs = 30'000;
    int timeoutMs = 10'000;
    bool enabled = true;
    QString trustedFingerprint;

    // The base URL without any user name or password (a row stored before such URLs were
    // refused may hold one): what listings and messages show.
    QString displayUrl() const { return baseUrl.toString(QUrl::RemoveUserInfo); }
    // The endpoint the poller needs, without its secret.
    HubEndpoint endpoint() const;
    static QString authName(HubEndpoint::Auth auth); // "none" | "password" | "bearer"
    static std::optional<HubEndpoint::Auth> authFromName(const QString &name);
};

// The hub registry (table hubs): audited add/update/remove (removing a hub also removes its
// samples, server rows and events, not its synced usage-log rows), validation that names the field,
// and the persisted activity-sync cursor. Secrets are never passed here. On the connection's
// thread.
class HubRepository : public RepositoryBase
{
    Q_DECLARE_TR_FUNCTIONS(HubRepository)

public:
    using RepositoryBase::RepositoryBase;

    Result<QList<HubRecord>> list() const;             // by name
    Result<HubRecord> find(const QString &name) const; // Error::Code::NotFound when absent
    Result<qint64> add(const HubRecord &hub);          // Conflict when the name is taken
    Result<void> update(const HubRecord &hub);         // by id
    Result<void> remove(const QString &name);

    Result<HubActivityCursor> cursor(const QString &name) const;

    // Translated problems with `hub` ("baseUrl: ..."), empty when it may be saved.
    static Result<void> validate(const HubRecord &hub);
    // The keychain key of a hub's password or bearer key.
    static QString secretKey(const QString &name) { return QStringLiteral("hub/") + name; }
    // The endpoint with its secret read from `secrets` (none needed for Auth::None).
    static Result<HubEndpoint> endpointWithSecret(const HubRecord &hub, const SecretStore &secrets);
    // The same with the secret already read (SecretStore::readAsync).
    static Result<HubEndpoint> endpointWithSecret(const HubRecord &hub,
                                                  const Result<QString> &secret);

private:
    HubRecord fromRecord(const QSqlRecord &r) const;
    Columns columns(const HubRecord &hub) const;
};

} // namespace mcphub
