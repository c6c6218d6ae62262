#pragma once

#include <QString>
#include <QStringList>

#include <string>

namespace mcphub {

// RFC 6901 JSON pointers ("/mcpServers/fetch/url"), the way every finding and error names a
// place inside a settings file. "" is the whole document.
namespace JsonPointer {

// "/a~1b" + "c/d" -> "/a~1b/c~1d": escapes "~" as "~0" and "/" as "~1".
QString append(const QString &pointer, const QString &token);
std::string append(const std::string &pointer, const std::string &token);
QString append(const QString &pointer, qsizetype index);

// "/a~1b/c" -> {"a/b", "c"}; "" -> {}.
QStringList tokens(const QString &pointer);

// The pointer one level up ("/a/b" -> "/a", "/a" -> ""); "" stays "".
QString parent(const QString &pointer);

// For messages: the pointer, or "(root)" for the whole document.
QString display(const QString &pointer);

} // namespace JsonPointer
} // namespace mcphub
