// Migrating a generated settings file and usage log (mcphub-adminctl generate) into SQLite and
// PostgreSQL, against floors measured in the same run on the same rows: the sqlite3 tool
// importing them from CSV in one transaction, and psql \copy in one transaction.
// Scale: MCPHUB_BENCH_MIGRATION_SCALE (default 1: 10,000 servers, 50,000 users, 1,000
// groups, 5,000 keys, 1,000,000 usage rows).

#include "storage/db/workspace.h"
#include "storage/migration/migrator.h"
#include "storage/sqlconnection.h"
#include "tests/support/benchreport.h"
#include "tests/support/pgtestdatabase.h"
#include "tests/support/testenv.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace mcphub;

namespace {

// The tables a settings migration and a usage log fill (not the history or audit rows).
const QStringList kTables = {QStringLiteral("users"),
                             QStringLiteral("mcp_servers"),
                             QStringLiteral("groups"),
                             QStringLiteral("bearer_keys"),
                             QStringLiteral("system_config"),
                             QStringLiteral("settings_document"),
                             QStringLiteral("mcp_usage_logs")};

bool run(const QString &program, const QStringList &args, QString *output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(program), p.readAll().constData());
        return false;
    }
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return true;
}

// Migrates the generated files; returns milliseconds or -1.
double migrate(const ConnectionProfile &profile, const QString &dir, const QString &name)
{
    auto ws = Workspace::open(profile, name);
    if (!ws) {
        std::fprintf(stderr, "%s\n", qPrintable(ws.error().toString()));
        return -1;
    }
    MigrationOptions options;
    options.sourcePath = dir + QStringLiteral("/mcp_settings.json");
    options.usageLogPath = dir + QStringLiteral("/usage.jsonl");
    QElapsedTimer timer;
    timer.start();
    const MigrationReport report = Migrator(ws->context(QStringLiteral("bench")), options).run();
    const double ms = double(timer.elapsed());
    ws->close();
    closeSqlConnection(name);
    if (!report.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(report.error->toString()));
        return -1;
    }
    return ms;
}

// An empty workspace with the schema applied.
bool createEmpty(const ConnectionProfile &profile, const QString &name)
{
    auto ws = Workspace::open(profile, name);
    if (!ws)
        return false;
    ws->close();
    closeSqlConnection(name);
    return true;
}

QString csv(const QString &dir, const QString &table)
{
    return dir + QStringLiteral("/") + table + QStringLiteral(".csv");
}

