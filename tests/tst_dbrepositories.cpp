// Repositories on SQLite and the real PostgreSQL: CRUD, paging and filtering in SQL, JSON
// text kept byte for byte, one audit row per write (none for a failed one), and nesting
// inside an outer transaction as the settings-file migrator uses them.

#include "storage/db/auditlogrepository.h"
#include "storage/db/bearerkeyrepository.h"
#include "storage/db/grouprepository.h"
#include "storage/db/rowrepository.h"
#include "storage/db/serverrepository.h"
#include "storage/db/systemconfigrepository.h"
#include "storage/db/transactionguard.h"
#include "storage/db/usagelogrepository.h"
#include "storage/db/userrepository.h"
#include "storage/db/workspace.h"
#include "storage/migration/openedworkspace.h"
#include "tests/support/testbackend.h"
#include "tests/support/testenv.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace mcphub;

namespace {

const QString kConnection = QStringLiteral("tst_dbrepositories");

qint64 auditCount()
{
    QSqlQuery query(QSqlDatabase::database(kConnection));
    if (!query.exec(QStringLiteral("SELECT count(*) FROM access_logs")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

AuditEntry lastAudit(const RepositoryContext &context)
{
    const auto page = AuditLogRepository(context).list({}, {0, 1});
    return page.ok() && !page->items.isEmpty() ? page->items.first() : AuditEntry();
}

UserRecord user(const QString &name, bool admin = false)
{
    UserRecord u;
    u.username = name;
    u.password = QStringLiteral("$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.");
    u.isAdmin = admin;
    u.email = name + QStringLiteral("@example.org");
    return u;
}

} // namespace

class TestDbRepositories : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { closeSqlConnection(kConnection); }

    void usersCrudWritesOneAuditRowEach_data() { MCPHUB_BACKEND_ROWS(); }
    void usersCrudWritesOneAuditRowEach();
    void usersPageAndFilterInSql_data() { MCPHUB_BACKEND_ROWS(); }
    void usersPageAndFilterInSql();
    void failedWriteLeavesNoAuditRow_data() { MCPHUB_BACKEND_ROWS(); }
    void failedWriteLeavesNoAuditRow();
    void serverJsonFieldsRoundTrip_data() { MCPHUB_BACKEND_ROWS(); }
    void serverJsonFieldsRoundTrip();
    void groupsKeysAndSystemConfig_data() { MCPHUB_BACKEND_ROWS(); }
    void groupsKeysAndSystemConfig();
    void nestsInsideOuterTransaction_data() { MCPHUB_BACKEND_ROWS(); }
    void nestsInsideOuterTransaction();
    void settingsShapedTables_data() { MCPHUB_BACKEND_ROWS(); }
    void settingsShapedTables();
    void backgroundThreadOpensItsOwnConnection_data() { MCPHUB_BACKEND_ROWS(); }
    void backgroundThreadOpensItsOwnConnection();
    void usageLogPagesAndFilters_data() { MCPHUB_BACKEND_ROWS(); }
    void usageLogPagesAndFilters();
    void systemConfigAnyKeyCheckedAndConflicts_data() { MCPHUB_BACKEND_ROWS(); }
    void systemConfigAnyKeyCheckedAndConflicts();
    void systemConfigSavedToSettingsFile();
    void writeLockedByAnotherSessionWaitsBounded_data() { MCPHUB_BACKEND_ROWS(); }
    void writeLockedByAnotherSessionWaitsBounded();

private:
    Result<Workspace> open(const test::TestBackend &backend)
    {
        return Workspace::open(backend.profile(), kConnection);
    }
};

void TestDbRepositories::usersCrudWritesOneAuditRowEach()
{
    MCPHUB_BACKEND(backend);
    auto ws = open(backend);
    QVERIFY(ws.ok());
    const RepositoryContext ctx = ws->context(QStringLiteral("console-admin"));
    UserRepository users(ctx);

    const auto id = users.create(user(QStringLiteral("alice"), true));
    QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().toString()));
    QVERIFY(*id > 0);
    QCOMPARE(auditCount(), 1);
    AuditEntry audit = lastAudit(ctx);
    QCOMPARE(audit.username, QStringLiteral("console-admin"));
    QCOMPARE(audit.action, QStringLiteral("user.create"));
    QCOMPARE(audit.resource, QStringLiteral("users/alice"));
    QCOMPARE(audit.method, QStringLiteral("CREATE"));
    QCOMPARE(audit.statusCode, 200);
    QCOMPARE(
        audit.details.value(QStringLiteral("after")).toObject().value(QStringLiteral("isAdmin")),
        QJsonValue(true));
    QVERIFY(audit.timestamp.isValid());

