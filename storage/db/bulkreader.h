#pragma once

#include "storage/db/repositorycontext.h"
#include "storage/result.h"

#include <QByteArrayView>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace mcphub {

// Streams the rows of one SELECT as text, without a QVariant per value (QSQLITE and QPSQL
// make one of every value of a million rows): on SQLite through sqlite3 on the connection's
// handle, each column as SQLite's own text of it (integers in decimal); on PostgreSQL as
// COPY (SELECT ...) TO STDOUT, each column as its type's output text, unescaped. A NULL
// arrives as nullopt. The views are valid during the callback only. The SELECT has no
// parameters: the caller builds it from escaped identifiers and numbers. The companion of
// BulkInserter; same threading contract.
class BulkReader
{
public:
    using Fields = std::vector<std::optional<QByteArrayView>>;

    static Result<void> forEach(const RepositoryContext &context,
                                const QString &select,
                                const QString &table, // names the place in errors
                                const std::function<void(const Fields &)> &take);
    // PostgreSQL only: each row as COPY's own text line (fields escaped and separated by tabs,
    // \N for NULL, no newline), for a caller that compares or hashes lines whole.
    static Result<void> forEachLine(const RepositoryContext &context,
                                    const QString &select,
                                    const QString &table,
                                    const std::function<void(QByteArrayView)> &take);
    // A line of forEachLine as forEach gives its fields; `values` holds the unescaped texts
    // the views point into.
    static void splitLine(QByteArrayView line, QByteArray *values, Fields *fields);
    // A line's first field as written (escaped; "\\N" for NULL): a row's id, which COPY
    // writes without escapes (a uuid, "default").
    static QByteArrayView firstField(QByteArrayView line)
    {
        const qsizetype tab = line.indexOf('\t');
        return tab < 0 ? line : line.first(tab);
    }
};

} // namespace mcphub
