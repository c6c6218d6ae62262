// Screenshots of every area of a seeded workspace, in English and in Simplified Chinese,
// written by the real mcphub-admin (--screenshot --workspace --tab --lang) into
// build/tests/screenshots for people to look at. Checks they are real, distinct pictures.

#include "storage/db/bearerkeyrepository.h"
#include "storage/db/grouprepository.h"
#include "storage/db/serverrepository.h"
#include "storage/db/usagelogrepository.h"
#include "storage/db/useradministration.h"
#include "storage/db/workspace.h"
#include "tests/support/testenv.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QImage>
#include <QProcess>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

using namespace mcphub;

namespace {

bool seed(const QString &path)
{
    auto ws = Workspace::open(ConnectionProfile::sqliteFile(path), QStringLiteral("seed"));
    if (!ws)
        return false;
    const RepositoryContext c = ws->context();
    const QString hash
        = QStringLiteral("$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.");
    UserAdministration users(c);
    bool ok = users.add(QStringLiteral("admin"), hash, true).ok()
              && users.add(QStringLiteral("alice"), hash, false).ok()
              && users.add(QStringLiteral("bob"), hash, false).ok();
    ServerRecord fetch;
    fetch.name = QStringLiteral("fetch");
    fetch.type = QStringLiteral("stdio");
    fetch.command = QStringLiteral("uvx");
    fetch.args = QStringLiteral("[\"mcp-server-fetch\"]");
    fetch.env = QStringLiteral("{\"API_TOKEN\":\"s3cr3t\",\"LOG_LEVEL\":\"info\"}");
    fetch.description = QStringLiteral("Fetch web pages");
    ServerRecord remote;
    remote.name = QStringLiteral("remote-search");
    remote.type = QStringLiteral("streamable-http");
    remote.url = QStringLiteral("https://search.example.org/mcp");
    remote.headers = QStringLiteral("{\"Authorization\":\"Bearer abc\"}");
    ok = ok && ServerRepository(c).create(fetch).ok() && ServerRepository(c).create(remote).ok();
    GroupRecord group;
    group.name = QStringLiteral("research");
    group.servers
        = QStringLiteral("[\"fetch\",{\"name\":\"remote-search\",\"tools\":[\"search\"]}]");
    ok = ok && GroupRepository(c).create(group).ok();
    BearerKeyRecord key;
    key.name = QStringLiteral("ci");
    key.token = QStringLiteral("tok_0123456789abcdef");
    key.accessType = QStringLiteral("groups");
    key.allowedGroups = QStringLiteral("[\"research\"]");
    ok = ok && BearerKeyRepository(c).create(key).ok();
    QList<UsageLogEntry> calls;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 60; ++i) {
        UsageLogEntry e;
        e.timestamp = now.addSecs(-i * 97);
        e.serverName = i % 3 ? QStringLiteral("fetch") : QStringLiteral("remote-search");
        e.toolName = i % 3 ? QStringLiteral("fetch") : QStringLiteral("search");
        e.username = i % 2 ? QStringLiteral("alice") : QStringLiteral("bob");
        e.success = i % 7 != 0;
        e.errorMessage = e.success ? QString() : QStringLiteral("upstream timed out");
        e.durationMs = 40 + (i * 37) % 900;
        e.arguments = QStringLiteral("{\"url\":\"https://example.org/%1\"}").arg(i);
        calls << e;
    }
    ok = ok && UsageLogRepository(c).append(calls).ok();
    ws->close();
    return ok;
}

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyTabInBothLanguages();
};

void TestScreenshots::everyTabInBothLanguages()
{
    QTemporaryDir dir;
    const QString workspace = dir.filePath(QStringLiteral("screens.db"));
    QVERIFY(seed(workspace));
    const QString out = QDir(QCoreApplication::applicationDirPath())
                            .absoluteFilePath(QStringLiteral("../screenshots"));
    QVERIFY(QDir().mkpath(out));
    QSet<QByteArray> seen;
    const QStringList tabs{QStringLiteral("users"),
                           QStringLiteral("servers"),
                           QStringLiteral("groups"),
                           QStringLiteral("keys"),
                           QStringLiteral("usage"),
                           QStringLiteral("audit"),
                           QStringLiteral("hubs")};
    for (const QString &lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        for (const QString &tab : tabs) {
            const QString file = QDir(out).filePath(QStringLiteral("%1-%2.png").arg(tab, lang));
            QFile::remove(file);
            QProcess process;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("HOME"), dir.path()); // its own QSettings
            env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
            process.setProcessEnvironment(env);
            QStringList args{QStringLiteral("--screenshot"),
                             file,
                             QStringLiteral("--workspace"),
                             workspace,
                             QStringLiteral("--tab"),
                             tab};
            if (lang != QLatin1String("en"))
                args << QStringLiteral("--lang") << lang;
            process.start(test::binDir() + QStringLiteral("/mcphub-admin"), args);
            QVERIFY(process.waitForFinished(60000));
            QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
            const QImage image(file);
            QVERIFY2(!image.isNull(), qPrintable(file));
            QVERIFY(image.width() >= 800 && image.height() >= 500);
            QFile png(file);
            QVERIFY(png.open(QIODevice::ReadOnly));
            const QByteArray digest
                = QCryptographicHash::hash(png.readAll(), QCryptographicHash::Sha256);
            QVERIFY2(!seen.contains(digest),
                     qPrintable(file + QStringLiteral(" looks like another tab")));
            seen.insert(digest);
        }
    }
    // The Apply-all preview and Help ▸ Keyboard shortcuts (--dialog), in both languages.
    for (const QString &lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        for (const QString &dialog : {QStringLiteral("apply-all"), QStringLiteral("shortcuts")}) {
            const QString file
                = QDir(out).filePath(QStringLiteral("dialog-%1-%2.png").arg(dialog, lang));
            QFile::remove(file);
            QProcess process;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("HOME"), dir.path());
            env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
            process.setProcessEnvironment(env);
            QStringList args{QStringLiteral("--screenshot"),
                             file,
                             QStringLiteral("--workspace"),
                             workspace,
                             QStringLiteral("--dialog"),
                             dialog};
            if (lang != QLatin1String("en"))
                args << QStringLiteral("--lang") << lang;
            process.start(test::binDir() + QStringLiteral("/mcphub-admin"), args);
            QVERIFY(process.waitForFinished(60000));
            QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
            const QImage image(file);
            QVERIFY2(!image.isNull() && image.width() >= 400 && image.height() >= 300,
                     qPrintable(file));
        }
    }
    // The workspace itself was only read.
    QProcess bad;
    bad.start(test::binDir() + QStringLiteral("/mcphub-admin"),
              {QStringLiteral("--screenshot"),
               dir.filePath(QStringLiteral("x.png")),
               QStringLiteral("--tab"),
               QStringLiteral("nowhere")});
    QVERIFY(bad.waitForFinished(60000));
    QCOMPARE(bad.exitCode(), 2);
}

QTEST_GUILESS_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
