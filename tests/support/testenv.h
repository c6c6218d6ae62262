#pragma once

#include <QString>
#include <QTest>

namespace mcphub::test {

// True under scripts/test, which starts PostgreSQL and a keychain and sets
// MCPHUB_REQUIRE_SERVICES=1: there a missing service fails the test instead of skipping it.
bool servicesRequired();

QString fixturesDir();    // tests/fixtures
QString binDir();         // build/bin: mcphub-admin and mcphub-adminctl
QString testBinDir();     // build/tests/bin: test helpers
QString nodeModulesDir(); // tests/node/node_modules, filled by scripts/deps (bcryptjs ...)

QByteArray readFile(const QString &path);                     // empty when it cannot be read
bool writeFile(const QString &path, const QByteArray &bytes); // replaces the file's content

// Runs `node -e script -- arguments...` with NODE_PATH at nodeModulesDir(); `ok` is false
// (and `error` says why) when node is missing or exits non-zero.
struct NodeResult
{
    bool ok = false;
    QString output;
    QString error;
};
NodeResult
runNode(const QString &script, const QStringList &arguments = {}, const QByteArray &input = {});

} // namespace mcphub::test

// Skips when a service is missing during a developer's plain ctest run; fails under
// scripts/test. Use at the top of a test function.
#define MCPHUB_REQUIRE_SERVICE(available, what)                                                    \
    do {                                                                                           \
        if (!(available)) {                                                                        \
            if (mcphub::test::servicesRequired())                                                  \
                QFAIL(qPrintable(QStringLiteral("%1 is required under scripts/test").arg(what)));  \
            QSKIP(qPrintable(QStringLiteral("%1 is not available").arg(what)));                    \
        }                                                                                          \
    } while (false)

// Verifies that a Result<T> holds a value; on an error, the failure names it.
#define VERIFY_OK(expr)                                                                            \
    do {                                                                                           \
        const auto r_ = (expr);                                                                    \
        QVERIFY2(r_.ok(), qPrintable(r_.ok() ? QString() : r_.error().toString()));                \
    } while (false)
