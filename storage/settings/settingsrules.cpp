#include "storage/settings/settingsrules.h"

#include "storage/nametext.h"
#include "storage/settings/jsonpointer.h"
#include "storage/settings/mcphubjsonwriter.h"
#include "storage/settings/settingsdocument.h"
#include "storage/settings/utf8.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <cstdint>
#include <vector>

namespace mcphub {

namespace {

using Json = nlohmann::ordered_json;
using Severity = Finding::Severity;

constexpr std::uint64_t kMaxSafeInteger = 9007199254740992ULL; // 2^53

const Json *member(const Json &object, const char *key)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

// The string at object[key], or a null QString when absent or not a string.
QString text(const Json &object, const char *key)
{
    const Json *value = member(object, key);
    return value && value->is_string() ? QString::fromStdString(value->get<std::string>())
                                       : QString();
}

const Json &arrayAt(const Json &root, const char *key)
{
    static const Json empty = Json::array();
    const Json *value = member(root, key);
    return value && value->is_array() ? *value : empty;
}

bool isUnsafeInteger(const Json &v)
{
    if (v.is_number_unsigned())
        return v.get<std::uint64_t>() > kMaxSafeInteger;
    if (v.is_number_integer()) {
        const std::int64_t n = v.get<std::int64_t>();
        return n > std::int64_t(kMaxSafeInteger) || n < -std::int64_t(kMaxSafeInteger);
    }
    return false;
}

class Checker
{
public:
    explicit Checker(const SettingsDocument &document)
        : m_document(document)
        , m_root(document.json())
    {}

    QList<Finding> run()
    {
        if (!m_root.is_object())
            return {}; // the schema check says what the file should be
        checkText();
        checkUsers();
        checkServers();
        checkGroups();
        checkBearerKeys();
        checkUserConfigs();
        checkOAuth();
        checkBuiltins();
        return m_findings;
    }

private:
    void add(Severity severity,
             const char *code,
             const QString &pointer,
             const QString &message,
             SourcePosition position = {})
    {
        Finding f;
        f.severity = severity;
        f.code = QString::fromLatin1(code);
        f.pointer = pointer;
        f.position = position;
        f.message = message;
        m_findings.append(f);
    }

    void checkText()
    {
        for (const auto &duplicate : m_document.duplicateKeys()) {
            const QString pointer = QString::fromStdString(duplicate.pointer);
            const SourcePosition first = m_document.positionAt(duplicate.firstOffset);
            const SourcePosition last = m_document.positionAt(duplicate.lastOffset);
            add(Severity::Warning,
                "json.duplicate-key",
                pointer,
                SettingsRules::tr("The key \"%1\" appears twice in the same object (lines %2 and "
                                  "%3). MCPHub keeps only the last value, so the one on line %2 "
                                  "is lost at the next save. Delete the one you do not want.")
                    .arg(JsonPointer::tokens(pointer).constLast(),
                         QString::number(first.line),
                         QString::number(last.line)),
                first);
        }
        for (const auto &number : m_document.roundedNumbers()) {
            add(Severity::Warning,
                "json.number-rounded",
                QString::fromStdString(number.pointer),
                SettingsRules::tr("%1 cannot be held by a JavaScript number: MCPHub reads and "
                                  "writes it as %2. Store it as a string if every digit matters.")
                    .arg(abbreviated(number.text), QString::fromStdString(number.asRead)),
                m_document.positionAt(number.offset));
        }
        // Integers beyond 2^53, and strings no database column can keep: a cheap pass first,
        // the pointers only when there are some.
        std::vector<const Json *> stack{&m_root};
        bool unsafe = false;
        bool unstorable = false;
        while (!stack.empty() && !(unsafe && unstorable)) {
            const Json *node = stack.back();
            stack.pop_back();
            if (node->is_object()) {
                for (auto it = node->begin(); it != node->end(); ++it) {
                    unstorable = unstorable || isUnstorable(it.key());
                    stack.push_back(&it.value());
                }
            } else if (node->is_array()) {
                for (const Json &child : *node)
                    stack.push_back(&child);
            } else if (node->is_string()) {
                unstorable = unstorable || isUnstorable(node->get_ref<const std::string &>());
            } else {
                unsafe = unsafe || isUnsafeInteger(*node);
            }
        }
        if (unsafe)
            findUnsafeIntegers(m_root, QString());
        if (unstorable)
            findUnstorable(m_root, QString());
    }

