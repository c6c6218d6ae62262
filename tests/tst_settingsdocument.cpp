// SettingsDocument: parsing with clear errors (line:column and the text around), positions of
// values by JSON pointer, duplicate keys, and the bad files of fixtures/bad-settings.

#include "storage/settings/jsonlinearparse.h"
#include "storage/settings/jsonpointer.h"
#include "storage/settings/settingsdocument.h"
#include "tests/support/settingssamples.h"
#include "tests/support/testenv.h"

#include <QRandomGenerator>
#include <QTest>

#include <cstring>

#include <functional>

using namespace mcphub;

class TestSettingsDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseErrors_data();
    void parseErrors();
    void badFixtures_data();
    void badFixtures();
    void positions_data();
    void positions();
    void missingValueTakesAncestorPosition();
    void duplicateKeysKeepLastLikeJavaScript();
    void linearParseGivesWhatNlohmannGives_data();
    void linearParseGivesWhatNlohmannGives();
    void linearParseOfALargeObjectWithDuplicates();
    void linearParseMatchesNlohmannOnRandomDocuments();
    void largeDocumentBuiltOnTwoThreads_data();
    void largeDocumentBuiltOnTwoThreads();
    void textFactsAsTheScanFindsThem_data();
    void textFactsAsTheScanFindsThem();
    void summaryCounts();
    void jsonPointerEscapes();
    void defaultDocumentIsMinimal();
};

void TestSettingsDocument::parseErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("where");       // "name:line:col"
    QTest::addColumn<QString>("messagePart"); // a word of the English message

    QTest::newRow("empty") << QByteArray() << "f:1:1"
                           << "empty";
    QTest::newRow("only whitespace") << QByteArray(" \n\t\n") << "f:1:1"
                                     << "empty";
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF{\"mcpServers\": {}}") << "f:1:1"
                         << "byte order mark";
    QTest::newRow("latin-1 byte") << QByteArray("{\n  \"caf\xE9\": 1\n}") << "f:2:7"
                                  << "UTF-8";
    QTest::newRow("overlong utf-8") << QByteArray("{\"a\": \"\xC0\xAF\"}") << "f:1:8"
                                    << "UTF-8";
    QTest::newRow("utf-8 surrogate") << QByteArray("{\"a\": \"\xED\xA0\x80\"}") << "f:1:8"
                                     << "UTF-8";
    QTest::newRow("trailing comma in array")
        << QByteArray("{\n  \"a\": [\n    1,\n  ]\n}") << "f:4:3"
        << "trailing commas";
    QTest::newRow("trailing comma in object") << QByteArray("{\n  \"a\": 1,\n}") << "f:3:1"
                                              << "trailing commas";
    QTest::newRow("truncated") << QByteArray("{\n  \"mcpServers\": {\n    \"a\": {\"command\"")
                               << "f:3:20"
                               << "cut off";
    QTest::newRow("text after the document") << QByteArray("{}\n}") << "f:2:1"
                                             << "more text";
    QTest::newRow("comment") << QByteArray("{\n  // servers\n}") << "f:2:3"
                             << "not valid JSON";
    QTest::newRow("single quotes") << QByteArray("{'a': 1}") << "f:1:2"
                                   << "not valid JSON";
    QTest::newRow("lone surrogate escape") << QByteArray("{\"a\": \"\\ud800\"}") << "f:1:14"
                                           << "surrogate";
    QTest::newRow("number overflow") << QByteArray("{\n  \"a\": 1e400\n}") << "f:2:8"
                                     << "too large";
    QTest::newRow("column counts characters") << QByteArray("{\"名前\": x}") << "f:1:8"
                                              << "not valid JSON";
}

void TestSettingsDocument::parseErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, where);
    QFETCH(QString, messagePart);
    const auto document = SettingsDocument::parse(text, QStringLiteral("f"));
    QVERIFY(!document);
    QCOMPARE(document.error().code, Error::Code::Parse);
    QCOMPARE(document.error().where, where);
    QVERIFY2(document.error().message.contains(messagePart, Qt::CaseInsensitive),
             qPrintable(document.error().message));
}

