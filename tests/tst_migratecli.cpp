// mcphub-adminctl migrate/export/history/diff/rollback as real processes on SQLite and the
// real PostgreSQL, and fault injection: the process is killed with SIGKILL at each step
// boundary (seen on its progress output) and at random moments; afterwards the database is
// either unchanged or completely migrated, the source file is byte-identical, and a rerun
// succeeds and exports the same file.

#include "storage/db/workspace.h"
#include "storage/migration/migrationhistory.h"
#include "storage/migration/settingsmapper.h"
#include "storage/sqlconnection.h"
#include "tests/support/testbackend.h"
#include "tests/support/testenv.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace mcphub;

namespace {

const QString kConnection = QStringLiteral("tst_migratecli");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run adminctl(const QStringList &args)
{
    QProcess process;
    process.start(test::binDir() + QStringLiteral("/mcphub-adminctl"), args);
    Run result;
    if (!process.waitForStarted(10000))
        return result;
    process.closeWriteChannel();
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
        return result;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

OrderedJson parse(const QByteArray &text)
{
    return OrderedJson::parse(text.constData(), text.constData() + text.size(), nullptr, false);
}

// The full fixture grown by `extra` servers and users, so that an import takes long enough
// to be killed in the middle.
QByteArray bigSettings(int extra)
{
    OrderedJson doc
        = parse(test::readFile(test::fixturesDir() + QStringLiteral("/migration/full.json")));
    for (int i = 0; i < extra; ++i) {
        const std::string n = std::to_string(i);
        doc["mcpServers"]["srv-" + n]
            = {{"command", "node"}, {"args", {"server.mjs", n}}, {"env", {{"N", n}}}};
        doc["users"].push_back({{"username", "user-" + n},
                                {"password", "$2b$10$" + std::string(53 - n.size(), 'a') + n}});
    }
    return SettingsMapper::serialize(doc);
}

// Runs the command once (QVERIFY2 evaluates its message too).
#define VERIFY_RUN(run, code)                                                                      \
    do {                                                                                           \
        const Run r_ = (run);                                                                      \
        QVERIFY2(r_.exitCode == (code), qPrintable(r_.out + r_.err));                              \
    } while (false)

} // namespace

class TestMigrateCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { closeSqlConnection(kConnection); }

    void commandsEndToEnd_data() { MCPHUB_BACKEND_ROWS(); }
    void commandsEndToEnd();
    void fullDiskWhileWritingBackupOrRejects_data() { MCPHUB_BACKEND_ROWS(); }
    void fullDiskWhileWritingBackupOrRejects();
    void sigkillLeavesNothingHalf_data() { MCPHUB_BACKEND_ROWS(); }
    void sigkillLeavesNothingHalf();

private:
    // "empty", "complete" (export JSON-equal to `source`, one completed run) or what is wrong.
    QString state(const test::TestBackend &backend, const OrderedJson &source);
};

QString TestMigrateCli::state(const test::TestBackend &backend, const OrderedJson &source)
{
    auto ws = Workspace::open(backend.profile(), kConnection);
    if (!ws)
        return ws.error().toString();
    QString result;
    QSqlQuery q(ws->database());
    qint64 rows = 0;
    for (const char *table : {"users",
                              "mcp_servers",
                              "groups",
                              "bearer_keys",
                              "system_config",
                              "user_configs",
                              "oauth_clients",
                              "oauth_tokens",
                              "prompts",
                              "resources",
                              "settings_document"}) {
        if (q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) && q.next())
            rows += q.value(0).toLongLong();
    }
    const auto runs = MigrationHistory(ws->context()).list();
    qsizetype completed = 0;
    for (const MigrationRun &run : *runs)
        completed += run.status == QLatin1String("completed") ? 1 : 0;
    if (rows == 0 && completed == 0) {
        result = QStringLiteral("empty");
    } else {
        const auto exported = SettingsMapper::exportDocument(ws->context());
        result = exported && exported->document == source && completed == 1
                     ? QStringLiteral("complete")
                     : QStringLiteral("HALF: %1 rows, %2 completed runs").arg(rows).arg(completed);
    }
    ws->close();
    closeSqlConnection(kConnection);
    return result;
}

