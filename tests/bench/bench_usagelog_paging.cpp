// Paging every usage-log row (newest first, 500 a page, keyset) through UsageLogRepository,
// against the floor of the same keyset query through a bare prepared QSqlQuery on the same
// data: 100,000 rows on SQLite, 20,000 on PostgreSQL (under scripts/bench). Also offset
// paging of the last page against the first, for contrast.

#include "storage/db/usagelogrepository.h"
#include "storage/db/workspace.h"
#include "tests/support/benchreport.h"
#include "tests/support/pgtestdatabase.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace mcphub;

namespace {

int runBackend(const ConnectionProfile &profile, const QString &label, int kRows)
{
    const auto ws = Workspace::open(profile, QStringLiteral("bench"));
    if (!ws) {
        std::fprintf(stderr, "%s\n", qPrintable(ws.error().toString()));
        return 2;
    }
    constexpr int kPage = 500;
    UsageLogRepository logs(ws->context());
    {
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-30);
        QList<UsageLogEntry> batch;
        batch.reserve(kRows);
        for (int i = 0; i < kRows; ++i) {
            UsageLogEntry e;
            e.timestamp = start.addMSecs(qint64(i) * 25000);
            e.serverName = QStringLiteral("server%1").arg(i % 20);
            e.toolName = QStringLiteral("tool%1").arg(i % 50);
            e.success = i % 17 != 0;
            e.durationMs = i % 3000;
            e.arguments = QStringLiteral("{\"q\": \"search %1\"}").arg(i);
            batch << e;
        }
        if (!logs.append(batch)) {
            std::fprintf(stderr, "cannot fill the usage log\n");
            return 2;
        }
    }

    int repositoryRows = 0;
    const double value = test::medianMilliseconds(3, [&] {
        repositoryRows = 0;
        UsageLogFilter filter;
        for (;;) {
            const auto page = logs.list(filter, {0, kPage, false});
            if (!page || page->items.isEmpty())
                break;
            repositoryRows += page->items.size();
            filter.before = qMakePair(page->items.last().timestamp, page->items.last().id);
        }
    });

    int bareRows = 0;
    const double floor = test::medianMilliseconds(3, [&] {
        bareRows = 0;
        QSqlQuery query(ws->database());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT * FROM mcp_usage_logs WHERE (timestamp < :t1 OR "
                                     "(timestamp = :t2 AND id < :id)) "
                                     "ORDER BY timestamp DESC, id DESC LIMIT :limit"));
        QVariant lastTs = ws->database().driverName() == QLatin1String("QPSQL")
                              ? QVariant(QDateTime::currentDateTimeUtc().addYears(100))
                              : QVariant(QStringLiteral("9999"));
        qint64 lastId = 0;
        for (;;) {
            query.bindValue(QStringLiteral(":t1"), lastTs);
            query.bindValue(QStringLiteral(":t2"), lastTs);
            query.bindValue(QStringLiteral(":id"), lastId);
            query.bindValue(QStringLiteral(":limit"), kPage);
            query.exec();
            int n = 0;
            while (query.next()) {
                UsageLogEntry e; // the same work of reading every column
                e.id = query.value(0).toLongLong();
                e.timestamp
                    = query.value(1).metaType() == QMetaType::fromType<QDateTime>()
                          ? query.value(1).toDateTime()
                          : QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
                e.username = query.value(2).toString();
                e.serverName = query.value(3).toString();
                e.toolName = query.value(4).toString();
                e.success = query.value(5).toBool();
                e.arguments = query.value(6).toString();
                e.errorMessage = query.value(7).toString();
                e.durationMs = query.value(8).toLongLong();
                e.ip = query.value(9).toString();
                e.userAgent = query.value(10).toString();
                e.sessionId = query.value(11).toString();
                lastTs = query.value(1);
                lastId = e.id.toLongLong();
                ++n;
            }
            if (n == 0)
                break;
            bareRows += n;
        }
    });
    if (repositoryRows != kRows || bareRows != kRows) {
        std::fprintf(stderr, "row counts differ: %d %d\n", repositoryRows, bareRows);
        return 2;
    }
    test::printBench(QStringLiteral("usagelog_keyset_page_%1_%2k_ms").arg(label).arg(kRows / 1000),
                     value,
                     floor,
                     QStringLiteral("ratio<1.5"));

    // Offset paging with the total, as a table view's first and last page would ask.
    const double firstPage = test::medianMilliseconds(5, [&] { (void)logs.list({}, {0, kPage}); });
    const double deepPage = test::medianMilliseconds(5, [&] {
        (void)logs.list({}, {kRows - kPage, kPage});
    });
    test::printBench(QStringLiteral("usagelog_offset_last_vs_first_page_%1_ms").arg(label),
                     deepPage,
                     firstPage,
                     QStringLiteral("informative"));
    ws->close();
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    int status = runBackend(ConnectionProfile::sqliteFile(dir.filePath(QStringLiteral("b.db"))),
                            QStringLiteral("sqlite"),
                            100000);
    // The same on PostgreSQL when scripts/bench provides one (fewer rows: one round trip each).
    if (test::PgTestDatabase::serverConfigured()) {
        test::PgTestDatabase pg;
        if (pg.available()) {
            ConnectionProfile profile;
            profile.kind = ConnectionProfile::Kind::Postgres;
            profile.hosts = QStringList{pg.spec().host};
            profile.port = pg.spec().port;
            profile.database = pg.spec().databaseName;
            profile.user = pg.spec().userName;
            status = std::max(status, runBackend(profile, QStringLiteral("postgres"), 20000));
        }
    }
    return status;
}
