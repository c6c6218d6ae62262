#pragma once

#include "storage/settings/finding.h"

#include <QCoreApplication>
#include <QList>

namespace mcphub {

class SettingsDocument;

// The semantic half of SettingsValidator: what a JSON Schema cannot express. Server type
// inference when "type" is absent, references between sections (groups to servers, owners
// and user configs to users, bearer keys to groups and servers), duplicates, at least one
// administrator, duplicate keys in the text and integers JavaScript would round. Tolerates
// wrong types (the schema check reports those). Thread-safe.
class SettingsRules
{
    Q_DECLARE_TR_FUNCTIONS(SettingsRules)

public:
    static QList<Finding> check(const SettingsDocument &document);
};

} // namespace mcphub