void TestSettingsDocument::badFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("position");
    QTest::newRow("empty") << "empty.json"
                           << "1:1";
    QTest::newRow("trailing comma") << "trailing-comma.json"
                                    << "7:7";
    QTest::newRow("truncated") << "truncated.json"
                               << "11:8";
    QTest::newRow("bom") << "bom.json"
                         << "1:1";
    QTest::newRow("latin-1") << "latin1.json"
                             << "3:9";
}

void TestSettingsDocument::badFixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, position);
    const QString path = test::fixturesDir() + QStringLiteral("/bad-settings/") + file;
    const auto document = SettingsDocument::parse(test::readFile(path), path);
    QVERIFY(!document);
    QCOMPARE(document.error().where, path + QLatin1Char(':') + position);
    // The place is shown with the bytes around it, except for an empty file.
    if (file != QLatin1String("empty.json"))
        QVERIFY2(document.error().detail.contains(QStringLiteral("text around it")),
                 qPrintable(document.error().detail));
}

void TestSettingsDocument::positions_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("root") << "" << 1 << 1;
    QTest::newRow("object") << "/mcpServers" << 2 << 17;
    QTest::newRow("server") << "/mcpServers/fetch" << 3 << 14;
    QTest::newRow("scalar") << "/mcpServers/fetch/command" << 4 << 18;
    QTest::newRow("array element") << "/mcpServers/fetch/args/1" << 7 << 9;
    QTest::newRow("after non-ASCII") << "/mcpServers/天气/enabled" << 10 << 23;
    QTest::newRow("escaped slash in key") << "/a~1b" << 12 << 10;
    QTest::newRow("unicode escape in key") << "/caf\u00e9/0" << 13 << 17;
    QTest::newRow("empty object") << "/empty" << 14 << 12;
}

void TestSettingsDocument::positions()
{
    QFETCH(QString, pointer);
    QFETCH(int, line);
    QFETCH(int, column);
    const QByteArray text = "{\n"                                  // 1
                            "  \"mcpServers\": {\n"                // 2
                            "    \"fetch\": {\n"                   // 3
                            "      \"command\": \"uvx\",\n"        // 4
                            "      \"args\": [\n"                  // 5
                            "        \"-y\",\n"                    // 6
                            "        \"mcp-server-fetch\"\n"       // 7
                            "      ]\n"                            // 8
                            "    },\n"                             // 9
                            "    \"天气\": {\"enabled\": false}\n" // 10
                            "  },\n"                               // 11
                            "  \"a/b\": 1,\n"                      // 12
                            "  \"caf\\u00e9\": [true],\n"          // 13
                            "  \"empty\": {}\n"                    // 14
                            "}";
    const auto document = SettingsDocument::parse(text);
    QVERIFY2(document, qPrintable(document ? QString() : document.error().toString()));
    const SourcePosition position = document->position(pointer);
    QCOMPARE(position.line, line);
    QCOMPARE(position.column, column);
}

void TestSettingsDocument::missingValueTakesAncestorPosition()
{
    const auto document
        = SettingsDocument::parse("{\n  \"users\": [\n    {\"username\": \"a\"}\n  ]\n}");
    QVERIFY(document);
    const SourcePosition position = document->position(QStringLiteral("/users/0/password"));
    QCOMPARE(position.line, 3);
    QCOMPARE(position.column, 5);
    QVERIFY(!SettingsDocument().position(QStringLiteral("/mcpServers")).isValid());
}

