#include "tests/support/pgtestdatabase.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace mcphub::test {

namespace {

const QString kAdminConnection = QStringLiteral("pgtestdatabase-admin");

bool runAdmin(const QString &sql, QString *error)
{
    auto db = openSqlConnection(SqlConnectionSpec::fromPgEnvironment(), kAdminConnection);
    if (!db) {
        *error = db.error().toString();
        return false;
    }
    bool ok = false;
    {
        QSqlQuery query(*db);
        ok = query.exec(sql);
        if (!ok)
            *error = query.lastError().text();
    }
    db->close();
    *db = QSqlDatabase(); // no handle left, so removal does not warn "still in use"
    closeSqlConnection(kAdminConnection);
    return ok;
}

} // namespace

bool PgTestDatabase::serverConfigured()
{
    return !qEnvironmentVariableIsEmpty("PGPORT");
}

PgTestDatabase::PgTestDatabase()
{
    if (!serverConfigured()) {
        m_error = QStringLiteral("PGPORT is not set");
        return;
    }
    m_spec = SqlConnectionSpec::fromPgEnvironment();
    m_spec.databaseName = QStringLiteral("mcphub_test_%1_%2")
                              .arg(QCoreApplication::applicationPid())
                              .arg(QRandomGenerator::global()->generate() % 1000000);
    // The name is generated above from digits and letters only, never from input.
    m_available = runAdmin(QStringLiteral("CREATE DATABASE %1").arg(m_spec.databaseName), &m_error);
}

PgTestDatabase::~PgTestDatabase()
{
    if (!m_available)
        return;
    QString error;
    runAdmin(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_spec.databaseName),
             &error);
}

QString PgTestDatabase::conninfo() const
{
    return QStringLiteral("host=%1 port=%2 dbname=%3 user=%4")
        .arg(m_spec.host)
        .arg(m_spec.port)
        .arg(m_spec.databaseName, m_spec.userName);
}

} // namespace mcphub::test
