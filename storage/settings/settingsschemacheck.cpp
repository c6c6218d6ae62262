#include "storage/settings/settingsschemacheck.h"

#include "storage/logging.h"
#include "storage/settings/jsonpointer.h"
#include "storage/settings/schemaquickcheck.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

// GCC 12 reports a false -Wrestrict inside valijson's JSON pointer code (GCC bug 105329).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wrestrict"
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/constraint_builder.hpp>
#include <valijson/constraints/concrete_constraints.hpp>
// Generated at configure time from valijson's nlohmann adapter (see storage/CMakeLists.txt):
// the same adapter for nlohmann::ordered_json, so documents are validated without a copy.
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>
#include <valijson_ordered_json_adapter.hpp>
#pragma GCC diagnostic pop

#include <charconv>
#include <memory>
#include <new>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mcphub {

namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

// The explanations the schema refers to by "x-message". Kept here, not in the schema, so that
// lupdate sees them and they are translated like every other string.
struct SchemaMessage
{
    const char *id;
    const char *text;
};

const SchemaMessage kSchemaMessages[] = {
    {"settingsObject",
     QT_TRANSLATE_NOOP("SettingsSchemaCheck",
                       "The settings file must be one JSON object, such as {\"mcpServers\": {}, "
                       "\"users\": []}. Replace the content with such an object, or restore a "
                       "backup.")},
    {"mcpServers",
     QT_TRANSLATE_NOOP("SettingsSchemaCheck",
                       "\"mcpServers\" is required and must be an object that maps each server "
                       "name to its configuration. Write \"mcpServers\": {} when there are no "
                       "servers.")},
    {"groupsArray",
     QT_TRANSLATE_NOOP("SettingsSchemaCheck",
                       "\"groups\" must be an array of objects with \"id\", \"name\" and "
                       "\"servers\". MCPHub's documentation also shows groups as an object keyed "
                       "by name, which MCPHub itself cannot read: make each entry an element of "
                       "an array, with its own \"id\" and \"name\".")},
    {"isoDateTime",
     QT_TRANSLATE_NOOP("SettingsSchemaCheck",
                       "Must be a date and time in ISO 8601 form, for example "
                       "2026-01-31T12:00:00.000Z.")},
    {"allOrNames",
     QT_TRANSLATE_NOOP("SettingsSchemaCheck",
                       "Must be \"all\" or an array of names, for example [\"add\", \"echo\"].")},
    {"serverObject",
     QT_TRANSLATE_NOOP("SettingsSchemaCheck",
                       "Each server must be an object such as {\"type\": \"stdio\", \"command\": "
                       "\"npx\", \"args\": []}. Correct this entry or remove it.")},
    {"serverType",
     QT_TRANSLATE_NOOP("SettingsSchemaCheck",
                       "\"type\" must be stdio, sse, streamable-http or openapi. Correct it, or "
                       "remove it to let MCPHub infer the type from url, command or openapi.")},
    {"serverUrl",
     QT_TRANSLATE_NOOP("SettingsSchemaCheck",
                       "\"url\" must be the address of the server's MCP endpoint, a string such "
                       "as https://host/mcp; servers of type sse and streamable-http need it.")},
    {"serverCommand",
     QT_TRANSLATE_NOOP("SettingsSchemaCheck",
                       "\"command\" must be the program that starts the server, a string such as "
                       "npx or uvx; servers of type stdio need it.")},
    {"stringMap",
     QT_TRANSLATE_NOOP("SettingsSchemaCheck",
                       "Must be an object whose values are all strings, for example {\"API_KEY\": "
                       "\"...\"}; put numbers and booleans in quotes.")},
    {"openapiSource",
     QT_TRANSLATE_NOOP("SettingsSchemaCheck",
                       "An openapi server needs \"openapi\" with \"url\" (where to fetch the "
                       "OpenAPI document) or \"schema\" (the document itself). Add one of them.")},
    {"bcryptPassword",
     QT_TRANSLATE_NOOP("SettingsSchemaCheck",
                       "\"password\" must be a bcrypt hash ($2b$10$ followed by 53 characters), "
                       "because MCPHub stores only hashes. Set the password through the console "
                       "or MCPHub, which hash it; nobody can log in with this value.")},
    {"groupServer",
     QT_TRANSLATE_NOOP("SettingsSchemaCheck",
                       "Each entry of \"servers\" must be a server name, or an object such as "
                       "{\"name\": \"fetch\", \"tools\": \"all\"}.")},
    {"bearerToken",
     QT_TRANSLATE_NOOP("SettingsSchemaCheck",
                       "\"token\" must be a non-empty string: it is the secret clients send. "
                       "Generate a new key in the console or in MCPHub.")},
    {"accessType",
     QT_TRANSLATE_NOOP("SettingsSchemaCheck",
                       "\"accessType\" must be all, groups, servers or custom.")},
    {"jsonBodyLimit",
     QT_TRANSLATE_NOOP("SettingsSchemaCheck",
                       "\"jsonBodyLimit\" must be a size such as \"1mb\" or \"500kb\", or a "
                       "number of bytes.")},
    {"nameSeparator",
     QT_TRANSLATE_NOOP("SettingsSchemaCheck",
                       "\"nameSeparator\" must be a non-empty string such as \"-\"; it joins "
                       "server and tool names.")},
};

