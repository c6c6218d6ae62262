#include "tests/support/adminctlrun.h"

#include "tests/support/testenv.h"

#include <QProcess>

namespace mcphub::test {

Run adminctl(const QStringList &args, const QByteArray &input)
{
    return adminctl(args, QProcessEnvironment::systemEnvironment(), input);
}

Run adminctl(const QStringList &args, const QProcessEnvironment &env, const QByteArray &input)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(binDir() + QStringLiteral("/mcphub-adminctl"), args);
    Run result;
    if (!process.waitForStarted(10000))
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return result;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace mcphub::test
