#include "tests/support/formation.h"

#include "storage/db/connectionprofile.h"
#include "storage/sqlconnection.h"
#include "tests/support/testenv.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace mcphub::test {

bool openFormationMonitor(const QString &name)
{
    auto p = ConnectionProfile::fromConninfo(qEnvironmentVariable("MCPHUB_FORMATION_MONITOR"));
    return p && openSqlConnection(p->toSpec(), name).ok();
}

QString formationPrimary(const QString &monitor, const QString &except)
{
    QSqlQuery q(QSqlDatabase::database(monitor, false));
    q.prepare(QStringLiteral("SELECT nodename FROM pgautofailover.node WHERE reportedstate IN "
                             "('primary', 'wait_primary', 'single') AND nodename <> ? "
                             "ORDER BY nodeid"));
    q.addBindValue(except);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return QString();
}

bool formationHealthy(const QString &monitor)
{
    QSqlQuery q(QSqlDatabase::database(monitor, false));
    return q.exec(QStringLiteral("SELECT string_agg(reportedstate::text, ',' ORDER BY "
                                 "reportedstate::text) FROM pgautofailover.node"))
           && q.next() && q.value(0).toString() == QLatin1String("primary,secondary");
}

QList<pid_t> processTree(pid_t root)
{
    QList<pid_t> tree{root};
    const QStringList all = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (qsizetype i = 0; i < tree.size(); ++i) {
        for (const QString &entry : all) {
            bool numeric = false;
            const pid_t pid = entry.toInt(&numeric);
            if (!numeric)
                continue;
            const QByteArray stat = readFile(QStringLiteral("/proc/%1/stat").arg(entry));
            // "pid (comm) state ppid ...": comm may hold spaces, so read after the last ')'.
            const QList<QByteArray> rest = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
            if (rest.size() > 1 && rest.at(1).toInt() == tree.at(i) && !tree.contains(pid))
                tree << pid;
        }
    }
    return tree;
}

} // namespace mcphub::test