QString schemaMessage(const std::string &id)
{
    for (const SchemaMessage &m : kSchemaMessages) {
        if (id == m.id)
            return QCoreApplication::translate("SettingsSchemaCheck", m.text);
    }
    qCWarning(lcSettings) << "schema refers to an unknown x-message" << id.c_str();
    return {};
}

// The schema's "pattern" keyword, matched with QRegularExpression (PCRE2, compiled once, with
// its JIT) instead of valijson's std::regex, which costs it 2-3 us a string: a file's 50,000
// passwords took 17% of the schema check. Written here because valijson 1.0 has no other
// regex engine; a custom constraint is its way to add one. valijson's own text for a failed
// match is kept, so a finding reads as before (schema.pattern).
class PcrePattern : public valijson::constraints::PolyConstraint
{
public:
    explicit PcrePattern(QRegularExpression expression)
        : m_expression(std::move(expression))
    {}

    bool validate(const valijson::adapters::Adapter &target,
                  const std::vector<std::string> &context,
                  valijson::ValidationResults *results) const override
    {
        // Strings only: SettingsSchemaCheck::check() validates with strong types, where
        // valijson's own pattern constraint looks at nothing else either.
        std::string text;
        if (!target.isString() || !target.getString(text))
            return true;
        if (SchemaQuickCheck::matches(m_expression, text))
            return true;
        if (results)
            results->pushError(context, "Failed to match regex specified by 'pattern' constraint.");
        return false;
    }

private:
    valijson::constraints::Constraint *cloneInto(void *memory) const override
    {
        return new (memory) PcrePattern(*this);
    }
    size_t sizeOf() const override { return sizeof(PcrePattern); }

    QRegularExpression m_expression;
};

// The keyword the schema's patterns are given under, so that valijson's own "pattern" does not
// match them a second time.
constexpr char kPcrePatternKey[] = "x-console-pattern";

class PcrePatternBuilder : public valijson::ConstraintBuilder
{
public:
    valijson::constraints::Constraint *make(const valijson::adapters::Adapter &value) const override
    {
        if (auto expression
            = SchemaQuickCheck::pcrePattern(QString::fromStdString(value.asString())))
            return new PcrePattern(std::move(*expression));
        // A pattern PCRE does not read, or could read otherwise: valijson's std::regex.
        auto own = std::make_unique<valijson::constraints::PatternConstraint>();
        own->setPattern(value.asString());
        return own.release();
    }
};

// Moves each schema object's string "pattern" to kPcrePatternKey. A property named "pattern"
// has an object, a schema, as its value, and stays; values (const, enum, default, examples)
// are not schemas and are not looked into.
void movePatterns(nlohmann::json &node)
{
    if (node.is_object()) {
        const auto pattern = node.find("pattern");
        if (pattern != node.end() && pattern->is_string()) {
            node[kPcrePatternKey] = *pattern;
            node.erase("pattern");
        }
        for (auto child = node.begin(); child != node.end(); ++child) {
            const std::string &key = child.key();
            if (key != "const" && key != "enum" && key != "default" && key != "examples")
                movePatterns(child.value());
        }
    } else if (node.is_array()) {
        for (nlohmann::json &child : node)
            movePatterns(child);
    }
}

