#pragma once

#include "storage/sqlconnection.h"

namespace mcphub::test {

// A fresh, uniquely named PostgreSQL database on the server named by PGHOST/PGPORT/PGUSER,
// created in the constructor and dropped (with its connections) in the destructor, so that
// suites running in parallel never share state. available() is false when no server is set.
class PgTestDatabase
{
public:
    PgTestDatabase();
    ~PgTestDatabase();
    PgTestDatabase(const PgTestDatabase &) = delete;
    PgTestDatabase &operator=(const PgTestDatabase &) = delete;

    static bool serverConfigured(); // PGPORT is set

    bool available() const { return m_available; }
    QString error() const { return m_error; }
    SqlConnectionSpec spec() const { return m_spec; } // points at the fresh database
    QString conninfo() const;                         // the same as a libpq string

private:
    bool m_available = false;
    QString m_error;
    SqlConnectionSpec m_spec;
};

} // namespace mcphub::test
