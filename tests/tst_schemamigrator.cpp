// Schema migrations on SQLite and the real PostgreSQL: the shipped schema, drift (tolerant of
// line endings), a newer database opened read-only, a failing script rolled back, and two
// real processes racing to migrate the same database.

#include "storage/db/schemamigrator.h"
#include "storage/db/userrepository.h"
#include "storage/db/workspace.h"
#include "tests/support/testbackend.h"
#include "tests/support/testenv.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mcphub;

namespace {

const QString kConnection = QStringLiteral("tst_schemamigrator");

void writeScript(const QString &root,
                 const QString &dialect,
                 const QString &file,
                 const QByteArray &sql)
{
    QDir().mkpath(root + QLatin1Char('/') + dialect);
    QFile out(root + QLatin1Char('/') + dialect + QLatin1Char('/') + file);
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(sql);
}

// The same scripts for both dialects: plain SQL that both accept.
void writeBothDialects(const QString &root, const QString &file, const QByteArray &sql)
{
    writeScript(root, QStringLiteral("sqlite"), file, sql);
    writeScript(root, QStringLiteral("postgres"), file, sql);
}

qint64 scalar(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(kConnection));
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

bool tableExists(const QString &table)
{
    QSqlQuery query(QSqlDatabase::database(kConnection));
    return query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table));
}

QString errorText(const Error &e)
{
    return e.toString();
}

} // namespace

class TestSchemaMigrator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { closeSqlConnection(kConnection); }

    void splitsStatements();
    void checksumIgnoresLineEndings();

    void shippedSchemaApplies_data() { MCPHUB_BACKEND_ROWS(); }
    void shippedSchemaApplies();
    void driftIsRefused_data() { MCPHUB_BACKEND_ROWS(); }
    void driftIsRefused();
    void newerDatabaseOpensReadOnly_data() { MCPHUB_BACKEND_ROWS(); }
    void newerDatabaseOpensReadOnly();
    void failingScriptRollsBack_data() { MCPHUB_BACKEND_ROWS(); }
    void failingScriptRollsBack();
    void twoProcessesMigrateOnce_data() { MCPHUB_BACKEND_ROWS(); }
    void twoProcessesMigrateOnce();
};

void TestSchemaMigrator::splitsStatements()
{
    const QStringList parts = SchemaMigrator::splitStatements(
        QStringLiteral("-- a comment; with a semicolon\nCREATE TABLE a (x TEXT DEFAULT 'a;b''c');\n"
                       "/* block; */ INSERT INTO a VALUES ('--not a comment');\n\n  ;\nSELECT 1"));
    QCOMPARE(parts.size(), 3);
    QVERIFY(parts.at(0).startsWith(QLatin1String("CREATE TABLE a")));
    QVERIFY(parts.at(0).endsWith(QLatin1String("'a;b''c')")));
    QVERIFY(parts.at(1).contains(QLatin1String("'--not a comment'")));
    QCOMPARE(parts.at(2), QStringLiteral("SELECT 1"));
}

void TestSchemaMigrator::checksumIgnoresLineEndings()
{
    QCOMPARE(SchemaMigrator::checksumOf("CREATE TABLE a (x INTEGER);\r\nSELECT 1;\r\n"),
             SchemaMigrator::checksumOf("CREATE TABLE a (x INTEGER);\nSELECT 1;\n"));
    QVERIFY(SchemaMigrator::checksumOf("CREATE TABLE a (x INTEGER);")
            != SchemaMigrator::checksumOf("CREATE TABLE a (y INTEGER);"));
    QCOMPARE(SchemaMigrator::checksumOf("x").size(), 64);
}

