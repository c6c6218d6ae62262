// A plain mcp_settings.json as a workspace (SettingsFileWorkspace), through the library and
// through real mcphub-adminctl processes with --file: a change reaches the file in MCPHub's
// format with only its own lines changed, backed up; a bad file is refused naming
// FILE:LINE:COL and nothing is written; a file MCPHub rewrote meanwhile is a conflict that
// leaves the database and the file as they were.

#include "storage/db/transactionguard.h"
#include "storage/db/useradministration.h"
#include "storage/migration/settingsfileworkspace.h"
#include "storage/passwordhasher.h"
#include "tests/support/testenv.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace mcphub;
using OrderedJson = nlohmann::ordered_json;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run adminctl(const QStringList &args, const QByteArray &input = {})
{
    QProcess process;
    process.start(test::binDir() + QStringLiteral("/mcphub-adminctl"), args);
    Run result;
    if (!process.waitForStarted(10000))
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
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

// The fixture copied into `dir` as mcp_settings.json.
QString copyFixture(const QTemporaryDir &dir, const QString &fixture)
{
    const QString path = dir.filePath(QStringLiteral("mcp_settings.json"));
    QFile::copy(test::fixturesDir() + QLatin1Char('/') + fixture, path);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return path;
}

QStringList filesIn(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

// `run` evaluated once (QVERIFY2 evaluates its message whatever the outcome).
#define VERIFY_RUN(run, code)                                                                      \
    do {                                                                                           \
        const auto &verifiedRun_ = (run);                                                          \
        QVERIFY2(verifiedRun_.exitCode == (code),                                                  \
                 qPrintable(verifiedRun_.out + verifiedRun_.err));                                 \
    } while (false)

const QString kConnection = QStringLiteral("tst_fileworkspace");

} // namespace

class TestFileWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cliUserAddChangesOnlyItsLines();
    void cliUserListAndRemove();
    void cliBadFilesWriteNothing_data();
    void cliBadFilesWriteNothing();
    void cliFileIsOneOfFourOptions();
    void changedOnDiskIsConflict();
    void invalidChangeKeepsFileAndDatabase();
};

void TestFileWorkspace::cliUserAddChangesOnlyItsLines()
{
    QTemporaryDir dir;
    const QString path = copyFixture(dir, QStringLiteral("upstream/mcp_settings.default.json"));
    const QByteArray before = test::readFile(path);
    const Run add = adminctl({QStringLiteral("user"),
                              QStringLiteral("add"),
                              QStringLiteral("bob"),
                              QStringLiteral("--password-stdin"),
                              QStringLiteral("--file"),
                              path},
                             "B0b!secret\n");
    VERIFY_RUN(add, 0);
    const QByteArray after = test::readFile(path);
    QVERIFY(after != before);

    // bob is there with a bcrypt hash that verifies; without him the document is the old one.
    OrderedJson document = parse(after);
    QVERIFY(!document.is_discarded());
    OrderedJson &users = document["users"];
    QCOMPARE(users.size(), size_t(2));
    QCOMPARE(users[1]["username"].get<std::string>(), std::string("bob"));
    const QString hash = QString::fromStdString(users[1]["password"].get<std::string>());
    QVERIFY2(hash.startsWith(QLatin1String("$2b$10$")), qPrintable(hash));
    QVERIFY(PasswordHasher::verify(QStringLiteral("B0b!secret"), hash));
    users.erase(1);
    QVERIFY(document == parse(before));

    // MCPHub's format: node's JSON.stringify(value, null, 2) gives the same bytes.
    const auto node = test::runNode(
        QStringLiteral("let s='';process.stdin.on('data',d=>s+=d).on('end',()=>"
                       "process.stdout.write(JSON.stringify(JSON.parse(s),null,2)))"),
        {},
        after);
    QVERIFY2(node.ok, qPrintable(node.error));
    QCOMPARE(node.output.toUtf8(), after);

    // Only its own lines: every old line but the closing brace before bob is unchanged, in order.
    const QList<QByteArray> oldLines = before.split('\n');
    const QList<QByteArray> newLines = after.split('\n');
    qsizetype changed = 0;
    qsizetype j = 0;
    for (const QByteArray &line : oldLines) {
        while (j < newLines.size() && newLines.at(j) != line && newLines.at(j) != line + ',')
            ++j;
        QVERIFY2(j < newLines.size(), line.constData());
        changed += newLines.at(j) != line;
        ++j;
    }
    QCOMPARE(changed, qsizetype(1));

    // The replaced content is kept as a backup beside the file; no lock is left behind.
    const QStringList backups = QDir(dir.path()).entryList({QStringLiteral("*.backup.*")});
    QCOMPARE(backups.size(), 1);
    QCOMPARE(test::readFile(dir.filePath(backups.first())), before);
    QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
}

