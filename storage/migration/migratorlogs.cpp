// The Migrator's steps over the usage and access logs: load each in one pass (a log an earlier
// run loaded counts as identical) and verify it by count and checksum.
#include "storage/migration/migrator.h"

#include "storage/db/auditlogrepository.h"
#include "storage/db/transactionguard.h"
#include "storage/live/changefeed.h"
#include "storage/migration/migrationhistory.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlDatabase>

namespace mcphub {

Result<void> Migrator::importLogs(QList<MappingIssue> *issues)
{
    m_logLoaded.clear();
    for (LogImport &log : m_logs) {
        const QString entity = log.entityName();
        TransactionGuard savepoint(QSqlDatabase::database(m_context.connectionName));
        if (!savepoint.active())
            return savepoint.error();
        const qsizetype before = issues->size();
        const auto loaded
            = log.load(m_context, issues, !m_options.skipInvalid, [&](qint64 done, qint64 total) {
                  // The logs load first (while the settings are validated): 5-65 %.
                  return step(int(5 + 60 * done / qMax<qint64>(1, total)),
                              QCoreApplication::translate("Migrator", "Importing"),
                              entity,
                              int(done),
                              int(total));
              });
        if (!loaded)
            return loaded;
        MigrationReport::EntityCounts &counts = m_report.countsFor(entity);
        counts.total = int(log.rowCount() + issues->size() - before);
        counts.rejected = int(issues->size() - before);
        for (qsizetype i = before; i < issues->size(); ++i)
            m_report.rejects.append({issues->at(i).pointer, issues->at(i).reason});
        // The same log loaded by an earlier run (not rolled back) would count every call
        // twice: its rows go again and the log counts as identical.
        const auto earlier = MigrationHistory(m_context).findLogImport(entity, log.checksum());
        if (!earlier)
            return earlier.error();
        m_logLoaded << (*earlier == 0);
        if (*earlier > 0) {
            // Rows left behind would be in no run's changes: nothing could remove them.
            if (!savepoint.rollback())
                return Error::make(
                    Error::Code::Database,
                    QCoreApplication::translate("Migrator",
                                                "Cannot take back the rows of a log loaded before; "
                                                "nothing was migrated."),
                    log.path());
            counts.identical = int(log.rowCount());
            continue;
        }
        if (auto released = savepoint.commit(); !released)
            return released;
        counts.created = int(log.rowCount());
        counts.sha256 = log.checksum(); // only where the rows are: what a rerun looks for
        OrderedJson change = OrderedJson::object();
        change["entity"] = entity.toStdString();
        change["table"] = log.table().toStdString();
        change["sha256"] = log.checksum().toStdString();
        change["idRanges"] = log.idRanges();
        m_changes.push_back(std::move(change));
    }
    return {};
}

Result<void> Migrator::verifyLogs()
{
    for (qsizetype i = 0; i < m_logs.size(); ++i) {
        const LogImport &log = m_logs.at(i);
        if (!m_logLoaded.at(i))
            continue;
        if (!step(95, QCoreApplication::translate("Migrator", "Verifying"), log.entityName()))
            return Migrator::cancelledError();
        QStringList differences;
        if (auto verified = log.verify(m_context, &differences); !verified)
            return verified;
        for (const QString &message : differences)
            m_report.differences.append({log.path(), message});
    }
    if (!m_report.differences.isEmpty())
        return differencesFound();
    // One audit row per log file, not one per line.
    for (qsizetype i = 0; i < m_logs.size(); ++i) {
        const LogImport &log = m_logs.at(i);
        if (!m_logLoaded.at(i))
            continue;
        AuditEntry entry;
        entry.timestamp = QDateTime::currentDateTimeUtc();
        entry.username = m_context.actor;
        entry.action = QStringLiteral("migration.log-import");
        entry.resource = log.table();
        entry.method = QStringLiteral("IMPORT");
        entry.details = QJsonObject{{QStringLiteral("source"), log.path()},
                                    {QStringLiteral("rows"), log.rowCount()},
                                    {QStringLiteral("sha256"), log.checksum()}};
        if (auto written = AuditLogRepository(m_context).append(entry); !written)
            return written.error();
        // The areas as their repositories name them (UsageLogRepository: usage-logs).
        const QString area = log.table() == QLatin1String("mcp_usage_logs")
                                 ? QStringLiteral("usage-logs")
                                 : QStringLiteral("access-logs");
        if (auto noted = ChangeFeed::noteTable(m_context, entry.action, area); !noted)
            return noted;
    }
    return {};
}

} // namespace mcphub
