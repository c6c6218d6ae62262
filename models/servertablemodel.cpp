#include "models/servertablemodel.h"

#include "models/repositoryrows.h"
#include "storage/db/serverfields.h"
#include "storage/db/serverrepository.h"
#include "storage/db/workspacecapabilities.h"
#include "storage/migration/serverentry.h"
#include "storage/nametext.h"
#include "storage/settings/jsonpointer.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <nlohmann/json.hpp>

namespace mcphub {

namespace {

using M = ServerTableModel;

// A server's id as its row keeps it, the one PendingTableModel tells the rows apart by: the
// console's integer id, or in MCPHub's database the uuid (its integer id is 0 there).
QString rowId(const ServerRecord &s)
{
    return s.uuid.isEmpty() ? QString::number(s.id) : s.uuid;
}

QVariantMap toMap(const ServerRecord &s)
{
    QVariantMap values = ServerFields::values(s);
    values.insert(M::kId, rowId(s));
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
    const QString id = c.original.value(M::kId).toString();
    if (sameName->has_value() && (c.kind == PendingChange::Kind::Add || rowId(**sameName) != id)) {
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
    if (!stored->has_value() || rowId(**stored) != id) {
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
    values.insert(kId, QString());
    return addRow(values);
}

int ServerTableModel::duplicateServer(int row)
{
    QVariantMap values = rowValues(row);
    if (values.isEmpty())
        return -1;
    values.insert(kId, QString());
    values.remove(kRowFindings); // the stored row's, not the copy's
    values.insert(kName, values.value(kName).toString() + QStringLiteral("-copy"));
    return addRow(values);
}

namespace {

// Two JSON texts (or empty for none) holding the same value.
bool sameJson(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return a.isEmpty() == b.isEmpty();
    const auto left = nlohmann::ordered_json::parse(a.toStdString(), nullptr, false);
    const auto right = nlohmann::ordered_json::parse(b.toStdString(), nullptr, false);
    if (left.is_discarded() || right.is_discarded())
        return a == b;
    return left == right;
}

} // namespace

Result<ServerRecord> ServerTableModel::recordAt(int row) const
{
    if (row < 0 || row >= rows().size())
        return Error::make(Error::Code::NotFound, tr("No server is selected."));
    const PendingRow &r = rows().at(row);
    ServerRecord base;
    const QString storedName = r.original.value(kName).toString();
    if (!storedName.isEmpty()) {
        const auto stored = ServerRepository(m_context).find(storedName);
        if (!stored)
            return stored.error();
        if (stored->has_value())
            base = **stored;
    }
    return overlay(base, r.current);
}

Result<QString> ServerTableModel::entryText(int row) const
{
    const auto record = recordAt(row);
    if (!record)
        return record.error();
    const auto text = ServerEntry::text(*record);
    if (!text)
        return text.error();
    return QString::fromUtf8(*text);
}

Result<int> ServerTableModel::setEntryText(int row, const QString &text)
{
    const auto current = recordAt(row);
    if (!current)
        return current.error();
    if (isReadOnly())
        return Error::make(Error::Code::ReadOnly, tr("This workspace is read-only."));
    const auto edited = ServerEntry::parse(text.toUtf8(), *current);
    if (!edited)
        return edited.error();
    // The parts the Servers page has no field for stay as they are: a change there is refused
    // rather than lost.
    const QString entry = JsonPointer::append(QStringLiteral("/mcpServers"), current->name);
    const QList<std::pair<const char *, QString ServerRecord::*>> kept{
        {"prompts", &ServerRecord::prompts},
        {"resources", &ServerRecord::resources},
        {"options", &ServerRecord::options},
        {"proxy", &ServerRecord::proxy},
        {"oauth", &ServerRecord::oauth}};
    for (const auto &[key, member] : kept) {
        if (!sameJson((*current).*member, (*edited).*member)) {
            return Error::make(Error::Code::Invalid,
                               tr("The Servers page does not change \"%1\": edit it in the "
                                  "settings file, or leave it as it is here.")
                                   .arg(QLatin1String(key)),
                               JsonPointer::append(entry, QLatin1String(key)));
        }
    }
    if (!sameJson(current->extra, edited->extra)) {
        const auto before = nlohmann::ordered_json::parse(
            current->extra.isEmpty() ? std::string("{}") : current->extra.toStdString(),
            nullptr,
            false);
        const auto after = nlohmann::ordered_json::parse(
            edited->extra.isEmpty() ? std::string("{}") : edited->extra.toStdString(),
            nullptr,
            false);
        QString key;
        for (const auto *side : {&after, &before}) {
            if (!key.isEmpty() || !side->is_object())
                continue;
            for (auto it = side->begin(); it != side->end(); ++it) {
                const auto *other = side == &after ? &before : &after;
                if (!other->is_object() || !other->contains(it.key())
                    || other->at(it.key()) != it.value()) {
                    key = QString::fromStdString(it.key());
                    break;
                }
            }
        }
        return Error::make(Error::Code::Invalid,
                           tr("The Servers page has no field for \"%1\" (a key MCPHub does not "
                              "know, or a value of another kind): edit it in the settings file.")
                               .arg(key),
                           JsonPointer::append(entry, key));
    }
    const QVariantMap before = rowValues(row);
    const QVariantMap after = ServerFields::values(*edited);
    QVariantMap changed;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (it.key() == kName)
            continue;
        const QVariant old = before.value(it.key());
        if (old == it.value())
            continue;
        if (it.value().typeId() == QMetaType::QString && old.typeId() == QMetaType::QString
            && sameJson(old.toString(), it.value().toString())
            && (it.value().toString().startsWith(QLatin1Char('{'))
                || it.value().toString().startsWith(QLatin1Char('['))))
            continue; // the same JSON, spelt otherwise
        changed.insert(it.key(), it.value());
    }
    if (changed.isEmpty())
        return 0;
    if (!setValues(row, changed, tr("Edit %1 as JSON").arg(current->name)))
        return Error::make(Error::Code::ReadOnly, tr("This workspace is read-only."));
    return int(changed.size());
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
