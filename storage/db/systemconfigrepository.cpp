#include "storage/db/systemconfigrepository.h"

#include "storage/db/sqlerror.h"
#include "storage/db/workspacecapabilities.h"
#include "storage/settings/jsonlimits.h"
#include "storage/settings/mcphubjsonwriter.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace mcphub {

namespace {

using Json = nlohmann::ordered_json;
using Value = WorkspaceCapabilities::SystemConfigValue;

const QString kTable = QStringLiteral("system_config");
// MCPHub's one row (src/db/entities/SystemConfig.ts: id varchar(50) default 'default').
const QString kDefaultRow = QStringLiteral("default");

QJsonObject auditSummary(const QString &key, const QString &value)
{
    return {{QStringLiteral("key"), key}, {QStringLiteral("bytes"), int(value.toUtf8().size())}};
}

// Line and column (from 1, columns in characters) of byte `offset` in UTF-8 `text`.
QPair<int, int> lineColumn(const QByteArray &text, qsizetype offset)
{
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text.at(i));
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

QString compact(const Json &value)
{
    return QString::fromUtf8(McpHubJsonWriter::write(value, 0));
}

Error changedMeanwhile(const QString &resource)
{
    return Error::make(Error::Code::Conflict,
                       QCoreApplication::translate(
                           "SystemConfigRepository",
                           "The row %1 was changed in the database since it was read "
                           "(updated_at), by MCPHub or another console, so nothing was written.")
                           .arg(resource),
                       resource + QStringLiteral("/updated_at"))
        .withRemedy(Error::Remedy::Reload);
}

Error noSuchKey(const QString &resource)
{
    return Error::make(Error::Code::NotFound,
                       QCoreApplication::translate("SystemConfigRepository",
                                                   "The system configuration has no such key."),
                       resource);
}

} // namespace

RepositoryBase::Columns SystemConfigRepository::mcphubDefaultRow()
{
    const QString empty = QStringLiteral("{}");
    return {{QStringLiteral("id"), kDefaultRow},
            {QStringLiteral("routing"), empty},
            {QStringLiteral("install"), empty},
            {QStringLiteral("smartRouting"), empty},
            {QStringLiteral("toolResultCompression"), empty},
            {QStringLiteral("mcpRouter"), empty},
            {QStringLiteral("nameSeparator"), QStringLiteral("-")},
            {QStringLiteral("oauth"), empty},
            {QStringLiteral("oauthServer"),
             QStringLiteral(
                 "{\"enabled\":true,\"accessTokenLifetime\":3600,\"refreshTokenLifetime\":"
                 "1209600,\"authorizationCodeLifetime\":300,\"requireClientSecret\":false,"
                 "\"allowedScopes\":[\"read\",\"write\"],\"requireState\":false,"
                 "\"dynamicRegistration\":{\"enabled\":true,\"allowedGrantTypes\":["
                 "\"authorization_code\",\"refresh_token\"],\"requiresAuthentication\":false}}")},
            {QStringLiteral("auth"), empty},
            {QStringLiteral("enableSessionRebuild"), false},
            {QStringLiteral("discovery"), empty}};
}

Result<Json> SystemConfigRepository::parseValue(const QString &text, const QString &where)
{
    const QByteArray bytes = text.toUtf8();
    const auto failure = [&](qsizetype offset, const QString &message) {
        const auto [line, column] = lineColumn(bytes, offset);
        return Error::make(
            Error::Code::Parse,
            message,
            QStringLiteral("%1:%2:%3").arg(where, QString::number(line), QString::number(column)));
    };
    if (const auto violation = JsonLimits::check(bytes.constData(), bytes.size())) {
        return failure(violation->offset,
                       violation->kind == JsonLimits::Violation::Kind::NulByte
                           ? tr("The value holds a NUL byte, which JSON does not allow (inside "
                                "a string it is written \\u0000).")
                           : tr("Arrays and objects are nested more than %1 levels deep here.")
                                 .arg(JsonLimits::kMaxDepth));
    }
    try {
        return Json::parse(bytes.constData(), bytes.constData() + bytes.size());
    } catch (const Json::parse_error &e) {
        QString reason = QString::fromUtf8(e.what());
        // "[json.exception.parse_error.101] parse error at line 1, column 6: syntax error ..."
        const qsizetype colon = reason.indexOf(QLatin1String(": "));
        if (colon >= 0)
            reason = reason.mid(colon + 2);
        return failure(std::max<qsizetype>(0, qsizetype(e.byte) - 1),
                       tr("The value is not valid JSON here (%1). JSON has no comments, single "
                          "quotes or trailing commas, and a string is written in double "
                          "quotes.")
                           .arg(reason));
    } catch (const Json::exception &e) {
        return failure(0,
                       tr("The value holds a number too large to represent (%1).")
                           .arg(QString::fromUtf8(e.what())));
    }
}

