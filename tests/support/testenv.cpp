#include "tests/support/testenv.h"

#include <QFile>

#include <QProcess>

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

QString nodeModulesDir()
{
    return QStringLiteral(MCPHUB_NODE_TOOLS_DIR);
}

NodeResult runNode(const QString &script, const QStringList &arguments, const QByteArray &input)
{
    NodeResult result;
    QProcess node;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NODE_PATH"), nodeModulesDir());
    node.setProcessEnvironment(env);
    node.start(QStringLiteral("node"),
               QStringList{QStringLiteral("-e"), script, QStringLiteral("--")} + arguments);
    if (!node.waitForStarted(30000)) {
        result.error = QStringLiteral("node could not be started: %1").arg(node.errorString());
        return result;
    }
    node.write(input);
    node.closeWriteChannel();
    if (!node.waitForFinished(120000)) {
        node.kill();
        result.error = QStringLiteral("node did not finish");
        return result;
    }
    result.output = QString::fromUtf8(node.readAllStandardOutput());
    const QString err = QString::fromUtf8(node.readAllStandardError());
    result.ok = node.exitStatus() == QProcess::NormalExit && node.exitCode() == 0;
    if (!result.ok)
        result.error = QStringLiteral("node exited with %1: %2").arg(node.exitCode()).arg(err);
    return result;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace mcphub::test
