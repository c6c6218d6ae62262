#pragma once

#include <QString>

#include <string_view>

namespace mcphub::utf8 {

// Length of the UTF-8 sequence starting at `p` (before `end`): 1-4 when valid, -1 for an
// encoded UTF-16 surrogate (U+D800..U+DFFF, 3 bytes, not valid UTF-8), 0 when invalid
// (stray continuation byte, overlong form, truncated sequence, beyond U+10FFFF).
inline int sequenceLength(const unsigned char *p, const unsigned char *end)
{
    auto cont = [&](int i) {
        return p + i < end && (p[i] & 0xC0) == 0x80;
    };
    const unsigned char c = p[0];
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(1) || !cont(2))
            return 0;
        if (c == 0xE0 && p[1] < 0xA0)
            return 0;
        if (c == 0xED && p[1] >= 0xA0)
            return -1;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3))
            return 0;
        if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] >= 0x90))
            return 0;
        return 4;
    }
    return 0;
}

// Byte offset of the first invalid sequence, or -1 when the whole text is valid UTF-8.
inline long long firstInvalid(const char *data, long long size)
{
    const auto *begin = reinterpret_cast<const unsigned char *>(data);
    const auto *end = begin + size;
    for (const unsigned char *p = begin; p < end;) {
        if (*p < 0x80) {
            ++p;
            continue;
        }
        const int length = sequenceLength(p, end);
        if (length <= 0)
            return p - begin;
        p += length;
    }
    return -1;
}

// UTF-8 to QString keeping a leading U+FEFF, which QString::fromUtf8 (and with it
// fromStdString, fromLocal8Bit and QCoreApplication::arguments()) silently drops.
inline QString toQString(std::string_view text)
{
    QString out;
    while (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {
        out += QChar(0xFEFF);
        text.remove_prefix(3);
    }
    out += QString::fromUtf8(text.data(), qsizetype(text.size()));
    return out;
}

} // namespace mcphub::utf8
