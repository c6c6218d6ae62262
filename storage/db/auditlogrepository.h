#pragma once

#include "storage/db/repositorybase.h"

#include <QDateTime>
#include <QJsonObject>

namespace mcphub {

// One row of the audit trail (table access_logs): who changed what, and how.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime timestamp;
    QString username; // the OS user or the console's signed-in administrator
    QString action;   // "user.create", "server.update", ...
    QString resource; // "users/alice", "servers/fetch"
    QString method;   // "CREATE", "UPDATE", "DELETE"
    int statusCode = 200;
    QString ip;
    QString userAgent;
    qint64 durationMs = 0;
    QJsonObject details; // {"before": {...}, "after": {...}} without secrets
    // The change id of the transaction that wrote the row (TransactionGuard::changeId):
    // what an Apply whose COMMIT went unanswered is looked up by. Empty for rows written
    // before change ids (schema 4) and for imported logs.
    QString changeId;
};

struct AuditFilter
{
    QString username;
    bool partialUser = false; // username matches a part of the name, ignoring case
    QString resourcePrefix;   // "servers/" lists every server change
    QDateTime from;           // inclusive
    QDateTime to;             // exclusive
};

// The audit trail: rows are appended by RepositoryBase::audited() inside the transaction of
// the change they describe, and read newest first. Never updated or deleted here.
class AuditLogRepository : public RepositoryBase
{
public:
    using RepositoryBase::RepositoryBase;

    // Appends one row in the current transaction (no audit of its own), with the
    // transaction's change id.
    Result<qint64> append(const AuditEntry &entry);

    Result<Page<AuditEntry>> list(const AuditFilter &filter, const PageRequest &page) const;

    // Whether a transaction with change id `changeId` committed: how many audit rows carry it.
    Result<qint64> countChange(const QString &changeId) const;

private:
    SqlFilter toSql(const AuditFilter &filter) const;
};

} // namespace mcphub
