#include "storage/nametext.h"

namespace mcphub {

namespace {

QString escape(char32_t cp)
{
    switch (cp) {
    case U'\n':
        return QStringLiteral("\\n");
    case U'\r':
        return QStringLiteral("\\r");
    case U'\t':
        return QStringLiteral("\\t");
    default:
        break;
    }
    if (cp <= 0xFFFF)
        return QStringLiteral("\\u%1").arg(uint(cp), 4, 16, QLatin1Char('0'));
    return QStringLiteral("\\U%1").arg(uint(cp), 8, 16, QLatin1Char('0'));
}

// The code point starting at text[i]; `length` gets 1 or 2. A lone surrogate is itself.
char32_t codePointAt(const QString &text, qsizetype i, qsizetype &length)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        length = 2;
        return QChar::surrogateToUcs4(c, text.at(i + 1));
    }
    length = 1;
    return c.unicode();
}

} // namespace

bool NameText::isHidden(char32_t codePoint)
{
    switch (QChar::category(codePoint)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate: // a lone half of a pair
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return false;
    }
}

QString NameText::problem(const QString &name)
{
    qsizetype position = 0;
    for (qsizetype i = 0, length = 1; i < name.size(); i += length) {
        const char32_t cp = codePointAt(name, i, length);
        ++position;
        if (isHidden(cp)) {
            return tr("The name holds the invisible or control character %1 (character %2), "
                      "which could make it look like another name in a list. Names must not hold "
                      "line breaks, control or formatting characters.")
                .arg(escape(cp), QString::number(position));
        }
    }
    return {};
}

QString NameText::forDisplay(const QString &text)
{
    QString out;
    qsizetype copiedUpTo = 0;
    bool escaped = false;
    for (qsizetype i = 0, length = 1; i < text.size(); i += length) {
        const char32_t cp = codePointAt(text, i, length);
        if (!isHidden(cp))
            continue;
        out += QStringView(text).mid(copiedUpTo, i - copiedUpTo);
        out += escape(cp);
        copiedUpTo = i + length;
        escaped = true;
    }
    if (!escaped)
        return text;
    out += QStringView(text).mid(copiedUpTo);
    return out;
}

} // namespace mcphub
