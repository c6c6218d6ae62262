// What each kind of workspace stores (WorkspaceCapabilities), issue 11 items 1 and 6: every
// editable field of every editor x every workspace kind that opens (a settings file, the
// console's SQLite and the real PostgreSQL) is edited through the editors' models, applied,
// the workspace closed and opened again, and the value is there; a field a kind cannot store
// is not offered by the model, refused by the service and by the real CLI, and the file is
// left byte for byte as it was (no backup). A settings file has no hub registry: its Hubs
// page says so and offers nothing. Servers whose values hold MCPHub's ${VAR} placeholders
// can be changed and saved (mcp_settings_with_env_vars.json through the widgets).

#include "models/bearerkeytablemodel.h"
#include "models/grouptablemodel.h"
#include "models/servertablemodel.h"
#include "models/usertablemodel.h"
#include "storage/db/useradministration.h"
#include "storage/db/userrepository.h"
#include "storage/db/workspacecapabilities.h"
#include "storage/hub/hubregistry.h"
#include "storage/migration/migrator.h"
#include "storage/migration/openedworkspace.h"
#include "storage/passwordhasher.h"
#include "storage/secretstore.h"
#include "storage/settings/settingsbackups.h"
#include "tests/support/adminctlrun.h"
#include "tests/support/editordriver.h"
#include "tests/support/testbackend.h"
#include "tests/support/testenv.h"
#include "ui/backups/backupspage.h"
#include "ui/hubs/hubsview.h"
#include "ui/main/areapage.h"
#include "ui/main/mainwindow.h"
#include "ui/main/workspacesession.h"
#include "ui/main/workspaceswitcher.h"
#include "ui/main/workspaceviews.h"
#include "ui/servers/serverdetailpanel.h"
#include "ui/servers/serverspage.h"

#include <QCheckBox>
#include <QJsonDocument>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace mcphub;
using namespace mcphub::test;

namespace {

const QString kConnection = QStringLiteral("tst_workspacecapabilities");

// VERIFY_OK for a Result that cannot be copied (an OpenedWorkspace).
#define VERIFY_OPENED(result)                                                                      \
    QVERIFY2((result).ok(), qPrintable((result).ok() ? QString() : (result).error().toString()))

// admin123, the hash MCPHub ships.
const char kHash[] = "$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.";

QByteArray baseSettings()
{
    return QByteArray(R"({
  "mcpServers": {
    "remote": {
      "type": "sse",
      "url": "https://a.example.org/sse",
      "enabled": true
    },
    "local": {
      "type": "stdio",
      "command": "uvx",
      "args": ["mcp-server-fetch"]
    },
    "api": {
      "type": "openapi",
      "openapi": {
        "url": "https://api.example.org/openapi.json"
      }
    }
  },
  "users": [
    {"username": "admin", "password": "HASH", "isAdmin": true},
    {"username": "bob", "password": "HASH", "isAdmin": false}
  ],
  "groups": [
    {"id": "11111111-2222-3333-4444-555555555555", "name": "team", "servers": ["remote"]}
  ],
  "bearerKeys": [
    {"id": "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "name": "ci", "token": "tok-1234567890",
     "enabled": true, "accessType": "all"}
  ]
}
)")
        .replace("HASH", kHash);
}

// One sample edit: on the row labelled `row` of `entity`, set `field` to `value` (with
// `also`, values the editor's rules need beside it); after reopening, the row is found as
// `rowAfter` (a renamed row) and `field` holds `value`.
struct Sample
{
    QString entity;
    QString field;
    QString row;
    QVariant value;
    QVariantMap also = {};
    QString rowAfter = {};
};

QStringList list(std::initializer_list<const char *> items)
{
    QStringList l;
    for (const char *i : items)
        l << QString::fromUtf8(i);
    return l;
}