void TestSettingsDocument::duplicateKeysKeepLastLikeJavaScript()
{
    const auto document
        = SettingsDocument::parse("{\n  \"mcpServers\": {\n    \"a\": {\"command\": \"first\"},\n  "
                                  "  \"b\": {\"command\": \"x\"},\n"
                                  "    \"a\": {\"command\": \"second\"}\n  }\n}");
    QVERIFY(document);
    // JSON.parse keeps the last value at the first key's place; so does ordered_json.
    QCOMPARE(document->json()["mcpServers"].begin().key(), std::string("a"));
    QVERIFY(document->json()["mcpServers"]["a"]["command"] == "second");
    QCOMPARE(document->duplicateKeys().size(), size_t(1));
    const auto &duplicate = document->duplicateKeys().front();
    QCOMPARE(duplicate.pointer, std::string("/mcpServers/a"));
    QCOMPARE(document->positionAt(duplicate.firstOffset).line, 3);
    QCOMPARE(document->positionAt(duplicate.lastOffset).line, 5);
    QCOMPARE(document->position(QStringLiteral("/mcpServers/a/command")).line, 5);
}

void TestSettingsDocument::linearParseGivesWhatNlohmannGives_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("scalars") << QByteArray(
        "[null, true, false, 0, -0, 1.5, -2e3, 18446744073709551615, "
        "-9223372036854775808, 1e308, \"\"]")
                             << true;
    QTest::newRow("escapes") << QByteArray(R"({"a\u0062c": "\u00e9\ud83d\ude00\n\t\"\\\/"})")
                             << true;
    QTest::newRow("nested") << QByteArray(R"({"a": {"b": [1, {"c": []}, {}], "d": {}}, "e": [[]]})")
                            << true;
    QTest::newRow("duplicate keys")
        << QByteArray(R"({"a": 1, "b": 2, "a": {"x": 3}, "b": [4]})") << true;
    QTest::newRow("top-level scalar") << QByteArray(" 42 ") << true;
    QTest::newRow("trailing comma") << QByteArray(R"({"a": 1,})") << false;
    QTest::newRow("overflowing number") << QByteArray(R"({"a": 1e999})") << false;
    QTest::newRow("cut off") << QByteArray(R"({"a": [1, 2)") << false;
    QTest::newRow("two values") << QByteArray(R"({} {})") << false;
    QTest::newRow("lone surrogate") << QByteArray(R"(["\ud800"])") << false;
    QTest::newRow("lone low surrogate") << QByteArray(R"(["a\udc00b"])") << false;
    QTest::newRow("surrogates reversed") << QByteArray(R"(["\ude00\ud83d"])") << false;
    QTest::newRow("empty") << QByteArray() << false;
    // Where simdjson (the fast reading) refuses and nlohmann's own reading takes over, or
    // where the two could read a number otherwise.
    QTest::newRow("integers past 64 bits")
        << QByteArray("[18446744073709551616, -9223372036854775809, 1e2, 1.0]") << true;
    QTest::newRow("doubles at the edges")
        << QByteArray("[5e-324, 2.2250738585072011e-308, 1.7976931348623157e308, 0.1, "
                      "-0.0, 123456789012345678901234567890.5]")
        << true;
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF{\"a\": [1]}") << true;
    QTest::newRow("not UTF-8") << QByteArray("[\"\xC3\x28\"]") << false;
    QTest::newRow("raw tab in a string") << QByteArray("[\"a\tb\"]") << false;
    QTest::newRow("unescaped NUL escape") << QByteArray(R"(["a\u0000b"])") << true;
}

// The two trees alike node by node: types (a signed and an unsigned integer apart), values
// and key order. JSON's -0 is read as 0 (JavaScript writes it back as 0), signed by nlohmann
// and unsigned by simdjson: that one difference is let through.
static bool sameTree(const nlohmann::ordered_json &a, const nlohmann::ordered_json &b)
{
    if (a.type() != b.type())
        return a.is_number_integer() && b.is_number_integer() && a == 0 && b == 0;
    if (a.is_object()) {
        if (a.size() != b.size())
            return false;
        for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j) {
            if (i.key() != j.key() || !sameTree(i.value(), j.value()))
                return false;
        }
        return true;
    }
    if (a.is_array()) {
        if (a.size() != b.size())
            return false;
        for (size_t i = 0; i < a.size(); ++i) {
            if (!sameTree(a[i], b[i]))
                return false;
        }
        return true;
    }
    if (a.is_number_float()) // bit for bit (-0.0 apart from 0.0)
        return std::memcmp(&a.get_ref<const double &>(), &b.get_ref<const double &>(), 8) == 0;
    return a == b;
}

