#include "storage/migration/logimport.h"

#include "storage/settings/jsonlimits.h"

#include "storage/migration/migrator.h"

#include "storage/db/bulkinserter.h"
#include "storage/db/bulkreader.h"
#include "storage/db/sqldialect.h"
#include "storage/db/sqlerror.h"
#include "storage/sha256.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <string_view>

namespace mcphub {

namespace {

enum class Type { Text, Timestamp, Bool, Int, Json };

struct Column
{
    const char *name;
    Type type;
    bool required;
};

const QList<Column> &usageColumns()
{
    static const QList<Column> columns{{"timestamp", Type::Timestamp, true},
                                       {"username", Type::Text, false},
                                       {"server_name", Type::Text, true},
                                       {"tool_name", Type::Text, true},
                                       {"success", Type::Bool, true},
                                       {"arguments", Type::Json, false},
                                       {"error_message", Type::Text, false},
                                       {"duration", Type::Int, false},
                                       {"ip", Type::Text, false},
                                       {"user_agent", Type::Text, false},
                                       {"session_id", Type::Text, false},
                                       {"hub_name", Type::Text, false},
                                       {"hub_activity_id", Type::Text, false}};
    return columns;
}

const QList<Column> &accessColumns()
{
    static const QList<Column> columns{{"timestamp", Type::Timestamp, true},
                                       {"username", Type::Text, true},
                                       {"action", Type::Text, true},
                                       {"resource", Type::Text, true},
                                       {"method", Type::Text, true},
                                       {"status_code", Type::Int, true},
                                       {"ip", Type::Text, false},
                                       {"user_agent", Type::Text, false},
                                       {"duration", Type::Int, false},
                                       {"details", Type::Json, false}};
    return columns;
}

// An MCPHub activity key -> the mcp_usage_logs column it fills. The activity's output, group
// and bearer key have no column in mcp_usage_logs and are not kept (as in the hub sync).
const QHash<QString, QString> &activityKeys()
{
    static const QHash<QString, QString> keys{
        {QStringLiteral("id"), QStringLiteral("hub_activity_id")},
        {QStringLiteral("timestamp"), QStringLiteral("timestamp")},
        {QStringLiteral("server"), QStringLiteral("server_name")},
        {QStringLiteral("tool"), QStringLiteral("tool_name")},
        {QStringLiteral("duration"), QStringLiteral("duration")},
        {QStringLiteral("input"), QStringLiteral("arguments")},
        {QStringLiteral("username"), QStringLiteral("username")},
        {QStringLiteral("sourceIp"), QStringLiteral("ip")},
        {QStringLiteral("errorMessage"), QStringLiteral("error_message")}};
    return keys;
}

// QDateTime::fromString() is costly per row of a large log: the one form the hub writes
// (2026-11-25T19:12:03.398Z) is read directly, others go through Qt.
QDateTime parseTimestamp(std::string_view text)
{
    if (text.size() == 24 && text[4] == '-' && text[10] == 'T' && text[19] == '.'
        && text[23] == 'Z') {
        bool ok = true;
        const auto number = [&](size_t from, size_t length) {
            int n = 0;
            for (size_t i = from; i < from + length; ++i) {
                const int digit = text[i] - '0';
                ok = ok && digit >= 0 && digit <= 9;
                n = n * 10 + digit;
            }
            return n;
        };
        const QDate date(number(0, 4), number(5, 2), number(8, 2));
        const QTime time(number(11, 2), number(14, 2), number(17, 2), number(20, 3));
        if (ok && date.isValid() && time.isValid())
            return QDateTime(date, time, Qt::UTC);
    }
    const QDateTime parsed = QDateTime::fromString(
        QString::fromUtf8(text.data(), qsizetype(text.size())), Qt::ISODateWithMs);
    if (!parsed.isValid())
        return parsed;
    // UTC, whole milliseconds.
    return QDateTime::fromMSecsSinceEpoch(parsed.toMSecsSinceEpoch(), Qt::UTC);
}

// "2026-11-25T19:12:03.398Z" exactly: SQLite's stored form, already canonical.
template<typename Text>
bool isCanonicalTimestamp(const Text &text)
{
    return text.size() == 24 && text.at(4) == QLatin1Char('-') && text.at(10) == QLatin1Char('T')
           && text.at(19) == QLatin1Char('.') && text.at(23) == QLatin1Char('Z');
}

// The value of one column in canonical form: null QVariant for NULL, QDateTime (UTC,
// milliseconds), bool, qint64 or QString. `value` is null when the key is absent.
// `check` validates JSON text held in a string (a parser of its own: `value` lives in the
// line's parser).
Result<QVariant>
canonical(const Column &column, const simdjson::dom::element *value, simdjson::dom::parser &check)
{
    using simdjson::dom::element_type;
    const auto name = [&] {
        return QString::fromLatin1(column.name);
    };
    const element_type type = value ? value->type() : element_type::NULL_VALUE;
    if (type == element_type::NULL_VALUE) {
        if (column.required)
            return Error::make(Error::Code::Invalid,
                               LogImport::tr("\"%1\" is missing.").arg(name()));
        return QVariant();
    }
    const bool isNumber = type == element_type::INT64 || type == element_type::UINT64
                          || type == element_type::DOUBLE;
    const auto number = [&]() -> double {
        switch (type) {
        case element_type::INT64:
            return double(int64_t(*value));
        case element_type::UINT64:
            return double(uint64_t(*value));
        default:
            return double(*value);
        }
    };
    const auto text = [&] {
        const std::string_view view(*value);
        return QString::fromUtf8(view.data(), qsizetype(view.size()));
    };
    // PostgreSQL cannot hold U+0000 in text: refused on every database alike.
    if (type == element_type::STRING
        && std::string_view(*value).find('\0') != std::string_view::npos)
        return Error::make(Error::Code::Invalid,
                           LogImport::tr("\"%1\" contains the character U+0000, which a "
                                         "database text column cannot hold.")
                               .arg(name()));
    switch (column.type) {
    case Type::Text:
        if (type != element_type::STRING)
            return Error::make(Error::Code::Invalid,
                               LogImport::tr("\"%1\" is not a string.").arg(name()));
        return QVariant(text());
    case Type::Timestamp: {
        QDateTime time;
        if (type == element_type::STRING)
            time = parseTimestamp(std::string_view(*value));
        else if (isNumber)
            time = QDateTime::fromMSecsSinceEpoch(qint64(number()), Qt::UTC);
        // Years 1-9999 only: what both databases and the canonical form hold.
        if (!time.isValid() || time.date().year() < 1 || time.date().year() > 9999)
            return Error::make(Error::Code::Invalid,
                               LogImport::tr("\"%1\" is not an ISO 8601 time such as "
                                             "2026-11-25T19:12:03.398Z.")
                                   .arg(name()));
        return QVariant(time);
    }
    case Type::Bool:
        if (type == element_type::BOOL)
            return QVariant(bool(*value));
        if (isNumber && (number() == 0 || number() == 1))
            return QVariant(number() == 1);
        return Error::make(Error::Code::Invalid,
                           LogImport::tr("\"%1\" is not true or false.").arg(name()));
    case Type::Int: {
        const double d = isNumber ? number() : 0.5;
        if (!isNumber || d != double(qint64(d)) || std::abs(d) > 2147483647.0)
            return Error::make(Error::Code::Invalid,
                               LogImport::tr("\"%1\" is not a whole number.").arg(name()));
        return QVariant(qint64(d));
    }
    case Type::Json:
        switch (type) {
        case element_type::STRING: {
            const std::string_view view(*value);
            simdjson::dom::element ignored;
            if (check.parse(view.data(), view.size()).get(ignored) != simdjson::SUCCESS)
                return Error::make(
                    Error::Code::Invalid,
                    LogImport::tr("\"%1\" is a string that is not JSON text.").arg(name()));
            return QVariant(text());
        }
        case element_type::OBJECT:
        case element_type::ARRAY: {
            // Compact, in the line's own key order.
            const std::string compact = simdjson::minify(*value);
            return QVariant(QString::fromUtf8(compact.data(), qsizetype(compact.size())));
        }
        case element_type::BOOL:
            return QVariant(bool(*value) ? QStringLiteral("true") : QStringLiteral("false"));
        default:
            return QVariant(QString::number(number(), 'g', 17));
        }
    }
    return QVariant();
}

} // namespace

struct LogImport::Parsers
{
    simdjson::dom::parser line;
    simdjson::dom::parser check;
};

LogImport::LogImport(Kind kind, QString path)
    : m_kind(kind)
    , m_path(std::move(path))
    , m_parsers(std::make_shared<Parsers>())
{}

QString LogImport::table() const
{
    return m_kind == Kind::Usage ? QStringLiteral("mcp_usage_logs") : QStringLiteral("access_logs");
}

QString LogImport::entityName() const
{
    return m_kind == Kind::Usage ? QStringLiteral("usageLog") : QStringLiteral("accessLog");
}

QStringList LogImport::columns() const
{
    QStringList names;
    for (const Column &c : m_kind == Kind::Usage ? usageColumns() : accessColumns())
        names << QString::fromLatin1(c.name);
    return names;
}

Result<QVariantList> LogImport::rowFromLine(const QByteArray &line) const
{
    // simdjson: QJsonDocument costs several times more per line of a million-line log.
    simdjson::dom::element doc;
    if (const auto error = m_parsers->line.parse(line.constData(), size_t(line.size())).get(doc);
        error != simdjson::SUCCESS) {
        QJsonParseError parseError; // Qt's parser says where
        QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return Error::make(
                Error::Code::Parse,
                tr("The line is not JSON (column %1: %2).")
                    .arg(QString::number(parseError.offset + 1), parseError.errorString()));
        return Error::make(Error::Code::Parse,
                           tr("The line is not JSON (%1).")
                               .arg(QString::fromUtf8(simdjson::error_message(error))));
    }
    simdjson::dom::object object;
    if (doc.get_object().get(object) != simdjson::SUCCESS)
        return Error::make(Error::Code::Invalid, tr("The line is not a JSON object."));
    const QList<Column> &cols = m_kind == Kind::Usage ? usageColumns() : accessColumns();
    const auto columnIndex = [&](std::string_view key) -> int {
        for (int c = 0; c < cols.size(); ++c)
            if (key == cols.at(c).name)
                return c;
        return -1;
    };
    bool activity = false;
    if (m_kind == Kind::Usage) {
        bool hasServerName = false, hasServerOrTool = false;
        for (const auto field : object) {
            hasServerName = hasServerName || field.key == "server_name";
            hasServerOrTool = hasServerOrTool || field.key == "server" || field.key == "tool";
        }
        activity = !hasServerName && hasServerOrTool;
    }
    std::vector<std::optional<simdjson::dom::element>> values(size_t(cols.size()));
    std::optional<bool> activitySuccess;
    for (const auto field : object) {
        if (activity) {
            // An MCPHub activity: renamed to the table's columns.
            if (field.key == "status") {
                if (!field.value.is_string())
                    return Error::make(Error::Code::Invalid, tr("\"status\" is not a string."));
                activitySuccess = std::string_view(field.value) == "success";
                continue;
            }
            const auto column = activityKeys().constFind(
                QString::fromUtf8(field.key.data(), qsizetype(field.key.size())));
            if (column == activityKeys().constEnd())
                continue;
            const int index = columnIndex(column->toStdString());
            if (index >= 0)
                values[size_t(index)] = field.value;
            continue;
        }
        if (field.key == "id")
            continue; // the target numbers its rows itself
        const int index = columnIndex(field.key);
        if (index < 0)
            return Error::make(
                Error::Code::Invalid,
                tr("\"%1\" is not a column of %2.")
                    .arg(QString::fromUtf8(field.key.data(), qsizetype(field.key.size())),
                         table()));
        values[size_t(index)] = field.value;
    }
    if (activity && !activitySuccess)
        return Error::make(Error::Code::Invalid, tr("\"status\" is not a string."));
    QVariantList row;
    row.reserve(cols.size());
    for (int c = 0; c < cols.size(); ++c) {
        if (activity && QLatin1String(cols.at(c).name) == QLatin1String("success")) {
            row << QVariant(*activitySuccess);
            continue;
        }
        const auto &value = values[size_t(c)];
        auto canonicalValue = canonical(cols.at(c), value ? &*value : nullptr, m_parsers->check);
        if (!canonicalValue)
            return canonicalValue.error();
        row << *canonicalValue;
    }
    return row;
}

Result<void> LogImport::readRows(
    const std::function<bool(const QVariantList &, int)> &take,
    const std::function<bool(int, const QString &, const QByteArray &)> &issue) const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(Error::Code::Io,
                           tr("Cannot read the log file. Check the path and permissions."),
                           m_path,
                           file.errorString());
    }
    int lineNumber = 0;
    while (!file.atEnd()) {
        QByteArray line = file.readLine();
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        if (line.endsWith('\n'))
            line.chop(1);
        auto row = rowFromLine(line);
        if (!row) {
            if (!issue(lineNumber, row.error().message, line))
                return {}; // the caller stops at this line
            continue;
        }
        if (!take(*row, lineNumber))
            return Migrator::cancelledError();
    }
    if (file.error() != QFile::NoError)
        return Error::make(
            Error::Code::Io, tr("Cannot read the log file."), m_path, file.errorString());
    return {};
}

