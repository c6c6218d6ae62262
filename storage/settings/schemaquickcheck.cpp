#include "storage/settings/schemaquickcheck.h"

#include "storage/settings/utf8.h"

#include <QStringView>

#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace mcphub {

namespace {

using SchemaJson = nlohmann::json;
using DocumentJson = nlohmann::ordered_json;

// The instance types of "type", one bit each.
enum TypeBit : unsigned {
    kNull = 1,
    kBoolean = 2,
    kString = 4,
    kObject = 8,
    kArray = 16,
    kNumber = 32,
    kInteger = 64,
};

std::optional<unsigned> typeBit(const std::string &name)
{
    static const std::pair<const char *, unsigned> kNames[] = {{"null", kNull},
                                                               {"boolean", kBoolean},
                                                               {"string", kString},
                                                               {"object", kObject},
                                                               {"array", kArray},
                                                               {"number", kNumber},
                                                               {"integer", kInteger}};
    for (const auto &[text, bit] : kNames) {
        if (name == text)
            return bit;
    }
    return std::nullopt;
}

// Keywords that only annotate: valijson reads none of them to decide validity.
bool isAnnotation(const std::string &keyword)
{
    return keyword == "title" || keyword == "description" || keyword == "$comment"
           || keyword == "default" || keyword == "examples" || keyword == "x-message"
           || keyword == "readOnly" || keyword == "writeOnly";
}

// A string, boolean or null of the schema equal to the instance, as valijson's strict equality
// (same type, same value) decides.
bool equalScalar(const SchemaJson &expected, const DocumentJson &value)
{
    switch (expected.type()) {
    case SchemaJson::value_t::string:
        return value.is_string()
               && value.get_ref<const std::string &>() == expected.get_ref<const std::string &>();
    case SchemaJson::value_t::boolean:
        return value.is_boolean() && value.get<bool>() == expected.get<bool>();
    case SchemaJson::value_t::null:
        return value.is_null();
    default:
        return false;
    }
}

bool isScalar(const SchemaJson &value)
{
    return value.is_string() || value.is_boolean() || value.is_null();
}

// valijson's utils::u8_strlen for a string, or nothing where that could count otherwise than
// characters (ill-formed UTF-8, or a NUL, where it stops).
std::optional<std::uint64_t> characterCount(const std::string &text)
{
    const auto *p = reinterpret_cast<const unsigned char *>(text.data());
    const auto *end = p + text.size();
    std::uint64_t count = 0;
    while (p < end) {
        const int length = *p == 0 ? 0 : utf8::sequenceLength(p, end);
        if (length <= 0)
            return std::nullopt;
        p += length;
        ++count;
    }
    return count;
}

} // namespace

struct SchemaQuickCheck::Node
{
    bool unsure = false; // a keyword or value this reading does not decide
    const Node *ref = nullptr;
    unsigned types = 0; // 0: no "type"
    bool hasEnum = false;
    std::vector<const SchemaJson *> enumValues;
    const SchemaJson *constValue = nullptr;
    std::vector<std::string> required;
    std::vector<std::pair<std::string, const Node *>> properties;
    const Node *additional = nullptr;
    bool additionalForbidden = false;
    const Node *items = nullptr;
    std::optional<std::uint64_t> minLength;
    std::optional<QRegularExpression> pattern;
    std::optional<double> minimum, maximum, exclusiveMinimum, exclusiveMaximum;
    std::vector<const Node *> allOf, anyOf, oneOf;
    const Node *ifNode = nullptr, *thenNode = nullptr, *elseNode = nullptr;
};

// Builds the nodes of a schema, each schema object once (a $ref's target is shared).
class SchemaQuickCheck::Builder
{
public:
    explicit Builder(const SchemaJson &root)
        : m_root(root)
    {}

