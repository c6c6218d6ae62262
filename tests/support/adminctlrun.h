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

// Verifies the exit code; on a mismatch, the failure shows what the run printed. `run` is
// evaluated once: QVERIFY2 evaluates its message whatever the outcome, so
// VERIFY_RUN(adminctl(...), 0) ran the command three times.
#define VERIFY_RUN(run, code)                                                                      \
    do {                                                                                           \
        const ::mcphub::test::Run &verifiedRun_ = (run);                                           \
        QVERIFY2(verifiedRun_.exitCode == (code),                                                  \
                 qPrintable(verifiedRun_.out + verifiedRun_.err));                                 \
    } while (false)
