#include "storage/db/mcphubschema.h"

#include "storage/db/schemamigrator.h"
#include "storage/db/sqlerror.h"
#include "storage/db/transactionguard.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

namespace mcphub {

namespace {

// The statements of resources/hubdb/mcphub-schema.sql.
Result<QStringList> mcphubDdl()
{
    QFile file(QStringLiteral(":/hubdb/mcphub-schema.sql"));
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(Error::Code::Io,
                           McphubSchema::tr("MCPHub's table definitions are missing from this "
                                            "build of the console."),
                           file.fileName());
    }
    return SchemaMigrator::splitStatements(QString::fromUtf8(file.readAll()));
}

QString listed(const QStringList &names)
{
    return names.join(QStringLiteral(", "));
}

} // namespace

const QStringList &McphubSchema::tables()
{
    static const QStringList names{QStringLiteral("activities"),
                                   QStringLiteral("bearer_keys"),
                                   QStringLiteral("builtin_prompts"),
                                   QStringLiteral("builtin_resources"),
                                   QStringLiteral("groups"),
                                   QStringLiteral("oauth_clients"),
                                   QStringLiteral("oauth_tokens"),
                                   QStringLiteral("servers"),
                                   QStringLiteral("system_config"),
                                   QStringLiteral("user_configs"),
                                   QStringLiteral("users")};
    return names;
}

Result<QStringList> McphubSchema::presentTables(const QSqlDatabase &db, const QString &where)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = "
                                 "'public' AND tablename = ANY (string_to_array(:names, ',')) "
                                 "ORDER BY tablename"));
    query.bindValue(QStringLiteral(":names"), tables().join(QLatin1Char(',')));
    if (!query.exec())
        return sqlError(query.lastError(), where, tr("Cannot read the database's tables."));
    QStringList present;
    while (query.next())
        present << query.value(0).toString();
    return present;
}

Result<void> McphubSchema::requireTables(const QSqlDatabase &db, const QString &where)
{
    const auto present = presentTables(db, where);
    if (!present)
        return present.error();
    if (present->size() == tables().size())
        return {};
    if (present->isEmpty()) {
        return Error::make(Error::Code::NotFound,
                           tr("This database holds no MCPHub tables: it is not the database of "
                              "a hub in database mode. Nothing was changed. Check the "
                              "connection, or create MCPHub's tables here, exactly as MCPHub "
                              "makes them, so that a hub can start on it."),
                           where)
            .withRemedy(Error::Remedy::CreateMcphubTables);
    }
    QStringList missing;
    for (const QString &table : tables()) {
        if (!present->contains(table))
            missing << table;
    }
    return Error::make(Error::Code::Invalid,
                       tr("This database holds only some of MCPHub's tables (%1 missing), so "
                          "it is not a complete MCPHub database. Nothing was changed. Start "
                          "the hub on it once (MCPHub creates what is missing), or restore it "
                          "from a backup.")
                           .arg(listed(missing)),
                       where,
                       QStringLiteral("present: ") + listed(*present));
}

Result<bool> McphubSchema::createTables(const QSqlDatabase &db, const QString &where)
{
    const auto present = presentTables(db, where);
    if (!present)
        return present.error();
    if (present->size() == tables().size())
        return false;
    if (!present->isEmpty())
        return requireTables(db, where).error(); // names what is missing
    const auto statements = mcphubDdl();
    if (!statements)
        return statements.error();
    TransactionGuard tx(db);
    if (!tx.active())
        return tx.error();
    QSqlQuery query(db);
    for (const QString &statement : *statements) {
        if (!query.exec(statement)) {
            return sqlError(query.lastError(),
                            where,
                            tr("Cannot create MCPHub's tables; nothing was created."));
        }
    }
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return true;
}

Result<QString>
McphubSchema::prepareConsoleSchema(const QSqlDatabase &db, const QString &where, bool readOnly)
{
    QSqlQuery query(db);
    // What this role may do: create a schema in the database; use and write the console's
    // schema when it exists; change MCPHub's rows.
    if (!query.exec(QStringLiteral(
            "SELECT current_user, current_database(), "
            "has_database_privilege(current_database(), 'CREATE'), n.oid IS NOT NULL, "
            "n.oid IS NOT NULL AND has_schema_privilege(n.oid, 'USAGE'), "
            "coalesce((SELECT has_table_privilege(c.oid, 'INSERT') FROM pg_catalog.pg_class c "
            "  WHERE c.relnamespace = n.oid AND c.relname = 'access_logs'), true), "
            "has_table_privilege('public.users', 'UPDATE') "
            "FROM (SELECT 1) AS one LEFT JOIN pg_catalog.pg_namespace n "
            "ON n.nspname = 'mcphub_admin'"))
        || !query.next()) {
        return sqlError(query.lastError(), where, tr("Cannot read the role's privileges."));
    }
    const QString role = query.value(0).toString();
    const QString database = query.value(1).toString();
    const bool mayCreateSchema = query.value(2).toBool();
    const bool schemaExists = query.value(3).toBool();
    const bool mayUseSchema = query.value(4).toBool();
    const bool mayAudit = query.value(5).toBool();
    const bool mayWriteMcphub = query.value(6).toBool();

    if (!query.exec(QStringLiteral("SET search_path TO mcphub_admin, public")))
        return sqlError(query.lastError(), where, tr("Cannot select the console's schema."));

    const QString openReadOnly = tr("The workspace is open read-only; connect as a role that "
                                    "may (the database's owner, for one) to change it.");
    if (!schemaExists && !mayCreateSchema) {
        return tr("The role %1 may not create the schema mcphub_admin in database %2, where "
                  "the console keeps its audit trail beside MCPHub's tables. %3 (As the owner: "
                  "GRANT CREATE ON DATABASE %2 TO %1.)")
            .arg(role, database, openReadOnly);
    }
    if (schemaExists && (!mayUseSchema || !mayAudit)) {
        return tr("The role %1 may not write the console's audit trail in the schema "
                  "mcphub_admin. %2")
            .arg(role, openReadOnly);
    }
    if (!mayWriteMcphub)
        return tr("The role %1 may only read MCPHub's tables. %2").arg(role, openReadOnly);
    if (!schemaExists && !readOnly
        && !query.exec(QStringLiteral("CREATE SCHEMA IF NOT EXISTS mcphub_admin"))) {
        return sqlError(
            query.lastError(), where, tr("Cannot create the console's schema mcphub_admin."));
    }
    return QString();
}

} // namespace mcphub