// parseJsonLinear (SettingsDocument's parser) against nlohmann's own: the same value, keys in
// the same order, and a failure wherever nlohmann throws.
void TestSettingsDocument::linearParseGivesWhatNlohmannGives()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    const auto linear = parseJsonLinear(text.constData(), text.constData() + text.size());
    QCOMPARE(linear.has_value(), valid);
    // Read where it is (no padded copy), with bytes after its end that would change the text
    // were they read as part of it.
    QByteArray padded = text;
    while (padded.size() < text.size() + qsizetype(kJsonReadPadding))
        padded += "1]}\"\\ ,";
    const auto inPlace = parseJsonLinear(padded.constData(),
                                         padded.constData() + text.size(),
                                         nullptr,
                                         LinearReader::Either,
                                         size_t(padded.size() - text.size()));
    QCOMPARE(inPlace.has_value(), valid);
    if (!valid)
        return;
    const auto expected
        = nlohmann::ordered_json::parse(text.constData(), text.constData() + text.size());
    QCOMPARE(QString::fromStdString(linear->dump()), QString::fromStdString(expected.dump()));
    QVERIFY(*linear == expected);
    QVERIFY(sameTree(*linear, expected));
    QVERIFY(sameTree(*inPlace, expected));
}

// An object past the size where keys are indexed: 5,000 keys, some given twice (the first
// place, the last value, as nlohmann's parser and JSON.parse keep them).
void TestSettingsDocument::linearParseOfALargeObjectWithDuplicates()
{
    std::string text = "{";
    for (int i = 0; i < 5000; ++i)
        text += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
    for (int i = 0; i < 5000; i += 7)
        text += "\"k" + std::to_string(i) + "\": \"again " + std::to_string(i) + "\", ";
    text += "\"k3\": {\"small\": 1, \"small\": 2}}";
    const auto linear = parseJsonLinear(text.data(), text.data() + text.size());
    QVERIFY(linear);
    const auto expected = nlohmann::ordered_json::parse(text);
    QCOMPARE(linear->size(), size_t(5000));
    QCOMPARE(QString::fromStdString(linear->dump()), QString::fromStdString(expected.dump()));
    QVERIFY((*linear)["k7"] == "again 7");
    QVERIFY((*linear)["k3"] == nlohmann::ordered_json::parse(R"({"small": 2})"));
    QCOMPARE(std::next(linear->begin(), 7).key(), std::string("k7"));
}

// 1,000 random documents (a fixed seed): objects of up to 40 keys (near the top) drawn from a
// few names, so that keys repeat below and past the indexed size, a repeated key's value
// changing type (object, array, scalar) either way, nested up to 6 levels. parseJsonLinear moves an
// object's members in when it ends: the same value and key order as nlohmann's own parser each
// time.
void TestSettingsDocument::linearParseMatchesNlohmannOnRandomDocuments()
{
    QRandomGenerator random(20261206);
    const std::function<void(std::string &, int)> value = [&](std::string &out, int depth) {
        const int kind = int(random.bounded(depth >= 5 ? 4 : 6));
        switch (kind) {
        case 0:
            out += std::to_string(random.bounded(1000));
            return;
        case 1:
            out += "\"s" + std::to_string(random.bounded(50)) + "\"";
            return;
        case 2:
            out += random.bounded(2) ? "true" : "null";
            return;
        case 3:
            out += "-1.5";
            return;
        case 4: {
            out += '[';
            const int n = int(random.bounded(5));
            for (int i = 0; i < n; ++i) {
                if (i)
                    out += ',';
                value(out, depth + 1);
            }
            out += ']';
            return;
        }
        default: {
            out += '{';
            const int n = int(random.bounded(depth <= 1 ? 41 : 6)); // indexed from 16 keys
            const int names = 1 + int(random.bounded(30));
            for (int i = 0; i < n; ++i) {
                if (i)
                    out += ',';
                out += "\"k" + std::to_string(random.bounded(names)) + "\":";
                value(out, depth + 1);
            }
            out += '}';
            return;
        }
        }
    };
    for (int round = 0; round < 1000; ++round) {
        std::string text = "{\"root\":";
        value(text, 0);
        text += ",\"root\":";
        value(text, 0);
        text += '}';
        const auto linear = parseJsonLinear(text.data(), text.data() + text.size());
        QVERIFY2(linear, text.c_str());
        const auto expected = nlohmann::ordered_json::parse(text);
        QVERIFY2(linear->dump() == expected.dump(), text.c_str());
        QVERIFY2(sameTree(*linear, expected), text.c_str());
    }
}