void TestMigrateCli::commandsEndToEnd()
{
    MCPHUB_BACKEND(backend);
    const QString target = backend.cliArgument();
    const QString source = backend.tempPath(QStringLiteral("mcp_settings.json"));
    const QByteArray bytes
        = test::readFile(test::fixturesDir() + QStringLiteral("/migration/full.json"));
    QVERIFY(test::writeFile(source, bytes));

    const Run help = adminctl({QStringLiteral("migrate"), QStringLiteral("--help")});
    VERIFY_RUN(help, 0);
    QVERIFY(help.out.contains(QLatin1String("Exit codes")));

    // No terminal and no --yes: refused before anything is opened.
    VERIFY_RUN(adminctl({QStringLiteral("migrate"), source, target}), 2);
    const Run dry
        = adminctl({QStringLiteral("migrate"), source, target, QStringLiteral("--dry-run")});
    VERIFY_RUN(dry, 0);
    QVERIFY(dry.err.contains(QLatin1String("Importing")));
    const Run emptyHistory = adminctl({QStringLiteral("history"), target});
    VERIFY_RUN(emptyHistory, 0);
    QVERIFY(emptyHistory.out.trimmed().isEmpty());

    const QString report = backend.tempPath(QStringLiteral("report.json"));
    const Run migrated = adminctl({QStringLiteral("migrate"),
                                   source,
                                   target,
                                   QStringLiteral("--yes"),
                                   QStringLiteral("--report"),
                                   report});
    VERIFY_RUN(migrated, 0);
    QVERIFY(parse(test::readFile(report))["status"] == "completed");
    QCOMPARE(test::readFile(source), bytes);

    const QString exported = backend.tempPath(QStringLiteral("exported.json"));
    VERIFY_RUN(adminctl({QStringLiteral("export"), target, exported}), 0);
    QCOMPARE(test::readFile(exported), bytes);
    VERIFY_RUN(adminctl({QStringLiteral("diff"), source, target}), 0);

    // Drift: a changed field in each of several entity types is found and named.
    OrderedJson changed = parse(bytes);
    changed["users"][1]["isAdmin"] = true;
    changed["groups"][0]["name"] = "renamed";
    changed["bearerKeys"][1]["enabled"] = true;
    changed["systemConfig"]["nameSeparator"] = "_";
    changed["prompts"][0]["template"] = "x";
    changed["mcpServers"].erase("fetch");
    changed["futureTopLevel"]["keep"] = 1;
    const QString drifted = backend.tempPath(QStringLiteral("drifted.json"));
    QVERIFY(test::writeFile(drifted, SettingsMapper::serialize(changed)));
    const Run diff = adminctl({QStringLiteral("diff"), drifted, target});
    VERIFY_RUN(diff, 1);
    for (const char *pointer : {"/users/bob/isAdmin",
                                "/groups/11111111-2222-3333-4444-555555555555/name",
                                "/bearerKeys/k2/enabled",
                                "/systemConfig/nameSeparator",
                                "/prompts/p1/template",
                                "/mcpServers/fetch",
                                "/futureTopLevel/keep"})
        QVERIFY2(diff.out.contains(QLatin1String(pointer)), pointer);

    // Conflicts under the default policy are findings; overwrite then rollback.
    VERIFY_RUN(adminctl({QStringLiteral("migrate"), drifted, target, QStringLiteral("--yes")}), 1);
    VERIFY_RUN(adminctl({QStringLiteral("migrate"),
                         drifted,
                         target,
                         QStringLiteral("--yes"),
                         QStringLiteral("--conflict"),
                         QStringLiteral("overwrite")}),
               0);
    // A migration adds and replaces; it never deletes what the file lacks.
    const Run after = adminctl({QStringLiteral("diff"), drifted, target});
    VERIFY_RUN(after, 1);
    QVERIFY2(after.out.startsWith(QLatin1String("/mcpServers/fetch: ")), qPrintable(after.out));
    QCOMPARE(after.out.count(QLatin1Char('\n')), 2);
    const Run history = adminctl({QStringLiteral("history"), target});
    VERIFY_RUN(history, 0);
    const QString lastRun
        = history.out.section(QLatin1Char('\n'), 0, 0).trimmed().section(QLatin1Char(' '), 0, 0);
    const Run rolledBack
        = adminctl({QStringLiteral("rollback"), lastRun, target, QStringLiteral("--yes")});
    VERIFY_RUN(rolledBack, 0);
    QVERIFY2(rolledBack.out.contains(QStringLiteral("Run 3 rolled back")),
             qPrintable(history.out + rolledBack.out));
    VERIFY_RUN(adminctl({QStringLiteral("diff"), source, target}), 0);
    VERIFY_RUN(adminctl({QStringLiteral("rollback"), lastRun, target, QStringLiteral("--yes")}), 1);
}