// Parsed once, on first use (thread-safe static initialisation); read-only afterwards.
struct CompiledSchema
{
    CompiledSchema()
    {
        QFile file(QStringLiteral(":/schema/mcp_settings.schema.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            problem = file.errorString();
            return;
        }
        const QByteArray text = file.readAll();
        try {
            json = Json::parse(text.constData(), text.constData() + text.size());
            parsed = json;
            movePatterns(parsed);
            valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
            parser.addConstraintBuilder(kPcrePatternKey, new PcrePatternBuilder); // parser's
            valijson::adapters::NlohmannJsonAdapter adapter(parsed);
            parser.populateSchema(adapter, schema);
            quick = std::make_unique<SchemaQuickCheck>(json);
        } catch (const std::exception &e) {
            problem = QString::fromUtf8(e.what());
        }
    }

    Json json;   // as the resource has it: what the findings' explanations read
    Json parsed; // with its patterns moved to kPcrePatternKey: what `schema` was made of
    valijson::Schema schema;
    std::unique_ptr<SchemaQuickCheck> quick; // reads `json`
    QString problem; // set when the resource could not be used (a build defect)
};

const CompiledSchema &compiledSchema()
{
    static const CompiledSchema compiled;
    return compiled;
}

// The schema nodes that apply at an instance location, ignoring conditions: properties,
// additionalProperties and items, through $ref, allOf, anyOf, oneOf, then and else. Used only
// to explain an error valijson found, never to decide validity.
class SchemaNavigator
{
public:
    explicit SchemaNavigator(const Json &root)
        : m_root(root)
    {}

    std::vector<const Json *> at(const std::vector<std::string> &tokens) const
    {
        std::vector<const Json *> nodes;
        expand(&m_root, nodes, 0);
        for (const std::string &token : tokens)
            nodes = child(nodes, token);
        return nodes;
    }

    std::vector<const Json *> child(const std::vector<const Json *> &nodes,
                                    const std::string &token) const
    {
        const bool index
            = !token.empty() && token.find_first_not_of("0123456789") == std::string::npos;
        std::vector<const Json *> out;
        for (const Json *node : nodes) {
            const auto properties = node->find("properties");
            if (properties != node->end() && properties->contains(token)) {
                expand(&properties->at(token), out, 0);
                continue;
            }
            const auto items = node->find("items");
            if (index && items != node->end() && items->is_object()) {
                expand(&*items, out, 0);
                continue;
            }
            const auto additional = node->find("additionalProperties");
            if (additional != node->end() && additional->is_object())
                expand(&*additional, out, 0);
        }
        return out;
    }

    // The first value of `keyword` among the nodes.
    static const Json *find(const std::vector<const Json *> &nodes, const char *keyword)
    {
        for (const Json *node : nodes) {
            const auto it = node->find(keyword);
            if (it != node->end())
                return &*it;
        }
        return nullptr;
    }

private:
    void expand(const Json *node, std::vector<const Json *> &out, int depth) const
    {
        if (!node->is_object() || depth > 16)
            return;
        out.push_back(node);
        const auto ref = node->find("$ref");
        if (ref != node->end() && ref->is_string()) {
            const std::string target = ref->get<std::string>();
            if (target.rfind("#", 0) == 0) {
                const Json::json_pointer pointer(target.substr(1));
                if (m_root.contains(pointer))
                    expand(&m_root.at(pointer), out, depth + 1);
            }
        }
        for (const char *list : {"allOf", "anyOf", "oneOf"}) {
            const auto it = node->find(list);
            if (it != node->end() && it->is_array()) {
                for (const Json &sub : *it)
                    expand(&sub, out, depth + 1);
            }
        }
        for (const char *branch : {"then", "else"}) {
            const auto it = node->find(branch);
            if (it != node->end())
                expand(&*it, out, depth + 1);
        }
    }

