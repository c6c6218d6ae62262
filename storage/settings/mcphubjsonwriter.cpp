#include "storage/settings/mcphubjsonwriter.h"

#include "storage/settings/utf8.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace mcphub {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::int64_t kMaxSafeInteger = 9007199254740992; // 2^53: exact in a double

// JavaScript's "array index": the canonical decimal form of an integer in [0, 2^32 - 2].
bool isArrayIndex(const std::string &key, std::uint32_t &index)
{
    if (key.empty() || key.size() > 10 || (key.size() > 1 && key[0] == '0'))
        return false;
    std::uint64_t value = 0;
    for (const char c : key) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + std::uint64_t(c - '0');
    }
    if (value > 4294967294ULL)
        return false;
    index = std::uint32_t(value);
    return true;
}

class Writer
{
public:
    Writer(QByteArray &out, int indent, qsizetype limit = -1)
        : m_out(out)
        , m_indent(indent)
        , m_limit(limit)
    {}

    bool overflowed() const { return m_overflow; }

    void value(const Json &v, int depth)
    {
        // Between two checks the text grows by one scalar or one indentation at most.
        if (m_limit >= 0 && (m_overflow || m_out.size() > m_limit)) {
            m_overflow = true;
            return;
        }
        switch (v.type()) {
        case Json::value_t::object:
            object(v, depth);
            break;
        case Json::value_t::array:
            array(v, depth);
            break;
        case Json::value_t::string:
            string(v.get_ref<const Json::string_t &>());
            break;
        case Json::value_t::boolean:
            m_out.append(v.get<bool>() ? "true" : "false");
            break;
        case Json::value_t::number_integer: {
            const std::int64_t n = v.get<std::int64_t>();
            if (n >= -kMaxSafeInteger && n <= kMaxSafeInteger)
                integer(n);
            else
                m_out.append(McpHubJsonWriter::formatNumber(double(n)));
            break;
        }
        case Json::value_t::number_unsigned: {
            const std::uint64_t n = v.get<std::uint64_t>();
            if (n <= std::uint64_t(kMaxSafeInteger))
                integer(std::int64_t(n));
            else
                m_out.append(McpHubJsonWriter::formatNumber(double(n)));
            break;
        }
        case Json::value_t::number_float:
            m_out.append(McpHubJsonWriter::formatNumber(v.get<double>()));
            break;
        case Json::value_t::null:
        case Json::value_t::discarded:
        case Json::value_t::binary: // not produced by parsing JSON text
            m_out.append("null");
            break;
        }
    }

private:
    void newline(int depth)
    {
        if (m_indent <= 0)
            return; // JSON.stringify without indentation writes no line breaks
        m_out.append('\n');
        m_out.append(qsizetype(depth) * m_indent, ' ');
    }

    void integer(std::int64_t n)
    {
        char buffer[24];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, n);
        m_out.append(buffer, result.ptr - buffer);
    }

    void member(const std::string &key, const Json &v, int depth, bool &first)
    {
        if (!first)
            m_out.append(',');
        first = false;
        newline(depth + 1);
        string(key);
        if (m_indent > 0)
            m_out.append(": ", 2);
        else
            m_out.append(':');
        value(v, depth + 1);
    }

    void object(const Json &v, int depth)
    {
        if (v.empty()) {
            m_out.append("{}", 2);
            return;
        }
        m_out.append('{');
        bool first = true;
        // JavaScript enumerates array-index keys first, ascending; rare in settings, so the
        // common case takes one pass with no allocation.
        std::vector<std::pair<std::uint32_t, Json::const_iterator>> indexKeys;
        for (auto it = v.begin(); it != v.end(); ++it) {
            std::uint32_t index;
            if (isArrayIndex(it.key(), index))
                indexKeys.emplace_back(index, it);
        }
        if (!indexKeys.empty()) {
            std::sort(indexKeys.begin(), indexKeys.end(), [](const auto &a, const auto &b) {
                return a.first < b.first;
            });
            for (const auto &[index, it] : indexKeys)
                member(it.key(), it.value(), depth, first);
        }
        for (auto it = v.begin(); it != v.end(); ++it) {
            std::uint32_t index;
            if (indexKeys.empty() || !isArrayIndex(it.key(), index))
                member(it.key(), it.value(), depth, first);
        }
        newline(depth);
        m_out.append('}');
    }

    void array(const Json &v, int depth)
    {
        if (v.empty()) {
            m_out.append("[]", 2);
            return;
        }
        m_out.append('[');
        bool first = true;
        for (const Json &element : v) {
            if (!first)
                m_out.append(',');
            first = false;
            newline(depth + 1);
            value(element, depth + 1);
        }
        newline(depth);
        m_out.append(']');
    }

    void escapeUnit(unsigned unit)
    {
        static const char hex[] = "0123456789abcdef";
        const char text[6] = {'\\',
                              'u',
                              hex[(unit >> 12) & 0xF],
                              hex[(unit >> 8) & 0xF],
                              hex[(unit >> 4) & 0xF],
                              hex[unit & 0xF]};
        m_out.append(text, 6);
    }

    // JSON.stringify's QuoteJSONString. Parsed text is valid UTF-8; strings built in memory
    // may not be: a UTF-8-encoded surrogate (WTF-8, how a lone UTF-16 surrogate travels) is
    // escaped as JavaScript escapes a lone surrogate, and any other invalid byte becomes
    // U+FFFD, as Node's UTF-8 decoder would have read it.
    void string(const std::string &s)
    {
        m_out.append('"');
        const auto *p = reinterpret_cast<const unsigned char *>(s.data());
        const auto *end = p + s.size();
        const auto *run = p; // start of bytes to copy verbatim
        auto flush = [&](const unsigned char *upTo) {
            if (upTo > run)
                m_out.append(reinterpret_cast<const char *>(run), upTo - run);
        };
        while (p < end) {
            const unsigned char c = *p;
            if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
                ++p;
                continue;
            }
            if (c < 0x80) {
                flush(p);
                switch (c) {
                case '"':
                    m_out.append("\\\"", 2);
                    break;
                case '\\':
                    m_out.append("\\\\", 2);
                    break;
                case '\b':
                    m_out.append("\\b", 2);
                    break;
                case '\f':
                    m_out.append("\\f", 2);
                    break;
                case '\n':
                    m_out.append("\\n", 2);
                    break;
                case '\r':
                    m_out.append("\\r", 2);
                    break;
                case '\t':
                    m_out.append("\\t", 2);
                    break;
                default:
                    escapeUnit(c);
                    break;
                }
                run = ++p;
                continue;
            }
            const int length = utf8::sequenceLength(p, end);
            if (length > 0) {
                p += length;
                continue;
            }
            flush(p);
            if (length < 0) { // a surrogate, 3 bytes
                escapeUnit(((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu));
                p += 3;
            } else {
                m_out.append("\xEF\xBF\xBD", 3);
                ++p;
            }
            run = p;
        }
        flush(p);
        m_out.append('"');
    }

    QByteArray &m_out;
    int m_indent = 2;
    qsizetype m_limit = -1;
    bool m_overflow = false;
};

