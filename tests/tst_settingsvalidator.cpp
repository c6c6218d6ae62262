// SettingsValidator: the upstream fixtures, the hub captures and the hand-made fixtures; the
// bad files; and each schema and semantic rule, with its pointer, line and severity.

#include "app/common/appsetup.h"
#include "storage/settings/schemaquickcheck.h"
#include "storage/settings/settingsdocument.h"
#include "storage/settings/settingsschemacheck.h"
#include "storage/settings/settingsvalidator.h"
#include "tests/support/settingssamples.h"
#include "tests/support/testenv.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace mcphub;

namespace {

using Severity = Finding::Severity;

QList<Finding> validateFile(const QString &path)
{
    const auto document = SettingsDocument::parse(test::readFile(path), path);
    if (!document)
        return {
            Finding{Severity::Error, QStringLiteral("parse"), {}, {}, document.error().toString()}};
    return SettingsValidator::validate(*document);
}

QString describe(const QList<Finding> &findings)
{
    QStringList lines;
    for (const Finding &f : findings)
        lines.append(f.code + QLatin1Char(' ') + f.toString(QStringLiteral("f")));
    return lines.join(QLatin1Char('\n'));
}

// A small valid document to break one rule at a time; `patch` is merged into it (RFC 7386).
QList<Finding> validatePatched(const QByteArray &patch)
{
    nlohmann::ordered_json base = nlohmann::ordered_json::parse(
        "{\"mcpServers\": {"
        "\"fetch\": {\"command\": \"uvx\", \"args\": [\"mcp-server-fetch\"]},"
        "\"web\": {\"type\": \"streamable-http\", \"url\": \"https://example.com/mcp\"}},"
        "\"users\": [{\"username\": \"admin\", \"password\": "
        "\"$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.\", \"isAdmin\": true}],"
        "\"groups\": [{\"id\": \"g1\", \"name\": \"research\", \"servers\": [\"fetch\"]}]}");
    base.merge_patch(nlohmann::ordered_json::parse(patch.constData()));
    return SettingsValidator::validate(SettingsDocument::fromJson(base));
}

} // namespace

class TestSettingsValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void upstreamFixtures_data();
    void upstreamFixtures();
    void oauthDynamicReportsBcryptHashWithLine();
    void hubCapturesHaveNoErrors();
    void handmadeFixtureHasNoFindings();
    void badFiles_data();
    void badFiles();
    void rules_data();
    void rules();
    void serverTypeConditions_data();
    void serverTypeConditions();
    void validDocumentsHaveNoFindings();
    void placeholderFollowedByANewlineIsABadPassword();
    void findingsSortedByPosition();
    void messagesAreTranslated();
    void quickReadingAgreesWithValijson();
};

void TestSettingsValidator::upstreamFixtures_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(test::fixturesDir() + QStringLiteral("/upstream"));
    const QStringList names = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
    QCOMPARE(names.size(), 6);
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << dir.filePath(name);
}

void TestSettingsValidator::upstreamFixtures()
{
    QFETCH(QString, path);
    const QList<Finding> findings = validateFile(path);
    if (path.endsWith(QLatin1String("oauth-dynamic-registration-config.json")))
        QVERIFY2(hasErrors(findings), qPrintable(describe(findings)));
    else
        QVERIFY2(!hasErrors(findings), qPrintable(describe(findings)));
}

void TestSettingsValidator::oauthDynamicReportsBcryptHashWithLine()
{
    const QList<Finding> findings = validateFile(
        test::fixturesDir() + QStringLiteral("/upstream/oauth-dynamic-registration-config.json"));
    QCOMPARE(findings.size(), 1);
    const Finding &f = findings.first();
    QCOMPARE(f.severity, Severity::Error);
    QCOMPARE(f.pointer, QStringLiteral("/users/0/password"));
    QCOMPARE(f.code, QStringLiteral("schema.pattern"));
    QCOMPARE(f.position.line, 21);
    QCOMPARE(f.position.column, 19);
    QVERIFY2(f.message.contains(QStringLiteral("bcrypt")), qPrintable(f.message));
}