    const Node *build(const SchemaJson &schema, bool isRoot = false)
    {
        if (const auto found = m_built.find(&schema); found != m_built.end())
            return found->second;
        m_nodes.push_back(std::make_unique<Node>());
        Node *node = m_nodes.back().get();
        m_built.emplace(&schema, node);
        if (!schema.is_object()) { // true and false as schemas
            node->unsure = true;
            return node;
        }
        int validationKeywords = 0;
        bool hasIf = false, hasThenOrElse = false;
        for (auto it = schema.begin(); it != schema.end(); ++it) {
            const std::string &key = it.key();
            const SchemaJson &value = it.value();
            if (isAnnotation(key))
                continue;
            if (isRoot && (key == "$schema" || key == "$id" || key == "definitions"))
                continue;
            ++validationKeywords;
            if (key == "$ref") {
                const std::string target = value.is_string() ? value.get<std::string>() : "";
                if (target.rfind("#/", 0) != 0) {
                    node->unsure = true;
                    continue;
                }
                try {
                    node->ref = build(m_root.at(SchemaJson::json_pointer(target.substr(1))));
                } catch (const SchemaJson::exception &) {
                    node->unsure = true;
                }
            } else if (key == "type") {
                const auto add = [&](const SchemaJson &name) {
                    const auto bit
                        = name.is_string() ? typeBit(name.get<std::string>()) : std::nullopt;
                    if (bit)
                        node->types |= *bit;
                    else
                        node->unsure = true;
                };
                if (value.is_array()) {
                    for (const SchemaJson &name : value)
                        add(name);
                } else {
                    add(value);
                }
                if (node->types == 0)
                    node->unsure = true;
            } else if (key == "enum") {
                node->hasEnum = true;
                if (!value.is_array())
                    node->unsure = true;
                else {
                    for (const SchemaJson &v : value) {
                        if (!isScalar(v))
                            node->unsure = true;
                        node->enumValues.push_back(&v);
                    }
                }
            } else if (key == "const") {
                if (isScalar(value))
                    node->constValue = &value;
                else
                    node->unsure = true;
            } else if (key == "required") {
                if (!value.is_array())
                    node->unsure = true;
                else {
                    for (const SchemaJson &name : value) {
                        if (name.is_string())
                            node->required.push_back(name.get<std::string>());
                        else
                            node->unsure = true;
                    }
                }
            } else if (key == "properties") {
                if (!value.is_object())
                    node->unsure = true;
                else {
                    for (auto p = value.begin(); p != value.end(); ++p)
                        node->properties.emplace_back(p.key(), build(p.value()));
                }
            } else if (key == "additionalProperties") {
                if (value.is_boolean())
                    node->additionalForbidden = !value.get<bool>();
                else
                    node->additional = build(value);
            } else if (key == "items") {
                if (value.is_object())
                    node->items = build(value);
                else
                    node->unsure = true; // a tuple of schemas
            } else if (key == "minLength") {
                if (value.is_number_unsigned())
                    node->minLength = value.get<std::uint64_t>();
                else
                    node->unsure = true;
            } else if (key == "pattern") {
                node->pattern = value.is_string()
                                    ? pcrePattern(QString::fromStdString(value.get<std::string>()))
                                    : std::nullopt;
                if (!node->pattern)
                    node->unsure = true;
            } else if (key == "minimum" || key == "maximum" || key == "exclusiveMinimum"
                       || key == "exclusiveMaximum") {
                if (!value.is_number()) {
                    node->unsure = true;
                    continue;
                }
                const double bound = value.get<double>();
                (key == "minimum"            ? node->minimum
                 : key == "maximum"          ? node->maximum
                 : key == "exclusiveMinimum" ? node->exclusiveMinimum
                                             : node->exclusiveMaximum)
                    = bound;
            } else if (key == "allOf" || key == "anyOf" || key == "oneOf") {
                std::vector<const Node *> &list = key == "allOf"   ? node->allOf
                                                  : key == "anyOf" ? node->anyOf
                                                                   : node->oneOf;
                if (!value.is_array() || value.empty())
                    node->unsure = true;
                else {
                    for (const SchemaJson &sub : value)
                        list.push_back(build(sub));
                }
            } else if (key == "if") {
                hasIf = true;
                node->ifNode = build(value);
            } else if (key == "then") {
                hasThenOrElse = true;
                node->thenNode = build(value);
            } else if (key == "else") {
                hasThenOrElse = true;
                node->elseNode = build(value);
            } else {
                node->unsure = true; // a keyword this reading does not know
            }
        }
        // A $ref beside other keywords (draft 7 ignores them, valijson may not), and then or
        // else without if: left to valijson.
        if ((node->ref && validationKeywords > 1) || (hasThenOrElse && !hasIf))
            node->unsure = true;
        return node;
    }

private:
    const SchemaJson &m_root;
    std::vector<std::unique_ptr<Node>> m_nodes;
    std::unordered_map<const SchemaJson *, Node *> m_built;
};

