#include "storage/passwordpolicy.h"

#include <QCoreApplication>

#include <algorithm>

namespace mcphub {

QStringList PasswordPolicy::problems(const QString &password)
{
    QStringList found;
    if (password.size() < 8)
        found << QCoreApplication::translate("PasswordPolicy", "It has fewer than 8 characters.");
    const auto has = [&](auto predicate) {
        return std::any_of(password.cbegin(), password.cend(), predicate);
    };
    if (!has([](QChar c) { return c.isLetter(); }))
        found << QCoreApplication::translate("PasswordPolicy", "It has no letter.");
    if (!has([](QChar c) { return c.isDigit(); }))
        found << QCoreApplication::translate("PasswordPolicy", "It has no digit.");
    if (!has([](QChar c) { return !c.isLetterOrNumber() && !c.isSpace(); }))
        found << QCoreApplication::translate("PasswordPolicy", "It has no special character.");
    return found;
}

} // namespace mcphub