void TestSettingsValidator::hubCapturesHaveNoErrors()
{
    const QDir captures(test::fixturesDir() + QStringLiteral("/hub-captures"));
    int files = 0;
    for (const QString &mode : captures.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QDir settings(captures.filePath(mode) + QStringLiteral("/settings"));
        for (const QString &name : settings.entryList({QStringLiteral("*.json")}, QDir::Files)) {
            const QList<Finding> findings = validateFile(settings.filePath(name));
            QVERIFY2(!hasErrors(findings),
                     qPrintable(name + QLatin1Char('\n') + describe(findings)));
            ++files;
        }
    }
    QCOMPARE(files, 4);
}

void TestSettingsValidator::handmadeFixtureHasNoFindings()
{
    const QList<Finding> findings = validateFile(
        test::fixturesDir() + QStringLiteral("/handmade/mcp_settings.populated.json"));
    QVERIFY2(findings.isEmpty(), qPrintable(describe(findings)));
}

void TestSettingsValidator::badFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::newRow("groups as an object") << "groups-object.json"
                                         << "/groups"
                                         << "schema.type" << 17;
    QTest::newRow("missing mcpServers") << "missing-mcpservers.json"
                                        << "/mcpServers"
                                        << "schema.required" << 1;
    QTest::newRow("args a string") << "wrong-types.json"
                                   << "/mcpServers/fetch/args"
                                   << "schema.type" << 5;
    QTest::newRow("enabled a string") << "wrong-types.json"
                                      << "/mcpServers/fetch/enabled"
                                      << "schema.type" << 6;
    QTest::newRow("interval a string") << "wrong-types.json"
                                       << "/mcpServers/fetch/keepAliveInterval"
                                       << "schema.type" << 7;
    QTest::newRow("isAdmin a number") << "wrong-types.json"
                                      << "/users/0/isAdmin"
                                      << "schema.type" << 14;
    QTest::newRow("no admin follows") << "wrong-types.json"
                                      << "/users"
                                      << "users.no-admin" << 10;
    QTest::newRow("flag a string") << "wrong-types.json"
                                   << "/systemConfig/routing/enableBearerAuth"
                                   << "schema.type" << 19;
    QTest::newRow("empty separator") << "wrong-types.json"
                                     << "/systemConfig/nameSeparator"
                                     << "schema.length" << 21;
}

void TestSettingsValidator::badFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, pointer);
    QFETCH(QString, code);
    QFETCH(int, line);
    const QList<Finding> findings
        = validateFile(test::fixturesDir() + QStringLiteral("/bad-settings/") + file);
    const auto it = std::find_if(
        findings.begin(), findings.end(), [&](const Finding &f) { return f.pointer == pointer; });
    QVERIFY2(it != findings.end(), qPrintable(describe(findings)));
    QCOMPARE(it->code, code);
    QCOMPARE(it->severity, Severity::Error);
    QCOMPARE(it->position.line, line);
    QVERIFY(!it->message.isEmpty());
    if (file == QLatin1String("groups-object.json"))
        QVERIFY2(it->message.contains(QStringLiteral("array")), qPrintable(it->message));
}

