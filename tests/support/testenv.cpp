#include "tests/support/testenv.h"

namespace mcphub::test {

bool servicesRequired()
{
    return qEnvironmentVariable("MCPHUB_REQUIRE_SERVICES") == QLatin1String("1");
}

QString fixturesDir()
{
    return QStringLiteral(MCPHUB_FIXTURES_DIR);
}

QString binDir()
{
    return QStringLiteral(MCPHUB_BIN_DIR);
}

QString testBinDir()
{
    return QStringLiteral(MCPHUB_TEST_BIN_DIR);
}

} // namespace mcphub::test
