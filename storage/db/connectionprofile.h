#pragma once

#include "storage/result.h"
#include "storage/sqlconnection.h"

#include <QString>
#include <QStringList>

namespace mcphub {

// Where a workspace lives: an SQLite file, or a PostgreSQL server (one host or a list, in
// which case libpq picks the read-write primary with target_session_attrs=read-write).
// A value type; the password is held in memory only (ProfileStore keeps it in the keychain).
struct ConnectionProfile
{
    enum class Kind { Sqlite, Postgres };

    QString name; // empty for an ad-hoc profile from --sqlite/--pg
    Kind kind = Kind::Sqlite;
    QString sqlitePath;
    int sqliteBusyTimeoutMs = 5000; // how long to wait for another writer
    QStringList hosts;
    int port = 5432;
    // One port per host when they differ (a pg_auto_failover formation's URI,
    // "postgres://a:5001,b:5002/db"), in the order of `hosts`; empty when `port` is every
    // host's.
    QList<int> hostPorts;
    QString database;
    QString user;
    QString sslMode;         // libpq sslmode; empty = libpq's default (prefer)
    int connectTimeout = 10; // seconds
    QString applicationName = QStringLiteral("mcphub-admin");
    bool readOnly = false;
    // MCPHub's own database (a hub in database mode: --hub-db), whose tables the console
    // edits as MCPHub does, rather than a database with the console's own schema.
    bool mcphubDatabase = false;
    // Dual-write (issue #5): an MCPHub settings file every change saved through this profile
    // is also written to, in the same unit (SettingsFileBinding); empty when not bound.
    // Absolute; kept in the profile's settings entry (it is not a secret).
    QString boundSettingsPath;
    // High availability (issue #16): the libpq conninfo of a pg_auto_failover monitor whose
    // formation this server belongs to; empty when none. Read-only use: the Replication
    // page and "db replication" list the formation's nodes from it. Not a secret.
    QString failoverMonitor;
    // Redis (issue #16): "redis://host:port[/db]" each committed settings change is published
    // to (config:update, through the change outbox); empty when none. Kept in the profile.
    QString redisUrl;
    QString password; // memory only

    static ConnectionProfile sqliteFile(const QString &path);

    // A libpq connection string, "host=a,b port=5432 dbname=x user=y sslmode=require", or a
    // URI "postgresql://user@a:5432,b/x?sslmode=require", as psql takes them (parsed by libpq
    // itself). A password inside is accepted with a warning appended to `warnings`.
    static Result<ConnectionProfile> fromConninfo(const QString &conninfo,
                                                  QStringList *warnings = nullptr);

    // The spec openSqlConnection takes.
    SqlConnectionSpec toSpec() const;

    // For messages: the profile name, or the SQLite path / PostgreSQL target when unnamed.
    QString displayName() const;
};

} // namespace mcphub
