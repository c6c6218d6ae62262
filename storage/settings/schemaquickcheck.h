#pragma once

#include <QRegularExpression>
#include <QString>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>

namespace mcphub {

// A quick first reading of a settings document against the settings schema, before valijson's:
// it answers "valid" only where it is sure, and SettingsSchemaCheck then skips valijson, which
// spends about 14,000 instructions on each user of a file (a new context vector and visitor
// per keyword and level) and 0.15-0.2 s on a file of 50,000 users and 10,000 servers.
// Written here because valijson has no faster mode and no other validator is packaged for
// Debian; valijson stays the one that finds and explains errors.
//
// It reads the keywords the schema uses (type, enum, const, required, properties,
// additionalProperties, items as one schema, minLength, pattern, minimum, maximum and their
// exclusive forms, allOf, anyOf, oneOf, if/then/else, local $ref) with valijson's reading of
// them under strong types (SettingsSchemaCheck validates with kStrongTypes). Each answer is
// Valid, Invalid or Unsure; any other keyword, a number that is not a whole one where an
// integer is asked for, a string that is not well-formed UTF-8 under minLength, or an enum of
// numbers, arrays or objects makes that part Unsure, and an Unsure document goes to valijson.
// Invalid is exact too, because an if/then/else or anyOf decides on it.
class SchemaQuickCheck
{
public:
    enum class Verdict { Invalid, Valid, Unsure };

    // `schema` as the resource has it; must outlive the check.
    explicit SchemaQuickCheck(const nlohmann::json &schema);
    ~SchemaQuickCheck();
    SchemaQuickCheck(const SchemaQuickCheck &) = delete;
    SchemaQuickCheck &operator=(const SchemaQuickCheck &) = delete;

    Verdict check(const nlohmann::ordered_json &document) const;

    // A JSON Schema pattern (ECMAScript) as a PCRE2 expression that matches the same strings,
    // compiled and optimised; nothing where the two engines could read it apart or PCRE2
    // cannot read it. ECMAScript's $ (outside a class, not escaped) is the end of the text
    // only, where PCRE's also matches before a final newline: it becomes \z. An unescaped .
    // (std::regex's does not match \r, PCRE's does) and a class that starts with ] ("[]" is
    // empty in ECMAScript, PCRE reads the ] as a member) are left to std::regex.
    static std::optional<QRegularExpression> pcrePattern(const QString &ecmaScript);

    // Whether `text` matches `pattern` as valijson's pattern constraint of SettingsSchemaCheck
    // decides it: the UTF-8 text read into a QString (ill-formed UTF-8 becomes U+FFFD).
    static bool matches(const QRegularExpression &pattern, const std::string &text);

private:
    struct Node;
    class Builder;
    static Verdict read(const Node &node, const nlohmann::ordered_json &value);

    std::unique_ptr<Builder> m_builder;
    const Node *m_root = nullptr;
};

} // namespace mcphub
