#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace mcphub {

// Random (version 4) uuids made as a series: the n-th is AES-128 of the block n under a key
// drawn for the series from the system's CSPRNG, its version and variant bits then set. To
// whoever lacks the key they are as unpredictable as uuids drawn one by one, and the series
// can be written down as its key and the indexes used: a run into MCPHub's database that adds
// 60,000 rows records about a hundred bytes where their ids took 2.4 MB, and its rollback
// makes the ids again (HubSettings::CreatedRows).
class UuidSeries
{
public:
    UuidSeries(); // a new key
    ~UuidSeries();
    UuidSeries(const UuidSeries &) = delete;
    UuidSeries &operator=(const UuidSeries &) = delete;

    // The key as 32 lowercase hex digits.
    QByteArray key() const;
    // The next uuid as text (36 characters, lowercase). `index` receives its place in the
    // series, or -1 when the cipher failed and the uuid was drawn by itself instead.
    QString next(qint64 *index);
    // The uuids [from, from + count) of the series of `hexKey`, as text, appended to `out`;
    // false when the key is not 32 hex digits or the cipher fails (nothing appended then).
    static bool
    make(QByteArrayView hexKey, quint64 from, quint64 count, std::vector<std::string> *out);

private:
    struct Cipher;
    QByteArray m_key; // 16 bytes
    std::unique_ptr<Cipher> m_cipher;
    QByteArray m_pool; // keystream not handed out yet
    qsizetype m_used = 0;
    qint64 m_next = 0;
};

} // namespace mcphub
