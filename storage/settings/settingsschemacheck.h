#pragma once

#include "storage/settings/finding.h"

#include <QCoreApplication>
#include <QList>

#include <nlohmann/json.hpp>

namespace mcphub {

// The structural half of SettingsValidator: the JSON Schema kept as the resource
// :/schema/mcp_settings.schema.json, applied with valijson. valijson's own messages are
// English and generic; each error becomes a Finding whose translated message comes from the
// schema's "x-message" for that key, or from the kind of error and the schema's constraint.
// Findings carry pointers but no positions (the validator adds them). Thread-safe.
// A document that SchemaQuickCheck finds valid is not read by valijson a second time.
class SettingsSchemaCheck
{
    Q_DECLARE_TR_FUNCTIONS(SettingsSchemaCheck)

public:
    enum class Reading {
        QuickFirst,   // SchemaQuickCheck, then valijson unless it was sure the document is valid
        ValijsonOnly, // valijson alone (the tests compare the two readings)
    };

    static QList<Finding> check(const nlohmann::ordered_json &document,
                                Reading reading = Reading::QuickFirst);
};

} // namespace mcphub
