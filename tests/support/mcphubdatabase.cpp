#include "tests/support/mcphubdatabase.h"

#include "storage/sqlconnection.h"
#include "tests/support/testenv.h"

#include <QJsonArray>

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace mcphub::test {

namespace {

const QString kDbMode = QStringLiteral("/hub-captures/db-mode/");

} // namespace

// psql -f FILE (or -c SQL) on `conninfo`; the error output when it fails.
QString psql(const QString &conninfo, const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("psql"),
            QStringList{QStringLiteral("-X"),
                        QStringLiteral("-q"),
                        QStringLiteral("-v"),
                        QStringLiteral("ON_ERROR_STOP=1")}
                + args + QStringList{conninfo});
    if (!p.waitForFinished(60000))
        return QStringLiteral("psql did not finish");
    return p.exitCode() == 0 ? QString() : QString::fromUtf8(p.readAllStandardError());
}

// pg_dump --schema-only --schema=public, without pg_dump's random \restrict lines.
QByteArray publicSchema(const QString &conninfo)
{
    QProcess p;
    p.start(QStringLiteral("pg_dump"),
            {QStringLiteral("--schema-only"), QStringLiteral("--schema=public"), conninfo});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return "pg_dump failed: " + p.readAllStandardError();
    QByteArray kept;
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        if (!line.startsWith("\\restrict") && !line.startsWith("\\unrestrict"))
            kept += line + '\n';
    }
    return kept;
}

QByteArray publicData(const QString &conninfo)
{
    QProcess p;
    p.start(QStringLiteral("pg_dump"),
            {QStringLiteral("--data-only"), QStringLiteral("--schema=public"), conninfo});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return "pg_dump failed: " + p.readAllStandardError();
    QByteArray kept;
    bool inCopy = false;
    QList<QByteArray> rows; // of the COPY being read
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        if (inCopy && line == "\\.") {
            std::sort(rows.begin(), rows.end());
            for (const QByteArray &row : std::as_const(rows))
                kept += row + '\n';
            rows.clear();
            inCopy = false;
        } else if (inCopy) {
            rows << line;
            continue;
        } else if (line.startsWith("\\restrict") || line.startsWith("\\unrestrict")
                   || line.startsWith("--")) {
            continue;
        }
        inCopy = line.startsWith("COPY ");
        kept += line + '\n';
    }
    return kept;
}

// One query's first column, rows joined by '|'.
QString queryText(const PgTestDatabase &pg, const QString &sql)
{
    const QString name = QStringLiteral("mcphubdatabase_query");
    QString result;
    {
        auto db = openSqlConnection(pg.spec(), name);
        if (!db)
            return db.error().toString();
        QSqlQuery q(*db);
        if (!q.exec(sql))
            result = QStringLiteral("ERROR ") + q.lastError().text();
        QStringList rows;
        while (q.next())
            rows << q.value(0).toString();
        if (result.isEmpty())
            result = rows.join(QLatin1Char('|'));
    }
    closeSqlConnection(name);
    return result;
}

// The rows MCPHub wrote (db-rows/TABLE.json), inserted as they are: the database then holds
// what a real hub in database mode held.
QString loadMcphubRows(const PgTestDatabase &pg, const QString &table)
{
    const QJsonObject dump
        = QJsonDocument::fromJson(readFile(fixturesDir() + kDbMode + QStringLiteral("db-rows/")
                                           + table + QStringLiteral(".json")))
              .object();
    const QString name = QStringLiteral("mcphubdatabase_rows");
    QString error;
    {
        auto db = openSqlConnection(pg.spec(), name);
        if (!db)
            return db.error().toString();
        for (const QJsonValue &value : dump.value(QStringLiteral("rows")).toArray()) {
            const QJsonObject row = value.toObject();
            QStringList columns, placeholders;
            for (auto it = row.begin(); it != row.end(); ++it) {
                columns << QLatin1Char('"') + it.key() + QLatin1Char('"');
                placeholders << QStringLiteral(":v%1").arg(placeholders.size());
            }
            QSqlQuery q(*db);
            q.prepare(QStringLiteral("INSERT INTO public.%1 (%2) VALUES (%3)")
                          .arg(table,
                               columns.join(QStringLiteral(", ")),
                               placeholders.join(QStringLiteral(", "))));
            int i = 0;
            for (auto it = row.begin(); it != row.end(); ++it, ++i) {
                const QJsonValue v = it.value();
                q.bindValue(QStringLiteral(":v%1").arg(i),
                            v.isNull()     ? QVariant(QMetaType::fromType<QString>())
                            : v.isBool()   ? QVariant(v.toBool())
                            : v.isDouble() ? QVariant(v.toInteger())
                                           : QVariant(v.toString()));
            }
            if (!q.exec()) {
                error = table + QStringLiteral(": ") + q.lastError().text();
                break;
            }
        }
    }
    closeSqlConnection(name);
    return error;
}

// A database holding MCPHub's tables and every row of db-rows/.
QString makeMcphubDatabase(const PgTestDatabase &pg)
{
    if (QString e = psql(pg.conninfo(),
                         {QStringLiteral("-f"),
                          fixturesDir() + kDbMode + QStringLiteral("mcphub-db-schema.sql")});
        !e.isEmpty())
        return e;
    for (const QString &table : {QStringLiteral("users"),
                                 QStringLiteral("servers"),
                                 QStringLiteral("groups"),
                                 QStringLiteral("bearer_keys"),
                                 QStringLiteral("system_config"),
                                 QStringLiteral("activities")}) {
        if (QString e = loadMcphubRows(pg, table); !e.isEmpty())
            return e;
    }
    return {};
}

// The profile --hub-db makes of the test database.
ConnectionProfile mcphubProfile(const PgTestDatabase &pg)
{
    auto profile = ConnectionProfile::fromConninfo(pg.conninfo());
    profile->mcphubDatabase = true;
    return *profile;
}

QStringList hubDbArguments(const PgTestDatabase &pg)
{
    return {QStringLiteral("--hub-db"), pg.conninfo()};
}

} // namespace mcphub::test
