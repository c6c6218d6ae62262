#pragma once

#include <QList>
#include <QSet>
#include <QString>

namespace mcphub {

// Every table of the workspace schema and its secret columns, declared once: the
// repositories and the settings-file migrator leave these columns out of audit summaries
// (access_logs), and a test compares the list with the live schema on SQLite and
// PostgreSQL, so a new table or column cannot be forgotten. A column is secret when it may
// hold a password, token, key or anything a settings file carried that the console does not
// know (the `extra` of every settings entity: an unknown key may be a secret).
namespace TableSecrets {

struct Table
{
    QString name;
    QSet<QString> secretColumns;
};

// Every table of resources/migrations (both dialects), schema_migrations included.
const QList<Table> &tables();
// The secret columns of `table` (empty for an unknown table).
QSet<QString> secretColumns(const QString &table);

} // namespace TableSecrets

} // namespace mcphub
