#pragma once

#include "storage/result.h"

#include <QString>

namespace mcphub {

// bcrypt password hashes compatible with MCPHub (bcryptjs in file mode, native bcrypt in
// database mode) in both directions, through libxcrypt's crypt_gensalt_rn/crypt_r.
// Thread-safe: no shared state.
class PasswordHasher
{
public:
    static constexpr int kDefaultCost = 10; // MCPHub's own
    static constexpr int kMinCost = 10;
    static constexpr int kMaxCost = 14;

    // A new "$2b$<cost>$..." hash (60 characters) with a fresh random salt.
    static Result<QString> hash(const QString &password, int cost = kDefaultCost);

    // True when `password` matches `hash` ($2a$, $2b$ or $2y$). A malformed hash is false.
    static bool verify(const QString &password, const QString &hash);

    // True for a well-formed bcrypt hash: $2a$/$2b$/$2y$, two-digit cost 04-31, 53 characters
    // of bcrypt's base64 alphabet.
    static bool isBcryptHash(const QString &text);
};

} // namespace mcphub
