#include "ui/migration/migrationrunner.h"

#include "storage/migration/openedworkspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>

#include <optional>

namespace mcphub {

namespace {

QString nextConnectionName()
{
    static std::atomic_int counter = 0;
    return QStringLiteral("migration-wizard-%1").arg(++counter);
}

} // namespace

MigrationRunner::MigrationRunner(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<MigrationProgress>();
    qRegisterMetaType<MigrationReport>();
}

MigrationRunner::~MigrationRunner()
{
    // Nobody listens any more: stop the run and wait for the thread, quietly.
    blockSignals(true);
    if (isRunning())
        cancel();
    wait();
}

bool MigrationRunner::isRunning() const
{
    return m_thread != nullptr;
}

void MigrationRunner::cancel()
{
    m_cancel.store(true);
}

void MigrationRunner::wait()
{
    if (m_thread)
        threadFinished();
}

bool MigrationRunner::start(const ConnectionProfile &target, const MigrationOptions &options)
{
    if (m_thread)
        return false;
    m_cancel.store(false);
    const QString connectionName = nextConnectionName();
    m_thread = QThread::create([this, target, options, connectionName] {
        MigrationReport report;
        {
            // A dry run writes nothing: into a SQLite file that does not exist yet, it plans
            // against an empty workspace of its own, which is what the new file would be.
            ConnectionProfile opened = target;
            std::optional<QTemporaryDir> scratch;
            if (options.dryRun && target.kind == ConnectionProfile::Kind::Sqlite
                && !QFileInfo::exists(target.sqlitePath)) {
                scratch.emplace(QDir::tempPath() + QStringLiteral("/mcphub-admin-plan-XXXXXX"));
                if (scratch->isValid())
                    opened.sqlitePath = scratch->filePath(QStringLiteral("plan.db"));
            }
            // Opened as mcphub-adminctl opens it: a profile bound to a settings file gets its
            // binding, so the migration's commit writes the file too (dual-write).
            auto workspace = OpenedWorkspace::openDatabase(opened, connectionName);
            if (!workspace) {
                report.error = workspace.error();
                report.status = QStringLiteral("failed");
                report.dryRun = options.dryRun;
                report.sourcePath = options.sourcePath;
                report.target = options.target;
            } else {
                workspace->releaseBindingFor(options.sourcePath);
                Migrator migrator(workspace->context(), options);
                migrator.setProgressCallback([this](const MigrationProgress &p) {
                    if (m_cancel.load())
                        return false;
                    Q_EMIT progress(p);
                    return !m_cancel.load();
                });
                report = migrator.run();
                workspace->close();
            }
        }
        closeSqlConnection(connectionName);
        m_workerReport = std::move(report);
    });
    m_thread->setObjectName(QStringLiteral("migration"));
    // QThread::finished is emitted on the worker thread: queued to this GUI-thread object.
    // wait() may have handed this thread's report over already (and a new run started).
    QThread *thread = m_thread;
    connect(m_thread, &QThread::finished, this, [this, thread] {
        if (m_thread == thread)
            threadFinished();
    });
    m_thread->start();
    return true;
}

void MigrationRunner::threadFinished()
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_report = std::move(m_workerReport);
    m_workerReport = MigrationReport();
    Q_EMIT finished(m_report);
}

} // namespace mcphub
