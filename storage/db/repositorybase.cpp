#include "storage/db/repositorybase.h"

#include "storage/db/auditlogrepository.h"
#include "storage/db/connectionkeeper.h"
#include "storage/db/sqlerror.h"
#include "storage/db/transactionguard.h"
#include "storage/db/workspacecapabilities.h"
#include "storage/live/changefeed.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>

namespace mcphub {

namespace {

void bindAll(QSqlQuery &query, const QVariantMap &values)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        query.bindValue(it.key(), it.value());
}

// "column = :vN" for each of `values`, bound by bindSetValues().
QStringList setClause(const QSqlDatabase &database, const RepositoryBase::Columns &values)
{
    QStringList sets;
    for (qsizetype i = 0; i < values.size(); ++i)
        sets << QStringLiteral("%1 = :v%2")
                    .arg(SqlDialect::escape(database, values.at(i).first), QString::number(i));
    return sets;
}

void bindSetValues(QSqlQuery &query, const RepositoryBase::Columns &values)
{
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(QStringLiteral(":v%1").arg(i), values.at(i).second);
}

} // namespace

RepositoryBase::RepositoryBase(RepositoryContext context)
    : m_context(std::move(context))
{}

QVariant RepositoryBase::text(const QString &value)
{
    return value.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

QSqlDatabase RepositoryBase::db() const
{
    return QSqlDatabase::database(m_context.connectionName, false);
}

SqlDialect RepositoryBase::dialect() const
{
    return SqlDialect::forDatabase(db());
}

QVariant RepositoryBase::now() const
{
    return dialect().timestampValue(QDateTime::currentDateTimeUtc());
}

QDateTime RepositoryBase::timestamp(const QSqlRecord &record, const QString &column) const
{
    return dialect().timestampFromValue(record.value(column));
}

Result<void> RepositoryBase::checkWritable(const QString &resource) const
{
    if (!m_context.readOnly)
        return {};
    return Error::make(Error::Code::ReadOnly,
                       QCoreApplication::translate("Repository",
                                                   "The workspace is open read-only, so %1 was "
                                                   "not changed. Use a profile that is not "
                                                   "read-only (or a console that knows this "
                                                   "database's schema).")
                           .arg(resource),
                       m_context.where);
}

std::optional<Error> RepositoryBase::unsupportedTable(const QString &table) const
{
    const WorkspaceCapabilities capabilities(m_context.kind);
    if (capabilities.runsConsoleTable(table))
        return std::nullopt;
    return capabilities.consoleTableNotBuilt(table, m_context.where);
}

Result<void> RepositoryBase::audited(const QString &action,
                                     const QString &resource,
                                     const QString &method,
                                     const QJsonObject &before,
                                     const QJsonObject &after,
                                     const std::function<Result<void>()> &change)
{
    if (auto writable = checkWritable(resource); !writable)
        return writable;
    // Outermost: exactly once across a broken connection (storage/db/connectionkeeper.h).
    return runExactlyOnce(m_context, [&]() -> Result<void> {
        QElapsedTimer timer;
        timer.start();
        TransactionGuard tx(db());
        if (!tx.active()) {
            Error e = tx.error();
            e.where = m_context.where;
            return e;
        }
        if (auto done = change(); !done)
            return done; // the guard rolls back
        AuditEntry entry;
        entry.timestamp = QDateTime::currentDateTimeUtc();
        entry.username = m_context.actor;
        entry.action = action;
        entry.resource = resource;
        entry.method = method;
        entry.statusCode = 200;
        entry.durationMs = timer.elapsed();
        if (!before.isEmpty())
            entry.details.insert(QStringLiteral("before"), before);
        if (!after.isEmpty())
            entry.details.insert(QStringLiteral("after"), after);
        if (auto written = AuditLogRepository(m_context).append(entry); !written)
            return written.error();
        // Issue 16: the other consoles hear of the change when (and only if) it commits, by
        // the audit row's own change id (one id per change: TransactionGuard's).
        const ChangeNotice notice
            = ChangeFeed::noticeFor(m_context.connectionName, action, resource);
        if (auto announced = ChangeFeed::announce(m_context, notice, resource, after); !announced)
            return announced;
        return tx.commit();
    });
}

Result<qint64> RepositoryBase::createAudited(const QString &action,
                                             const QString &resource,
                                             const QJsonObject &after,
                                             const QString &table,
                                             Columns values,
                                             const QDateTime &createdAt)
{
    qint64 id = 0;
    const auto done
        = audited(action, resource, QStringLiteral("CREATE"), {}, after, [&]() -> Result<void> {
              Columns row = values; // runs again after a lost connection (runExactlyOnce)
              row.append({QStringLiteral("created_at"),
                          dialect().timestampValue(
                              createdAt.isValid() ? createdAt : QDateTime::currentDateTimeUtc())});
              const auto r = insertRow(table, row, QStringLiteral("id"));
              if (!r)
                  return r.error();
              id = r->toLongLong();
              return {};
          });
    if (!done)
        return done.error();
    return id;
}

Result<QVariant>
RepositoryBase::insertRow(const QString &table, const Columns &values, const QString &returning)
{
    if (auto refused = unsupportedTable(table))
        return *refused;
    const QSqlDatabase database = db();
    QStringList names, placeholders;
    for (qsizetype i = 0; i < values.size(); ++i) {
        names << SqlDialect::escape(database, values.at(i).first);
        placeholders << QStringLiteral(":v%1").arg(i);
    }
    QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                      .arg(SqlDialect::escape(database, table),
                           names.join(QStringLiteral(", ")),
                           placeholders.join(QStringLiteral(", ")));
    if (!returning.isEmpty())
        sql += QStringLiteral(" RETURNING ") + SqlDialect::escape(database, returning);
    QSqlQuery query(database);
    const bool prepared = query.prepare(sql);
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(QStringLiteral(":v%1").arg(i), values.at(i).second);
    if (!prepared || !query.exec()) {
        return sqlError(query.lastError(),
                        m_context.where + QStringLiteral(": ") + table,
                        QCoreApplication::translate("Repository", "Cannot add the row."));
    }
    if (!returning.isEmpty() && query.next())
        return query.value(0);
    return QVariant();
}

Result<int> RepositoryBase::updateRows(const QString &table,
                                       const Columns &values,
                                       const QString &keyColumn,
                                       const QVariant &keyValue)
{
    if (auto refused = unsupportedTable(table))
        return *refused;
    const QSqlDatabase database = db();
    QSqlQuery query(database);
    const bool prepared
        = query.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE %3 = :key")
                            .arg(SqlDialect::escape(database, table),
                                 setClause(database, values).join(QStringLiteral(", ")),
                                 SqlDialect::escape(database, keyColumn)));
    bindSetValues(query, values);
    query.bindValue(QStringLiteral(":key"), keyValue);
    if (!prepared || !query.exec()) {
        return sqlError(query.lastError(),
                        m_context.where + QStringLiteral(": ") + table,
                        QCoreApplication::translate("Repository", "Cannot change the row."));
    }
    return query.numRowsAffected();
}

