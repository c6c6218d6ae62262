#pragma once

#include <QtGlobal>

#include <optional>

namespace mcphub {

// The limits every JSON text from outside (a settings file, a backup, a database value) is
// checked against before it is parsed, so that no code working on the parsed tree recursively
// (the schema check, the writer, copies, the migrator, diff) meets more nesting than it can
// take. The check is one linear pass with no allocation.
class JsonLimits
{
public:
    // Arrays and objects nested deeper than this are refused. MCPHub's settings need fewer
    // than 10 levels; an OpenAPI schema rarely 30.
    static constexpr int kMaxDepth = 512;

    struct Violation
    {
        enum class Kind {
            TooDeep, // `offset` is the '[' or '{' that opens level kMaxDepth + 1
            NulByte, // `offset` is a NUL byte, which JSON never allows unescaped
        };
        Kind kind;
        qsizetype offset;
    };

    // The first violation in `text`, or nothing. Strings are skipped as JSON defines them; the
    // text need not be valid JSON otherwise.
    static std::optional<Violation>
    check(const char *text, qsizetype size, int maxDepth = kMaxDepth);
};

} // namespace mcphub