// A sample value for every editable field the declaration has. A field without one fails
// declarationHasSamples: a new field must come with its round trip.
QList<Sample> samples()
{
    const QString s = QStringLiteral("mcpServers");
    return {
        {QStringLiteral("users"), QStringLiteral("username"), {}, QStringLiteral("carol")},
        {QStringLiteral("users"), QStringLiteral("isAdmin"), QStringLiteral("bob"), true},
        {QStringLiteral("users"),
         QStringLiteral("status"),
         QStringLiteral("bob"),
         QStringLiteral("disabled")},
        {QStringLiteral("users"),
         QStringLiteral("email"),
         QStringLiteral("bob"),
         QStringLiteral("bob@example.org")},
        {QStringLiteral("users"),
         QStringLiteral("fullName"),
         QStringLiteral("bob"),
         QStringLiteral("Bob Builder")},
        {QStringLiteral("users"),
         QStringLiteral("password"),
         QStringLiteral("bob"),
         QStringLiteral("N3w!password")},
        {s,
         QStringLiteral("name"),
         QStringLiteral("remote"),
         QStringLiteral("remote2"),
         {},
         QStringLiteral("remote2")},
        {s, QStringLiteral("type"), QStringLiteral("remote"), QStringLiteral("streamable-http")},
        {s, QStringLiteral("enabled"), QStringLiteral("remote"), false},
        {s,
         QStringLiteral("description"),
         QStringLiteral("remote"),
         QStringLiteral("Primary remote")},
        {s, QStringLiteral("owner"), QStringLiteral("remote"), QStringLiteral("bob")},
        {s, QStringLiteral("command"), QStringLiteral("local"), QStringLiteral("npx")},
        {s, QStringLiteral("args"), QStringLiteral("local"), list({"-y", "@example/server"})},
        {s,
         QStringLiteral("env"),
         QStringLiteral("local"),
         QStringLiteral(R"({"API_KEY":"${MY_KEY}"})")},
        {s,
         QStringLiteral("url"),
         QStringLiteral("remote"),
         QStringLiteral("https://${HUB_HOST}/sse")},
        {s,
         QStringLiteral("headers"),
         QStringLiteral("remote"),
         QStringLiteral(R"({"Authorization":"Bearer x"})")},
        {s, QStringLiteral("passthroughHeaders"), QStringLiteral("remote"), list({"X-Trace"})},
        {s, QStringLiteral("enableKeepAlive"), QStringLiteral("remote"), true},
        {s, QStringLiteral("keepAliveInterval"), QStringLiteral("remote"), QStringLiteral("30000")},
        {s,
         QStringLiteral("openapiUrl"),
         QStringLiteral("api"),
         QStringLiteral("https://api2.example.org/o.json")},
        {s,
         QStringLiteral("openapiSchema"),
         QStringLiteral("api"),
         QStringLiteral(R"({"openapi":"3.1.0","paths":{}})")},
        {s,
         QStringLiteral("openapiSecurity"),
         QStringLiteral("api"),
         QStringLiteral(R"({"type":"http","http":{"scheme":"bearer"}})")},
        {s,
         QStringLiteral("tools"),
         QStringLiteral("remote"),
         QStringLiteral(R"({"remote-fetch":{"enabled":false}})")},
        {QStringLiteral("groups"),
         QStringLiteral("name"),
         QStringLiteral("team"),
         QStringLiteral("team2"),
         {},
         QStringLiteral("team2")},
        {QStringLiteral("groups"),
         QStringLiteral("description"),
         QStringLiteral("team"),
         QStringLiteral("The team")},
        {QStringLiteral("groups"),
         QStringLiteral("owner"),
         QStringLiteral("team"),
         QStringLiteral("admin")},
        {QStringLiteral("groups"),
         QStringLiteral("servers"),
         QStringLiteral("team"),
         QStringLiteral(R"(["remote","local"])")},
        {QStringLiteral("bearerKeys"),
         QStringLiteral("name"),
         QStringLiteral("ci"),
         QStringLiteral("ci2"),
         {},
         QStringLiteral("ci2")},
        {QStringLiteral("bearerKeys"),
         QStringLiteral("token"),
         QStringLiteral("ci"),
         QStringLiteral("tok-abcdefabcdef")},
        {QStringLiteral("bearerKeys"), QStringLiteral("enabled"), QStringLiteral("ci"), false},
        {QStringLiteral("bearerKeys"),
         QStringLiteral("accessType"),
         QStringLiteral("ci"),
         QStringLiteral("custom"),
         {{QStringLiteral("allowedServers"), list({"local"})}}},
        {QStringLiteral("bearerKeys"),
         QStringLiteral("allowedGroups"),
         QStringLiteral("ci"),
         list({"team"}),
         {{QStringLiteral("accessType"), QStringLiteral("groups")}}},
        {QStringLiteral("bearerKeys"),
         QStringLiteral("allowedServers"),
         QStringLiteral("ci"),
         list({"remote"}),
         {{QStringLiteral("accessType"), QStringLiteral("servers")}}},
    };
}

