#include "models/bearerkeytablemodel.h"

#include "models/repositoryrows.h"
#include "storage/db/bearerkeyrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <algorithm>

namespace mcphub {

namespace {

using M = BearerKeyTableModel;

QString arrayText(const QStringList &names, bool keepNull)
{
    if (names.isEmpty() && keepNull)
        return QString();
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(names)).toJson(QJsonDocument::Compact));
}

QStringList list(const QString &jsonArray)
{
    QStringList names;
    for (const QJsonValue &v : QJsonDocument::fromJson(jsonArray.toUtf8()).array())
        names << v.toString();
    return names;
}

// Whether stored text is what MCPHub can load as a list of names: SQL NULL, or a JSON array
// of strings (invalid text makes every MCPHub query that loads the row throw).
bool loadableList(const QString &jsonArray)
{
    if (jsonArray.isNull())
        return true;
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(jsonArray.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !json.isArray())
        return false;
    const QJsonArray array = json.array();
    return std::all_of(
        array.cbegin(), array.cend(), [](const QJsonValue &v) { return v.isString(); });
}

// The stored text while the names are those it holds (its bytes kept, as written by MCPHub
// or the file), else the new list.
QString keptOrNew(const QString &stored, const QStringList &names)
{
    if (loadableList(stored) && list(stored) == names)
        return stored;
    return arrayText(names, stored.isNull());
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
    return {QStringLiteral("all"),
            QStringLiteral("groups"),
            QStringLiteral("servers"),
            QStringLiteral("custom")};
}

QString BearerKeyTableModel::generateToken()
{
    // MCPHub's own format (POST /api/auth/keys: "mcphub_" + randomBytes(32) as lowercase hex),
    // from the system's CSPRNG.
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / 4);
    return QStringLiteral("mcphub_") + QString::fromLatin1(bytes.toHex());
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
    const QString access = value(row, kAccessType).toString();
    if (storedAsIs(row, kAccessType, {kAccessType})
        || storedAsIs(row, kAllowedGroups, {kAllowedGroups})
        || storedAsIs(row, kAllowedServers, {kAllowedServers})) {
        // What MCPHub makes of this key depends on values it cannot read: not checked further.
    } else if (!accessTypes().contains(access)) {
        found.insert(kAccessType, tr("The access type is all, groups, servers or custom."));
    } else if (access == QLatin1String("groups")
               && value(row, kAllowedGroups).toStringList().isEmpty()) {
        found.insert(kAllowedGroups, tr("Group access needs at least one group."));
    } else if (access == QLatin1String("servers")
               && value(row, kAllowedServers).toStringList().isEmpty()) {
        found.insert(kAllowedServers, tr("Server access needs at least one server."));
    } else if (access == QLatin1String("custom")
               && value(row, kAllowedGroups).toStringList().isEmpty()
               && value(row, kAllowedServers).toStringList().isEmpty()) {
        found.insert(kAllowedGroups, tr("Custom access needs at least one group or server."));
    }
    return found;
}

} // namespace mcphub