    static QString abbreviated(const std::string &text)
    {
        const QString all = QString::fromStdString(text);
        return all.size() <= 40 ? all : all.left(24) + QStringLiteral("...") + all.right(12);
    }

    // U+0000 (PostgreSQL's text and jsonb cannot hold it, and a program's arguments or
    // environment cannot carry it) and a leading U+FEFF (Qt's UTF-8 decoding, and with it the
    // database drivers, drop it). One rule for every backend: the file is refused, not changed.
    static bool isUnstorable(const std::string &s)
    {
        return s.find('\0') != std::string::npos || s.rfind("\xEF\xBB\xBF", 0) == 0;
    }

    void reportUnstorable(const std::string &s, const QString &pointer, bool key)
    {
        if (s.find('\0') != std::string::npos) {
            add(Severity::Error,
                "json.nul-character",
                pointer,
                key ? SettingsRules::tr("This key holds the character U+0000 (\\u0000). "
                                        "MCPHub's and the console's databases cannot store it, "
                                        "and no program receives it. Remove it.")
                    : SettingsRules::tr("This value holds the character U+0000 (\\u0000). "
                                        "MCPHub's and the console's databases cannot store it, "
                                        "and no program receives it. Remove it."));
        }
        if (s.rfind("\xEF\xBB\xBF", 0) == 0) {
            add(Severity::Error,
                "json.leading-bom",
                pointer,
                key ? SettingsRules::tr("This key starts with an invisible byte order mark "
                                        "(U+FEFF), which would be lost on the way through a "
                                        "database. Remove it.")
                    : SettingsRules::tr("This value starts with an invisible byte order mark "
                                        "(U+FEFF), which would be lost on the way through a "
                                        "database. Remove it."));
        }
    }

    void findUnstorable(const Json &node, const QString &pointer)
    {
        if (node.is_object()) {
            for (auto it = node.begin(); it != node.end(); ++it) {
                const QString child = JsonPointer::append(pointer, utf8::toQString(it.key()));
                if (isUnstorable(it.key()))
                    reportUnstorable(it.key(), child, true);
                findUnstorable(it.value(), child);
            }
        } else if (node.is_array()) {
            for (size_t i = 0; i < node.size(); ++i)
                findUnstorable(node[i], JsonPointer::append(pointer, qsizetype(i)));
        } else if (node.is_string() && isUnstorable(node.get_ref<const std::string &>())) {
            reportUnstorable(node.get_ref<const std::string &>(), pointer, false);
        }
    }

    void findUnsafeIntegers(const Json &node, const QString &pointer)
    {
        if (node.is_object()) {
            for (auto it = node.begin(); it != node.end(); ++it)
                findUnsafeIntegers(it.value(),
                                   JsonPointer::append(pointer, QString::fromStdString(it.key())));
        } else if (node.is_array()) {
            for (size_t i = 0; i < node.size(); ++i)
                findUnsafeIntegers(node[i], JsonPointer::append(pointer, qsizetype(i)));
        } else if (isUnsafeInteger(node)) {
            const double rounded = node.is_number_unsigned() ? double(node.get<std::uint64_t>())
                                                             : double(node.get<std::int64_t>());
            add(Severity::Warning,
                "json.unsafe-integer",
                pointer,
                SettingsRules::tr("%1 is too large for a JavaScript number: MCPHub reads and "
                                  "writes it as %2. Store it as a string if every digit matters.")
                    .arg(QString::fromStdString(node.dump()),
                         QString::fromStdString(McpHubJsonWriter::formatNumber(rounded))));
        }
    }

