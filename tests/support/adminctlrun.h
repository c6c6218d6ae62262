#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace mcphub::test {

// What a run of build/bin/mcphub-adminctl gave: exit code -1 when it did not start or
// finish normally within 90 s.
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs mcphub-adminctl with `args`, `input` on its standard input (then closed), and this
// process's environment or `env`. This thread's event loop runs meanwhile (a hub emulator
// here answers the command); -1 after 90 s.
Run adminctl(const QStringList &args, const QByteArray &input = {});
Run adminctl(const QStringList &args, const QProcessEnvironment &env, const QByteArray &input = {});

} // namespace mcphub::test

// Verifies the exit code; on a mismatch, the failure shows what the run printed.
#define VERIFY_RUN(run, code) QVERIFY2((run).exitCode == (code), qPrintable((run).out + (run).err))
