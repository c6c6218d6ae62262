#include "ui/main/workspaceviews.h"

#include "models/auditlogmodel.h"
#include "models/bearerkeytablemodel.h"
#include "models/grouptablemodel.h"
#include "models/recordtablemodel.h"
#include "models/servertablemodel.h"
#include "models/systemconfigtablemodel.h"
#include "models/usagelogmodel.h"
#include "models/usertablemodel.h"
#include "ui/config/systemconfigpage.h"
#include "ui/groups/groupspage.h"
#include "ui/keys/keyspage.h"
#include "ui/logs/auditlogpage.h"
#include "ui/logs/usagelogpage.h"
#include "ui/main/areapage.h"
#include "ui/main/mainwindow.h"
#include "ui/records/recorddetailpage.h"
#include "ui/records/recordspage.h"
#include "ui/servers/serverspage.h"
#include "ui/users/userspage.h"
#include "ui/widgets/pendingtableeditor.h"

#include <QTabWidget>

namespace mcphub {

WorkspaceViews::WorkspaceViews(const Workspace &workspace, MainWindow *window)
    : QObject(window)
    , m_workspace(workspace)
{
    using Area = WorkspaceAreaModel::Area;
    const RepositoryContext context = workspace.context();
    const QString connection = context.connectionName; // Apply all's transaction
    window->setBackupsVisible(false); // a database workspace has no settings-file backups

    m_users = new UserTableModel(context, this);
    if (auto r = m_users->reload(); !r)
        m_loadErrors << r.error().toString();
    m_usersPage = new UsersPage(m_users);
    window->page(Area::Users)->setContent(m_usersPage);
    window->trackEditor(m_usersPage->editor(), WorkspaceAreaModel::title(Area::Users), connection);

    m_servers = new ServerTableModel(context, this);
    if (auto r = m_servers->reload(); !r)
        m_loadErrors << r.error().toString();
    m_serversPage = new ServersPage(m_servers);
    window->page(Area::Servers)->setContent(m_serversPage);
    window->trackEditor(
        m_serversPage->editor(), WorkspaceAreaModel::title(Area::Servers), connection);

    m_groups = new GroupTableModel(context, this);
    if (auto r = m_groups->reload(); !r)
        m_loadErrors << r.error().toString();
    m_groupsPage = new GroupsPage(m_groups, m_servers);
    window->page(Area::Groups)->setContent(m_groupsPage);
    window->trackEditor(
        m_groupsPage->editor(), WorkspaceAreaModel::title(Area::Groups), connection);

    m_keys = new BearerKeyTableModel(context, this);
    if (auto r = m_keys->reload(); !r)
        m_loadErrors << r.error().toString();
    m_keysPage = new KeysPage(m_keys);
    window->page(Area::BearerKeys)->setContent(m_keysPage);
    window->trackEditor(
        m_keysPage->editor(), WorkspaceAreaModel::title(Area::BearerKeys), connection);

    m_config = new SystemConfigTableModel(context, this);
    if (auto r = m_config->reload(); !r)
        m_loadErrors << r.error().toString();
    m_configPage = new SystemConfigPage(m_config);
    window->page(Area::SystemConfig)->setContent(m_configPage);
    window->trackEditor(
        m_configPage->editor(), WorkspaceAreaModel::title(Area::SystemConfig), connection);

    m_recordsPage = new RecordsPage(context);
    m_loadErrors << m_recordsPage->loadErrors();
    window->page(Area::Records)->setContent(m_recordsPage);
    for (RecordTableModel *model : m_recordsPage->models()) {
        // Each record kind on its tab: "Clients & content ▸ Prompts".
        RecordDetailPage *page = m_recordsPage->page(model->entity().name);
        if (!page) {
            window->trackPendingChanges(model);
            continue;
        }
        const int tab = m_recordsPage->tabs()->indexOf(page);
        window->trackEditor(page->editor(),
                            tr("%1 ▸ %2").arg(WorkspaceAreaModel::title(Area::Records),
                                              m_recordsPage->tabs()->tabText(tab)),
                            connection);
    }

    m_usage = new UsageLogModel(context, this);
    m_usagePage = new UsageLogPage(m_usage);
    window->page(Area::UsageLog)->setContent(m_usagePage);
    if (auto r = m_usage->refresh(); !r)
        m_loadErrors << r.error().toString();

    m_audit = new AuditLogModel(context, this);
    m_auditPage = new AuditLogPage(m_audit);
    window->page(Area::AuditLog)->setContent(m_auditPage);
    if (auto r = m_audit->refresh(); !r)
        m_loadErrors << r.error().toString();
    // The audit trail grows with every Apply.
    QList<PendingTableModel *> editable{m_users, m_servers, m_groups, m_keys, m_config};
    for (RecordTableModel *model : m_recordsPage->models())
        editable << model;
    for (PendingTableModel *model : editable) {
        connect(
            model, &QAbstractItemModel::modelReset, m_audit, [this] { (void)m_audit->refresh(); });
    }
    // A server renamed by an Apply renamed it in the groups and keys too: show them as they
    // are now (edits pending there stay; their Apply meets the change as a conflict).
    connect(m_servers, &QAbstractItemModel::modelReset, this, [this] {
        for (PendingTableModel *model : {static_cast<PendingTableModel *>(m_groups),
                                         static_cast<PendingTableModel *>(m_keys)}) {
            if (model->pendingCount() == 0)
                (void)model->reload();
        }
    });
}

QStringList WorkspaceViews::reload()
{
    QStringList errors;
    QList<PendingTableModel *> editable{m_users, m_servers, m_groups, m_keys, m_config};
    for (RecordTableModel *model : m_recordsPage->models())
        editable << model;
    for (PendingTableModel *model : editable) {
        if (model->pendingCount() > 0)
            continue;
        if (auto r = model->reload(); !r)
            errors << r.error().toString();
    }
    if (auto r = m_usage->refresh(); !r)
        errors << r.error().toString();
    if (auto r = m_audit->refresh(); !r)
        errors << r.error().toString();
    return errors;
}

int WorkspaceViews::refreshAfterChange(const QStringList &tables)
{
    int conflicts = 0;
    const auto merge = [&](PendingTableModel *model) {
        const auto merged = model->mergeFromStore();
        if (merged)
            conflicts += *merged;
    };
    for (const QString &table : tables) {
        if (table == QLatin1String("users"))
            merge(m_users);
        else if (table == QLatin1String("servers"))
            merge(m_servers);
        else if (table == QLatin1String("groups"))
            merge(m_groups);
        else if (table == QLatin1String("bearer-keys"))
            merge(m_keys);
        else if (table == QLatin1String("system-config"))
            merge(m_config);
        else if (table != QLatin1String("hubs") && table != QLatin1String("usage-log")
                 && table != QLatin1String("usage-logs") && table != QLatin1String("access-logs")
                 && table != QLatin1String("profile")) {
            for (RecordTableModel *model : m_recordsPage->models())
                merge(model);
        }
    }
    (void)m_audit->refresh();
    return conflicts;
}

} // namespace mcphub
