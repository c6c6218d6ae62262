#include "tests/support/audittrail.h"

#include "storage/db/auditlogrepository.h"

namespace mcphub::test {

QStringList auditActions(const RepositoryContext &context)
{
    QStringList actions;
    const auto page = AuditLogRepository(context).list({}, {0, 100});
    for (const AuditEntry &e : page.value().items)
        actions.prepend(e.action + QLatin1Char(' ') + e.resource);
    return actions;
}

} // namespace mcphub::test
