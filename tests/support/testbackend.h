#pragma once

#include "storage/db/connectionprofile.h"
#include "tests/support/pgtestdatabase.h"

#include <QTemporaryDir>

#include <memory>

namespace mcphub::test {

// One empty workspace database for a data-driven test row: "sqlite" (a file in a temporary
// folder) or "postgres" (a fresh database on the scripts/test server, dropped afterwards).
class TestBackend
{
public:
    explicit TestBackend(const QString &kind);

    bool isPostgres() const { return m_pg != nullptr; }
    bool available() const; // false: no PostgreSQL configured
    QString error() const;
    ConnectionProfile profile() const;
    QString cliArgument() const; // "--sqlite=PATH" or "--pg=CONNINFO"
    QString tempPath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PgTestDatabase> m_pg;
};

} // namespace mcphub::test

// Creates `backend` for the current row's "backend" column; skips or fails (scripts/test)
// when PostgreSQL is missing.
#define MCPHUB_BACKEND(backend)                                                                    \
    QFETCH(QString, backendKind);                                                                  \
    mcphub::test::TestBackend backend(backendKind);                                                \
    MCPHUB_REQUIRE_SERVICE(!backend.isPostgres()                                                   \
                               || mcphub::test::PgTestDatabase::serverConfigured(),                \
                           QStringLiteral("PostgreSQL"));                                          \
    QVERIFY2(backend.available(), qPrintable(backend.error()))

#define MCPHUB_BACKEND_ROWS()                                                                      \
    QTest::addColumn<QString>("backendKind");                                                      \
    QTest::newRow("sqlite") << QStringLiteral("sqlite");                                           \
    QTest::newRow("postgres") << QStringLiteral("postgres")