    auto found = users.find(QStringLiteral("alice"));
    QVERIFY(found.ok() && found->has_value());
    UserRecord alice = **found;
    QCOMPARE(alice.id, *id);
    QVERIFY(alice.isAdmin);
    QCOMPARE(alice.status, QStringLiteral("active"));
    QVERIFY(alice.createdAt.isValid());

    alice.isAdmin = false;
    alice.password = QStringLiteral("$2b$10$another");
    VERIFY_OK(users.update(alice));
    QCOMPARE(auditCount(), 2);
    audit = lastAudit(ctx);
    QCOMPARE(audit.action, QStringLiteral("user.update"));
    QCOMPARE(
        audit.details.value(QStringLiteral("before")).toObject().value(QStringLiteral("isAdmin")),
        QJsonValue(true));
    QCOMPARE(
        audit.details.value(QStringLiteral("after")).toObject().value(QStringLiteral("isAdmin")),
        QJsonValue(false));
    QCOMPARE(audit.details.value(QStringLiteral("after"))
                 .toObject()
                 .value(QStringLiteral("passwordChanged")),
             QJsonValue(true));
    // The audit trail never holds a password hash.
    QSqlQuery query(ws->database());
    QVERIFY(query.exec(QStringLiteral("SELECT details FROM access_logs")));
    while (query.next())
        QVERIFY(!query.value(0).toString().contains(QLatin1String("$2b$")));
    QCOMPARE((*users.find(QStringLiteral("alice")))->password, QStringLiteral("$2b$10$another"));

    VERIFY_OK(users.remove(QStringLiteral("alice")));
    QCOMPARE(auditCount(), 3);
    QCOMPARE(lastAudit(ctx).method, QStringLiteral("DELETE"));
    QVERIFY(!users.find(QStringLiteral("alice"))->has_value());