    void checkUsers()
    {
        const Json &users = arrayAt(m_root, "users");
        // Tens of thousands of users: each one's pointer is made only for a finding, and its
        // password looked at as text only when it may be a placeholder.
        QHash<QString, qsizetype> seen;
        seen.reserve(qsizetype(users.size()));
        m_users.reserve(qsizetype(users.size()));
        int admins = 0;
        static const QRegularExpression placeholder(
            QRegularExpression::anchoredPattern(QStringLiteral("\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}")));
        for (size_t i = 0; i < users.size(); ++i) {
            const Json &user = users[i];
            const auto pointer = [i] {
                return JsonPointer::append(QStringLiteral("/users"), qsizetype(i));
            };
            const QString name = text(user, "username");
            if (!name.isNull() && !NameText::problem(name).isEmpty())
                checkName(name, pointer() + QStringLiteral("/username"));
            if (!name.isNull()) {
                if (const auto first = seen.constFind(name); first != seen.constEnd()) {
                    add(Severity::Error,
                        "users.duplicate",
                        pointer() + QStringLiteral("/username"),
                        SettingsRules::tr("The user name \"%1\" is also used by /users/%2; MCPHub "
                                          "would use only one of them. Rename or remove one.")
                            .arg(name, QString::number(*first)));
                } else {
                    seen.insert(name, qsizetype(i));
                    m_users.insert(name);
                }
            }
            const Json *isAdmin = member(user, "isAdmin");
            if (isAdmin && isAdmin->is_boolean() && isAdmin->get<bool>())
                ++admins;
            const Json *secret = member(user, "password");
            if (!secret || !secret->is_string()
                || !secret->get_ref<const std::string &>().starts_with("${"))
                continue;
            const QString password = text(user, "password");
            if (placeholder.match(password).hasMatch()) {
                add(Severity::Warning,
                    "users.password-placeholder",
                    pointer() + QStringLiteral("/password"),
                    SettingsRules::tr("The password is the placeholder %1. MCPHub does not replace "
                                      "variables in passwords, so this user can log in only if "
                                      "the file is filled in before MCPHub reads it. Set a real "
                                      "password through the console.")
                        .arg(password));
            }
        }
        if (users.empty()) {
            // MCPHub creates "admin" at start-up when there is no user.
            m_users.insert(QStringLiteral("admin"));
            add(Severity::Warning,
                "users.none",
                QStringLiteral("/users"),
                SettingsRules::tr("There are no users. At start-up MCPHub creates the user "
                                  "\"admin\" with a default or random password. Add an "
                                  "administrator with the console instead."));
        } else if (admins == 0) {
            add(Severity::Error,
                "users.no-admin",
                QStringLiteral("/users"),
                SettingsRules::tr("No user is an administrator (\"isAdmin\": true), so nobody can "
                                  "manage MCPHub. Make at least one user an administrator."));
        }
    }

    // MCPHub takes any name; the console refuses hidden characters in new names (NameText)
    // and warns about existing ones, which could pass for another name in a list.
    void checkName(const QString &name, const QString &pointer)
    {
        if (name.isNull())
            return;
        const QString problem = NameText::problem(name);
        if (problem.isEmpty())
            return;
        add(Severity::Warning,
            "name.hidden-character",
            pointer,
            SettingsRules::tr("\"%1\": %2").arg(NameText::forDisplay(name), problem));
    }

    void checkOwner(const Json &object, const QString &pointer)
    {
        const QString owner = text(object, "owner");
        if (owner.isNull() || m_users.contains(owner))
            return;
        add(Severity::Warning,
            "owner.unknown-user",
            pointer + QStringLiteral("/owner"),
            SettingsRules::tr("The owner \"%1\" is not a user, so only administrators can manage "
                              "this entry. Correct the owner or add the user.")
                .arg(owner));
    }

    void checkServers()
    {
        const Json *servers = member(m_root, "mcpServers");
        if (!servers || !servers->is_object())
            return;
        for (auto it = servers->begin(); it != servers->end(); ++it) {
            const QString name = QString::fromStdString(it.key());
            const QString pointer = JsonPointer::append(QStringLiteral("/mcpServers"), name);
            m_servers.insert(name);
            checkName(name, pointer);
            if (name.trimmed().isEmpty()) {
                add(Severity::Error,
                    "server.empty-name",
                    pointer,
                    SettingsRules::tr("A server has an empty name. MCPHub serves each server at "
                                      "/mcp/<name>; give it a name."));
            }
            const Json &server = it.value();
            if (!server.is_object())
                continue;
            checkServerType(server, name, pointer);
            checkOwner(server, pointer);
        }
    }

