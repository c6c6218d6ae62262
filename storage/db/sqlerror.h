#pragma once

#include "storage/error.h"

#include <QSqlError>
#include <QString>

namespace mcphub {

// Turns a driver error into the project's Error: names the place (`where`: a profile,
// "table.column", a migration script), classifies the cause (another process holds the lock,
// not a database file, missing privileges) and says what to do. `doing` is a translated
// sentence stem such as "Cannot read the schema history." used when nothing more specific fits.
Error sqlError(const QSqlError &error, const QString &where, const QString &doing);

} // namespace mcphub
