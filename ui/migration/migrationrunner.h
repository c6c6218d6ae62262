#pragma once

#include "storage/db/connectionprofile.h"
#include "storage/migration/migrator.h"

#include <QMetaType>
#include <QObject>

#include <atomic>

class QThread;

Q_DECLARE_METATYPE(mcphub::MigrationProgress)
Q_DECLARE_METATYPE(mcphub::MigrationReport)

namespace mcphub {

// Runs one Migrator on a worker QThread of its own. The thread opens its own connection to
// the target (OpenedWorkspace::openDatabase with a unique name, as the CLI opens it: a
// profile's bound settings file is written by the commit), runs, and closes it again: connections
// belong to their thread and are never shared with the GUI's. cancel() makes the progress
// callback return false, so the run rolls back before its commit. Destroying a runner, or
// wait(), blocks until the thread is done; it never destroys a running QThread.
// The object itself lives on the GUI thread.
class MigrationRunner : public QObject
{
    Q_OBJECT

public:
    explicit MigrationRunner(QObject *parent = nullptr);
    ~MigrationRunner() override;

    // Starts a run; false when one is still running.
    bool start(const ConnectionProfile &target, const MigrationOptions &options);
    bool isRunning() const;
    // Any thread. The run stops at its next progress step and rolls back.
    void cancel();
    bool cancelRequested() const { return m_cancel.load(); }
    // Cancels nothing: blocks until the worker thread has ended, then emits finished()
    // (returns at once when idle).
    void wait();
    // The last finished run's report.
    const MigrationReport &report() const { return m_report; }

Q_SIGNALS:
    // Emitted on the worker thread from inside the migrator's progress callback; queued to
    // GUI receivers. A Qt::DirectConnection receiver runs inside the callback, and a cancel()
    // it makes stops the run at that very step.
    void progress(const mcphub::MigrationProgress &progress);
    // On the GUI thread, after the worker thread has ended and closed its connection.
    void finished(const mcphub::MigrationReport &report);

private:
    void threadFinished();

    QThread *m_thread = nullptr;
    std::atomic_bool m_cancel = false;
    MigrationReport m_report;       // the last finished run (GUI thread)
    MigrationReport m_workerReport; // the worker's result, handed over in threadFinished()
};

} // namespace mcphub