SchemaQuickCheck::SchemaQuickCheck(const SchemaJson &schema)
    : m_builder(std::make_unique<Builder>(schema))
{
    m_root = m_builder->build(schema, true);
}

SchemaQuickCheck::~SchemaQuickCheck() = default;

std::optional<QRegularExpression> SchemaQuickCheck::pcrePattern(const QString &ecmaScript)
{
    QString out;
    bool inClass = false;
    for (qsizetype i = 0; i < ecmaScript.size(); ++i) {
        const QChar c = ecmaScript.at(i);
        if (c == QLatin1Char('\\') && i + 1 < ecmaScript.size()) {
            out += c;
            out += ecmaScript.at(++i);
        } else if (inClass) {
            inClass = c != QLatin1Char(']');
            out += c;
        } else if (c == QLatin1Char('$')) {
            out += QLatin1String("\\z");
        } else if (c == QLatin1Char('.')) {
            return std::nullopt;
        } else if (c == QLatin1Char('[')) {
            const QStringView rest = QStringView(ecmaScript).mid(i + 1);
            if (rest.startsWith(QLatin1Char(']')) || rest.startsWith(QLatin1String("^]")))
                return std::nullopt;
            inClass = true;
            out += c;
        } else {
            out += c;
        }
    }
    QRegularExpression expression(out);
    if (!expression.isValid())
        return std::nullopt;
    expression.optimize();
    return expression;
}

bool SchemaQuickCheck::matches(const QRegularExpression &pattern, const std::string &text)
{
    // QString's UTF-16 is well-formed (invalid UTF-8 becomes U+FFFD), so PCRE2's check of it
    // is skipped.
    return pattern
        .match(QString::fromStdString(text),
               0,
               QRegularExpression::NormalMatch,
               QRegularExpression::DontCheckSubjectStringMatchOption)
        .hasMatch();
}

SchemaQuickCheck::Verdict SchemaQuickCheck::check(const DocumentJson &document) const
{
    return read(*m_root, document);
}

