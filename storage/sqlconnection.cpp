#include "storage/sqlconnection.h"

#include "storage/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace mcphub {

SqlConnectionSpec SqlConnectionSpec::fromPgEnvironment()
{
    SqlConnectionSpec spec;
    spec.driver = Driver::Postgres;
    spec.host = qEnvironmentVariable("PGHOST", QStringLiteral("127.0.0.1"));
    spec.port = qEnvironmentVariableIntValue("PGPORT");
    if (spec.port == 0)
        spec.port = 5432;
    spec.userName = qEnvironmentVariable("PGUSER", QStringLiteral("postgres"));
    spec.databaseName = qEnvironmentVariable("PGDATABASE", QStringLiteral("postgres"));
    spec.password = qEnvironmentVariable("PGPASSWORD");
    return spec;
}

SqlConnectionSpec SqlConnectionSpec::sqlite(const QString &path)
{
    SqlConnectionSpec spec;
    spec.driver = Driver::Sqlite;
    spec.sqlitePath = path;
    return spec;
}

QString SqlConnectionSpec::displayName() const
{
    if (driver == Driver::Sqlite)
        return QStringLiteral("SQLite %1").arg(QDir::toNativeSeparators(sqlitePath));
    return QStringLiteral("PostgreSQL %1@%2:%3/%4")
        .arg(userName, host, QString::number(port), databaseName);
}

Result<QSqlDatabase> openSqlConnection(const SqlConnectionSpec &spec, const QString &connectionName)
{
    closeSqlConnection(connectionName);
    const QString driverName = spec.driver == SqlConnectionSpec::Driver::Sqlite
                                   ? QStringLiteral("QSQLITE")
                                   : QStringLiteral("QPSQL");
    if (!QSqlDatabase::isDriverAvailable(driverName)) {
        return Error::make(Error::Code::Database,
                           QCoreApplication::translate(
                               "SqlConnection",
                               "The Qt SQL driver %1 is not installed. Install the package "
                               "that provides it (Debian: libqt6sql6-sqlite or libqt6sql6-psql).")
                               .arg(driverName),
                           spec.displayName());
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(driverName, connectionName);
    if (spec.driver == SqlConnectionSpec::Driver::Sqlite) {
        if (spec.sqlitePath != QLatin1String(":memory:")) {
            const QFileInfo info(spec.sqlitePath);
            if (!QDir().mkpath(info.absolutePath())) {
                db = QSqlDatabase();
                closeSqlConnection(connectionName);
                return Error::make(Error::Code::Io,
                                   QCoreApplication::translate(
                                       "SqlConnection",
                                       "Cannot create the folder for the database file. Check "
                                       "the path and its permissions."),
                                   info.absolutePath());
            }
        }
        db.setDatabaseName(spec.sqlitePath);
        // Wait for another writer up to 5 s unless the spec says otherwise.
        QString options = spec.connectOptions;
        if (!options.contains(QLatin1String("QSQLITE_BUSY_TIMEOUT")))
            options.prepend(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;"));
        db.setConnectOptions(options);
    } else {
        db.setHostName(spec.host);
        db.setPort(spec.port);
        db.setDatabaseName(spec.databaseName);
        db.setUserName(spec.userName);
        db.setPassword(spec.password);
        db.setConnectOptions(spec.connectOptions);
    }

    if (!db.open()) {
        const QString detail = db.lastError().text();
        db = QSqlDatabase(); // drop our handle so that removal does not warn "still in use"
        closeSqlConnection(connectionName);
        return Error::make(Error::Code::Database,
                           QCoreApplication::translate(
                               "SqlConnection",
                               "Cannot open the database. Check that it is reachable and that "
                               "the credentials are right."),
                           spec.displayName(),
                           detail);
    }
    qCDebug(lcDatabase) << "opened" << connectionName << spec.displayName();
    return db;
}

void closeSqlConnection(const QString &connectionName)
{
    if (!QSqlDatabase::contains(connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

} // namespace mcphub