void TestFileWorkspace::cliUserListAndRemove()
{
    QTemporaryDir dir;
    const QString path = copyFixture(dir, QStringLiteral("upstream/mcp_settings.default.json"));
    const QByteArray before = test::readFile(path);
    const Run list = adminctl(
        {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--file"), path});
    VERIFY_RUN(list, 0);
    QVERIFY2(list.out.contains(QLatin1String("admin")), qPrintable(list.out));
    QCOMPARE(test::readFile(path), before); // reading writes nothing
    QCOMPARE(filesIn(dir), QStringList{QStringLiteral("mcp_settings.json")});

    // The last administrator stays, and the file with it.
    const Run removeAdmin = adminctl({QStringLiteral("user"),
                                      QStringLiteral("remove"),
                                      QStringLiteral("admin"),
                                      QStringLiteral("--file"),
                                      path});
    QVERIFY2(removeAdmin.exitCode != 0, qPrintable(removeAdmin.err));
    QCOMPARE(test::readFile(path), before);
    QCOMPARE(filesIn(dir), QStringList{QStringLiteral("mcp_settings.json")});

    VERIFY_RUN(adminctl({QStringLiteral("user"),
                         QStringLiteral("add"),
                         QStringLiteral("carol"),
                         QStringLiteral("--password-stdin"),
                         QStringLiteral("--file"),
                         path},
                        "C4rol!pass\n"),
               0);
    VERIFY_RUN(adminctl({QStringLiteral("user"),
                         QStringLiteral("remove"),
                         QStringLiteral("carol"),
                         QStringLiteral("--file"),
                         path}),
               0);
    QCOMPARE(test::readFile(path), before); // added and removed again: the original bytes
}

void TestFileWorkspace::cliBadFilesWriteNothing_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("place"); // expected FILE:LINE:COL suffix
    QTest::newRow("trailing comma")
        << QByteArray("{\n  \"mcpServers\": {},\n}\n") << QStringLiteral(":3:1");
    QTest::newRow("server without command")
        << QByteArray("{\n  \"mcpServers\": {\n    \"x\": {\n      \"type\": \"stdio\"\n    }\n  "
                      "}\n}")
        << QStringLiteral(":3:10");
}

void TestFileWorkspace::cliBadFilesWriteNothing()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, place);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mcp_settings.json"));
    QVERIFY(test::writeFile(path, content));
    const Run add = adminctl({QStringLiteral("user"),
                              QStringLiteral("add"),
                              QStringLiteral("bob"),
                              QStringLiteral("--password-stdin"),
                              QStringLiteral("--file"),
                              path},
                             "B0b!secret\n");
    QCOMPARE(add.exitCode, 2);
    QVERIFY2(add.err.contains(path + place), qPrintable(add.err));
    QCOMPARE(test::readFile(path), content);
    QCOMPARE(filesIn(dir), QStringList{QStringLiteral("mcp_settings.json")});
}

