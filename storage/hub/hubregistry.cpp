#include "storage/hub/hubregistry.h"

#include "storage/db/workspacecapabilities.h"
#include "storage/logging.h"
#include "storage/secretstore.h"

namespace mcphub {

HubRegistry::HubRegistry(RepositoryContext context, const SecretStore &secrets)
    : m_context(std::move(context))
    , m_secrets(secrets)
{}

Result<qint64> HubRegistry::add(const HubRecord &hub, const QString &secret)
{
    // A settings file's private database would lose the hub when it is closed.
    if (const WorkspaceCapabilities capabilities(m_context.kind); !capabilities.hasHubRegistry())
        return Error::make(Error::Code::ReadOnly, capabilities.noHubRegistryMessage(), hub.name);
    if (auto valid = HubRepository::validate(hub); !valid)
        return valid.error();
    const bool needsSecret = hub.auth != HubEndpoint::Auth::None;
    if (needsSecret && secret.isEmpty()) {
        return Error::make(Error::Code::Invalid,
                           tr("This hub needs a password or bearer key."),
                           hub.name + QStringLiteral(": secret"));
    }
    // The row first: a taken name is refused here, before the keychain entry hub/<name>
    // (which belongs to the hub already registered) is touched.
    HubRepository repository(m_context);
    const auto id = repository.add(hub);
    if (!id)
        return id.error();
    if (!needsSecret)
        return id;
    if (auto written = m_secrets.write(HubRepository::secretKey(hub.name), secret); !written) {
        // A row without its secret would fail at every poll: take it back.
        if (auto undone = repository.remove(hub.name); !undone)
            qCWarning(lcHub) << "could not remove hub" << hub.name
                             << "after its secret could not be stored:"
                             << undone.error().toString();
        return written.error();
    }
    return id;
}

Result<void> HubRegistry::update(const HubRecord &hub, const QString &secret)
{
    if (auto valid = HubRepository::validate(hub); !valid)
        return valid;
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
        return saved;
    if (hub.auth != HubEndpoint::Auth::None && !secret.isEmpty())
        return m_secrets.write(HubRepository::secretKey(hub.name), secret);
    return {};
}

Result<void> HubRegistry::remove(const QString &name, QString *warning)
{
    HubRepository repository(m_context);
    const auto hub = repository.find(name);
    if (!hub)
        return hub.error();
    if (auto removed = repository.remove(name); !removed)
        return removed;
    if (hub->auth != HubEndpoint::Auth::None) {
        const auto forgotten = m_secrets.remove(HubRepository::secretKey(name));
        if (!forgotten && forgotten.error().code != Error::Code::NotFound && warning)
            *warning = forgotten.error().toString();
    }
    return {};
}

} // namespace mcphub