std::optional<Sample> sampleFor(const QString &entity, const QString &field)
{
    for (const Sample &s : samples()) {
        if (s.entity == entity && s.field == field)
            return s;
    }
    return std::nullopt;
}

// The workspace of a test row: "file" (a settings file), "sqlite" or "postgres" (the same
// settings migrated into a fresh console database).
class Place
{
public:
    explicit Place(const QString &backendKind)
        : m_backendKind(backendKind)
    {
        m_path = m_dir.filePath(QStringLiteral("mcp_settings.json"));
        writeFile(m_path, baseSettings());
        if (backendKind != QLatin1String("file"))
            m_backend = std::make_unique<TestBackend>(backendKind);
    }

    bool isFile() const { return !m_backend; }
    TestBackend *backend() const { return m_backend.get(); }
    const QString &path() const { return m_path; }
    QString cliArgument() const
    {
        return isFile() ? QStringLiteral("--file=") + m_path : m_backend->cliArgument();
    }

    Result<OpenedWorkspace> open() const
    {
        if (isFile())
            return OpenedWorkspace::openSettingsFile(m_path, kConnection);
        return OpenedWorkspace::openDatabase(m_backend->profile(), kConnection);
    }

    // Brings the database to the base settings (a settings file already is).
    Result<void> seed() const
    {
        if (isFile())
            return {};
        auto ws = open();
        if (!ws)
            return ws.error();
        MigrationOptions options;
        options.sourcePath = m_path;
        options.target = QStringLiteral("test");
        options.backupDir = m_dir.path();
        const MigrationReport report = Migrator(ws->context(), options).run();
        ws->close();
        if (report.error)
            return *report.error;
        return {};
    }

private:
    QString m_backendKind;
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<TestBackend> m_backend;
};

std::unique_ptr<PendingTableModel> modelFor(const QString &entity, const RepositoryContext &context)
{
    if (entity == QLatin1String("users"))
        return std::make_unique<UserTableModel>(context);
    if (entity == QLatin1String("mcpServers"))
        return std::make_unique<ServerTableModel>(context);
    if (entity == QLatin1String("groups"))
        return std::make_unique<GroupTableModel>(context);
    if (entity == QLatin1String("bearerKeys"))
        return std::make_unique<BearerKeyTableModel>(context);
    return {};
}

int rowLabelled(const PendingTableModel &model, const QString &label)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.rowLabel(row) == label)
            return row;
    }
    return -1;
}

// Equal as the editors mean them: JSON text by its value, lists and flags as they are.
bool sameValue(const QVariant &actual, const QVariant &expected)
{
    if (expected.metaType() == QMetaType::fromType<QString>()) {
        const QString e = expected.toString();
        if (e.startsWith(QLatin1Char('{')) || e.startsWith(QLatin1Char('[')))
            return QJsonDocument::fromJson(actual.toString().toUtf8())
                   == QJsonDocument::fromJson(e.toUtf8());
        return actual.toString() == e;
    }
    if (expected.metaType() == QMetaType::fromType<QStringList>())
        return actual.toStringList() == expected.toStringList();
    if (expected.metaType() == QMetaType::fromType<bool>())
        return actual.toBool() == expected.toBool();
    return actual == expected;
}

QString cliOption(const QString &field)
{
    if (field == QLatin1String("fullName"))
        return QStringLiteral("--full-name");
    return QStringLiteral("--") + field;
}

} // namespace

class TestWorkspaceCapabilities : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { closeSqlConnection(kConnection); }

    void declarationHasSamples();
    void declarationCoversEveryEditorField();
    void fieldRoundTrip_data();
    void fieldRoundTrip();
    void unstoredFieldIsRefused_data();
    void unstoredFieldIsRefused();
    void cliSetsConsoleFields_data();
    void cliSetsConsoleFields();
    void settingsFileHasNoHubRegistry();
    void serverUrlPlaceholders_data();
    void serverUrlPlaceholders();
    void serverWithPlaceholdersCanBeChanged();
};