Result<QString> SystemConfigRepository::storedText(WorkspaceKind kind,
                                                   const QString &key,
                                                   const QString &text,
                                                   const QString &where)
{
    const WorkspaceCapabilities capabilities(kind);
    if (!capabilities.storesSystemConfigKey(key)) {
        if (key.isEmpty())
            return Error::make(Error::Code::Invalid, tr("The key is empty."), where);
        return capabilities.notStored(QStringLiteral("systemConfig"), key, where);
    }
    const auto parsed = parseValue(text, where);
    if (!parsed)
        return parsed.error();
    if (kind != WorkspaceKind::McphubDatabase)
        return text;
    const auto *column = WorkspaceCapabilities::mcphubSystemConfigColumn(key);
    if (column->value == Value::Name) {
        // varchar(10), which PostgreSQL counts in characters.
        if (!parsed->is_string()
            || QString::fromStdString(parsed->get<std::string>()).toUcs4().size() > 10) {
            return Error::make(Error::Code::Invalid,
                               tr("MCPHub stores nameSeparator as text of at most 10 "
                                  "characters (varchar(10)): give a JSON string such as "
                                  "\"-\", nothing was written."),
                               where);
        }
    } else if (column->value == Value::Boolean && !parsed->is_boolean()) {
        return Error::make(Error::Code::Invalid,
                           tr("MCPHub stores %1 as a boolean: give true or false, nothing was "
                              "written.")
                               .arg(key),
                           where);
    }
    return compact(*parsed);
}

QString SystemConfigRepository::summary(const QString &text)
{
    const auto parsed = parseValue(text, {});
    if (!parsed)
        return tr("not JSON, %n byte(s)", nullptr, int(text.toUtf8().size()));
    const Json &v = *parsed;
    if (v.is_object())
        return tr("object, %n key(s)", nullptr, int(v.size()));
    if (v.is_array())
        return tr("array, %n item(s)", nullptr, int(v.size()));
    if (v.is_string())
        return tr("string, %n character(s)",
                  nullptr,
                  int(QString::fromStdString(v.get<std::string>()).toUcs4().size()));
    return compact(v); // true, false, null, a number
}

