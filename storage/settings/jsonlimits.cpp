#include "storage/settings/jsonlimits.h"

namespace mcphub {

std::optional<JsonLimits::Violation>
JsonLimits::check(const char *text, qsizetype size, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < size; ++i) {
        const char c = text[i];
        if (c == '\0')
            return Violation{Violation::Kind::NulByte, i};
        if (inString) {
            if (c == '\\') {
                if (i + 1 < size && text[i + 1] == '\0')
                    return Violation{Violation::Kind::NulByte, i + 1};
                ++i;
            } else if (c == '"') {
                inString = false;
            }
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '[':
        case '{':
            if (++depth > maxDepth)
                return Violation{Violation::Kind::TooDeep, i};
            break;
        case ']':
        case '}':
            if (depth > 0)
                --depth;
            break;
        default:
            break;
        }
    }
    return std::nullopt;
}

} // namespace mcphub
