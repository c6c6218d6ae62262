// The console words the remedies of storage errors as menu actions and the controls of its
// dialogs, never as the CLI's flags (issue 11 item 8; the CLI's wording is tested through
// mcphub-adminctl in tst_filesafety). The main window installs the wording; a real conflict
// (the settings file rewritten while it is open) then reads in the console's terms.

#include "storage/db/useradministration.h"
#include "storage/migration/settingsfileworkspace.h"
#include "storage/passwordhasher.h"
#include "tests/support/testenv.h"
#include "ui/main/consoleremedies.h"
#include "ui/main/mainwindow.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mcphub;

class TestConsoleRemedies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRemedyIsWordedForTheConsole();
    void fileConflictSaysReloadInTheConsole();
};

void TestConsoleRemedies::everyRemedyIsWordedForTheConsole()
{
    for (const Error::Remedy remedy : {Error::Remedy::Reload,
                                       Error::Remedy::AllowWarnings,
                                       Error::Remedy::ConflictPolicy,
                                       Error::Remedy::SkipInvalid,
                                       Error::Remedy::RejectsFile,
                                       Error::Remedy::UnbindSettings,
                                       Error::Remedy::OpenAsMcphubDatabase,
                                       Error::Remedy::CreateMcphubTables,
                                       Error::Remedy::AcceptLoss}) {
        const QString text = consoleRemedyWording(remedy, Error());
        QVERIFY2(!text.isEmpty(), qPrintable(QString::number(int(remedy))));
        QVERIFY2(!text.contains(QLatin1String("--")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("mcphub-adminctl")), qPrintable(text));
    }
    QCOMPARE(consoleRemedyWording(Error::Remedy::None, Error()), QString());

    MainWindow window; // installs the console's wording
    const Error conflict = Error::make(Error::Code::Conflict, QStringLiteral("3 entries differ."))
                               .withRemedy(Error::Remedy::ConflictPolicy);
    QVERIFY2(conflict.toString().contains(QLatin1String("Conflicting entries")),
             qPrintable(conflict.toString()));
    QVERIFY2(!conflict.toString().contains(QLatin1String("--conflict")),
             qPrintable(conflict.toString()));
}

void TestConsoleRemedies::fileConflictSaysReloadInTheConsole()
{
    installConsoleRemedies();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mcp_settings.json"));
    QVERIFY(QFile::copy(test::fixturesDir() + QStringLiteral("/upstream/mcp_settings.default.json"),
                        path));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
    auto ws = SettingsFileWorkspace::open(path, QStringLiteral("tst_consoleremedies"));
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
    // MCPHub rewrites the file meanwhile.
    QByteArray bytes = test::readFile(path);
    bytes.replace("\"mcpServers\": {", "\"mcpServers\": {\"added\": {\"command\": \"npx\"},");
    QVERIFY(test::writeFile(path, bytes));

    const auto hash = PasswordHasher::hash(QStringLiteral("D4ve!pass"), 10);
    QVERIFY(hash.ok());
    const auto added
        = UserAdministration((*ws)->context()).add(QStringLiteral("dave"), *hash, false);
    QVERIFY(!added.ok());
    QCOMPARE(added.error().code, Error::Code::Conflict);
    QCOMPARE(added.error().remedy, Error::Remedy::Reload);
    const QString shown = added.error().toString();
    QVERIFY2(shown.contains(QStringLiteral("File ▸ Reload")), qPrintable(shown));
    QVERIFY2(!shown.contains(QLatin1String("--")), qPrintable(shown));
    QVERIFY2(!shown.contains(QLatin1String("Run the command again")), qPrintable(shown));
}

QTEST_MAIN(TestConsoleRemedies)
#include "tst_consoleremedies.moc"
