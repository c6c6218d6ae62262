#include "storage/db/recordentity.h"

#include "storage/settings/jsonlimits.h"
#include "storage/settings/jsonsourcemap.h"
#include "storage/settings/mcphubjsonwriter.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace mcphub {

namespace {

using Type = RecordField::Type;
using Shape = RecordField::Shape;

RecordField field(const char *name,
                  Type type,
                  const char *hubColumn,
                  const char *consoleColumn,
                  const char *title,
                  bool required = false,
                  bool listed = false,
                  Shape shape = Shape::Any)
{
    RecordField f;
    f.name = QString::fromLatin1(name);
    f.type = type;
    f.required = required;
    f.shape = shape;
    f.hubColumn = QString::fromLatin1(hubColumn);
    f.consoleColumn = QString::fromLatin1(consoleColumn);
    f.listed = listed;
    f.title = title;
    return f;
}

// mcphub-dbmode.md §1.2 (columns, NOT NULL, UNIQUE) and mcphub.md §1.5 (the settings file's
// shapes); the console's columns are those of resources/migrations/*/0001_initial.sql.
QList<RecordEntity> declaration()
{
    QList<RecordEntity> entities;

    RecordEntity clients;
    clients.name = QStringLiteral("oauthClients");
    clients.command = QStringLiteral("oauth-client");
    clients.keyField = QStringLiteral("clientId");
    clients.hubTable = QStringLiteral("oauth_clients");
    clients.consoleTable = QStringLiteral("oauth_clients");
    clients.consolePrimaryKey = QStringLiteral("client_id");
    clients.action = QStringLiteral("oauth-client");
    clients.resourcePrefix = QStringLiteral("oauth-clients/");
    clients.title = QT_TRANSLATE_NOOP("RecordEntity", "OAuth clients");
    clients.fields = {
        field("clientId",
              Type::Text,
              "client_id",
              "client_id",
              QT_TRANSLATE_NOOP("RecordEntity", "Client ID"),
              true,
              true),
        field("name",
              Type::Text,
              "name",
              "name",
              QT_TRANSLATE_NOOP("RecordEntity", "Name"),
              true,
              true),
        field("clientSecret",
              Type::Secret,
              "client_secret",
              "client_secret",
              QT_TRANSLATE_NOOP("RecordEntity", "Client secret")),
        field("redirectUris",
              Type::Json,
              "redirect_uris",
              "redirect_uris",
              QT_TRANSLATE_NOOP("RecordEntity", "Redirect URIs"),
              true,
              false,
              Shape::StringArray),
        field("grants",
              Type::Json,
              "grants",
              "grants",
              QT_TRANSLATE_NOOP("RecordEntity", "Grants"),
              true,
              true,
              Shape::StringArray),
        field("scopes",
              Type::Json,
              "scopes",
              "scopes",
              QT_TRANSLATE_NOOP("RecordEntity", "Scopes"),
              false,
              false,
              Shape::StringArray),
        field("owner",
              Type::Text,
              "owner",
              "owner",
              QT_TRANSLATE_NOOP("RecordEntity", "Owner"),
              false,
              true),
        field("metadata",
              Type::Json,
              "metadata",
              "metadata",
              QT_TRANSLATE_NOOP("RecordEntity", "Metadata"),
              false,
              false,
              Shape::Object),
    };
    entities << clients;

    RecordEntity prompts;
    prompts.name = QStringLiteral("prompts");
    prompts.command = QStringLiteral("prompt");
    prompts.keyField = QStringLiteral("name");
    prompts.hubTable = QStringLiteral("builtin_prompts");
    prompts.consoleTable = QStringLiteral("prompts");
    prompts.consolePrimaryKey = QStringLiteral("id");
    prompts.consoleGeneratesId = true;
    prompts.action = QStringLiteral("prompt");
    prompts.resourcePrefix = QStringLiteral("prompts/");
    prompts.title = QT_TRANSLATE_NOOP("RecordEntity", "Prompts");
    prompts.fields = {
        field("name",
              Type::Text,
              "name",
              "name",
              QT_TRANSLATE_NOOP("RecordEntity", "Name"),
              true,
              true),
        field("title",
              Type::Text,
              "title",
              "title",
              QT_TRANSLATE_NOOP("RecordEntity", "Title"),
              false,
              true),
        field("enabled",
              Type::Bool,
              "enabled",
              "enabled",
              QT_TRANSLATE_NOOP("RecordEntity", "Enabled"),
              false,
              true),
        field("description",
              Type::LongText,
              "description",
              "description",
              QT_TRANSLATE_NOOP("RecordEntity", "Description")),
        field("template",
              Type::LongText,
              "template",
              "template",
              QT_TRANSLATE_NOOP("RecordEntity", "Template"),
              true),
        field("arguments",
              Type::Json,
              "arguments",
              "arguments",
              QT_TRANSLATE_NOOP("RecordEntity", "Arguments"),
              false,
              false,
              Shape::Array),
    };
    entities << prompts;

    RecordEntity resources;
    resources.name = QStringLiteral("resources");
    resources.command = QStringLiteral("resource");
    resources.keyField = QStringLiteral("uri");
    resources.hubTable = QStringLiteral("builtin_resources");
    resources.consoleTable = QStringLiteral("resources");
    resources.consolePrimaryKey = QStringLiteral("id");
    resources.consoleGeneratesId = true;
    resources.action = QStringLiteral("resource");
    resources.resourcePrefix = QStringLiteral("resources/");
    resources.title = QT_TRANSLATE_NOOP("RecordEntity", "Resources");
    resources.fields = {
        field(
            "uri", Type::Text, "uri", "uri", QT_TRANSLATE_NOOP("RecordEntity", "URI"), true, true),
        field("name",
              Type::Text,
              "name",
              "name",
              QT_TRANSLATE_NOOP("RecordEntity", "Name"),
              false,
              true),
        field("mimeType",
              Type::Text,
              "mimeType",
              "mime_type",
              QT_TRANSLATE_NOOP("RecordEntity", "MIME type"),
              false,
              true),
        field("enabled",
              Type::Bool,
              "enabled",
              "enabled",
              QT_TRANSLATE_NOOP("RecordEntity", "Enabled"),
              false,
              true),
        field("description",
              Type::LongText,
              "description",
              "description",
              QT_TRANSLATE_NOOP("RecordEntity", "Description")),
        field("content",
              Type::LongText,
              "content",
              "content",
              QT_TRANSLATE_NOOP("RecordEntity", "Content"),
              true),
    };
    entities << resources;

    RecordEntity configs;
    configs.name = QStringLiteral("userConfigs");
    configs.command = QStringLiteral("user-config");
    configs.keyField = QStringLiteral("username");
    configs.hubTable = QStringLiteral("user_configs");
    configs.consoleTable = QStringLiteral("user_configs");
    configs.consolePrimaryKey = QStringLiteral("username");
    configs.consoleWholeValue = true;
    configs.action = QStringLiteral("user-config");
    configs.resourcePrefix = QStringLiteral("user-configs/");
    configs.title = QT_TRANSLATE_NOOP("RecordEntity", "User configs");
    configs.fields = {
        field("username",
              Type::Text,
              "username",
              "username",
              QT_TRANSLATE_NOOP("RecordEntity", "User"),
              true,
              true),
        field("routing",
              Type::Json,
              "routing",
              "value",
              QT_TRANSLATE_NOOP("RecordEntity", "Routing"),
              false,
              true,
              Shape::Object),
        field("additionalConfig",
              Type::Json,
              "additionalConfig",
              "value",
              QT_TRANSLATE_NOOP("RecordEntity", "Other settings"),
              false,
              false,
              Shape::Object),
    };
    entities << configs;
    return entities;
}

QString shapeName(Shape shape)
{
    switch (shape) {
    case Shape::Array:
        return QCoreApplication::translate("RecordEntity", "a JSON array");
    case Shape::StringArray:
        return QCoreApplication::translate("RecordEntity", "a JSON array of strings");
    case Shape::Object:
        return QCoreApplication::translate("RecordEntity", "a JSON object");
    case Shape::Any:
        break;
    }
    return QCoreApplication::translate("RecordEntity", "JSON");
}

bool hasShape(const nlohmann::ordered_json &value, Shape shape)
{
    switch (shape) {
    case Shape::Any:
        return true;
    case Shape::Array:
        return value.is_array();
    case Shape::StringArray:
        return value.is_array() && std::all_of(value.begin(), value.end(), [](const auto &v) {
                   return v.is_string();
               });
    case Shape::Object:
        return value.is_object();
    }
    return false;
}

// Parses `text` within JsonLimits; on failure `problem` says what and `offset` where.
std::optional<nlohmann::ordered_json>
parse(const QByteArray &text, QString *problem, qsizetype *offset)
{
    if (const auto violation = JsonLimits::check(text.constData(), text.size())) {
        *offset = violation->offset;
        *problem = violation->kind == JsonLimits::Violation::Kind::TooDeep
                       ? QCoreApplication::translate("RecordEntity", "nested too deeply")
                       : QCoreApplication::translate("RecordEntity", "a NUL byte");
        return std::nullopt;
    }
    try {
        return nlohmann::ordered_json::parse(text.constData(), text.constData() + text.size());
    } catch (const nlohmann::json::parse_error &e) {
        *offset = qsizetype(e.byte > 0 ? e.byte - 1 : 0);
        *problem = QCoreApplication::translate("RecordEntity", "not valid JSON");
        return std::nullopt;
    }
}

} // namespace

