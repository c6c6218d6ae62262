#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QSqlRecord>
#include <QString>
#include <QStringList>

namespace mcphub {

// A stored value in one of MCPHub's rows that MCPHub or the console cannot use as it is (a
// row MCPHub, an older or newer MCPHub, or another tool wrote): named by table, row and
// column. The row is still listed and left as it is; only the columns an administrator edits
// are ever written.
struct RowFinding
{
    QString table;   // "servers"
    QString row;     // the row's name, or its id when it has none
    QString id;      // the row's uuid
    QString column;  // MCPHub's column name, as in its DDL ("allowedGroups")
    QString message; // translated: what is wrong and what happens with it

    // "servers/fetch (id 1b2c…): column \"args\": message"
    QString toString() const;
};

// The checks of MCPHub's rows as read (SELECT *), one place for the editors and the CLI:
// JSON text that is not JSON, or not the JSON MCPHub reads there (a list, an object), a JSON
// null where MCPHub needs a list, a bearer key's access type or kind MCPHub does not know, a
// group naming a server that does not exist, and a value in a column this console does not
// know (a newer MCPHub adds columns; their values are kept as they are).
class McphubRowCheck
{
    Q_DECLARE_TR_FUNCTIONS(McphubRowCheck)

public:
    // The columns of `table` as MCPHub's DDL makes them (servers, groups, bearer_keys, users).
    static const QStringList &knownColumns(const QString &table);

    // The findings of one row of `table`.
    static QList<RowFinding> check(const QString &table, const QSqlRecord &record);

    // The members of a group row (its servers JSON text) that name no server of
    // `serverNames`; nothing when the text is not a list (check() names that).
    static QList<RowFinding> missingServers(const QSqlRecord &group,
                                            const QSet<QString> &serverNames);
};

} // namespace mcphub