void TestWorkspaceCapabilities::declarationHasSamples()
{
    for (const WorkspaceCapabilities::Field &f : WorkspaceCapabilities::fields()) {
        if (!f.editable)
            continue;
        QVERIFY2(sampleFor(QString::fromLatin1(f.entity), QString::fromLatin1(f.name)),
                 qPrintable(QStringLiteral("no sample for %1.%2")
                                .arg(QString::fromLatin1(f.entity), QString::fromLatin1(f.name))));
        QVERIFY2(!f.effectText().isEmpty(), f.name);
    }
    // A settings file stores exactly what MCPHub's file has for users (reference §1.3).
    QCOMPARE(WorkspaceCapabilities(WorkspaceKind::SettingsFile)
                 .storedFields(QStringLiteral("users"), true),
             list({"username", "isAdmin", "password"}));
    QVERIFY(!WorkspaceCapabilities(WorkspaceKind::SettingsFile).hasHubRegistry());
    QVERIFY(WorkspaceCapabilities(WorkspaceKind::ConsoleDatabase).hasHubRegistry());
    QVERIFY(WorkspaceCapabilities(WorkspaceKind::McphubDatabase).hasHubRegistry());
    QVERIFY(WorkspaceCapabilities::canOpen(WorkspaceKind::McphubDatabase));
}

// Every field an editor holds is declared (or is the row's id / a display value), so the
// editors cannot offer a field the declaration does not know.
void TestWorkspaceCapabilities::declarationCoversEveryEditorField()
{
    Place place(QStringLiteral("file"));
    auto ws = place.open();
    VERIFY_OPENED(ws);
    // updatedAt: the version stamp Apply checks for conflicts; stored*: a key's lists as
    // stored, checked for what MCPHub can load. Never edited.
    const QStringList notMcphubFields{QStringLiteral("id"),
                                      QStringLiteral("serverCount"),
                                      QStringLiteral("updatedAt"),
                                      QStringLiteral("storedAllowedGroups"),
                                      QStringLiteral("storedAllowedServers")};
    for (const QString &entity : {QStringLiteral("users"),
                                  QStringLiteral("mcpServers"),
                                  QStringLiteral("groups"),
                                  QStringLiteral("bearerKeys")}) {
        // In the console's database: every field, declared; in the file: only stored ones.
        RepositoryContext database = ws->context();
        database.kind = WorkspaceKind::ConsoleDatabase;
        auto model = modelFor(entity, database);
        VERIFY_OK(model->reload());
        QVERIFY(model->rowCount() > 0);
        const QVariantMap values = model->rowValues(0);
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            if (notMcphubFields.contains(it.key()))
                continue;
            QVERIFY2(
                WorkspaceCapabilities::field(entity, it.key()),
                qPrintable(entity + QLatin1Char('.') + it.key() + QStringLiteral(" undeclared")));
        }
        for (int column = 0; column < model->columnCount(); ++column) {
            const QString field = model->fieldAt(column);
            QVERIFY2(WorkspaceCapabilities::field(entity, field) || notMcphubFields.contains(field),
                     qPrintable(field));
        }
        auto fileModel = modelFor(entity, ws->context());
        for (int column = 0; column < fileModel->columnCount(); ++column) {
            QVERIFY2(WorkspaceCapabilities(WorkspaceKind::SettingsFile)
                         .stores(entity, fileModel->fieldAt(column)),
                     qPrintable(fileModel->fieldAt(column)));
        }
    }
    // Console-only fields say so in the console's database.
    RepositoryContext database = ws->context();
    database.kind = WorkspaceKind::ConsoleDatabase;
    UserTableModel users(database);
    const int status = users.fieldIndex(UserTableModel::kStatus);
    QVERIFY(status >= 0);
    QVERIFY2(users.headerData(status, Qt::Horizontal)
                 .toString()
                 .contains(QStringLiteral("console only")),
             qPrintable(users.headerData(status, Qt::Horizontal).toString()));
    QVERIFY(users.headerData(status, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("can still sign in")));
    UserTableModel fileUsers(ws->context());
    QCOMPARE(fileUsers.fieldIndex(UserTableModel::kStatus), -1);
    QCOMPARE(fileUsers.fieldIndex(UserTableModel::kEmail), -1);
    QCOMPARE(fileUsers.fieldIndex(UserTableModel::kFullName), -1);
    QCOMPARE(fileUsers.fieldIndex(UserTableModel::kLastLogin), -1);
}