void TestFileWorkspace::cliFileIsOneOfFourOptions()
{
    QTemporaryDir dir;
    const QString path = copyFixture(dir, QStringLiteral("upstream/mcp_settings.default.json"));
    const Run both = adminctl({QStringLiteral("user"),
                               QStringLiteral("list"),
                               QStringLiteral("--file"),
                               path,
                               QStringLiteral("--sqlite"),
                               dir.filePath(QStringLiteral("x.db"))});
    QCOMPARE(both.exitCode, 2);
    QVERIFY2(both.err.contains(QLatin1String("--file")), qPrintable(both.err));
    const Run db = adminctl(
        {QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--file"), path});
    QCOMPARE(db.exitCode, 2);
    QVERIFY2(db.err.contains(QLatin1String("--file")), qPrintable(db.err));

    // export reads the file's workspace and writes another file.
    const QString exported = dir.filePath(QStringLiteral("exported.json"));
    VERIFY_RUN(adminctl({QStringLiteral("export"), QStringLiteral("--file"), path, exported}), 0);
    QVERIFY(parse(test::readFile(exported)) == parse(test::readFile(path)));
}

void TestFileWorkspace::changedOnDiskIsConflict()
{
    QTemporaryDir dir;
    const QString path = copyFixture(dir, QStringLiteral("upstream/mcp_settings.default.json"));
    auto ws = SettingsFileWorkspace::open(path, kConnection);
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
    UserAdministration users((*ws)->context());

    // MCPHub rewrites the file meanwhile (a new server, in its own format).
    OrderedJson rewritten = parse(test::readFile(path));
    rewritten["mcpServers"]["added-by-hub"] = {{"command", "npx"}};
    const QByteArray hubBytes = QByteArray::fromStdString(rewritten.dump(2));
    QTest::qWait(20); // a later modification time
    QVERIFY(test::writeFile(path, hubBytes));

    const auto hash = PasswordHasher::hash(QStringLiteral("D4ve!pass"), 10);
    QVERIFY(hash.ok());
    const auto added = users.add(QStringLiteral("dave"), *hash, false);
    QVERIFY(!added.ok());
    QCOMPARE(added.error().code, Error::Code::Conflict);
    QCOMPARE(added.error().remedy, Error::Remedy::Reload);
    QCOMPARE(test::readFile(path), hubBytes);
    const auto all = users.all();
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 1); // rolled back: dave is not in the database either
    ws->reset();

    // Opened again, the hub's version is what the workspace holds, and a change saves.
    auto reopened = SettingsFileWorkspace::open(path, kConnection);
    QVERIFY(reopened.ok());
    QVERIFY(UserAdministration((*reopened)->context()).add(QStringLiteral("dave"), *hash, false));
    const OrderedJson saved = parse(test::readFile(path));
    QVERIFY(saved["mcpServers"].contains("added-by-hub"));
    QCOMPARE(saved["users"].size(), size_t(2));
    QVERIFY(!(*reopened)->lastBackupPath().isEmpty());
    QCOMPARE(test::readFile((*reopened)->lastBackupPath()), hubBytes);
}

void TestFileWorkspace::invalidChangeKeepsFileAndDatabase()
{
    QTemporaryDir dir;
    const QString path = copyFixture(dir, QStringLiteral("upstream/mcp_settings.default.json"));
    const QByteArray before = test::readFile(path);
    auto ws = SettingsFileWorkspace::open(path, kConnection);
    QVERIFY(ws.ok());
    // A change the database takes but the settings validator refuses (a stdio server
    // without a command): the save fails, so the transaction rolls back.
    const QSqlDatabase db = (*ws)->workspace().database();
    {
        TransactionGuard tx(db);
        QVERIFY(tx.active());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("UPDATE mcp_servers SET command = NULL "
                                          "WHERE name = 'fetch'")));
        const auto committed = tx.commit();
        QVERIFY(!committed.ok());
        QVERIFY2(committed.error().message.contains(QLatin1String("mcp_settings.json")),
                 qPrintable(committed.error().toString()));
    }
    QSqlQuery check(db);
    QVERIFY(check.exec(QStringLiteral("SELECT command FROM mcp_servers WHERE name = 'fetch'")));
    QVERIFY(check.next());
    QCOMPARE(check.value(0).toString(), QStringLiteral("uvx"));
    QCOMPARE(test::readFile(path), before);
    QCOMPARE(filesIn(dir), QStringList{QStringLiteral("mcp_settings.json")});
}

QTEST_GUILESS_MAIN(TestFileWorkspace)
#include "tst_fileworkspace.moc"
