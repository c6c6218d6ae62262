// Bad input when opening a workspace: each gives a clear error naming the profile and the
// cause, and leaves the database as it was. Produced for real: a corrupted and a locked
// SQLite file, an unknown role, an unreachable port, an unknown database, a role without
// CREATE rights, a read-only profile that tries to write, and a wrong password (scripts/
// with-services makes members of mcphub_password_users authenticate with scram-sha-256).

#include "storage/db/userrepository.h"
#include "storage/db/workspace.h"
#include "tests/support/pgtestdatabase.h"
#include "tests/support/testbackend.h"
#include "tests/support/testenv.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mcphub;

namespace {

const QString kConnection = QStringLiteral("tst_dbbadinput");

ConnectionProfile pgProfile(const QString &name)
{
    const SqlConnectionSpec env = SqlConnectionSpec::fromPgEnvironment();
    ConnectionProfile p;
    p.name = name;
    p.kind = ConnectionProfile::Kind::Postgres;
    p.hosts = QStringList{env.host};
    p.port = env.port;
    p.user = env.userName;
    p.database = env.databaseName;
    p.connectTimeout = 3;
    return p;
}

} // namespace

class TestDbBadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { closeSqlConnection(kConnection); }

    void corruptedSqliteFile();
    void lockedSqliteFile();
    void postgresConnectionFailures_data();
    void postgresConnectionFailures();
    void roleWithoutCreateRights();
    void wrongPassword();
    void readOnlyProfileRefusesWrites_data() { MCPHUB_BACKEND_ROWS(); }
    void readOnlyProfileRefusesWrites();
};

void TestDbBadInput::corruptedSqliteFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.db"));
    QByteArray junk(64 * 1024, '\0');
    for (char &c : junk)
        c = char(QRandomGenerator::global()->bounded(256));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(junk);
    }
    ConnectionProfile profile = ConnectionProfile::sqliteFile(path);
    profile.name = QStringLiteral("broken");
    const auto ws = Workspace::open(profile, kConnection);
    QVERIFY(!ws.ok());
    QCOMPARE(ws.error().code, Error::Code::Database);
    QVERIFY2(ws.error().where.contains(QLatin1String("broken")), qPrintable(ws.error().toString()));
    QVERIFY2(ws.error().message.contains(QLatin1String("not a valid SQLite database")),
             qPrintable(ws.error().toString()));
    QCOMPARE(test::readFile(path), junk);
    QVERIFY(!QSqlDatabase::contains(kConnection));
}