void LogImport::addToHash(const QVariantList &row, QByteArray *buffer)
{
    for (const QVariant &value : row) {
        if (value.isNull())
            buffer->append("\\N");
        else if (value.metaType().id() == QMetaType::QDateTime)
            SqlDialect::appendTimestampText(buffer, value.toDateTime());
        else if (value.metaType().id() == QMetaType::Bool)
            buffer->append(value.toBool() ? '1' : '0');
        else if (value.metaType().id() == QMetaType::LongLong)
            buffer->append(QByteArray::number(value.toLongLong()));
        else
            buffer->append(value.toString().toUtf8());
        buffer->append('\x1f');
    }
    buffer->append('\x1e');
}

Result<void> LogImport::countLines()
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(Error::Code::Io,
                           tr("Cannot read the log file. Check the path and permissions."),
                           m_path,
                           file.errorString());
    }
    m_lines = 0;
    QByteArray block(1 << 20, Qt::Uninitialized);
    char last = '\n';
    for (;;) {
        const qint64 n = file.read(block.data(), block.size());
        if (n < 0)
            return Error::make(
                Error::Code::Io, tr("Cannot read the log file."), m_path, file.errorString());
        if (n == 0)
            break;
        m_lines += std::count(block.constData(), block.constData() + n, '\n');
        last = block.at(n - 1);
    }
    if (last != '\n')
        ++m_lines;
    return {};
}

