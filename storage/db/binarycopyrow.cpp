#include "storage/db/binarycopyrow.h"

#include <QtEndian>

#include <array>
#include <cstring>
#include <limits>
#include <type_traits>

namespace mcphub {

namespace {

// Each byte's value as a hex digit (either case), -1 for the others.
constexpr std::array<qint8, 256> kHexValues = [] {
    std::array<qint8, 256> values{};
    values.fill(-1);
    for (int c = '0'; c <= '9'; ++c)
        values[size_t(c)] = qint8(c - '0');
    for (int c = 'a'; c <= 'f'; ++c) {
        values[size_t(c)] = qint8(c - 'a' + 10);
        values[size_t(c - 'a' + 'A')] = qint8(c - 'a' + 10);
    }
    return values;
}();

// A uuid written 8-4-4-4-12 or as 32 hex digits (either case) as its 16 bytes; false for any
// other text (PostgreSQL's uuid_in reads a few more forms: those rows go as text).
bool uuidBytes(QByteArrayView text, char out[16])
{
    const bool dashed = text.size() == 36;
    if (!dashed && text.size() != 32)
        return false;
    if (dashed && (text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-'))
        return false;
    const auto *const digits = reinterpret_cast<const uchar *>(text.data());
    int bad = 0; // any digit's -1, or'ed in
    qsizetype at = 0;
    for (int i = 0; i < 16; ++i) {
        if (dashed && (at == 8 || at == 13 || at == 18 || at == 23))
            ++at;
        const int high = kHexValues[digits[at]];
        const int low = kHexValues[digits[at + 1]];
        bad |= high | low;
        out[i] = char(high << 4 | low);
        at += 2;
    }
    return bad >= 0;
}

} // namespace

bool BinaryCopyRow::typesOf(const std::vector<QString> &typeNames, std::vector<Type> *types)
{
    types->clear();
    for (const QString &name : typeNames) {
        if (name == QLatin1String("uuid"))
            types->push_back(Type::Uuid);
        else if (name == QLatin1String("text") || name == QLatin1String("character varying"))
            types->push_back(Type::Text);
        else if (name == QLatin1String("boolean"))
            types->push_back(Type::Bool);
        else if (name == QLatin1String("smallint"))
            types->push_back(Type::Int2);
        else if (name == QLatin1String("integer"))
            types->push_back(Type::Int4);
        else if (name == QLatin1String("bigint"))
            types->push_back(Type::Int8);
        else
            return false;
    }
    return !types->empty();
}

BinaryCopyRow::BinaryCopyRow(std::vector<Type> types)
    : m_types(std::move(types))
{}

void BinaryCopyRow::begin()
{
    m_row.clear();
    const quint16 count = qToBigEndian(quint16(m_types.size()));
    m_row.append(reinterpret_cast<const char *>(&count), 2);
    m_field = 0;
}

void BinaryCopyRow::appendLength(qint32 length)
{
    const quint32 big = qToBigEndian(quint32(length));
    m_row.append(reinterpret_cast<const char *>(&big), 4);
    ++m_field;
}

bool BinaryCopyRow::addNull()
{
    if (m_field >= m_types.size())
        return false;
    appendLength(-1);
    return true;
}

bool BinaryCopyRow::addText(QByteArrayView utf8)
{
    if (m_field >= m_types.size())
        return false;
    switch (next()) {
    case Type::Text:
        // COPY's text has no NUL byte either; such a value goes as text, refused there.
        if ((!utf8.isEmpty() && std::memchr(utf8.data(), 0, size_t(utf8.size())))
            || utf8.size() > 0x3fffffff)
            return false;
        appendLength(qint32(utf8.size()));
        m_row.append(utf8.data(), size_t(utf8.size()));
        return true;
    case Type::Uuid: {
        char bytes[16];
        if (!uuidBytes(utf8, bytes))
            return false;
        appendLength(16);
        m_row.append(bytes, 16);
        return true;
    }
    default:
        return false;
    }
}

bool BinaryCopyRow::addBool(bool value)
{
    if (m_field >= m_types.size())
        return false;
    switch (next()) {
    case Type::Bool:
        appendLength(1);
        m_row.push_back(char(value ? 1 : 0));
        return true;
    case Type::Text: // the text COPY's t or f
        return addText(value ? "t" : "f");
    default:
        return false;
    }
}

bool BinaryCopyRow::addInteger(qint64 value)
{
    if (m_field >= m_types.size())
        return false;
    // The value big-endian in the column's width, when it fits.
    const auto put = [&](auto width) {
        using Int = decltype(width);
        if (value < std::numeric_limits<Int>::min() || value > std::numeric_limits<Int>::max())
            return false;
        const auto big = qToBigEndian(std::make_unsigned_t<Int>(Int(value)));
        appendLength(qint32(sizeof big));
        m_row.append(reinterpret_cast<const char *>(&big), sizeof big);
        return true;
    };
    switch (next()) {
    case Type::Int2:
        return put(qint16());
    case Type::Int4:
        return put(qint32());
    case Type::Int8:
        return put(qint64());
    case Type::Text: // the text COPY's decimal
        return addText(QByteArray::number(value));
    default:
        return false;
    }
}

} // namespace mcphub