void TestWorkspaceCapabilities::fieldRoundTrip_data()
{
    QTest::addColumn<QString>("backendKind");
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("field");
    const QList<QPair<QString, WorkspaceKind>> places{
        {QStringLiteral("file"), WorkspaceKind::SettingsFile},
        {QStringLiteral("sqlite"), WorkspaceKind::ConsoleDatabase},
        {QStringLiteral("postgres"), WorkspaceKind::ConsoleDatabase}};
    for (const auto &[backend, kind] : places) {
        for (const WorkspaceCapabilities::Field &f : WorkspaceCapabilities::fields()) {
            if (!f.editable || !f.storedIn(kind))
                continue;
            QTest::addRow("%s/%s.%s", qPrintable(backend), f.entity, f.name)
                << backend << QString::fromLatin1(f.entity) << QString::fromLatin1(f.name);
        }
    }
}

void TestWorkspaceCapabilities::fieldRoundTrip()
{
    QFETCH(QString, backendKind);
    QFETCH(QString, entity);
    QFETCH(QString, field);
    Place place(backendKind);
    if (!place.isFile()) {
        MCPHUB_REQUIRE_SERVICE(!place.backend()->isPostgres() || PgTestDatabase::serverConfigured(),
                               QStringLiteral("PostgreSQL"));
        QVERIFY2(place.backend()->available(), qPrintable(place.backend()->error()));
    }
    VERIFY_OK(place.seed());
    const auto sample = sampleFor(entity, field);
    QVERIFY(sample);
    const QByteArray before = readFile(place.path());

    {
        auto ws = place.open();
        VERIFY_OPENED(ws);
        auto model = modelFor(entity, ws->context());
        VERIFY_OK(model->reload());
        if (entity == QLatin1String("users") && field == QLatin1String("username")) {
            auto *users = static_cast<UserTableModel *>(model.get());
            const int row = users->addUser(sample->value.toString());
            VERIFY_OK(
                users->setPassword(row, QStringLiteral("C4rol!pass"), PasswordHasher::kMinCost));
        } else if (entity == QLatin1String("users") && field == QLatin1String("password")) {
            auto *users = static_cast<UserTableModel *>(model.get());
            VERIFY_OK(users->setPassword(rowLabelled(*users, sample->row),
                                         sample->value.toString(),
                                         PasswordHasher::kMinCost));
        } else {
            const int row = rowLabelled(*model, sample->row);
            QVERIFY2(row >= 0, qPrintable(sample->row));
            QVariantMap values = sample->also;
            values.insert(field, sample->value);
            QVERIFY(model->setValues(row, values, QStringLiteral("test")));
        }
        QCOMPARE(model->pendingCount(), 1);
        const auto applied = model->apply();
        QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().toString()));
        QCOMPARE(model->pendingCount(), 0);
        model.reset();
        ws->close();
    }
    if (place.isFile()) {
        // Written to the file, with the replaced content as a backup.
        QVERIFY(readFile(place.path()) != before);
        const QStringList backups = SettingsBackups::paths(place.path());
        QCOMPARE(backups.size(), 1);
        QCOMPARE(readFile(backups.first()), before);
    }

    // Reopened: the value is there.
    auto ws = place.open();
    VERIFY_OPENED(ws);
    auto model = modelFor(entity, ws->context());
    VERIFY_OK(model->reload());
    if (entity == QLatin1String("users")
        && (field == QLatin1String("username") || field == QLatin1String("password"))) {
        const QString name
            = field == QLatin1String("username") ? sample->value.toString() : sample->row;
        const QString password = field == QLatin1String("username") ? QStringLiteral("C4rol!pass")
                                                                    : sample->value.toString();
        QVERIFY(rowLabelled(*model, name) >= 0);
        const auto user = UserRepository(ws->context()).find(name);
        VERIFY_OK(user);
        QVERIFY(user->has_value());
        QVERIFY(PasswordHasher::verify(password, (*user)->password));
        return;
    }
    const int row
        = rowLabelled(*model, sample->rowAfter.isEmpty() ? sample->row : sample->rowAfter);
    QVERIFY2(row >= 0, qPrintable(sample->rowAfter));
    const QVariant actual = model->value(row, field);
    QVERIFY2(sameValue(actual, sample->value),
             qPrintable(QStringLiteral("%1 after reopening: %2, expected %3")
                            .arg(field, actual.toString(), sample->value.toString())));
}

