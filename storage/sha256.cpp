#include "storage/sha256.h"

#include <openssl/evp.h>

namespace mcphub {

namespace {

// The algorithm fetched once. EVP_sha256() makes EVP_DigestInit_ex fetch it from the
// provider again at every initialisation (OpenSSL 3: a lock and a property query), which
// cost more than hashing a row's few hundred bytes: a third of a migration's row digests.
const EVP_MD *sha256Algorithm()
{
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
    // Kept for the process's life (never freed: threads may hash until exit).
    static EVP_MD *const algorithm = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return algorithm ? algorithm : EVP_sha256();
#else
    return EVP_sha256(); // OpenSSL 1.1 looks nothing up
#endif
}

} // namespace

struct Sha256::Context
{
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(md); }
};

Sha256::Sha256()
    : m_context(std::make_unique<Context>())
{
    EVP_DigestInit_ex(m_context->md, sha256Algorithm(), nullptr);
}

Sha256::~Sha256() = default;

void Sha256::addData(QByteArrayView data)
{
    EVP_DigestUpdate(m_context->md, data.data(), size_t(data.size()));
}

QByteArray Sha256::result()
{
    QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int size = 0;
    EVP_DigestFinal_ex(m_context->md, reinterpret_cast<unsigned char *>(digest.data()), &size);
    digest.resize(int(size));
    return digest;
}

QByteArray Sha256::hex(QByteArrayView data)
{
    QByteArray out;
    appendHex(data, &out);
    return out;
}

void Sha256::appendHex(QByteArrayView data, QByteArray *out)
{
    struct Reused
    {
        EVP_MD_CTX *md = EVP_MD_CTX_new();
        ~Reused() { EVP_MD_CTX_free(md); }
    };
    thread_local Reused context;
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_DigestInit_ex(context.md, sha256Algorithm(), nullptr);
    EVP_DigestUpdate(context.md, data.data(), size_t(data.size()));
    EVP_DigestFinal_ex(context.md, digest, &size);
    // Written here rather than through QByteArray::toHex, which allocates a result per call.
    static constexpr char kDigits[] = "0123456789abcdef";
    const qsizetype at = out->size();
    out->resize(at + 2 * qsizetype(size));
    char *hex = out->data() + at;
    for (unsigned int i = 0; i < size; ++i) {
        *hex++ = kDigits[digest[i] >> 4];
        *hex++ = kDigits[digest[i] & 0x0f];
    }
}

} // namespace mcphub
