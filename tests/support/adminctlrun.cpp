#include "tests/support/adminctlrun.h"

#include "tests/support/testenv.h"

#include <QEventLoop>
#include <QProcess>
#include <QTimer>

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
    // An event loop, not waitForFinished: a hub emulator or server in this process must go on
    // answering the command while it runs.
    if (process.state() != QProcess::NotRunning) {
        QEventLoop loop;
        QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(90'000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        return result;
    }
    if (process.exitStatus() != QProcess::NormalExit)
        return result;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace mcphub::test
