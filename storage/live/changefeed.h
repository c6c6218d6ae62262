#pragma once

#include "storage/db/repositorycontext.h"
#include "storage/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace mcphub {

// One committed console change as the other consoles on the same database hear of it: the
// payload of NOTIFY mcphub_admin_changes (PostgreSQL) and of Redis config:update. Versioned
// JSON, small (under PostgreSQL's 8000-byte NOTIFY limit): {"v":1, "table", "key", "action",
// "changeId", "instance"}. `table` is the changed area as the audit trail names it
// ("servers", "system-config", "users" …), `key` the row's name or id there (empty: the
// whole area may have changed).
struct ChangeNotice
{
    static constexpr int kVersion = 1;

    QString table;
    QString key;
    QString action;   // the audit trail's action, "server.update"
    QString changeId; // the transaction's (TransactionGuard::changeId)
    QString instance; // ChangeFeed::instanceId() of the console that committed it

    QByteArray toJson() const;
    // The notice in `payload`; none (with the reason in `why`) when it is not JSON, not an
    // object, of another version or lacks a field: the caller logs it and goes on.
    static std::optional<ChangeNotice> fromJson(const QByteArray &payload, QString *why);
};

// Announces committed changes (issue 16). RepositoryBase::audited() calls announce() inside
// the change's transaction, so the announcement commits with the change or not at all:
//  - PostgreSQL: pg_notify('mcphub_admin_changes', notice) (delivered at COMMIT; touches no
//    table, so it is allowed in MCPHub's database too);
//  - with a Redis URL in the context: a change_outbox row holding the config:update message
//    {"key", "value", "v", "changeId", "instance"}, which RedisOutbox delivers. "value" is
//    the change's audit summary (never a secret: Redis is no place for secrets).
// On the connection's thread.
class ChangeFeed
{
public:
    static constexpr const char *kChannel = "mcphub_admin_changes";

    // This process's console instance id (a uuid made once): own notices are ignored.
    static QString instanceId();
    // The notice for an audited change of `resource` ("servers/fetch") by `action`, under
    // the change id of the transaction open on `connectionName` (TransactionGuard::changeId;
    // a new one for a change made outside any transaction).
    static ChangeNotice
    noticeFor(const QString &connectionName, const QString &action, const QString &resource);

    // Announces `notice` on the context's connection; `after` is the audit summary. Returns
    // an error (the caller rolls back) when the database refuses.
    static Result<void> announce(const RepositoryContext &context,
                                 const ChangeNotice &notice,
                                 const QString &resource,
                                 const QJsonObject &after);

    // The Redis config:update message of a notice (what the outbox stores).
    static QByteArray
    redisMessage(const ChangeNotice &notice, const QString &redisKey, const QJsonObject &after);

    // A bulk change (a settings-file migration): while a Batch is open on a connection (this
    // thread), announce() sends nothing and notes the change's table instead, and so does
    // noteTable() for rows written without a repository (bulk COPY, log imports). flush(),
    // inside the transaction before its COMMIT, announces each noted table once through
    // announce() (NOTIFY and outbox row): key empty (the listeners refresh the whole table),
    // the transaction's change id (TransactionGuard::changeId). A 10,000-row import notifies
    // once per table, not 10,000 times. Destroyed without flush() (a rolled-back or dry run),
    // it announces nothing. One at a time per connection.
    class Batch
    {
    public:
        Batch(RepositoryContext context, QString action);
        ~Batch();
        Batch(const Batch &) = delete;
        Batch &operator=(const Batch &) = delete;

        // `resource` as the audit trail names it: "servers/fetch", "servers/" or "servers".
        void note(const QString &resource);
        QStringList tables() const { return m_tables; } // in the order first noted
        Result<void> flush();

    private:
        RepositoryContext m_context;
        QString m_action;
        QStringList m_tables;
        bool m_open = true;
    };
    // Notes `resource`'s table in the Batch open on the context's connection; without one,
    // announces the table at once (key empty, the open transaction's change id).
    static Result<void>
    noteTable(const RepositoryContext &context, const QString &action, const QString &resource);
};

} // namespace mcphub

Q_DECLARE_METATYPE(mcphub::ChangeNotice)