// sqlite3 cannot tell NULL from '' in a CSV: the export writes NULL as \N, the import
// loads each file into a scratch table and inserts from it with NULLIF, all in one
// transaction.
double sqliteFloor(const QString &migrated, const QString &empty, const QString &dir)
{
    QStringList script{QStringLiteral("BEGIN;")};
    for (const QString &table : kTables) {
        QString header;
        if (!run(QStringLiteral("sqlite3"),
                 {QStringLiteral("-csv"),
                  QStringLiteral("-header"),
                  QStringLiteral("-nullvalue"),
                  QStringLiteral("\\N"),
                  migrated,
                  QStringLiteral(".output ") + csv(dir, table),
                  QStringLiteral("SELECT * FROM ") + table})
            || !run(QStringLiteral("sqlite3"),
                    {migrated,
                     QStringLiteral("SELECT group_concat(name, ',') FROM pragma_table_info('")
                         + table + QStringLiteral("')")},
                    &header))
            return -1;
        QStringList values;
        for (const QString &column : header.trimmed().split(QLatin1Char(',')))
            values << QStringLiteral("NULLIF(\"%1\", '\\N')").arg(column);
        script << QStringLiteral(".import --csv %1 scratch_%2").arg(csv(dir, table), table)
               << QStringLiteral("INSERT INTO %1 SELECT %2 FROM scratch_%1; DROP TABLE scratch_%1;")
                      .arg(table, values.join(QLatin1Char(',')));
    }
    script << QStringLiteral("COMMIT;");
    const QString scriptPath = dir + QStringLiteral("/floor.sql");
    QFile file(scriptPath);
    if (!file.open(QIODevice::WriteOnly)
        || file.write((script.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8()) < 0)
        return -1;
    file.close();
    QElapsedTimer timer;
    timer.start();
    if (!run(QStringLiteral("sqlite3"), {empty, QStringLiteral(".read ") + scriptPath}))
        return -1;
    return double(timer.elapsed());
}

double pgFloor(const QString &migrated, const QString &empty, const QString &dir)
{
    for (const QString &table : kTables)
        if (!run(QStringLiteral("psql"),
                 {migrated,
                  QStringLiteral("-qc"),
                  QStringLiteral("\\copy ") + table + QStringLiteral(" TO '") + csv(dir, table)
                      + QStringLiteral("' CSV")}))
            return -1;
    QStringList args{empty, QStringLiteral("-q"), QStringLiteral("-1")};
    for (const QString &table : kTables)
        args << QStringLiteral("-c")
             << QStringLiteral("\\copy ") + table + QStringLiteral(" FROM '") + csv(dir, table)
                    + QStringLiteral("' CSV");
    QElapsedTimer timer;
    timer.start();
    if (!run(QStringLiteral("psql"), args))
        return -1;
    return double(timer.elapsed());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    bool ok = false;
    double scale = qEnvironmentVariable("MCPHUB_BENCH_MIGRATION_SCALE").toDouble(&ok);
    if (!ok || scale <= 0)
        scale = 1;
    const auto n = [scale](int full) {
        return QString::number(qMax(1, qRound(full * scale)));
    };
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    if (!run(test::binDir() + QStringLiteral("/mcphub-adminctl"),
             {QStringLiteral("generate"),
              QStringLiteral("--servers"),
              n(10000),
              QStringLiteral("--users"),
              n(50000),
              QStringLiteral("--groups"),
              n(1000),
              QStringLiteral("--keys"),
              n(5000),
              QStringLiteral("--usage-rows"),
              n(1000000),
              data}))
        return 1;
    const QString scaleText
        = QStringLiteral("%1 servers, %2 users, %3 groups, %4 keys, %5 usage rows")
              .arg(n(10000), n(50000), n(1000), n(5000), n(1000000));
    std::printf("# scale: %s\n", qPrintable(scaleText));
    std::fflush(stdout);

    const QString migratedPath = dir.filePath(QStringLiteral("migrated.db"));
    const double sqliteMs = migrate(
        ConnectionProfile::sqliteFile(migratedPath), data, QStringLiteral("bench_sqlite"));
    const QString emptyPath = dir.filePath(QStringLiteral("floor.db"));
    if (sqliteMs < 0 || !createEmpty(ConnectionProfile::sqliteFile(emptyPath), QStringLiteral("e")))
        return 1;
    const double sqliteFloorMs = sqliteFloor(migratedPath, emptyPath, dir.path());
    if (sqliteFloorMs < 0)
        return 1;
    test::printBench(
        QStringLiteral("migration_sqlite_ms"), sqliteMs, sqliteFloorMs, QStringLiteral("1.5"));

    if (!test::PgTestDatabase::serverConfigured()) {
        std::printf("# PostgreSQL not configured (PGPORT): PostgreSQL part left out\n");
        return 0;
    }
    test::PgTestDatabase migrated;
    test::PgTestDatabase empty;
    if (!migrated.available() || !empty.available())
        return 1;
    auto migratedProfile = ConnectionProfile::fromConninfo(migrated.conninfo());
    auto emptyProfile = ConnectionProfile::fromConninfo(empty.conninfo());
    if (!migratedProfile || !emptyProfile)
        return 1;
    const double pgMs = migrate(*migratedProfile, data, QStringLiteral("bench_pg"));
    if (pgMs < 0 || !createEmpty(*emptyProfile, QStringLiteral("bench_pg_empty")))
        return 1;
    const double pgFloorMs = pgFloor(migrated.conninfo(), empty.conninfo(), dir.path());
    if (pgFloorMs < 0)
        return 1;
    test::printBench(
        QStringLiteral("migration_postgres_ms"), pgMs, pgFloorMs, QStringLiteral("1.5"));
    return 0;
}