    const Json &m_root;
};

QString typeDescription(const std::string &type)
{
    if (type == "string")
        return SettingsSchemaCheck::tr("a string");
    if (type == "number")
        return SettingsSchemaCheck::tr("a number");
    if (type == "integer")
        return SettingsSchemaCheck::tr("a whole number");
    if (type == "boolean")
        return SettingsSchemaCheck::tr("true or false");
    if (type == "object")
        return SettingsSchemaCheck::tr("an object {...}");
    if (type == "array")
        return SettingsSchemaCheck::tr("an array [...]");
    return SettingsSchemaCheck::tr("null");
}

QString actualTypeDescription(const OrderedJson &value)
{
    switch (value.type()) {
    case OrderedJson::value_t::string:
        return typeDescription("string");
    case OrderedJson::value_t::boolean:
        return typeDescription("boolean");
    case OrderedJson::value_t::object:
        return typeDescription("object");
    case OrderedJson::value_t::array:
        return typeDescription("array");
    case OrderedJson::value_t::null:
        return typeDescription("null");
    default:
        return typeDescription("number");
    }
}

QString expectedTypes(const Json *type)
{
    if (!type)
        return {};
    if (type->is_string())
        return typeDescription(type->get<std::string>());
    QStringList names;
    for (const Json &t : *type)
        names.append(typeDescription(t.get<std::string>()));
    return names.join(SettingsSchemaCheck::tr(" or "));
}

QString shortJson(const OrderedJson &value)
{
    QString text
        = QString::fromStdString(value.dump(-1, ' ', false, Json::error_handler_t::replace));
    if (text.size() > 60)
        text = text.left(57) + QStringLiteral("...");
    return text;
}

QString numberText(const Json &number)
{
    return QString::fromStdString(number.dump());
}

const OrderedJson *instanceAt(const OrderedJson &root, const std::vector<std::string> &tokens)
{
    const OrderedJson *node = &root;
    for (const std::string &token : tokens) {
        if (node->is_object()) {
            const auto it = node->find(token);
            if (it == node->end())
                return nullptr;
            node = &*it;
        } else if (node->is_array()) {
            size_t index = 0;
            const auto [end, error]
                = std::from_chars(token.data(), token.data() + token.size(), index);
            if (error != std::errc() || end != token.data() + token.size() || index >= node->size())
                return nullptr;
            node = &(*node)[index];
        } else {
            return nullptr;
        }
    }
    return node;
}

std::string tokensKey(const std::vector<std::string> &tokens)
{
    std::string key;
    for (const std::string &t : tokens)
        key = JsonPointer::append(key, t);
    return key;
}

bool startsWith(const std::string &text, const char *prefix)
{
    return text.rfind(prefix, 0) == 0;
}

// valijson repeats every failure at each enclosing level ("Failed to validate item #0 in
// array."); only the innermost error says something.
bool isPropagation(const std::string &d)
{
    return startsWith(d, "Failed to validate against schema associated with property name")
           || startsWith(d, "Failed to validate item #")
           || startsWith(d, "Failed to validate against additional properties schema")
           || startsWith(d, "Failed to validate against schema associated with pattern")
           || startsWith(d, "Failed to validate against a conditional schema")
           || startsWith(d, "Failed to validate against child schema #")
           || startsWith(d, "Failed to validate against dependent schema")
           || startsWith(d, "Failed to match expected value set by 'const' constraint");
}

bool isAlternatives(const std::string &d)
{
    return startsWith(d, "Failed to validate against any schemas allowed by anyOf")
           || startsWith(d, "Failed to validate against any child schemas allowed by oneOf")
           || startsWith(d, "Failed to validate against exactly one child schema");
}

} // namespace

