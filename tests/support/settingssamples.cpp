#include "tests/support/settingssamples.h"

#include <QFile>
#include <QProcess>

namespace mcphub::test {

nlohmann::ordered_json sampleSettings(int servers, qint64 counter)
{
    using Json = nlohmann::ordered_json;
    Json root = Json::object();
    Json &list = root["mcpServers"] = Json::object();
    for (int i = 0; i < servers; ++i) {
        const std::string name = "server-" + std::to_string(i);
        Json server
            = {{"command", "npx"},
               {"args",
                {"-y",
                 "@example/mcp-server-" + std::to_string(i),
                 "--port",
                 std::to_string(3000 + i)}},
               {"env", {{"API_KEY", "${KEY_" + std::to_string(i) + "}"}, {"REGION", "eu-west-1"}}},
               {"owner", "admin"},
               {"enabled", i % 7 != 0}};
        Json tools = Json::object();
        for (int t = 0; t < 6; ++t) {
            tools[name + "-tool-" + std::to_string(t)]
                = {{"enabled", t % 3 != 0},
                   {"description",
                    "Tool " + std::to_string(t) + " of server " + std::to_string(i)
                        + ": looks things up, \"quotes\", tabs\tand ünïcödé 汉字."}};
        }
        server["tools"] = tools;
        list[name] = server;
    }
    root["users"] = Json::array(
        {{{"username", "admin"},
          {"password", "$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa."},
          {"isAdmin", true}},
         {{"username", "alice"},
          {"password", "$2b$10$AgAV5aK3Cr5i/AqeHx3W/O3tL5bPk2j2CEEHJvdFXfp9nFD5Dxwk2"},
          {"isAdmin", false}}});
    Json members = Json::array();
    for (int i = 0; i < servers && i < 5; ++i)
        members.push_back("server-" + std::to_string(i));
    root["groups"] = Json::array({{{"id", "5b0d7c36-3f7e-4c55-9d3e-0c1a2b3c4d5e"},
                                   {"name", "first-five"},
                                   {"servers", members}}});
    root["bearerKeys"] = Json::array({{{"id", "0f9e8d7c-6b5a-4c3d-2e1f-0a9b8c7d6e5f"},
                                       {"name", "default"},
                                       {"token", "mcphub_dummy_token"},
                                       {"enabled", true},
                                       {"accessType", "all"}}});
    root["counter"] = counter;
    return root;
}

namespace {

QByteArray runNode(const QStringList &arguments, const QByteArray &input, QString *error)
{
    QProcess node;
    node.start(QStringLiteral("node"), arguments);
    if (!node.waitForStarted(10000)) {
        if (error)
            *error = QStringLiteral("node could not be started: ") + node.errorString();
        return {};
    }
    node.write(input);
    node.closeWriteChannel();
    if (!node.waitForFinished(30000) || node.exitStatus() != QProcess::NormalExit
        || node.exitCode() != 0) {
        if (error)
            *error = QString::fromUtf8(node.readAllStandardError());
        return {};
    }
    return node.readAllStandardOutput();
}

} // namespace

QByteArray nodeStringify(const QByteArray &text, QString *error)
{
    // Read as MCPHub does (fs.readFileSync(path, 'utf8')), stdin standing in for the file.
    static const QString script
        = QStringLiteral("const t = require('fs').readFileSync(0, 'utf8');"
                         "process.stdout.write(JSON.stringify(JSON.parse(t), null, 2));");
    return runNode({QStringLiteral("-e"), script}, text, error);
}

QByteArray nodeEval(const QString &script, QString *error)
{
    return runNode({QStringLiteral("-e"), script}, {}, error);
}

bool nodeAvailable()
{
    QProcess node;
    node.start(QStringLiteral("node"), {QStringLiteral("--version")});
    return node.waitForFinished(10000) && node.exitStatus() == QProcess::NormalExit
           && node.exitCode() == 0;
}

} // namespace mcphub::test
