#include "storage/hub/hubrepository.h"

#include "storage/db/sqlerror.h"
#include "storage/secretstore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace mcphub {

namespace {

QJsonObject auditSummary(const HubRecord &h)
{
    // No secret: the registry never holds one.
    return {{QStringLiteral("name"), h.name},
            {QStringLiteral("baseUrl"), h.baseUrl.toString(QUrl::RemoveUserInfo)},
            {QStringLiteral("auth"), HubRecord::authName(h.auth)},
            {QStringLiteral("username"), h.username},
            {QStringLiteral("pollIntervalMs"), h.pollIntervalMs},
            {QStringLiteral("enabled"), h.enabled}};
}

} // namespace

HubEndpoint HubRecord::endpoint() const
{
    HubEndpoint e;
    e.name = name;
    e.baseUrl = baseUrl;
    e.auth = auth;
    e.username = username;
    e.pollIntervalMs = pollIntervalMs;
    e.timeoutMs = timeoutMs;
    e.trustedCertificateSha256 = trustedFingerprint;
    return e;
}

QString HubRecord::authName(HubEndpoint::Auth auth)
{
    switch (auth) {
    case HubEndpoint::Auth::None:
        return QStringLiteral("none");
    case HubEndpoint::Auth::Password:
        return QStringLiteral("password");
    case HubEndpoint::Auth::BearerKey:
        return QStringLiteral("bearer");
    }
    return {};
}

std::optional<HubEndpoint::Auth> HubRecord::authFromName(const QString &name)
{
    for (const auto a :
         {HubEndpoint::Auth::None, HubEndpoint::Auth::Password, HubEndpoint::Auth::BearerKey}) {
        if (authName(a) == name)
            return a;
    }
    return std::nullopt;
}

