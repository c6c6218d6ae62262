#pragma once

#include "storage/db/pagerequest.h"
#include "storage/db/repositorycontext.h"
#include "storage/db/sqldialect.h"
#include "storage/db/sqlfilter.h"
#include "storage/result.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

#include <functional>
#include <optional>

namespace mcphub {

// The CRUD every entity repository shares: bound INSERT/UPDATE/DELETE/SELECT on one table,
// filtering and paging in SQL, and audited(), which runs a change and its audit-trail row in
// one (nested) transaction, so either both are saved or neither. Works inside an outer
// TransactionGuard (the migrator imports a whole file in one). On the connection's thread.
class RepositoryBase
{
public:
    using Columns = QList<QPair<QString, QVariant>>;

    explicit RepositoryBase(RepositoryContext context);
    const RepositoryContext &context() const { return m_context; }

    // Whether the workspace is MCPHub's own database, whose tables the repositories read and
    // write under MCPHub's names and rules instead of the console's schema.
    bool inMcphubDatabase() const { return m_context.kind == WorkspaceKind::McphubDatabase; }

    // A string bound as SQL NULL when it is a null QString.
    static QVariant text(const QString &value);

protected:
    QSqlDatabase db() const;
    SqlDialect dialect() const;

    // Error::Code::ReadOnly naming the profile when the workspace is read-only.
    Result<void> checkWritable(const QString &resource) const;

    // Runs `change` and writes one access_logs row (who = the context's actor) in the same
    // transaction. `before`/`after` are summaries without secrets; empty when not relevant.
    Result<void> audited(const QString &action,
                         const QString &resource,
                         const QString &method,
                         const QJsonObject &before,
                         const QJsonObject &after,
                         const std::function<Result<void>()> &change);

    // INSERT of `values` plus created_at (`createdAt`, or now when invalid) with its audit row
    // (`action` on `resource`, method CREATE, `after`), as audited(); returns the new "id".
    Result<qint64> createAudited(const QString &action,
                                 const QString &resource,
                                 const QJsonObject &after,
                                 const QString &table,
                                 Columns values,
                                 const QDateTime &createdAt);

    // INSERT; returns the value of `returning` (the new id) when given.
    Result<QVariant>
    insertRow(const QString &table, const Columns &values, const QString &returning = {});
    // UPDATE ... WHERE key = value; returns the number of rows changed.
    Result<int> updateRows(const QString &table,
                           const Columns &values,
                           const QString &keyColumn,
                           const QVariant &keyValue);
    Result<int>
    deleteRows(const QString &table, const QString &keyColumn, const QVariant &keyValue);
    // MCPHub's database: UPDATE of the row with uuid `uuid`, writing only the columns whose
    // value differs between `before` and `after` (the same columns, in the same order), and
    // updated_at = now(), as MCPHub's own saves do. Nothing when nothing differs. With
    // `unedited` (the same columns made from the editor's values as it read them), a column
    // whose value is the same in `after` and `unedited` was not edited and is not written
    // either: a stored value the console reads differently (text it cannot parse, JSON it
    // would spell otherwise) stays byte for byte. `idType` is the SQL type of the id column
    // (system_config's is a varchar).
    Result<void> updateMcphubRow(const QString &table,
                                 const QString &uuid,
                                 const Columns &before,
                                 const Columns &after,
                                 const QString &resource,
                                 const Columns *unedited = nullptr,
                                 const QString &idType = QStringLiteral("uuid"));

    // SELECT * FROM table [filter] ORDER BY orderBy LIMIT/OFFSET, and the filter's count.
    Result<QList<QSqlRecord>> selectRows(const QString &table,
                                         const SqlFilter &filter,
                                         const QString &orderBy,
                                         const PageRequest &page) const;
    // The same SELECT, handing each row to `row` as the query stands on it (no QSqlRecord
    // copy per row: for pages read in a loop). `columns` are the select list's SQL
    // expressions (column names or expressions over them), used as they are.
    Result<void> forEachRow(const QString &table,
                            const QStringList &columns,
                            const SqlFilter &filter,
                            const QString &orderBy,
                            const PageRequest &page,
                            const std::function<void(const QSqlQuery &)> &row) const;
    // COUNT(*) of the rows matching `filter`, or COUNT(DISTINCT expression) when given.
    Result<qint64>
    countRows(const QString &table, const SqlFilter &filter, const QString &distinct = {}) const;
    Result<QList<QSqlRecord>>
    selectByKey(const QString &table, const QString &keyColumn, const QVariant &keyValue) const;
    // The first row of selectByKey() made into a Record by `fromRecord`; none when no row has
    // that key.
    template<typename Record>
    Result<std::optional<Record>>
    findByKey(const QString &table,
              const QString &keyColumn,
              const QVariant &keyValue,
              const std::function<Record(const QSqlRecord &)> &fromRecord) const
    {
        const auto rows = selectByKey(table, keyColumn, keyValue);
        if (!rows)
            return rows.error();
        if (rows->isEmpty())
            return std::optional<Record>();
        return std::optional<Record>(fromRecord(rows->first()));
    }

    // The records whose name or id is `nameOrId` (names are not unique in MCPHub's groups and
    // bearer_keys): the one with that id alone when there is one, else every one of that
    // name, in the table's order (MCPHub's created_at, the console's file order).
    template<typename Record>
    Result<QList<Record>>
    findByNameOrId(const QString &table,
                   const QString &nameOrId,
                   const std::function<Record(const QSqlRecord &)> &fromRecord) const
    {
        SqlFilter where;
        where.add(QStringLiteral("(name = :name OR CAST(id AS TEXT) = :id)"),
                  {{QStringLiteral(":name"), nameOrId}, {QStringLiteral(":id"), nameOrId}});
        const auto rows = selectRows(table,
                                     where,
                                     inMcphubDatabase() ? QStringLiteral("created_at, id")
                                                        : QStringLiteral("ordinal, name, id"),
                                     {0, 1000});
        if (!rows)
            return rows.error();
        QList<Record> byName;
        for (const QSqlRecord &r : *rows) {
            Record record = fromRecord(r);
            if (record.id == nameOrId)
                return QList<Record>{record};
            byName << record;
        }
        return byName;
    }
    // Every item of a paged `list(PageRequest)`, 500 rows per query.
    template<typename Record, typename List>
    static Result<QList<Record>> allPages(const List &list)
    {
        QList<Record> all;
        PageRequest page{0, 500, false};
        for (;;) {
            const auto chunk = list(page);
            if (!chunk)
                return chunk.error();
            all << chunk->items;
            if (chunk->items.size() < page.limit)
                return all;
            page.offset += page.limit;
        }
    }

    QDateTime timestamp(const QSqlRecord &record, const QString &column) const;

    // The refusal when the console's code for `table` does not run on this kind of
    // workspace (WorkspaceCapabilities::runsConsoleTable): every read and write above checks
    // it, so no console-schema SQL ever reaches MCPHub's tables.
    std::optional<Error> unsupportedTable(const QString &table) const;
    QVariant now() const;

private:
    RepositoryContext m_context;
};

} // namespace mcphub