void TestMigrateCli::fullDiskWhileWritingBackupOrRejects()
{
    MCPHUB_BACKEND(backend);
    // 300 users whose passwords are no hashes: each becomes a reject line longer than its
    // record, so the reject file outgrows the source.
    OrderedJson doc
        = parse(test::readFile(test::fixturesDir() + QStringLiteral("/migration/full.json")));
    for (int i = 0; i < 300; ++i)
        doc["users"].push_back(
            {{"username", "clear-" + std::to_string(i)}, {"password", "secret"}});
    const QByteArray bytes = SettingsMapper::serialize(doc);
    const QString source = backend.tempPath(QStringLiteral("mcp_settings.json"));
    QVERIFY(test::writeFile(source, bytes));
    QCOMPARE(state(backend, parse(bytes)), QStringLiteral("empty")); // creates the schema

    // The child may write no file beyond `limit` bytes (EFBIG, as on a full disk).
    const auto limited = [&](qint64 limit, const QStringList &extra) {
        QProcess process;
        process.setChildProcessModifier([limit] {
            ::signal(SIGXFSZ, SIG_IGN);
            const rlimit r{rlim_t(limit), rlim_t(limit)};
            ::setrlimit(RLIMIT_FSIZE, &r);
        });
        process.start(test::binDir() + QStringLiteral("/mcphub-adminctl"),
                      QStringList{QStringLiteral("migrate"),
                                  source,
                                  backend.cliArgument(),
                                  QStringLiteral("--yes"),
                                  QStringLiteral("--backup-dir"),
                                  backend.tempPath(QString())}
                          + extra);
        process.waitForFinished(60000);
        return Run{process.exitCode(),
                   QString::fromUtf8(process.readAllStandardOutput()),
                   QString::fromUtf8(process.readAllStandardError())};
    };
    const Run backup = limited(bytes.size() / 2, {});
    QVERIFY2(backup.exitCode == 2 && backup.err.contains(QLatin1String("backup")),
             qPrintable(backup.err));
    const Run rejects = limited(bytes.size() + 1024,
                                {QStringLiteral("--skip-invalid"),
                                 QStringLiteral("--rejects"),
                                 backend.tempPath(QStringLiteral("rejects.jsonl"))});
    QVERIFY2(rejects.exitCode == 2 && rejects.err.contains(QLatin1String("reject")),
             qPrintable(rejects.err));
    QVERIFY(!QFile::exists(backend.tempPath(QStringLiteral("rejects.jsonl"))));
    QCOMPARE(test::readFile(source), bytes);
    // Nothing migrated (failed runs are recorded in the history only).
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY(ws.ok());
    QSqlQuery q(ws->database());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM users")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    ws->close();
}

void TestMigrateCli::sigkillLeavesNothingHalf()
{
    MCPHUB_BACKEND(backend);
    const QString source = backend.tempPath(QStringLiteral("big.json"));
    const QByteArray bytes = bigSettings(backend.isPostgres() ? 400 : 800);
    QVERIFY(test::writeFile(source, bytes));
    const OrderedJson json = parse(bytes);
    const QStringList args = {QStringLiteral("migrate"),
                              source,
                              backend.cliArgument(),
                              QStringLiteral("--yes"),
                              QStringLiteral("--backup-dir"),
                              backend.tempPath(QString())};
    QCOMPARE(state(backend, json), QStringLiteral("empty")); // creates the schema

    // Step boundaries as the progress lines announce them, then random moments.
    QList<QPair<QString, int>> kills;
    for (const char *marker : {"  2%", "  5%", " 10%", " 30%", " 80%", " 97%", " 99%"})
        kills.append({QString::fromLatin1(marker), -1});
    for (int i = 0; i < 4; ++i)
        kills.append({QString(), int(QRandomGenerator::global()->bounded(50, 1500))});

    int completeSeen = 0;
    for (const auto &[marker, delayMs] : kills) {
        QProcess process;
        process.start(test::binDir() + QStringLiteral("/mcphub-adminctl"), args);
        QVERIFY(process.waitForStarted(10000));
        const qint64 pid = process.processId();
        QVERIFY(pid > 0); // never kill(0): that is our own process group
        if (delayMs >= 0) {
            QTest::qWait(delayMs);
        } else {
            QByteArray seen;
            while (!seen.contains(marker.toLatin1()) && process.state() == QProcess::Running) {
                process.waitForReadyRead(100);
                seen += process.readAllStandardError();
            }
        }
        // Unreaped until QProcess sees it, so the id cannot have been reused.
        if (process.state() == QProcess::Running)
            ::kill(pid_t(pid), SIGKILL);
        QVERIFY(process.state() == QProcess::NotRunning || process.waitForFinished(30000));
        const QString s = state(backend, json);
        QVERIFY2(s == QLatin1String("empty") || s == QLatin1String("complete"),
                 qPrintable(marker + QString::number(delayMs) + QStringLiteral(": ") + s));
        QCOMPARE(test::readFile(source), bytes);
        if (s == QLatin1String("complete")) {
            ++completeSeen;
            // Start the next round from an empty database again.
            auto ws = Workspace::open(backend.profile(), kConnection);
            QVERIFY(ws.ok());
            QSqlQuery q(ws->database());
            for (const char *table : {"users",
                                      "mcp_servers",
                                      "groups",
                                      "bearer_keys",
                                      "system_config",
                                      "user_configs",
                                      "oauth_clients",
                                      "oauth_tokens",
                                      "prompts",
                                      "resources",
                                      "settings_document",
                                      "migration_runs"})
                QVERIFY(q.exec(QStringLiteral("DELETE FROM %1").arg(QLatin1String(table))));
            ws->close();
            closeSqlConnection(kConnection);
        }
    }
    qInfo("killed %lld times, %d after the commit", qlonglong(kills.size()), completeSeen);
    // A rerun after the last kill succeeds and leaves the complete migration.
    const Run rerun = adminctl(args);
    VERIFY_RUN(rerun, 0);
    QCOMPARE(state(backend, json), QStringLiteral("complete"));
    QCOMPARE(test::readFile(source), bytes);
}

QTEST_GUILESS_MAIN(TestMigrateCli)
#include "tst_migratecli.moc"
