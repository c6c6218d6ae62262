#include "storage/hub/hubregistry.h"

#include "storage/db/workspacecapabilities.h"
#include "storage/logging.h"
#include "storage/secretstore.h"

namespace mcphub {

// Each operation is a database phase, the keychain call (blocking or not) and, for add and
// remove, a phase that reads the keychain's answer: the sync and async versions differ only
// in the keychain call between them.

namespace {

bool needsSecret(const HubRecord &hub)
{
    return hub.auth != HubEndpoint::Auth::None;
}

// add, after the keychain answered: a row without its secret would fail at every poll, so it
// is taken back.
Result<qint64> finishAdd(const RepositoryContext &context,
                         const QString &name,
                         qint64 id,
                         const Result<void> &written)
{
    if (written)
        return id;
    if (auto undone = HubRepository(context).remove(name); !undone)
        qCWarning(lcHub) << "could not remove hub" << name
                         << "after its secret could not be stored:" << undone.error().toString();
    return written.error();
}

// remove, after the keychain answered: the row is gone either way, so a keychain failure is
// only worth a note (an entry that was not there is none).
QString removalWarning(const Result<void> &forgotten)
{
    if (forgotten || forgotten.error().code == Error::Code::NotFound)
        return {};
    return forgotten.error().toString();
}

} // namespace

HubRegistry::HubRegistry(RepositoryContext context, const SecretStore &secrets)
    : m_context(std::move(context))
    , m_secrets(secrets)
{}

Result<qint64> HubRegistry::addRow(const HubRecord &hub, const QString &secret) const
{
    // A settings file's private database would lose the hub when it is closed.
    if (const WorkspaceCapabilities capabilities(m_context.kind); !capabilities.hasHubRegistry())
        return Error::make(Error::Code::ReadOnly, capabilities.noHubRegistryMessage(), hub.name);
    if (auto valid = HubRepository::validate(hub); !valid)
        return valid.error();
    if (needsSecret(hub) && secret.isEmpty()) {
        return Error::make(Error::Code::Invalid,
                           tr("This hub needs a password or bearer key."),
                           hub.name + QStringLiteral(": secret"));
    }
    // The row first: a taken name is refused here, before the keychain entry hub/<name>
    // (which belongs to the hub already registered) is touched.
    return HubRepository(m_context).add(hub);
}

Result<bool> HubRegistry::updateRow(const HubRecord &hub, const QString &secret) const
{
    if (auto valid = HubRepository::validate(hub); !valid)
        return valid.error();
    HubRepository repository(m_context);
    const auto before = repository.find(hub.name);
    if (!before)
        return before.error();
    if (before->id != hub.id) {
        // Renaming onto another hub's name would hand it this hub's secret.
        return Error::make(Error::Code::Conflict,
                           tr("Another hub is registered under this name. Choose another "
                              "name."),
                           m_context.where + QStringLiteral(": hubs.name = ") + hub.name);
    }
    if (auto saved = repository.update(hub); !saved)
        return saved.error();
    return needsSecret(hub) && !secret.isEmpty();
}

Result<bool> HubRegistry::removeRow(const QString &name) const
{
    HubRepository repository(m_context);
    const auto hub = repository.find(name);
    if (!hub)
        return hub.error();
    if (auto removed = repository.remove(name); !removed)
        return removed.error();
    return needsSecret(*hub);
}

Result<qint64> HubRegistry::add(const HubRecord &hub, const QString &secret)
{
    const auto id = addRow(hub, secret);
    if (!id || !needsSecret(hub))
        return id;
    return finishAdd(
        m_context, hub.name, *id, m_secrets.write(HubRepository::secretKey(hub.name), secret));
}

Result<void> HubRegistry::update(const HubRecord &hub, const QString &secret)
{
    const auto writeSecret = updateRow(hub, secret);
    if (!writeSecret)
        return writeSecret.error();
    if (*writeSecret)
        return m_secrets.write(HubRepository::secretKey(hub.name), secret);
    return {};
}

Result<void> HubRegistry::remove(const QString &name, QString *warning)
{
    const auto hadSecret = removeRow(name);
    if (!hadSecret)
        return hadSecret.error();
    if (*hadSecret) {
        const QString note = removalWarning(m_secrets.remove(HubRepository::secretKey(name)));
        if (!note.isEmpty() && warning)
            *warning = note;
    }
    return {};
}

void HubRegistry::addAsync(const HubRecord &hub,
                           const QString &secret,
                           QObject *context,
                           AddDone done) const
{
    const auto id = addRow(hub, secret);
    if (!id || !needsSecret(hub)) {
        done(id);
        return;
    }
    m_secrets.writeAsync(
        HubRepository::secretKey(hub.name),
        secret,
        context,
        [repositories = m_context, name = hub.name, id = *id, done](const Result<void> &written) {
            done(finishAdd(repositories, name, id, written));
        });
}

void HubRegistry::updateAsync(const HubRecord &hub,
                              const QString &secret,
                              QObject *context,
                              Done done) const
{
    const auto writeSecret = updateRow(hub, secret);
    if (!writeSecret) {
        done(writeSecret.error());
        return;
    }
    if (!*writeSecret) {
        done({});
        return;
    }
    m_secrets.writeAsync(HubRepository::secretKey(hub.name), secret, context, done);
}

void HubRegistry::removeAsync(const QString &name, QObject *context, RemoveDone done) const
{
    const auto hadSecret = removeRow(name);
    if (!hadSecret) {
        done(hadSecret.error(), {});
        return;
    }
    if (!*hadSecret) {
        done({}, {});
        return;
    }
    m_secrets.removeAsync(
        HubRepository::secretKey(name), context, [done](const Result<void> &forgotten) {
            done({}, removalWarning(forgotten));
        });
}

} // namespace mcphub