Result<void> LogImport::load(const RepositoryContext &context,
                             QList<MappingIssue> *issues,
                             bool stopAtFirstIssue,
                             const Progress &progress)
{
    BulkInserter inserter(context, table(), columns(), true);
    inserter.setExpectedRows(m_lines);
    Sha256 hash;
    QByteArray buffer;
    m_rows = 0;
    m_ids.clear();
    std::vector<int> lines; // the file's line of each row written, to name a failing one
    lines.reserve(size_t(m_lines));
    qint64 done = 0;
    Result<void> failed;
    const auto named = [&](Error error) {
        const qint64 row = inserter.failedRow();
        if (row >= 0 && row < qint64(lines.size()))
            error.where = m_path + QLatin1Char(':') + QString::number(lines[size_t(row)])
                          + QStringLiteral(" -> ") + error.where;
        return annotate(std::move(error));
    };
    auto read = readRows(
        [&](const QVariantList &row, int line) {
            lines.push_back(line);
            buffer.clear();
            addToHash(row, &buffer);
            hash.addData(buffer);
            ++m_rows;
            failed = inserter.append(row);
            if (!failed)
                return false;
            if (++done % kProgressRows == 0 && progress && !progress(done, m_lines)) {
                failed = Migrator::cancelledError();
                return false;
            }
            return true;
        },
        [&](int line, const QString &reason, const QByteArray &text) {
            const std::string raw = text.toStdString();
            // Too deep for the code that writes it out again: kept as text, like a non-JSON line.
            const bool tooDeep = JsonLimits::check(raw.data(), qsizetype(raw.size())).has_value();
            OrderedJson record = tooDeep ? OrderedJson(OrderedJson::value_t::discarded)
                                         : OrderedJson::parse(raw, nullptr, false);
            if (record.is_discarded())
                record = raw; // not JSON: kept as the line's text
            issues->append({m_path + QLatin1Char(':') + QString::number(line), reason, record});
            return !stopAtFirstIssue;
        });
    if (!failed)
        return failed.error().code == Error::Code::Cancelled ? failed
                                                             : Result<void>(named(failed.error()));
    if (!read)
        return read;
    if (auto finished = inserter.finish(); !finished)
        return named(finished.error());
    m_checksum = hash.result();
    m_ids = inserter.ids();
    std::sort(m_ids.begin(), m_ids.end());
    if (progress && !progress(done, m_lines))
        return Migrator::cancelledError();
    return {};
}

