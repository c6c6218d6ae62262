#include "models/servertablemodel.h"

#include "models/repositoryrows.h"
#include "storage/db/serverfields.h"
#include "storage/db/serverrepository.h"
#include "storage/db/workspacecapabilities.h"
#include "storage/nametext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <nlohmann/json.hpp>

namespace mcphub {

namespace {

using M = ServerTableModel;

QVariantMap toMap(const ServerRecord &s)
{
    QVariantMap values = ServerFields::values(s);
    values.insert(M::kId, s.id);
    values.insert(kRowUpdatedAt, s.updatedAt);
    putRowFindings(values, s.findings);
    return values;
}

ServerRecord overlay(const ServerRecord &s, const QVariantMap &m)
{
    return ServerFields::overlay(s, m);
}

ChangeFailure failed(int index, const QString &field, Error error)
{
    return {index, field, std::move(error)};
}

// Whether the stored row is not the one the editor read: its updated_at moved (MCPHub's own
// saves set it too, its OAuth state among them).
bool changedSinceRead(const PendingChange &c, const ServerRecord &stored)
{
    const QDateTime seen = c.original.value(kRowUpdatedAt).toDateTime();
    return seen.isValid() && stored.updatedAt != seen;
}

std::optional<ChangeFailure> writeChange(ServerRepository &repo, int index, const PendingChange &c)
{
    const QString name = c.current.value(M::kName).toString().trimmed();
    const QString originalName = c.original.value(M::kName).toString();
    const QString where = QStringLiteral("servers/") + (name.isEmpty() ? originalName : name);
    if (c.kind == PendingChange::Kind::Remove) {
        const auto stored = repo.find(originalName);
        if (!stored)
            return failed(index, {}, stored.error());
        if (stored->has_value() && changedSinceRead(c, **stored))
            return failed(
                index, M::kName, rowChangedMeanwhile(QStringLiteral("servers/") + originalName));
        if (auto r = repo.remove(originalName); !r)
            return failed(index, M::kName, r.error());
        return {};
    }
    const auto sameName = repo.find(name);
    if (!sameName)
        return failed(index, {}, sameName.error());
    const qint64 id = c.original.value(M::kId).toLongLong();
    if (sameName->has_value() && (c.kind == PendingChange::Kind::Add || (*sameName)->id != id)) {
        return failed(index,
                      M::kName,
                      Error::make(Error::Code::Conflict,
                                  QCoreApplication::translate("ServerTableModel",
                                                              "A server named \"%1\" already "
                                                              "exists. Choose another name.")
                                      .arg(name),
                                  where));
    }
    if (c.kind == PendingChange::Kind::Add) {
        if (auto r = repo.create(overlay(ServerRecord(), c.current)); !r)
            return failed(index, {}, r.error());
        return {};
    }
    const auto stored = repo.find(originalName);
    if (!stored)
        return failed(index, {}, stored.error());
    if (stored->has_value() && changedSinceRead(c, **stored))
        return failed(
            index, M::kName, rowChangedMeanwhile(QStringLiteral("servers/") + originalName));
    if (!stored->has_value() || (*stored)->id != id) {
        return failed(index,
                      M::kName,
                      Error::make(Error::Code::NotFound,
                                  QCoreApplication::translate("ServerTableModel",
                                                              "The server \"%1\" was deleted "
                                                              "meanwhile (by another console?). "
                                                              "Revert this row or add it again.")
                                      .arg(originalName),
                                  where));
    }
    // The stored row with the values as read: what the administrator did not edit is not
    // written (a stored value the editor reads differently stays byte for byte).
    const ServerRecord unedited = overlay(**stored, c.original);
    if (auto r = repo.update(overlay(**stored, c.current), &unedited); !r)
        return failed(index, {}, r.error());
    return {};
}

} // namespace

QList<QPair<QString, QString>> ServerTableModel::pairsFromJson(const QString &objectText)
{
    QList<QPair<QString, QString>> pairs;
    const nlohmann::ordered_json object
        = nlohmann::ordered_json::parse(objectText.toStdString(), nullptr, false);
    if (!object.is_object())
        return pairs;
    for (auto it = object.begin(); it != object.end(); ++it) {
        pairs << qMakePair(QString::fromStdString(it.key()),
                           it.value().is_string()
                               ? QString::fromStdString(it.value().get<std::string>())
                               : QString::fromStdString(it.value().dump()));
    }
    return pairs;
}

QString ServerTableModel::jsonFromPairs(const QList<QPair<QString, QString>> &pairs)
{
    if (pairs.isEmpty())
        return {};
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (const auto &[key, value] : pairs)
        object[key.toStdString()] = value.toStdString();
    return QString::fromStdString(object.dump());
}

QStringList ServerTableModel::types()
{
    return ServerFields::types();
}

ServerTableModel::ServerTableModel(const RepositoryContext &context, QObject *parent)
    : PendingTableModel(parent)
    , m_context(context)
{
    setLabelField(kName);
    setStorage(context.kind, QStringLiteral("mcpServers"));
    setColumns({{kName, tr("Name"), Kind::Text},
                {kType, tr("Type"), Kind::Text},
                {kEnabled, tr("Enabled"), Kind::Bool},
                {kDescription, tr("Description"), Kind::Text},
                {kOwner, tr("Owner"), Kind::Text}});
    setFieldTitle(kCommand, tr("Command"));
    setFieldTitle(kArgs, tr("Arguments"));
    setFieldTitle(kEnv, tr("Environment"));
    setFieldTitle(kUrl, tr("URL"));
    setFieldTitle(kHeaders, tr("Headers"));
    setFieldTitle(kPassthrough, tr("Passthrough headers"));
    setFieldTitle(kKeepAlive, tr("Keep-alive"));
    setFieldTitle(kKeepAliveInterval, tr("Keep-alive interval"));
    setFieldTitle(kOpenApiUrl, tr("OpenAPI URL"));
    setFieldTitle(kOpenApiSchema, tr("Inline schema"));
    setFieldTitle(kOpenApiSecurity, tr("Security"));
    setFieldTitle(kTools, tr("Tool overrides"));
    setLoader([this]() -> Result<QList<QVariantMap>> {
        return listAllRows(ServerRepository(m_context), toMap);
    });
    setWriter([this](const QList<PendingChange> &changes) {
        return writeInTransaction(m_context, [&]() -> std::optional<ChangeFailure> {
            ServerRepository repo(m_context);
            // Deletions first, so a server can be deleted and its name reused in one Apply.
            for (int pass = 0; pass < 2; ++pass) {
                for (int i = 0; i < changes.size(); ++i) {
                    const bool removal = changes.at(i).kind == PendingChange::Kind::Remove;
                    if (removal != (pass == 0))
                        continue;
                    if (auto failure = writeChange(repo, i, changes.at(i)))
                        return failure;
                }
            }
            return std::nullopt;
        });
    });
    setReadOnly(context.readOnly);
    setAppliedNote(WorkspaceCapabilities(context.kind).serverChangeNote());
}

int ServerTableModel::addServer(const QString &name, const QString &type)
{
    ServerRecord blank;
    blank.name = name;
    blank.type = type;
    QVariantMap values = toMap(blank);
    values.insert(kId, 0);
    return addRow(values);
}

int ServerTableModel::duplicateServer(int row)
{
    QVariantMap values = rowValues(row);
    if (values.isEmpty())
        return -1;
    values.insert(kId, 0);
    values.remove(kRowFindings); // the stored row's, not the copy's
    values.insert(kName, values.value(kName).toString() + QStringLiteral("-copy"));
    return addRow(values);
}

QHash<QString, QString> ServerTableModel::rules(const QVariantMap &m)
{
    return ServerFields::problems(m);
}

QHash<QString, QString> ServerTableModel::validate(int row) const
{
    QHash<QString, QString> found = rules(rowValues(row));
    // An OpenAPI block stored as text the console cannot read shows no URL or schema: the
    // row's finding names it, and Apply keeps it as it is unless these fields are entered.
    const QStringList openapiFields{kType, kOpenApiUrl, kOpenApiSchema, kOpenApiSecurity};
    if (storedAsIs(row, QStringLiteral("openapi"), openapiFields)) {
        for (const QString &field : openapiFields)
            found.remove(field);
    }
    const QString name = value(row, kName).toString().trimmed();
    if (rowState(row) == PendingRow::State::Added) {
        if (const QString problem = NameText::problem(value(row, kName).toString());
            !problem.isEmpty())
            found.insert(kName, problem);
    }
    for (int other = 0; other < rowCount() && !name.isEmpty(); ++other) {
        if (other != row && rowState(other) != PendingRow::State::Deleted
            && value(other, kName).toString().trimmed() == name) {
            found.insert(kName, tr("Another server is named \"%1\".").arg(name));
        }
    }
    return found;
}

QList<HubChange> ServerTableModel::hubChangesBefore(const QList<PendingChange> &changes)
{
    QList<HubChange> stops;
    for (const PendingChange &c : changes) {
        if (c.kind == PendingChange::Kind::Add || !c.original.value(kEnabled).toBool())
            continue;
        const QString stored = c.original.value(kName).toString();
        if (c.kind == PendingChange::Kind::Remove
            || c.current.value(kName).toString().trimmed() != stored)
            stops << HubChange::stopServer(stored);
    }
    return stops;
}

QList<HubChange> ServerTableModel::hubChangesAfter(const QList<PendingChange> &changes)
{
    QList<HubChange> calls;
    for (const PendingChange &c : changes) {
        if (c.kind == PendingChange::Kind::Remove)
            continue; // stopped before (hubChangesBefore)
        const ServerRecord after = overlay(ServerRecord(), c.current);
        if (c.kind == PendingChange::Kind::Add) {
            calls << HubChange::forServer(std::nullopt, after);
            continue;
        }
        const ServerRecord before = overlay(ServerRecord(), c.original);
        if (before.name != after.name) {
            if (after.enabled)
                calls << HubChange::startServer(after.name); // the old name was stopped before
            continue;
        }
        calls << HubChange::forServer(before, after);
    }
    return calls;
}

} // namespace mcphub