    const auto missing = users.remove(QStringLiteral("alice"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, Error::Code::NotFound);
    QCOMPARE(auditCount(), 3);

    AuditFilter filter;
    filter.resourcePrefix = QStringLiteral("users/");
    QCOMPARE(AuditLogRepository(ctx).list(filter, {})->total, 3);
    filter.resourcePrefix = QStringLiteral("servers/");
    QCOMPARE(AuditLogRepository(ctx).list(filter, {})->total, 0);
}

void TestDbRepositories::usersPageAndFilterInSql()
{
    MCPHUB_BACKEND(backend);
    auto ws = open(backend);
    QVERIFY(ws.ok());
    UserRepository users(ws->context());
    {
        TransactionGuard tx(ws->database());
        for (int i = 0; i < 25; ++i) {
            UserRecord u
                = user(QStringLiteral("user%1").arg(i, 2, 10, QLatin1Char('0')), i % 5 == 0);
            u.ordinal = i;
            VERIFY_OK(users.create(u));
        }
        VERIFY_OK(tx.commit());
    }
    auto page = users.list({}, {10, 10});
    QVERIFY(page.ok());
    QCOMPARE(page->total, 25);
    QCOMPARE(page->items.size(), 10);
    QCOMPARE(page->items.first().username, QStringLiteral("user10"));
    page = users.list({}, {20, 10});
    QCOMPARE(page->items.size(), 5);

    UserFilter admins;
    admins.isAdmin = true;
    page = users.list(admins, {});
    QCOMPARE(page->total, 5);
    UserFilter search;
    search.search = QStringLiteral("USER1"); // case-insensitive, part of the name
    page = users.list(search, {});
    QCOMPARE(page->total, 10);
    search.search = QStringLiteral("%"); // a plain character, not a wildcard
    QCOMPARE(users.list(search, {})->total, 0);
}

void TestDbRepositories::failedWriteLeavesNoAuditRow()
{
    MCPHUB_BACKEND(backend);
    auto ws = open(backend);
    QVERIFY(ws.ok());
    UserRepository users(ws->context());
    VERIFY_OK(users.create(user(QStringLiteral("carol"))));
    QCOMPARE(auditCount(), 1);
    const auto duplicate = users.create(user(QStringLiteral("carol")));
    QVERIFY(!duplicate.ok());
    QCOMPARE(duplicate.error().code, Error::Code::Database);
    QVERIFY2(duplicate.error().where.contains(QLatin1String("users")),
             qPrintable(duplicate.error().toString()));
    QCOMPARE(auditCount(), 1);
    QCOMPARE(users.list({}, {})->total, 1);
    // The connection is still usable after the failure (no transaction left open).
    QCOMPARE(TransactionGuard::depth(kConnection), 0);
    VERIFY_OK(users.create(user(QStringLiteral("dave"))));
    QCOMPARE(auditCount(), 2);
}

void TestDbRepositories::serverJsonFieldsRoundTrip()
{
    MCPHUB_BACKEND(backend);
    auto ws = open(backend);
    QVERIFY(ws.ok());
    const RepositoryContext ctx = ws->context();
    ServerRepository servers(ctx);

    ServerRecord s;
    s.name = QStringLiteral("fetch");
    s.type = QStringLiteral("stdio");
    s.description = QStringLiteral("抓取网页 — fetch");
    s.command = QStringLiteral("uvx");
    s.args = QStringLiteral("[\"mcp-server-fetch\", \"--ignore-robots-txt\"]");
    s.env = QStringLiteral("{\"Z_LAST\": \"1\", \"A_FIRST\": \"${TOKEN}\"}");
    s.passthroughHeaders = QStringLiteral("[\"X-Trace\"]");
    s.enableKeepAlive = true;
    s.keepAliveInterval = 60000;
    s.tools = QStringLiteral("{\"fetch-fetch\": {\"enabled\": false, \"description\": \"x\"}}");
    s.options = QStringLiteral("{\"timeout\": 120000, \"timeout\": 5}"); // kept as written
    s.proxy = QStringLiteral("{\"enabled\": true, \"type\": \"socks5\", \"port\": 1080}");
    s.oauth = QStringLiteral("{\"clientId\": \"abc\", \"scopes\": [\"a\", \"b\"]}");
    s.openapi = QStringLiteral("{\"url\": \"http://x\", \"version\": \"3.1.0\"}");
    s.extra = QStringLiteral("{\"futureField\": {\"nested\": [1, 2.50, null]}}");
    s.keyOrder = QStringLiteral("[\"type\", \"command\", \"args\", \"env\"]");
    s.ordinal = 3;
    const auto id = servers.create(s);
    QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().toString()));

    auto found = servers.find(QStringLiteral("fetch"));
    QVERIFY(found.ok() && found->has_value());
    const ServerRecord &r = **found;
    QCOMPARE(r.description, s.description);
    QCOMPARE(r.args, s.args);
    QCOMPARE(r.env, s.env);
    QCOMPARE(r.tools, s.tools);
    QCOMPARE(r.options, s.options);
    QCOMPARE(r.proxy, s.proxy);
    QCOMPARE(r.oauth, s.oauth);
    QCOMPARE(r.openapi, s.openapi);
    QCOMPARE(r.extra, s.extra);
    QCOMPARE(r.keyOrder, s.keyOrder);
    QCOMPARE(r.passthroughHeaders, s.passthroughHeaders);
    QVERIFY(r.headers.isNull());
    QVERIFY(r.url.isNull());
    QCOMPARE(r.enableKeepAlive, std::optional<bool>(true));
    QCOMPARE(r.keepAliveInterval, std::optional<qint64>(60000));
    QCOMPARE(r.ordinal, 3);
    QVERIFY(r.enabled);
    // No secret of the entry reaches the audit trail.
    QVERIFY(!lastAudit(ctx).details.contains(QStringLiteral("env")));

    VERIFY_OK(servers.setEnabled(QStringLiteral("fetch"), false));
    ServerFilter enabledOnly;
    enabledOnly.enabled = true;
    QCOMPARE(servers.list(enabledOnly, {})->total, 0);

    ServerRecord renamed = r;
    renamed.name = QStringLiteral("fetch2");
    renamed.enableKeepAlive.reset();
    VERIFY_OK(servers.update(renamed));
    QVERIFY(!servers.find(QStringLiteral("fetch"))->has_value());
    QVERIFY(!(*servers.find(QStringLiteral("fetch2")))->enableKeepAlive.has_value());
    QCOMPARE(auditCount(), 3);
    ServerFilter byType;
    byType.type = QStringLiteral("stdio");
    byType.search = QStringLiteral("抓取");
    QCOMPARE(servers.list(byType, {})->total, 1);
}

