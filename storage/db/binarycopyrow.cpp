#include "storage/db/binarycopyrow.h"

#include <QtEndian>

#include <cstring>
#include <limits>
#include <type_traits>

namespace mcphub {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// A uuid written 8-4-4-4-12 or as 32 hex digits (either case) as its 16 bytes; false for any
// other text (PostgreSQL's uuid_in reads a few more forms: those rows go as text).
bool uuidBytes(QByteArrayView text, char out[16])
{
    const bool dashed = text.size() == 36;
    if (!dashed && text.size() != 32)
        return false;
    int at = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (dashed && (i == 8 || i == 13 || i == 18 || i == 23)) {
            if (text[i] != '-')
                return false;
            continue;
        }
        const int high = hexValue(text[i]);
        const int low = ++i < text.size() ? hexValue(text[i]) : -1;
        if (high < 0 || low < 0)
            return false;
        out[at++] = char(high << 4 | low);
    }
    return at == 16;
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
        m_row.append(utf8);
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
        m_row.append(char(value ? 1 : 0));
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
        m_row.append(reinterpret_cast<const char *>(&big), qsizetype(sizeof big));
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
