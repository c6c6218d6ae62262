#pragma once

#include "storage/db/repositorybase.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace mcphub {

// One key of systemConfig (routing, install, smartRouting, ...) with its JSON value.
struct SystemConfigEntry
{
    QString key;
    QString value;         // JSON text as written
    int ordinal = -1;      // console schema: the key's place in the file; -1 keeps it (or appends)
    QDateTime updatedAt{}; // the stored row's (MCPHub's database: the one row's)
    QString problem{};     // translated: why MCPHub cannot load the stored text; empty when fine
};

// systemConfig as a repository lists it, with what is wrong in the stored rows.
struct SystemConfigListing
{
    QList<SystemConfigEntry> entries;
    // Translated findings naming table, row and column (MCPHub's database: a second row, a
    // column whose text is not JSON). The rest is listed; nothing is rewritten.
    QStringList findings;
    // MCPHub's database: whether the row 'default' exists, and its updated_at.
    bool rowExists = false;
    QDateTime rowUpdatedAt;
};

// systemConfig: get, set, remove, all; every write audited with the key and the old and new
// value's size, never the value (sections hold secrets: OAuth client secrets, API keys).
// - Console schema (SQLite/PostgreSQL, and a settings file's private database, which saves
//   the rows back into the file): one row per key, any key, in file order.
// - MCPHub's database (mcphub-dbmode.md §1.2): the keys are the columns of the single row
//   id = 'default' of public.system_config (WorkspaceCapabilities::mcphubSystemConfigColumns);
//   JSON columns hold JSON.stringify's compact text, "nameSeparator" a string of at most 10
//   characters, "enableSessionRebuild" a boolean. Other keys are refused (not stored). A
//   write changes only its column and updated_at = now(); remove sets the column NULL; a
//   missing row is created with MCPHub's own defaults (SystemConfigRepository.ts) first.
// A write given the updated_at the editor read (`seen`) is refused as a conflict when the
// stored row changed since; std::nullopt does not check. For MCPHub's row, an invalid
// `seen` means the row did not exist when read.
class SystemConfigRepository : public RepositoryBase
{
    Q_DECLARE_TR_FUNCTIONS(SystemConfigRepository)

public:
    using RepositoryBase::RepositoryBase;
    using Seen = std::optional<QDateTime>;

    Result<void> set(const SystemConfigEntry &entry, const Seen &seen = std::nullopt);
    Result<void> remove(const QString &key, const Seen &seen = std::nullopt);
    Result<std::optional<SystemConfigEntry>> find(const QString &key) const;
    Result<QList<SystemConfigEntry>> all() const;
    Result<SystemConfigListing> list() const;

    // The JSON text `text` parsed as JSON.parse reads it; Error::Code::Parse at
    // "where:LINE:COLUMN" otherwise (also for nesting beyond JsonLimits and NUL bytes).
    static Result<nlohmann::ordered_json> parseValue(const QString &text, const QString &where);
    // parseValue, then what `kind` can store under `key`: a key it has no place for
    // (WorkspaceCapabilities::notStored), a "nameSeparator" that is not a string of at most
    // 10 characters, an "enableSessionRebuild" that is not a boolean (MCPHub's database).
    // Returns the text to store: compact JSON.stringify text in MCPHub's database, `text`
    // itself in the console's schema.
    static Result<QString>
    storedText(WorkspaceKind kind, const QString &key, const QString &text, const QString &where);
    // "object, 3 keys", "array, 2 items", "string, 1 character", "true", "42": what a value
    // is without showing strings (they may be secrets); translated.
    static QString summary(const QString &text);
    // The row MCPHub's SystemConfigRepository.get() creates when there is none (TypeORM's
    // save of SystemConfigRepository.ts:34-56, oauthServer from cloneDefaultOAuthServerConfig;
    // activityLog is not set): the same text its JSON.stringify wrote in the fixture row.
    static Columns mcphubDefaultRow();

private:
    Result<SystemConfigListing> listMcphub() const;
    Result<void> writeMcphub(const QString &key, const QVariant &value, const Seen &seen);
};

} // namespace mcphub