void TestDbRepositories::groupsKeysAndSystemConfig()
{
    MCPHUB_BACKEND(backend);
    auto ws = open(backend);
    QVERIFY(ws.ok());
    const RepositoryContext ctx = ws->context();

    GroupRepository groups(ctx);
    GroupRecord g;
    g.name = QStringLiteral("dev");
    g.servers = QStringLiteral("[\"fetch\", {\"name\": \"time\", \"tools\": [\"now\"]}]");
    VERIFY_OK(groups.create(g));
    auto page = groups.list({}, {});
    QCOMPARE(page->total, 1);
    GroupRecord stored = page->items.first();
    QCOMPARE(stored.id.size(), 36);
    QCOMPARE(stored.servers, g.servers);
    stored.description = QStringLiteral("Developers");
    VERIFY_OK(groups.update(stored));
    QCOMPARE((*groups.find(stored.id))->description, QStringLiteral("Developers"));
    VERIFY_OK(groups.remove(stored.id));
    QCOMPARE(groups.list({}, {})->total, 0);

    BearerKeyRepository keys(ctx);
    BearerKeyRecord k;
    k.id = QStringLiteral("3f2a0c1e-0000-4000-8000-000000000001");
    k.name = QStringLiteral("ci");
    k.token = QStringLiteral("secret-token-value");
    k.accessType = QStringLiteral("groups");
    k.allowedGroups = QStringLiteral("[\"dev\"]");
    VERIFY_OK(keys.create(k));
    BearerKeyRecord loaded = **keys.find(k.id);
    QCOMPARE(loaded.token, k.token);
    QCOMPARE(loaded.allowedGroups, k.allowedGroups);
    QVERIFY(loaded.allowedServers.isNull());
    loaded.enabled = false;
    loaded.token = QStringLiteral("rotated");
    VERIFY_OK(keys.update(loaded));
    BearerKeyFilter disabled;
    disabled.enabled = false;
    QCOMPARE(keys.list(disabled, {})->total, 1);
    VERIFY_OK(keys.remove(k.id));

    SystemConfigRepository config(ctx);
    VERIFY_OK(config.set(
        {QStringLiteral("routing"), QStringLiteral("{\"enableGlobalRoute\": true}"), 0, {}, {}}));
    VERIFY_OK(config.set(
        {QStringLiteral("install"), QStringLiteral("{\"npmRegistry\": \"\"}"), 1, {}, {}}));
    VERIFY_OK(config.set(
        {QStringLiteral("routing"), QStringLiteral("{\"enableGlobalRoute\": false}"), 0, {}, {}}));
    const auto all = config.all();
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->first().key, QStringLiteral("routing"));
    QCOMPARE(all->first().value, QStringLiteral("{\"enableGlobalRoute\": false}"));
    VERIFY_OK(config.remove(QStringLiteral("install")));

    // 4 group writes... 3 group + 3 key + 4 config writes, one audit row each.
    QCOMPARE(auditCount(), 10);
    QSqlQuery query(ws->database());
    QVERIFY(query.exec(QStringLiteral("SELECT details FROM access_logs")));
    while (query.next()) {
        QVERIFY(!query.value(0).toString().contains(QLatin1String("secret-token-value")));
        QVERIFY(!query.value(0).toString().contains(QLatin1String("rotated")));
    }
}

