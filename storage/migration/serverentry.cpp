#include "storage/migration/serverentry.h"

#include "storage/migration/settingsmapper.h"
#include "storage/settings/jsonpointer.h"
#include "storage/settings/mcphubjsonwriter.h"
#include "storage/settings/settingsdocument.h"
#include "storage/settings/settingsvalidator.h"

namespace mcphub {

namespace {

const EntitySpec &serversSpec()
{
    return *settingsEntity(QStringLiteral("mcpServers"));
}

QVariant textOrNull(const QString &value)
{
    return value.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

// The record as the row of mcp_servers that SettingsMapper reads (the console's columns).
QVariantMap rowOf(const ServerRecord &s)
{
    return {
        {QStringLiteral("name"), s.name},
        {QStringLiteral("type"), textOrNull(s.type)},
        {QStringLiteral("description"), textOrNull(s.description)},
        {QStringLiteral("command"), textOrNull(s.command)},
        {QStringLiteral("args"), textOrNull(s.args)},
        {QStringLiteral("url"), textOrNull(s.url)},
        {QStringLiteral("env"), textOrNull(s.env)},
        {QStringLiteral("headers"), textOrNull(s.headers)},
        {QStringLiteral("passthrough_headers"), textOrNull(s.passthroughHeaders)},
        {QStringLiteral("enabled"), s.enabled},
        {QStringLiteral("owner"), textOrNull(s.owner)},
        {QStringLiteral("enable_keep_alive"),
         s.enableKeepAlive ? QVariant(*s.enableKeepAlive) : QVariant(QMetaType::fromType<bool>())},
        {QStringLiteral("keep_alive_interval"),
         s.keepAliveInterval ? QVariant(*s.keepAliveInterval)
                             : QVariant(QMetaType::fromType<qint64>())},
        {QStringLiteral("tools"), textOrNull(s.tools)},
        {QStringLiteral("prompts"), textOrNull(s.prompts)},
        {QStringLiteral("resources"), textOrNull(s.resources)},
        {QStringLiteral("options"), textOrNull(s.options)},
        {QStringLiteral("proxy"), textOrNull(s.proxy)},
        {QStringLiteral("oauth"), textOrNull(s.oauth)},
        {QStringLiteral("openapi"), textOrNull(s.openapi)},
        {QStringLiteral("extra"), textOrNull(s.extra)},
        {QStringLiteral("key_order"), textOrNull(s.keyOrder)},
        {QStringLiteral("ordinal"), s.ordinal}};
}

} // namespace

Result<QByteArray> ServerEntry::text(const ServerRecord &server)
{
    const auto json = SettingsMapper::entityJson(serversSpec(), rowOf(server));
    if (!json)
        return json.error();
    return McpHubJsonWriter::write(*json, 2);
}

Result<ServerRecord> ServerEntry::parse(const QByteArray &text, const ServerRecord &base)
{
    const QString pointer = JsonPointer::append(QStringLiteral("/mcpServers"), base.name);
    auto parsed = SettingsDocument::parse(text, tr("server %1").arg(base.name));
    if (!parsed)
        return parsed.error();
    const OrderedJson entry = parsed->json();
    if (!entry.is_object()) {
        return Error::make(Error::Code::Invalid,
                           tr("A server's entry is one JSON object: { \"command\": ... }."),
                           pointer);
    }
    // The file's checks on a document holding this entry alone; what they say of the entry.
    OrderedJson document = OrderedJson::object();
    document["mcpServers"] = OrderedJson::object();
    document["mcpServers"][base.name.toStdString()] = entry;
    for (const Finding &f : SettingsValidator::validate(SettingsDocument::fromJson(document))) {
        if (f.severity != Finding::Severity::Error
            || (f.pointer != pointer && !f.pointer.startsWith(pointer + QLatin1Char('/'))))
            continue;
        return Error::make(Error::Code::Invalid, f.message, f.pointer);
    }
    const auto mapped
        = SettingsMapper::mapEntity(serversSpec(), base.name, entry, base.ordinal, pointer);
    if (!mapped)
        return mapped.error();
    const QVariantMap &row = mapped->row;
    return ServerRepository::withConsoleColumns(
        base, [&row](const QString &column) { return row.value(column); });
}

} // namespace mcphub