void TestSchemaMigrator::shippedSchemaApplies()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(
        backend.profile(), kConnection, Workspace::Mode::Migrate, QStringLiteral("tester"));
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : errorText(ws.error())));
    QVERIFY(!ws->readOnly());
    QVERIFY(ws->warnings().isEmpty());
    const auto scripts = SchemaMigrator(kConnection).scripts();
    QVERIFY(scripts.ok());
    QVERIFY(!scripts->isEmpty());
    QCOMPARE(ws->appliedNow().size(), scripts->size());
    QVERIFY(ws->schema().upToDate());
    QCOMPARE(ws->schema().databaseVersion, scripts->last().version);
    for (const AppliedMigration &m : ws->schema().applied) {
        QCOMPARE(m.appliedBy, QStringLiteral("tester"));
        QCOMPARE(m.checksum.size(), 64);
        QVERIFY(m.appliedAt.isValid());
        QVERIFY(m.executionMs >= 0);
    }
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
                              "mcp_usage_logs",
                              "access_logs",
                              "hubs",
                              "hub_samples",
                              "hub_server_status",
                              "hub_settings",
                              "hub_events"})
        QVERIFY2(tableExists(QLatin1String(table)), table);
    QVERIFY(!tableExists(QStringLiteral("no_such_table")));

    // Opening again applies nothing and records nothing.
    ws->close();
    auto again = Workspace::open(backend.profile(), kConnection);
    QVERIFY(again.ok());
    QVERIFY(again->appliedNow().isEmpty());
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM schema_migrations")),
             qint64(scripts->size()));
}

void TestSchemaMigrator::driftIsRefused()
{
    MCPHUB_BACKEND(backend);
    QTemporaryDir scripts;
    writeBothDialects(
        scripts.path(), QStringLiteral("0001_first.sql"), "CREATE TABLE drift_a (x INTEGER);\n");
    writeBothDialects(
        scripts.path(), QStringLiteral("0002_second.sql"), "CREATE TABLE drift_b (x INTEGER);\n");
    auto db = openSqlConnection(backend.profile().toSpec(), kConnection);
    QVERIFY(db.ok());
    const SchemaMigrator migrator(kConnection, scripts.path());
    QCOMPARE(migrator.applyPending(QStringLiteral("t"))->size(), 2);

    // Line endings changed (a Windows checkout): no drift.
    writeBothDialects(
        scripts.path(), QStringLiteral("0001_first.sql"), "CREATE TABLE drift_a (x INTEGER);\r\n");
    auto status = migrator.status();
    QVERIFY(status.ok());
    QVERIFY(status->drifted.isEmpty());

    // The text changed: drift, reported by status and refused by applyPending.
    writeBothDialects(scripts.path(),
                      QStringLiteral("0001_first.sql"),
                      "CREATE TABLE drift_a (x INTEGER, y INTEGER);\n");
    writeBothDialects(
        scripts.path(), QStringLiteral("0003_third.sql"), "CREATE TABLE drift_c (x INTEGER);\n");
    status = migrator.status();
    QVERIFY(status.ok());
    QCOMPARE(status->drifted, QList<int>{1});
    QCOMPARE(status->pending.size(), 1);
    const auto applied = migrator.applyPending(QStringLiteral("t"));
    QVERIFY(!applied.ok());
    QCOMPARE(applied.error().code, Error::Code::Drift);
    QVERIFY2(applied.error().message.contains(QLatin1String("1")),
             qPrintable(applied.error().message));
    QVERIFY(!tableExists(QStringLiteral("drift_c")));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM schema_migrations")), 2);
}

