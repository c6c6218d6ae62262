// The usage and audit log views on SQLite and the real PostgreSQL: pages fetched on scroll,
// filters and sorting pushed into SQL, the row count, the detail pane, CSV/JSON export of
// every matching row, and the filter bar driven by keyboard. QAbstractItemModelTester on both.

#include "models/auditlogmodel.h"
#include "models/usagelogmodel.h"
#include "storage/db/useradministration.h"
#include "storage/db/workspace.h"
#include "tests/support/testbackend.h"
#include "tests/support/testenv.h"
#include "ui/logs/logview.h"
#include "ui/logs/usagelogpage.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace mcphub;

namespace {

const QString kConnection = QStringLiteral("tst_logmodels");
constexpr int kRows = 3000;
const QDateTime kStart = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);

bool fill(const RepositoryContext &context)
{
    QList<UsageLogEntry> batch;
    for (int i = 0; i < kRows; ++i) {
        UsageLogEntry e;
        e.timestamp = kStart.addSecs(i * 60);
        e.serverName = QStringLiteral("server%1").arg(i % 3);
        e.toolName = QStringLiteral("tool%1").arg(i % 7);
        e.username = i % 2 ? QStringLiteral("alice") : QStringLiteral("bob");
        e.success = i % 10 != 0;
        e.errorMessage = e.success ? QString() : QStringLiteral("boom %1").arg(i);
        e.durationMs = i % 500;
        e.arguments = QStringLiteral("{\"n\": %1, \"text\": \"a,b \\\"c\\\"\"}").arg(i);
        batch << e;
    }
    return UsageLogRepository(context).append(batch).ok();
}

} // namespace

class TestLogModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { closeSqlConnection(kConnection); }
    void usageLog_data() { MCPHUB_BACKEND_ROWS(); }
    void usageLog();
    void auditLog_data() { MCPHUB_BACKEND_ROWS(); }
    void auditLog();
};

void TestLogModels::usageLog()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    VERIFY_OK(ws);
    QVERIFY(fill(ws->context()));

    {
        // The tester fetches on its own; the counts are checked on a model without it.
        UsageLogModel tested(ws->context());
        QAbstractItemModelTester tester(&tested);
        tested.setPageSize(50);
        VERIFY_OK(tested.refresh());
        for (int i = 0; i < 5 && tested.canFetchMore({}); ++i)
            tested.fetchMore({});
        UsageLogFilter errors;
        errors.success = false;
        tested.setFilter(errors);
        VERIFY_OK(tested.refresh());
        tested.sort(UsageLogModel::ServerColumn, Qt::AscendingOrder);
        QVERIFY(tested.rowCount() > 0);
    }
    UsageLogModel model(ws->context());
    model.setPageSize(100);
    VERIFY_OK(model.refresh());
    QCOMPARE(model.totalCount(), kRows);
    QCOMPARE(model.rowCount(), 100);
    QVERIFY(model.canFetchMore({}));
    // Newest first; keyset pages join without gaps or repeats.
    QCOMPARE(model.entry(0).timestamp, kStart.addSecs((kRows - 1) * 60));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 200);
    for (int row = 1; row < model.rowCount(); ++row)
        QCOMPARE(model.entry(row - 1).timestamp.addSecs(-60), model.entry(row).timestamp);

    // Server + time range, in SQL.
    UsageLogFilter filter;
    filter.serverName = QStringLiteral("server1");
    filter.from = kStart.addSecs(60 * 300);
    filter.to = kStart.addSecs(60 * 600);
    model.setFilter(filter);
    VERIFY_OK(model.refresh());
    QCOMPARE(model.totalCount(), 100);
    QCOMPARE(model.rowCount(), 100);
    QVERIFY(!model.canFetchMore({}));
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.entry(row).serverName, QStringLiteral("server1"));

    // Errors only, free text, sorted by duration ascending (offset pages).
    filter = {};
    filter.success = false;
    filter.text = QStringLiteral("boom 29");
    model.setFilter(filter);
    model.sort(UsageLogModel::DurationColumn, Qt::AscendingOrder);
    QCOMPARE(model.totalCount(), 11); // errors are i % 10 == 0: boom 290 and boom 2900..2990
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.entry(row - 1).durationMs <= model.entry(row).durationMs);
    QVERIFY(model.index(0, 0)
                .data(UsageLogModel::DetailsRole)
                .toString()
                .contains(QStringLiteral("\"n\"")));

    // Export every matching row, not just the loaded ones.
    model.setFilter({});
    model.sort(UsageLogModel::TimeColumn, Qt::DescendingOrder);
    QCOMPARE(model.rowCount(), 100);
    QBuffer csv;
    csv.open(QIODevice::WriteOnly);
    qint64 lastProgress = 0;
    const auto written
        = model.exportTo(&csv, PagedLogModel::ExportFormat::Csv, [&](qint64 done, qint64) {
              lastProgress = done;
              return true;
          });
    VERIFY_OK(written);
    QCOMPARE(*written, kRows);
    QCOMPARE(lastProgress, kRows);
    const QList<QByteArray> lines = csv.data().split('\n');
    QCOMPARE(lines.size(), kRows + 2); // header, rows, the empty tail
    QVERIFY(lines.at(0).startsWith("Time,Server,Tool"));
    QVERIFY2(lines.at(1).contains("\"{\"\"n\"\": 2999"), lines.at(1).constData());
    QBuffer json;
    json.open(QIODevice::WriteOnly);
    VERIFY_OK(model.exportTo(&json, PagedLogModel::ExportFormat::Json));
    const QJsonArray array = QJsonDocument::fromJson(json.data()).array();
    QCOMPARE(array.size(), kRows);
    QCOMPARE(array.first()
                 .toObject()
                 .value(QStringLiteral("arguments"))
                 .toObject()
                 .value(QStringLiteral("n"))
                 .toInt(),
             kRows - 1);

    // The page: scrolling fetches, typing a server filters, the count and details follow.
    UsageLogModel pageModel(ws->context());
    UsageLogPage page(&pageModel);
    page.resize(900, 500);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.applyFilter();
    QTableView *view = page.logView()->view();
    const int before = pageModel.rowCount();
    view->scrollToBottom();
    QTRY_VERIFY(pageModel.rowCount() > before);
    QTest::keyClicks(page.serverFilter(), QStringLiteral("server2"));
    QTRY_COMPARE(pageModel.totalCount(), kRows / 3);
    QVERIFY2(page.logView()->countLabel()->text().contains(QStringLiteral("1000")),
             qPrintable(page.logView()->countLabel()->text()));
    view->setCurrentIndex(pageModel.index(0, 0));
    QVERIFY(page.logView()->detailPane()->toPlainText().contains(QStringLiteral("\"n\"")));
    // The filter boxes match a part of the name, ignoring case.
    page.serverFilter()->clear();
    QTest::keyClicks(page.serverFilter(), QStringLiteral("ERVER1"));
    QTRY_COMPARE(pageModel.totalCount(), kRows / 3);
    page.serverFilter()->clear();
    QTest::keyClicks(page.serverFilter(), QStringLiteral("erver"));
    QTRY_COMPARE(pageModel.totalCount(), kRows);
    page.serverFilter()->clear();
    QTest::keyClicks(page.serverFilter(), QStringLiteral("server2"));
    QTRY_COMPARE(pageModel.totalCount(), kRows / 3);
    // Clicking the Server header sorts in SQL.
    QTest::mouseClick(
        view->horizontalHeader()->viewport(),
        Qt::LeftButton,
        {},
        QPoint(view->horizontalHeader()->sectionViewportPosition(UsageLogModel::ToolColumn) + 5,
               5));
    QCOMPARE(pageModel.filter().sort, UsageLogFilter::Sort::Tool);
    QCOMPARE(pageModel.index(0, UsageLogModel::ServerColumn).data().toString(),
             QStringLiteral("server2"));
    const QString firstTool = pageModel.index(0, UsageLogModel::ToolColumn).data().toString();
    const QString lastTool
        = pageModel.index(pageModel.rowCount() - 1, UsageLogModel::ToolColumn).data().toString();
    QVERIFY2(pageModel.filter().ascending ? firstTool <= lastTool : firstTool >= lastTool,
             qPrintable(firstTool + QLatin1Char(' ') + lastTool));
    QVERIFY(firstTool != lastTool);

    // Export says what it wrote, and a name typed without an extension gets the chosen one.
    QCOMPARE(
        LogView::withFormatExtension(QStringLiteral("/x/log"), QStringLiteral("JSON (*.json)")),
        QStringLiteral("/x/log.json"));
    QCOMPARE(LogView::withFormatExtension(QStringLiteral("/x/log"), QStringLiteral("CSV (*.csv)")),
             QStringLiteral("/x/log.csv"));
    QCOMPARE(
        LogView::withFormatExtension(QStringLiteral("/x/log.json"), QStringLiteral("CSV (*.csv)")),
        QStringLiteral("/x/log.json"));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("server2.csv"));
    QVERIFY(page.logView()->exportTo(file));
    QVERIFY2(page.logView()->exportedLabel()->isVisible()
                 && page.logView()->exportedLabel()->text().contains(QLatin1String("1000"))
                 && page.logView()->exportedLabel()->text().contains(file),
             qPrintable(page.logView()->exportedLabel()->text()));
}

