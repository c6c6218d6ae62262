#include "ui/main/workspaceviews.h"

#include "models/auditlogmodel.h"
#include "models/bearerkeytablemodel.h"
#include "models/grouptablemodel.h"
#include "models/servertablemodel.h"
#include "models/usagelogmodel.h"
#include "models/usertablemodel.h"
#include "storage/db/serverrepository.h"
#include "storage/db/workspacecapabilities.h"
#include "ui/groups/groupspage.h"
#include "ui/keys/keyspage.h"
#include "ui/logs/auditlogpage.h"
#include "ui/logs/usagelogpage.h"
#include "ui/main/areapage.h"
#include "ui/main/mainwindow.h"
#include "ui/servers/serverspage.h"
#include "ui/users/userspage.h"
#include "ui/widgets/pendingtableeditor.h"

#include <QLabel>

namespace mcphub {

WorkspaceViews::WorkspaceViews(const Workspace &workspace, MainWindow *window)
    : QObject(window)
    , m_workspace(workspace)
{
    using Area = WorkspaceAreaModel::Area;
    const RepositoryContext context = workspace.context();
    window->setBackupsVisible(false); // a database workspace has no settings-file backups

    m_users = new UserTableModel(context, this);
    if (auto r = m_users->reload(); !r)
        m_loadErrors << r.error().toString();
    m_usersPage = new UsersPage(m_users);
    window->page(Area::Users)->setContent(m_usersPage);
    window->trackPendingChanges(m_users);

    // MCPHub's own database: the entities this version does not map to MCPHub's tables yet
    // get a page saying so, never an editor reading them with the console's columns.
    const WorkspaceCapabilities capabilities(workspace.kind());
    const auto notMapped = [&](WorkspaceAreaModel::Area area, const QString &entities) {
        auto *note = new QLabel(capabilities.notMappedYetNote(entities));
        note->setObjectName(QStringLiteral("notBuiltYet"));
        note->setWordWrap(true);
        note->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        window->page(area)->setContent(note);
    };
    m_editable = {m_users};
    if (capabilities.runsConsoleTable(QStringLiteral("mcp_servers"))) {
        m_servers = new ServerTableModel(context, this);
        if (auto r = m_servers->reload(); !r)
            m_loadErrors << r.error().toString();
        m_serversPage = new ServersPage(m_servers);
        window->page(Area::Servers)->setContent(m_serversPage);
        window->trackPendingChanges(m_servers);

        m_groups = new GroupTableModel(context, this);
        if (auto r = m_groups->reload(); !r)
            m_loadErrors << r.error().toString();
        m_groupsPage = new GroupsPage(m_groups, m_servers);
        window->page(Area::Groups)->setContent(m_groupsPage);
        window->trackPendingChanges(m_groups);
        m_editable << m_servers << m_groups;
    } else {
        notMapped(Area::Servers, tr("servers"));
        if (capabilities.runsConsoleTable(QStringLiteral("groups"))) {
            // Members are chosen from the servers' names, all this version reads of them.
            m_groups = new GroupTableModel(context, this);
            if (auto r = m_groups->reload(); !r)
                m_loadErrors << r.error().toString();
            m_groupsPage = new GroupsPage(m_groups, nullptr);
            if (const auto names = ServerRepository(context).names(); names)
                m_groupsPage->setServerNames(*names);
            else
                m_loadErrors << names.error().toString();
            window->page(Area::Groups)->setContent(m_groupsPage);
            window->trackPendingChanges(m_groups);
            m_editable << m_groups;
        } else {
            notMapped(Area::Groups, tr("groups"));
        }
    }
    if (capabilities.runsConsoleTable(QStringLiteral("bearer_keys"))) {
        m_keys = new BearerKeyTableModel(context, this);
        if (auto r = m_keys->reload(); !r)
            m_loadErrors << r.error().toString();
        m_keysPage = new KeysPage(m_keys);
        window->page(Area::BearerKeys)->setContent(m_keysPage);
        window->trackPendingChanges(m_keys);
        m_editable << m_keys;
    } else {
        notMapped(Area::BearerKeys, tr("bearer keys"));
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
    for (PendingTableModel *model : std::as_const(m_editable)) {
        connect(
            model, &QAbstractItemModel::modelReset, m_audit, [this] { (void)m_audit->refresh(); });
    }
}

QStringList WorkspaceViews::reload()
{
    QStringList errors;
    for (PendingTableModel *model : std::as_const(m_editable)) {
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

} // namespace mcphub
