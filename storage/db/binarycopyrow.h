#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <string>
#include <vector>

namespace mcphub {

// One row in the binary format of PostgreSQL's COPY (BulkInserter::appendBinaryRow), built
// from the values a text COPY line would hold: each value is put in its column type's binary
// form only where that form stores exactly what the text would (a text as its bytes, a
// canonical uuid as its 16 bytes, a boolean, an integer within the column's range). A value
// with no such form (a string for a boolean column, a number beyond an integer column, a text
// holding a NUL byte) makes add...() return false: the caller writes the row as text, where
// the server reads or refuses it as it always did. The column types are those PostgreSQL's
// format_type() names; a table with a column of another type has no binary rows.
class BinaryCopyRow
{
public:
    enum class Type : char { Uuid, Text, Bool, Int2, Int4, Int8 };

    // The binary type of each column, by format_type() name; false when one has none.
    static bool typesOf(const std::vector<QString> &typeNames, std::vector<Type> *types);

    explicit BinaryCopyRow(std::vector<Type> types);

    void begin(); // a new row: its field count
    bool addNull();
    bool addText(QByteArrayView utf8);
    bool addBool(bool value);
    bool addInteger(qint64 value);
    // The row, once every column got a field.
    QByteArrayView row() const { return QByteArrayView(m_row.data(), qsizetype(m_row.size())); }

private:
    void appendLength(qint32 length);
    const Type &next() const { return m_types[m_field]; }

    std::vector<Type> m_types;
    size_t m_field = 0;
    // A std::string: its appends are inlined (QByteArray's each cost ten times as much).
    std::string m_row;
};

} // namespace mcphub
