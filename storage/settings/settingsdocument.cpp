#include "storage/settings/settingsdocument.h"

#include "storage/settings/jsonlimits.h"
#include "storage/settings/jsonlinearparse.h"
#include "storage/settings/jsonpointer.h"
#include "storage/settings/mcphubjsonwriter.h"
#include "storage/settings/utf8.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

namespace mcphub {

namespace {

// About 24 bytes either side of `offset`, cut at character boundaries and shown with
// escapes, so a parse error can say what is there: `"b": 2,\n  ]` for a trailing comma.
QString excerpt(const QByteArray &text, qsizetype offset)
{
    auto boundary = [&](qsizetype i) {
        while (i > 0 && i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
            --i;
        return i;
    };
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    const qsizetype begin = boundary(std::max<qsizetype>(0, offset - 24));
    const qsizetype end = boundary(std::min<qsizetype>(text.size(), offset + 24));
    auto show = [&](qsizetype from, qsizetype to) {
        QString out;
        QByteArrayView bytes(text.constData() + from, to - from);
        if (bytes.startsWith("\xEF\xBB\xBF")) { // a BOM, which QString::fromUtf8 would drop
            out += QLatin1String("\\ufeff");
            bytes = bytes.sliced(3);
        }
        for (const QChar c : QString::fromUtf8(bytes)) {
            if (c == QLatin1Char('\n'))
                out += QLatin1String("\\n");
            else if (c == QLatin1Char('\r'))
                out += QLatin1String("\\r");
            else if (c == QLatin1Char('\t'))
                out += QLatin1String("\\t");
            else if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
        return out;
    };
    return QStringLiteral("text around it: \"%1%2\" >>> \"%3%4\"")
        .arg(begin > 0 ? QStringLiteral("...") : QString(),
             show(begin, offset),
             show(offset, end),
             end < text.size() ? QStringLiteral("...") : QString());
}

QString place(const QString &sourceName, const SourcePosition &position)
{
    const QString lineColumn = QStringLiteral("%1:%2").arg(position.line).arg(position.column);
    return sourceName.isEmpty() ? lineColumn : sourceName + QLatin1Char(':') + lineColumn;
}

// nlohmann reports an overflowing number without a position; find the first one.
qsizetype findOverflowingNumber(const QByteArray &text)
{
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            qsizetype end = i;
            while (end < text.size() && QByteArrayView("+-.eE0123456789").contains(text[end]))
                ++end;
            const std::string number(text.constData() + i, size_t(end - i));
            if (std::isinf(std::strtod(number.c_str(), nullptr)))
                return i;
            i = end - 1;
        }
    }
    return 0;
}

} // namespace

SettingsDocument::SettingsDocument()
    : m_root(Json::object({{"mcpServers", Json::object()}}))
{}

Result<SettingsDocument> SettingsDocument::parse(const QByteArray &text, const QString &sourceName)
{
    auto failure = [&](qsizetype offset, const QString &message, const QString &reason) {
        const QString detail = reason.isEmpty()
                                   ? excerpt(text, offset)
                                   : reason + QStringLiteral("; ") + excerpt(text, offset);
        return Error::make(Error::Code::Parse,
                           message,
                           place(sourceName, JsonSourceMap::positionIn(text, offset)),
                           detail);
    };

    // A view: QByteArray::trimmed() copies the whole text when it ends with a newline.
    if (QByteArrayView(text).trimmed().isEmpty()) {
        return Error::make(Error::Code::Parse,
                           tr("The file is empty. MCPHub cannot read it and would start with no "
                              "servers and a new admin user. Restore a backup, or write at least "
                              "{\"mcpServers\": {}}."),
                           place(sourceName, {1, 1}));
    }
    if (text.startsWith("\xEF\xBB\xBF")) {
        return failure(0,
                       tr("The file starts with a byte order mark (BOM), which MCPHub's JSON "
                          "reader rejects. Save the file as UTF-8 without a BOM."),
                       {});
    }
    // Most files are valid, and simdjson, reading one, finds what the checks below look for:
    // text that is not UTF-8, nesting deeper than JsonLimits::kMaxDepth (the depth of what it
    // read). A NUL byte is looked for apart (memchr: a fraction of a full scan). Only a file
    // it refuses goes through the checks, for the error and its place: they took ~40 ms of a
    // 10 MB file's parse.
    std::optional<Json> read;
    LinearParseSeen seen;
    if (!std::memchr(text.constData(), 0, size_t(text.size()))) {
        // The bytes a reader such as Migrator's kept allocated after the text's end.
        read = parseJsonLinear(text.constData(),
                               text.constData() + text.size(),
                               &seen,
                               LinearReader::Simdjson,
                               size_t(text.capacity() - text.size()));
        if (read && seen.depth > JsonLimits::kMaxDepth)
            read.reset();
    }
    const qsizetype invalid
        = read ? -1 : qsizetype(utf8::firstInvalid(text.constData(), text.size()));
    if (invalid >= 0) {
        return failure(invalid,
                       tr("The file is not valid UTF-8 (byte 0x%1). MCPHub would replace such "
                          "bytes and lose the characters. Convert the file to UTF-8, for example "
                          "with iconv, then check the text.")
                           .arg(QString::number(static_cast<unsigned char>(text[invalid]), 16)
                                    .toUpper()
                                    .rightJustified(2, QLatin1Char('0'))),
                       {});
    }

    // Before the parser: nlohmann ends its input at a NUL byte (so whatever follows one would
    // be dropped silently), and the code that walks the parsed tree recurses once per level.
    if (const auto violation
        = read ? std::nullopt : JsonLimits::check(text.constData(), text.size())) {
        if (violation->kind == JsonLimits::Violation::Kind::NulByte) {
            return failure(violation->offset,
                           tr("The file holds a NUL byte (0x00), which JSON does not allow "
                              "anywhere (inside a string it is written \\u0000). The file is "
                              "probably damaged; remove the byte or restore a backup."),
                           {});
        }
        QString pointer = QString::fromStdString(JsonSourceMap::pointerAt(text, violation->offset));
        if (pointer.size() > 120)
            pointer = pointer.left(100) + QStringLiteral("/...");
        return failure(violation->offset,
                       tr("Arrays and objects are nested more than %1 levels deep here (at %2). "
                          "No MCPHub setting needs that; the console refuses such files to stay "
                          "safe from them. Remove the nesting.")
                           .arg(QString::number(JsonLimits::kMaxDepth),
                                pointer.isEmpty() ? QStringLiteral("/") : pointer),
                       {});
    }

    SettingsDocument document;
    try {
        // Here simdjson has refused the text already (or found it nested too deep, which the
        // check above refuses): nlohmann's reading alone, for its value or its error.
        if (!read)
            read = parseJsonLinear(
                text.constData(), text.constData() + text.size(), &seen, LinearReader::Nlohmann);
        if (auto &root = read) {
            document.m_root = std::move(*root);
            // Neither a key given twice nor a number that reading can change: the text says
            // nothing the tree does not, and textFacts() need not scan it (~40 ms for 10 MB).
            if (!seen.duplicateKey && !seen.floatingNumber)
                document.m_facts = std::make_shared<const JsonSourceMap::TextFacts>();
        } else { // for the error and its place
            document.m_root = Json::parse(text.constData(), text.constData() + text.size());
        }
    } catch (const Json::parse_error &e) {
        const qsizetype offset = std::max<qsizetype>(0, qsizetype(e.byte) - 1);
        QString reason = QString::fromUtf8(e.what());
        // "[json.exception.parse_error.101] parse error at line 1, column 6: syntax error ..."
        const qsizetype colon = reason.indexOf(QLatin1String(": "));
        if (colon >= 0)
            reason = reason.mid(colon + 2);
        QString message;
        qsizetype before = offset - 1;
        while (before >= 0 && QByteArrayView(" \t\r\n").contains(text[before]))
            --before;
        const char at = offset < text.size() ? text[offset] : '\0';
        if (offset >= text.size() || reason.contains(QLatin1String("unexpected end of input"))) {
            message = tr("The file ends in the middle of the JSON; it may have been cut off by "
                         "an interrupted write. Restore a backup, or complete the file.");
        } else if ((at == '}' || at == ']') && before >= 0 && text[before] == ',') {
            message = tr("A comma comes before \"%1\": JSON does not allow trailing commas. "
                         "Remove the comma.")
                          .arg(QLatin1Char(at));
        } else if (reason.contains(QLatin1String("expected end of input"))) {
            message = tr("There is more text after the end of the JSON document. Remove it.");
        } else if (reason.contains(QLatin1String("surrogate"))) {
            message = tr("A \\u escape holds half of a UTF-16 surrogate pair, which the console "
                         "cannot keep. Write the whole character instead.");
        } else {
            message = tr("The file is not valid JSON here. Correct the syntax (JSON has no "
                         "comments, single quotes or trailing commas).");
        }
        return failure(offset, message, reason);
    } catch (const Json::exception &e) {
        // out_of_range.406: a number beyond the double range (JavaScript reads it as Infinity
        // and writes it back as null).
        return failure(findOverflowingNumber(text),
                       tr("A number is too large to represent; MCPHub would turn it into null. "
                          "Correct the number."),
                       QString::fromUtf8(e.what()));
    }
    document.m_source = text;
    return document;
}

SettingsDocument SettingsDocument::fromJson(Json root)
{
    SettingsDocument document;
    document.m_root = std::move(root);
    return document;
}

void SettingsDocument::setSource(const QByteArray &text, const DiskState &disk, SourceOrigin origin)
{
    if (text.constData() != m_source.constData() || text.size() != m_source.size()) {
        m_map.reset();
        m_facts.reset();
    }
    m_source = text;
    m_disk = disk;
    m_origin = origin;
}

const JsonSourceMap &SettingsDocument::sourceMap() const
{
    if (!m_map)
        m_map = std::make_shared<const JsonSourceMap>(JsonSourceMap::build(m_source));
    return *m_map;
}

SourcePosition SettingsDocument::position(const QString &pointer) const
{
    if (m_source.isEmpty())
        return {};
    const JsonSourceMap &map = sourceMap();
    QString current = pointer;
    for (;;) {
        if (const auto offset = map.valueOffset(current.toStdString()))
            return map.position(*offset);
        if (current.isEmpty())
            return {};
        current = JsonPointer::parent(current);
    }
}

SourcePosition SettingsDocument::positionAt(qsizetype offset) const
{
    return m_source.isEmpty() ? SourcePosition() : sourceMap().position(offset);
}

const JsonSourceMap::TextFacts &SettingsDocument::textFacts() const
{
    static const JsonSourceMap::TextFacts none;
    // The writer's text has no duplicate keys, and its numbers are what it read.
    if (m_source.isEmpty() || m_origin == SourceOrigin::Writer)
        return none;
    if (m_map)
        return m_map->textFacts();
    // Every validation asks; the full position index is only needed when something is found.
    if (!m_facts)
        m_facts = std::make_shared<const JsonSourceMap::TextFacts>(JsonSourceMap::scan(m_source));
    return *m_facts;
}

const std::vector<JsonSourceMap::DuplicateKey> &SettingsDocument::duplicateKeys() const
{
    return textFacts().duplicates;
}

const std::vector<JsonSourceMap::RoundedNumber> &SettingsDocument::roundedNumbers() const
{
    return textFacts().roundedNumbers;
}

QByteArray SettingsDocument::toMcpHubJson() const
{
    return McpHubJsonWriter::write(m_root);
}

SettingsSummary SettingsDocument::summary() const
{
    SettingsSummary summary;
    if (!m_root.is_object())
        return summary;
    auto count = [&](const char *key) {
        const auto it = m_root.find(key);
        return it != m_root.end() && (it->is_object() || it->is_array()) ? int(it->size()) : 0;
    };
    summary.servers = count("mcpServers");
    summary.users = count("users");
    summary.groups = count("groups");
    return summary;
}

} // namespace mcphub
