#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace mcphub {

// Every difference between SQLite and PostgreSQL that the console's SQL meets: the folder of
// migration scripts, the history table's DDL, transaction start and migration locking,
// upsert, boolean and timestamp values, identifier escaping (through the driver) and the
// classification of driver errors. Cheap to copy; holds no connection.
class SqlDialect
{
public:
    enum class Kind { Sqlite, Postgres };

    explicit SqlDialect(Kind kind = Kind::Sqlite);
    static SqlDialect forDatabase(const QSqlDatabase &db);

    Kind kind() const { return m_kind; }
    bool isSqlite() const { return m_kind == Kind::Sqlite; }
    QString folderName() const; // "sqlite" or "postgres": resources/migrations/<folder>

    // Escapes a table or column name through the driver of `db`.
    static QString escape(const QSqlDatabase &db, const QString &identifier);

    // The statement that starts a top-level write transaction. SQLite takes the write lock
    // at once (BEGIN IMMEDIATE) so that two writers never deadlock on lock upgrades.
    QString beginWriteStatement() const;
    // Run right after beginWriteStatement(): how long a statement of the transaction waits for
    // a lock another session holds (PostgreSQL's lock_timeout, in ms; 0 waits for ever). Empty
    // on SQLite, whose connection waits its busy timeout (ConnectionProfile).
    QString lockTimeoutStatement(int ms) const;
    // The statement run first inside a migration transaction to serialise migrators across
    // processes: pg_advisory_xact_lock on PostgreSQL (released at commit/rollback), none on
    // SQLite, where BEGIN IMMEDIATE already holds the database's write lock.
    QString migrationLockStatement() const;
    static constexpr qint64 kMigrationLockKey = 0x6d637068756200; // "mcphub"

    QString createHistoryTableStatement() const;

    // INSERT ... ON CONFLICT (keys) DO UPDATE SET ...; both SQLite >= 3.24 and PostgreSQL
    // take this form. Columns are escaped, values are :placeholders named after the columns.
    QString upsertStatement(const QSqlDatabase &db,
                            const QString &table,
                            const QStringList &columns,
                            const QStringList &keyColumns) const;

    // "column contains the bound text, ignoring case" (SQLite instr, PostgreSQL strpos):
    // no LIKE, so the user's % and _ are plain characters.
    QString containsExpression(const QString &columnSql, const QString &placeholder) const;

    // Values bound for the dialect's column types.
    QVariant boolValue(bool value) const;
    QVariant timestampValue(const QDateTime &value) const; // null QDateTime -> NULL
    QDateTime timestampFromValue(const QVariant &value) const;
    // A PostgreSQL "timestamp without time zone" (MCPHub's columns) as the UTC instant with
    // that wall-clock time: MCPHub's hosts are assumed to run in UTC (mcphub-dbmode.md §6),
    // and the time is never shifted by this machine's zone.
    static QDateTime wallClockUtc(const QVariant &value);
    // Appends "2026-11-25T19:12:03.398Z" (UTC, milliseconds): SQLite's stored form, which
    // PostgreSQL's timestamptz input reads as the same instant. By hand: QDateTime::toString
    // parses its format on every call, a million times per usage log.
    static void appendTimestampText(QByteArray *out, const QDateTime &value);

    // True when a driver error means "another process holds the lock".
    bool isLockError(const QString &nativeCode, const QString &text) const;

private:
    Kind m_kind;
};

} // namespace mcphub