Error LogImport::annotate(Error error) const
{
    error.message = tr("Cannot write the log rows from %1; nothing was migrated.").arg(m_path)
                    + QLatin1Char(' ') + error.message;
    return error;
}

Result<void> LogImport::verify(const RepositoryContext &context, QStringList *differences) const
{
    const QSqlDatabase db = QSqlDatabase::database(context.connectionName);
    const SqlDialect dialect = SqlDialect::forDatabase(db);
    const QList<Column> &cols = m_kind == Kind::Usage ? usageColumns() : accessColumns();
    // Each column as the text addToHash() hashes: SQLite keeps timestamps in that form and
    // booleans as 1/0; PostgreSQL is asked for them so.
    QStringList select{QStringLiteral("id")};
    for (const Column &c : cols) {
        const QString name = SqlDialect::escape(db, QString::fromLatin1(c.name));
        if (dialect.isSqlite())
            select << name;
        else if (c.type == Type::Timestamp)
            select << QStringLiteral("to_char(%1 AT TIME ZONE 'UTC', "
                                     "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')")
                          .arg(name);
        else if (c.type == Type::Bool)
            select << QStringLiteral("CASE WHEN %1 THEN '1' WHEN NOT %1 THEN '0' END").arg(name);
        else
            select << name + QStringLiteral("::text");
    }
    Sha256 hash;
    qint64 found = 0;
    if (!m_ids.empty()) {
        QByteArray buffer;
        auto next = m_ids.begin();
        const auto read = BulkReader::forEach(
            context,
            QStringLiteral("SELECT %1 FROM %2 WHERE id BETWEEN %3 AND %4 ORDER BY id")
                .arg(select.join(QLatin1Char(',')),
                     SqlDialect::escape(db, table()),
                     QString::number(m_ids.front()),
                     QString::number(m_ids.back())),
            table(),
            [&](const BulkReader::Fields &fields) {
                const qint64 id = fields.at(0) ? fields.at(0)->toLongLong() : 0;
                while (next != m_ids.end() && *next < id)
                    ++next;
                if (next == m_ids.end() || *next != id)
                    return; // written by someone else meanwhile
                buffer.clear();
                for (int c = 0; c < cols.size(); ++c) {
                    const auto &field = fields.at(size_t(c) + 1);
                    if (!field)
                        buffer.append("\\N");
                    else if (cols.at(c).type == Type::Timestamp
                             && !isCanonicalTimestamp(QLatin1String(*field)))
                        SqlDialect::appendTimestampText(
                            &buffer, dialect.timestampFromValue(QString::fromUtf8(*field)));
                    else
                        buffer.append(*field);
                    buffer.append('\x1f');
                }
                buffer.append('\x1e');
                hash.addData(buffer);
                ++found;
            });
        if (!read)
            return read;
    }
    const QByteArray digest = hash.result();
    if (found != m_rows)
        differences->append(
            tr("%1 holds %2 rows from %3, the file has %4.")
                .arg(table(), QString::number(found), m_path, QString::number(m_rows)));
    else if (digest != m_checksum)
        differences->append(
            tr("The rows %1 holds from %2 differ from the file (SHA-256 %3, "
               "the file's %4).")
                .arg(table(), m_path, QString::fromLatin1(digest.toHex()), checksum()));
    return {};
}

