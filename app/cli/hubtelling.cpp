#include "app/cli/hubtelling.h"

#include "app/cli/clicommand.h"
#include "storage/hub/hubchangeapplier.h"
#include "storage/hub/hubclient.h"
#include "storage/secretstore.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <optional>

namespace mcphub::cli {

QCommandLineOption noApplyOption()
{
    return QCommandLineOption(
        QStringLiteral("no-apply"),
        QCoreApplication::translate("HubTelling",
                                    "In MCPHub's database: do not tell the hubs registered in "
                                    "the workspace what changed (they take it at their next "
                                    "restart)."));
}

int tellLinkedHubs(const RepositoryContext &context, const QList<HubChange> &changes)
{
    if (changes.isEmpty() || context.kind != WorkspaceKind::McphubDatabase)
        return ExitOk;
    const SecretStore secrets;
    HubClient client;
    HubChangeApplier applier(&client);
    std::optional<QList<HubChangeResult>> results;
    QEventLoop loop;
    applier.applyToLinkedHubs(
        context, secrets, changes, [&results, &loop](const QList<HubChangeResult> &r) {
            results = r;
            loop.quit();
        });
    if (!results)
        loop.exec(); // each request has its hub's deadline, so this ends
    int code = ExitOk;
    for (const HubChangeResult &r : *results) {
        out() << r.text() << Qt::endl;
        if (!r.applied)
            code = ExitFindings;
    }
    return code;
}

} // namespace mcphub::cli
