#pragma once

#include "storage/db/repositorybase.h"

#include <optional>

namespace mcphub {

// One key of systemConfig (routing, install, smartRouting, ...) with its JSON value.
struct SystemConfigEntry
{
    QString key;
    QString value; // JSON text as written
    int ordinal = 0;
};

// systemConfig, one row per top-level key: get, set (upsert), remove, all in file order;
// every write audited with the key's old and new value size (values may hold secrets).
class SystemConfigRepository : public RepositoryBase
{
public:
    using RepositoryBase::RepositoryBase;

    Result<void> set(const SystemConfigEntry &entry);
    Result<void> remove(const QString &key);
    Result<std::optional<SystemConfigEntry>> find(const QString &key) const;
    Result<QList<SystemConfigEntry>> all() const;
};

} // namespace mcphub
