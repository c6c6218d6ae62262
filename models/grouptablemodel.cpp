#include "models/grouptablemodel.h"

#include "models/repositoryrows.h"
#include "storage/db/grouprepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mcphub {

namespace {

using M = GroupTableModel;

QVariantMap toMap(const GroupRecord &g)
{
    QVariantMap row{{M::kId, g.id},
                    {M::kName, g.name},
                    {M::kDescription, g.description},
                    {M::kOwner, g.owner},
                    {M::kServers, g.servers},
                    {kRowUpdatedAt, g.updatedAt}};
    putRowFindings(row, g.findings);
    return row;
}

GroupRecord overlay(GroupRecord g, const QVariantMap &m)
{
    g.name = m.value(M::kName).toString().trimmed();
    g.description = m.value(M::kDescription).toString();
    if (g.description.isEmpty())
        g.description = QString();
    g.owner = m.value(M::kOwner).toString();
    if (g.owner.isEmpty())
        g.owner = QString();
    g.servers = m.value(M::kServers).toString();
    if (g.servers.isEmpty())
        g.servers = QStringLiteral("[]");
    return g;
}

} // namespace

GroupTableModel::GroupTableModel(const RepositoryContext &context, QObject *parent)
    : PendingTableModel(parent)
    , m_context(context)
{
    setLabelField(kName);
    setStorage(context.kind, QStringLiteral("groups"));
    setColumns({{kName, tr("Name"), Kind::Text},
                {kDescription, tr("Description"), Kind::Text},
                {kOwner, tr("Owner"), Kind::Text},
                {kServers, tr("Servers"), Kind::Text, false, false}});
    setLoader([this]() -> Result<QList<QVariantMap>> {
        return listAllRows(GroupRepository(m_context), toMap);
    });
    setWriter([this](const QList<PendingChange> &changes) {
        return writeChangesById<GroupRecord, GroupRepository>(
            m_context,
            changes,
            kId,
            kName,
            overlay,
            [](const QString &id) {
                return Error::make(Error::Code::NotFound,
                                   tr("The group was deleted meanwhile (by another console?). "
                                      "Revert this row or add it again."),
                                   QStringLiteral("groups/") + id);
            },
            [](const QString &id) { return rowChangedMeanwhile(QStringLiteral("groups/") + id); });
    });
    setReadOnly(context.readOnly);
}

int GroupTableModel::addGroup(const QString &name)
{
    return addRow({{kId, QString()},
                   {kName, name},
                   {kDescription, QString()},
                   {kOwner, QString()},
                   {kServers, QStringLiteral("[]")}});
}

QList<QPair<QString, QStringList>> GroupTableModel::members(const QString &serversJson)
{
    QList<QPair<QString, QStringList>> result;
    const QJsonArray array = QJsonDocument::fromJson(serversJson.toUtf8()).array();
    for (const QJsonValue &v : array) {
        if (v.isString()) {
            result << qMakePair(v.toString(), QStringList());
            continue;
        }
        const QJsonObject o = v.toObject();
        QStringList tools;
        for (const QJsonValue &t : o.value(QStringLiteral("tools")).toArray())
            tools << t.toString();
        result << qMakePair(o.value(QStringLiteral("name")).toString(), tools);
    }
    return result;
}

QString GroupTableModel::serversJson(const QList<QPair<QString, QStringList>> &members)
{
    QJsonArray array;
    for (const auto &[name, tools] : members) {
        if (tools.isEmpty())
            array.append(name);
        else
            array.append(QJsonObject{{QStringLiteral("name"), name},
                                     {QStringLiteral("tools"), QJsonArray::fromStringList(tools)}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

bool GroupTableModel::setMembers(int row, const QList<QPair<QString, QStringList>> &members)
{
    return setValue(
        row, kServers, serversJson(members), tr("Change the servers of %1").arg(rowLabel(row)));
}

QString GroupTableModel::displayText(const Column &column, const QVariant &value) const
{
    if (column.field == kServers) {
        QStringList names;
        for (const auto &member : members(value.toString()))
            names << member.first;
        return names.join(QStringLiteral(", "));
    }
    return PendingTableModel::displayText(column, value);
}

QHash<QString, QString> GroupTableModel::validate(int row) const
{
    QHash<QString, QString> found;
    if (value(row, kName).toString().trimmed().isEmpty())
        found.insert(kName, tr("The name is empty."));
    return found;
}

} // namespace mcphub