void TestDbRepositories::nestsInsideOuterTransaction()
{
    MCPHUB_BACKEND(backend);
    auto ws = open(backend);
    QVERIFY(ws.ok());
    UserRepository users(ws->context());
    {
        TransactionGuard outer(ws->database());
        QVERIFY(outer.active());
        VERIFY_OK(users.create(user(QStringLiteral("erin"))));
        QVERIFY(!users.create(user(QStringLiteral("erin"))).ok()); // inner failure
        VERIFY_OK(users.create(user(QStringLiteral("frank"))));    // the outer one goes on
        QCOMPARE(TransactionGuard::depth(kConnection), 1);
        // Not committed: everything, audit rows included, is rolled back.
    }
    QCOMPARE(TransactionGuard::depth(kConnection), 0);
    QCOMPARE(users.list({}, {})->total, 0);
    QCOMPARE(auditCount(), 0);
    {
        TransactionGuard outer(ws->database());
        VERIFY_OK(users.create(user(QStringLiteral("erin"))));
        VERIFY_OK(users.create(user(QStringLiteral("frank"))));
        VERIFY_OK(outer.commit());
    }
    QCOMPARE(users.list({}, {})->total, 2);
    QCOMPARE(auditCount(), 2);
}

void TestDbRepositories::usageLogPagesAndFilters()
{
    MCPHUB_BACKEND(backend);
    auto ws = open(backend);
    QVERIFY(ws.ok());
    UsageLogRepository logs(ws->context());
    const QDateTime start = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    QList<UsageLogEntry> entries;
    for (int i = 0; i < 300; ++i) {
        UsageLogEntry e;
        e.timestamp = start.addSecs(i * 60);
        e.serverName = i % 3 == 0 ? QStringLiteral("fetch") : QStringLiteral("time");
        e.toolName = QStringLiteral("tool%1").arg(i % 4);
        e.success = i % 10 != 0;
        e.durationMs = i;
        e.arguments = QStringLiteral("{\"i\": %1}").arg(i);
        if (!e.success)
            e.errorMessage = QStringLiteral("boom");
        entries << e;
    }
    QCOMPARE(*logs.append(entries), 300);
    QCOMPARE(auditCount(), 0); // hub data, not an administrator's change

    auto page = logs.list({}, {0, 50});
    QCOMPARE(page->total, 300);
    QCOMPARE(page->items.first().timestamp, start.addSecs(299 * 60)); // newest first
    QCOMPARE(page->items.first().durationMs, std::optional<qint64>(299));

    // Keyset paging walks all rows exactly once.
    UsageLogFilter filter;
    filter.serverName = QStringLiteral("fetch");
    int seen = 0;
    QDateTime previous;
    for (int guard = 0; guard < 20; ++guard) {
        const auto p = logs.list(filter, {0, 30, false});
        QVERIFY(p.ok());
        QCOMPARE(p->total, -1);
        if (p->items.isEmpty())
            break;
        for (const UsageLogEntry &e : p->items) {
            QCOMPARE(e.serverName, QStringLiteral("fetch"));
            QVERIFY(!previous.isValid() || e.timestamp < previous);
            previous = e.timestamp;
        }
        seen += p->items.size();
        filter.before = qMakePair(p->items.last().timestamp, p->items.last().id);
    }
    QCOMPARE(seen, 100);

    UsageLogFilter failures;
    failures.success = false;
    failures.from = start.addSecs(100 * 60);
    failures.to = start.addSecs(200 * 60);
    QCOMPARE(logs.list(failures, {})->total, 10);
    UsageLogFilter tool;
    tool.toolName = QStringLiteral("tool1");
    QCOMPARE(logs.list(tool, {})->total, 75);

    QCOMPARE(*logs.deleteOlderThan(start.addSecs(150 * 60)), 150);
    QCOMPARE(logs.list({}, {})->total, 150);
    QCOMPARE(auditCount(), 1);
}

