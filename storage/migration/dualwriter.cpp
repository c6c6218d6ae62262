#include "storage/migration/dualwriter.h"

#include "storage/db/transactionguard.h"
#include "storage/migration/settingsfilebinding.h"

namespace mcphub {

DualWriter::DualWriter(RepositoryContext context, QString settingsPath)
    : m_context(std::move(context))
    , m_path(std::move(settingsPath))
{}

Result<void> DualWriter::apply(const std::function<Result<void>()> &change)
{
    // Loaded before the change, so that the save refuses a file MCPHub rewrote meanwhile.
    auto binding = SettingsFileBinding::load(m_context, m_path);
    if (!binding)
        return binding.error();
    TransactionGuard tx(QSqlDatabase::database(m_context.connectionName));
    if (!tx.active())
        return tx.error();
    if (auto changed = change(); !changed)
        return changed; // the guard rolls back; the file was not touched
    // Not installed as the connection's hook: a bound workspace's own hook still runs inside
    // tx.commit(), after this binding staged its file and before it renames it.
    return (*binding)->commitWith([&tx] { return tx.commit(); });
}

} // namespace mcphub
