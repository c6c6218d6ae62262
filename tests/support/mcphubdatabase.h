#pragma once

#include "storage/db/connectionprofile.h"
#include "tests/support/pgtestdatabase.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace mcphub::test {

// MCPHub's own database for tests: the DDL a real hub's TypeORM created
// (fixtures/hub-captures/db-mode/mcphub-db-schema.sql) and the rows it wrote (db-rows/).

// psql ARGS... CONNINFO with ON_ERROR_STOP; empty on success, else what psql said.
QString psql(const QString &conninfo, const QStringList &args);
// pg_dump --schema-only --schema=public, without pg_dump's random \restrict lines.
QByteArray publicSchema(const QString &conninfo);
// pg_dump --data-only --schema=public, each table's rows sorted (a restored row may sit
// elsewhere in the heap), without comments and pg_dump's random \restrict lines.
QByteArray publicData(const QString &conninfo);
// One query's first column, rows joined by '|' ("ERROR ..." when it fails).
QString queryText(const PgTestDatabase &pg, const QString &sql);
// Inserts the rows MCPHub wrote to `table` (db-rows/TABLE.json) as they are; empty on success.
QString loadMcphubRows(const PgTestDatabase &pg, const QString &table);
// MCPHub's tables and every row of db-rows/ in `pg`; empty on success.
QString makeMcphubDatabase(const PgTestDatabase &pg);
// The profile --hub-db makes of `pg`, and the arguments that name it.
ConnectionProfile mcphubProfile(const PgTestDatabase &pg);
QStringList hubDbArguments(const PgTestDatabase &pg);

} // namespace mcphub::test