void TestDbRepositories::settingsShapedTables()
{
    MCPHUB_BACKEND(backend);
    auto ws = open(backend);
    QVERIFY(ws.ok());
    const RepositoryContext ctx = ws->context(QStringLiteral("migrator"));

    RowRepository clients = RowRepository::oauthClients(ctx);
    VERIFY_OK(
        clients.create({{QStringLiteral("client_id"), QStringLiteral("cli-1")},
                        {QStringLiteral("client_secret"), QStringLiteral("very-secret")},
                        {QStringLiteral("name"), QStringLiteral("Claude")},
                        {QStringLiteral("redirect_uris"), QStringLiteral("[\"http://x/cb\"]")},
                        {QStringLiteral("grants"), QStringLiteral("[\"authorization_code\"]")},
                        {QStringLiteral("metadata"), QString()},
                        {QStringLiteral("ordinal"), 0}}));
    auto client = clients.find(QStringLiteral("cli-1"));
    QVERIFY(client.ok() && client->has_value());
    QCOMPARE((**client).value(QStringLiteral("redirect_uris")).toString(),
             QStringLiteral("[\"http://x/cb\"]"));
    QVERIFY((**client).value(QStringLiteral("metadata")).isNull());
    VERIFY_OK(clients.update(QStringLiteral("cli-1"),
                             {{QStringLiteral("name"), QStringLiteral("Claude 2")}}));
    QCOMPARE((**clients.find(QStringLiteral("cli-1"))).value(QStringLiteral("name")).toString(),
             QStringLiteral("Claude 2"));

    RowRepository prompts = RowRepository::prompts(ctx);
    for (int i = 0; i < 3; ++i) {
        QVariantMap row{{QStringLiteral("id"), QStringLiteral("p%1").arg(i)},
                        {QStringLiteral("name"), QStringLiteral("prompt %1").arg(i)},
                        {QStringLiteral("template"), QStringLiteral("Hello {{name}}")},
                        {QStringLiteral("ordinal"), 2 - i}};
        if (i != 1)
            row.insert(QStringLiteral("enabled"), i == 0); // p1 has no "enabled" key
        VERIFY_OK(prompts.create(row));
    }
    const auto page = prompts.list({});
    QCOMPARE(page->total, 3);
    QCOMPARE(page->items.first().value(QStringLiteral("id")).toString(), QStringLiteral("p2"));
    QCOMPARE(page->items.at(0).value(QStringLiteral("enabled")), QVariant(false));
    QVERIFY(page->items.at(1).value(QStringLiteral("enabled")).isNull());
    QCOMPARE(page->items.at(2).value(QStringLiteral("enabled")), QVariant(true));

    RowRepository doc = RowRepository::settingsDocument(ctx);
    const QString order = QStringLiteral("[\"mcpServers\", \"users\", \"futureKey\"]");
    VERIFY_OK(doc.upsert({{QStringLiteral("id"), 1}, {QStringLiteral("key_order"), order}}));
    VERIFY_OK(doc.upsert({{QStringLiteral("id"), 1},
                          {QStringLiteral("extra"), QStringLiteral("{\"futureKey\": 1}")}}));
    const auto stored = doc.find(1);
    QCOMPARE((**stored).value(QStringLiteral("key_order")).toString(), order);
    QCOMPARE((**stored).value(QStringLiteral("extra")).toString(),
             QStringLiteral("{\"futureKey\": 1}"));

    RowRepository tokens = RowRepository::oauthTokens(ctx);
    VERIFY_OK(tokens.create(
        {{QStringLiteral("access_token"), QStringLiteral("tok-secret-1")},
         {QStringLiteral("access_token_expires_at"), QStringLiteral("2026-01-01T00:00:00.000Z")},
         {QStringLiteral("client_id"), QStringLiteral("cli-1")},
         {QStringLiteral("username"), QStringLiteral("admin")}}));
    VERIFY_OK(tokens.remove(QStringLiteral("tok-secret-1")));
    VERIFY_OK(clients.remove(QStringLiteral("cli-1")));
    QVERIFY(!clients.remove(QStringLiteral("cli-1")).ok());

    // 2 client + 3 prompt + 2 document + 2 token + 1 client delete writes.
    QCOMPARE(auditCount(), 10);
    QSqlQuery query(ws->database());
    QVERIFY(query.exec(QStringLiteral("SELECT details, resource FROM access_logs")));
    while (query.next()) {
        QVERIFY(!query.value(0).toString().contains(QLatin1String("very-secret")));
        QVERIFY(!query.value(0).toString().contains(QLatin1String("tok-secret")));
        QVERIFY(!query.value(1).toString().contains(QLatin1String("tok-secret")));
    }
}