void TestLogModels::auditLog()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    VERIFY_OK(ws);
    UserAdministration users(ws->context());
    for (int i = 0; i < 30; ++i)
        VERIFY_OK(users.add(
            QStringLiteral("user%1").arg(i),
            QStringLiteral("$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa."),
            i == 0));
    {
        AuditLogModel tested(ws->context());
        QAbstractItemModelTester tester(&tested);
        tested.setPageSize(7);
        VERIFY_OK(tested.refresh());
        while (tested.canFetchMore({}))
            tested.fetchMore({});
        QCOMPARE(tested.rowCount(), 30);
    }
    AuditLogModel model(ws->context());
    model.setPageSize(10);
    VERIFY_OK(model.refresh());
    QCOMPARE(model.totalCount(), 30);
    QCOMPARE(model.rowCount(), 10);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 30);
    QCOMPARE(model.index(0, AuditLogModel::ResourceColumn).data().toString(),
             QStringLiteral("users/user29"));
    QVERIFY(model.index(0, 0)
                .data(AuditLogModel::DetailsRole)
                .toString()
                .contains(QStringLiteral("user29")));
    AuditFilter filter;
    filter.resourcePrefix = QStringLiteral("users/user1");
    model.setFilter(filter);
    VERIFY_OK(model.refresh());
    QCOMPARE(model.totalCount(), 11); // user1, user10..user19

    // The console's user filter matches a part of the name, ignoring case.
    const QString actor = ws->context().actor;
    QVERIFY(actor.size() >= 2);
    AuditFilter byActor;
    byActor.username = actor.mid(1).toUpper();
    model.setFilter(byActor);
    VERIFY_OK(model.refresh());
    QCOMPARE(model.totalCount(), actor.mid(1).toUpper() == actor ? 30 : 0); // exact by default
    byActor.partialUser = true;
    model.setFilter(byActor);
    VERIFY_OK(model.refresh());
    QCOMPARE(model.totalCount(), 30);
}

QTEST_MAIN(TestLogModels)
#include "tst_logmodels.moc"
