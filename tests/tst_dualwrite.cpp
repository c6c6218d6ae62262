// DualWriter on SQLite and the real PostgreSQL: a change reaches both the database and the
// bound settings file (in MCPHub's format); a file save that fails rolls the database back;
// a change that fails leaves the file's bytes alone.

#include "storage/db/rowrepository.h"
#include "storage/db/workspace.h"
#include "storage/migration/dualwriter.h"
#include "storage/migration/migrator.h"
#include "tests/support/testbackend.h"
#include "tests/support/testenv.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace mcphub;

namespace {

const QString kConnection = QStringLiteral("tst_dualwrite");

OrderedJson parse(const QByteArray &text)
{
    return OrderedJson::parse(text.constData(), text.constData() + text.size(), nullptr, false);
}

bool isAdmin(const RepositoryContext &ctx, const QString &name)
{
    const auto row = RowRepository(ctx, settingsEntity(QStringLiteral("users"))->table).find(name);
    return row.ok() && row->has_value() && (**row).value(QStringLiteral("is_admin")).toBool();
}

} // namespace

class TestDualWrite : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { closeSqlConnection(kConnection); }
    void changeReachesBoth_data() { MCPHUB_BACKEND_ROWS(); }
    void changeReachesBoth();
};

void TestDualWrite::changeReachesBoth()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY(ws.ok());
    const RepositoryContext ctx = ws->context(QStringLiteral("console-admin"));
    const QString bound = backend.tempPath(QStringLiteral("mcp_settings.json"));
    const QByteArray original
        = test::readFile(test::fixturesDir() + QStringLiteral("/migration/full.json"));
    {
        QFile f(bound);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(original) == original.size());
    }
    MigrationOptions options;
    options.sourcePath = bound;
    options.backupDir = backend.tempPath(QString());
    QVERIFY(Migrator(ctx, options).run().ok());

    RowRepository users(ctx, settingsEntity(QStringLiteral("users"))->table);
    const auto promoteBob = [&]() -> Result<void> {
        return users.update(QStringLiteral("bob"), {{QStringLiteral("is_admin"), true}});
    };

    // A failed file save: the database keeps its state.
    DualWriter broken(ctx, backend.tempPath(QStringLiteral("no-such-folder/mcp_settings.json")));
    const auto failed = broken.apply(promoteBob);
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, Error::Code::Io);
    QVERIFY(failed.error().where.contains(QLatin1String("no-such-folder")));
    QVERIFY(!isAdmin(ctx, QStringLiteral("bob")));

    // A failed change: the file keeps its bytes.
    DualWriter writer(ctx, bound);
    const auto refused = writer.apply([&]() -> Result<void> {
        return users.update(QStringLiteral("nobody"), {{QStringLiteral("is_admin"), true}});
    });
    QVERIFY(!refused.ok());
    QCOMPARE(test::readFile(bound), original);

    // MCPHub rewrites the file while the change is under way: the save refuses, the
    // database rolls back, MCPHub's bytes stay.
    const QByteArray mcphubWrote = original + "\n";
    const auto raced = writer.apply([&]() -> Result<void> {
        QFile f(bound);
        if (!f.open(QIODevice::WriteOnly) || f.write(mcphubWrote) != mcphubWrote.size())
            return Error::make(Error::Code::Io, QStringLiteral("test could not write"));
        f.close();
        return promoteBob();
    });
    QVERIFY(!raced.ok());
    QVERIFY(!isAdmin(ctx, QStringLiteral("bob")));
    QCOMPARE(test::readFile(bound), mcphubWrote);

    // Both succeed: the file is MCPHub's serialisation of the changed document.
    const auto done = writer.apply(promoteBob);
    QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().toString()));
    QVERIFY(isAdmin(ctx, QStringLiteral("bob")));
    OrderedJson expected = parse(original);
    expected["users"][1]["isAdmin"] = true;
    QCOMPARE(test::readFile(bound), SettingsMapper::serialize(expected));
}

QTEST_GUILESS_MAIN(TestDualWrite)
#include "tst_dualwrite.moc"
