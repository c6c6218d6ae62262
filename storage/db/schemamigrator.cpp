#include "storage/db/schemamigrator.h"

#include "storage/db/repositorycontext.h"
#include "storage/db/sqlerror.h"
#include "storage/db/transactionguard.h"
#include "storage/logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace mcphub {

namespace {} // namespace

SchemaMigrator::SchemaMigrator(QString connectionName, QString scriptsRoot)
    : m_connectionName(std::move(connectionName))
    , m_scriptsRoot(std::move(scriptsRoot))
{}

QString SchemaMigrator::defaultAppliedBy()
{
    const QString user = RepositoryContext::defaultActor();
    return QStringLiteral("%1@%2 (%3 %4)")
        .arg(user,
             QHostInfo::localHostName(),
             QStringLiteral("mcphub-admin"),
             QCoreApplication::applicationVersion());
}

QString SchemaMigrator::checksumOf(const QByteArray &scriptText)
{
    // Tolerant of line endings: a checkout with CRLF must not look like drift.
    QByteArray normalized = scriptText;
    normalized.replace("\r\n", "\n");
    return QString::fromLatin1(
        QCryptographicHash::hash(normalized, QCryptographicHash::Sha256).toHex());
}

QStringList SchemaMigrator::splitStatements(const QString &sql)
{
    QStringList statements;
    QString current;
    const qsizetype n = sql.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = sql.at(i);
        const QChar next = i + 1 < n ? sql.at(i + 1) : QChar();
        if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
            while (i < n && sql.at(i) != QLatin1Char('\n'))
                ++i;
            current += QLatin1Char('\n');
            continue;
        }
        if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            const qsizetype end = sql.indexOf(QStringLiteral("*/"), i + 2);
            i = end < 0 ? n : end + 1;
            current += QLatin1Char(' ');
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            // Quoted text or identifier; a doubled quote is an escaped quote.
            current += c;
            ++i;
            while (i < n) {
                current += sql.at(i);
                if (sql.at(i) == c) {
                    if (i + 1 < n && sql.at(i + 1) == c) {
                        current += c;
                        i += 2;
                        continue;
                    }
                    break;
                }
                ++i;
            }
            continue;
        }
        if (c == QLatin1Char(';')) {
            if (!current.trimmed().isEmpty())
                statements << current.trimmed();
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

Result<QList<MigrationScript>> SchemaMigrator::scripts() const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const SqlDialect dialect = SqlDialect::forDatabase(db);
    const QDir dir(m_scriptsRoot + QLatin1Char('/') + dialect.folderName());
    static const QRegularExpression namePattern(
        QRegularExpression::anchoredPattern(QStringLiteral("(\\d+)_(.+)\\.sql")));
    QList<MigrationScript> result;
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const auto match = namePattern.match(file);
        const QString path = dir.filePath(file);
        if (!match.hasMatch()) {
            return Error::make(Error::Code::Invalid,
                               QCoreApplication::translate(
                                   "SchemaMigrator",
                                   "A schema script is not named NNNN_description.sql. Rename it."),
                               path);
        }
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly)) {
            return Error::make(
                Error::Code::Io,
                QCoreApplication::translate("SchemaMigrator", "Cannot read the schema script."),
                path,
                in.errorString());
        }
        const QByteArray text = in.readAll();
        MigrationScript script;
        script.version = match.captured(1).toInt();
        script.description = match.captured(2).replace(QLatin1Char('_'), QLatin1Char(' '));
        script.sql = QString::fromUtf8(text);
        script.checksum = checksumOf(text);
        script.path = path;
        if (!result.isEmpty() && result.last().version == script.version) {
            return Error::make(
                Error::Code::Invalid,
                QCoreApplication::translate("SchemaMigrator",
                                            "Two schema scripts have the same version number."),
                path);
        }
        result << script;
    }
    std::sort(result.begin(), result.end(), [](const auto &a, const auto &b) {
        return a.version < b.version;
    });
    return result;
}

Result<bool> SchemaMigrator::historyTableExists() const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    const bool ok
        = SqlDialect::forDatabase(db).isSqlite()
              ? query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE "
                                          "type = 'table' AND name = 'schema_migrations'"))
              : query.exec(
                  QStringLiteral("SELECT count(*) FROM pg_catalog.pg_tables WHERE tablename = "
                                 "'schema_migrations' AND schemaname = current_schema()"));
    if (!ok || !query.next())
        return sqlError(query.lastError(),
                        m_connectionName,
                        QCoreApplication::translate("SchemaMigrator",
                                                    "Cannot read the database's schema version."));
    return query.value(0).toInt() > 0;
}

