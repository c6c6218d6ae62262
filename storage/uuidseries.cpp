#include "storage/uuidseries.h"

#include <QRandomGenerator>
#include <QUuid>

#include <openssl/evp.h>

#include <algorithm>
#include <cstring>
#include <limits>

namespace mcphub {

namespace {

// Fetched once, as Sha256 does its algorithm (EVP_aes_128_ctr() is looked up again at each
// initialisation in OpenSSL 3).
const EVP_CIPHER *aes128Ctr()
{
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
    static EVP_CIPHER *const cipher = EVP_CIPHER_fetch(nullptr, "AES-128-CTR", nullptr);
    return cipher ? cipher : EVP_aes_128_ctr();
#else
    return EVP_aes_128_ctr();
#endif
}

// CTR mode over zero bytes, its counter starting at `from`: the blocks AES(key, from),
// AES(key, from + 1)... (the counter is the whole 128-bit block, big-endian).
EVP_CIPHER_CTX *counterCipher(const uchar *key, quint64 from)
{
    uchar counter[16] = {};
    for (int i = 0; i < 8; ++i)
        counter[15 - i] = uchar(from >> (8 * i));
    EVP_CIPHER_CTX *context = EVP_CIPHER_CTX_new();
    if (context && EVP_EncryptInit_ex(context, aes128Ctr(), nullptr, key, counter) == 1)
        return context;
    EVP_CIPHER_CTX_free(context);
    return nullptr;
}

bool keystream(EVP_CIPHER_CTX *context, uchar *out, int size)
{
    std::memset(out, 0, size_t(size));
    int written = 0;
    return EVP_EncryptUpdate(context, out, &written, out, size) == 1 && written == size;
}

// A block as a version 4 uuid's text (36 characters), its version and variant bits set.
template<typename Char>
void format(const uchar *block, Char *out)
{
    static constexpr char kHex[] = "0123456789abcdef";
    for (int i = 0; i < 16; ++i) {
        uchar byte = block[i];
        if (i == 6)
            byte = uchar((byte & 0x0f) | 0x40); // version 4
        else if (i == 8)
            byte = uchar((byte & 0x3f) | 0x80); // RFC 4122 variant
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *out++ = Char(char16_t('-'));
        *out++ = Char(char16_t(kHex[byte >> 4]));
        *out++ = Char(char16_t(kHex[byte & 0x0f]));
    }
}

constexpr qsizetype kPool = 4096; // 256 uuids

} // namespace

struct UuidSeries::Cipher
{
    EVP_CIPHER_CTX *context = nullptr;
    ~Cipher() { EVP_CIPHER_CTX_free(context); }
};

UuidSeries::UuidSeries()
    : m_key(16, Qt::Uninitialized)
    , m_cipher(std::make_unique<Cipher>())
    , m_pool(kPool, Qt::Uninitialized)
    , m_used(kPool)
{
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(m_key.data()),
                                         reinterpret_cast<quint32 *>(m_key.data() + 16));
    m_cipher->context = counterCipher(reinterpret_cast<const uchar *>(m_key.constData()), 0);
}

UuidSeries::~UuidSeries() = default;

QByteArray UuidSeries::key() const
{
    return m_key.toHex();
}

QString UuidSeries::next(qint64 *index)
{
    // Formatted straight into the string (through QUuid it cost 600 instructions a uuid).
    QString text(36, Qt::Uninitialized);
    if (m_used == kPool && m_cipher->context
        && keystream(m_cipher->context, reinterpret_cast<uchar *>(m_pool.data()), int(kPool)))
        m_used = 0;
    if (m_used == kPool) { // the cipher failed: a uuid of its own, outside the series
        EVP_CIPHER_CTX_free(m_cipher->context);
        m_cipher->context = nullptr;
        *index = -1;
        return QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    format(reinterpret_cast<const uchar *>(m_pool.constData() + m_used), text.data());
    m_used += 16;
    *index = m_next++;
    return text;
}

bool UuidSeries::make(QByteArrayView hexKey,
                      quint64 from,
                      quint64 count,
                      std::vector<std::string> *out)
{
    const QByteArray key = QByteArray::fromHex(hexKey.toByteArray());
    if (hexKey.size() != 32 || key.size() != 16 || key.toHex() != hexKey.toByteArray().toLower())
        return false;
    Cipher cipher{counterCipher(reinterpret_cast<const uchar *>(key.constData()), from)};
    if (!cipher.context || from > std::numeric_limits<quint64>::max() - count)
        return false;
    const size_t first = out->size();
    uchar pool[kPool];
    while (count > 0) {
        const quint64 blocks = std::min<quint64>(count, kPool / 16);
        if (!keystream(cipher.context, pool, int(blocks * 16))) {
            out->resize(first);
            return false;
        }
        for (quint64 b = 0; b < blocks; ++b) {
            std::string &text = out->emplace_back(36, '\0');
            format(pool + b * 16, text.data());
        }
        count -= blocks;
    }
    return true;
}

} // namespace mcphub