void TestWorkspaceCapabilities::unstoredFieldIsRefused_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("field");
    int rows = 0;
    const WorkspaceCapabilities file(WorkspaceKind::SettingsFile);
    for (const WorkspaceCapabilities::Field &f : WorkspaceCapabilities::fields()) {
        if (!f.editable || f.storedIn(WorkspaceKind::SettingsFile))
            continue;
        QTest::addRow("%s.%s", f.entity, f.name)
            << QString::fromLatin1(f.entity) << QString::fromLatin1(f.name);
        ++rows;
    }
    QVERIFY(rows >= 3); // status, e-mail, full name
}

// Issue 11 item 1: on a settings file, Status "disabled" was "1 change(s) written to the
// workspace" while the file stayed as it was. Now the editor does not offer it, the service
// refuses it, and so does the CLI; the file is untouched and no backup is made.
void TestWorkspaceCapabilities::unstoredFieldIsRefused()
{
    QFETCH(QString, entity);
    QFETCH(QString, field);
    const auto sample = sampleFor(entity, field);
    QVERIFY(sample);
    QCOMPARE(entity, QStringLiteral("users")); // the only entity with console-only fields
    Place place(QStringLiteral("file"));
    const QByteArray before = readFile(place.path());
    {
        auto ws = place.open();
        VERIFY_OPENED(ws);
        UserTableModel model(ws->context());
        VERIFY_OK(model.reload());
        const int row = rowLabelled(model, sample->row);
        QVERIFY(row >= 0);
        QCOMPARE(model.fieldIndex(field), -1);
        QVERIFY(!model.isFieldStored(field));
        QVERIFY(!model.setValue(row, field, sample->value));
        QVERIFY(!model.typeValue(row, field, sample->value));
        QCOMPARE(model.pendingCount(), 0);

        const auto refused = UserAdministration(ws->context())
                                 .set(sample->row, {}, {{field, sample->value.toString()}});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::Invalid);
        QVERIFY2(refused.error().message.contains(QStringLiteral("settings file has no place")),
                 qPrintable(refused.error().message));
        QCOMPARE(refused.error().where, QStringLiteral("users/bob"));
        ws->close();
    }
    QCOMPARE(readFile(place.path()), before);

    const Run run = adminctl({QStringLiteral("user"),
                              QStringLiteral("set"),
                              sample->row,
                              cliOption(field),
                              sample->value.toString(),
                              place.cliArgument()});
    VERIFY_RUN(run, 2);
    QVERIFY2(run.err.contains(QStringLiteral("no place for the field \"%1\"").arg(field)),
             qPrintable(run.err));
    QCOMPARE(readFile(place.path()), before);
    QVERIFY(SettingsBackups::paths(place.path()).isEmpty());
}

