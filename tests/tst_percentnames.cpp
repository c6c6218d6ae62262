// Names that look like QString::arg() placeholders ("%1", "%1 %2", "h%3") in every listing
// and message that shows user data (issue 12 item 12): mcphub-adminctl's user, hub, profile
// and history listings, the findings of migrate and validate, and the console's users,
// servers, groups and bearer-key tables. A chained .arg(name).arg(n) substitutes into the
// name and prints "%3" or a shifted line; a multi-argument arg() prints the name as it is.

#include "models/bearerkeytablemodel.h"
#include "models/grouptablemodel.h"
#include "models/servertablemodel.h"
#include "models/usertablemodel.h"
#include "storage/migration/openedworkspace.h"
#include "storage/sqlconnection.h"
#include "tests/support/adminctlrun.h"
#include "tests/support/testenv.h"

#include <QDir>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace mcphub;
using test::adminctl;

namespace {

// A server whose command is a number: line 4, column 18.
const QByteArray kBadServer = "{\n"
                              "  \"mcpServers\": {\n"
                              "    \"%1\": {\n"
                              "      \"command\": 7\n"
                              "    }\n"
                              "  }\n"
                              "}\n";

// Two users, two groups and two keys sharing a placeholder-like name or id.
const QByteArray kDuplicates = R"({
  "mcpServers": {
    "%1": { "command": "npx", "args": ["x"] }
  },
  "users": [
    { "username": "%1", "password": "$2b$10$abcdefghijklmnopqrstuuOZ5hXmFh3zFQIhbEXpqVFvXZ1k0v1Ge", "isAdmin": true },
    { "username": "%1", "password": "$2b$10$abcdefghijklmnopqrstuuOZ5hXmFh3zFQIhbEXpqVFvXZ1k0v1Ge", "isAdmin": false }
  ],
  "groups": [
    { "id": "g%2", "name": "%1 %2", "servers": ["%1"] },
    { "id": "g%2", "name": "%1 %2", "servers": [] }
  ],
  "bearerKeys": [
    { "id": "k%1", "name": "%2", "token": "tok-0123456789abcdef0123", "enabled": true, "accessType": "all" },
    { "id": "k%1", "name": "%2", "token": "tok-0123456789abcdef0124", "enabled": true, "accessType": "all" }
  ]
}
)";

// A valid file with the same names, unique.
const QByteArray kValid = R"({
  "mcpServers": {
    "%1": { "command": "npx", "args": ["x"] }
  },
  "users": [
    { "username": "%1 %2", "password": "$2b$10$abcdefghijklmnopqrstuuOZ5hXmFh3zFQIhbEXpqVFvXZ1k0v1Ge", "isAdmin": true }
  ],
  "groups": [
    { "id": "g%2", "name": "%1 %2", "servers": ["%1"] }
  ],
  "bearerKeys": [
    { "id": "k%1", "name": "%2", "token": "tok-0123456789abcdef0123", "enabled": true, "accessType": "all" }
  ]
}
)";

QString lineStartingWith(const QString &text, const QString &start)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(start))
            return line;
    }
    return {};
}

bool modelShows(const QAbstractItemModel &model, const QString &text)
{
    for (int r = 0; r < model.rowCount(); ++r) {
        for (int c = 0; c < model.columnCount(); ++c) {
            if (model.index(r, c).data().toString() == text)
                return true;
        }
    }
    return false;
}

} // namespace

class TestPercentNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void userListShowsPlaceholderNames();
    void hubListShowsPlaceholderNames();
    void profileListShowsPlaceholderValues();
    void migrateFindingNamesPointerAndPlace();
    void validateFindingsKeepNames();
    void historyListsPlaceholderPath();
    void consoleTablesShowPlaceholderNames();

private:
    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    QString m_db;
};

void TestPercentNames::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    m_env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    m_db = m_dir.filePath(QStringLiteral("x.db"));
    VERIFY_RUN(
        adminctl({QStringLiteral("db"), QStringLiteral("init"), QStringLiteral("--sqlite"), m_db},
                 m_env),
        0);
}

