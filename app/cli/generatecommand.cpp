#include "app/cli/generatecommand.h"

#include "storage/migration/settingsmapper.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QTimeZone>

#include <string>

namespace mcphub::cli {

namespace {

const char kBcryptAlphabet[] = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

std::string randomText(QRandomGenerator &random, const char *alphabet, int size, int length)
{
    std::string text;
    text.reserve(length);
    for (int i = 0; i < length; ++i)
        text += alphabet[random.bounded(size)];
    return text;
}

std::string uuid(QRandomGenerator &random)
{
    const std::string hex = randomText(random, "0123456789abcdef", 16, 32);
    return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-'
           + hex.substr(16, 4) + '-' + hex.substr(20);
}

std::string serverName(int i)
{
    return "server-" + std::to_string(i);
}

// A settings file in the shape MCPHub writes: stdio and remote servers with env, headers and
// tool overrides; users with bcrypt hashes; groups of servers; bearer keys of each access type.
OrderedJson settings(QRandomGenerator &random, int servers, int users, int groups, int keys)
{
    static const char *packages[] = {"@modelcontextprotocol/server-filesystem",
                                     "@modelcontextprotocol/server-github",
                                     "mcp-server-fetch",
                                     "@amap/amap-maps-mcp-server",
                                     "mcp-server-time"};
    OrderedJson doc = OrderedJson::object();
    doc["mcpServers"] = OrderedJson::object();
    for (int i = 0; i < servers; ++i) {
        OrderedJson s = OrderedJson::object();
        switch (i % 3) {
        case 0:
            s["command"] = "npx";
            s["args"] = {"-y", packages[i % 5]};
            s["env"] = {{"API_KEY", randomText(random, kBcryptAlphabet, 64, 24)}};
            break;
        case 1:
            s["command"] = "uvx";
            s["args"] = {packages[i % 5], "--port", std::to_string(3000 + i % 1000)};
            break;
        default:
            s["type"] = i % 2 ? "sse" : "streamable-http";
            s["url"] = "https://mcp" + std::to_string(i) + ".example.org/mcp";
            s["headers"]
                = {{"Authorization", "Bearer " + randomText(random, kBcryptAlphabet, 64, 32)}};
        }
        s["enabled"] = i % 10 != 0;
        if (i % 4 == 0)
            s["tools"] = {
                {"search", {{"enabled", true}, {"description", "Search #" + std::to_string(i)}}}};
        doc["mcpServers"][serverName(i)] = std::move(s);
    }
    doc["users"] = OrderedJson::array();
    for (int i = 0; i < users; ++i) {
        doc["users"].push_back(
            {{"username", i == 0 ? std::string("admin") : "user" + std::to_string(i)},
             {"password", "$2b$10$" + randomText(random, kBcryptAlphabet, 64, 53)},
             {"isAdmin", i % 100 == 0}});
    }
    doc["groups"] = OrderedJson::array();
    for (int i = 0; i < groups; ++i) {
        OrderedJson members = OrderedJson::array();
        for (int m = 0; m < 1 + i % 5 && servers > 0; ++m)
            members.push_back(serverName((i * 7 + m * 13) % servers));
        doc["groups"].push_back({{"id", uuid(random)},
                                 {"name", "group-" + std::to_string(i)},
                                 {"description", "Group " + std::to_string(i)},
                                 {"servers", std::move(members)},
                                 {"owner", "admin"}});
    }
    doc["systemConfig"]
        = {{"routing", {{"enableGlobalRoute", true}, {"enableGroupNameRoute", true}}},
           {"install", {{"pythonIndexUrl", ""}, {"npmRegistry", ""}}}};
    doc["bearerKeys"] = OrderedJson::array();
    for (int i = 0; i < keys; ++i) {
        OrderedJson key = {{"id", uuid(random)},
                           {"name", "key-" + std::to_string(i)},
                           {"token", randomText(random, kBcryptAlphabet + 2, 62, 40)},
                           {"enabled", i % 7 != 0},
                           {"accessType", i % 2 ? "all" : "custom"}};
        if (i % 2 == 0) {
            key["allowedGroups"] = OrderedJson::array();
            if (groups > 0)
                key["allowedGroups"].push_back("group-" + std::to_string(i % groups));
            key["allowedServers"] = OrderedJson::array();
        }
        doc["bearerKeys"].push_back(std::move(key));
    }
    return doc;
}

} // namespace

static int runGenerate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "GenerateCommand",
        "Write a large, realistic mcp_settings.json and usage.jsonl (MCPHub activities, one "
        "per line) into OUTDIR, for benchmarks. The same --seed gives the same files."));
    const QCommandLineOption help = parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("OUTDIR"),
        QCoreApplication::translate("GenerateCommand", "The folder to write into."));
    const auto count = [](const char *name, const char *what) {
        return QCommandLineOption(QString::fromLatin1(name),
                                  QCoreApplication::translate("GenerateCommand", what),
                                  QStringLiteral("N"),
                                  QStringLiteral("0"));
    };
    const QCommandLineOption servers
        = count("servers", QT_TRANSLATE_NOOP("GenerateCommand", "How many MCP servers."));
    const QCommandLineOption users
        = count("users", QT_TRANSLATE_NOOP("GenerateCommand", "How many users."));
    const QCommandLineOption groups
        = count("groups", QT_TRANSLATE_NOOP("GenerateCommand", "How many groups."));
    const QCommandLineOption keys
        = count("keys", QT_TRANSLATE_NOOP("GenerateCommand", "How many bearer keys."));
    const QCommandLineOption usageRows
        = count("usage-rows", QT_TRANSLATE_NOOP("GenerateCommand", "How many usage-log lines."));
    const QCommandLineOption seed(
        QStringLiteral("seed"),
        QCoreApplication::translate("GenerateCommand", "Seed of the generator."),
        QStringLiteral("N"),
        QStringLiteral("1"));
    parser.addOptions({servers, users, groups, keys, usageRows, seed});
    if (const int code = parseCommandLine(parser, QStringLiteral("generate"), arguments, help);
        code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1)
        return fail(QCoreApplication::translate("GenerateCommand", "give one output folder."));
    int n[5] = {};
    const QCommandLineOption *options[5] = {&servers, &users, &groups, &keys, &usageRows};
    for (int i = 0; i < 5; ++i) {
        bool ok = false;
        n[i] = parser.value(*options[i]).toInt(&ok);
        if (!ok || n[i] < 0)
            return fail(
                QCoreApplication::translate("GenerateCommand", "--%1 takes a number of 0 or more.")
                    .arg(options[i]->names().first()));
    }
    const QDir dir(parser.positionalArguments().first());
    if (!QDir().mkpath(dir.path()))
        return fail(
            QCoreApplication::translate("GenerateCommand", "cannot create %1.").arg(dir.path()));
    QRandomGenerator random(parser.value(seed).toUInt());

    QSaveFile file(dir.filePath(QStringLiteral("mcp_settings.json")));
    const QByteArray bytes = SettingsMapper::serialize(settings(random, n[0], n[1], n[2], n[3]));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(file.fileName() + QStringLiteral(": ") + file.errorString());

    static const char *tools[] = {"search", "read_file", "fetch", "get_time", "add"};
    QSaveFile log(dir.filePath(QStringLiteral("usage.jsonl")));
    bool ok = log.open(QIODevice::WriteOnly);
    const qint64 start = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    for (int i = 0; ok && i < n[4]; ++i) {
        const bool success = random.bounded(20) != 0;
        OrderedJson row
            = {{"id", uuid(random)},
               {"timestamp",
                QDateTime::fromMSecsSinceEpoch(start + qint64(i) * 2731, Qt::UTC)
                    .toString(Qt::ISODateWithMs)
                    .toStdString()},
               {"server", serverName(n[0] > 0 ? int(random.bounded(n[0])) : 0)},
               {"tool", tools[i % 5]},
               {"duration", int(random.bounded(2000))},
               {"status", success ? "success" : "error"},
               {"input", "{\n  \"query\": \"q" + std::to_string(i) + "\"\n}"},
               {"output", nullptr},
               {"group", nullptr},
               {"username",
                n[1] > 0 ? OrderedJson("user" + std::to_string(random.bounded(n[1])))
                         : OrderedJson(nullptr)},
               {"keyId", nullptr},
               {"keyName", nullptr},
               {"sourceIp", "10.0." + std::to_string(i % 256) + "." + std::to_string(i % 200 + 1)},
               {"errorMessage",
                success ? OrderedJson(nullptr) : OrderedJson("Tool returned error response")}};
        const std::string line = row.dump() + '\n';
        ok = log.write(line.data(), qint64(line.size())) == qint64(line.size());
    }
    if (!ok || !log.commit())
        return fail(log.fileName() + QStringLiteral(": ") + log.errorString());
    out() << QCoreApplication::translate("GenerateCommand", "Wrote %1 and %2.")
                 .arg(file.fileName(), log.fileName())
          << Qt::endl;
    return ExitOk;
}

CliCommand generateCommand()
{
    return {QStringLiteral("generate"),
            QCoreApplication::translate("GenerateCommand",
                                        "Write a large settings file and usage log for benchmarks"),
            runGenerate};
}

} // namespace mcphub::cli