    void checkServerType(const Json &server, const QString &name, const QString &pointer)
    {
        const Json *openapi = member(server, "openapi");
        const bool hasOpenApi = openapi && (member(*openapi, "url") || member(*openapi, "schema"));
        const bool hasUrl = member(server, "url") != nullptr;
        const bool hasCommand = member(server, "command") != nullptr;
        const Json *args = member(server, "args");
        const bool hasArgs = args && args->is_array() && !args->empty();
        const Json *declared = member(server, "type");
        QString type = text(server, "type");
        if (!declared) {
            // MCPHub's inference, in its order.
            if (hasOpenApi)
                type = QStringLiteral("openapi");
            else if (hasUrl)
                type = QStringLiteral("sse");
            else if (hasCommand || hasArgs)
                type = QStringLiteral("stdio");
            if (type.isEmpty()) {
                add(Severity::Error,
                    "server.type-unknown",
                    pointer,
                    SettingsRules::tr("MCPHub cannot tell what kind of server \"%1\" is: it has no "
                                      "\"type\", \"url\", \"command\" or \"openapi\". Add \"type\" "
                                      "and the settings that type needs.")
                        .arg(name));
                return;
            }
            if (type == QLatin1String("stdio") && !hasCommand) {
                add(Severity::Error,
                    "server.stdio-command",
                    pointer + QStringLiteral("/command"),
                    SettingsRules::tr("Server \"%1\" has arguments but no \"command\", so MCPHub "
                                      "has nothing to run. Add the program, such as npx or uvx.")
                        .arg(name));
            }
            if (hasUrl && hasCommand && !hasOpenApi) {
                add(Severity::Warning,
                    "server.url-and-command",
                    pointer,
                    SettingsRules::tr("Server \"%1\" has both \"url\" and \"command\" but no "
                                      "\"type\"; MCPHub treats it as an sse server and ignores the "
                                      "command. Set \"type\" to say which one you mean.")
                        .arg(name));
            }
        }
        if (type == QLatin1String("stdio") && member(server, "headers")) {
            add(Severity::Warning,
                "server.headers-ignored",
                pointer + QStringLiteral("/headers"),
                SettingsRules::tr("stdio servers send no HTTP headers, and MCPHub's API refuses "
                                  "them for such servers. Remove \"headers\" or change the type."));
        }
        // normalizeServerConfigForPersistence: what MCPHub drops when it saves this server.
        QList<const char *> dropped;
        if (type == QLatin1String("openapi")) {
            dropped = {"url",
                       "command",
                       "args",
                       "env",
                       "passthroughHeaders",
                       "oauth",
                       "enableKeepAlive",
                       "keepAliveInterval"};
        } else if (type == QLatin1String("sse") || type == QLatin1String("streamable-http")) {
            dropped = {"command", "args"};
        }
        for (const char *field : std::as_const(dropped)) {
            if (!member(server, field))
                continue;
            add(Severity::Warning,
                "server.field-dropped",
                JsonPointer::append(pointer, QString::fromLatin1(field)),
                SettingsRules::tr("MCPHub drops \"%1\" from %2 servers the next time it saves "
                                  "this server. Remove it, or change the type.")
                    .arg(QString::fromLatin1(field), type));
        }
    }

    void checkGroups()
    {
        const Json &groups = arrayAt(m_root, "groups");
        QHash<QString, qsizetype> ids;
        QHash<QString, qsizetype> names;
        for (size_t i = 0; i < groups.size(); ++i) {
            const Json &group = groups[i];
            if (!group.is_object())
                continue;
            const QString pointer = JsonPointer::append(QStringLiteral("/groups"), qsizetype(i));
            const QString id = text(group, "id");
            if (!id.isNull()) {
                if (ids.contains(id)) {
                    add(Severity::Error,
                        "group.duplicate-id",
                        pointer + QStringLiteral("/id"),
                        SettingsRules::tr("The group id \"%1\" is also used by /groups/%2. MCPHub "
                                          "finds groups by id, so one of them cannot be reached. "
                                          "Give each group its own id.")
                            .arg(id, QString::number(ids.value(id))));
                } else {
                    ids.insert(id, qsizetype(i));
                }
                m_groups.insert(id);
            }
            const QString name = text(group, "name");
            if (!name.isNull()) {
                if (names.contains(name)) {
                    add(Severity::Warning,
                        "group.duplicate-name",
                        pointer + QStringLiteral("/name"),
                        SettingsRules::tr("Another group (/groups/%2) is also named \"%1\"; "
                                          "routing by group name reaches only one of them. Rename "
                                          "one.")
                            .arg(name, QString::number(names.value(name))));
                } else {
                    names.insert(name, qsizetype(i));
                }
                m_groups.insert(name);
            }
            const Json *servers = member(group, "servers");
            if (servers && servers->is_array()) {
                for (size_t j = 0; j < servers->size(); ++j) {
                    const Json &entry = (*servers)[j];
                    const QString server = entry.is_string()
                                               ? QString::fromStdString(entry.get<std::string>())
                                               : text(entry, "name");
                    if (server.isEmpty() || m_servers.contains(server))
                        continue;
                    add(Severity::Warning,
                        "group.unknown-server",
                        JsonPointer::append(pointer + QStringLiteral("/servers"), qsizetype(j)),
                        SettingsRules::tr("There is no server \"%1\"; MCPHub leaves it out of this "
                                          "group. Remove it or add the server.")
                            .arg(server));
                }
            }
            checkOwner(group, pointer);
        }
    }