qsizetype estimateSize(const Json &v)
{
    // A cheap upper-bound guess avoids repeated reallocation of large outputs.
    switch (v.type()) {
    case Json::value_t::object:
    case Json::value_t::array: {
        qsizetype size = 4;
        for (auto it = v.begin(); it != v.end(); ++it)
            size += 8 + (v.is_object() ? qsizetype(it.key().size()) : 0) + estimateSize(it.value());
        return size;
    }
    case Json::value_t::string:
        return qsizetype(v.get_ref<const Json::string_t &>().size()) + 2;
    default:
        return 8;
    }
}

} // namespace

QByteArray McpHubJsonWriter::write(const nlohmann::ordered_json &value, int indent)
{
    QByteArray out;
    out.reserve(estimateSize(value) * 5 / 4);
    Writer(out, indent).value(value, 0);
    return out;
}

std::optional<QByteArray>
McpHubJsonWriter::writeAtMost(const nlohmann::ordered_json &value, qsizetype maxSize, int indent)
{
    QByteArray out;
    out.reserve(std::min(estimateSize(value) * 5 / 4, maxSize + 1));
    Writer writer(out, indent, maxSize);
    writer.value(value, 0);
    if (writer.overflowed() || out.size() > maxSize)
        return std::nullopt;
    return out;
}

std::string McpHubJsonWriter::formatNumber(double value)
{
    if (std::isnan(value) || std::isinf(value))
        return "null";
    if (value == 0)
        return "0"; // also -0
    // Shortest round-trip digits and exponent, then ECMAScript's Number::toString layout.
    char buffer[40];
    const auto result
        = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    std::string_view text(buffer, result.ptr - buffer);
    std::string out;
    if (text.front() == '-') {
        out += '-';
        text.remove_prefix(1);
    }
    const size_t e = text.find('e');
    std::string digits;
    for (const char c : text.substr(0, e)) {
        if (c != '.')
            digits += c;
    }
    int exponent = 0;
    std::from_chars(
        text.data() + e + 1 + (text[e + 1] == '+'), text.data() + text.size(), exponent);
    const int k = int(digits.size());
    const int n = exponent + 1; // value = 0.digits * 10^n
    if (k <= n && n <= 21) {
        out += digits;
        out.append(size_t(n - k), '0');
    } else if (0 < n && n <= 21) {
        out += digits.substr(0, size_t(n));
        out += '.';
        out += digits.substr(size_t(n));
    } else if (-6 < n && n <= 0) {
        out += "0.";
        out.append(size_t(-n), '0');
        out += digits;
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out += digits.substr(1);
        }
        out += 'e';
        out += n - 1 >= 0 ? '+' : '-';
        out += std::to_string(std::abs(n - 1));
    }
    return out;
}

} // namespace mcphub
