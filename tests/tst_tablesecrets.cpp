// Issue 11 item 5: the tables and their secret columns are declared once (TableSecrets) and
// match the live schema on SQLite and the real PostgreSQL; secrets planted in unknown keys of
// a settings file (top level, a user, a server), short enough to be summarised, never reach
// the audit trail, whether the migration creates the rows or overwrites them.

#include "storage/db/rowrepository.h"
#include "storage/db/tablesecrets.h"
#include "storage/db/workspace.h"
#include "storage/migration/migrator.h"
#include "storage/migration/settingsentities.h"
#include "tests/support/testbackend.h"
#include "tests/support/testenv.h"

#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace mcphub;
using namespace mcphub::test;

namespace {

const QString kConnection = QStringLiteral("tst_tablesecrets");

QByteArray plantedSettings(const QByteArray &suffix)
{
    return QByteArray(R"({
  "mcpServers": {
    "fetch": {"command": "uvx", "args": ["mcp-server-fetch"], "vendorKey": "sk-PLANTED-server-SUFFIX"}
  },
  "users": [
    {"username": "admin", "password": "$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.",
     "isAdmin": true, "apiToken": "sk-PLANTED-user-SUFFIX"}
  ],
  "groups": [
    {"id": "g1", "name": "team", "servers": ["fetch"], "note": "sk-PLANTED-group-SUFFIX"}
  ],
  "vendorApiKey": "sk-PLANTED-top-SUFFIX"
}
)")
        .replace("SUFFIX", suffix);
}

QStringList auditTexts()
{
    QStringList texts;
    QSqlQuery query(QSqlDatabase::database(kConnection));
    if (!query.exec(QStringLiteral("SELECT * FROM access_logs")))
        return {QStringLiteral("cannot read access_logs")};
    while (query.next()) {
        QStringList row;
        for (int i = 0; i < query.record().count(); ++i)
            row << query.value(i).toString();
        texts << row.join(QLatin1Char('|'));
    }
    return texts;
}

} // namespace

class TestTableSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { closeSqlConnection(kConnection); }

    void declaredTablesAreTheLiveSchema_data() { MCPHUB_BACKEND_ROWS(); }
    void declaredTablesAreTheLiveSchema();
    void repositoriesUseTheDeclaration();
    void plantedSecretsNeverReachTheAuditTrail_data() { MCPHUB_BACKEND_ROWS(); }
    void plantedSecretsNeverReachTheAuditTrail();
};

void TestTableSecrets::declaredTablesAreTheLiveSchema()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    VERIFY_OK(ws);
    const QSqlDatabase db = ws->database();
    QSet<QString> live;
    for (const QString &table : db.tables()) {
        if (table != QLatin1String("sqlite_sequence"))
            live.insert(table.toLower());
    }
    QSet<QString> declared;
    for (const TableSecrets::Table &t : TableSecrets::tables()) {
        declared.insert(t.name);
        const QSqlRecord columns = db.record(t.name);
        QVERIFY2(!columns.isEmpty(), qPrintable(t.name));
        for (const QString &secret : t.secretColumns)
            QVERIFY2(columns.contains(secret), qPrintable(t.name + QLatin1Char('.') + secret));
    }
    QCOMPARE(declared, live);
    // Every settings entity's unknown keys are secret: they may hold anything.
    for (const EntitySpec &spec : settingsEntities()) {
        if (db.record(spec.table.name).contains(QStringLiteral("extra")))
            QVERIFY2(spec.table.secretColumns.contains(QStringLiteral("extra")),
                     qPrintable(spec.table.name));
    }
}

// The settings-file migrator's tables and the repositories' tables take their secret
// columns from the one list (they disagreed on settings_document.extra).
void TestTableSecrets::repositoriesUseTheDeclaration()
{
    for (const EntitySpec &spec : settingsEntities())
        QCOMPARE(spec.table.secretColumns, TableSecrets::secretColumns(spec.table.name));
    QCOMPARE(settingsDocumentTable().secretColumns,
             TableSecrets::secretColumns(QStringLiteral("settings_document")));
    QVERIFY(settingsDocumentTable().secretColumns.contains(QStringLiteral("extra")));
    const RepositoryContext context;
    for (const RowRepository &repo : {RowRepository::oauthClients(context),
                                      RowRepository::oauthTokens(context),
                                      RowRepository::prompts(context),
                                      RowRepository::resources(context),
                                      RowRepository::userConfigs(context),
                                      RowRepository::settingsDocument(context)}) {
        QCOMPARE(repo.table().secretColumns, TableSecrets::secretColumns(repo.table().name));
    }
}

void TestTableSecrets::plantedSecretsNeverReachTheAuditTrail()
{
    MCPHUB_BACKEND(backend);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mcp_settings.json"));
    auto ws = Workspace::open(backend.profile(), kConnection);
    VERIFY_OK(ws);
    // Created, then overwritten with other planted values (the audited update path).
    for (const QByteArray &suffix : {QByteArray("one"), QByteArray("two")}) {
        QVERIFY(writeFile(path, plantedSettings(suffix)));
        MigrationOptions options;
        options.sourcePath = path;
        options.target = QStringLiteral("test");
        options.backupDir = dir.path();
        options.conflict = MigrationOptions::Conflict::Overwrite;
        const MigrationReport report = Migrator(ws->context(), options).run();
        QVERIFY2(!report.error, qPrintable(report.error ? report.error->toString() : QString()));
    }
    // The secrets are stored (the export needs them) ...
    QSqlQuery query(ws->database());
    QVERIFY(query.exec(QStringLiteral("SELECT extra FROM settings_document")));
    QVERIFY(query.next());
    QVERIFY2(query.value(0).toString().contains(QStringLiteral("sk-PLANTED-top-two")),
             qPrintable(query.value(0).toString()));
    // ... and never written to the audit trail.
    const QStringList audit = auditTexts();
    QVERIFY(audit.size() >= 4);
    for (const QString &row : audit)
        QVERIFY2(!row.contains(QStringLiteral("PLANTED")), qPrintable(row));
}

QTEST_GUILESS_MAIN(TestTableSecrets)
#include "tst_tablesecrets.moc"