Result<void> SchemaMigrator::refuseForeignSchema() const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (SqlDialect::forDatabase(db).isSqlite())
        return {};
    const auto exists = historyTableExists();
    if (!exists)
        return exists.error();
    if (*exists)
        return {};
    // Tables only MCPHub's TypeORM entities create (the console's are mcp_servers,
    // mcp_usage_logs...); users.username alone is shared by both.
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral(
            "SELECT string_agg(tablename, ', ' ORDER BY tablename) FROM pg_catalog.pg_tables "
            "WHERE schemaname = current_schema() AND tablename IN ('servers', 'activities', "
            "'builtin_prompts', 'builtin_resources', 'vector_embeddings')"))
        || !query.next()) {
        return sqlError(
            query.lastError(),
            m_connectionName,
            QCoreApplication::translate("SchemaMigrator", "Cannot read the database's tables."));
    }
    const QString found = query.value(0).toString();
    if (found.isEmpty())
        return {};
    return Error::
        make(Error::Code::Invalid,
             QCoreApplication::translate(
                 "SchemaMigrator",
                 "This is MCPHub's own database (a hub in database mode keeps its tables here): "
                 "the "
                 "console's schema cannot be created beside them, and MCPHub would alter it at its "
                 "next start. Nothing was changed. Give the console a database of its own."),
             db.databaseName(),
             QStringLiteral("tables: ") + found)
            .withRemedy(Error::Remedy::OpenAsMcphubDatabase);
}

Result<SchemaStatus> SchemaMigrator::readStatus(const QList<MigrationScript> &scripts) const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const SqlDialect dialect = SqlDialect::forDatabase(db);
    SchemaStatus status;
    for (const MigrationScript &script : scripts)
        status.knownVersion = std::max(status.knownVersion, script.version);

    const auto exists = historyTableExists();
    if (!exists)
        return exists.error();
    if (*exists) {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral(
                "SELECT version, description, checksum, applied_at, execution_ms, applied_by "
                "FROM schema_migrations ORDER BY version"))) {
            return sqlError(
                query.lastError(),
                QStringLiteral("schema_migrations"),
                QCoreApplication::translate("SchemaMigrator", "Cannot read the schema history."));
        }
        while (query.next()) {
            AppliedMigration row;
            row.version = query.value(0).toInt();
            row.description = query.value(1).toString();
            row.checksum = query.value(2).toString();
            row.appliedAt = dialect.timestampFromValue(query.value(3));
            row.executionMs = query.value(4).toLongLong();
            row.appliedBy = query.value(5).toString();
            status.applied << row;
            status.databaseVersion = std::max(status.databaseVersion, row.version);
        }
    }

    for (const MigrationScript &script : scripts) {
        const auto it = std::find_if(status.applied.cbegin(),
                                     status.applied.cend(),
                                     [&](const auto &a) { return a.version == script.version; });
        if (it == status.applied.cend())
            status.pending << script;
        else if (it->checksum != script.checksum)
            status.drifted << script.version;
    }
    // A version applied but unknown below our newest one: some other build's script.
    for (const AppliedMigration &row : std::as_const(status.applied)) {
        const bool known = std::any_of(scripts.cbegin(), scripts.cend(), [&](const auto &s) {
            return s.version == row.version;
        });
        if (!known && row.version < status.knownVersion)
            status.drifted << row.version;
    }
    std::sort(status.drifted.begin(), status.drifted.end());
    return status;
}

Result<SchemaStatus> SchemaMigrator::status() const
{
    const auto all = scripts();
    if (!all)
        return all.error();
    return readStatus(*all);
}