Result<void> SystemConfigRepository::set(const SystemConfigEntry &entry, const Seen &seen)
{
    const QString resource = QStringLiteral("system-config/") + entry.key;
    const auto stored = storedText(context().kind, entry.key, entry.value, resource);
    if (!stored)
        return stored.error();
    const auto old = find(entry.key);
    if (!old)
        return old.error();
    return audited(
        QStringLiteral("system-config.set"),
        resource,
        old->has_value() ? QStringLiteral("UPDATE") : QStringLiteral("CREATE"),
        old->has_value() ? auditSummary(entry.key, (*old)->value) : QJsonObject(),
        auditSummary(entry.key, *stored),
        [&]() -> Result<void> {
            if (inMcphubDatabase()) {
                QVariant value = *stored;
                const auto *column = WorkspaceCapabilities::mcphubSystemConfigColumn(entry.key);
                if (column->value != Value::Json) {
                    const Json parsed = Json::parse(stored->toStdString());
                    value = column->value == Value::Boolean
                                ? QVariant(parsed.get<bool>())
                                : QVariant(QString::fromStdString(parsed.get<std::string>()));
                }
                return writeMcphub(entry.key, value, seen);
            }
            const auto current = find(entry.key);
            if (!current)
                return current.error();
            if (seen
                && (current->has_value() != seen->isValid()
                    || (current->has_value() && (*current)->updatedAt != *seen)))
                return changedMeanwhile(QStringLiteral("system_config/") + entry.key);
            int ordinal = entry.ordinal;
            if (ordinal < 0 && current->has_value())
                ordinal = (*current)->ordinal;
            if (ordinal < 0) {
                const auto everything = all();
                if (!everything)
                    return everything.error();
                ordinal = 0;
                for (const SystemConfigEntry &e : *everything)
                    ordinal = std::max(ordinal, e.ordinal + 1);
            }
            const QSqlDatabase database = db();
            QSqlQuery query(database);
            const bool prepared
                = query.prepare(dialect().upsertStatement(database,
                                                          kTable,
                                                          {QStringLiteral("key"),
                                                           QStringLiteral("value"),
                                                           QStringLiteral("ordinal"),
                                                           QStringLiteral("updated_at")},
                                                          {QStringLiteral("key")}));
            query.bindValue(QStringLiteral(":key"), entry.key);
            query.bindValue(QStringLiteral(":value"), *stored);
            query.bindValue(QStringLiteral(":ordinal"), ordinal);
            query.bindValue(QStringLiteral(":updated_at"), now());
            if (!prepared || !query.exec()) {
                return sqlError(query.lastError(),
                                context().where + QStringLiteral(": system_config.") + entry.key,
                                tr("Cannot save the system configuration."));
            }
            return {};
        });
}

Result<void> SystemConfigRepository::remove(const QString &key, const Seen &seen)
{
    const QString resource = QStringLiteral("system-config/") + key;
    const WorkspaceCapabilities capabilities(context().kind);
    if (!capabilities.storesSystemConfigKey(key))
        return capabilities.notStored(QStringLiteral("systemConfig"), key, resource);
    const auto old = find(key);
    if (!old)
        return old.error();
    if (!old->has_value())
        return noSuchKey(resource);
    return audited(
        QStringLiteral("system-config.remove"),
        resource,
        QStringLiteral("DELETE"),
        auditSummary(key, (*old)->value),
        {},
        [&]() -> Result<void> {
            if (inMcphubDatabase()) {
                // MCPHub's row keeps the column: NULL, as for a key never set.
                const auto *column = WorkspaceCapabilities::mcphubSystemConfigColumn(key);
                return writeMcphub(key,
                                   column->value == Value::Boolean
                                       ? QVariant(QMetaType::fromType<bool>())
                                       : text(QString()),
                                   seen);
            }
            const auto current = find(key);
            if (!current)
                return current.error();
            if (seen
                && (!current->has_value() || !seen->isValid() || (*current)->updatedAt != *seen))
                return changedMeanwhile(QStringLiteral("system_config/") + key);
            const auto r = deleteRows(kTable, QStringLiteral("key"), key);
            if (!r)
                return r.error();
            return {};
        });
}

Result<void>
SystemConfigRepository::writeMcphub(const QString &key, const QVariant &value, const Seen &seen)
{
    if (auto refused = unsupportedTable(kTable))
        return *refused;
    const QString resource = kTable + QLatin1Char('/') + kDefaultRow;
    // The row locked until the transaction ends, so that the check below holds for the write.
    const QSqlDatabase database = db();
    QSqlQuery row(database);
    const bool prepared = row.prepare(QStringLiteral("SELECT * FROM %1 WHERE id = :id FOR UPDATE")
                                          .arg(SqlDialect::escape(database, kTable)));
    row.bindValue(QStringLiteral(":id"), kDefaultRow);
    if (!prepared || !row.exec()) {
        return sqlError(row.lastError(),
                        context().where + QStringLiteral(": ") + resource,
                        tr("Cannot read the system configuration."));
    }
    const bool exists = row.next();
    if (seen) {
        const QDateTime stored
            = exists ? SqlDialect::wallClockUtc(row.value(QStringLiteral("updated_at")))
                     : QDateTime();
        if (exists != seen->isValid() || (exists && stored != *seen))
            return changedMeanwhile(resource);
    }
    if (exists) {
        return updateMcphubRow(kTable,
                               kDefaultRow,
                               {{key, row.value(key)}},
                               {{key, value}},
                               resource,
                               nullptr,
                               QStringLiteral("varchar"));
    }
    if (value.isNull())
        return noSuchKey(resource + QLatin1Char('/') + key);
    Columns values = mcphubDefaultRow();
    bool replaced = false;
    for (auto &column : values) {
        if (column.first == key) {
            column.second = value;
            replaced = true;
        }
    }
    if (!replaced) // activityLog, which MCPHub's defaults leave unset
        values.append({key, value});
    const auto inserted = insertRow(kTable, values);
    if (!inserted)
        return inserted.error();
    return {};
}