void TestPercentNames::userListShowsPlaceholderNames()
{
    VERIFY_RUN(adminctl({QStringLiteral("user"),
                         QStringLiteral("add"),
                         QStringLiteral("root"),
                         QStringLiteral("--admin"),
                         QStringLiteral("--password-stdin"),
                         QStringLiteral("--sqlite"),
                         m_db},
                        m_env,
                        "Root-Password-1\n"),
               0);
    VERIFY_RUN(adminctl({QStringLiteral("user"),
                         QStringLiteral("add"),
                         QStringLiteral("%1 %2"),
                         QStringLiteral("--password-stdin"),
                         QStringLiteral("--sqlite"),
                         m_db},
                        m_env,
                        "User-Password-1\n"),
               0);
    const test::Run list = adminctl(
        {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--sqlite"), m_db}, m_env);
    VERIFY_RUN(list, 0);
    const QString line = lineStartingWith(list.out, QStringLiteral("%1 %2 "));
    QVERIFY2(!line.isEmpty(), qPrintable(list.out));
    QCOMPARE(line.simplified(), QStringLiteral("%1 %2 user active"));
}

void TestPercentNames::hubListShowsPlaceholderNames()
{
    // Hub names are letters, digits, dots and dashes; the URL keeps a percent sign (encoded).
    const QString url = QUrl(QStringLiteral("http://127.0.0.1:9/x%1")).toString();
    QVERIFY(url.contains(QLatin1String("%251")));
    const test::Run add = adminctl({QStringLiteral("hubs"),
                                    QStringLiteral("add"),
                                    QStringLiteral("pct-hub"),
                                    url,
                                    QStringLiteral("--sqlite"),
                                    m_db},
                                   m_env);
    VERIFY_RUN(add, 0);
    QVERIFY2(add.out.contains(QStringLiteral("Added hub pct-hub (%1), polled every").arg(url)),
             qPrintable(add.out));
    const test::Run list = adminctl(
        {QStringLiteral("hubs"), QStringLiteral("list"), QStringLiteral("--sqlite"), m_db}, m_env);
    VERIFY_RUN(list, 0);
    const QString line = lineStartingWith(list.out, QStringLiteral("pct-hub "));
    QVERIFY2(!line.isEmpty(), qPrintable(list.out));
    QVERIFY2(line.simplified().startsWith(QStringLiteral("pct-hub %1 ").arg(url)),
             qPrintable(line));
}

void TestPercentNames::profileListShowsPlaceholderValues()
{
    // No keychain is needed: the profile has no password.
    VERIFY_RUN(adminctl({QStringLiteral("profile"),
                         QStringLiteral("add"),
                         QStringLiteral("pct"),
                         QStringLiteral("--pg"),
                         QStringLiteral("host=h%3 dbname=d%1 user=u%2")},
                        m_env),
               0);
    const test::Run list = adminctl({QStringLiteral("profile"), QStringLiteral("list")}, m_env);
    VERIFY_RUN(list, 0);
    QVERIFY2(
        list.out.contains(QLatin1String("pct  postgres host=h%3 port=5432 dbname=d%1 user=u%2")),
        qPrintable(list.out));
}

void TestPercentNames::migrateFindingNamesPointerAndPlace()
{
    const QString source = m_dir.filePath(QStringLiteral("bad.json"));
    QVERIFY(test::writeFile(source, kBadServer));
    const test::Run run = adminctl({QStringLiteral("migrate"),
                                    source,
                                    QStringLiteral("--sqlite"),
                                    m_dir.filePath(QStringLiteral("m.db")),
                                    QStringLiteral("--dry-run")},
                                   m_env);
    QVERIFY2(run.exitCode == 1 || run.exitCode == 2, qPrintable(run.out + run.err));
    QVERIFY2((run.out + run.err).contains(QLatin1String("(/mcpServers/%1/command, 4:18)")),
             qPrintable(run.out + run.err));
    QVERIFY(!(run.out + run.err).contains(QLatin1String("%3")));
}

void TestPercentNames::validateFindingsKeepNames()
{
    const QString source = m_dir.filePath(QStringLiteral("dups.json"));
    QVERIFY(test::writeFile(source, kDuplicates));
    const test::Run run = adminctl({QStringLiteral("validate"), source}, m_env);
    VERIFY_RUN(run, 1);
    for (const char *expected : {"The user name \"%1\" is also used by /users/0",
                                 "The group id \"g%2\" is also used by /groups/0",
                                 "Another group (/groups/0) is also named \"%1 %2\"",
                                 "The key id \"k%1\" is also used by /bearerKeys/0"}) {
        QVERIFY2(
            (run.out + run.err).contains(QLatin1String(expected)),
            qPrintable(
                QStringLiteral("%1 not in:\n%2").arg(QLatin1String(expected), run.out + run.err)));
    }
}

void TestPercentNames::historyListsPlaceholderPath()
{
    QDir(m_dir.path()).mkpath(QStringLiteral("p%1"));
    const QString source = m_dir.filePath(QStringLiteral("p%1/s%2.json"));
    QVERIFY(test::writeFile(source, kValid));
    const QString db = m_dir.filePath(QStringLiteral("h.db"));
    const test::Run migrate = adminctl({QStringLiteral("migrate"),
                                        source,
                                        QStringLiteral("--sqlite"),
                                        db,
                                        QStringLiteral("--yes")},
                                       m_env);
    VERIFY_RUN(migrate, 0);
    const test::Run history
        = adminctl({QStringLiteral("history"), QStringLiteral("--sqlite"), db}, m_env);
    VERIFY_RUN(history, 0);
    QVERIFY2(history.out.contains(QDir::toNativeSeparators(QFileInfo(source).absoluteFilePath())),
             qPrintable(history.out));
    // The written counts follow the path, one "entity=n" each.
    QVERIFY2(history.out.contains(QLatin1String(" users=1")), qPrintable(history.out));
}

void TestPercentNames::consoleTablesShowPlaceholderNames()
{
    const QString source = m_dir.filePath(QStringLiteral("console.json"));
    QVERIFY(test::writeFile(source, kValid));
    const QString connection = QStringLiteral("tst_percentnames");
    auto opened = OpenedWorkspace::openSettingsFile(source, connection);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
    {
        UserTableModel users(opened->context());
        ServerTableModel servers(opened->context());
        GroupTableModel groups(opened->context());
        BearerKeyTableModel keys(opened->context());
        for (PendingTableModel *model :
             std::initializer_list<PendingTableModel *>{&users, &servers, &groups, &keys})
            VERIFY_OK(model->reload());
        QVERIFY(modelShows(users, QStringLiteral("%1 %2")));
        QVERIFY(modelShows(servers, QStringLiteral("%1")));
        QVERIFY(modelShows(groups, QStringLiteral("%1 %2")));
        QVERIFY(modelShows(keys, QStringLiteral("%2")));
    }
    opened->close();
    closeSqlConnection(connection);
}

QTEST_MAIN(TestPercentNames)
#include "tst_percentnames.moc"
