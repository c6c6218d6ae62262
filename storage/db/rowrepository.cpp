#include "storage/db/rowrepository.h"

#include "storage/db/sqlerror.h"
#include "storage/db/tablesecrets.h"
#include "storage/db/workspacecapabilities.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>

namespace mcphub {

RowRepository::RowRepository(RepositoryContext context, Table table)
    : RepositoryBase(std::move(context))
    , m_table(std::move(table))
{}

RowRepository RowRepository::oauthClients(const RepositoryContext &context)
{
    return RowRepository(context,
                         {QStringLiteral("oauth_clients"),
                          QStringLiteral("client_id"),
                          QStringLiteral("oauth-clients/"),
                          QStringLiteral("oauth-client"),
                          {},
                          TableSecrets::secretColumns(QStringLiteral("oauth_clients"))});
}

RowRepository RowRepository::oauthTokens(const RepositoryContext &context)
{
    // Tokens are secrets: the audit trail names the client and user only.
    return RowRepository(context,
                         {QStringLiteral("oauth_tokens"),
                          QStringLiteral("access_token"),
                          QStringLiteral("oauth-tokens/"),
                          QStringLiteral("oauth-token"),
                          {},
                          TableSecrets::secretColumns(QStringLiteral("oauth_tokens"))});
}

RowRepository RowRepository::prompts(const RepositoryContext &context)
{
    return RowRepository(context,
                         {QStringLiteral("prompts"),
                          QStringLiteral("id"),
                          QStringLiteral("prompts/"),
                          QStringLiteral("prompt"),
                          {QStringLiteral("enabled")},
                          TableSecrets::secretColumns(QStringLiteral("prompts"))});
}

RowRepository RowRepository::resources(const RepositoryContext &context)
{
    return RowRepository(context,
                         {QStringLiteral("resources"),
                          QStringLiteral("id"),
                          QStringLiteral("resources/"),
                          QStringLiteral("resource"),
                          {QStringLiteral("enabled")},
                          TableSecrets::secretColumns(QStringLiteral("resources"))});
}

RowRepository RowRepository::userConfigs(const RepositoryContext &context)
{
    // A user's configuration may hold keys and tokens: only its name reaches the audit.
    return RowRepository(context,
                         {QStringLiteral("user_configs"),
                          QStringLiteral("username"),
                          QStringLiteral("user-configs/"),
                          QStringLiteral("user-config"),
                          {},
                          TableSecrets::secretColumns(QStringLiteral("user_configs"))});
}

RowRepository RowRepository::settingsDocument(const RepositoryContext &context)
{
    return RowRepository(context,
                         {QStringLiteral("settings_document"),
                          QStringLiteral("id"),
                          QStringLiteral("settings-document/"),
                          QStringLiteral("settings-document"),
                          {},
                          TableSecrets::secretColumns(QStringLiteral("settings_document")),
                          QStringLiteral("id")});
}

QString RowRepository::resource(const QVariant &key) const
{
    // A secret key (an access token) is named by a short digest: recognisable, not usable.
    if (m_table.secretColumns.contains(m_table.keyColumn)) {
        const QByteArray digest
            = QCryptographicHash::hash(key.toString().toUtf8(), QCryptographicHash::Sha256);
        return m_table.resourcePrefix + QStringLiteral("sha256:")
               + QString::fromLatin1(digest.toHex().left(12));
    }
    return m_table.resourcePrefix + key.toString();
}

RepositoryBase::Columns RowRepository::toColumns(const QVariantMap &row) const
{
    const SqlDialect d = dialect();
    Columns columns;
    for (auto it = row.cbegin(); it != row.cend(); ++it) {
        const QVariant &v = it.value();
        if (v.metaType() == QMetaType::fromType<bool>())
            columns.append({it.key(), d.boolValue(v.toBool())});
        else if (v.metaType() == QMetaType::fromType<QDateTime>())
            columns.append({it.key(), d.timestampValue(v.toDateTime())});
        else if (v.metaType() == QMetaType::fromType<QString>())
            columns.append({it.key(), text(v.toString())});
        else
            columns.append({it.key(), v});
    }
    return columns;
}

QVariantMap RowRepository::fromRecord(const QSqlRecord &record) const
{
    const SqlDialect d = dialect();
    QVariantMap row;
    for (int i = 0; i < record.count(); ++i) {
        const QString name = record.fieldName(i);
        const QVariant v = record.value(i);
        if (v.isNull())
            row.insert(name, QVariant());
        else if (m_table.boolColumns.contains(name))
            row.insert(name, v.toBool());
        else if (name == QLatin1String("created_at") || name == QLatin1String("updated_at"))
            row.insert(name, d.timestampFromValue(v));
        else
            row.insert(name, v);
    }
    return row;
}

QJsonObject RowRepository::summary(const QVariant &key, const QVariantMap &row) const
{
    QJsonObject summary;
    if (!m_table.secretColumns.contains(m_table.keyColumn))
        summary.insert(m_table.keyColumn, key.toString());
    QJsonArray columns;
    for (auto it = row.cbegin(); it != row.cend(); ++it) {
        columns.append(it.key());
        const bool shortScalar = (it.value().metaType() == QMetaType::fromType<QString>()
                                  && it.value().toString().size() <= 200)
                                 || it.value().metaType() == QMetaType::fromType<bool>();
        if (shortScalar && !m_table.secretColumns.contains(it.key())
            && it.key() != m_table.keyColumn && it.key() != QLatin1String("key_order"))
            summary.insert(it.key(), QJsonValue::fromVariant(it.value()));
    }
    summary.insert(QStringLiteral("columns"), columns);
    return summary;
}

std::optional<Error> RowRepository::consoleSchemaOnly() const
{
    // Its columns are the console's (ordinal, key_order ...): MCPHub's own tables of these
    // entities are RecordRepository's.
    if (!inMcphubDatabase())
        return std::nullopt;
    return WorkspaceCapabilities(WorkspaceKind::McphubDatabase)
        .consoleTableNotBuilt(m_table.name, context().where);
}

Result<void> RowRepository::create(const QVariantMap &row)
{
    if (auto refused = consoleSchemaOnly())
        return *refused;
    const QVariant key = row.value(m_table.keyColumn);
    return audited(m_table.action + QStringLiteral(".create"),
                   resource(key),
                   QStringLiteral("CREATE"),
                   {},
                   summary(key, row),
                   [&]() -> Result<void> {
                       Columns columns = toColumns(row);
                       if (m_table.hasUpdatedAt && !row.contains(QStringLiteral("updated_at")))
                           columns.append({QStringLiteral("updated_at"), now()});
                       const auto r = insertRow(m_table.name, columns);
                       if (!r)
                           return r.error();
                       return {};
                   });
}

Result<void> RowRepository::update(const QVariant &key, const QVariantMap &changes)
{
    const auto old = find(key);
    if (!old)
        return old.error();
    if (!old->has_value()) {
        return Error::make(
            Error::Code::NotFound,
            QCoreApplication::translate("RowRepository", "There is no such entry to change."),
            resource(key));
    }
    return audited(m_table.action + QStringLiteral(".update"),
                   resource(key),
                   QStringLiteral("UPDATE"),
                   summary(key, **old),
                   summary(key, changes),
                   [&]() -> Result<void> {
                       Columns columns = toColumns(changes);
                       if (m_table.hasUpdatedAt && !changes.contains(QStringLiteral("updated_at")))
                           columns.append({QStringLiteral("updated_at"), now()});
                       const auto r = updateRows(m_table.name, columns, m_table.keyColumn, key);
                       if (!r)
                           return r.error();
                       return {};
                   });
}

Result<void> RowRepository::upsert(const QVariantMap &row)
{
    const QVariant key = row.value(m_table.keyColumn);
    const auto old = find(key);
    if (!old)
        return old.error();
    if (!old->has_value())
        return create(row);
    QVariantMap changes = row;
    changes.remove(m_table.keyColumn);
    return update(key, changes);
}

Result<void> RowRepository::remove(const QVariant &key)
{
    const auto old = find(key);
    if (!old)
        return old.error();
    if (!old->has_value()) {
        return Error::make(
            Error::Code::NotFound,
            QCoreApplication::translate("RowRepository", "There is no such entry to delete."),
            resource(key));
    }
    return audited(m_table.action + QStringLiteral(".delete"),
                   resource(key),
                   QStringLiteral("DELETE"),
                   summary(key, **old),
                   {},
                   [&]() -> Result<void> {
                       const auto r = deleteRows(m_table.name, m_table.keyColumn, key);
                       if (!r)
                           return r.error();
                       return {};
                   });
}

Result<std::optional<QVariantMap>> RowRepository::find(const QVariant &key) const
{
    if (auto refused = consoleSchemaOnly())
        return *refused;
    const auto rows = selectByKey(m_table.name, m_table.keyColumn, key);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<QVariantMap>();
    return std::optional<QVariantMap>(fromRecord(rows->first()));
}

Result<Page<QVariantMap>> RowRepository::list(const PageRequest &page) const
{
    if (auto refused = consoleSchemaOnly())
        return *refused;
    Page<QVariantMap> result;
    result.total = -1;
    if (page.countTotal) {
        const auto total = countRows(m_table.name, SqlFilter());
        if (!total)
            return total.error();
        result.total = *total;
    }
    const QString order = m_table.orderBy == m_table.keyColumn
                              ? m_table.keyColumn
                              : m_table.orderBy + QStringLiteral(", ") + m_table.keyColumn;
    const auto rows = selectRows(m_table.name, SqlFilter(), order, page);
    if (!rows)
        return rows.error();
    for (const QSqlRecord &r : *rows)
        result.items << fromRecord(r);
    return result;
}

Result<void> RowRepository::forEach(const std::function<void(const QVariantMap &)> &take) const
{
    if (auto refused = consoleSchemaOnly())
        return *refused;
    QSqlQuery query(db());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT * FROM ") + SqlDialect::escape(db(), m_table.name)))
        return sqlError(query.lastError(),
                        context().where + QStringLiteral(": ") + m_table.name,
                        QCoreApplication::translate("RowRepository", "Cannot read the table."));
    // The field names once: QSqlQuery::record() builds every field's description per call.
    QSqlRecord row = query.record();
    while (query.next()) {
        for (int i = 0; i < row.count(); ++i)
            row.setValue(i, query.value(i));
        take(fromRecord(row));
    }
    if (query.lastError().isValid())
        return sqlError(query.lastError(),
                        context().where + QStringLiteral(": ") + m_table.name,
                        QCoreApplication::translate("RowRepository", "Cannot read the table."));
    return {};
}

} // namespace mcphub
