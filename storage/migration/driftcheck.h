#pragma once

#include "storage/migration/migrationreport.h"
#include "storage/migration/settingsmapper.h"
#include "storage/settings/settingsdocument.h"

namespace mcphub {

// Compares a settings file with what a database holds (its export) and lists every
// difference by entity and field: entries only in one of them, fields that differ, unknown
// top-level keys. MCPHub users meet exactly this drift when file and database both live
// on (MCPHub issue #820). Pure function.
class DriftCheck
{
public:
    static QList<MigrationReport::Item> compare(const OrderedJson &file,
                                                const OrderedJson &database);
    // The same for a file as read from its text, where a number the text writes differently
    // from what it is as a double (1e-400 is 0) is a difference too: the database, like
    // MCPHub, holds the double.
    static QList<MigrationReport::Item> compare(const SettingsDocument &file,
                                                const OrderedJson &database);
};

} // namespace mcphub