Result<void> HubRepository::validate(const HubRecord &hub)
{
    const QString where = hub.name.isEmpty() ? QStringLiteral("hubs") : hub.name;
    static const QRegularExpression namePattern(
        QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    if (!namePattern.match(hub.name).hasMatch()) {
        return Error::make(Error::Code::Invalid,
                           tr("A hub name is 1 to 64 letters, digits, dots, dashes or "
                              "underscores, starting with a letter or digit."),
                           where + QStringLiteral(": name"));
    }
    const QString scheme = hub.baseUrl.scheme();
    if (!hub.baseUrl.isValid() || hub.baseUrl.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        return Error::make(Error::Code::Invalid,
                           tr("The base URL must be an http or https URL with a host, for "
                              "example https://hub.example.org:3000/mcphub."),
                           where + QStringLiteral(": baseUrl"),
                           hub.baseUrl.toString(QUrl::RemoveUserInfo));
    }
    if (!hub.baseUrl.userInfo().isEmpty()) {
        // QUrl would keep "user:password@" and every listing would print it; the registry
        // has a user name field and the keychain for the secret.
        return Error::make(Error::Code::Invalid,
                           tr("The base URL holds a user name or password, which would be "
                              "stored and shown in clear. Remove it from the URL; give the user "
                              "name and the password or bearer key as the hub's credentials "
                              "(they are kept in the system keychain)."),
                           where + QStringLiteral(": baseUrl"),
                           hub.baseUrl.toString(QUrl::RemoveUserInfo));
    }
    if (hub.pollIntervalMs < 1000) {
        return Error::make(Error::Code::Invalid,
                           tr("The poll interval must be at least one second."),
                           where + QStringLiteral(": pollInterval"));
    }
    if (hub.timeoutMs < 100) {
        return Error::make(Error::Code::Invalid,
                           tr("The request timeout must be at least 100 ms."),
                           where + QStringLiteral(": timeout"));
    }
    if (hub.auth == HubEndpoint::Auth::Password && hub.username.isEmpty()) {
        return Error::make(Error::Code::Invalid,
                           tr("Password authentication needs a user name."),
                           where + QStringLiteral(": username"));
    }
    return {};
}

Result<HubEndpoint> HubRepository::endpointWithSecret(const HubRecord &hub,
                                                      const SecretStore &secrets)
{
    if (hub.auth == HubEndpoint::Auth::None)
        return hub.endpoint();
    return endpointWithSecret(hub, secrets.read(secretKey(hub.name)));
}

Result<HubEndpoint> HubRepository::endpointWithSecret(const HubRecord &hub,
                                                      const Result<QString> &secret)
{
    HubEndpoint e = hub.endpoint();
    if (hub.auth == HubEndpoint::Auth::None)
        return e;
    if (!secret) {
        Error error = secret.error();
        error.where = hub.name + QStringLiteral(" (") + hub.baseUrl.toString(QUrl::RemoveUserInfo)
                      + QLatin1Char(')');
        error.message = tr("The hub's password or bearer key is not in the keychain. Enter it "
                           "again: edit the hub in the console, or remove and add it again.")
                        + QLatin1Char(' ') + error.message;
        return error;
    }
    if (hub.auth == HubEndpoint::Auth::Password)
        e.password = *secret;
    else
        e.bearerKey = *secret;
    return e;
}

RepositoryBase::Columns HubRepository::columns(const HubRecord &h) const
{
    return {{QStringLiteral("name"), h.name},
            {QStringLiteral("base_url"), h.baseUrl.toString()},
            {QStringLiteral("auth_kind"), HubRecord::authName(h.auth)},
            {QStringLiteral("username"), h.username.isEmpty() ? text(QString()) : h.username},
            {QStringLiteral("poll_interval_ms"), h.pollIntervalMs},
            {QStringLiteral("timeout_ms"), h.timeoutMs},
            {QStringLiteral("enabled"), dialect().boolValue(h.enabled)},
            {QStringLiteral("trusted_fingerprint"),
             h.trustedFingerprint.isEmpty() ? text(QString()) : h.trustedFingerprint},
            {QStringLiteral("updated_at"), now()}};
}

HubRecord HubRepository::fromRecord(const QSqlRecord &r) const
{
    HubRecord h;
    h.id = r.value(QStringLiteral("id")).toLongLong();
    h.name = r.value(QStringLiteral("name")).toString();
    h.baseUrl = QUrl(r.value(QStringLiteral("base_url")).toString());
    h.auth = HubRecord::authFromName(r.value(QStringLiteral("auth_kind")).toString())
                 .value_or(HubEndpoint::Auth::None);
    h.username = r.value(QStringLiteral("username")).toString();
    h.pollIntervalMs = r.value(QStringLiteral("poll_interval_ms")).toInt();
    h.timeoutMs = r.value(QStringLiteral("timeout_ms")).toInt();
    h.enabled = r.value(QStringLiteral("enabled")).toBool();
    h.trustedFingerprint = r.value(QStringLiteral("trusted_fingerprint")).toString();
    return h;
}

Result<QList<HubRecord>> HubRepository::list() const
{
    const auto rows = selectRows(QStringLiteral("hubs"), {}, QStringLiteral("name"), {0, 100000});
    if (!rows)
        return rows.error();
    QList<HubRecord> hubs;
    for (const QSqlRecord &r : *rows)
        hubs << fromRecord(r);
    return hubs;
}

Result<HubRecord> HubRepository::find(const QString &name) const
{
    const auto rows = selectByKey(QStringLiteral("hubs"), QStringLiteral("name"), name);
    if (!rows)
        return rows.error();
    if (rows->isEmpty()) {
        return Error::make(Error::Code::NotFound,
                           tr("There is no hub of this name. \"hubs list\" shows the registered "
                              "ones."),
                           context().where + QStringLiteral(": hubs.name = ") + name);
    }
    return fromRecord(rows->first());
}

Result<qint64> HubRepository::add(const HubRecord &hub)
{
    if (auto valid = validate(hub); !valid)
        return valid.error();
    qint64 id = 0;
    const auto done = audited(
        QStringLiteral("hub.create"),
        QStringLiteral("hubs/") + hub.name,
        QStringLiteral("CREATE"),
        {},
        auditSummary(hub),
        [&]() -> Result<void> {
            const auto existing
                = selectByKey(QStringLiteral("hubs"), QStringLiteral("name"), hub.name);
            if (!existing)
                return existing.error();
            if (!existing->isEmpty()) {
                return Error::make(Error::Code::Conflict,
                                   tr("A hub of this name is registered already. Remove it "
                                      "first or choose another name."),
                                   context().where + QStringLiteral(": hubs.name = ") + hub.name);
            }
            Columns values = columns(hub);
            values.append({QStringLiteral("created_at"), now()});
            const auto r = insertRow(QStringLiteral("hubs"), values, QStringLiteral("id"));
            if (!r)
                return r.error();
            id = r->toLongLong();
            return {};
        });
    if (!done)
        return done.error();
    return id;
}

Result<void> HubRepository::update(const HubRecord &hub)
{
    if (auto valid = validate(hub); !valid)
        return valid;
    const auto rows = selectByKey(QStringLiteral("hubs"), QStringLiteral("id"), hub.id);
    if (!rows)
        return rows.error();
    if (rows->isEmpty()) {
        return Error::make(Error::Code::NotFound,
                           tr("The hub was removed meanwhile; add it again."),
                           context().where + QStringLiteral(": hubs/") + hub.name);
    }
    const HubRecord old = fromRecord(rows->first());
    return audited(QStringLiteral("hub.update"),
                   QStringLiteral("hubs/") + hub.name,
                   QStringLiteral("UPDATE"),
                   auditSummary(old),
                   auditSummary(hub),
                   [&]() -> Result<void> {
                       const auto r = updateRows(
                           QStringLiteral("hubs"), columns(hub), QStringLiteral("id"), hub.id);
                       if (!r)
                           return r.error();
                       return {};
                   });
}

Result<void> HubRepository::remove(const QString &name)
{
    const auto hub = find(name);
    if (!hub)
        return hub.error();
    return audited(
        QStringLiteral("hub.delete"),
        QStringLiteral("hubs/") + name,
        QStringLiteral("DELETE"),
        auditSummary(*hub),
        {},
        [&]() -> Result<void> {
            for (const QString &table : {QStringLiteral("hub_server_status"),
                                         QStringLiteral("hub_samples"),
                                         QStringLiteral("hub_events")}) {
                if (auto r = deleteRows(table, QStringLiteral("hub_id"), hub->id); !r)
                    return r.error();
            }
            if (auto r = deleteRows(QStringLiteral("hubs"), QStringLiteral("id"), hub->id); !r)
                return r.error();
            return {};
        });
}

Result<HubActivityCursor> HubRepository::cursor(const QString &name) const
{
    const auto rows = selectByKey(QStringLiteral("hubs"), QStringLiteral("name"), name);
    if (!rows)
        return rows.error();
    HubActivityCursor cursor;
    if (rows->isEmpty())
        return cursor;
    const QSqlRecord &r = rows->first();
    QSet<QString> ids;
    const QJsonArray array = QJsonDocument::fromJson(
                                 r.value(QStringLiteral("activity_cursor_ids")).toString().toUtf8())
                                 .array();
    for (const QJsonValue &v : array)
        ids.insert(v.toString());
    cursor.reset(timestamp(r, QStringLiteral("activity_cursor_at")), ids);
    return cursor;
}

} // namespace mcphub
