#pragma once

#include "storage/settings/finding.h"

#include <QList>

namespace mcphub {

class SettingsDocument;

// Everything the console checks in a settings file before it may be saved: the JSON Schema
// (resources/schema/mcp_settings.schema.json, see SettingsSchemaCheck) and the semantic rules
// a schema cannot express (SettingsRules). Each finding has its line:column in the document's
// source text. Errors block a save; warnings need the caller's override. Thread-safe.
class SettingsValidator
{
public:
    static QList<Finding> validate(const SettingsDocument &document);
};

} // namespace mcphub
