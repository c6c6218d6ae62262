#include "tests/support/testbackend.h"

namespace mcphub::test {

TestBackend::TestBackend(const QString &kind)
{
    if (kind == QLatin1String("postgres"))
        m_pg = std::make_unique<PgTestDatabase>();
}

bool TestBackend::available() const
{
    return m_pg ? m_pg->available() : m_dir.isValid();
}

QString TestBackend::error() const
{
    return m_pg ? m_pg->error() : m_dir.errorString();
}

ConnectionProfile TestBackend::profile() const
{
    if (!m_pg)
        return ConnectionProfile::sqliteFile(m_dir.filePath(QStringLiteral("workspace.db")));
    const SqlConnectionSpec spec = m_pg->spec();
    ConnectionProfile profile;
    profile.kind = ConnectionProfile::Kind::Postgres;
    profile.hosts = QStringList{spec.host};
    profile.port = spec.port;
    profile.database = spec.databaseName;
    profile.user = spec.userName;
    profile.password = spec.password;
    profile.connectTimeout = 5;
    return profile;
}

QString TestBackend::cliArgument() const
{
    if (!m_pg)
        return QStringLiteral("--sqlite=") + profile().sqlitePath;
    return QStringLiteral("--pg=") + m_pg->conninfo();
}

} // namespace mcphub::test
