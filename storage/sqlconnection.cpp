#include "storage/sqlconnection.h"

#include "storage/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <unistd.h>

namespace mcphub {

namespace {

QtMessageHandler g_previousHandler = nullptr;

// Qt SQL and its drivers print their own warnings on stderr when a query runs on a connection
// that was lost ("QSqlQuery::exec: database not open", "QSqlDatabasePrivate::removeDatabase:
// connection ... is still in use"). Every such failure already comes back as an Error that
// names the database and says what to do, so the raw text goes to the debug log instead.
void routeSqlNoise(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static const QLatin1String prefixes[] = {QLatin1String("QSqlQuery::"),
                                             QLatin1String("QSqlDatabase::"),
                                             QLatin1String("QSqlDatabasePrivate::"),
                                             QLatin1String("QPSQLDriver::"),
                                             QLatin1String("QPSQLResult::"),
                                             QLatin1String("QSQLiteDriver::"),
                                             QLatin1String("QSQLiteResult::")};
    if (type == QtWarningMsg) {
        for (const QLatin1String &prefix : prefixes) {
            if (message.startsWith(prefix)) {
                qCDebug(lcDatabase) << "Qt SQL:" << message;
                return;
            }
        }
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
    else
        qt_message_output(type, context, message); // not reached: Qt always has a handler
}

void installSqlNoiseFilter()
{
    static std::once_flag once;
    std::call_once(once, [] { g_previousHandler = qInstallMessageHandler(routeSqlNoise); });
}

} // namespace

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

    installSqlNoiseFilter();
    QSqlDatabase db = QSqlDatabase::addDatabase(driverName, connectionName);
    bool createdFile = false;
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
            // A new workspace holds password hashes and bearer keys: it is private from the
            // start (SQLite gives its journal and WAL files the database file's permissions).
            if (!spec.connectOptions.contains(QLatin1String("QSQLITE_OPEN_READONLY"))
                && !info.exists()) {
                const int fd = ::open(QFile::encodeName(spec.sqlitePath).constData(),
                                      O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                                      0600);
                const int error = errno;
                if (fd >= 0) {
                    ::close(fd);
                    createdFile = true;
                } else if (error != EEXIST) {
                    db = QSqlDatabase();
                    closeSqlConnection(connectionName);
                    return Error::make(Error::Code::Io,
                                       QCoreApplication::translate(
                                           "SqlConnection",
                                           "Cannot create the database file: the folder %1 is "
                                           "read-only, full or not writable for you. Choose a "
                                           "writable folder.")
                                           .arg(QDir::toNativeSeparators(info.absolutePath())),
                                       spec.sqlitePath,
                                       QString::fromLocal8Bit(std::strerror(error)));
                }
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
        if (createdFile)
            QFile::remove(spec.sqlitePath);
        return Error::make(Error::Code::Database,
                           spec.driver == SqlConnectionSpec::Driver::Sqlite
                               ? QCoreApplication::translate(
                                   "SqlConnection",
                                   "Cannot open the SQLite database file. Check that it is a "
                                   "database and that you may read it and write its folder.")
                               : QCoreApplication::translate(
                                   "SqlConnection",
                                   "Cannot open the database. Check that it is reachable and "
                                   "that the credentials are right."),
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

QStringList databaseLibraryVersions()
{
    const int pq = PQlibVersion(); // 150010 for 15.10
    return {QStringLiteral("SQLite %1").arg(QString::fromLatin1(sqlite3_libversion())),
            QStringLiteral("libpq %1.%2").arg(pq / 10000).arg(pq % 10000)};
}

} // namespace mcphub
