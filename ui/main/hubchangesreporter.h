#pragma once

#include "storage/db/repositorycontext.h"
#include "storage/hub/hubchange.h"

#include <QObject>
#include <QPointer>

class QAction;

namespace mcphub {

class HubChangeApplier;
class HubClient;
class PendingTableEditor;
class SecretStore;
class ServerTableModel;

// The Servers page of an MCPHub database, and the hubs that run on it: before an Apply that
// removes or renames servers, the linked hubs stop them (their API no longer finds them
// afterwards); after it, they start, stop or reload what changed (HubChange). The result
// per hub and change goes under the editor's toolbar and into the window's status bar, and
// the editor's "Hub results..." action lists each one. Hubs are linked by being registered
// in this workspace (HubChangeApplier). On the GUI thread.
class HubChangesReporter : public QObject
{
    Q_OBJECT

public:
    HubChangesReporter(const RepositoryContext &context,
                       const SecretStore &secrets,
                       ServerTableModel *servers,
                       PendingTableEditor *editor,
                       QObject *parent = nullptr);
    ~HubChangesReporter() override;

    QList<HubChangeResult> lastResults() const { return m_results; }
    QString lastSummary() const { return m_summary; }
    bool busy() const { return m_busy; }
    QAction *resultsAction() const { return m_resultsAction; }

    // One translated line for results: how many done, at the next restart, failed, and of
    // how many hubs (the status bar's, after an Apply or a migration).
    static QString summarize(const QList<HubChangeResult> &results);

Q_SIGNALS:
    // After every Apply that had something to tell: one translated line for the status bar.
    void reported(const QString &summary);

private:
    void beforeApply(std::function<void()> apply);
    void afterApply(const QList<HubChange> &changes);
    void finish(const QList<HubChangeResult> &results);
    void showResults();

    RepositoryContext m_context;
    const SecretStore &m_secrets;
    QPointer<ServerTableModel> m_servers;
    QPointer<PendingTableEditor> m_editor;
    HubClient *m_client;
    HubChangeApplier *m_applier;
    QAction *m_resultsAction;
    QList<HubChangeResult> m_stops; // told before the Apply
    QList<HubChangeResult> m_results;
    QString m_summary;
    bool m_busy = false;
};

} // namespace mcphub
