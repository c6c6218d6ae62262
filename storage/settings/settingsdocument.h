#pragma once

#include "storage/result.h"
#include "storage/settings/jsonsourcemap.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

#include <memory>
#include <vector>

namespace mcphub {

// Counts shown beside a settings file or backup ("12 servers, 3 users, 2 groups").
struct SettingsSummary
{
    int servers = 0;
    int users = 0;
    int groups = 0;
};

// One MCPHub settings file in memory: the JSON (key order and unknown keys preserved, as
// nlohmann::ordered_json), the text it came from, and where each value sits in that text.
// Edit json() in place; SettingsFileStore saves it. A value type: copies are independent
// (the position index is shared, immutable). Not thread-safe; use one copy per thread.
class SettingsDocument
{
    Q_DECLARE_TR_FUNCTIONS(SettingsDocument)

public:
    using Json = nlohmann::ordered_json;

    // What the file looked like on disk when the document was loaded or last saved; the store
    // compares it with the disk to detect changes made by others (MCPHub rewrites the file).
    struct DiskState
    {
        bool exists = false;
        qint64 size = -1;
        QDateTime modified;
    };

    SettingsDocument(); // {"mcpServers": {}}

    // Parses settings text. Rejects, with line:column and the text around the place: empty
    // text, a byte order mark (MCPHub's JSON.parse fails on it), bytes that are not UTF-8
    // (Node would silently replace them), a NUL byte, nesting deeper than
    // JsonLimits::kMaxDepth (also naming the JSON pointer), a number beyond the double range,
    // and anything that is not one JSON value.
    // `sourceName` names the text in errors (usually the file path).
    static Result<SettingsDocument> parse(const QByteArray &text, const QString &sourceName = {});
    // A document built in memory (for example by the migrator), with no source text.
    static SettingsDocument fromJson(Json root);

    const Json &json() const { return m_root; }
    Json &json() { return m_root; }

    // The file the document belongs to; SettingsFileStore::load sets it, save writes there.
    QString path() const { return m_path; }
    void setPath(const QString &path) { m_path = path; }

    // The text as loaded or last saved (empty for documents built in memory).
    const QByteArray &sourceText() const { return m_source; }
    const DiskState &diskState() const { return m_disk; }
    // Where a source text comes from: a file as found, or McpHubJsonWriter (which cannot
    // produce duplicate keys, so they need no search).
    enum class SourceOrigin { File, Writer };
    // Called by SettingsFileStore after a load or a save: the text now on disk.
    void setSource(const QByteArray &text, const DiskState &disk, SourceOrigin origin);

    // Line:column in sourceText() where the value at `pointer` starts. For a value the text
    // lacks (added since, or a missing required key) the nearest ancestor that it has.
    SourcePosition position(const QString &pointer) const;
    // Line:column of a byte offset in sourceText().
    SourcePosition positionAt(qsizetype offset) const;
    // Keys that appear twice in one object of the source text; the parser kept the last.
    const std::vector<JsonSourceMap::DuplicateKey> &duplicateKeys() const;
    // Numbers of the source text whose value changes when read as a double (1e-400 -> 0).
    const std::vector<JsonSourceMap::RoundedNumber> &roundedNumbers() const;

    // The text MCPHub would write for this document (JSON.stringify(value, null, 2)).
    QByteArray toMcpHubJson() const;
    SettingsSummary summary() const;

private:
    const JsonSourceMap &sourceMap() const;
    const JsonSourceMap::TextFacts &textFacts() const;

    Json m_root;
    QString m_path;
    QByteArray m_source;
    DiskState m_disk;
    SourceOrigin m_origin = SourceOrigin::File;
    // Both found on first use, then shared by copies (immutable).
    mutable std::shared_ptr<const JsonSourceMap> m_map;
    mutable std::shared_ptr<const JsonSourceMap::TextFacts> m_facts;
};

} // namespace mcphub
