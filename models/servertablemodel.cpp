#include "models/servertablemodel.h"

#include "models/repositoryrows.h"
#include "storage/db/serverrepository.h"
#include "storage/nametext.h"
#include "storage/settings/environmentexpansion.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <nlohmann/json.hpp>

namespace mcphub {

namespace {

using M = ServerTableModel;

QStringList stringList(const QString &jsonArray)
{
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(jsonArray.toUtf8()).array();
    for (const QJsonValue &v : array)
        list << v.toString();
    return list;
}

QString jsonArrayText(const QStringList &list)
{
    if (list.isEmpty())
        return {};
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QString jsonText(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented))
            .trimmed();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented))
            .trimmed();
    return {};
}

QVariantMap toMap(const ServerRecord &s)
{
    const QJsonObject openapi = QJsonDocument::fromJson(s.openapi.toUtf8()).object();
    QVariantMap row{{M::kId, s.id},
                    {M::kName, s.name},
                    {M::kType, s.type},
                    {M::kEnabled, s.enabled},
                    {M::kDescription, s.description},
                    {M::kOwner, s.owner},
                    {M::kCommand, s.command},
                    {M::kArgs, stringList(s.args)},
                    {M::kEnv, s.env},
                    {M::kUrl, s.url},
                    {M::kHeaders, s.headers},
                    {M::kPassthrough, stringList(s.passthroughHeaders)},
                    {M::kKeepAlive, s.enableKeepAlive.value_or(false)},
                    {M::kKeepAliveInterval,
                     s.keepAliveInterval ? QString::number(*s.keepAliveInterval) : QString()},
                    {M::kOpenApiUrl, openapi.value(QStringLiteral("url")).toString()},
                    {M::kOpenApiSchema, jsonText(openapi.value(QStringLiteral("schema")))},
                    {M::kOpenApiSecurity, jsonText(openapi.value(QStringLiteral("security")))},
                    {M::kTools, s.tools},
                    {kRowUpdatedAt, s.updatedAt}};
    putRowFindings(row, s.findings);
    return row;
}

QString nullIfEmpty(const QString &text)
{
    return text.trimmed().isEmpty() ? QString() : text;
}

// The record to write: the stored one (or a new one) with the console's fields overlaid.
ServerRecord overlay(ServerRecord s, const QVariantMap &m)
{
    s.name = m.value(M::kName).toString().trimmed();
    s.type = m.value(M::kType).toString();
    s.enabled = m.value(M::kEnabled).toBool();
    s.description = nullIfEmpty(m.value(M::kDescription).toString());
    s.owner = nullIfEmpty(m.value(M::kOwner).toString());
    const bool stdio = s.type == QLatin1String("stdio");
    const bool openapi = s.type == QLatin1String("openapi");
    s.command = stdio ? nullIfEmpty(m.value(M::kCommand).toString()) : QString();
    s.args = stdio ? jsonArrayText(m.value(M::kArgs).toStringList()) : QString();
    s.env = openapi ? QString() : nullIfEmpty(m.value(M::kEnv).toString());
    s.url = stdio || openapi ? QString() : nullIfEmpty(m.value(M::kUrl).toString().trimmed());
    s.headers = stdio ? QString() : nullIfEmpty(m.value(M::kHeaders).toString());
    s.passthroughHeaders
        = stdio || openapi ? QString() : jsonArrayText(m.value(M::kPassthrough).toStringList());
    if (stdio || openapi) {
        s.enableKeepAlive.reset();
        s.keepAliveInterval.reset();
    } else {
        if (m.value(M::kKeepAlive).toBool() || s.enableKeepAlive)
            s.enableKeepAlive = m.value(M::kKeepAlive).toBool();
        const QString interval = m.value(M::kKeepAliveInterval).toString().trimmed();
        if (interval.isEmpty())
            s.keepAliveInterval.reset();
        else
            s.keepAliveInterval = interval.toLongLong();
    }
    s.tools = nullIfEmpty(m.value(M::kTools).toString());
    if (openapi) {
        QJsonObject object = QJsonDocument::fromJson(s.openapi.toUtf8()).object();
        const auto put = [&object](const QString &key, const QJsonValue &value) {
            if (value.isUndefined() || value.isNull()
                || (value.isString() && value.toString().isEmpty()))
                object.remove(key);
            else
                object.insert(key, value);
        };
        put(QStringLiteral("url"), m.value(M::kOpenApiUrl).toString().trimmed());
        put(QStringLiteral("schema"),
            QJsonDocument::fromJson(m.value(M::kOpenApiSchema).toString().toUtf8()).object());
        if (object.value(QStringLiteral("schema")).toObject().isEmpty())
            object.remove(QStringLiteral("schema"));
        const QJsonObject security
            = QJsonDocument::fromJson(m.value(M::kOpenApiSecurity).toString().toUtf8()).object();
        if (security.isEmpty())
            object.remove(QStringLiteral("security"));
        else
            object.insert(QStringLiteral("security"), security);
        s.openapi = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    } else {
        s.openapi = QString();
    }
    return s;
}