Result<int>
RepositoryBase::deleteRows(const QString &table, const QString &keyColumn, const QVariant &keyValue)
{
    if (auto refused = unsupportedTable(table))
        return *refused;
    const QSqlDatabase database = db();
    QSqlQuery query(database);
    const bool prepared = query.prepare(
        QStringLiteral("DELETE FROM %1 WHERE %2 = :key")
            .arg(SqlDialect::escape(database, table), SqlDialect::escape(database, keyColumn)));
    query.bindValue(QStringLiteral(":key"), keyValue);
    if (!prepared || !query.exec()) {
        return sqlError(query.lastError(),
                        m_context.where + QStringLiteral(": ") + table,
                        QCoreApplication::translate("Repository", "Cannot delete the row."));
    }
    return query.numRowsAffected();
}

Result<QList<QSqlRecord>> RepositoryBase::selectRows(const QString &table,
                                                     const SqlFilter &filter,
                                                     const QString &orderBy,
                                                     const PageRequest &page) const
{
    if (auto refused = unsupportedTable(table))
        return *refused;
    const QSqlDatabase database = db();
    QSqlQuery query(database);
    query.setForwardOnly(true);
    const bool prepared = query.prepare(
        QStringLiteral("SELECT * FROM %1%2 ORDER BY %3 LIMIT :limit OFFSET :offset")
            .arg(SqlDialect::escape(database, table), filter.whereClause(), orderBy));
    bindAll(query, filter.values());
    query.bindValue(QStringLiteral(":limit"), page.limit);
    query.bindValue(QStringLiteral(":offset"), page.offset);
    if (!prepared || !query.exec()) {
        return sqlError(query.lastError(),
                        m_context.where + QStringLiteral(": ") + table,
                        QCoreApplication::translate("Repository", "Cannot read the rows."));
    }
    QList<QSqlRecord> rows;
    while (query.next())
        rows << query.record();
    return rows;
}