void TestSettingsValidator::rules_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<bool>("error");

    // Schema: server types and per-type rules.
    QTest::newRow("unknown type") << QByteArray(R"({"mcpServers": {"web": {"type": "websocket"}}})")
                                  << "schema.enum"
                                  << "/mcpServers/web/type" << true;
    QTest::newRow("sse needs url")
        << QByteArray(R"({"mcpServers": {"web": {"type": "sse", "url": null}}})")
        << "schema.required"
        << "/mcpServers/web/url" << true;
    QTest::newRow("stdio needs command")
        << QByteArray(R"({"mcpServers": {"fetch": {"type": "stdio", "command": null}}})")
        << "schema.required"
        << "/mcpServers/fetch/command" << true;
    QTest::newRow("openapi needs url or schema") << QByteArray(
        R"({"mcpServers": {"api": {"type": "openapi", "openapi": {"version": "3.1.0"}}}})")
                                                 << "schema.shape"
                                                 << "/mcpServers/api/openapi" << true;
    QTest::newRow("openapi block missing")
        << QByteArray(R"({"mcpServers": {"api": {"type": "openapi"}}})") << "schema.required"
        << "/mcpServers/api/openapi" << true;
    QTest::newRow("env values are strings")
        << QByteArray(R"({"mcpServers": {"fetch": {"env": {"PORT": 8080}}}})") << "schema.type"
        << "/mcpServers/fetch/env/PORT" << true;
    QTest::newRow("proxy port range")
        << QByteArray(R"({"mcpServers": {"fetch": {"proxy": {"port": 70000}}}})") << "schema.range"
        << "/mcpServers/fetch/proxy/port" << true;
    QTest::newRow("server is not an object")
        << QByteArray(R"({"mcpServers": {"fetch": "uvx"}})") << "schema.type"
        << "/mcpServers/fetch" << true;
    // Schema: users, groups, keys, systemConfig, OAuth, builtins.
    QTest::newRow("plain password") << QByteArray(
        R"({"users": [{"username": "admin", "password": "admin123", "isAdmin": true}]})")
                                    << "schema.pattern"
                                    << "/users/0/password" << true;
    QTest::newRow("user without password")
        << QByteArray(R"({"users": [{"username": "admin", "isAdmin": true}]})") << "schema.required"
        << "/users/0/password" << true;
    QTest::newRow("group without id")
        << QByteArray(R"({"groups": [{"name": "g", "servers": []}]})") << "schema.required"
        << "/groups/0/id" << true;
    QTest::newRow("group server entry a number")
        << QByteArray(R"({"groups": [{"id": "g1", "name": "g", "servers": [42]}]})")
        << "schema.type"
        << "/groups/0/servers/0" << true;
    QTest::newRow("group tools neither all nor list") << QByteArray(
        R"({"groups": [{"id": "g1", "name": "g", "servers": [{"name": "fetch", "tools": "some"}]}]})")
                                                      << "schema.pattern"
                                                      << "/groups/0/servers/0/tools" << true;
    QTest::newRow("key access type") << QByteArray(
        R"({"bearerKeys": [{"id": "k", "name": "k", "token": "t", "enabled": true, "accessType": "everything"}]})")
                                     << "schema.enum"
                                     << "/bearerKeys/0/accessType" << true;
    QTest::newRow("body limit") << QByteArray(
        R"({"systemConfig": {"routing": {"jsonBodyLimit": "lots"}}})")
                                << "schema.pattern"
                                << "/systemConfig/routing/jsonBodyLimit" << true;
    QTest::newRow("token expiry not a date") << QByteArray(
        R"({"oauthTokens": [{"accessToken": "a", "accessTokenExpiresAt": "tomorrow", "clientId": "c", "username": "admin"}]})")
                                             << "schema.pattern"
                                             << "/oauthTokens/0/accessTokenExpiresAt" << true;
    // Each pattern's $ is ECMAScript's, the end of the text: a valid value and a newline is
    // refused (PCRE's $ would also match before that newline).
    QTest::newRow("hash and a newline") << QByteArray(
        R"({"users": [{"username": "admin", "password": "$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.\n", "isAdmin": true}]})")
                                        << "schema.pattern"
                                        << "/users/0/password" << true;
    QTest::newRow("all and a newline") << QByteArray(
        R"({"groups": [{"id": "g1", "name": "g", "servers": [{"name": "fetch", "tools": "all\n"}]}]})")
                                       << "schema.pattern"
                                       << "/groups/0/servers/0/tools" << true;
    QTest::newRow("body limit and a newline")
        << QByteArray(R"({"systemConfig": {"routing": {"jsonBodyLimit": "1mb\n"}}})")
        << "schema.pattern"
        << "/systemConfig/routing/jsonBodyLimit" << true;
    QTest::newRow("date and a newline") << QByteArray(
        R"({"oauthTokens": [{"accessToken": "a", "accessTokenExpiresAt": "2026-01-31T12:00:00.000Z\n", "clientId": "c", "username": "admin"}]})")
                                        << "schema.pattern"
                                        << "/oauthTokens/0/accessTokenExpiresAt" << true;
    QTest::newRow("prompt without template")
        << QByteArray(R"({"prompts": [{"id": "p", "name": "p"}]})") << "schema.required"
        << "/prompts/0/template" << true;
    QTest::newRow("user configs keyed by user")
        << QByteArray(R"({"userConfigs": {"admin": {"routing": []}}})") << "schema.type"
        << "/userConfigs/admin/routing" << true;

    // Semantic rules.
    QTest::newRow("type cannot be inferred")
        << QByteArray(R"({"mcpServers": {"odd": {"enabled": true}}})") << "server.type-unknown"
        << "/mcpServers/odd" << true;
    QTest::newRow("inferred stdio without command")
        << QByteArray(R"({"mcpServers": {"odd": {"args": ["x"]}}})") << "server.stdio-command"
        << "/mcpServers/odd/command" << true;
    QTest::newRow("url and command without type")
        << QByteArray(R"({"mcpServers": {"fetch": {"url": "https://x/sse"}}})")
        << "server.url-and-command"
        << "/mcpServers/fetch" << false;
    QTest::newRow("headers on stdio")
        << QByteArray(R"({"mcpServers": {"fetch": {"headers": {"X": "1"}}}})")
        << "server.headers-ignored"
        << "/mcpServers/fetch/headers" << false;
    QTest::newRow("field MCPHub drops")
        << QByteArray(R"({"mcpServers": {"web": {"command": "npx"}}})") << "server.field-dropped"
        << "/mcpServers/web/command" << false;
    QTest::newRow("empty server name")
        << QByteArray(R"({"mcpServers": {"": {"command": "x"}}})") << "server.empty-name"
        << "/mcpServers/" << true;
    QTest::newRow("duplicate group id") << QByteArray(
        R"({"groups": [{"id": "g1", "name": "a", "servers": []}, {"id": "g1", "name": "b", "servers": []}]})")
                                        << "group.duplicate-id"
                                        << "/groups/1/id" << true;
    QTest::newRow("duplicate group name") << QByteArray(
        R"({"groups": [{"id": "g1", "name": "a", "servers": []}, {"id": "g2", "name": "a", "servers": []}]})")
                                          << "group.duplicate-name"
                                          << "/groups/1/name" << false;
    QTest::newRow("group names an unknown server") << QByteArray(
        R"({"groups": [{"id": "g1", "name": "a", "servers": ["fetch", {"name": "gone"}]}]})")
                                                   << "group.unknown-server"
                                                   << "/groups/0/servers/1" << false;
    QTest::newRow("server owner is no user")
        << QByteArray(R"({"mcpServers": {"fetch": {"owner": "carol"}}})") << "owner.unknown-user"
        << "/mcpServers/fetch/owner" << false;
    QTest::newRow("group owner is no user")
        << QByteArray(R"({"groups": [{"id": "g1", "name": "a", "servers": [], "owner": "carol"}]})")
        << "owner.unknown-user"
        << "/groups/0/owner" << false;
    QTest::newRow("no administrator") << QByteArray(
        R"({"users": [{"username": "admin", "password": "$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.", "isAdmin": false}]})")
                                      << "users.no-admin"
                                      << "/users" << true;
    QTest::newRow("no users at all") << QByteArray(R"({"users": []})") << "users.none"
                                     << "/users" << false;
    QTest::newRow("duplicate user name") << QByteArray(
        R"({"users": [{"username": "admin", "password": "$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.", "isAdmin": true}, {"username": "admin", "password": "$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa."}]})")
                                         << "users.duplicate"
                                         << "/users/1/username" << true;
    QTest::newRow("password placeholder") << QByteArray(
        R"({"users": [{"username": "admin", "password": "${ADMIN_HASH}", "isAdmin": true}]})")
                                          << "users.password-placeholder"
                                          << "/users/0/password" << false;
    QTest::newRow("duplicate key id") << QByteArray(
        R"({"bearerKeys": [{"id": "k", "name": "a", "token": "t1", "enabled": true, "accessType": "all"}, {"id": "k", "name": "b", "token": "t2", "enabled": true, "accessType": "all"}]})")
                                      << "bearerKey.duplicate-id"
                                      << "/bearerKeys/1/id" << true;
    QTest::newRow("duplicate key token") << QByteArray(
        R"({"bearerKeys": [{"id": "k1", "name": "a", "token": "t", "enabled": true, "accessType": "all"}, {"id": "k2", "name": "b", "token": "t", "enabled": true, "accessType": "all"}]})")
                                         << "bearerKey.duplicate-token"
                                         << "/bearerKeys/1/token" << true;
    QTest::newRow("key names an unknown group") << QByteArray(
        R"({"bearerKeys": [{"id": "k", "name": "a", "token": "t", "enabled": true, "accessType": "groups", "allowedGroups": ["research", "gone"]}]})")
                                                << "bearerKey.unknown-group"
                                                << "/bearerKeys/0/allowedGroups/1" << false;
    QTest::newRow("key names an unknown server") << QByteArray(
        R"({"bearerKeys": [{"id": "k", "name": "a", "token": "t", "enabled": true, "accessType": "servers", "allowedServers": ["gone"]}]})")
                                                 << "bearerKey.unknown-server"
                                                 << "/bearerKeys/0/allowedServers/0" << false;
    QTest::newRow("key grants nothing") << QByteArray(
        R"({"bearerKeys": [{"id": "k", "name": "a", "token": "t", "enabled": true, "accessType": "custom"}]})")
                                        << "bearerKey.grants-nothing"
                                        << "/bearerKeys/0" << false;
    QTest::newRow("config of no user")
        << QByteArray(R"({"userConfigs": {"carol": {"routing": {}}}})") << "userConfig.unknown-user"
        << "/userConfigs/carol" << false;
    QTest::newRow("duplicate OAuth client") << QByteArray(
        R"({"oauthClients": [{"clientId": "c", "name": "a", "redirectUris": [], "grants": []}, {"clientId": "c", "name": "b", "redirectUris": [], "grants": []}]})")
                                            << "oauthClient.duplicate-id"
                                            << "/oauthClients/1/clientId" << true;
    QTest::newRow("token of no user") << QByteArray(
        R"({"oauthClients": [{"clientId": "c", "name": "a", "redirectUris": [], "grants": []}], "oauthTokens": [{"accessToken": "a", "accessTokenExpiresAt": "2026-01-01T00:00:00.000Z", "clientId": "c", "username": "carol"}]})")
                                      << "oauthToken.unknown-user"
                                      << "/oauthTokens/0/username" << false;
    QTest::newRow("duplicate prompt name") << QByteArray(
        R"({"prompts": [{"id": "1", "name": "p", "template": "x"}, {"id": "2", "name": "p", "template": "y"}]})")
                                           << "prompt.duplicate-name"
                                           << "/prompts/1/name" << false;
    QTest::newRow("duplicate resource uri") << QByteArray(
        R"({"resources": [{"id": "1", "uri": "memo://a", "content": "x"}, {"id": "2", "uri": "memo://a", "content": "y"}]})")
                                            << "resource.duplicate-uri"
                                            << "/resources/1/uri" << false;
    QTest::newRow("integer JavaScript rounds")
        << QByteArray(R"({"counter": 12345678901234567890})") << "json.unsafe-integer"
        << "/counter" << false;
}

void TestSettingsValidator::rules()
{
    QFETCH(QByteArray, patch);
    QFETCH(QString, code);
    QFETCH(QString, pointer);
    QFETCH(bool, error);
    const QList<Finding> findings = validatePatched(patch);
    const auto it = std::find_if(findings.begin(), findings.end(), [&](const Finding &f) {
        return f.code == code && f.pointer == pointer;
    });
    QVERIFY2(it != findings.end(), qPrintable(describe(findings)));
    QCOMPARE(it->severity, error ? Severity::Error : Severity::Warning);
    QVERIFY(!it->message.isEmpty());
    // One finding per problem: no echo of the same place.
    QCOMPARE(
        std::count_if(findings.begin(),
                      findings.end(),
                      [&](const Finding &f) { return f.code == code && f.pointer == pointer; }),
        1);
}

// What the schema asks of a server by its type, and of nothing else: a type-less server is
// left to the rules (which infer its type as MCPHub does), a typed one needs its type's
// settings. The exact schema findings per server, so that the conditions' form in the schema
// (checked only where "type" is there) cannot add, lose or move one.
void TestSettingsValidator::serverTypeConditions_data()
{
    QTest::addColumn<QByteArray>("server");
    QTest::addColumn<QStringList>("expected"); // "code pointer" of each schema finding

    const auto at = [](const char *code, const char *key) {
        return QStringLiteral("%1 /mcpServers/s%2").arg(QLatin1String(code), QLatin1String(key));
    };
    QTest::newRow("no type, url") << QByteArray(R"({"url": "https://x/mcp"})") << QStringList();
    QTest::newRow("no type, command") << QByteArray(R"({"command": "npx"})") << QStringList();
    QTest::newRow("no type, nothing") << QByteArray("{}") << QStringList();
    QTest::newRow("sse without url") << QByteArray(R"({"type": "sse", "command": "npx"})")
                                     << QStringList{at("schema.required", "/url")};
    QTest::newRow("streamable-http with url")
        << QByteArray(R"({"type": "streamable-http", "url": "https://x"})") << QStringList();
    QTest::newRow("streamable-http without url") << QByteArray(R"({"type": "streamable-http"})")
                                                 << QStringList{at("schema.required", "/url")};
    QTest::newRow("stdio without command") << QByteArray(R"({"type": "stdio", "url": "https://x"})")
                                           << QStringList{at("schema.required", "/command")};
    QTest::newRow("stdio with command")
        << QByteArray(R"({"type": "stdio", "command": "uvx"})") << QStringList();
    QTest::newRow("openapi without openapi")
        << QByteArray(R"({"type": "openapi"})") << QStringList{at("schema.required", "/openapi")};
    QTest::newRow("openapi neither url nor schema")
        << QByteArray(R"({"type": "openapi", "openapi": {}})")
        << QStringList{at("schema.shape", "/openapi")};
    QTest::newRow("openapi with url")
        << QByteArray(R"({"type": "openapi", "openapi": {"url": "u"}})") << QStringList();
    QTest::newRow("type a number")
        << QByteArray(R"({"type": 42})") << QStringList{at("schema.enum", "/type")};
    QTest::newRow("type a list") << QByteArray(R"({"type": ["sse"]})")
                                 << QStringList{at("schema.enum", "/type")};
    QTest::newRow("stdio, command and url of other types")
        << QByteArray(R"({"type": "stdio", "command": 5, "url": 3})")
        << QStringList{at("schema.type", "/command"), at("schema.type", "/url")};
}

void TestSettingsValidator::serverTypeConditions()
{
    QFETCH(QByteArray, server);
    QFETCH(QStringList, expected);
    const QList<Finding> findings
        = validatePatched(QByteArray(R"({"mcpServers": {"s": )") + server + QByteArray("}}"));
    QStringList schema;
    for (const Finding &f : findings) {
        if (f.code.startsWith(QLatin1String("schema.")))
            schema << f.code + QLatin1Char(' ') + f.pointer;
    }
    schema.sort();
    expected.sort();
    QVERIFY2(schema == expected, qPrintable(describe(findings)));
}

// "${ADMIN_HASH}" and a newline is neither a placeholder nor a hash: the schema refuses it (its
// pattern's $ ends the text), and the rules do not call it a placeholder.
void TestSettingsValidator::placeholderFollowedByANewlineIsABadPassword()
{
    const QList<Finding> findings = validatePatched(
        R"({"users": [{"username": "admin", "password": "${ADMIN_HASH}\n", "isAdmin": true}]})");
    const auto has = [&](const char *code) {
        return std::any_of(findings.begin(), findings.end(), [&](const Finding &f) {
            return f.code == QLatin1String(code) && f.pointer == QLatin1String("/users/0/password");
        });
    };
    QVERIFY2(has("schema.pattern"), qPrintable(describe(findings)));
    QVERIFY2(!has("users.password-placeholder"), qPrintable(describe(findings)));
}

void TestSettingsValidator::validDocumentsHaveNoFindings()
{
    QVERIFY2(validatePatched("{}").isEmpty(), qPrintable(describe(validatePatched("{}"))));
    const QList<Finding> sample
        = SettingsValidator::validate(SettingsDocument::fromJson(test::sampleSettings(20)));
    QVERIFY2(sample.isEmpty(), qPrintable(describe(sample)));
}

void TestSettingsValidator::findingsSortedByPosition()
{
    const QList<Finding> findings
        = validateFile(test::fixturesDir() + QStringLiteral("/bad-settings/wrong-types.json"));
    QVERIFY(findings.size() >= 6);
    for (qsizetype i = 1; i < findings.size(); ++i) {
        const auto &a = findings.at(i - 1).position;
        const auto &b = findings.at(i).position;
        QVERIFY(a.line < b.line || (a.line == b.line && a.column <= b.column));
    }
}

void TestSettingsValidator::messagesAreTranslated()
{
    // The explanations the schema names by "x-message" and the rules' messages go through
    // the translator like every other string.
    QCOMPARE(installTranslators(*QCoreApplication::instance(), QStringLiteral("zh_CN")),
             QStringLiteral("zh_CN"));
    const QList<Finding> findings = validateFile(
        test::fixturesDir() + QStringLiteral("/upstream/oauth-dynamic-registration-config.json"));
    QCOMPARE(findings.size(), 1);
    QVERIFY2(findings.first().message.contains(QStringLiteral("bcrypt"))
                 && findings.first().message.contains(QStringLiteral("哈希")),
             qPrintable(findings.first().message));
    const QList<Finding> rules = validatePatched(R"({"users": []})");
    QVERIFY2(rules.first().message.contains(QStringLiteral("用户")),
             qPrintable(rules.first().message));
}

namespace {

using Json = nlohmann::ordered_json;

// Every place in a document, as JSON pointers.
void collectPointers(const Json &node,
                     const Json::json_pointer &at,
                     std::vector<Json::json_pointer> *out)
{
    out->push_back(at);
    if (node.is_object()) {
        for (auto it = node.begin(); it != node.end(); ++it)
            collectPointers(it.value(), at / it.key(), out);
    } else if (node.is_array()) {
        for (size_t i = 0; i < node.size(); ++i)
            collectPointers(node[i], at / i, out);
    }
}

// The schema's property names and its enum and const values: mutations built from them reach
// the schema's conditions (a server's type, an openapi source...).
void collectSchemaWords(const nlohmann::json &node, QSet<QString> *names, std::vector<Json> *values)
{
    if (node.is_object()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (it.key() == "properties" && it.value().is_object()) {
                for (auto p = it.value().begin(); p != it.value().end(); ++p)
                    names->insert(QString::fromStdString(p.key()));
            }
            if (it.key() == "enum" && it.value().is_array()) {
                for (const auto &v : it.value())
                    values->push_back(Json::parse(v.dump()));
            } else if (it.key() == "const") {
                values->push_back(Json::parse(it.value().dump()));
            } else {
                collectSchemaWords(it.value(), names, values);
            }
        }
    } else if (node.is_array()) {
        for (const auto &v : node)
            collectSchemaWords(v, names, values);
    }
}

} // namespace

// SchemaQuickCheck decides alone for the documents it is sure of: "valid" must never be said of
// a document valijson refuses (nor "invalid" of one it accepts, as an if/then/else or anyOf
// decides on it). Every fixture and sample, and thousands of mutations of them (values of
// other types and forms, members removed and added, the schema's own names and enum values),
// are read both ways. The fixtures that valijson accepts must be ones the quick reading is
// sure of, or it would save nothing.
void TestSettingsValidator::quickReadingAgreesWithValijson()
{
    QFile schemaFile(QStringLiteral(":/schema/mcp_settings.schema.json"));
    QVERIFY(schemaFile.open(QIODevice::ReadOnly));
    const nlohmann::json schema = nlohmann::json::parse(schemaFile.readAll().toStdString());
    const SchemaQuickCheck quick(schema);

    std::vector<std::pair<QString, Json>> bases;
    QDirIterator files(
        test::fixturesDir(), {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        const auto document = SettingsDocument::parse(test::readFile(path), path);
        if (document && document->json().contains("mcpServers")) // a settings file
            bases.emplace_back(path, document->json());
    }
    bases.emplace_back(QStringLiteral("sample"), test::sampleSettings(20));
    QVERIFY(bases.size() >= 15);

    QSet<QString> names{QStringLiteral("bogus")};
    std::vector<Json> pool;
    collectSchemaWords(schema, &names, &pool);
    for (const char *text : {R"("")",
                             R"("x")",
                             R"("é")",
                             R"("a\u0000b")",
                             R"("2026-01-31T12:00:00.000Z")",
                             R"("$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.")",
                             R"("${ADMIN_HASH}")",
                             R"("${ADMIN_HASH}\n")",
                             R"("\u00ff\u00ff")",
                             "0",
                             "1",
                             "-1",
                             "1.5",
                             "1.0",
                             "65535",
                             "65536",
                             "1e300",
                             "-0.0",
                             "18446744073709551615",
                             "true",
                             "false",
                             "null",
                             "{}",
                             "[]",
                             R"(["a"])",
                             R"([1])",
                             R"({"url": "u"})",
                             R"({"schema": {}})",
                             R"({"enabled": true})",
                             R"({"name": "fetch", "tools": "all"})"})
        pool.push_back(Json::parse(text));
    // Strings a parser would have refused (ill-formed UTF-8), as an edit in the console could
    // still hold them.
    for (const std::string &text : {std::string("\xff\xfe"),
                                    std::string("a\xc3"),
                                    std::string("\xc0\x80"),
                                    std::string("\x80abc")})
        pool.push_back(Json(text));
    const QStringList nameList = names.values();

    QRandomGenerator random(20261207);
    const auto pick = [&](size_t n) {
        return size_t(random.bounded(quint32(n)));
    };
    int valid = 0, invalid = 0, unsure = 0, checked = 0;
    for (const auto &[path, base] : bases) {
        const bool baseValid
            = SettingsSchemaCheck::check(base, SettingsSchemaCheck::Reading::ValijsonOnly)
                  .isEmpty();
        if (baseValid && !path.contains(QLatin1String("bad-settings")))
            QVERIFY2(quick.check(base) == SchemaQuickCheck::Verdict::Valid, qPrintable(path));
        for (int round = 0; round < 300; ++round) {
            Json document = base;
            const int edits = 1 + int(pick(3));
            for (int e = 0; e < edits; ++e) {
                std::vector<Json::json_pointer> places;
                collectPointers(document, Json::json_pointer(), &places);
                const Json::json_pointer at = places[pick(places.size())];
                Json &node = document[at];
                switch (pick(4)) {
                case 0: // another value
                case 1:
                    node = pool[pick(pool.size())];
                    break;
                case 2: // removed
                    if (!at.empty()) {
                        Json &parent = document[at.parent_pointer()];
                        if (parent.is_object())
                            parent.erase(at.back());
                        else
                            parent.erase(parent.begin() + std::stol(at.back()));
                    }
                    break;
                default: // a member added, or an element
                    if (node.is_object())
                        node[nameList[int(pick(size_t(nameList.size())))].toStdString()]
                            = pool[pick(pool.size())];
                    else if (node.is_array())
                        node.push_back(node.empty() ? pool[pick(pool.size())] : node[0]);
                    break;
                }
            }
            const SchemaQuickCheck::Verdict verdict = quick.check(document);
            const QList<Finding> findings
                = SettingsSchemaCheck::check(document, SettingsSchemaCheck::Reading::ValijsonOnly);
            ++checked;
            if (verdict == SchemaQuickCheck::Verdict::Unsure) {
                ++unsure;
                continue;
            }
            const bool sure = verdict == SchemaQuickCheck::Verdict::Valid;
            if (sure != findings.isEmpty()) {
                QFAIL(qPrintable(QStringLiteral("%1, round %2: the quick reading says %3, valijson "
                                                "%4:\n%5\n%6")
                                     .arg(path,
                                          QString::number(round),
                                          QLatin1String(sure ? "valid" : "invalid"),
                                          QLatin1String(findings.isEmpty() ? "valid" : "invalid"),
                                          describe(findings),
                                          QString::fromStdString(document.dump()).left(4000))));
            }
            ++(sure ? valid : invalid);
        }
    }
    qInfo("%d documents: %d valid, %d invalid, %d unsure", checked, valid, invalid, unsure);
    // Both answers were given often, and most documents were decided without valijson.
    QVERIFY(valid > checked / 10);
    QVERIFY(invalid > checked / 4);
    QVERIFY(unsure < checked / 4);
}

QTEST_GUILESS_MAIN(TestSettingsValidator)
#include "tst_settingsvalidator.moc"
