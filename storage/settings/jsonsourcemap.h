#pragma once

#include <QByteArray>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace mcphub {

// A line and column in a text file, both from 1; columns count characters (Unicode code
// points), as editors show them. Line 0 means "unknown".
struct SourcePosition
{
    int line = 0;
    int column = 0;

    bool isValid() const { return line > 0; }
};

// Where each value of a JSON text starts, by JSON pointer, and line:column of any byte.
// nlohmann::json 3.11 (Debian 12) records no source positions (JSON_DIAGNOSTIC_POSITIONS only
// arrived in 3.12), so this scanner walks the already-parsed text once more. It also reports
// duplicate keys, which the parser collapses silently (the last value wins, as in JavaScript).
// Immutable once built; safe to share between threads.
class JsonSourceMap
{
public:
    // Values up to this depth are indexed; a deeper one is looked for in the text when asked
    // (rare: findings are about settings, a few levels deep), so that the index grows with the
    // text, not with the square of its depth.
    static constexpr size_t kIndexedDepth = 16;

    struct DuplicateKey
    {
        std::string pointer;   // the key's pointer
        qsizetype firstOffset; // the value that is dropped
        qsizetype lastOffset;  // the value that is kept
    };

    // A number whose value changes when it is read as an IEEE double, as JSON.parse reads it
    // (1e-400 becomes 0, a 30-digit integer loses its last digits). Integers that fit 64 bits
    // are not listed: SettingsRules sees those in the parsed tree.
    struct RoundedNumber
    {
        std::string pointer;
        qsizetype offset;
        std::string text;   // as written in the file
        std::string asRead; // as MCPHub reads and writes it back
    };

    // What the text says that the parsed tree no longer shows.
    struct TextFacts
    {
        std::vector<DuplicateKey> duplicates;
        std::vector<RoundedNumber> roundedNumbers;
    };

    // `text` must be syntactically valid JSON; a malformed text yields a partial map.
    static JsonSourceMap build(const QByteArray &text);
    // Only the duplicate keys and rounded numbers: the same walk without the index, several
    // times faster.
    static TextFacts scan(const QByteArray &text);
    // The JSON pointer of the value that starts at or after `offset` (for an error found by
    // offset, such as JsonLimits' nesting limit). Any text; linear in `offset`.
    static std::string pointerAt(const QByteArray &text, qsizetype offset);

    // Byte offset where the value at `pointer` starts, if the text has it.
    std::optional<qsizetype> valueOffset(const std::string &pointer) const;
    SourcePosition position(qsizetype offset) const;
    const std::vector<DuplicateKey> &duplicateKeys() const { return m_facts.duplicates; }
    const TextFacts &textFacts() const { return m_facts; }

    // line:column of a byte offset without a map (for parse errors).
    static SourcePosition positionIn(const QByteArray &text, qsizetype offset);

private:
    QByteArray m_text;
    std::unordered_map<std::string, qsizetype> m_offsets;
    std::vector<qsizetype> m_lineStarts;
    TextFacts m_facts;
};

} // namespace mcphub
