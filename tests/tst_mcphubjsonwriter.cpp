// McpHubJsonWriter against MCPHub's own writer: Node's JSON.stringify(JSON.parse(text), null, 2)
// run on every upstream fixture, every settings file a real MCPHub wrote, the hand-made
// fixtures, and generated tricky values (numbers, strings, key order).

#include "storage/settings/mcphubjsonwriter.h"
#include "storage/settings/settingsdocument.h"
#include "tests/support/settingssamples.h"
#include "tests/support/testenv.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTest>

#include <bit>
#include <charconv>
#include <cmath>

using namespace mcphub;

namespace {

QStringList settingsFixtures()
{
    QStringList files;
    const QString root = test::fixturesDir();
    for (const QString &folder : {QStringLiteral("/upstream"), QStringLiteral("/handmade")}) {
        const QDir dir(root + folder);
        for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files))
            files.append(dir.filePath(name));
    }
    const QDir captures(root + QStringLiteral("/hub-captures"));
    for (const QString &mode : captures.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QDir settings(captures.filePath(mode) + QStringLiteral("/settings"));
        for (const QString &name : settings.entryList({QStringLiteral("*.json")}, QDir::Files))
            files.append(settings.filePath(name));
    }
    return files;
}

QByteArray ours(const QByteArray &text)
{
    const auto document = SettingsDocument::parse(text);
    if (!document)
        return "parse error: " + document.error().toString().toUtf8();
    return document->toMcpHubJson();
}

// Shortest round-trip text of a double, which both parsers read back exactly.
QByteArray shortest(double value)
{
    char buffer[40];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return QByteArray(buffer, result.ptr - buffer);
}

} // namespace

class TestMcpHubJsonWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fixturesMatchNode_data();
    void fixturesMatchNode();
    void filesMcpHubWroteStayIdentical_data();
    void filesMcpHubWroteStayIdentical();
    void trickyValuesMatchNode_data();
    void trickyValuesMatchNode();
    void randomDoublesMatchNode();
    void loneSurrogatesEscapedLikeNode();
};

void TestMcpHubJsonWriter::initTestCase()
{
    MCPHUB_REQUIRE_SERVICE(test::nodeAvailable(), QStringLiteral("node (MCPHub's JSON writer)"));
}

void TestMcpHubJsonWriter::fixturesMatchNode_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &path : settingsFixtures())
        QTest::newRow(qPrintable(QDir(test::fixturesDir()).relativeFilePath(path))) << path;
}

void TestMcpHubJsonWriter::fixturesMatchNode()
{
    QFETCH(QString, path);
    const QByteArray text = test::readFile(path);
    QVERIFY(!text.isEmpty());
    QString error;
    const QByteArray expected = test::nodeStringify(text, &error);
    QVERIFY2(!expected.isEmpty(), qPrintable(error));
    QCOMPARE(ours(text), expected);
}

void TestMcpHubJsonWriter::filesMcpHubWroteStayIdentical_data()
{
    QTest::addColumn<QString>("path");
    // Files written by MCPHub itself (the hub captures' after-* states), and the fixtures that
    // are already in its format: load+save must give back the very same bytes.
    for (const QString &path : settingsFixtures()) {
        const QByteArray text = test::readFile(path);
        if (test::nodeStringify(text) == text)
            QTest::newRow(qPrintable(QDir(test::fixturesDir()).relativeFilePath(path))) << path;
    }
}

void TestMcpHubJsonWriter::filesMcpHubWroteStayIdentical()
{
    QFETCH(QString, path);
    const QByteArray text = test::readFile(path);
    QCOMPARE(ours(text), text);
}

