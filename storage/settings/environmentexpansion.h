#pragma once

#include <QString>

namespace mcphub {

// MCPHub's environment-variable expansion (reference §1, "Environment-variable expansion"):
// when a server's command, args, env, url, headers or OpenAPI values are used, `${VAR}` and
// `$VAR` with VAR matching [A-Z_][A-Z0-9_]* are replaced by the variable's value (an unknown
// one by ""), and the result is trimmed. The console stores such values as written; it
// checks what it can of the rest of the value.
namespace EnvironmentExpansion {

// Whether `text` holds at least one placeholder MCPHub replaces.
bool hasPlaceholder(const QString &text);
// Whether `text`, trimmed, is nothing but placeholders (and so cannot be checked at all).
bool onlyPlaceholders(const QString &text);
// `text` with every placeholder replaced by `sample` (as MCPHub would with that value).
QString withSample(const QString &text, const QString &sample);

} // namespace EnvironmentExpansion

} // namespace mcphub
