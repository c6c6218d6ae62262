// The usage log over MCPHub's own `activities` table (issue 13): 1,000,000 rows in MCPHub's
// real schema (its DDL and indexes, filled in SQL), read through the console on the hub kind
// of workspace. Each measure has as floor the same SQL run bare through QSqlQuery in the same
// process, every column read:
// - the first page as the Usage log view loads it (UsageLogModel::refresh(): the count, then
//   200 rows newest first), and the page alone through UsageLogRepository;
// - a server + time-range filter, the same two ways;
// - a keyset page half-way down (the view scrolled far), against the first page: it must cost
//   what the first page does, which needs the timestamp index to start at the cursor.
// EXPLAIN of each statement is printed, so a plan that stops using MCPHub's btree indexes
// (server, timestamp) shows. Runs only where PostgreSQL is given (scripts/with-services).

#include "models/usagelogmodel.h"
#include "storage/db/usagelogrepository.h"
#include "storage/db/workspace.h"
#include "storage/sqlconnection.h"
#include "tests/support/benchreport.h"
#include "tests/support/mcphubdatabase.h"
#include "tests/support/pgtestdatabase.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>

using namespace mcphub;

namespace {

constexpr int kRows = 1000000;
constexpr int kPage = 200;
const QString kStart = QStringLiteral("2026-01-01 00:00:00");

// What UsageLogRepository selects from activities (one place to compare with).
const QString kSelect = QStringLiteral(
    "SELECT id, \"timestamp\", username, server, tool, (status = 'success'), input, "
    "error_message, duration, source_ip, NULL, NULL, output FROM activities");

QDateTime startUtc()
{
    return QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
}

QString wallClock(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

void bindAll(QSqlQuery &query, const QVariantMap &values)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        query.bindValue(it.key(), it.value());
}

// The page statement run bare: every column read as the repository reads it. Returns the
// rows read (-1 on error) and the last row's keyset.
int barePage(const QSqlDatabase &db,
             const QString &where,
             const QVariantMap &values,
             QPair<QDateTime, QVariant> *last = nullptr)
{
    QSqlQuery page(db);
    page.setForwardOnly(true);
    page.prepare(kSelect + where
                 + QStringLiteral(" ORDER BY \"timestamp\" DESC, id DESC LIMIT :limit OFFSET "
                                  ":offset"));
    bindAll(page, values);
    page.bindValue(QStringLiteral(":limit"), kPage);
    page.bindValue(QStringLiteral(":offset"), 0);
    if (!page.exec()) {
        std::fprintf(stderr, "%s\n", qPrintable(page.lastError().text()));
        return -1;
    }
    int n = 0;
    while (page.next()) {
        UsageLogEntry e;
        e.id = page.value(0).toString();
        e.timestamp = SqlDialect::wallClockUtc(page.value(1));
        e.username = page.value(2).toString();
        e.serverName = page.value(3).toString();
        e.toolName = page.value(4).toString();
        e.success = page.value(5).toBool();
        e.arguments = page.value(6).toString();
        e.errorMessage = page.value(7).toString();
        if (!page.isNull(8))
            e.durationMs = page.value(8).toLongLong();
        e.ip = page.value(9).toString();
        e.userAgent = page.value(10).toString();
        e.sessionId = page.value(11).toString();
        e.output = page.value(12).toString();
        if (last)
            *last = qMakePair(e.timestamp, e.id);
        ++n;
    }
    return n;
}

qint64 bareCount(const QSqlDatabase &db, const QString &where, const QVariantMap &values)
{
    QSqlQuery count(db);
    count.prepare(QStringLiteral("SELECT count(*) FROM activities") + where);
    bindAll(count, values);
    if (!count.exec() || !count.next())
        return -1;
    return count.value(0).toLongLong();
}

// The plan of the page statement, one line per node, for the report.
void printPlan(const QSqlDatabase &db, const QString &label, QString sql)
{
    QSqlQuery explain(db);
    if (!explain.exec(QStringLiteral("EXPLAIN ") + sql)) {
        std::fprintf(
            stderr, "EXPLAIN %s: %s\n", qPrintable(label), qPrintable(explain.lastError().text()));
        return;
    }
    std::printf("PLAN %s\n", qPrintable(label));
    while (explain.next())
        std::printf("  %s\n", qPrintable(explain.value(0).toString()));
}

QString fill(const test::PgTestDatabase &pg)
{
    if (QString e = test::makeMcphubDatabase(pg); !e.isEmpty())
        return e;
    // One call every 2 s from 2026-01-01 (about 23 days), 20 servers, 50 tools, one call in
    // 17 failing; payloads as MCPHub stores them (pretty-printed JSON).
    // In SQL on a connection of its own (psql's one-minute limit is too short on a busy
    // machine), in chunks of 100,000.
    const QString name = QStringLiteral("bench_fill");
    QString error;
    {
        auto db = openSqlConnection(pg.spec(), name);
        if (!db)
            return db.error().toString();
        QSqlQuery q(*db);
        for (int from = 1; from <= kRows && error.isEmpty(); from += 100000) {
            const QString insert
                = QStringLiteral(
                      "INSERT INTO activities (\"timestamp\", server, tool, duration, status, "
                      "input, "
                      "output, group_name, username, key_id, key_name, source_ip, error_message) "
                      "SELECT timestamp '%1' + g * interval '2 seconds', 'server' || mod(g, 20), "
                      "'tool' || mod(g, 50), mod(g, 3000), CASE WHEN mod(g, 17) = 0 THEN 'error' "
                      "ELSE "
                      "'success' END, E'{\\n  \"q\": \"search ' || g || E'\"\\n}', E'{\\n  "
                      "\"content\": [\\n    {\\n      \"type\": \"text\",\\n      \"text\": "
                      "\"result ' || g || E'\"\\n    }\\n  ]\\n}', 'group' || mod(g, 5), 'user' || "
                      "mod(g, 10), NULL, NULL, '127.0.0.1', CASE WHEN mod(g, 17) = 0 THEN 'tool "
                      "failed' "
                      "END FROM generate_series(%2, %3) g")
                      .arg(kStart,
                           QString::number(from),
                           QString::number(qMin(kRows, from + 99999)));
            if (!q.exec(insert))
                error = q.lastError().text();
        }
        if (error.isEmpty() && !q.exec(QStringLiteral("VACUUM ANALYZE activities")))
            error = q.lastError().text();
    }
    closeSqlConnection(name);
    return error;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (!test::PgTestDatabase::serverConfigured()) {
        std::fprintf(stderr,
                     "bench_usagelog_hubdb needs PostgreSQL: run it under "
                     "scripts/with-services (scripts/bench does)\n");
        return 2;
    }
    test::PgTestDatabase pg;
    if (!pg.available()) {
        std::fprintf(stderr, "%s\n", qPrintable(pg.error()));
        return 2;
    }
    if (const QString e = fill(pg); !e.isEmpty()) {
        std::fprintf(stderr, "cannot fill activities: %s\n", qPrintable(e));
        return 2;
    }
    const auto ws = Workspace::open(test::mcphubProfile(pg), QStringLiteral("bench"));
    if (!ws) {
        std::fprintf(stderr, "%s\n", qPrintable(ws.error().toString()));
        return 2;
    }
    const QSqlDatabase db = ws->database();
    const qint64 total = bareCount(db, {}, {});
    if (total < kRows) {
        std::fprintf(stderr, "activities holds %lld rows\n", total);
        return 2;
    }
    UsageLogModel model(ws->context());
    model.setPageSize(kPage);
    UsageLogRepository logs(ws->context());
    int status = 0;
    const auto check = [&status](bool ok, const char *what) {
        if (!ok) {
            std::fprintf(stderr, "%s\n", what);
            status = 2;
        }
    };

    // (1) The first page, newest first: as the view loads it (count + page), and the page.
    int rows = 0;
    int bareRows = 0;
    qint64 bareTotal = 0;
    const auto [first, firstFloor] = test::pairedMedianMilliseconds(
        9,
        [&] {
            (void)model.refresh();
            rows = model.rowCount();
        },
        [&] {
            bareTotal = bareCount(db, {}, {});
            bareRows = barePage(db, {}, {});
        });
    check(rows == kPage && bareRows == kPage && model.totalCount() == bareTotal,
          "first page differs");
    test::printBench(QStringLiteral("usagelog_hubdb_first_page_1m_ms"),
                     first,
                     firstFloor,
                     QStringLiteral("1.5"));
    const auto [firstPageOnly, firstPageOnlyFloor] = test::pairedMedianMilliseconds(
        21,
        [&] {
            const auto page = logs.list({}, {0, kPage, false});
            rows = page ? int(page->items.size()) : -1;
        },
        [&] { bareRows = barePage(db, {}, {}); });
    check(rows == kPage && bareRows == kPage, "first page (repository) differs");
    test::printBench(QStringLiteral("usagelog_hubdb_first_page_rows_only_1m_ms"),
                     firstPageOnly,
                     firstPageOnlyFloor,
                     QStringLiteral("1.5"));

    // (2) One server over two days.
    UsageLogFilter filter;
    filter.serverName = QStringLiteral("server7");
    filter.from = startUtc().addDays(10);
    filter.to = startUtc().addDays(12);
    const QString where = QStringLiteral(
        " WHERE server = :server AND \"timestamp\" >= :from AND \"timestamp\" < :to");
    const QVariantMap values{{QStringLiteral(":server"), filter.serverName},
                             {QStringLiteral(":from"), wallClock(filter.from)},
                             {QStringLiteral(":to"), wallClock(filter.to)}};
    model.setFilter(filter);
    const auto [filtered, filteredFloor] = test::pairedMedianMilliseconds(
        9,
        [&] {
            (void)model.refresh();
            rows = model.rowCount();
        },
        [&] {
            bareTotal = bareCount(db, where, values);
            bareRows = barePage(db, where, values);
        });
    check(rows == kPage && bareRows == kPage && model.totalCount() == bareTotal,
          "filtered page differs");
    test::printBench(QStringLiteral("usagelog_hubdb_server_timerange_1m_ms"),
                     filtered,
                     filteredFloor,
                     QStringLiteral("1.5"));
    const auto [filteredOnly, filteredOnlyFloor] = test::pairedMedianMilliseconds(
        21,
        [&] {
            const auto page = logs.list(filter, {0, kPage, false});
            rows = page ? int(page->items.size()) : -1;
        },
        [&] { bareRows = barePage(db, where, values); });
    check(rows == kPage && bareRows == kPage, "filtered page (repository) differs");
    test::printBench(QStringLiteral("usagelog_hubdb_server_timerange_rows_only_1m_ms"),
                     filteredOnly,
                     filteredOnlyFloor,
                     QStringLiteral("1.5"));

    // (3) A keyset page half-way down: against the same SQL bare, and against the first page
    // (which it should cost about as much as: the index starts at the cursor).
    QPair<QDateTime, QVariant> cursor;
    {
        QSqlQuery middle(db);
        middle.exec(QStringLiteral("SELECT \"timestamp\", id FROM activities ORDER BY "
                                   "\"timestamp\" DESC, id DESC OFFSET %1 LIMIT 1")
                        .arg(kRows / 2));
        check(middle.next(), "no middle row");
        cursor = qMakePair(SqlDialect::wallClockUtc(middle.value(0)), middle.value(1));
    }
    UsageLogFilter deep;
    deep.before = cursor;
    const QString keyset = QStringLiteral(
        " WHERE \"timestamp\" <= :bt0 AND (\"timestamp\" < :bt1 OR (\"timestamp\" = :bt2 AND "
        "id < :bid))");
    const QVariantMap keysetValues{{QStringLiteral(":bt0"), wallClock(cursor.first)},
                                   {QStringLiteral(":bt1"), wallClock(cursor.first)},
                                   {QStringLiteral(":bt2"), wallClock(cursor.first)},
                                   {QStringLiteral(":bid"), cursor.second}};
    const auto [deepPage, deepFloor] = test::pairedMedianMilliseconds(
        21,
        [&] {
            const auto page = logs.list(deep, {0, kPage, false});
            rows = page ? int(page->items.size()) : -1;
        },
        [&] { bareRows = barePage(db, keyset, keysetValues); });
    check(rows == kPage && bareRows == kPage, "deep page differs");
    test::printBench(QStringLiteral("usagelog_hubdb_keyset_middle_page_1m_ms"),
                     deepPage,
                     deepFloor,
                     QStringLiteral("1.5"));
    const auto [deepAgain, firstAgain] = test::pairedMedianMilliseconds(
        21,
        [&] {
            (void)logs.list(deep, {0, kPage, false});
        },
        [&] {
            (void)logs.list({}, {0, kPage, false});
        });
    test::printBench(QStringLiteral("usagelog_hubdb_keyset_middle_vs_first_page_1m_ms"),
                     deepAgain,
                     firstAgain,
                     QStringLiteral("1.5"));

    // The plans: MCPHub's btree indexes on timestamp and server must carry these.
    printPlan(db,
              QStringLiteral("first page"),
              kSelect + QStringLiteral(" ORDER BY \"timestamp\" DESC, id DESC LIMIT 200 OFFSET 0"));
    printPlan(db,
              QStringLiteral("server + time range"),
              kSelect
                  + QStringLiteral(" WHERE server = 'server7' AND \"timestamp\" >= '%1' AND "
                                   "\"timestamp\" < '%2' ORDER BY \"timestamp\" DESC, id DESC "
                                   "LIMIT 200 OFFSET 0")
                        .arg(wallClock(filter.from), wallClock(filter.to)));
    printPlan(db,
              QStringLiteral("count, server + time range"),
              QStringLiteral("SELECT count(*) FROM activities WHERE server = 'server7' AND "
                             "\"timestamp\" >= '%1' AND \"timestamp\" < '%2'")
                  .arg(wallClock(filter.from), wallClock(filter.to)));
    printPlan(db,
              QStringLiteral("keyset page"),
              kSelect
                  + QStringLiteral(" WHERE \"timestamp\" <= '%1' AND (\"timestamp\" < '%1' OR "
                                   "(\"timestamp\" = '%1' AND id < "
                                   "'%2')) ORDER BY \"timestamp\" DESC, id DESC LIMIT 200 OFFSET 0")
                        .arg(wallClock(cursor.first), cursor.second.toString()));
    std::fflush(stdout);
    return status;
}
