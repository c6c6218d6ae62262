#include "storage/settings/jsonsourcemap.h"

#include "storage/settings/mcphubjsonwriter.h"

#include <algorithm>
#include <clocale>
#include <cstdlib>
#include <locale.h>
#include <string_view>
#include <unordered_set>

namespace mcphub {

namespace {

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

int codePointsBetween(const char *begin, const char *end)
{
    int count = 0;
    for (const char *p = begin; p < end; ++p) {
        if ((static_cast<unsigned char>(*p) & 0xC0) != 0x80)
            ++count;
    }
    return count;
}

void appendUtf8(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

unsigned hex4(const char *p)
{
    unsigned value = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = p[i];
        value <<= 4;
        if (c >= '0' && c <= '9')
            value |= unsigned(c - '0');
        else if (c >= 'a' && c <= 'f')
            value |= unsigned(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            value |= unsigned(c - 'A' + 10);
    }
    return value;
}

// A decimal number as 0.DIGITS x 10^exponent, DIGITS without leading or trailing zeros (empty
// for zero): two texts with the same form have the same value.
struct DecimalForm
{
    bool negative = false;
    std::string digits;
    long long exponent = 0;

    bool operator==(const DecimalForm &other) const
    {
        if (digits.empty() || other.digits.empty())
            return digits.empty() && other.digits.empty(); // 0 and -0 are both written 0
        return negative == other.negative && digits == other.digits && exponent == other.exponent;
    }
};

DecimalForm decimalForm(std::string_view text)
{
    DecimalForm form;
    size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+'))
        form.negative = text[i++] == '-';
    long long pointPosition = 0; // digits before the decimal point, leading zeros excluded
    bool seenPoint = false;
    for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
        const char c = text[i];
        if (c == '.') {
            seenPoint = true;
            continue;
        }
        if (form.digits.empty() && c == '0') {
            if (seenPoint)
                --pointPosition;
            continue;
        }
        form.digits += c;
        if (!seenPoint)
            ++pointPosition;
    }
    long long exponent = 0;
    if (i < text.size()) { // 'e' or 'E'
        ++i;
        bool negative = false;
        if (i < text.size() && (text[i] == '-' || text[i] == '+'))
            negative = text[i++] == '-';
        for (; i < text.size(); ++i) {
            if (exponent < 1000000000000LL) // saturate: far beyond any double anyway
                exponent = exponent * 10 + (text[i] - '0');
        }
        if (negative)
            exponent = -exponent;
    }
    while (!form.digits.empty() && form.digits.back() == '0')
        form.digits.pop_back();
    form.exponent = pointPosition + exponent;
    return form;
}

// An integer nlohmann keeps as a 64-bit integer (SettingsRules checks those in the tree).
bool fitsInteger(std::string_view text)
{
    const bool negative = !text.empty() && text.front() == '-';
    const std::string_view digits = negative ? text.substr(1) : text;
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos)
        return false;
    if (digits.size() < 19)
        return true;
    if (digits.size() > 20)
        return false;
    const std::string_view limit = negative ? "9223372036854775808" : "18446744073709551615";
    return digits.size() < limit.size() || (digits.size() == limit.size() && digits <= limit);
}

// The text is known to be valid JSON, so the walk checks only what it needs to stay in bounds.
// The pointer of the current value is kept in one string, extended and cut back as the walk
// goes in and out of containers.
class Scanner
{
public:
    Scanner(const char *begin, const char *end)
        : m_begin(begin)
        , m_p(begin)
        , m_end(end)
    {}

