// User administration on SQLite and the real PostgreSQL: MCPHub's guards (unique non-empty
// names, the last administrator kept) in storage, one transaction per batch with audit rows,
// and "mcphub-adminctl user" as a real process with --password-stdin.

#include "storage/db/auditlogrepository.h"
#include "storage/db/useradministration.h"
#include "storage/db/workspace.h"
#include "storage/passwordhasher.h"
#include "tests/support/adminctlrun.h"
#include "tests/support/testbackend.h"
#include "tests/support/testenv.h"

#include <QJsonDocument>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

using namespace mcphub;

using mcphub::test::adminctl;
using mcphub::test::Run;

namespace {

const QString kConnection = QStringLiteral("tst_useradmin");

qint64 count(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(kConnection));
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

QString hashOf(const QString &password)
{
    return PasswordHasher::hash(password, PasswordHasher::kMinCost).value();
}

} // namespace

class TestUserAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { closeSqlConnection(kConnection); }

    void guards_data() { MCPHUB_BACKEND_ROWS(); }
    void guards();
    void batchIsAllOrNothing_data() { MCPHUB_BACKEND_ROWS(); }
    void batchIsAllOrNothing();
    void cliUserCommands_data() { MCPHUB_BACKEND_ROWS(); }
    void cliUserCommands();
    void firstUserOfEmptyWorkspaceMustBeAdministrator_data() { MCPHUB_BACKEND_ROWS(); }
    void firstUserOfEmptyWorkspaceMustBeAdministrator();
};

void TestUserAdmin::guards()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    VERIFY_OK(ws);
    UserAdministration users(ws->context());
    VERIFY_OK(users.add(QStringLiteral("root"), hashOf(QStringLiteral("s3cret!pw")), true));
    VERIFY_OK(users.add(QStringLiteral("bob"), hashOf(QStringLiteral("s3cret!pw")), false));

    // Duplicate and empty names.
    auto r = users.add(QStringLiteral("bob"), hashOf(QStringLiteral("x")), false);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, Error::Code::Conflict);
    QVERIFY(r.error().message.contains(QStringLiteral("bob")));
    r = users.add(QStringLiteral("  "), hashOf(QStringLiteral("x")), false);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, Error::Code::Invalid);

    // The last administrator cannot be deleted or demoted.
    r = users.remove(QStringLiteral("root"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QStringLiteral("last administrator")),
             qPrintable(r.error().message));
    UserChange demote;
    demote.kind = UserChange::Kind::Update;
    demote.username = QStringLiteral("root");
    demote.user.username = QStringLiteral("root");
    demote.user.isAdmin = false;
    demote.user.status = QStringLiteral("active");
    const auto failed = users.apply({demote});
    QVERIFY(failed.has_value());
    QCOMPARE(failed->field, QStringLiteral("isAdmin"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users WHERE is_admin")), 1);

    // With a second administrator in the same batch, demoting is fine.
    UserChange promote = demote;
    promote.username = promote.user.username = QStringLiteral("bob");
    promote.user.isAdmin = true;
    QVERIFY(!users.apply({promote, demote}).has_value());
    const auto all = users.all();
    VERIFY_OK(all);
    QCOMPARE(all->size(), 2);
    for (const UserRecord &u : *all)
        QCOMPARE(u.isAdmin, u.username == QLatin1String("bob"));

    // A password change keeps the rest of the row; the hash verifies.
    VERIFY_OK(users.setPassword(QStringLiteral("root"), hashOf(QStringLiteral("n3w!pass"))));
    const auto root = UserRepository(ws->context()).find(QStringLiteral("root"));
    VERIFY_OK(root);
    QVERIFY(PasswordHasher::verify(QStringLiteral("n3w!pass"), (*root)->password));
    QVERIFY(!(*root)->isAdmin);
    r = users.setPassword(QStringLiteral("nobody"), hashOf(QStringLiteral("x")));
    QCOMPARE(r.error().code, Error::Code::NotFound);
}

void TestUserAdmin::batchIsAllOrNothing()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    VERIFY_OK(ws);
    UserAdministration users(ws->context());
    VERIFY_OK(users.add(QStringLiteral("root"), hashOf(QStringLiteral("s3cret!pw")), true));
    const qint64 auditBefore = count(QStringLiteral("SELECT count(*) FROM access_logs"));

    UserChange add;
    add.kind = UserChange::Kind::Add;
    add.user.username = QStringLiteral("carol");
    add.user.password = hashOf(QStringLiteral("pw"));
    UserChange gone;
    gone.kind = UserChange::Kind::Update;
    gone.username = gone.user.username = QStringLiteral("deleted-meanwhile");
    gone.user.status = QStringLiteral("active");
    const auto failed = users.apply({add, gone});
    QVERIFY(failed.has_value());
    QCOMPARE(failed->index, 1);
    QCOMPARE(failed->field, QStringLiteral("username"));
    QVERIFY(failed->error.message.contains(QStringLiteral("deleted meanwhile")));
    // Nothing of the batch was written, not even its audit rows.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users WHERE username = 'carol'")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM access_logs")), auditBefore);

    QVERIFY(!users.apply({add}).has_value());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM access_logs")), auditBefore + 1);
    const auto audit = AuditLogRepository(ws->context()).list({}, {0, 1});
    VERIFY_OK(audit);
    QCOMPARE(audit->items.first().action, QStringLiteral("user.create"));
    QCOMPARE(audit->items.first().resource, QStringLiteral("users/carol"));
    QVERIFY(!QJsonDocument(audit->items.first().details).toJson().contains("$2b$"));
}