bool validHttpUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty()
           && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

// A URL as MCPHub uses it: its ${VAR}/$VAR placeholders are replaced from the environment
// first (EnvironmentExpansion), so the rest is checked with sample values in their place.
// A URL that is only placeholders comes whole from the environment and cannot be checked; a
// placeholder in the scheme or at the start (${BASE_URL}/mcp) stands for http(s)://host.
bool validServerUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (!EnvironmentExpansion::hasPlaceholder(trimmed))
        return validHttpUrl(trimmed);
    if (EnvironmentExpansion::onlyPlaceholders(trimmed))
        return true;
    QString probe = trimmed;
    const qsizetype schemeEnd = probe.indexOf(QLatin1String("://"));
    if (schemeEnd >= 0 && EnvironmentExpansion::hasPlaceholder(probe.left(schemeEnd)))
        probe = QStringLiteral("http") + probe.mid(schemeEnd);
    else if (schemeEnd < 0 && probe.startsWith(QLatin1Char('$')))
        probe = QStringLiteral("http://") + probe;
    // "1" is valid wherever a placeholder may stand: host, port, user, path, query.
    return validHttpUrl(EnvironmentExpansion::withSample(probe, QStringLiteral("1")));
}

bool jsonObjectOrEmpty(const QString &text)
{
    if (text.trimmed().isEmpty())
        return true;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    return error.error == QJsonParseError::NoError && doc.isObject();
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
    return {QStringLiteral("stdio"),
            QStringLiteral("sse"),
            QStringLiteral("streamable-http"),
            QStringLiteral("openapi")};
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
    if (context.kind == WorkspaceKind::McphubDatabase) {
        // mcphub-dbmode.md §2.4: a hub reads its servers table only when told.
        setAppliedNote(tr("A running hub starts, stops or reloads a server changed in its "
                          "database only when told: toggle or reload the server in MCPHub's "
                          "dashboard, or restart the hubs on this database."));
    }
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
    QHash<QString, QString> found;
    const QString type = m.value(kType).toString();
    const QString tools = m.value(kTools).toString();
    if (!tools.isEmpty()) {
        const auto overrides = pairsFromJson(tools);
        for (const auto &[tool, settings] : overrides) {
            if (tool.trimmed().isEmpty())
                found.insert(kTools, tr("A tool override has no tool name."));
        }
    }
    if (m.value(kName).toString().trimmed().isEmpty())
        found.insert(kName, tr("The name is empty."));
    if (!types().contains(type)) {
        found.insert(kType,
                     tr("The type \"%1\" is unknown; MCPHub knows stdio, sse, "
                        "streamable-http and openapi.")
                         .arg(type));
        return found;
    }
    if (type == QLatin1String("stdio")) {
        if (m.value(kCommand).toString().trimmed().isEmpty())
            found.insert(kCommand, tr("A stdio server needs a command."));
        if (!QJsonDocument::fromJson(m.value(kHeaders).toString().toUtf8()).object().isEmpty())
            found.insert(kHeaders, tr("MCPHub refuses headers on a stdio server."));
    } else if (type == QLatin1String("openapi")) {
        const QString url = m.value(kOpenApiUrl).toString().trimmed();
        const QString schema = m.value(kOpenApiSchema).toString();
        if (url.isEmpty() && schema.trimmed().isEmpty())
            found.insert(kOpenApiUrl, tr("An OpenAPI server needs a URL or an inline schema."));
        else if (!url.isEmpty() && !validServerUrl(url))
            found.insert(kOpenApiUrl, tr("This is not an http:// or https:// URL."));
        if (!jsonObjectOrEmpty(schema))
            found.insert(kOpenApiSchema, tr("The inline schema is not a JSON object."));
        if (!jsonObjectOrEmpty(m.value(kOpenApiSecurity).toString()))
            found.insert(kOpenApiSecurity, tr("The security block is not a JSON object."));
    } else {
        const QString url = m.value(kUrl).toString().trimmed();
        if (url.isEmpty())
            found.insert(kUrl, tr("An %1 server needs a URL.").arg(type));
        else if (!validServerUrl(url))
            found.insert(kUrl, tr("This is not an http:// or https:// URL."));
        const QString interval = m.value(kKeepAliveInterval).toString().trimmed();
        bool ok = true;
        if (!interval.isEmpty() && (interval.toLongLong(&ok) <= 0 || !ok))
            found.insert(kKeepAliveInterval,
                         tr("The keep-alive interval is a whole number of milliseconds."));
    }
    return found;
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

} // namespace mcphub