// Each keyword's answer is folded into the node's: Invalid ends the reading (an instance that
// fails one keyword fails the node, whatever the others say), Unsure stays unless one does.
SchemaQuickCheck::Verdict SchemaQuickCheck::read(const Node &node, const DocumentJson &value)
{
    if (node.unsure)
        return Verdict::Unsure;
    if (node.ref)
        return read(*node.ref, value);
    Verdict verdict = Verdict::Valid;
    const auto fold = [&verdict](Verdict v) {
        if (v == Verdict::Unsure)
            verdict = Verdict::Unsure;
        return v == Verdict::Invalid;
    };

    if (node.types != 0) {
        unsigned bit = 0;
        switch (value.type()) {
        case DocumentJson::value_t::null:
            bit = kNull;
            break;
        case DocumentJson::value_t::boolean:
            bit = kBoolean;
            break;
        case DocumentJson::value_t::string:
            bit = kString;
            break;
        case DocumentJson::value_t::object:
            bit = kObject;
            break;
        case DocumentJson::value_t::array:
            bit = kArray;
            break;
        case DocumentJson::value_t::number_integer:
        case DocumentJson::value_t::number_unsigned:
            bit = kInteger | kNumber;
            break;
        case DocumentJson::value_t::number_float:
            bit = kNumber;
            break;
        default: // binary, discarded: not from a settings file
            return Verdict::Unsure;
        }
        if ((node.types & bit) == 0) {
            // A number with a fraction part, or written as 1.0, where an integer is asked for.
            if (bit == kNumber && (node.types & kInteger) != 0)
                verdict = Verdict::Unsure;
            else
                return Verdict::Invalid;
        }
    }
    if (node.hasEnum) {
        bool found = false;
        for (const SchemaJson *expected : node.enumValues)
            found = found || equalScalar(*expected, value);
        if (!found)
            return Verdict::Invalid;
    }
    if (node.constValue && !equalScalar(*node.constValue, value))
        return Verdict::Invalid;

    if (value.is_object()) {
        for (const std::string &name : node.required) {
            if (value.find(name) == value.end())
                return Verdict::Invalid;
        }
        if (!node.properties.empty() || node.additional || node.additionalForbidden) {
            for (auto member = value.begin(); member != value.end(); ++member) {
                const std::string &name = member.key();
                const Node *schema = nullptr;
                for (const auto &[property, propertySchema] : node.properties) {
                    if (property == name) {
                        schema = propertySchema;
                        break;
                    }
                }
                if (!schema && node.additionalForbidden)
                    return Verdict::Invalid;
                if (!schema)
                    schema = node.additional;
                if (schema && fold(read(*schema, member.value())))
                    return Verdict::Invalid;
            }
        }
    } else if (value.is_array()) {
        if (node.items) {
            for (const DocumentJson &item : value) {
                if (fold(read(*node.items, item)))
                    return Verdict::Invalid;
            }
        }
    } else if (value.is_string()) {
        const std::string &text = value.get_ref<const std::string &>();
        if (node.minLength) {
            if (text.size() < *node.minLength) // never fewer bytes than characters
                return Verdict::Invalid;
            const auto count = characterCount(text);
            if (!count)
                verdict = Verdict::Unsure;
            else if (*count < *node.minLength)
                return Verdict::Invalid;
        }
        if (node.pattern && !matches(*node.pattern, text))
            return Verdict::Invalid;
    } else if (value.is_number()) {
        // valijson reads a whole number as int64_t, so that one above its range wraps.
        if (value.is_number_unsigned()
            && value.get<std::uint64_t>() > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
            return Verdict::Unsure;
        const double number = value.get<double>();
        if ((node.minimum && number < *node.minimum) || (node.maximum && number > *node.maximum)
            || (node.exclusiveMinimum && number <= *node.exclusiveMinimum)
            || (node.exclusiveMaximum && number >= *node.exclusiveMaximum))
            return Verdict::Invalid;
    }

    for (const Node *sub : node.allOf) {
        if (fold(read(*sub, value)))
            return Verdict::Invalid;
    }
    if (!node.anyOf.empty()) {
        Verdict any = Verdict::Invalid;
        for (const Node *sub : node.anyOf) {
            const Verdict v = read(*sub, value);
            if (v == Verdict::Valid) {
                any = v;
                break;
            }
            if (v == Verdict::Unsure)
                any = v;
        }
        if (fold(any))
            return Verdict::Invalid;
    }
    if (!node.oneOf.empty()) {
        int valid = 0;
        bool unsure = false;
        for (const Node *sub : node.oneOf) {
            const Verdict v = read(*sub, value);
            valid += v == Verdict::Valid;
            unsure = unsure || v == Verdict::Unsure;
        }
        if (valid > 1)
            return Verdict::Invalid;
        if (unsure)
            verdict = Verdict::Unsure;
        else if (valid == 0)
            return Verdict::Invalid;
    }
    if (node.ifNode) {
        const Verdict condition = read(*node.ifNode, value);
        const Node *branch = condition == Verdict::Valid ? node.thenNode : node.elseNode;
        if (condition == Verdict::Unsure)
            verdict = Verdict::Unsure;
        else if (branch && fold(read(*branch, value)))
            return Verdict::Invalid;
    }
    return verdict;
}

} // namespace mcphub