void TestDbRepositories::backgroundThreadOpensItsOwnConnection()
{
    MCPHUB_BACKEND(backend);
    auto ws = open(backend);
    QVERIFY(ws.ok());
    const ConnectionProfile profile = backend.profile();
    QString threadError;
    // The poller's pattern: its own named connection on its own thread.
    std::unique_ptr<QThread> thread(QThread::create([&] {
        auto own = Workspace::open(profile, QStringLiteral("tst_background"));
        if (!own) {
            threadError = own.error().toString();
            return;
        }
        UsageLogEntry e;
        e.timestamp = QDateTime::currentDateTimeUtc();
        e.serverName = QStringLiteral("fetch");
        e.toolName = QStringLiteral("fetch");
        const auto written = UsageLogRepository(own->context()).append({e, e, e});
        if (!written)
            threadError = written.error().toString();
        own->close();
    }));
    thread->start();
    QVERIFY(thread->wait(30000));
    QVERIFY2(threadError.isEmpty(), qPrintable(threadError));
    QCOMPARE(UsageLogRepository(ws->context()).list({}, {})->total, 3);
    QVERIFY(!QSqlDatabase::contains(QStringLiteral("tst_background")));
}

void TestDbRepositories::systemConfigAnyKeyCheckedAndConflicts()
{
    MCPHUB_BACKEND(backend);
    auto ws = open(backend);
    QVERIFY(ws.ok());
    SystemConfigRepository config(ws->context());
    const auto entry = [](const QString &key, const QString &value) {
        SystemConfigEntry e;
        e.key = key;
        e.value = value;
        return e;
    };
    // Any key (MCPHub's file keeps what it does not know); new keys go last, in file order;
    // the text is kept as written.
    VERIFY_OK(config.set(entry(QStringLiteral("routing"), QStringLiteral("{\"skipAuth\": true}"))));
    VERIFY_OK(config.set(entry(QStringLiteral("x-future"), QStringLiteral("[1, 2]"))));
    VERIFY_OK(
        config.set(entry(QStringLiteral("routing"), QStringLiteral("{\"skipAuth\": false}"))));
    auto listing = config.list();
    VERIFY_OK(listing);
    QCOMPARE(listing->entries.size(), 2);
    QCOMPARE(listing->entries.at(0).key, QStringLiteral("routing"));
    QCOMPARE(listing->entries.at(0).value, QStringLiteral("{\"skipAuth\": false}"));
    QCOMPARE(listing->entries.at(1).key, QStringLiteral("x-future"));
    QVERIFY(listing->findings.isEmpty());

    // Not JSON: refused with line and column, nothing written.
    const auto bad = config.set(entry(QStringLiteral("install"), QStringLiteral("{\n  'a': 1}")));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, Error::Code::Parse);
    QVERIFY2(bad.error().where.endsWith(QLatin1String("system-config/install:2:3")),
             qPrintable(bad.error().toString()));
    QVERIFY(!config.find(QStringLiteral("install"))->has_value());

    // Changed since read (the stored updated_at is not the one read): refused, nothing
    // written; the updated_at as read: written.
    const QDateTime seen = (*config.find(QStringLiteral("routing")))->updatedAt;
    QVERIFY(seen.isValid());
    const QDateTime earlier = seen.addSecs(-1);
    const qint64 audits = auditCount();
    const auto stale
        = config.set(entry(QStringLiteral("routing"), QStringLiteral("{\"a\":1}")), earlier);
    QVERIFY(!stale.ok());
    QCOMPARE(stale.error().code, Error::Code::Conflict);
    QVERIFY2(stale.error().where.endsWith(QLatin1String("system_config/routing/updated_at")),
             qPrintable(stale.error().toString()));
    QVERIFY(!config.remove(QStringLiteral("routing"), earlier).ok());
    QCOMPARE((*config.find(QStringLiteral("routing")))->value,
             QStringLiteral("{\"skipAuth\": false}"));
    QCOMPARE(auditCount(), audits);
    VERIFY_OK(config.set(entry(QStringLiteral("routing"), QStringLiteral("{\"a\":1}")), seen));
    VERIFY_OK(config.remove(QStringLiteral("x-future")));
    QCOMPARE(config.all()->size(), 1);
}

