#pragma once

#include "storage/db/repositorybase.h"

#include <QSet>
#include <QVariantMap>

#include <functional>
#include <optional>

namespace mcphub {

// CRUD on one table keyed by one column, with rows as column -> value maps: for the tables
// whose shape is the settings file's own (OAuth clients and tokens, built-in prompts and
// resources, user configurations, the settings document), which the settings-file migrator
// fills and reads back key by key. Values: QString (null = SQL NULL), bool (converted per
// dialect, and read back as bool for the declared boolean columns), integers, QDateTime.
// Every write is audited; secret columns are never written to the audit trail. Rows are
// listed in file order (ordinal, then key). The console's schema only: on MCPHub's own
// database RecordRepository reads and writes these entities. Same threading contract as
// every repository.
class RowRepository : public RepositoryBase
{
public:
    struct Table
    {
        QString name;           // "oauth_clients"
        QString keyColumn;      // "client_id"
        QString resourcePrefix; // "oauth-clients/"
        QString action;         // "oauth-client": audit actions "<action>.create" ...
        QSet<QString> boolColumns;
        QSet<QString> secretColumns; // left out of audit summaries
        QString orderBy = QStringLiteral("ordinal");
        bool hasUpdatedAt = true; // false for users (no updated_at column)
    };

    RowRepository(RepositoryContext context, Table table);

    static RowRepository oauthClients(const RepositoryContext &context);
    static RowRepository oauthTokens(const RepositoryContext &context); // key: access_token
    static RowRepository prompts(const RepositoryContext &context);
    static RowRepository resources(const RepositoryContext &context);
    static RowRepository userConfigs(const RepositoryContext &context);      // key: username
    static RowRepository settingsDocument(const RepositoryContext &context); // one row, id 1

    const Table &table() const { return m_table; }

    // `row` must hold the key column unless the table generates it.
    Result<void> create(const QVariantMap &row);
    Result<void> update(const QVariant &key, const QVariantMap &changes);
    Result<void> upsert(const QVariantMap &row); // create or replace by key
    Result<void> remove(const QVariant &key);
    Result<std::optional<QVariantMap>> find(const QVariant &key) const;
    Result<Page<QVariantMap>> list(const PageRequest &page) const;
    // Every row, in no particular order, through one forward-only query (no paging): for
    // reading a whole table back, as the migrator's plan and verification do.
    Result<void> forEach(const std::function<void(const QVariantMap &)> &take) const;

private:
    // The refusal on MCPHub's database, whose tables of these entities differ.
    std::optional<Error> consoleSchemaOnly() const;
    Columns toColumns(const QVariantMap &row) const;
    QVariantMap fromRecord(const QSqlRecord &record) const;
    QJsonObject summary(const QVariant &key, const QVariantMap &row) const;
    QString resource(const QVariant &key) const;

    Table m_table;
};

} // namespace mcphub
