// Test helper: a console session doing Applies while the primary may die (issue 16).
//   failoverworker --pg CONNINFO --count N --prefix P [--pause-ms MS]
// Opens the workspace once (migrating the console's schema) and registers a ConnectionKeeper
// on its connection, then does N Applies, one server "P-<i>" each: even i through the
// Servers editor's model (ServerTableModel::apply, the console's path), odd i through
// ServerRepository::create (the CLI's path). After each it prints, flushed:
//   APPLIED <i> <name> <path>
//   FAILED <i> <name> <path> pending=<pending edits after the failure> <message>
// and in the end "RECONNECTS <n>". Exit 0 when every Apply was reported (applied or failed),
// 2 when the workspace cannot be opened.

#include "models/servertablemodel.h"
#include "storage/db/connectionkeeper.h"
#include "storage/db/serverrepository.h"
#include "storage/db/workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QThread>

#include <cstdio>

using namespace mcphub;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption pg(QStringLiteral("pg"), QString(), QStringLiteral("c"));
    const QCommandLineOption count(QStringLiteral("count"), QString(), QStringLiteral("n"));
    const QCommandLineOption prefix(QStringLiteral("prefix"), QString(), QStringLiteral("p"));
    const QCommandLineOption pause(QStringLiteral("pause-ms"), QString(), QStringLiteral("ms"));
    parser.addOptions({pg, count, prefix, pause});
    parser.process(app);

    auto profile = ConnectionProfile::fromConninfo(parser.value(pg));
    if (!profile) {
        std::fprintf(stderr, "%s\n", qPrintable(profile.error().toString()));
        return 2;
    }
    profile->connectTimeout = 2;
    const QString name = QStringLiteral("failoverworker");
    const auto ws = Workspace::open(*profile, name);
    if (!ws) {
        std::fprintf(stderr, "%s\n", qPrintable(ws.error().toString()));
        return 2;
    }
    ConnectionKeeper keeper(name);
    keeper.registerForConnection();
    QObject::connect(&keeper, &ConnectionKeeper::reconnecting, [](int attempt, const QString &why) {
        std::fprintf(stderr, "reconnecting %d: %s\n", attempt, qPrintable(why));
    });
    QObject::connect(&keeper, &ConnectionKeeper::reconnected, [](const ServerRole &role) {
        std::fprintf(stderr, "reconnected to %s\n", qPrintable(role.address()));
    });

    const RepositoryContext context = ws->context(QStringLiteral("failoverworker"));
    ServerTableModel model(context);
    (void)model.reload();
    const int n = parser.value(count).toInt();
    const int pauseMs = parser.value(pause).toInt();
    for (int i = 0; i < n; ++i) {
        const QString server = QStringLiteral("%1-%2").arg(parser.value(prefix)).arg(i);
        Result<void> done;
        QString path;
        int pending = 0;
        if (i % 2 == 0) {
            path = QStringLiteral("model");
            const int row = model.addServer(server, QStringLiteral("stdio"));
            model.setValue(row, ServerTableModel::kCommand, QStringLiteral("echo"));
            done = model.apply();
            pending = model.pendingCount();
            if (!done)
                model.revertAll(); // counted above; the next Apply starts clean
        } else {
            path = QStringLiteral("repo");
            ServerRecord record;
            record.name = server;
            record.type = QStringLiteral("stdio");
            record.command = QStringLiteral("echo");
            const auto created = ServerRepository(context).create(record);
            if (!created)
                done = created.error();
        }
        if (done)
            std::printf("APPLIED %d %s %s\n", i, qPrintable(server), qPrintable(path));
        else
            std::printf("FAILED %d %s %s pending=%d %s\n",
                        i,
                        qPrintable(server),
                        qPrintable(path),
                        pending,
                        qPrintable(done.error().toString().simplified()));
        std::fflush(stdout);
        if (pauseMs > 0)
            QThread::msleep(static_cast<unsigned long>(pauseMs));
    }
    std::printf("RECONNECTS %d\n", keeper.reconnects());
    std::fflush(stdout);
    ws->close();
    return 0;
}
