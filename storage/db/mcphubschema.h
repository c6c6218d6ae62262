#pragma once

#include "storage/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace mcphub {

// MCPHub's own tables in a PostgreSQL database (a hub in database mode; mcphub-dbmode.md §1),
// and the console's schema beside them. The console never alters MCPHub's tables: it checks
// they are all there, creates them only when asked (with MCPHub's own DDL, the statements a
// real hub's TypeORM made, so that a hub later starts on them without changing anything), and
// keeps its own data (audit trail, migration runs, its schema history) in the schema
// mcphub_admin, which TypeORM's synchronize never looks at (§5). The connection's
// search_path is "mcphub_admin, public": MCPHub's tables are found in public, and what the
// console creates lands in its own schema. On the connection's thread.
class McphubSchema
{
    Q_DECLARE_TR_FUNCTIONS(McphubSchema)

public:
    static inline const QString kConsoleSchema = QStringLiteral("mcphub_admin");
    // The console's schema scripts for this kind of database (SchemaMigrator's root).
    static inline const QString kScriptsRoot = QStringLiteral(":/hubdb/migrations");

    // The tables MCPHub's TypeORM synchronizes, in public (vector_embeddings is MCPHub's
    // too, but only made when pgvector is installed, so it is not required).
    static const QStringList &tables();

    // Which of tables() the database holds in its public schema.
    static Result<QStringList> presentTables(const QSqlDatabase &db, const QString &where);

    // Refuses (naming the database and what is missing) unless every one of tables() is
    // there: with none, Error::Code::NotFound saying how to create them; with some, Invalid.
    static Result<void> requireTables(const QSqlDatabase &db, const QString &where);

    // Creates MCPHub's tables with MCPHub's DDL, in one transaction. Returns false, changing
    // nothing, when all of them are already there; refuses a database holding only some.
    static Result<bool> createTables(const QSqlDatabase &db, const QString &where);

    // Points the session at "mcphub_admin, public" and, unless `readOnly`, creates
    // mcphub_admin when it is missing. Returns an empty string when the console can write
    // its schema, else the translated reason it cannot (the role may not create the schema,
    // or may not use it): the workspace is then opened read-only with that reason as banner.
    static Result<QString>
    prepareConsoleSchema(const QSqlDatabase &db, const QString &where, bool readOnly);
};

} // namespace mcphub
