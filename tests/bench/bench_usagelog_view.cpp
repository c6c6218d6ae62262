// The Usage log view over 1,000,000 rows in SQLite: the first page (count + first 200 rows,
// newest first) and a server + time-range filter, each through UsageLogModel::refresh()
// against the same SQL run bare through QSqlQuery in the same process; then the resident
// memory of the main window with the usage page open and showing rows, against the empty
// window.

#include "models/usagelogmodel.h"
#include "storage/db/sqldialect.h"
#include "storage/db/workspace.h"
#include "tests/support/benchreport.h"
#include "ui/logs/logview.h"
#include "ui/logs/usagelogpage.h"
#include "ui/main/areapage.h"
#include "ui/main/mainwindow.h"

#include <QApplication>
#include <QFile>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>

#include <cstdio>
#include <unistd.h>

using namespace mcphub;

namespace {

constexpr int kRows = 1000000;
constexpr int kPage = 200;

double residentMegabytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.value(1).toDouble() * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

// The bare floor: the same two statements the model runs, every column read.
int bareQuery(const QSqlDatabase &db, const QString &where, const QVariantMap &values)
{
    QSqlQuery count(db);
    count.prepare(QStringLiteral("SELECT count(*) FROM mcp_usage_logs") + where);
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        count.bindValue(it.key(), it.value());
    if (!count.exec() || !count.next())
        return -1;
    QSqlQuery page(db);
    page.setForwardOnly(true);
    page.prepare(QStringLiteral("SELECT * FROM mcp_usage_logs") + where
                 + QStringLiteral(" ORDER BY timestamp DESC, id DESC LIMIT :limit OFFSET 0"));
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        page.bindValue(it.key(), it.value());
    page.bindValue(QStringLiteral(":limit"), kPage);
    if (!page.exec())
        return -1;
    int n = 0;
    while (page.next()) {
        UsageLogEntry e;
        e.id = page.value(0).toLongLong();
        e.timestamp = QDateTime::fromString(page.value(1).toString(), Qt::ISODateWithMs);
        e.username = page.value(2).toString();
        e.serverName = page.value(3).toString();
        e.toolName = page.value(4).toString();
        e.success = page.value(5).toBool();
        e.arguments = page.value(6).toString();
        e.errorMessage = page.value(7).toString();
        e.durationMs = page.value(8).toLongLong();
        e.ip = page.value(9).toString();
        e.userAgent = page.value(10).toString();
        e.sessionId = page.value(11).toString();
        ++n;
    }
    return n;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir dir;
    const auto ws
        = Workspace::open(ConnectionProfile::sqliteFile(dir.filePath(QStringLiteral("u.db"))),
                          QStringLiteral("bench"));
    if (!ws) {
        std::fprintf(stderr, "%s\n", qPrintable(ws.error().toString()));
        return 2;
    }
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-60);
    {
        UsageLogRepository logs(ws->context());
        QList<UsageLogEntry> batch;
        batch.reserve(50000);
        for (int i = 0; i < kRows; ++i) {
            UsageLogEntry e;
            e.timestamp = start.addMSecs(qint64(i) * 5000);
            e.serverName = QStringLiteral("server%1").arg(i % 20);
            e.toolName = QStringLiteral("tool%1").arg(i % 50);
            e.username = QStringLiteral("user%1").arg(i % 10);
            e.success = i % 17 != 0;
            e.durationMs = i % 3000;
            e.arguments = QStringLiteral("{\"q\": \"search %1\"}").arg(i);
            batch << e;
            if (batch.size() == 50000) {
                if (!logs.append(batch)) {
                    std::fprintf(stderr, "cannot fill the usage log\n");
                    return 2;
                }
                batch.clear();
            }
        }
    }
    const QSqlDatabase db = ws->database();
    const SqlDialect dialect = SqlDialect::forDatabase(db);

    MainWindow window;
    window.show();
    QApplication::processEvents();
    const double emptyWindowMb = residentMegabytes();

    // First page, newest first.
    UsageLogModel model(ws->context());
    model.setPageSize(kPage);
    int modelRows = 0;
    const double first = test::medianMilliseconds(7, [&] {
        (void)model.refresh();
        modelRows = model.rowCount();
    });
    int bareRows = 0;
    const double firstFloor
        = test::medianMilliseconds(7, [&] { bareRows = bareQuery(db, {}, {}); });
    if (modelRows != kPage || bareRows != kPage || model.totalCount() != kRows) {
        std::fprintf(stderr, "first page differs: %d %d\n", modelRows, bareRows);
        return 2;
    }
    test::printBench(QStringLiteral("usagelog_view_first_page_1m_ms"),
                     first,
                     firstFloor,
                     QStringLiteral("ratio<=1.5"));

    // Server + a 7-day time range.
    UsageLogFilter filter;
    filter.serverName = QStringLiteral("server7");
    filter.from = start.addDays(20);
    filter.to = start.addDays(27);
    model.setFilter(filter);
    const double filtered = test::medianMilliseconds(7, [&] {
        (void)model.refresh();
        modelRows = model.rowCount();
    });
    const QVariantMap values{{QStringLiteral(":server"), filter.serverName},
                             {QStringLiteral(":from"), dialect.timestampValue(filter.from)},
                             {QStringLiteral(":to"), dialect.timestampValue(filter.to)}};
    const QString where
        = QStringLiteral(" WHERE server_name = :server AND timestamp >= :from AND timestamp < :to");
    const double filteredFloor
        = test::medianMilliseconds(7, [&] { bareRows = bareQuery(db, where, values); });
    if (modelRows != bareRows || modelRows == 0) {
        std::fprintf(stderr, "filtered page differs: %d %d\n", modelRows, bareRows);
        return 2;
    }
    test::printBench(QStringLiteral("usagelog_view_server_timerange_1m_ms"),
                     filtered,
                     filteredFloor,
                     QStringLiteral("ratio<=1.5"));

    // Memory: the usage page open in the window, rows painted, against the empty window.
    auto *viewModel = new UsageLogModel(ws->context(), &window);
    auto *page = new UsageLogPage(viewModel);
    window.page(WorkspaceAreaModel::Area::UsageLog)->setContent(page);
    window.showArea(WorkspaceAreaModel::Area::UsageLog);
    page->applyFilter();
    page->logView()->view()->scrollToBottom(); // one more page fetched
    for (int i = 0; i < 10; ++i)
        QApplication::processEvents();
    (void)window.grab();
    const double openMb = residentMegabytes();
    test::printBench(QStringLiteral("usagelog_view_open_rss_mb"),
                     openMb,
                     emptyWindowMb,
                     QStringLiteral("value-floor<30MB (delta=%1MB, rows=%2)")
                         .arg(openMb - emptyWindowMb, 0, 'f', 1)
                         .arg(viewModel->rowCount()));
    return 0;
}
