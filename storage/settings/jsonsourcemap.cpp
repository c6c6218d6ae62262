#include "storage/settings/jsonsourcemap.h"

#include <algorithm>
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

    // `offsets` may be null: then only duplicate keys are looked for, which is much cheaper.
    void run(std::unordered_map<std::string, qsizetype> *offsets,
             std::vector<JsonSourceMap::DuplicateKey> &duplicates)
    {
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
            if (offsets)
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
                while (m_p < m_end && !isJsonSpace(*m_p) && *m_p != ',' && *m_p != '}'
                       && *m_p != ']')
                    ++m_p;
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

private:
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
};

} // namespace

JsonSourceMap JsonSourceMap::build(const QByteArray &text)
{
    JsonSourceMap map;
    map.m_text = text;
    map.m_lineStarts.push_back(0);
    for (qsizetype i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        map.m_lineStarts.push_back(i + 1);
    Scanner(text.constData(), text.constData() + text.size()).run(&map.m_offsets, map.m_duplicates);
    return map;
}

std::vector<JsonSourceMap::DuplicateKey> JsonSourceMap::findDuplicateKeys(const QByteArray &text)
{
    std::vector<DuplicateKey> duplicates;
    Scanner(text.constData(), text.constData() + text.size()).run(nullptr, duplicates);
    return duplicates;
}

std::optional<qsizetype> JsonSourceMap::valueOffset(const std::string &pointer) const
{
    const auto it = m_offsets.find(pointer);
    if (it == m_offsets.end())
        return std::nullopt;
    return it->second;
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