QList<Finding> SettingsSchemaCheck::check(const nlohmann::ordered_json &document, Reading reading)
{
    const CompiledSchema &compiled = compiledSchema();
    if (!compiled.problem.isEmpty()) {
        Finding f;
        f.code = QStringLiteral("schema.unavailable");
        f.message = tr("The settings schema built into the console could not be read (%1). "
                       "Reinstall the console.")
                        .arg(compiled.problem);
        return {f};
    }

    if (reading == Reading::QuickFirst
        && compiled.quick->check(document) == SchemaQuickCheck::Verdict::Valid)
        return {};

    valijson::Validator validator(valijson::Validator::kStrongTypes);
    valijson::ValidationResults results;
    valijson::adapters::OrderedNlohmannJsonAdapter adapter(document);
    if (validator.validate(compiled.schema, adapter, &results))
        return {};

    struct Raw
    {
        std::vector<std::string> tokens;
        std::string description;
    };
    std::vector<Raw> errors;
    std::set<std::string> alternatives; // pointers where no alternative of anyOf/oneOf fits
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
        Raw raw;
        for (size_t i = 1; i < error.context.size(); ++i) { // [0] is "<root>"
            const std::string &c = error.context[i];
            raw.tokens.push_back(c.size() >= 2 ? c.substr(1, c.size() - 2) : c);
        }
        raw.description = error.description;
        if (isAlternatives(raw.description))
            alternatives.insert(tokensKey(raw.tokens));
        errors.push_back(std::move(raw));
    }

    const SchemaNavigator navigator(compiled.json);
    QList<Finding> findings;
    QSet<QString> seen;
    for (const Raw &raw : errors) {
        const std::string &d = raw.description;
        if (isPropagation(d))
            continue;
        // Inside a failed anyOf/oneOf, the branches' own errors are noise: one finding at the
        // alternatives' place explains the expected shapes.
        if (!isAlternatives(d)) {
            bool inside = false;
            std::vector<std::string> prefix;
            for (const std::string &t : raw.tokens) {
                if (alternatives.count(tokensKey(prefix))) {
                    inside = true;
                    break;
                }
                prefix.push_back(t);
            }
            if (inside || alternatives.count(tokensKey(raw.tokens)))
                continue;
        }

        std::vector<std::string> tokens = raw.tokens;
        std::vector<const Json *> nodes = navigator.at(tokens);
        const OrderedJson *value = instanceAt(document, tokens);
        Finding f;
        f.severity = Finding::Severity::Error;
        QString generic;
        if (startsWith(d, "Missing required property '")) {
            const std::string key = d.substr(27, d.rfind('\'') - 27);
            tokens.push_back(key);
            nodes = navigator.child(nodes, key);
            f.code = QStringLiteral("schema.required");
            generic = tr("The required key \"%1\" is missing. Add it.")
                          .arg(QString::fromStdString(key));
        } else if (startsWith(d, "Value type not permitted")) {
            f.code = QStringLiteral("schema.type");
            generic = tr("Expected %1 here, not %2. Change the value.")
                          .arg(expectedTypes(SchemaNavigator::find(nodes, "type")),
                               value ? actualTypeDescription(*value) : QString());
        } else if (startsWith(d, "Failed to match against any enum values")) {
            f.code = QStringLiteral("schema.enum");
            QStringList allowed;
            if (const Json *values = SchemaNavigator::find(nodes, "enum")) {
                for (const Json &v : *values)
                    allowed.append(
                        QString::fromStdString(v.is_string() ? v.get<std::string>() : v.dump()));
            }
            generic = tr("%1 is not allowed here. Use one of: %2.")
                          .arg(value ? shortJson(*value) : QString(),
                               allowed.join(QStringLiteral(", ")));
        } else if (startsWith(d, "Failed to match regex")) {
            f.code = QStringLiteral("schema.pattern");
            generic = tr("%1 does not have the expected form. Correct the value.")
                          .arg(value ? shortJson(*value) : QString());
        } else if (startsWith(d, "String should be a valid")) {
            f.code = QStringLiteral("schema.format");
            generic = tr("%1 is not a valid date or time. Correct the value.")
                          .arg(value ? shortJson(*value) : QString());
        } else if (startsWith(d, "String should be no fewer than")) {
            f.code = QStringLiteral("schema.length");
            const Json *min = SchemaNavigator::find(nodes, "minLength");
            generic = !min || *min == 1
                          ? tr("Must not be empty. Fill it in or remove the key.")
                          : tr("Must be at least %1 characters long.").arg(numberText(*min));
        } else if (startsWith(d, "String should be no more than")) {
            f.code = QStringLiteral("schema.length");
            const Json *max = SchemaNavigator::find(nodes, "maxLength");
            generic
                = tr("Must be at most %1 characters long.").arg(max ? numberText(*max) : QString());
        } else if (startsWith(d, "Expected number greater than")) {
            f.code = QStringLiteral("schema.range");
            if (const Json *min = SchemaNavigator::find(nodes, "exclusiveMinimum"))
                generic = tr("Must be greater than %1.").arg(numberText(*min));
            else if (const Json *min = SchemaNavigator::find(nodes, "minimum"))
                generic = tr("Must be %1 or more.").arg(numberText(*min));
        } else if (startsWith(d, "Expected number less than")) {
            f.code = QStringLiteral("schema.range");
            if (const Json *max = SchemaNavigator::find(nodes, "exclusiveMaximum"))
                generic = tr("Must be less than %1.").arg(numberText(*max));
            else if (const Json *max = SchemaNavigator::find(nodes, "maximum"))
                generic = tr("Must be %1 or less.").arg(numberText(*max));
        } else if (isAlternatives(d)) {
            f.code = QStringLiteral("schema.shape");
            generic = tr("This value has none of the allowed shapes. Correct it.");
        } else {
            f.code = QStringLiteral("schema.other");
        }
        if (generic.isEmpty()) {
            generic = tr("This value does not match the settings schema (%1). Correct it.")
                          .arg(QString::fromStdString(d));
        }
        QString specific;
        if (const Json *id = SchemaNavigator::find(nodes, "x-message"); id && id->is_string())
            specific = schemaMessage(id->get<std::string>());
        f.message = specific.isEmpty() ? generic : specific;
        f.pointer = QString::fromStdString(tokensKey(tokens));
        const QString key = f.pointer + QLatin1Char('\n') + f.code;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        findings.append(f);
    }
    return findings;
}

} // namespace mcphub
