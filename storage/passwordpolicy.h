#pragma once

#include <QString>
#include <QStringList>

namespace mcphub {

// MCPHub's password rule for create, update and change-password (reference §1.3): at least
// 8 characters with a letter, a digit and a special character. The console treats a breach
// as a warning an administrator may override, not as an error.
class PasswordPolicy
{
public:
    // Translated reasons the password breaks MCPHub's rule; empty when it complies.
    static QStringList problems(const QString &password);
};

} // namespace mcphub