OrderedJson LogImport::idRanges() const
{
    OrderedJson ranges = OrderedJson::array();
    for (size_t i = 0; i < m_ids.size();) {
        size_t j = i;
        while (j + 1 < m_ids.size() && m_ids[j + 1] == m_ids[j] + 1)
            ++j;
        ranges.push_back({m_ids[i], m_ids[j]});
        i = j + 1;
    }
    return ranges;
}

Result<qint64> LogImport::removeRanges(const RepositoryContext &context,
                                       const QString &table,
                                       const OrderedJson &ranges)
{
    if (table != QLatin1String("mcp_usage_logs") && table != QLatin1String("access_logs"))
        return Error::make(Error::Code::Invalid, tr("Not a log table."), table);
    QSqlDatabase db = QSqlDatabase::database(context.connectionName);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM %1 WHERE id BETWEEN ? AND ?")
                      .arg(SqlDialect::escape(db, table)));
    qint64 removed = 0;
    for (const OrderedJson &range : ranges) {
        if (!range.is_array() || range.size() != 2)
            continue;
        query.bindValue(0, range[0].get<qint64>());
        query.bindValue(1, range[1].get<qint64>());
        if (!query.exec())
            return sqlError(query.lastError(),
                            context.where + QStringLiteral(": ") + table,
                            tr("Cannot remove the log rows of the run."));
        removed += query.numRowsAffected();
    }
    return removed;
}

} // namespace mcphub