void TestMcpHubJsonWriter::trickyValuesMatchNode_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("numbers") << QByteArray(
        "[0, -0, 0.0, -0.0, 1.0, 1.5e0, 100, 1e21, 1e20, 123456789012345678901, 1e-6, 1e-7, 0.1, "
        "0.30000000000000004, 5e-324, 1.7976931348623157e308, -1.5e-10, 2.5e+25, 9007199254740993, "
        "9007199254740992, -9007199254740993, 18446744073709551615, 18446744073709551616, "
        "-9223372036854775808, 4.35, 1E2, 12e-1, 0.000001234, 123e18, 1.23e-5]");
    QTest::newRow("strings") << QByteArray(
        "[\"\\u0000\\u0001\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u001f\", \"\\u007f\", "
        "\"\\\"\\\\/\", "
        "\"\\/\", \"\\u2028\\u2029\", \"😀 \\ud83d\\ude00\", \"汉字 ünïcödé\", \"\\u00e9\", \"\", "
        "\"tab\\there\"]");
    QTest::newRow("integer-like keys come first") << QByteArray(
        "{\"b\": 1, \"10\": 2, \"2\": 3, \"01\": 4, \"-1\": 5, \"4294967294\": 6, "
        "\"4294967295\": 7, \"1.5\": 8, \"a\": {\"9\": 1, \"x\": 2, \"0\": 3}, \"0\": 9}");
    QTest::newRow("empty containers and nesting") << QByteArray(
        "{\"a\": {}, \"b\": [], \"c\": [[], {}, [[]], {\"d\": {}}], \"e\": null, \"f\": true, "
        "\"g\": false}");
    QTest::newRow("duplicate keys") << QByteArray("{\"a\": 1, \"b\": 2, \"a\": 3}");
    QTest::newRow("proto key") << QByteArray("{\"__proto__\": {\"x\": 1}, \"constructor\": 2}");
    QTest::newRow("whitespace and scalars") << QByteArray(" \r\n\t[1 , \"x\" ,true]\n");
    QTest::newRow("scalar document") << QByteArray("\"just a string\"");
}

void TestMcpHubJsonWriter::trickyValuesMatchNode()
{
    QFETCH(QByteArray, text);
    QString error;
    const QByteArray expected = test::nodeStringify(text, &error);
    QVERIFY2(!expected.isEmpty(), qPrintable(error));
    QCOMPARE(ours(text), expected);
}

void TestMcpHubJsonWriter::randomDoublesMatchNode()
{
    // Random bit patterns cover every exponent; random "nice" decimals cover the ranges
    // where Number.prototype.toString switches between plain and exponent notation.
    QRandomGenerator random(20261125);
    QByteArray text = "[";
    QList<double> values;
    while (values.size() < 3000) {
        double value;
        if (values.size() % 2 == 0) {
            value = std::bit_cast<double>(random.generate64());
        } else {
            value = double(random.bounded(1000000)) * std::pow(10.0, random.bounded(60) - 30);
            if (random.bounded(2))
                value = -value;
        }
        if (!std::isfinite(value))
            continue;
        if (!values.isEmpty())
            text += ',';
        text += shortest(value);
        values.append(value);
    }
    text += ']';
    QString error;
    const QByteArray viaNode = test::nodeStringify(text, &error);
    QVERIFY2(!viaNode.isEmpty(), qPrintable(error));
    QCOMPARE(ours(text), viaNode);
    // And formatNumber alone, value by value, against the same output.
    const QList<QByteArray> lines = viaNode.mid(2, viaNode.size() - 4).split('\n');
    QCOMPARE(lines.size(), values.size());
    for (qsizetype i = 0; i < values.size(); ++i) {
        QByteArray line = lines.at(i).trimmed();
        if (line.endsWith(','))
            line.chop(1);
        QCOMPARE(QByteArray::fromStdString(McpHubJsonWriter::formatNumber(values.at(i))), line);
    }
}

void TestMcpHubJsonWriter::loneSurrogatesEscapedLikeNode()
{
    // JavaScript strings may hold a lone surrogate, which JSON.stringify escapes; in UTF-8 it
    // travels as WTF-8 (ED A0 80). Invalid UTF-8 becomes U+FFFD, as Node would have read it.
    QString error;
    const QByteArray expected = test::nodeEval(
        QStringLiteral("process.stdout.write(JSON.stringify(['\\ud800', 'a\\udfffb', '\\ufffd'], "
                       "null, 2))"),
        &error);
    QVERIFY2(!expected.isEmpty(), qPrintable(error));
    nlohmann::ordered_json value = nlohmann::ordered_json::array({std::string("\xED\xA0\x80"),
                                                                  std::string("a\xED\xBF\xBF"
                                                                              "b"),
                                                                  std::string("\xFF")});
    QCOMPARE(McpHubJsonWriter::write(value), expected);
}

QTEST_GUILESS_MAIN(TestMcpHubJsonWriter)
#include "tst_mcphubjsonwriter.moc"