void TestWorkspaceCapabilities::cliSetsConsoleFields_data()
{
    QTest::addColumn<QString>("backendKind");
    for (const char *kind : {"sqlite", "postgres"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

// The same "user set" that a settings file refuses writes the console's notes to its
// database; the admin flag reaches a settings file too.
void TestWorkspaceCapabilities::cliSetsConsoleFields()
{
    MCPHUB_BACKEND(backend);
    Place file(QStringLiteral("file"));
    Run run = adminctl(
        {QStringLiteral("migrate"), file.path(), QStringLiteral("--yes"), backend.cliArgument()});
    VERIFY_RUN(run, 0);
    run = adminctl({QStringLiteral("user"),
                    QStringLiteral("set"),
                    QStringLiteral("bob"),
                    QStringLiteral("--status"),
                    QStringLiteral("disabled"),
                    QStringLiteral("--email"),
                    QStringLiteral("bob@example.org"),
                    QStringLiteral("--full-name"),
                    QStringLiteral("Bob Builder"),
                    QStringLiteral("--admin"),
                    backend.cliArgument()});
    VERIFY_RUN(run, 0);
    {
        auto ws = OpenedWorkspace::openDatabase(backend.profile(), kConnection);
        VERIFY_OPENED(ws);
        const auto bob = UserRepository(ws->context()).find(QStringLiteral("bob"));
        VERIFY_OK(bob);
        QVERIFY(bob->has_value());
        QCOMPARE((*bob)->status, QStringLiteral("disabled"));
        QCOMPARE((*bob)->email, QStringLiteral("bob@example.org"));
        QCOMPARE((*bob)->fullName, QStringLiteral("Bob Builder"));
        QVERIFY((*bob)->isAdmin);
        ws->close();
    }

    run = adminctl({QStringLiteral("user"),
                    QStringLiteral("set"),
                    QStringLiteral("bob"),
                    QStringLiteral("--admin"),
                    file.cliArgument()});
    VERIFY_RUN(run, 0);
    auto ws = file.open();
    VERIFY_OPENED(ws);
    const auto bob = UserRepository(ws->context()).find(QStringLiteral("bob"));
    VERIFY_OK(bob);
    QVERIFY((*bob)->isAdmin);
}

// "Hubs added while a settings file is open vanish on Reload": a settings file has no hub
// registry, so its Hubs page says where hubs are kept and offers nothing to add.
void TestWorkspaceCapabilities::settingsFileHasNoHubRegistry()
{
    Place place(QStringLiteral("file"));
    const SecretStore secrets;
    MainWindow window;
    WorkspaceSwitcher switcher(&window, secrets, false);
    VERIFY_OK(switcher.openSettingsFile(place.path()));
    QWidget *content = window.page(WorkspaceAreaModel::Area::Hubs)->content();
    QVERIFY(content);
    QVERIFY(!qobject_cast<HubsView *>(content));
    QVERIFY(!content->findChild<HubsView *>());
    auto *label = qobject_cast<QLabel *>(content);
    QVERIFY(label);
    QVERIFY2(label->text().contains(QStringLiteral("no place for them")),
             qPrintable(label->text()));

    // The registry service refuses too (the CLI's hubs add, any later front end): nothing is
    // written to the private database.
    HubRecord hub;
    hub.name = QStringLiteral("lost");
    hub.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    const auto added = HubRegistry(switcher.session()->workspace().context(), secrets).add(hub, {});
    QVERIFY(!added);
    QVERIFY2(added.error().message.contains(QStringLiteral("no place for them")),
             qPrintable(added.error().message));

    // A console database has its registry.
    TestBackend backend(QStringLiteral("sqlite"));
    VERIFY_OK(switcher.openSqlite(backend.profile().sqlitePath));
    QTRY_VERIFY(qobject_cast<HubsView *>(window.page(WorkspaceAreaModel::Area::Hubs)->content()));
}

void TestWorkspaceCapabilities::serverUrlPlaceholders_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");
    QTest::newRow("whole") << QStringLiteral("${MCP_SERVER_URL}") << true;
    QTest::newRow("bare whole") << QStringLiteral("$MCP_SERVER_URL") << true;
    QTest::newRow("host") << QStringLiteral("https://${SERVER_HOST}/mcp") << true;
    QTest::newRow("host and port") << QStringLiteral("http://$HOST:${PORT}/sse") << true;
    QTest::newRow("base and path") << QStringLiteral("${BASE_URL}/mcp") << true;
    QTest::newRow("scheme") << QStringLiteral("${SCHEME}://hub.example.org/mcp") << true;
    QTest::newRow("query") << QStringLiteral("https://h.example.org/sse?key=${KEY}") << true;
    QTest::newRow("plain") << QStringLiteral("https://h.example.org/sse") << true;
    // The rest of the value is still checked.
    QTest::newRow("ftp") << QStringLiteral("ftp://${HOST}/x") << false;
    QTest::newRow("no scheme") << QStringLiteral("not a url ${X}") << false;
    QTest::newRow("lower case is not expanded") << QStringLiteral("https://${host}/mcp") << false;
    QTest::newRow("spaces in host") << QStringLiteral("https://a b.${DOMAIN}/") << false;
}

void TestWorkspaceCapabilities::serverUrlPlaceholders()
{
    QFETCH(QString, url);
    QFETCH(bool, valid);
    QVariantMap sse{{ServerTableModel::kName, QStringLiteral("s")},
                    {ServerTableModel::kType, QStringLiteral("sse")},
                    {ServerTableModel::kUrl, url}};
    QCOMPARE(!ServerTableModel::rules(sse).contains(ServerTableModel::kUrl), valid);
    QVariantMap openapi{{ServerTableModel::kName, QStringLiteral("o")},
                        {ServerTableModel::kType, QStringLiteral("openapi")},
                        {ServerTableModel::kOpenApiUrl, url}};
    QCOMPARE(!ServerTableModel::rules(openapi).contains(ServerTableModel::kOpenApiUrl), valid);
}

// Issue 11 item 6: in a copy of mcp_settings_with_env_vars.json, unticking Enabled on
// example-sse-server (url "${MCP_SERVER_URL}") and Apply said "This is not an http:// or
// https:// URL". Now it is saved, placeholders kept as written.
void TestWorkspaceCapabilities::serverWithPlaceholdersCanBeChanged()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mcp_settings.json"));
    QVERIFY(QFile::copy(fixturesDir() + QStringLiteral("/upstream/mcp_settings_with_env_vars.json"),
                        path));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const SecretStore secrets;
    MainWindow window;
    WorkspaceSwitcher switcher(&window, secrets, false);
    VERIFY_OK(switcher.openSettingsFile(path));
    WorkspaceViews *views = switcher.session()->views();
    ServersPage *page = views->serversPage();
    ServerTableModel *model = views->servers();
    window.showArea(WorkspaceAreaModel::Area::Servers);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    PendingTableEditor *editor = page->editor();

    for (const QString &name :
         {QStringLiteral("example-sse-server"), QStringLiteral("example-streamable-http")}) {
        const int row = rowLabelled(*model, name);
        QVERIFY2(row >= 0, qPrintable(name));
        editor->selectRow(row);
        QVERIFY2(page->detail()->problemText().isEmpty(),
                 qPrintable(page->detail()->problemText()));
        auto *enabled
            = qobject_cast<QCheckBox *>(page->detail()->fieldWidget(ServerTableModel::kEnabled));
        QVERIFY(enabled);
        QVERIFY(enabled->isChecked()); // an absent "enabled" is on
        QVERIFY(enabled->isEnabled());
        enabled->click(); // untick
        QVERIFY(!model->value(row, ServerTableModel::kEnabled).toBool());
        QVERIFY2(page->detail()->problemText().isEmpty(),
                 qPrintable(page->detail()->problemText()));
    }
    clickAction(editor, editor->applyAction());
    QVERIFY2(!editor->messageLabel()->text().contains(QStringLiteral("not an http")),
             qPrintable(editor->messageLabel()->text()));
    QCOMPARE(model->pendingCount(), 0);

    const QJsonObject servers = QJsonDocument::fromJson(readFile(path))
                                    .object()
                                    .value(QStringLiteral("mcpServers"))
                                    .toObject();
    const QJsonObject sse = servers.value(QStringLiteral("example-sse-server")).toObject();
    QCOMPARE(sse.value(QStringLiteral("enabled")), QJsonValue(false));
    QCOMPARE(sse.value(QStringLiteral("url")).toString(), QStringLiteral("${MCP_SERVER_URL}"));
    QCOMPARE(sse.value(QStringLiteral("headers"))
                 .toObject()
                 .value(QStringLiteral("Authorization"))
                 .toString(),
             QStringLiteral("Bearer ${API_TOKEN}"));
    const QJsonObject http = servers.value(QStringLiteral("example-streamable-http")).toObject();
    QCOMPARE(http.value(QStringLiteral("enabled")), QJsonValue(false));
    QCOMPARE(http.value(QStringLiteral("url")).toString(),
             QStringLiteral("https://${SERVER_HOST}/mcp"));
}

QTEST_MAIN(TestWorkspaceCapabilities)
#include "tst_workspacecapabilities.moc"