    // `offsets` may be null: then only the text facts are looked for, which is much cheaper.
    // With `stopAt` >= 0 the walk stops at the first value starting there or later, with
    // pointer() naming it.
    void run(std::unordered_map<std::string, qsizetype> *offsets,
             JsonSourceMap::TextFacts &facts,
             qsizetype stopAt = -1)
    {
        std::vector<JsonSourceMap::DuplicateKey> &duplicates = facts.duplicates;
        struct Frame
        {
            bool object;
            size_t pointerLength; // the container's own pointer
            qsizetype index = 0;
            std::unordered_map<std::string, qsizetype> keys; // key -> offset of its first value
        };
        std::vector<Frame> stack;
        skipSpace();
        while (m_p < m_end) {
            // A value starts here.
            if (stopAt >= 0 && m_p - m_begin >= stopAt)
                return;
            if (m_target && m_pointer == *m_target) {
                m_found = m_p - m_begin;
                return;
            }
            // Deeper values are found by a walk of their own when asked for: indexing every
            // pointer would take memory with the square of the depth.
            if (offsets && stack.size() < JsonSourceMap::kIndexedDepth)
                (*offsets)[m_pointer] = m_p - m_begin;
            const char c = *m_p;
            bool closed = false;
            if (c == '{' || c == '[') {
                ++m_p;
                skipSpace();
                if (m_p < m_end && (*m_p == '}' || *m_p == ']')) {
                    ++m_p;
                    closed = true;
                } else {
                    stack.push_back(Frame{c == '{', m_pointer.size(), 0, {}});
                    if (c == '{') {
                        if (!readKey(stack.back(), duplicates))
                            return;
                    } else {
                        appendToken(stack.back().pointerLength, "0");
                    }
                    continue;
                }
            } else if (c == '"') {
                skipString();
                closed = true;
            } else {
                const char *start = m_p;
                while (m_p < m_end && !isJsonSpace(*m_p) && *m_p != ',' && *m_p != '}'
                       && *m_p != ']')
                    ++m_p;
                if (c == '-' || (c >= '0' && c <= '9'))
                    checkNumber(std::string_view(start, size_t(m_p - start)), facts);
                closed = true;
            }
            // After a value: a separator or the end of one or more containers.
            while (closed) {
                skipSpace();
                if (stack.empty() || m_p >= m_end)
                    return;
                Frame &top = stack.back();
                if (*m_p == ',') {
                    ++m_p;
                    skipSpace();
                    if (top.object) {
                        if (!readKey(top, duplicates))
                            return;
                    } else {
                        appendToken(top.pointerLength, std::to_string(++top.index));
                    }
                    closed = false;
                } else {
                    ++m_p; // '}' or ']'
                    m_pointer.resize(top.pointerLength);
                    stack.pop_back();
                }
            }
        }
    }

    const std::string &pointer() const { return m_pointer; }

    // Makes run() stop at the value with this pointer; found() is then its offset.
    void setTarget(const std::string *pointer) { m_target = pointer; }
    qsizetype found() const { return m_found; }

private:
    void checkNumber(std::string_view text, JsonSourceMap::TextFacts &facts)
    {
        if (fitsInteger(text))
            return;
        const std::string token(text);
        // As JSON.parse and nlohmann read it, whatever the process's locale says about '.'.
        static const locale_t c = newlocale(LC_ALL_MASK, "C", locale_t(nullptr));
        const double value = strtod_l(token.c_str(), nullptr, c);
        std::string asRead = McpHubJsonWriter::formatNumber(value);
        if (decimalForm(token) == decimalForm(asRead))
            return;
        facts.roundedNumbers.push_back(
            {m_pointer, qsizetype(text.data() - m_begin), token, std::move(asRead)});
    }

    void skipSpace()
    {
        while (m_p < m_end && isJsonSpace(*m_p))
            ++m_p;
    }

    void skipString()
    {
        ++m_p; // opening quote
        while (m_p < m_end && *m_p != '"') {
            if (*m_p == '\\')
                ++m_p;
            ++m_p;
        }
        ++m_p; // closing quote
    }

    void appendToken(size_t parentLength, const std::string &token)
    {
        m_pointer.resize(parentLength);
        m_pointer += '/';
        for (const char c : token) {
            if (c == '~')
                m_pointer += "~0";
            else if (c == '/')
                m_pointer += "~1";
            else
                m_pointer += c;
        }
    }

