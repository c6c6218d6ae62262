#pragma once

#include "storage/db/serverrepository.h"
#include "storage/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace mcphub {

// One server as the entry MCPHub's settings file holds for it (the value of
// /mcpServers/<name>), for the Servers page's raw JSON view: written from a ServerRecord the
// way an export writes it (SettingsMapper::entityJson, then McpHubJsonWriter: JSON.stringify
// with an indent of 2, the entry's own key order), and read back from edited text with the
// same checks as a settings file (SettingsDocument::parse, SettingsValidator). Pure functions.
class ServerEntry
{
    Q_DECLARE_TR_FUNCTIONS(ServerEntry)

public:
    // The entry's text. Fails only for a stored JSON column the console cannot read.
    static Result<QByteArray> text(const ServerRecord &server);

    // `base` (the server as it is now) with the values of the edited entry `text`; its name
    // stays `base.name` (the name is the entry's key, not part of it). Refused, nothing
    // changed: text that is not one JSON object (Error::Code::Parse, where = "line:column"),
    // an entry MCPHub's schema or rules refuse (Error::Code::Invalid, where = the JSON
    // pointer, /mcpServers/<name>/...).
    static Result<ServerRecord> parse(const QByteArray &text, const ServerRecord &base);
};

} // namespace mcphub