Result<SystemConfigListing> SystemConfigRepository::listMcphub() const
{
    const auto rows = selectRows(kTable, SqlFilter(), QStringLiteral("id"), {0, 1000});
    if (!rows)
        return rows.error();
    SystemConfigListing listing;
    const auto &columns = WorkspaceCapabilities::mcphubSystemConfigColumns();
    for (const QSqlRecord &r : *rows) {
        const QString id = r.value(QStringLiteral("id")).toString();
        if (id != kDefaultRow) {
            listing.findings << tr("%1 row \"%2\": MCPHub reads only the row \"%3\"; this one "
                                   "is ignored and left as it is.")
                                    .arg(kTable, id, kDefaultRow);
            continue;
        }
        listing.rowExists = true;
        listing.rowUpdatedAt = SqlDialect::wallClockUtc(r.value(QStringLiteral("updated_at")));
        for (int i = 0; i < columns.size(); ++i) {
            const QString key = QString::fromLatin1(columns.at(i).key);
            const QVariant stored = r.value(key);
            if (stored.isNull())
                continue;
            SystemConfigEntry entry;
            entry.key = key;
            entry.ordinal = i;
            entry.updatedAt = listing.rowUpdatedAt;
            switch (columns.at(i).value) {
            case Value::Json:
                entry.value = stored.toString();
                if (const auto parsed = parseValue(entry.value, key); !parsed) {
                    entry.problem = tr("The stored text is not JSON (%1: %2), so MCPHub cannot "
                                       "load its system configuration. It is left as it is "
                                       "until this key is set.")
                                        .arg(parsed.error().where, parsed.error().message);
                    listing.findings
                        << tr("%1 row \"%2\", column %3: %4").arg(kTable, id, key, entry.problem);
                }
                break;
            case Value::Name:
                entry.value = compact(Json(stored.toString().toStdString()));
                break;
            case Value::Boolean:
                entry.value = stored.toBool() ? QStringLiteral("true") : QStringLiteral("false");
                break;
            }
            listing.entries << entry;
        }
    }
    return listing;
}

Result<SystemConfigListing> SystemConfigRepository::list() const
{
    if (inMcphubDatabase())
        return listMcphub();
    const auto rows = selectRows(kTable, SqlFilter(), QStringLiteral("ordinal, key"), {0, 100000});
    if (!rows)
        return rows.error();
    SystemConfigListing listing;
    for (const QSqlRecord &r : *rows) {
        SystemConfigEntry entry;
        entry.key = r.value(QStringLiteral("key")).toString();
        entry.value = r.value(QStringLiteral("value")).toString();
        entry.ordinal = r.value(QStringLiteral("ordinal")).toInt();
        entry.updatedAt = timestamp(r, QStringLiteral("updated_at"));
        if (const auto parsed = parseValue(entry.value, entry.key); !parsed) {
            entry.problem = tr("The stored text is not JSON (%1: %2).")
                                .arg(parsed.error().where, parsed.error().message);
            listing.findings << tr("%1 row \"%2\": %3").arg(kTable, entry.key, entry.problem);
        }
        listing.entries << entry;
    }
    return listing;
}

Result<std::optional<SystemConfigEntry>> SystemConfigRepository::find(const QString &key) const
{
    const auto listing = list();
    if (!listing)
        return listing.error();
    for (const SystemConfigEntry &e : listing->entries) {
        if (e.key == key)
            return std::optional<SystemConfigEntry>(e);
    }
    return std::optional<SystemConfigEntry>();
}

Result<QList<SystemConfigEntry>> SystemConfigRepository::all() const
{
    const auto listing = list();
    if (!listing)
        return listing.error();
    return listing->entries;
}

} // namespace mcphub
