#pragma once

#include <QByteArray>

#include <nlohmann/json.hpp>

#include <optional>

namespace mcphub {

// Serialises a settings document byte for byte as MCPHub writes it: Node's
// `JSON.stringify(value, null, 2)` with no trailing newline. That is what makes load+save of a
// file MCPHub wrote byte-identical, and an edit of one scalar change exactly one line.
// JavaScript's rules, where they differ from nlohmann's dump():
// - numbers are IEEE doubles printed by Number.prototype.toString (1.0 -> 1, 1e21, -0 -> 0,
//   integers beyond 2^53 rounded as JSON.parse rounds them);
// - strings escape only '"', '\\' and control characters (\b \f \n \r \t, else \u00xx);
//   everything else, including non-ASCII and U+2028, stays raw UTF-8;
// - object keys that are array indices ("0" .. "4294967294") come first, in numeric order,
//   as JavaScript objects enumerate them; other keys keep their order;
// - empty objects and arrays are written "{}" and "[]".
class McpHubJsonWriter
{
public:
    // `indent` is JSON.stringify's third argument: MCPHub uses 2; 0 writes one line.
    static QByteArray write(const nlohmann::ordered_json &value, int indent = 2);
    // The same, but stops as soon as the text would be larger than `maxSize` bytes and then
    // returns nothing: what a deeply nested document becomes once indented can be hundreds of
    // times its own size, and is refused before it is all in memory.
    static std::optional<QByteArray>
    writeAtMost(const nlohmann::ordered_json &value, qsizetype maxSize, int indent = 2);

    // Number.prototype.toString for a finite double; "null" for NaN and infinities.
    static std::string formatNumber(double value);
};

} // namespace mcphub
