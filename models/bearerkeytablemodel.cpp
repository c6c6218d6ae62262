#include "models/bearerkeytablemodel.h"

#include "models/repositoryrows.h"
#include "storage/db/bearerkeyrepository.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace mcphub {

namespace {

using M = BearerKeyTableModel;

QStringList list(const QString &jsonArray)
{
    return BearerKeyRecord::names(jsonArray);
}

QString keptOrNew(const QString &stored, const QStringList &names)
{
    return BearerKeyRecord::namesKeeping(stored, names);
}

QVariantMap toMap(const BearerKeyRecord &k)
{
    QVariantMap row{{M::kId, k.id},
                    {M::kName, k.name},
                    {M::kToken, k.token},
                    {M::kEnabled, k.enabled},
                    {M::kAccessType, k.accessType},
                    {M::kAllowedGroups, list(k.allowedGroups)},
                    {M::kAllowedServers, list(k.allowedServers)},
                    {M::kStoredAllowedGroups, k.allowedGroups},
                    {M::kStoredAllowedServers, k.allowedServers},
                    {kRowUpdatedAt, k.updatedAt}};
    putRowFindings(row, k.findings);
    return row;
}

BearerKeyRecord overlay(BearerKeyRecord k, const QVariantMap &m)
{
    k.name = m.value(M::kName).toString().trimmed();
    k.token = m.value(M::kToken).toString().trimmed();
    k.enabled = m.value(M::kEnabled).toBool();
    k.accessType = m.value(M::kAccessType).toString();
    k.allowedGroups = keptOrNew(k.allowedGroups, m.value(M::kAllowedGroups).toStringList());
    k.allowedServers = keptOrNew(k.allowedServers, m.value(M::kAllowedServers).toStringList());
    return k;
}

} // namespace

QStringList BearerKeyTableModel::accessTypes()
{
    return BearerKeyRecord::accessTypes();
}

QString BearerKeyTableModel::generateToken()
{
    return BearerKeyRecord::generateToken();
}

BearerKeyTableModel::BearerKeyTableModel(const RepositoryContext &context, QObject *parent)
    : PendingTableModel(parent)
    , m_context(context)
{
    setLabelField(kName);
    setStorage(context.kind, QStringLiteral("bearerKeys"));
    setColumns({{kName, tr("Name"), Kind::Text},
                {kToken, tr("Token"), Kind::Secret, false, false},
                {kEnabled, tr("Enabled"), Kind::Bool},
                {kAccessType, tr("Access"), Kind::Text}});
    setFieldTitle(kAllowedGroups, tr("Allowed groups"));
    setFieldTitle(kAllowedServers, tr("Allowed servers"));
    setLoader([this]() -> Result<QList<QVariantMap>> {
        return listAllRows(BearerKeyRepository(m_context), toMap);
    });
    setWriter([this](const QList<PendingChange> &changes) {
        return writeChangesById<BearerKeyRecord, BearerKeyRepository>(
            m_context,
            changes,
            kId,
            kName,
            overlay,
            [](const QString &id) {
                return Error::make(Error::Code::NotFound,
                                   tr("The key was deleted meanwhile (by another console?). "
                                      "Revert this row or add it again."),
                                   QStringLiteral("bearer-keys/") + id);
            },
            [](const QString &id) {
                return rowChangedMeanwhile(QStringLiteral("bearer-keys/") + id);
            });
    });
    setReadOnly(context.readOnly);
}

int BearerKeyTableModel::addKey(const QString &name)
{
    return addRow({{kId, QString()},
                   {kName, name},
                   {kToken, generateToken()},
                   {kEnabled, true},
                   {kAccessType, QStringLiteral("all")},
                   {kAllowedGroups, QStringList()},
                   {kAllowedServers, QStringList()}});
}

QHash<QString, QString> BearerKeyTableModel::validate(int row) const
{
    QHash<QString, QString> found;
    if (value(row, kName).toString().trimmed().isEmpty())
        found.insert(kName, tr("The name is empty."));
    if (value(row, kToken).toString().trimmed().isEmpty())
        found.insert(kToken, tr("The token is empty: generate one."));
    // Lists MCPHub cannot load, and an access type it does not know, as stored (a row it or
    // another tool wrote), are the row's findings (McphubRowCheck): named on the row, kept as
    // they are unless entered anew, and no reason to refuse an edit of the key's other fields.
    if (!storedAsIs(row, kAccessType, {kAccessType})
        && !storedAsIs(row, kAllowedGroups, {kAllowedGroups})
        && !storedAsIs(row, kAllowedServers, {kAllowedServers})) {
        const QHash<QString, QString> access
            = BearerKeyRecord::accessProblems(value(row, kAccessType).toString(),
                                              value(row, kAllowedGroups).toStringList(),
                                              value(row, kAllowedServers).toStringList());
        for (auto it = access.cbegin(); it != access.cend(); ++it)
            found.insert(it.key(), it.value());
    }
    return found;
}

} // namespace mcphub
