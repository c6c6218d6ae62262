#pragma once

#include "storage/db/sqldialect.h"
#include "storage/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace mcphub {

// One versioned schema script: resources/migrations/<dialect>/NNNN_description.sql.
struct MigrationScript
{
    int version = 0;
    QString description;
    QString sql;
    QString checksum; // SHA-256 hex of the text with CRLF turned into LF
    QString path;
};

// One row of the schema_migrations history table.
struct AppliedMigration
{
    int version = 0;
    QString description;
    QString checksum;
    QDateTime appliedAt;
    qint64 executionMs = 0;
    QString appliedBy;
};

// What the database holds compared with the scripts this console carries.
struct SchemaStatus
{
    QList<AppliedMigration> applied;
    QList<MigrationScript> pending;
    QList<int> drifted;      // applied versions whose script changed or is unknown
    int databaseVersion = 0; // highest applied version, 0 for an empty database
    int knownVersion = 0;    // highest version this console carries
    bool newerThanConsole() const { return databaseVersion > knownVersion; }
    bool upToDate() const { return pending.isEmpty() && drifted.isEmpty(); }
};

// Brings a database's schema to the console's version: ordered scripts per dialect, each
// applied in its own transaction together with its history row, serialised across processes
// (PostgreSQL advisory lock, SQLite BEGIN IMMEDIATE) so that racing consoles apply each
// version once. Refuses to touch a database with drift (an applied script changed) or a
// database newer than the console. Works on the named connection, on its thread.
class SchemaMigrator
{
public:
    explicit SchemaMigrator(QString connectionName,
                            QString scriptsRoot = QStringLiteral(":/migrations"));

    // The scripts for the connection's dialect, ordered by version.
    Result<QList<MigrationScript>> scripts() const;

    // Reads the history; changes nothing (not even creating the history table).
    Result<SchemaStatus> status() const;

    // PostgreSQL: refuses (Error::Code::Invalid, naming the tables) a schema that holds
    // MCPHub's own tables (TypeORM's `servers`, `activities`, `bearer_keys`... of a hub in
    // database mode) and no console history: the console's tables would collide with them,
    // and MCPHub would alter the console's at its next start. Changes nothing.
    Result<void> refuseForeignSchema() const;

    // Applies every pending script and returns those it applied (possibly none: up to date,
    // or another process got there first). Error::Code::Drift on drift; Error::Code::ReadOnly
    // when the database is newer than the console.
    Result<QList<AppliedMigration>> applyPending(const QString &appliedBy) const;

    // "user@host (mcphub-admin 0.1.0)": the default applied_by.
    static QString defaultAppliedBy();
    static QString checksumOf(const QByteArray &scriptText);
    // Splits a script into statements at semicolons outside quotes and comments.
    static QStringList splitStatements(const QString &sql);

private:
    Result<SchemaStatus> readStatus(const QList<MigrationScript> &scripts) const;
    Result<bool> historyTableExists() const;

    QString m_connectionName;
    QString m_scriptsRoot;
};

} // namespace mcphub
