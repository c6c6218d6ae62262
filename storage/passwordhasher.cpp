#include "storage/passwordhasher.h"

#include <QRegularExpression>

#include <crypt.h>

#include <cstring>
#include <memory>

namespace mcphub {

Result<QString> PasswordHasher::hash(const QString &password, int cost)
{
    if (cost < kMinCost || cost > kMaxCost) {
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate("PasswordHasher",
                                                       "The bcrypt cost must be between %1 and %2.")
                               .arg(kMinCost)
                               .arg(kMaxCost),
                           QStringLiteral("cost"),
                           QString::number(cost));
    }
    const QByteArray utf8 = password.toUtf8();
    // bcrypt reads at most 72 bytes; bcryptjs and native bcrypt truncate the same way, so
    // longer passwords stay compatible, but say so rather than silently weaken them.
    if (utf8.size() > 72) {
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate(
                               "PasswordHasher",
                               "The password is longer than 72 bytes, which bcrypt ignores "
                               "beyond. Choose a shorter password."),
                           QStringLiteral("password"));
    }
    char setting[CRYPT_GENSALT_OUTPUT_SIZE];
    // NULL random bytes: libxcrypt takes them from the OS (getentropy).
    if (!crypt_gensalt_rn(
            "$2b$", static_cast<unsigned long>(cost), nullptr, 0, setting, sizeof setting)) {
        return Error::make(Error::Code::Generic,
                           QCoreApplication::translate("PasswordHasher",
                                                       "The system could not make a bcrypt salt."),
                           {},
                           QString::fromLocal8Bit(std::strerror(errno)));
    }
    auto data = std::make_unique<crypt_data>();
    std::memset(data.get(), 0, sizeof(crypt_data));
    const char *hashed = crypt_r(utf8.constData(), setting, data.get());
    if (!hashed || hashed[0] == '*') {
        return Error::make(
            Error::Code::Generic,
            QCoreApplication::translate("PasswordHasher",
                                        "The system could not hash the password with bcrypt."),
            {},
            QString::fromLocal8Bit(std::strerror(errno)));
    }
    return QString::fromLatin1(hashed);
}

bool PasswordHasher::verify(const QString &password, const QString &hash)
{
    if (!isBcryptHash(hash))
        return false;
    const QByteArray expected = hash.toLatin1();
    auto data = std::make_unique<crypt_data>();
    std::memset(data.get(), 0, sizeof(crypt_data));
    const char *computed = crypt_r(password.toUtf8().constData(), expected.constData(), data.get());
    if (!computed || std::strlen(computed) != size_t(expected.size()))
        return false;
    // Constant-time comparison: the time taken does not depend on where they differ.
    unsigned char diff = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        diff |= static_cast<unsigned char>(computed[i] ^ expected[i]);
    return diff == 0;
}

bool PasswordHasher::isBcryptHash(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}$"));
    return pattern.match(text).hasMatch();
}

} // namespace mcphub