// Past 1 MB the largest top-level member is built on a second thread and put in its place:
// the same tree as nlohmann's, and the same facts as the scan's, whether the duplicate key
// or the fraction is in that member, in another, or nowhere; a document whose top-level key
// is given twice is built on one thread.
void TestSettingsDocument::largeDocumentBuiltOnTwoThreads_data()
{
    QTest::addColumn<QByteArray>("inBig");
    QTest::addColumn<QByteArray>("inSmall");
    QTest::addColumn<bool>("topLevelTwin");
    QTest::newRow("plain") << QByteArray() << QByteArray() << false;
    QTest::newRow("twin key in the large member")
        << QByteArray(R"("k": 1, "k": 2)") << QByteArray() << false;
    QTest::newRow("fraction in another member")
        << QByteArray() << QByteArray(R"("t": 0.5)") << false;
    QTest::newRow("top-level key twice") << QByteArray() << QByteArray() << true;
}

void TestSettingsDocument::largeDocumentBuiltOnTwoThreads()
{
    QFETCH(QByteArray, inBig);
    QFETCH(QByteArray, inSmall);
    QFETCH(bool, topLevelTwin);
    QByteArray text = "{\"mcpServers\": {\"a\": {\"command\": \"x\", \"args\": [-1, 2]}";
    if (!inSmall.isEmpty())
        text += ", \"b\": {" + inSmall + "}";
    text += "}, \"users\": [";
    for (int i = 0; i < 20000; ++i) {
        if (i)
            text += ", ";
        text += "{\"username\": \"user-" + QByteArray::number(i)
                + "\", \"password\": "
                  "\"$2b$10$abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQ\", "
                  "\"isAdmin\": false, \"n\": ["
                + QByteArray::number(i) + ", " + QByteArray::number(-i) + "]"
                + (i == 12345 && !inBig.isEmpty() ? ", " + inBig : QByteArray()) + "}";
    }
    text += "], \"systemConfig\": {\"nameSeparator\": \"-\"}";
    if (topLevelTwin)
        text += ", \"systemConfig\": {\"nameSeparator\": \"_\"}";
    text += "}";
    QVERIFY(text.size() > (1 << 20));
    const auto linear = parseJsonLinear(text.constData(), text.constData() + text.size());
    QVERIFY(linear);
    const auto expected
        = nlohmann::ordered_json::parse(text.constData(), text.constData() + text.size());
    QVERIFY(sameTree(*linear, expected));
    const auto document = SettingsDocument::parse(text);
    QVERIFY(document);
    const JsonSourceMap::TextFacts scanned = JsonSourceMap::scan(text);
    QCOMPARE(document->duplicateKeys().size(), scanned.duplicates.size());
    QCOMPARE(document->roundedNumbers().size(), scanned.roundedNumbers.size());
    QCOMPARE(scanned.duplicates.size(), size_t(!inBig.isEmpty() || topLevelTwin ? 1 : 0));
}