void TestDbBadInput::lockedSqliteFile()
{
    QTemporaryDir dir;
    ConnectionProfile profile = ConnectionProfile::sqliteFile(dir.filePath(QStringLiteral("w.db")));
    profile.name = QStringLiteral("local");
    profile.sqliteBusyTimeoutMs = 200;
    {
        // A first, older schema state: an empty file that another program locks.
        const auto holder = openSqlConnection(profile.toSpec(), QStringLiteral("holder"));
        QVERIFY(holder.ok());
        QSqlQuery lock(*holder);
        QVERIFY(lock.exec(QStringLiteral("CREATE TABLE other (x INTEGER)")));
        QVERIFY(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        QVERIFY(lock.exec(QStringLiteral("INSERT INTO other VALUES (1)")));

        const auto ws = Workspace::open(profile, kConnection);
        QVERIFY(!ws.ok());
        QCOMPARE(ws.error().code, Error::Code::Locked);
        QVERIFY2(ws.error().where.contains(QLatin1String("\"local\"")),
                 qPrintable(ws.error().toString()));
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    }
    closeSqlConnection(QStringLiteral("holder"));
    {
        // A file another program has just created and still holds locked (its first
        // transaction is open): refused the same way.
        ConnectionProfile fresh = profile;
        fresh.sqlitePath = dir.filePath(QStringLiteral("fresh.db"));
        const auto locked = openSqlConnection(fresh.toSpec(), QStringLiteral("holder"));
        QVERIFY(locked.ok());
        QSqlQuery lock(*locked);
        QVERIFY(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        QVERIFY(lock.exec(QStringLiteral("CREATE TABLE other (x INTEGER)")));
        const auto ws = Workspace::open(fresh, kConnection);
        QVERIFY(!ws.ok());
        QCOMPARE(ws.error().code, Error::Code::Locked);
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    }
    closeSqlConnection(QStringLiteral("holder"));
    // Nothing was half-written: once the lock is gone the schema applies from scratch.
    const auto ws = Workspace::open(profile, kConnection);
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
    QCOMPARE(ws->appliedNow().size(), ws->schema().applied.size());
}

void TestDbBadInput::postgresConnectionFailures_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("detailPart");
    QTest::addColumn<QString>("cause");
    QTest::newRow("unknown role") << "user"
                                  << "no_such_role_x"
                                  << "no_such_role_x"
                                  << "user does not exist";
    QTest::newRow("unreachable port") << "port"
                                      << "1"
                                      << "127.0.0.1"
                                      << "cannot be reached";
    QTest::newRow("unknown database") << "database"
                                      << "no_such_db_x"
                                      << "no_such_db_x"
                                      << "db init";
}

void TestDbBadInput::postgresConnectionFailures()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, detailPart);
    QFETCH(QString, cause);
    ConnectionProfile profile = pgProfile(QStringLiteral("team"));
    if (field == QLatin1String("user"))
        profile.user = value;
    else if (field == QLatin1String("port"))
        profile.port = value.toInt();
    else
        profile.database = value;
    const auto ws = Workspace::open(profile, kConnection);
    QVERIFY(!ws.ok());
    QCOMPARE(ws.error().code, Error::Code::Database);
    QVERIFY2(ws.error().where.startsWith(QLatin1String("profile \"team\"")),
             qPrintable(ws.error().toString()));
    QVERIFY2(ws.error().detail.contains(detailPart), qPrintable(ws.error().toString()));
    QVERIFY2(ws.error().message.contains(cause), qPrintable(ws.error().toString()));
    QVERIFY(!QSqlDatabase::contains(kConnection));
}

void TestDbBadInput::roleWithoutCreateRights()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString role
        = QStringLiteral("mcphub_limited_%1").arg(QCoreApplication::applicationPid());
    {
        const auto admin = openSqlConnection(pg.spec(), QStringLiteral("admin"));
        QVERIFY(admin.ok());
        QSqlQuery q(*admin);
        // PostgreSQL 15: PUBLIC has no CREATE on schema public, so this role cannot add tables.
        QVERIFY(q.exec(QStringLiteral("CREATE ROLE %1 LOGIN").arg(role)));
    }
    closeSqlConnection(QStringLiteral("admin"));

    ConnectionProfile profile = pgProfile(QStringLiteral("limited"));
    profile.database = pg.spec().databaseName;
    profile.user = role;
    const auto ws = Workspace::open(profile, kConnection);
    QVERIFY(!ws.ok());
    QCOMPARE(ws.error().code, Error::Code::Database);
    QVERIFY2(ws.error().where.startsWith(QLatin1String("profile \"limited\"")),
             qPrintable(ws.error().toString()));
    QVERIFY2(ws.error().detail.startsWith(QLatin1String("42501")),
             qPrintable(ws.error().toString()));
    QVERIFY2(ws.error().message.contains(QLatin1String("privileges")),
             qPrintable(ws.error().toString()));

    // The database is as it was: no history table, no schema.
    {
        const auto admin = openSqlConnection(pg.spec(), QStringLiteral("admin"));
        QVERIFY(admin.ok());
        QSqlQuery q(*admin);
        QVERIFY(
            q.exec(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(QStringLiteral("DROP ROLE %1").arg(role)));
    }
    closeSqlConnection(QStringLiteral("admin"));
}