Result<void> RepositoryBase::forEachRow(const QString &table,
                                        const QStringList &columns,
                                        const SqlFilter &filter,
                                        const QString &orderBy,
                                        const PageRequest &page,
                                        const std::function<void(const QSqlQuery &)> &row) const
{
    if (auto refused = unsupportedTable(table))
        return *refused;
    const QSqlDatabase database = db();
    QSqlQuery query(database);
    query.setForwardOnly(true);
    const bool prepared = query.prepare(
        QStringLiteral("SELECT %1 FROM %2%3 ORDER BY %4 LIMIT :limit OFFSET :offset")
            .arg(columns.join(QStringLiteral(", ")),
                 SqlDialect::escape(database, table),
                 filter.whereClause(),
                 orderBy));
    bindAll(query, filter.values());
    query.bindValue(QStringLiteral(":limit"), page.limit);
    query.bindValue(QStringLiteral(":offset"), page.offset);
    if (!prepared || !query.exec()) {
        return sqlError(query.lastError(),
                        m_context.where + QStringLiteral(": ") + table,
                        QCoreApplication::translate("Repository", "Cannot read the rows."));
    }
    while (query.next())
        row(query);
    return {};
}

Result<qint64> RepositoryBase::countRows(const QString &table,
                                         const SqlFilter &filter,
                                         const QString &distinct) const
{
    if (auto refused = unsupportedTable(table))
        return *refused;
    const QSqlDatabase database = db();
    QSqlQuery query(database);
    const QString what
        = distinct.isEmpty() ? QStringLiteral("*") : QStringLiteral("DISTINCT ") + distinct;
    const bool prepared
        = query.prepare(QStringLiteral("SELECT count(%1) FROM %2%3")
                            .arg(what, SqlDialect::escape(database, table), filter.whereClause()));
    bindAll(query, filter.values());
    if (!prepared || !query.exec() || !query.next()) {
        return sqlError(query.lastError(),
                        m_context.where + QStringLiteral(": ") + table,
                        QCoreApplication::translate("Repository", "Cannot count the rows."));
    }
    return query.value(0).toLongLong();
}

Result<void> RepositoryBase::updateMcphubRow(const QString &table,
                                             const QString &uuid,
                                             const Columns &before,
                                             const Columns &after,
                                             const QString &resource,
                                             const Columns *unedited,
                                             const QString &idType)
{
    if (auto refused = unsupportedTable(table))
        return *refused;
    // Only what changed, as MCPHub's own saves do (another writer's change to another column
    // stays), and updated_at = now() as TypeORM sets it (there is no trigger).
    Columns changed;
    for (qsizetype i = 0; i < after.size(); ++i) {
        const bool edited
            = !unedited || i >= unedited->size() || after.at(i).second != unedited->at(i).second;
        if (edited && (i >= before.size() || after.at(i).second != before.at(i).second))
            changed << after.at(i);
    }
    if (changed.isEmpty())
        return {};
    const QSqlDatabase database = db();
    const QStringList sets = setClause(database, changed) << QStringLiteral("updated_at = now()");
    QSqlQuery query(database);
    const bool prepared = query.prepare(
        QStringLiteral("UPDATE %1 SET %2 WHERE id = CAST(:id AS %3)")
            .arg(SqlDialect::escape(database, table), sets.join(QStringLiteral(", ")), idType));
    bindSetValues(query, changed);
    query.bindValue(QStringLiteral(":id"), uuid);
    if (!prepared || !query.exec()) {
        return sqlError(query.lastError(),
                        m_context.where + QStringLiteral(": ") + resource,
                        QCoreApplication::translate("Repository", "Cannot change the row."));
    }
    return {};
}

Result<QList<QSqlRecord>> RepositoryBase::selectByKey(const QString &table,
                                                      const QString &keyColumn,
                                                      const QVariant &keyValue) const
{
    SqlFilter filter;
    filter.add(SqlDialect::escape(db(), keyColumn) + QStringLiteral(" = :key"),
               {{QStringLiteral(":key"), keyValue}});
    return selectRows(table, filter, SqlDialect::escape(db(), keyColumn), {0, 2});
}

} // namespace mcphub