void TestDbRepositories::systemConfigSavedToSettingsFile()
{
    // A settings file's private database: every change is saved back into the file, in
    // MCPHub's format, through the settings store.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mcp_settings.json"));
    QVERIFY(test::writeFile(path,
                            "{\n  \"mcpServers\": {},\n  \"users\": [],\n  \"systemConfig\": "
                            "{\n    \"routing\": {\n      \"enableGlobalRoute\": true\n    },\n  "
                            "  \"nameSeparator\": \"-\"\n  }\n}"));
    {
        auto ws = OpenedWorkspace::openSettingsFile(path, kConnection);
        QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
        SystemConfigRepository config(ws->context());
        SystemConfigEntry install;
        install.key = QStringLiteral("install");
        install.value = QStringLiteral("{\"npmRegistry\": \"https://registry.example.org\"}");
        VERIFY_OK(config.set(install));
        SystemConfigEntry separator;
        separator.key = QStringLiteral("nameSeparator");
        separator.value = QStringLiteral("\"__\"");
        VERIFY_OK(config.set(separator));
        VERIFY_OK(config.remove(QStringLiteral("routing")));
        ws->close();
    }
    const QByteArray saved = test::readFile(path);
    QCOMPARE(saved,
             QByteArray("{\n  \"mcpServers\": {},\n  \"users\": [],\n  \"systemConfig\": {\n  "
                        "  \"nameSeparator\": \"__\",\n    \"install\": {\n      "
                        "\"npmRegistry\": \"https://registry.example.org\"\n    }\n  }\n}"));
}

// Another session holds what a write needs (SQLite: the write lock; PostgreSQL: the users
// table, as a migration or MCPHub's own transaction may): the write waits a bounded time
// (SQLite's busy timeout, PostgreSQL's lock_timeout of TransactionGuard), then fails as
// Locked with nothing written, instead of holding the console's window without end; once the
// other session is done, the same write goes through.
void TestDbRepositories::writeLockedByAnotherSessionWaitsBounded()
{
    MCPHUB_BACKEND(backend);
    ConnectionProfile profile = backend.profile();
    profile.sqliteBusyTimeoutMs = 300;
    auto ws = Workspace::open(profile, kConnection);
    QVERIFY(ws.ok());
    const RepositoryContext ctx = ws->context(QStringLiteral("console-admin"));
    UserRepository users(ctx);
    VERIFY_OK(users.create(user(QStringLiteral("alice"))));
    auto alice = users.find(QStringLiteral("alice"));
    QVERIFY(alice.ok() && alice->has_value());
    UserRecord changed = **alice;
    changed.isAdmin = true;
    const qint64 audits = auditCount();

    const int lockTimeout = TransactionGuard::lockTimeout();
    TransactionGuard::setLockTimeout(300);
    const auto restore = qScopeGuard([&] { TransactionGuard::setLockTimeout(lockTimeout); });
    const QString other = QStringLiteral("tst_dbrepositories-other");
    // PostgreSQL: the table (met while the UPDATE is prepared), then the row (met when it runs).
    const QStringList locks
        = backend.isPostgres() ? QStringList{QStringLiteral("LOCK TABLE users IN EXCLUSIVE MODE"),
                                             QStringLiteral("SELECT 1 FROM users WHERE "
                                                            "username = 'alice' FOR UPDATE")}
                               : QStringList{QString()};
    for (const QString &lock : locks) {
        {
            QSqlDatabase holder = QSqlDatabase::cloneDatabase(kConnection, other);
            QVERIFY(holder.open());
            QSqlQuery hold(holder);
            QVERIFY(hold.exec(backend.isPostgres() ? QStringLiteral("BEGIN")
                                                   : QStringLiteral("BEGIN IMMEDIATE")));
            if (!lock.isEmpty())
                QVERIFY2(hold.exec(lock), qPrintable(lock));
            QElapsedTimer took;
            took.start();
            const auto blocked = users.update(changed);
            QVERIFY2(took.elapsed() < 3000, qPrintable(QString::number(took.elapsed())));
            QVERIFY(!blocked);
            QVERIFY2(blocked.error().code == Error::Code::Locked,
                     qPrintable(lock + u' ' + blocked.error().toString() + blocked.error().detail));
            QCOMPARE(auditCount(), audits);
            QVERIFY(hold.exec(QStringLiteral("ROLLBACK")));
            holder.close();
        }
        QSqlDatabase::removeDatabase(other);
    }
    VERIFY_OK(users.update(changed));
    QCOMPARE(auditCount(), audits + 1);
    QVERIFY((*users.find(QStringLiteral("alice")))->isAdmin);
}

QTEST_GUILESS_MAIN(TestDbRepositories)
#include "tst_dbrepositories.moc"
