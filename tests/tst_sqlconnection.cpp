// Opening workspace databases: the embedded SQLite and a real PostgreSQL server.

#include "storage/sqlconnection.h"
#include "tests/support/pgtestdatabase.h"
#include "tests/support/testenv.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mcphub;

class TestSqlConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sqliteSelectsVersion_data();
    void sqliteSelectsVersion();
    void sqliteCreatesMissingFolder();
    void sqliteUnwritableFolderNamesPath();
    void postgresSelectsVersion();
    void postgresUnreachableNamesServer();
};

void TestSqlConnection::sqliteSelectsVersion_data()
{
    QTest::addColumn<bool>("inMemory");
    QTest::newRow("memory") << true;
    QTest::newRow("file") << false;
}

void TestSqlConnection::sqliteSelectsVersion()
{
    QFETCH(bool, inMemory);
    QTemporaryDir dir;
    const QString path
        = inMemory ? QStringLiteral(":memory:") : dir.filePath(QStringLiteral("w.db"));
    auto db = openSqlConnection(SqlConnectionSpec::sqlite(path), QStringLiteral("t"));
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
    {
        QSqlQuery query(*db);
        QVERIFY(query.exec(QStringLiteral("SELECT sqlite_version()")));
        QVERIFY(query.next());
        QVERIFY(query.value(0).toString().startsWith(QLatin1Char('3')));
    }
    closeSqlConnection(QStringLiteral("t"));
    QVERIFY(!QSqlDatabase::contains(QStringLiteral("t")));
    if (!inMemory)
        QVERIFY(QFileInfo::exists(path));
}

void TestSqlConnection::sqliteCreatesMissingFolder()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a/b/c/w.db"));
    auto db = openSqlConnection(SqlConnectionSpec::sqlite(path), QStringLiteral("t"));
    QVERIFY(db.ok());
    QSqlQuery(*db).exec(QStringLiteral("CREATE TABLE x(a)"));
    closeSqlConnection(QStringLiteral("t"));
    QVERIFY(QFileInfo::exists(path));
}

void TestSqlConnection::sqliteUnwritableFolderNamesPath()
{
    QTemporaryDir dir;
    // A regular file where a folder is needed: mkpath fails whoever we run as (root too).
    QFile blocker(dir.filePath(QStringLiteral("blocker")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString path = dir.filePath(QStringLiteral("blocker/sub/w.db"));
    auto db = openSqlConnection(SqlConnectionSpec::sqlite(path), QStringLiteral("t"));
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, Error::Code::Io);
    QVERIFY2(db.error().where.contains(QStringLiteral("blocker")),
             qPrintable(db.error().toString()));
    QVERIFY(!QSqlDatabase::contains(QStringLiteral("t")));
}

void TestSqlConnection::postgresSelectsVersion()
{
    test::PgTestDatabase pg;
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    auto db = openSqlConnection(pg.spec(), QStringLiteral("pg"));
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
    QCOMPARE(db->driverName(), QStringLiteral("QPSQL"));
    {
        QSqlQuery query(*db);
        QVERIFY(query.exec(QStringLiteral("SELECT version()")));
        QVERIFY(query.next());
        const QString version = query.value(0).toString();
        QVERIFY2(version.startsWith(QStringLiteral("PostgreSQL ")), qPrintable(version));
        qInfo("%s", qPrintable(version));
    }
    closeSqlConnection(QStringLiteral("pg"));
}

void TestSqlConnection::postgresUnreachableNamesServer()
{
    SqlConnectionSpec spec = SqlConnectionSpec::fromPgEnvironment();
    spec.host = QStringLiteral("127.0.0.1");
    spec.port = 1; // nothing listens on port 1
    spec.connectOptions = QStringLiteral("connect_timeout=3");
    auto db = openSqlConnection(spec, QStringLiteral("pg"));
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, Error::Code::Database);
    QVERIFY2(db.error().where.contains(QStringLiteral("127.0.0.1:1")),
             qPrintable(db.error().toString()));
    QVERIFY(!db.error().detail.isEmpty());
}

QTEST_GUILESS_MAIN(TestSqlConnection)
#include "tst_sqlconnection.moc"