void TestUserAdmin::cliUserCommands()
{
    MCPHUB_BACKEND(backend);
    const QString where = backend.cliArgument();
    Run run = adminctl({QStringLiteral("user"),
                        QStringLiteral("add"),
                        QStringLiteral("root"),
                        QStringLiteral("--admin"),
                        QStringLiteral("--password-stdin"),
                        where},
                       "Adm1n!pass\n");
    VERIFY_RUN(run, 0);
    QVERIFY(run.err.isEmpty() || !run.err.contains(QStringLiteral("warning")));
    run = adminctl({QStringLiteral("user"),
                    QStringLiteral("add"),
                    QStringLiteral("dave"),
                    QStringLiteral("--password-stdin"),
                    where},
                   "short\n");
    VERIFY_RUN(run, 0);
    QVERIFY2(run.err.contains(QStringLiteral("warning")), qPrintable(run.err)); // MCPHub's rule

    run = adminctl({QStringLiteral("user"), QStringLiteral("list"), where});
    VERIFY_RUN(run, 0);
    QVERIFY(run.out.contains(QStringLiteral("root")));
    QVERIFY(run.out.contains(QStringLiteral("dave")));
    QVERIFY(!run.out.contains(QStringLiteral("$2b$")));

    // Duplicate, last admin, no password on a pipe without --password-stdin.
    run = adminctl({QStringLiteral("user"),
                    QStringLiteral("add"),
                    QStringLiteral("dave"),
                    QStringLiteral("--password-stdin"),
                    where},
                   "Other1!pass\n");
    VERIFY_RUN(run, 2);
    QVERIFY(run.err.contains(QStringLiteral("already exists")));
    run = adminctl(
        {QStringLiteral("user"), QStringLiteral("remove"), QStringLiteral("root"), where});
    VERIFY_RUN(run, 2);
    QVERIFY(run.err.contains(QStringLiteral("last administrator")));
    run = adminctl(
        {QStringLiteral("user"), QStringLiteral("set-password"), QStringLiteral("dave"), where});
    VERIFY_RUN(run, 2);
    QVERIFY(run.err.contains(QStringLiteral("--password-stdin")));

    run = adminctl({QStringLiteral("user"),
                    QStringLiteral("set-password"),
                    QStringLiteral("dave"),
                    QStringLiteral("--password-stdin"),
                    where},
                   "N3w!password\n");
    VERIFY_RUN(run, 0);
    run = adminctl(
        {QStringLiteral("user"), QStringLiteral("remove"), QStringLiteral("dave"), where});
    VERIFY_RUN(run, 0);

    auto ws = Workspace::open(backend.profile(), kConnection);
    VERIFY_OK(ws);
    const auto root = UserRepository(ws->context()).find(QStringLiteral("root"));
    VERIFY_OK(root);
    QVERIFY(root->has_value());
    QVERIFY(PasswordHasher::verify(QStringLiteral("Adm1n!pass"), (*root)->password));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users")), 1);
    QCOMPARE(
        count(QStringLiteral("SELECT count(*) FROM access_logs WHERE resource = 'users/dave'")), 3);
}

// Issue 12 item 16: "db init" then "user add bob" said `users/: "" is the last administrator
// and cannot be demoted`. A workspace without an administrator says what is needed (one
// first: MCPHub creates "admin" only when there is no user at all), and then takes bob.
void TestUserAdmin::firstUserOfEmptyWorkspaceMustBeAdministrator()
{
    MCPHUB_BACKEND(backend);
    const QString where = backend.cliArgument();
    Run run = adminctl({QStringLiteral("db"), QStringLiteral("init"), where});
    VERIFY_RUN(run, 0);
    run = adminctl({QStringLiteral("user"),
                    QStringLiteral("add"),
                    QStringLiteral("bob"),
                    QStringLiteral("--password-stdin"),
                    where},
                   "B0b!password\n");
    VERIFY_RUN(run, 2);
    QVERIFY2(run.err.contains(QStringLiteral("no administrator yet")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("users/bob")), qPrintable(run.err));
    QVERIFY2(!run.err.contains(QStringLiteral("\"\"")), qPrintable(run.err));
    QVERIFY2(!run.err.contains(QStringLiteral("demoted")), qPrintable(run.err));

    run = adminctl({QStringLiteral("user"),
                    QStringLiteral("add"),
                    QStringLiteral("alice"),
                    QStringLiteral("--admin"),
                    QStringLiteral("--password-stdin"),
                    where},
                   "Al1ce!password\n");
    VERIFY_RUN(run, 0);
    run = adminctl({QStringLiteral("user"),
                    QStringLiteral("add"),
                    QStringLiteral("bob"),
                    QStringLiteral("--password-stdin"),
                    where},
                   "B0b!password\n");
    VERIFY_RUN(run, 0);

    auto ws = Workspace::open(backend.profile(), kConnection);
    VERIFY_OK(ws);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users")), 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM users WHERE is_admin")), 1);
}

QTEST_GUILESS_MAIN(TestUserAdmin)
#include "tst_useradmin.moc"