    void checkBearerKeys()
    {
        const Json &keys = arrayAt(m_root, "bearerKeys");
        QHash<QString, qsizetype> ids;
        QHash<QString, qsizetype> tokens;
        for (size_t i = 0; i < keys.size(); ++i) {
            const Json &key = keys[i];
            if (!key.is_object())
                continue;
            const QString pointer
                = JsonPointer::append(QStringLiteral("/bearerKeys"), qsizetype(i));
            const QString id = text(key, "id");
            if (!id.isNull() && ids.contains(id)) {
                add(Severity::Error,
                    "bearerKey.duplicate-id",
                    pointer + QStringLiteral("/id"),
                    SettingsRules::tr("The key id \"%1\" is also used by /bearerKeys/%2. Give "
                                      "each key its own id.")
                        .arg(id, QString::number(ids.value(id))));
            } else if (!id.isNull()) {
                ids.insert(id, qsizetype(i));
            }
            const QString token = text(key, "token");
            if (!token.isEmpty() && tokens.contains(token)) {
                add(Severity::Error,
                    "bearerKey.duplicate-token",
                    pointer + QStringLiteral("/token"),
                    SettingsRules::tr("This key has the same token as /bearerKeys/%1, so MCPHub "
                                      "cannot tell which access applies. Generate a new token for "
                                      "one of them.")
                        .arg(tokens.value(token)));
            } else if (!token.isEmpty()) {
                tokens.insert(token, qsizetype(i));
            }
            const QString access = text(key, "accessType");
            const bool wantsGroups
                = access == QLatin1String("groups") || access == QLatin1String("custom");
            const bool wantsServers
                = access == QLatin1String("servers") || access == QLatin1String("custom");
            const int granted
                = (wantsGroups ? checkKeyScope(key, pointer, "allowedGroups", m_groups) : 0)
                  + (wantsServers ? checkKeyScope(key, pointer, "allowedServers", m_servers) : 0);
            if ((wantsGroups || wantsServers) && granted == 0) {
                add(Severity::Warning,
                    "bearerKey.grants-nothing",
                    pointer,
                    SettingsRules::tr("This key's access is \"%1\" but it names no group or "
                                      "server, so it opens nothing. Add groups or servers, or "
                                      "disable the key.")
                        .arg(access));
            }
        }
    }

    // Warns about names that match nothing; returns how many entries the list has.
    int checkKeyScope(const Json &key,
                      const QString &pointer,
                      const char *field,
                      const QSet<QString> &known)
    {
        const Json *list = member(key, field);
        if (!list || !list->is_array())
            return 0;
        const QString listPointer = JsonPointer::append(pointer, QString::fromLatin1(field));
        for (size_t i = 0; i < list->size(); ++i) {
            const Json &entry = (*list)[i];
            if (!entry.is_string())
                continue;
            const QString name = QString::fromStdString(entry.get<std::string>());
            if (known.contains(name))
                continue;
            const bool group = qstrcmp(field, "allowedGroups") == 0;
            add(Severity::Warning,
                group ? "bearerKey.unknown-group" : "bearerKey.unknown-server",
                JsonPointer::append(listPointer, qsizetype(i)),
                group ? SettingsRules::tr("There is no group with the id or name \"%1\"; this key "
                                          "gives no access through it. Remove it or create the "
                                          "group.")
                            .arg(name)
                      : SettingsRules::tr("There is no server \"%1\"; this key gives no access "
                                          "through it. Remove it or add the server.")
                            .arg(name));
        }
        return int(list->size());
    }

