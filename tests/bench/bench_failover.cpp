// Time from killing the primary of a real pg_auto_failover formation (SIGKILL of its node:
// pg_autoctl and PostgreSQL) to the first Apply that succeeds through the console's storage
// (ServerRepository::create: reconnect with backoff, exactly-once), over N automatic
// failovers (MCPHUB_FAILOVER_ROUNDS, 10 by default); the killed node rejoins as the secondary
// before the next round. Floor: the formation's own promotion time in the same rounds (kill
// to the monitor reporting the other node primary). Runs itself under scripts/with-formation
// (its tightened health checks; MCPHUB_FORMATION_DEFAULTS=1 for pg_auto_failover's own).
// Prints BENCH failover_apply value=<median s> floor=<median promotion s> ratio target=15,
// and the maxima.
// With pg_auto_failover's defaults the formation alone needs ~52 s to promote after a hard
// kill (a node is unhealthy after node_considered_unhealthy_timeout, 20 s, and the monitor
// then waits primary_demote_timeout, 30 s, for the old primary to demote itself): measured
// 2026-12-05, 10 rounds, first Apply median 53.3 s against promotion median 52.6 s.

#include "storage/db/connectionkeeper.h"
#include "storage/db/serverrepository.h"
#include "storage/db/workspace.h"
#include "tests/support/benchreport.h"
#include "tests/support/formation.h"
#include "tests/support/testenv.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <sys/types.h>

using namespace mcphub;

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("MCPHUB_FORMATION_URI")) {
        return QProcess::execute(QStringLiteral(MCPHUB_SOURCE_DIR "/scripts/with-formation"),
                                 {QCoreApplication::applicationFilePath()});
    }
    const QString dir = qEnvironmentVariable("MCPHUB_FORMATION_DIR");
    const int rounds = qEnvironmentVariableIsSet("MCPHUB_FAILOVER_ROUNDS")
                           ? qEnvironmentVariableIntValue("MCPHUB_FAILOVER_ROUNDS")
                           : 10;
    auto profile = ConnectionProfile::fromConninfo(qEnvironmentVariable("MCPHUB_FORMATION_URI"));
    if (!profile)
        return 2;
    profile->connectTimeout = 2;
    const QString name = QStringLiteral("bench");
    const auto ws = Workspace::open(*profile, name);
    if (!ws || !test::openFormationMonitor(QStringLiteral("monitor"))) {
        std::fprintf(stderr, "bench_failover: cannot open the formation\n");
        return 2;
    }
    ConnectionKeeper keeper(name);
    keeper.registerForConnection();
    const RepositoryContext context = ws->context();

    QList<double> applyTimes, promotionTimes;
    for (int round = 0; round < rounds; ++round) {
        const QDeadlineTimer ready(180000);
        while (!test::formationHealthy(QStringLiteral("monitor")) && !ready.hasExpired())
            QThread::msleep(200);
        const QString killed
            = test::formationPrimary(QStringLiteral("monitor"), QStringLiteral("-"));
        const pid_t supervisor
            = test::readFile(dir + u'/' + killed + QStringLiteral(".pid")).trimmed().toInt();
        if (killed.isEmpty() || supervisor <= 1 || ready.hasExpired()) {
            std::fprintf(stderr, "bench_failover: the formation is not healthy\n");
            break;
        }
        QElapsedTimer sinceKill;
        sinceKill.start();
        for (pid_t pid : test::processTree(supervisor))
            ::kill(pid, SIGKILL);
        // The formation's own promotion, watched from another thread.
        double promotion = -1;
        QThread *watcher = QThread::create([&] {
            const QString monitor = QStringLiteral("monitor-watch");
            if (test::openFormationMonitor(monitor)) {
                const QDeadlineTimer limit(120000);
                while (!limit.hasExpired()) {
                    if (!test::formationPrimary(monitor, killed).isEmpty()) {
                        promotion = sinceKill.elapsed() / 1000.0;
                        break;
                    }
                    QThread::msleep(50);
                }
            }
            closeSqlConnection(monitor);
        });
        watcher->start();
        double applied = -1;
        const QDeadlineTimer limit(120000);
        for (int i = 0; !limit.hasExpired(); ++i) {
            ServerRecord r;
            r.name = QStringLiteral("bench-%1-%2").arg(round).arg(i);
            r.type = QStringLiteral("stdio");
            r.command = QStringLiteral("echo");
            if (ServerRepository(context).create(r)) {
                applied = sinceKill.elapsed() / 1000.0;
                break;
            }
            QThread::msleep(50);
        }
        watcher->wait();
        delete watcher;
        std::fprintf(stderr,
                     "round %d: %s killed, promotion %.2f s, first Apply %.2f s\n",
                     round + 1,
                     qPrintable(killed),
                     promotion,
                     applied);
        if (applied < 0 || promotion < 0)
            break;
        applyTimes << applied;
        promotionTimes << promotion;
        QProcess::execute(dir + QStringLiteral("/run-node"), {killed}); // rejoins as secondary
    }
    if (applyTimes.isEmpty())
        return 1;
    std::fprintf(stderr,
                 "%d failovers: first Apply median %.2f s, max %.2f s; promotion median %.2f s, "
                 "max %.2f s\n",
                 int(applyTimes.size()),
                 median(applyTimes),
                 *std::max_element(applyTimes.begin(), applyTimes.end()),
                 median(promotionTimes),
                 *std::max_element(promotionTimes.begin(), promotionTimes.end()));
    test::printBench(QStringLiteral("failover_apply"),
                     median(applyTimes),
                     median(promotionTimes),
                     QStringLiteral("15"));
    ws->close();
    return applyTimes.size() == rounds ? 0 : 1;
}