QString RecordField::titleText() const
{
    return QCoreApplication::translate("RecordEntity", title);
}

QString RecordEntity::titleText() const
{
    return QCoreApplication::translate("RecordEntity", title);
}

const RecordField *RecordEntity::field(const QString &name) const
{
    for (const RecordField &f : fields) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

QStringList RecordEntity::fieldNames() const
{
    QStringList names;
    for (const RecordField &f : fields)
        names << f.name;
    return names;
}

const QList<RecordEntity> &RecordEntity::all()
{
    static const QList<RecordEntity> entities = declaration();
    return entities;
}

const RecordEntity *RecordEntity::byName(const QString &name)
{
    for (const RecordEntity &e : all()) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

const RecordEntity *RecordEntity::byCommand(const QString &command)
{
    for (const RecordEntity &e : all()) {
        if (e.command == command)
            return &e;
    }
    return nullptr;
}

const RecordEntity &RecordEntity::oauthClients()
{
    return all().at(0);
}

const RecordEntity &RecordEntity::prompts()
{
    return all().at(1);
}

const RecordEntity &RecordEntity::resources()
{
    return all().at(2);
}

const RecordEntity &RecordEntity::userConfigs()
{
    return all().at(3);
}

Result<QString>
RecordEntity::compactJson(const RecordField &field, const QString &text, const QString &where)
{
    const QByteArray bytes = text.toUtf8();
    QString problem;
    qsizetype offset = 0;
    const auto value = parse(bytes, &problem, &offset);
    if (!value) {
        const SourcePosition at = JsonSourceMap::positionIn(bytes, offset);
        return Error::make(
            Error::Code::Parse,
            QCoreApplication::translate("RecordEntity",
                                        "%1 is %2 at line %3, column %4; nothing "
                                        "was written.")
                .arg(field.name, problem, QString::number(at.line), QString::number(at.column)),
            QStringLiteral("%1:%2:%3")
                .arg(where, QString::number(at.line), QString::number(at.column)));
    }
    if (!hasShape(*value, field.shape)) {
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate("RecordEntity",
                                                       "%1 must be %2 for MCPHub; nothing was "
                                                       "written.")
                               .arg(field.name, shapeName(field.shape)),
                           where);
    }
    return QString::fromUtf8(McpHubJsonWriter::write(*value, 0));
}

QString RecordEntity::jsonProblem(const RecordField &field, const QString &text)
{
    if (text.isNull()) {
        return field.required ? QCoreApplication::translate("RecordEntity",
                                                            "SQL NULL where MCPHub expects %1.")
                                    .arg(shapeName(field.shape))
                              : QString();
    }
    const QByteArray bytes = text.toUtf8();
    QString problem;
    qsizetype offset = 0;
    const auto value = parse(bytes, &problem, &offset);
    if (!value) {
        const SourcePosition at = JsonSourceMap::positionIn(bytes, offset);
        return QCoreApplication::translate("RecordEntity",
                                           "The stored text is %1 at line %2, column %3, so "
                                           "MCPHub cannot load this row. Enter a new value to "
                                           "replace it.")
            .arg(problem, QString::number(at.line), QString::number(at.column));
    }
    if (!hasShape(*value, field.shape)) {
        return QCoreApplication::translate("RecordEntity",
                                           "The stored value is not %1, which MCPHub expects. "
                                           "Enter a new value to replace it.")
            .arg(shapeName(field.shape));
    }
    return {};
}

} // namespace mcphub