    void checkUserConfigs()
    {
        const Json *configs = member(m_root, "userConfigs");
        if (!configs || !configs->is_object())
            return;
        for (auto it = configs->begin(); it != configs->end(); ++it) {
            const QString user = QString::fromStdString(it.key());
            if (m_users.contains(user))
                continue;
            add(Severity::Warning,
                "userConfig.unknown-user",
                JsonPointer::append(QStringLiteral("/userConfigs"), user),
                SettingsRules::tr("There is no user \"%1\", so these settings apply to nobody. "
                                  "Remove them or add the user.")
                    .arg(user));
        }
    }

    void checkOAuth()
    {
        const Json &clients = arrayAt(m_root, "oauthClients");
        QHash<QString, qsizetype> clientIds;
        for (size_t i = 0; i < clients.size(); ++i) {
            const Json &client = clients[i];
            const QString pointer
                = JsonPointer::append(QStringLiteral("/oauthClients"), qsizetype(i));
            const QString id = text(client, "clientId");
            if (!id.isNull() && clientIds.contains(id)) {
                add(Severity::Error,
                    "oauthClient.duplicate-id",
                    pointer + QStringLiteral("/clientId"),
                    SettingsRules::tr("The client id \"%1\" is also used by /oauthClients/%2. "
                                      "Give each client its own id.")
                        .arg(id, QString::number(clientIds.value(id))));
            } else if (!id.isNull()) {
                clientIds.insert(id, qsizetype(i));
            }
            // Dynamically registered clients are owned by this marker, not by a user.
            if (text(client, "owner") != QLatin1String("dynamic-registration"))
                checkOwner(client, pointer);
        }
        const Json &tokens = arrayAt(m_root, "oauthTokens");
        for (size_t i = 0; i < tokens.size(); ++i) {
            const Json &token = tokens[i];
            const QString pointer
                = JsonPointer::append(QStringLiteral("/oauthTokens"), qsizetype(i));
            const QString user = text(token, "username");
            if (!user.isNull() && !m_users.contains(user)) {
                add(Severity::Warning,
                    "oauthToken.unknown-user",
                    pointer + QStringLiteral("/username"),
                    SettingsRules::tr("This token was issued to \"%1\", who is not a user; it "
                                      "no longer works. Remove it.")
                        .arg(user));
            }
            const QString client = text(token, "clientId");
            if (!client.isNull() && !clientIds.contains(client)) {
                add(Severity::Warning,
                    "oauthToken.unknown-client",
                    pointer + QStringLiteral("/clientId"),
                    SettingsRules::tr("This token belongs to the client \"%1\", which is not in "
                                      "\"oauthClients\"; it may no longer work. Remove it or "
                                      "register the client.")
                        .arg(client));
            }
        }
    }

    void checkBuiltins()
    {
        checkUnique("prompts", "name", "prompt.duplicate-name");
        checkUnique("resources", "uri", "resource.duplicate-uri");
    }

    void checkUnique(const char *list, const char *field, const char *code)
    {
        const Json &entries = arrayAt(m_root, list);
        QHash<QString, qsizetype> seen;
        const QString listPointer = QLatin1Char('/') + QString::fromLatin1(list);
        for (size_t i = 0; i < entries.size(); ++i) {
            const QString value = text(entries[i], field);
            if (value.isNull())
                continue;
            if (seen.contains(value)) {
                add(Severity::Warning,
                    code,
                    JsonPointer::append(JsonPointer::append(listPointer, qsizetype(i)),
                                        QString::fromLatin1(field)),
                    SettingsRules::tr("\"%1\" is also used by %2; MCPHub's database keeps it "
                                      "unique, so migrating this file would fail. Make it unique.")
                        .arg(value, JsonPointer::append(listPointer, seen.value(value))));
            } else {
                seen.insert(value, qsizetype(i));
            }
        }
    }

    const SettingsDocument &m_document;
    const Json &m_root;
    QList<Finding> m_findings;
    QSet<QString> m_users;
    QSet<QString> m_servers;
    QSet<QString> m_groups; // ids and names
};

} // namespace

QList<Finding> SettingsRules::check(const SettingsDocument &document)
{
    return Checker(document).run();
}

} // namespace mcphub
