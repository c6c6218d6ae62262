// SettingsMapper: every fixture (MCPHub's upstream files, files a real MCPHub wrote, and a
// full hand-made file with unknown keys, mistyped known keys, floats, escapes and every
// entity) goes into the tables and comes back JSON-equal with the same key order, and
// byte-identical when MCPHub wrote it; on SQLite and on the real PostgreSQL.

#include "storage/db/rowrepository.h"
#include "storage/db/transactionguard.h"
#include "storage/db/workspace.h"
#include "storage/migration/settingsmapper.h"
#include "storage/settings/mcphubjsonwriter.h"
#include "tests/support/testbackend.h"
#include "tests/support/testenv.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace mcphub;

namespace {

const QString kConnection = QStringLiteral("tst_settingsmapper");

OrderedJson parse(const QByteArray &text)
{
    return OrderedJson::parse(text.constData(), text.constData() + text.size(), nullptr, false);
}

// Fixture name -> whether MCPHub (JSON.stringify) wrote it, so bytes must match too.
QList<QPair<QString, bool>> fixtures()
{
    const QString base = test::fixturesDir();
    QList<QPair<QString, bool>> list;
    for (const QString &name : QDir(base + QStringLiteral("/upstream"))
                                   .entryList({QStringLiteral("*.json")}, QDir::Files))
        list.append({QStringLiteral("upstream/") + name, false});
    for (const QString &mode : {QStringLiteral("db-mode"), QStringLiteral("file-mode")}) {
        const QString dir = QStringLiteral("hub-captures/") + mode + QStringLiteral("/settings/");
        for (const QString &name :
             QDir(base + QLatin1Char('/') + dir).entryList({QStringLiteral("*.json")}, QDir::Files))
            list.append({dir + name, true});
    }
    for (const QString &name : QDir(base + QStringLiteral("/handmade"))
                                   .entryList({QStringLiteral("*.json")}, QDir::Files))
        list.append({QStringLiteral("handmade/") + name, true}); // formatted as MCPHub writes
    list.append({QStringLiteral("migration/full.json"), true});
    list.append({QStringLiteral("migration/odd-values.json"), true});
    return list;
}

// Rebuilds the document from mapped rows without a database (the mapper's inverse alone).
OrderedJson rebuild(const MappedSettings &mapped)
{
    OrderedJson doc = OrderedJson::object();
    const OrderedJson keyOrder = OrderedJson::parse(
        mapped.document.value(QStringLiteral("key_order")).toString().toStdString());
    const QVariant extraText = mapped.document.value(QStringLiteral("extra"));
    const OrderedJson extra = extraText.isNull()
                                  ? OrderedJson::object()
                                  : OrderedJson::parse(extraText.toString().toStdString());
    for (const auto &k : keyOrder) {
        const std::string key = k.get<std::string>();
        if (extra.contains(key)) {
            doc[key] = extra[key];
            continue;
        }
        const EntitySpec *spec = settingsEntity(QString::fromStdString(key));
        OrderedJson c = spec->shape == EntitySpec::Shape::Array ? OrderedJson::array()
                                                                : OrderedJson::object();
        for (const MappedEntity &e : mapped.entities) {
            if (e.spec != spec)
                continue;
            const auto v = SettingsMapper::entityJson(*spec, e.row);
            if (spec->shape == EntitySpec::Shape::Array)
                c.push_back(*v);
            else
                c[e.key.toStdString()] = *v;
        }
        doc[key] = c;
    }
    return doc;
}

} // namespace

class TestSettingsMapper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { closeSqlConnection(kConnection); }

    void inverseWithoutDatabase_data();
    void inverseWithoutDatabase();
    void serializeMatchesJsonStringify();
    void mistypedAndUnknownKeysGoToExtra();
    void badRecordsAreIssues();
    void databaseRoundTrip_data();
    void databaseRoundTrip();
};

void TestSettingsMapper::inverseWithoutDatabase_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<bool>("byMcpHub");
    for (const auto &[name, byHub] : fixtures())
        QTest::newRow(qPrintable(name)) << name << byHub;
}

void TestSettingsMapper::inverseWithoutDatabase()
{
    QFETCH(QString, fixture);
    QFETCH(bool, byMcpHub);
    const QByteArray text = test::readFile(test::fixturesDir() + QLatin1Char('/') + fixture);
    QVERIFY(!text.isEmpty());
    const OrderedJson source = parse(text);
    QVERIFY(!source.is_discarded());
    const MappedSettings mapped = SettingsMapper::map(source, text);
    QVERIFY(mapped.issues.isEmpty());
    const OrderedJson back = rebuild(mapped);
    QCOMPARE(QString::fromStdString(back.dump(1)), QString::fromStdString(source.dump(1)));
    if (byMcpHub) {
        QCOMPARE(SettingsMapper::serialize(back, SettingsMapper::detectFormat(text)), text);
    }
}

