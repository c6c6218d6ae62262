#include "storage/migration/migrationreport.h"

#include <QJsonArray>

#include "storage/settings/jsonpointer.h"

#include <algorithm>

namespace mcphub {

namespace {

QJsonArray itemsJson(const QList<MigrationReport::Item> &items)
{
    QJsonArray array;
    for (const auto &item : items)
        array.append(QJsonObject{{QStringLiteral("pointer"), item.pointer},
                                 {QStringLiteral("message"), item.message}});
    return array;
}

} // namespace

MigrationReport::EntityCounts &MigrationReport::countsFor(const QString &entity)
{
    for (EntityCounts &c : counts) {
        if (c.entity == entity)
            return c;
    }
    counts.append(EntityCounts{entity});
    return counts.last();
}

MigrationReport::EntityCounts MigrationReport::countsFor(const QString &entity) const
{
    for (const EntityCounts &c : counts) {
        if (c.entity == entity)
            return c;
    }
    return EntityCounts{entity};
}

QJsonObject MigrationReport::countsJson() const
{
    QJsonObject object;
    for (const EntityCounts &c : counts) {
        QJsonObject entity{{QStringLiteral("total"), c.total},
                           {QStringLiteral("new"), c.created},
                           {QStringLiteral("identical"), c.identical},
                           {QStringLiteral("conflicting"), c.conflicting},
                           {QStringLiteral("overwritten"), c.overwritten},
                           {QStringLiteral("skipped"), c.skipped},
                           {QStringLiteral("rejected"), c.rejected}};
        if (!c.sha256.isEmpty())
            entity.insert(QStringLiteral("sha256"), c.sha256);
        object.insert(c.entity, entity);
    }
    return object;
}

int MigrationReport::totalWritten() const
{
    int n = 0;
    for (const EntityCounts &c : counts)
        n += c.created + c.overwritten;
    return n;
}

bool MigrationReport::stopsPrunedServer(const HubChange &change) const
{
    if (change.kind != HubChange::Kind::StopServer)
        return false;
    const QString pointer = JsonPointer::append(QStringLiteral("/mcpServers"), change.server);
    return std::any_of(
        pruned.cbegin(), pruned.cend(), [&](const Item &item) { return item.pointer == pointer; });
}

QJsonObject MigrationReport::toJson() const
{
    QJsonObject o;
    if (runId > 0)
        o.insert(QStringLiteral("runId"), runId);
    o.insert(QStringLiteral("status"), status);
    o.insert(QStringLiteral("dryRun"), dryRun);
    o.insert(QStringLiteral("source"), sourcePath);
    o.insert(QStringLiteral("sourceSha256"), sourceSha256);
    o.insert(QStringLiteral("target"), target);
    o.insert(QStringLiteral("policy"), policy);
    if (!backupPath.isEmpty())
        o.insert(QStringLiteral("backup"), backupPath);
    if (!rejectsPath.isEmpty())
        o.insert(QStringLiteral("rejectsFile"), rejectsPath);
    o.insert(QStringLiteral("startedAt"), startedAt.toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("finishedAt"), finishedAt.toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("counts"), countsJson());
    o.insert(QStringLiteral("conflicts"), itemsJson(conflicts));
    o.insert(QStringLiteral("rejects"), itemsJson(rejects));
    o.insert(QStringLiteral("differences"), itemsJson(differences));
    o.insert(QStringLiteral("warnings"), itemsJson(warnings));
    if (!losses.isEmpty())
        o.insert(QStringLiteral("losses"), itemsJson(losses));
    if (!idRewrites.isEmpty())
        o.insert(QStringLiteral("idRewrites"), itemsJson(idRewrites));
    if (!kept.isEmpty())
        o.insert(QStringLiteral("kept"), itemsJson(kept));
    if (!pruned.isEmpty())
        o.insert(QStringLiteral("pruned"), itemsJson(pruned));
    if (error) {
        o.insert(QStringLiteral("error"),
                 QJsonObject{{QStringLiteral("message"), error->message},
                             {QStringLiteral("where"), error->where},
                             {QStringLiteral("detail"), error->detail}});
    }
    return o;
}

} // namespace mcphub
