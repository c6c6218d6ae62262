#include "ui/groups/groupspage.h"

#include "models/grouptablemodel.h"
#include "models/servertablemodel.h"
#include "ui/widgets/pendingtableeditor.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace mcphub {

namespace {

constexpr int kToolsRole = Qt::UserRole;

QStringList names(const QString &text)
{
    QStringList result;
    for (const QString &name : text.split(QLatin1Char(',')))
        if (!name.trimmed().isEmpty())
            result << name.trimmed();
    return result;
}

} // namespace

GroupsPage::GroupsPage(GroupTableModel *model, ServerTableModel *servers, QWidget *parent)
    : PendingDetailPage(model, QStringLiteral("groups"), parent)
    , m_model(model)
    , m_servers(servers)
    , m_members(new QListWidget(this))
    , m_tools(new QLineEdit(this))
{
    m_editor->addAction()->setToolTip(tr("Add a group; name it and check its servers."));
    m_members->setToolTip(tr("Checked servers belong to the group."));
    m_tools->setPlaceholderText(tr("all tools"));
    m_tools->setToolTip(tr("The selected server's tools offered in this group, separated by "
                           "commas (unprefixed names); empty offers all of them."));
    auto *detail = new QWidget(this);
    auto *form = new QVBoxLayout(detail);
    form->addWidget(new QLabel(tr("Servers:"), detail));
    form->addWidget(m_members, 1);
    form->addWidget(new QLabel(tr("Tools of the selected server:"), detail));
    form->addWidget(m_tools);
    form->addWidget(m_problems);
    connect(m_servers, &QAbstractItemModel::modelReset, this, &GroupsPage::refresh);
    connect(m_members, &QListWidget::itemChanged, this, &GroupsPage::writeMembers);
    connect(m_members, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        m_tools->setText(item ? item->data(kToolsRole).toStringList().join(QStringLiteral(", "))
                              : QString());
        m_tools->setEnabled(item && item->checkState() == Qt::Checked && !m_model->isReadOnly());
    });
    connect(m_tools, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (QListWidgetItem *item = m_members->currentItem()) {
            const QSignalBlocker blocker(m_members);
            item->setData(kToolsRole, names(text));
            writeMembers();
        }
    });
    setDetail(detail);
}

int GroupsPage::addBlankRow()
{
    return m_model->addGroup(QString());
}

void GroupsPage::writeMembers()
{
    if (m_loading)
        return;
    QList<QPair<QString, QStringList>> members;
    for (int i = 0; i < m_members->count(); ++i) {
        const QListWidgetItem *item = m_members->item(i);
        if (item->checkState() == Qt::Checked)
            members << qMakePair(item->text(), item->data(kToolsRole).toStringList());
    }
    m_model->typeValue(
        currentRow(), GroupTableModel::kServers, GroupTableModel::serversJson(members));
}

void GroupsPage::refresh()
{
    const int row = currentRow();
    const bool editable = currentRowEditable();
    m_loading = true;
    const QString current = m_members->currentItem() ? m_members->currentItem()->text() : QString();
    m_members->clear();
    const auto members
        = GroupTableModel::members(m_model->value(row, GroupTableModel::kServers).toString());
    QStringList serverNames;
    for (int s = 0; s < m_servers->rowCount(); ++s)
        serverNames << m_servers->value(s, ServerTableModel::kName).toString();
    for (const auto &member : members)
        if (!serverNames.contains(member.first))
            serverNames << member.first; // a member MCPHub will filter out; shown so it can go
    for (const QString &name : std::as_const(serverNames)) {
        auto *item = new QListWidgetItem(name, m_members);
        item->setFlags(editable ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable
                                : Qt::ItemIsSelectable);
        item->setCheckState(Qt::Unchecked);
        for (const auto &member : members) {
            if (member.first == name) {
                item->setCheckState(Qt::Checked);
                item->setData(kToolsRole, member.second);
            }
        }
        if (name == current)
            m_members->setCurrentItem(item);
    }
    m_members->setEnabled(row >= 0);
    m_tools->setEnabled(editable && m_members->currentItem()
                        && m_members->currentItem()->checkState() == Qt::Checked);
    m_loading = false;
    showProblems();
}

} // namespace mcphub