// The parse tells when the text can hold nothing the tree does not show (no key given twice,
// no number read as a double), and the document then skips JsonSourceMap::scan: what it
// reports is what the scan finds, in each case.
void TestSettingsDocument::textFactsAsTheScanFindsThem_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("duplicates");
    QTest::addColumn<int>("rounded");
    QTest::newRow("neither") << QByteArray(
        "{\"mcpServers\": {\"a\": {\"command\": \"x\", \"args\": [1, -2, 3]}}}")
                             << 0 << 0;
    QTest::newRow("escaped twin keys")
        << QByteArray("{\"mcpServers\": {}, \"a\": 1, \"\\u0061\": 2}") << 1 << 0;
    QTest::newRow("fraction kept") << QByteArray("{\"mcpServers\": {}, \"t\": 1.5}") << 0 << 0;
    QTest::newRow("underflow") << QByteArray("{\"mcpServers\": {}, \"t\": 1e-400}") << 0 << 1;
    QTest::newRow("long integer") << QByteArray(
        "{\"mcpServers\": {}, \"t\": 123456789012345678901234567890}")
                                  << 0 << 1;
    QTest::newRow("nested twin") << QByteArray(
        "{\"mcpServers\": {\"a\": {\"env\": {\"K\": \"1\", \"K\": \"2\"}}}}")
                                 << 1 << 0;
}

void TestSettingsDocument::textFactsAsTheScanFindsThem()
{
    QFETCH(QByteArray, text);
    QFETCH(int, duplicates);
    QFETCH(int, rounded);
    const auto document = SettingsDocument::parse(text);
    QVERIFY(document);
    const JsonSourceMap::TextFacts scanned = JsonSourceMap::scan(text);
    QCOMPARE(int(scanned.duplicates.size()), duplicates);
    QCOMPARE(int(scanned.roundedNumbers.size()), rounded);
    QCOMPARE(document->duplicateKeys().size(), scanned.duplicates.size());
    for (size_t i = 0; i < scanned.duplicates.size(); ++i)
        QCOMPARE(document->duplicateKeys().at(i).pointer, scanned.duplicates.at(i).pointer);
    QCOMPARE(document->roundedNumbers().size(), scanned.roundedNumbers.size());
    for (size_t i = 0; i < scanned.roundedNumbers.size(); ++i)
        QCOMPARE(document->roundedNumbers().at(i).pointer, scanned.roundedNumbers.at(i).pointer);
}

void TestSettingsDocument::summaryCounts()
{
    const auto document = SettingsDocument::fromJson(test::sampleSettings(7));
    QCOMPARE(document.summary().servers, 7);
    QCOMPARE(document.summary().users, 2);
    QCOMPARE(document.summary().groups, 1);
    QCOMPARE(SettingsDocument::fromJson(nlohmann::ordered_json::array()).summary().servers, 0);
}

void TestSettingsDocument::jsonPointerEscapes()
{
    const QString pointer = JsonPointer::append(
        JsonPointer::append(QString(), QStringLiteral("a/b~c")), QStringLiteral("x"));
    QCOMPARE(pointer, QStringLiteral("/a~1b~0c/x"));
    QCOMPARE(JsonPointer::tokens(pointer),
             (QStringList{QStringLiteral("a/b~c"), QStringLiteral("x")}));
    QCOMPARE(JsonPointer::parent(pointer), QStringLiteral("/a~1b~0c"));
    QCOMPARE(JsonPointer::parent(QStringLiteral("/a")), QString());
    QCOMPARE(JsonPointer::display(QString()), QStringLiteral("(root)"));
}

void TestSettingsDocument::defaultDocumentIsMinimal()
{
    QCOMPARE(SettingsDocument().toMcpHubJson(), QByteArray("{\n  \"mcpServers\": {}\n}"));
}

QTEST_GUILESS_MAIN(TestSettingsDocument)
#include "tst_settingsdocument.moc"
