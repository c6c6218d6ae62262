#pragma once

#include <QCoreApplication>
#include <QString>

namespace mcphub {

// The one rule for the names people give users and servers, and how any name (or other text
// from a file or a database) is shown on a terminal or in a list: control characters (line
// breaks, ESC, DEL, C1), invisible format characters (bidirectional overrides such as U+202E,
// zero-width characters, a byte order mark) and line separators could make one name look like
// another or spoof the lines around it. New names must not hold them; existing ones are shown
// escaped. Thread-safe.
class NameText
{
    Q_DECLARE_TR_FUNCTIONS(NameText)

public:
    // Why `name` cannot be a new name (translated, naming the character and its place), or an
    // empty string when it can. Emptiness is the caller's rule.
    static QString problem(const QString &name);

    // `text` with every such character written as an escape (\n, \r, \t, \u202e, \U000e0001),
    // everything else unchanged.
    static QString forDisplay(const QString &text);

    // Whether the code point is one of those characters.
    static bool isHidden(char32_t codePoint);
};

} // namespace mcphub