    // Reads `"key" :`, makes the member current and records a duplicate.
    template<typename Frame>
    bool readKey(Frame &frame, std::vector<JsonSourceMap::DuplicateKey> &duplicates)
    {
        if (m_p >= m_end || *m_p != '"')
            return false;
        std::string key;
        ++m_p;
        while (m_p < m_end && *m_p != '"') {
            if (*m_p != '\\') {
                key += *m_p++;
                continue;
            }
            ++m_p;
            if (m_p >= m_end)
                return false;
            const char e = *m_p++;
            switch (e) {
            case 'b':
                key += '\b';
                break;
            case 'f':
                key += '\f';
                break;
            case 'n':
                key += '\n';
                break;
            case 'r':
                key += '\r';
                break;
            case 't':
                key += '\t';
                break;
            case 'u': {
                if (m_end - m_p < 4)
                    return false;
                char32_t cp = hex4(m_p);
                m_p += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF && m_end - m_p >= 6 && m_p[0] == '\\'
                    && m_p[1] == 'u') {
                    const char32_t low = hex4(m_p + 2);
                    if (low >= 0xDC00 && low <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        m_p += 6;
                    }
                }
                appendUtf8(key, cp);
                break;
            }
            default:
                key += e;
                break; // '"', '\\', '/'
            }
        }
        ++m_p; // closing quote
        skipSpace();
        if (m_p >= m_end || *m_p != ':')
            return false;
        ++m_p;
        skipSpace();
        appendToken(frame.pointerLength, key);
        const qsizetype offset = m_p - m_begin;
        const auto [it, inserted] = frame.keys.try_emplace(std::move(key), offset);
        if (!inserted)
            duplicates.push_back({m_pointer, it->second, offset});
        return true;
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    std::string m_pointer;
    const std::string *m_target = nullptr;
    qsizetype m_found = -1;
};

} // namespace

JsonSourceMap JsonSourceMap::build(const QByteArray &text)
{
    JsonSourceMap map;
    map.m_text = text;
    map.m_lineStarts.push_back(0);
    for (qsizetype i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        map.m_lineStarts.push_back(i + 1);
    Scanner(text.constData(), text.constData() + text.size()).run(&map.m_offsets, map.m_facts);
    return map;
}

JsonSourceMap::TextFacts JsonSourceMap::scan(const QByteArray &text)
{
    TextFacts facts;
    Scanner(text.constData(), text.constData() + text.size()).run(nullptr, facts);
    return facts;
}

std::string JsonSourceMap::pointerAt(const QByteArray &text, qsizetype offset)
{
    TextFacts facts;
    Scanner scanner(text.constData(), text.constData() + text.size());
    scanner.run(nullptr, facts, offset);
    return scanner.pointer();
}

std::optional<qsizetype> JsonSourceMap::valueOffset(const std::string &pointer) const
{
    const auto it = m_offsets.find(pointer);
    if (it != m_offsets.end())
        return it->second;
    if (std::count(pointer.begin(), pointer.end(), '/') < qsizetype(kIndexedDepth))
        return std::nullopt; // such values are all indexed: the text has none there
    TextFacts facts;
    Scanner scanner(m_text.constData(), m_text.constData() + m_text.size());
    scanner.setTarget(&pointer);
    scanner.run(nullptr, facts);
    if (scanner.found() < 0)
        return std::nullopt;
    return scanner.found();
}

SourcePosition JsonSourceMap::position(qsizetype offset) const
{
    offset = std::clamp<qsizetype>(offset, 0, m_text.size());
    const auto next = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const qsizetype lineStart = *(next - 1);
    const char *data = m_text.constData();
    return {int(next - m_lineStarts.begin()),
            1 + codePointsBetween(data + lineStart, data + offset)};
}

SourcePosition JsonSourceMap::positionIn(const QByteArray &text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    const char *data = text.constData();
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (data[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return {line, 1 + codePointsBetween(data + lineStart, data + offset)};
}

} // namespace mcphub