Result<QList<AppliedMigration>> SchemaMigrator::applyPending(const QString &appliedBy) const
{
    const auto all = scripts();
    if (!all)
        return all.error();
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const SqlDialect dialect = SqlDialect::forDatabase(db);
    QList<AppliedMigration> done;

    // One transaction per script; the lock is taken again for each, so a concurrent console
    // sees every version either fully applied or not at all.
    for (;;) {
        TransactionGuard tx(db);
        if (!tx.active())
            return tx.error();
        QSqlQuery query(db);
        if (const QString lock = dialect.migrationLockStatement(); !lock.isEmpty()) {
            // A migrator waits for another one to finish, however long its script takes
            // (not TransactionGuard's lock timeout, which is for edits).
            if (auto waits = tx.setTransactionLockTimeout(0); !waits)
                return waits.error();
            query.prepare(lock);
            query.bindValue(QStringLiteral(":key"), SqlDialect::kMigrationLockKey);
            if (!query.exec()) {
                return sqlError(query.lastError(),
                                m_connectionName,
                                QCoreApplication::translate(
                                    "SchemaMigrator", "Cannot take the schema migration lock."));
            }
        }
        // Under the lock, so that two first runs cannot both create it.
        const auto exists = historyTableExists();
        if (!exists)
            return exists.error();
        if (!*exists && !query.exec(dialect.createHistoryTableStatement())) {
            return sqlError(query.lastError(),
                            QStringLiteral("schema_migrations"),
                            QCoreApplication::translate("SchemaMigrator",
                                                        "Cannot create the schema history table."));
        }
        const auto status = readStatus(*all);
        if (!status)
            return status.error();
        if (!status->drifted.isEmpty()) {
            QStringList versions;
            for (int v : status->drifted)
                versions << QString::number(v);
            return Error::make(
                Error::Code::Drift,
                QCoreApplication::translate(
                    "SchemaMigrator",
                    "Schema drift: migration %1 applied to this database differs from the one "
                    "this console carries. Nothing was changed. Open the database with the "
                    "console version that created it, or restore it from a backup.")
                    .arg(versions.join(QStringLiteral(", "))),
                QStringLiteral("schema_migrations"));
        }
        if (status->newerThanConsole()) {
            return Error::make(Error::Code::ReadOnly,
                               QCoreApplication::translate(
                                   "SchemaMigrator",
                                   "The database has schema version %1, newer than this console "
                                   "(%2). It was not changed; update the console to write to it.")
                                   .arg(status->databaseVersion)
                                   .arg(status->knownVersion),
                               QStringLiteral("schema_migrations"));
        }
        if (status->pending.isEmpty()) {
            if (auto r = tx.commit(); !r)
                return r.error();
            return done;
        }

        const MigrationScript &script = status->pending.first();
        QElapsedTimer timer;
        timer.start();
        const QStringList statements = splitStatements(script.sql);
        for (qsizetype i = 0; i < statements.size(); ++i) {
            if (!query.exec(statements.at(i))) {
                return sqlError(
                    query.lastError(),
                    QStringLiteral("%1 (statement %2)").arg(script.path, QString::number(i + 1)),
                    QCoreApplication::translate(
                        "SchemaMigrator",
                        "Schema migration %1 failed and was rolled back; the database "
                        "is unchanged.")
                        .arg(script.version));
            }
        }
        AppliedMigration row;
        row.version = script.version;
        row.description = script.description;
        row.checksum = script.checksum;
        row.appliedAt = QDateTime::currentDateTimeUtc();
        row.executionMs = timer.elapsed();
        row.appliedBy = appliedBy;
        query.prepare(QStringLiteral(
            "INSERT INTO schema_migrations (version, description, checksum, applied_at, "
            "execution_ms, applied_by) VALUES (:version, :description, :checksum, :applied_at, "
            ":execution_ms, :applied_by)"));
        query.bindValue(QStringLiteral(":version"), row.version);
        query.bindValue(QStringLiteral(":description"), row.description);
        query.bindValue(QStringLiteral(":checksum"), row.checksum);
        query.bindValue(QStringLiteral(":applied_at"), dialect.timestampValue(row.appliedAt));
        query.bindValue(QStringLiteral(":execution_ms"), row.executionMs);
        query.bindValue(QStringLiteral(":applied_by"), row.appliedBy);
        if (!query.exec()) {
            return sqlError(
                query.lastError(),
                QStringLiteral("schema_migrations"),
                QCoreApplication::translate(
                    "SchemaMigrator", "Cannot record schema migration %1; it was rolled back.")
                    .arg(script.version));
        }
        if (auto r = tx.commit(); !r)
            return r.error();
        qCDebug(lcDatabase) << "applied schema migration" << script.version << script.description
                            << "in" << row.executionMs << "ms";
        done << row;
    }
}

} // namespace mcphub