void TestSchemaMigrator::newerDatabaseOpensReadOnly()
{
    MCPHUB_BACKEND(backend);
    {
        auto ws = Workspace::open(backend.profile(), kConnection);
        QVERIFY(ws.ok());
        // What a newer console leaves behind: a version this one does not know.
        QSqlQuery query(ws->database());
        QVERIFY(query.exec(QStringLiteral(
            "INSERT INTO schema_migrations (version, description, checksum, applied_at, "
            "execution_ms, applied_by) VALUES (9999, 'from the future', 'x', "
            "CURRENT_TIMESTAMP, 1, 'newer console')")));
        ws->close();
    }
    const QByteArray before = backend.isPostgres() ? QByteArray() : [&] {
        QFile f(backend.profile().sqlitePath);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : errorText(ws.error())));
    QVERIFY(ws->readOnly());
    QCOMPARE(ws->warnings().size(), 1);
    QVERIFY(ws->warnings().first().contains(QLatin1String("9999")));
    QVERIFY(ws->schema().newerThanConsole());

    UserRepository users(ws->context(QStringLiteral("alice")));
    UserRecord user;
    user.username = QStringLiteral("bob");
    user.password = QStringLiteral("$2b$10$hash");
    const auto created = users.create(user);
    QVERIFY(!created.ok());
    QCOMPARE(created.error().code, Error::Code::ReadOnly);
    QVERIFY(created.error().where.contains(backend.profile().displayName()));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM users")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM access_logs")), 0);

    const auto refused = SchemaMigrator(kConnection).applyPending(QStringLiteral("t"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::ReadOnly);
    ws->close();
    if (!backend.isPostgres()) {
        QFile f(backend.profile().sqlitePath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }
}

void TestSchemaMigrator::failingScriptRollsBack()
{
    MCPHUB_BACKEND(backend);
    QTemporaryDir scripts;
    writeBothDialects(
        scripts.path(), QStringLiteral("0001_good.sql"), "CREATE TABLE good (x INTEGER);\n");
    writeBothDialects(scripts.path(),
                      QStringLiteral("0002_bad.sql"),
                      "CREATE TABLE half (x INTEGER);\nINSERT INTO half VALUES (1);\n"
                      "INSERT INTO no_such_table VALUES (1);\n");
    auto db = openSqlConnection(backend.profile().toSpec(), kConnection);
    QVERIFY(db.ok());
    const auto applied
        = SchemaMigrator(kConnection, scripts.path()).applyPending(QStringLiteral("t"));
    QVERIFY(!applied.ok());
    QCOMPARE(applied.error().code, Error::Code::Database);
    QVERIFY2(applied.error().where.contains(QLatin1String("0002_bad.sql (statement 3)")),
             qPrintable(applied.error().toString()));
    QVERIFY(tableExists(QStringLiteral("good")));
    QVERIFY(!tableExists(QStringLiteral("half")));
    QCOMPARE(scalar(QStringLiteral("SELECT max(version) FROM schema_migrations")), 1);
}

void TestSchemaMigrator::twoProcessesMigrateOnce()
{
    MCPHUB_BACKEND(backend);
    QTemporaryDir scripts;
    // A slow first script widens the window in which the two processes overlap.
    writeBothDialects(scripts.path(),
                      QStringLiteral("0001_slow.sql"),
                      "CREATE TABLE race_a (n INTEGER NOT NULL);\n"
                      "INSERT INTO race_a (n) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
                      "SELECT x + 1 FROM c WHERE x < 100000) SELECT x FROM c;\n");
    writeBothDialects(
        scripts.path(), QStringLiteral("0002_b.sql"), "CREATE TABLE race_b (n INTEGER);\n");
    writeBothDialects(
        scripts.path(), QStringLiteral("0003_c.sql"), "CREATE TABLE race_c (n INTEGER);\n");
    const QString go = backend.tempPath(QStringLiteral("go"));
    const QString target = backend.cliArgument();

    QProcess first, second;
    for (QProcess *p : {&first, &second}) {
        p->start(test::testBinDir() + QStringLiteral("/migraterace"),
                 {target, QStringLiteral("--scripts"), scripts.path(), QStringLiteral("--go"), go});
        QVERIFY(p->waitForStarted(10000));
    }
    QTest::qWait(300); // both connected and polling
    QFile(go).open(QIODevice::WriteOnly);
    int appliedTotal = 0;
    for (QProcess *p : {&first, &second}) {
        QVERIFY(p->waitForFinished(60000));
        const QString out = QString::fromUtf8(p->readAllStandardOutput()).trimmed();
        const QString err = QString::fromUtf8(p->readAllStandardError());
        QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0,
                 qPrintable(out + QLatin1Char(' ') + err));
        QVERIFY2(out.startsWith(QLatin1String("applied ")), qPrintable(out));
        appliedTotal += out.mid(8).toInt();
    }
    QCOMPARE(appliedTotal, 3);
    auto db = openSqlConnection(backend.profile().toSpec(), kConnection);
    QVERIFY(db.ok());
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM schema_migrations")), 3);
    QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT version) FROM schema_migrations")), 3);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM race_a")), 100000);
}

QTEST_GUILESS_MAIN(TestSchemaMigrator)
#include "tst_schemamigrator.moc"