void TestSettingsMapper::serializeMatchesJsonStringify()
{
    // Node's JSON.stringify is the reference for numbers and escapes.
    const QByteArray text
        = test::readFile(test::fixturesDir() + QStringLiteral("/migration/odd-values.json"));
    const auto node = test::runNode(
        QStringLiteral("let s='';process.stdin.on('data',d=>s+=d).on('end',()=>"
                       "process.stdout.write(JSON.stringify(JSON.parse(s),null,2)))"),
        {},
        text);
    QVERIFY2(node.ok, qPrintable(node.error));
    QCOMPARE(SettingsMapper::serialize(parse(text)), node.output.toUtf8());
    // ... and so is the settings store's writer.
    QCOMPARE(SettingsMapper::serialize(parse(text)), McpHubJsonWriter::write(parse(text)));
    QCOMPARE(SettingsMapper::serialize(parse("[1.0, -0.5, 1e300, 2e-9, 100]")),
             QByteArray("[\n  1,\n  -0.5,\n  1e+300,\n  2e-9,\n  100\n]"));
}

void TestSettingsMapper::mistypedAndUnknownKeysGoToExtra()
{
    const OrderedJson doc = parse(R"({"mcpServers":{"s":{"enabled":"yes","url":"u",
        "keepAliveInterval":2.5,"x":1}},"users":[{"isAdmin":1,"username":"a","password":"p"}]})");
    const MappedSettings mapped = SettingsMapper::map(doc);
    QCOMPARE(mapped.entities.size(), 2);
    const QVariantMap server = mapped.entities.at(0).row;
    QCOMPARE(server.value(QStringLiteral("url")).toString(), QStringLiteral("u"));
    QCOMPARE(server.value(QStringLiteral("enabled")).toBool(), true); // placeholder
    QVERIFY(OrderedJson::parse(server.value(QStringLiteral("extra")).toString().toStdString())
            == parse(R"({"enabled":"yes","keepAliveInterval":2.5,"x":1})"));
    QCOMPARE(server.value(QStringLiteral("key_order")).toString(),
             QStringLiteral(R"(["enabled","url","keepAliveInterval","x"])"));
    const QVariantMap user = mapped.entities.at(1).row;
    QCOMPARE(user.value(QStringLiteral("username")).toString(), QStringLiteral("a"));
    QCOMPARE(user.value(QStringLiteral("extra")).toString(), QStringLiteral(R"({"isAdmin":1})"));
    QVERIFY(*SettingsMapper::entityJson(*mapped.entities.at(1).spec, user) == doc["users"][0]);
}

void TestSettingsMapper::badRecordsAreIssues()
{
    const OrderedJson doc = parse(R"({"mcpServers":{"s":5},"users":[{"password":"p"},
        {"username":"a","password":"p"},{"username":"a","password":"q"}],"groups":{"a":1}})");
    const MappedSettings mapped = SettingsMapper::map(doc);
    QCOMPARE(mapped.issues.size(), 3);
    QCOMPARE(mapped.issues.at(0).pointer, QStringLiteral("/mcpServers/s"));
    QCOMPARE(mapped.issues.at(1).pointer, QStringLiteral("/users/0"));
    QVERIFY(mapped.issues.at(1).reason.contains(QLatin1String("username")));
    QCOMPARE(mapped.issues.at(2).pointer, QStringLiteral("/users/2"));
    QVERIFY(mapped.issues.at(2).record == doc["users"][2]);
    QCOMPARE(mapped.entities.size(), 1);
    // "groups" as a map (the shape of MCPHub's docs) is kept whole as an unknown key.
    QVERIFY(mapped.document.value(QStringLiteral("extra"))
                .toString()
                .contains(QLatin1String("\"groups\"")));
    QVERIFY(!SettingsMapper::map(parse("[1]")).issues.isEmpty());
}

void TestSettingsMapper::databaseRoundTrip_data()
{
    QTest::addColumn<QString>("backendKind");
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<bool>("byMcpHub");
    for (const QString &kind : {QStringLiteral("sqlite"), QStringLiteral("postgres")}) {
        for (const auto &[name, byHub] : fixtures())
            QTest::newRow(qPrintable(kind + QLatin1Char(':') + name)) << kind << name << byHub;
    }
}

void TestSettingsMapper::databaseRoundTrip()
{
    QFETCH(QString, fixture);
    QFETCH(bool, byMcpHub);
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
    const RepositoryContext ctx = ws->context(QStringLiteral("tester"));

    const QByteArray text = test::readFile(test::fixturesDir() + QLatin1Char('/') + fixture);
    const OrderedJson source = parse(text);
    const MappedSettings mapped = SettingsMapper::map(source, text);
    QVERIFY(mapped.issues.isEmpty());
    {
        TransactionGuard tx(ws->database());
        QVERIFY(tx.active());
        RowRepository documents(ctx, settingsDocumentTable());
        auto written = documents.create(mapped.document);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
        for (const MappedEntity &e : mapped.entities) {
            written = e.spec->repository(ctx).create(e.row);
            QVERIFY2(written.ok(),
                     qPrintable(written.ok() ? QString() : written.error().toString()));
        }
        QVERIFY(tx.commit().ok());
    }
    const auto exported = SettingsMapper::exportDocument(ctx);
    QVERIFY2(exported.ok(), qPrintable(exported.ok() ? QString() : exported.error().toString()));
    QCOMPARE(QString::fromStdString(exported->document.dump(1)),
             QString::fromStdString(source.dump(1)));
    if (byMcpHub)
        QCOMPARE(SettingsMapper::serialize(exported->document, exported->format), text);
}

QTEST_GUILESS_MAIN(TestSettingsMapper)
#include "tst_settingsmapper.moc"