void TestDbBadInput::wrongPassword()
{
    MCPHUB_REQUIRE_SERVICE(test::PgTestDatabase::serverConfigured(), QStringLiteral("PostgreSQL"));
    test::PgTestDatabase pg;
    QVERIFY2(pg.available(), qPrintable(pg.error()));
    const QString role = QStringLiteral("mcphub_pw_%1").arg(QCoreApplication::applicationPid());
    {
        const auto admin = openSqlConnection(pg.spec(), QStringLiteral("admin"));
        QVERIFY(admin.ok());
        QSqlQuery q(*admin);
        // The role name is made of digits and letters above; the password is bound.
        QVERIFY2(
            q.exec(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = 'mcphub_password_users'"))
                && q.next(),
            "scripts/with-services creates the role mcphub_password_users");
        QVERIFY(q.exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'right-Pa55' IN ROLE "
                                      "mcphub_password_users")
                           .arg(role)));
        QVERIFY(q.exec(QStringLiteral("GRANT ALL ON SCHEMA public TO %1").arg(role)));
    }
    closeSqlConnection(QStringLiteral("admin"));

    ConnectionProfile profile = pgProfile(QStringLiteral("secured"));
    profile.database = pg.spec().databaseName;
    profile.user = role;
    profile.password = QStringLiteral("wrong-Pa55");
    const auto refused = Workspace::open(profile, kConnection);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Database);
    QVERIFY2(refused.error().where.startsWith(QLatin1String("profile \"secured\"")),
             qPrintable(refused.error().toString()));
    QVERIFY2(refused.error().message.contains(QLatin1String("refused the password")),
             qPrintable(refused.error().toString()));
    QVERIFY(!refused.error().toString().contains(QLatin1String("wrong-Pa55")));
    QVERIFY(!QSqlDatabase::contains(kConnection));

    // The right password opens it: the refusal was about the password, nothing else.
    profile.password = QStringLiteral("right-Pa55");
    auto opened = Workspace::open(profile, kConnection);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    opened->close();

    {
        const auto admin = openSqlConnection(pg.spec(), QStringLiteral("admin"));
        QVERIFY(admin.ok());
        QSqlQuery q(*admin);
        QVERIFY(q.exec(QStringLiteral("DROP OWNED BY %1").arg(role)));
        QVERIFY(q.exec(QStringLiteral("DROP ROLE %1").arg(role)));
    }
    closeSqlConnection(QStringLiteral("admin"));
}

void TestDbBadInput::readOnlyProfileRefusesWrites()
{
    MCPHUB_BACKEND(backend);
    {
        auto ws = Workspace::open(backend.profile(), kConnection);
        QVERIFY(ws.ok());
        ws->close();
    }
    ConnectionProfile profile = backend.profile();
    profile.name = QStringLiteral("viewer");
    profile.readOnly = true;
    const QByteArray before
        = backend.isPostgres() ? QByteArray() : test::readFile(profile.sqlitePath);
    auto ws = Workspace::open(profile, kConnection);
    QVERIFY(ws.ok());
    QVERIFY(ws->readOnly());
    UserRepository users(ws->context());
    UserRecord u;
    u.username = QStringLiteral("mallory");
    u.password = QStringLiteral("x");
    const auto created = users.create(u);
    QVERIFY(!created.ok());
    QCOMPARE(created.error().code, Error::Code::ReadOnly);
    QCOMPARE(created.error().where, QStringLiteral("profile \"viewer\""));
    QVERIFY(created.error().message.contains(QLatin1String("users/mallory")));
    QCOMPARE(users.list({}, {})->total, 0);
    {
        // Below the repositories too: the connection itself cannot write.
        QSqlQuery raw(ws->database());
        QVERIFY(!raw.exec(QStringLiteral("DELETE FROM schema_migrations")));
    }
    ws->close();
    if (!backend.isPostgres())
        QCOMPARE(test::readFile(profile.sqlitePath), before);

    // A read-only profile never creates a missing SQLite file.
    if (!backend.isPostgres()) {
        ConnectionProfile missing = profile;
        missing.sqlitePath = backend.tempPath(QStringLiteral("missing.db"));
        const auto none = Workspace::open(missing, kConnection);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code, Error::Code::NotFound);
        QVERIFY(!QFile::exists(missing.sqlitePath));
    }
}

QTEST_GUILESS_MAIN(TestDbBadInput)
#include "tst_dbbadinput.moc"
