#pragma once

#include "storage/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace mcphub {

// How to reach one workspace database. Connections are named and belong to the thread that
// opened them (a QtSql rule): fetch them with QSqlDatabase::database(name), never keep a
// QSqlDatabase member, and give each background thread its own connection name.
struct SqlConnectionSpec
{
    enum class Driver { Sqlite, Postgres };

    Driver driver = Driver::Sqlite;
    QString sqlitePath; // Sqlite: a file path or ":memory:"
    QString host;       // Postgres: one host, or a comma-separated list
    int port = 5432;
    QString databaseName;
    QString userName;
    QString password;       // held in memory only; profiles keep it in the keychain
    QString connectOptions; // libpq keywords: "sslmode=require;connect_timeout=5"; for SQLite
                            // Qt's QSQLITE_* options ("QSQLITE_OPEN_READONLY")

    // Postgres settings from PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD (as psql reads them).
    static SqlConnectionSpec fromPgEnvironment();
    static SqlConnectionSpec sqlite(const QString &path);

    // For messages: "SQLite /path/x.db" or "PostgreSQL user@host:port/db" (never the password).
    QString displayName() const;
};

// The database client libraries the console runs with, "SQLite 3.40.1", "libpq 15.10": the
// ones the Qt drivers and the bulk paths call (for About and bug reports).
QStringList databaseLibraryVersions();

// Opens (or reopens) the connection `connectionName` on the calling thread.
Result<QSqlDatabase> openSqlConnection(const SqlConnectionSpec &spec,
                                       const QString &connectionName);

// Closes and removes the named connection on the calling thread; safe if it does not exist.
void closeSqlConnection(const QString &connectionName);

} // namespace mcphub
