// Usage and access logs loaded by a migration (--usage-log, --access-log) on SQLite and the
// real PostgreSQL: column-form and MCPHub-activity lines across batch boundaries, every value
// stored as read (count and checksum verified), one audit row per file, a line that is not
// JSON stopping the run with FILE:LINE (nothing written) or, with --skip-invalid, going to the
// reject file; a dry run and a cancel during the load leave no log row; and the CLI options.

#include "storage/db/sqldialect.h"
#include "storage/db/workspace.h"
#include "storage/migration/migrationrollback.h"
#include "storage/migration/migrator.h"
#include "storage/sha256.h"
#include "storage/sqlconnection.h"
#include "tests/support/testbackend.h"
#include "tests/support/testenv.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace mcphub;

namespace {

const QString kConnection = QStringLiteral("tst_logimport");

// The activities of the captured /api/activities pages, one JSON line each.
QByteArray activityLines()
{
    QByteArray lines;
    for (const char *page : {"page1", "page2", "page3"}) {
        const QJsonObject capture
            = QJsonDocument::fromJson(
                  test::readFile(
                      test::fixturesDir()
                      + QStringLiteral("/hub-captures/db-mode/GET_api_activities.%1.json")
                            .arg(QLatin1String(page))))
                  .object();
        const QJsonArray rows = capture.value(QLatin1String("response"))
                                    .toObject()
                                    .value(QLatin1String("body"))
                                    .toObject()
                                    .value(QLatin1String("data"))
                                    .toArray();
        for (const QJsonValue &row : rows)
            lines += QJsonDocument(row.toObject()).toJson(QJsonDocument::Compact) + '\n';
    }
    return lines;
}

// `count` column-form usage rows with NULLs, unicode, JSON arguments as text and as object.
QByteArray columnLines(int count)
{
    QByteArray lines;
    for (int i = 0; i < count; ++i) {
        QJsonObject o{{QStringLiteral("timestamp"),
                       QDateTime::fromMSecsSinceEpoch(1795600000000 + qint64(i) * 1001, Qt::UTC)
                           .toString(Qt::ISODateWithMs)},
                      {QStringLiteral("server_name"), QStringLiteral("srv-%1").arg(i % 7)},
                      {QStringLiteral("tool_name"), QStringLiteral("tool-ü-%1").arg(i % 3)},
                      {QStringLiteral("success"), i % 5 != 0},
                      {QStringLiteral("duration"), i},
                      {QStringLiteral("username"),
                       i % 4 == 0 ? QJsonValue() : QJsonValue(QStringLiteral("user%1").arg(i))}};
        if (i % 2 == 0)
            o.insert(QStringLiteral("arguments"), QJsonObject{{QStringLiteral("n"), i}});
        else
            o.insert(QStringLiteral("arguments"),
                     QStringLiteral("{\n  \"text\": \"x%1\"\n}").arg(i));
        if (i % 5 == 0)
            o.insert(QStringLiteral("error_message"), QStringLiteral("failed \"%1\"").arg(i));
        lines += QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    }
    return lines;
}

QByteArray accessLines(int count)
{
    QByteArray lines;
    for (int i = 0; i < count; ++i) {
        const QJsonObject o{
            {QStringLiteral("timestamp"), QStringLiteral("2026-11-25T19:00:00.123+01:00")},
            {QStringLiteral("username"), QStringLiteral("admin")},
            {QStringLiteral("action"), QStringLiteral("server.update")},
            {QStringLiteral("resource"), QStringLiteral("servers/s%1").arg(i)},
            {QStringLiteral("method"), QStringLiteral("UPDATE")},
            {QStringLiteral("status_code"), 200},
            {QStringLiteral("details"), QJsonObject{{QStringLiteral("i"), i}}}};
        lines += QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    }
    return lines;
}

qint64 scalar(const Workspace &ws, const QString &sql)
{
    QSqlQuery q(ws.database());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestLogImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { closeSqlConnection(kConnection); }

    void importsBothLogsVerified_data() { MCPHUB_BACKEND_ROWS(); }
    void importsBothLogsVerified();
    void invalidLineStopsOrIsRejected_data() { MCPHUB_BACKEND_ROWS(); }
    void invalidLineStopsOrIsRejected();
    void rerunLoadsTheSameLogOnce_data() { MCPHUB_BACKEND_ROWS(); }
    void rerunLoadsTheSameLogOnce();
    void dryRunAndCancelLeaveNoRow_data() { MCPHUB_BACKEND_ROWS(); }
    void dryRunAndCancelLeaveNoRow();
    void verificationCatchesAChangedRow_data() { MCPHUB_BACKEND_ROWS(); }
    void verificationCatchesAChangedRow();
    void cliOptions();
    void sha256MatchesQt();

private:
    MigrationOptions options(const test::TestBackend &backend) const
    {
        MigrationOptions o;
        o.sourcePath = backend.tempPath(QStringLiteral("mcp_settings.json"));
        o.backupDir = backend.tempPath(QString());
        o.usageLogPath = backend.tempPath(QStringLiteral("usage.jsonl"));
        return o;
    }
    bool prepare(const test::TestBackend &backend, const QByteArray &usage)
    {
        return test::writeFile(
                   backend.tempPath(QStringLiteral("mcp_settings.json")),
                   test::readFile(test::fixturesDir() + QStringLiteral("/migration/full.json")))
               && test::writeFile(backend.tempPath(QStringLiteral("usage.jsonl")), usage);
    }
};

void TestLogImport::importsBothLogsVerified()
{
    MCPHUB_BACKEND(backend);
    const QByteArray activities = activityLines();
    QVERIFY(activities.count('\n') >= 10);
    // 1,203 column rows: two full batches and a partial one, then the activities.
    QVERIFY(prepare(backend, columnLines(1203) + "\n" + activities));
    QVERIFY(test::writeFile(backend.tempPath(QStringLiteral("access.jsonl")), accessLines(7)));
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().toString()));

    MigrationOptions o = options(backend);
    o.accessLogPath = backend.tempPath(QStringLiteral("access.jsonl"));
    const MigrationReport report = Migrator(ws->context(QStringLiteral("tester")), o).run();
    QVERIFY2(report.ok(), qPrintable(report.error ? report.error->toString() : QString()));
    const int usageRows = 1203 + int(activities.count('\n'));
    QCOMPARE(report.countsFor(QStringLiteral("usageLog")).total, usageRows);
    QCOMPARE(report.countsFor(QStringLiteral("usageLog")).created, usageRows);
    QCOMPARE(report.countsFor(QStringLiteral("accessLog")).created, 7);
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM mcp_usage_logs")), usageRows);
    QCOMPARE(
        scalar(*ws, QStringLiteral("SELECT count(*) FROM access_logs WHERE method = 'UPDATE'")), 7);
    QCOMPARE(scalar(*ws,
                    QStringLiteral(
                        "SELECT count(*) FROM access_logs WHERE action = 'migration.log-import'")),
             2);

    // Values as read: an activity (renamed fields, pretty-printed input, UTC milliseconds).
    QSqlQuery q(ws->database());
    QVERIFY(q.exec(QStringLiteral(
        "SELECT server_name, tool_name, success, arguments, username, ip, duration, timestamp "
        "FROM mcp_usage_logs WHERE hub_activity_id = 'dbddf728-c361-46b6-8733-c020df97b1a8'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("echo-local"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("echo"));
    QVERIFY(q.value(2).toBool());
    QCOMPARE(q.value(3).toString(), QStringLiteral("{\n  \"text\": \"group route\"\n}"));
    QCOMPARE(q.value(4).toString(), QStringLiteral("system"));
    QCOMPARE(q.value(5).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(q.value(6).toInt(), 2);
    QCOMPARE(SqlDialect::forDatabase(ws->database()).timestampFromValue(q.value(7)),
             QDateTime::fromString(QStringLiteral("2026-11-25T19:11:56.865Z"), Qt::ISODateWithMs));
    // A column row: NULL username, the object argument as compact JSON text.
    QVERIFY(
        q.exec(QStringLiteral("SELECT username, arguments, error_message, success FROM "
                              "mcp_usage_logs WHERE duration = 40 AND hub_activity_id IS NULL")));
    QVERIFY(q.next());
    QVERIFY(q.value(0).isNull());
    QCOMPARE(q.value(1).toString(), QStringLiteral("{\"n\":40}"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("failed \"40\""));
    QVERIFY(!q.value(3).toBool());
    q.finish();

    // The rollback of the run removes exactly its log rows.
    QVERIFY(q.exec(QStringLiteral("INSERT INTO mcp_usage_logs (timestamp, server_name, tool_name, "
                                  "success) VALUES ('2026-01-01T00:00:00.000Z', 'later', 't', %1)")
                       .arg(backend.isPostgres() ? QStringLiteral("true") : QStringLiteral("1"))));
    const auto rolledBack
        = MigrationRollback(ws->context(QStringLiteral("tester"))).rollback(report.runId);
    QVERIFY2(rolledBack, qPrintable(rolledBack ? QString() : rolledBack.error().toString()));
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM mcp_usage_logs")), 1);
    QCOMPARE(
        scalar(*ws, QStringLiteral("SELECT count(*) FROM access_logs WHERE method = 'UPDATE'")), 0);
}

void TestLogImport::invalidLineStopsOrIsRejected()
{
    MCPHUB_BACKEND(backend);
    QByteArray lines = columnLines(20);
    lines.insert(lines.indexOf('\n', lines.indexOf('\n') + 1) + 1, "{not json\n"); // line 3
    lines += "{\"timestamp\":\"2026-11-25T19:00:00Z\",\"server_name\":\"a\",\"success\":true}\n";
    // Not UTF-8 (a Latin-1 byte), a year past 9999, a U+0000 no database text column holds.
    lines += "{\"timestamp\":\"2026-11-25T19:00:00Z\",\"server_name\":\"caf\xe9\",\"tool_name\":"
             "\"t\",\"success\":true}\n";
    lines += "{\"timestamp\":253402300800000,\"server_name\":\"a\",\"tool_name\":\"t\","
             "\"success\":true}\n";
    lines += "{\"timestamp\":\"2026-11-25T19:00:00Z\",\"server_name\":\"a\\u0000b\",\"tool_name\":"
             "\"t\",\"success\":true}\n";
    QVERIFY(prepare(backend, lines));
    const QByteArray before = test::readFile(backend.tempPath(QStringLiteral("usage.jsonl")));
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY(ws);

    MigrationReport report
        = Migrator(ws->context(QStringLiteral("tester")), options(backend)).run();
    QVERIFY(!report.ok());
    QVERIFY2(report.error->where.contains(QStringLiteral("usage.jsonl:3")),
             qPrintable(report.error->toString()));
    QCOMPARE(report.rejects.size(), 1); // reading stopped at the first invalid line
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM mcp_usage_logs")), 0);
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM users")), 0);

    MigrationOptions o = options(backend);
    o.skipInvalid = true;
    o.rejectsPath = backend.tempPath(QStringLiteral("rejects.jsonl"));
    report = Migrator(ws->context(QStringLiteral("tester")), o).run();
    QVERIFY2(report.ok(), qPrintable(report.error ? report.error->toString() : QString()));
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM mcp_usage_logs")), 20);
    QCOMPARE(report.countsFor(QStringLiteral("usageLog")).rejected, 5);
    const QList<QByteArray> rejects = test::readFile(o.rejectsPath).trimmed().split('\n');
    QCOMPARE(rejects.size(), 5);
    for (int i = 2; i < 5; ++i) {
        const QJsonObject reject = QJsonDocument::fromJson(rejects.at(i)).object();
        QVERIFY2(reject.value(QLatin1String("pointer"))
                     .toString()
                     .endsWith(QStringLiteral("usage.jsonl:%1").arg(21 + i)),
                 rejects.at(i).constData());
    }
    const QJsonObject notJson = QJsonDocument::fromJson(rejects.at(0)).object();
    QVERIFY(notJson.value(QLatin1String("pointer"))
                .toString()
                .endsWith(QLatin1String("usage.jsonl:3")));
    QCOMPARE(notJson.value(QLatin1String("record")).toString(), QStringLiteral("{not json"));
    const QJsonObject missing = QJsonDocument::fromJson(rejects.at(1)).object();
    QVERIFY(missing.value(QLatin1String("reason")).toString().contains(QLatin1String("tool_name")));
    QCOMPARE(test::readFile(backend.tempPath(QStringLiteral("usage.jsonl"))), before);
}

// A rerun with the same log is "identical" and writes nothing; after the first run is rolled
// back the log loads again; a changed log is a new one.
void TestLogImport::rerunLoadsTheSameLogOnce()
{
    MCPHUB_BACKEND(backend);
    QVERIFY(prepare(backend, columnLines(40)));
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY(ws);
    const MigrationReport first
        = Migrator(ws->context(QStringLiteral("tester")), options(backend)).run();
    QVERIFY2(first.ok(), qPrintable(first.error ? first.error->toString() : QString()));
    QCOMPARE(first.countsFor(QStringLiteral("usageLog")).created, 40);

    MigrationReport again = Migrator(ws->context(QStringLiteral("tester")), options(backend)).run();
    QVERIFY2(again.ok(), qPrintable(again.error ? again.error->toString() : QString()));
    QCOMPARE(again.countsFor(QStringLiteral("usageLog")).created, 0);
    QCOMPARE(again.countsFor(QStringLiteral("usageLog")).identical, 40);
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM mcp_usage_logs")), 40);
    QCOMPARE(scalar(*ws,
                    QStringLiteral(
                        "SELECT count(*) FROM access_logs WHERE action = 'migration.log-import'")),
             1);

    QVERIFY(MigrationRollback(ws->context(QStringLiteral("tester"))).rollback(again.runId));
    QVERIFY(MigrationRollback(ws->context(QStringLiteral("tester"))).rollback(first.runId));
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM mcp_usage_logs")), 0);
    again = Migrator(ws->context(QStringLiteral("tester")), options(backend)).run();
    QVERIFY2(again.ok(), qPrintable(again.error ? again.error->toString() : QString()));
    QCOMPARE(again.countsFor(QStringLiteral("usageLog")).created, 40);
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM mcp_usage_logs")), 40);

    QVERIFY(test::writeFile(backend.tempPath(QStringLiteral("usage.jsonl")), columnLines(41)));
    again = Migrator(ws->context(QStringLiteral("tester")), options(backend)).run();
    QVERIFY2(again.ok(), qPrintable(again.error ? again.error->toString() : QString()));
    QCOMPARE(again.countsFor(QStringLiteral("usageLog")).created, 41);
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM mcp_usage_logs")), 81);
}

void TestLogImport::dryRunAndCancelLeaveNoRow()
{
    MCPHUB_BACKEND(backend);
    QVERIFY(prepare(backend, columnLines(1500)));
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY(ws);
    MigrationOptions o = options(backend);
    o.dryRun = true;
    MigrationReport report = Migrator(ws->context(QStringLiteral("tester")), o).run();
    QVERIFY2(report.ok(), qPrintable(report.error ? report.error->toString() : QString()));
    QCOMPARE(report.countsFor(QStringLiteral("usageLog")).created, 1500);
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM mcp_usage_logs")), 0);

    Migrator migrator(ws->context(QStringLiteral("tester")), options(backend));
    int seen = 0;
    migrator.setProgressCallback([&](const MigrationProgress &p) {
        if (p.entity == QLatin1String("usageLog") && p.done > 0)
            ++seen;
        return !(p.entity == QLatin1String("usageLog") && p.done >= 1000);
    });
    report = migrator.run();
    QVERIFY(!report.ok());
    QCOMPARE(report.error->code, Error::Code::Cancelled);
    QCOMPARE(seen, 2);
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM mcp_usage_logs")), 0);
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM users")), 0);
}

// Text with the characters COPY and SQLite treat specially reads back as written (no false
// difference); a database that stores something else than it was given (a trigger rewriting
// one row) fails the checksum, the run is rolled back and names the file.
void TestLogImport::verificationCatchesAChangedRow()
{
    MCPHUB_BACKEND(backend);
    QByteArray lines = columnLines(30);
    lines += QJsonDocument(QJsonObject{{QStringLiteral("timestamp"),
                                        QStringLiteral("2026-11-25T19:00:00.5+05:30")},
                                       {QStringLiteral("server_name"),
                                        QStringLiteral("tab\there\\N back\\slash\r\n\b\f\v end")},
                                       {QStringLiteral("tool_name"), QStringLiteral("\\N")},
                                       {QStringLiteral("success"), true},
                                       {QStringLiteral("error_message"), QString()}})
                 .toJson(QJsonDocument::Compact)
             + '\n';
    QVERIFY(prepare(backend, lines));
    {
        auto ws = Workspace::open(backend.profile(), kConnection);
        QVERIFY(ws);
        MigrationOptions o = options(backend);
        o.dryRun = true;
        const MigrationReport report = Migrator(ws->context(QStringLiteral("tester")), o).run();
        QVERIFY2(report.ok(), qPrintable(report.error ? report.error->toString() : QString()));
        QCOMPARE(report.countsFor(QStringLiteral("usageLog")).created, 31);
    }
    closeSqlConnection(kConnection);
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY(ws);
    QSqlQuery q(ws->database());
    if (backend.isPostgres()) {
        QVERIFY(q.exec(QStringLiteral(
            "CREATE FUNCTION rewrite() RETURNS trigger AS $$ BEGIN IF NEW.duration = 5 THEN "
            "NEW.tool_name := 'changed'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql")));
        QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER rewrite BEFORE INSERT ON mcp_usage_logs FOR "
                                      "EACH ROW EXECUTE FUNCTION rewrite()")));
    } else {
        QVERIFY(q.exec(QStringLiteral(
            "CREATE TRIGGER rewrite AFTER INSERT ON mcp_usage_logs WHEN NEW.duration = 5 BEGIN "
            "UPDATE mcp_usage_logs SET tool_name = 'changed' WHERE id = NEW.id; END")));
    }
    const MigrationReport report
        = Migrator(ws->context(QStringLiteral("tester")), options(backend)).run();
    QVERIFY(!report.ok());
    QCOMPARE(report.error->code, Error::Code::Conflict);
    QCOMPARE(report.differences.size(), 1);
    QVERIFY(report.differences.first().message.contains(QLatin1String("SHA-256")));
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM mcp_usage_logs")), 0);
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM users")), 0);
}

void TestLogImport::cliOptions()
{
    QTemporaryDir dir;
    const QString settings = dir.filePath(QStringLiteral("mcp_settings.json"));
    QVERIFY(test::writeFile(
        settings, test::readFile(test::fixturesDir() + QStringLiteral("/migration/full.json"))));
    QVERIFY(
        test::writeFile(dir.filePath(QStringLiteral("usage.jsonl")), activityLines() + "oops\n"));
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("access.jsonl")), accessLines(3)));
    const QString db = QStringLiteral("--sqlite=") + dir.filePath(QStringLiteral("ws.db"));
    const auto run = [&](const QStringList &extra, QString *err) {
        QProcess p;
        p.start(test::binDir() + QStringLiteral("/mcphub-adminctl"),
                QStringList{QStringLiteral("migrate"),
                            settings,
                            db,
                            QStringLiteral("--yes"),
                            QStringLiteral("--usage-log"),
                            dir.filePath(QStringLiteral("usage.jsonl")),
                            QStringLiteral("--access-log"),
                            dir.filePath(QStringLiteral("access.jsonl"))}
                    + extra);
        p.waitForFinished(60000);
        *err = QString::fromUtf8(p.readAllStandardError());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    };
    QString err;
    QCOMPARE(run({}, &err), 1);
    QVERIFY2(err.contains(QLatin1String("usage.jsonl:")), qPrintable(err));
    QCOMPARE(run({QStringLiteral("--skip-invalid"),
                  QStringLiteral("--rejects"),
                  dir.filePath(QStringLiteral("r.jsonl"))},
                 &err),
             0);
    auto ws = Workspace::open(ConnectionProfile::sqliteFile(dir.filePath(QStringLiteral("ws.db"))),
                              kConnection);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().toString()));
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM mcp_usage_logs")),
             activityLines().count('\n'));
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM access_logs WHERE method='UPDATE'")),
             3);
    ws->close();
}

// The checksums of earlier runs (QCryptographicHash) stay comparable: same digest, in any
// pieces, empty input included.
void TestLogImport::sha256MatchesQt()
{
    QByteArray data(1 << 20, Qt::Uninitialized);
    QRandomGenerator generator(42);
    generator.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
    for (qsizetype size : {qsizetype(0), qsizetype(1), qsizetype(63), qsizetype(64), data.size()}) {
        Sha256 ours;
        for (qsizetype at = 0; at < size; at += 1000)
            ours.addData(QByteArrayView(data).sliced(at, qMin<qsizetype>(1000, size - at)));
        QCOMPARE(ours.result().toHex(),
                 QCryptographicHash::hash(data.left(size), QCryptographicHash::Sha256).toHex());
    }
}

QTEST_GUILESS_MAIN(TestLogImport)
#include "tst_logimport.moc"
