#include "ui/logs/auditlogpage.h"

#include "models/auditlogmodel.h"
#include "ui/logs/logview.h"
#include "ui/logs/timerangeselector.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QTimer>
#include <QVBoxLayout>

namespace mcphub {

AuditLogPage::AuditLogPage(AuditLogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_log(new LogView(model, AuditLogModel::DetailsRole, QStringLiteral("audit"), this))
    , m_range(new TimeRangeSelector(this))
    , m_user(new QLineEdit(this))
    , m_resource(new QLineEdit(this))
    , m_debounce(new QTimer(this))
{
    m_user->setPlaceholderText(tr("Who"));
    m_user->setToolTip(tr("Only changes by this user (exact name)."));
    m_resource->setPlaceholderText(tr("Resource, e.g. servers/"));
    m_resource->setProperty("findTarget", true); // Edit ▸ Find (Ctrl+F) comes here
    m_resource->setToolTip(tr("Only changes to resources that start with this text."));
    QHBoxLayout *bar = m_log->filterBar();
    bar->addWidget(m_range);
    bar->addWidget(m_user);
    bar->addWidget(m_resource, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_log);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &AuditLogPage::applyFilter);
    const auto later = [this] {
        m_debounce->start();
    };
    connect(m_user, &QLineEdit::textChanged, this, later);
    connect(m_resource, &QLineEdit::textChanged, this, later);
    connect(m_range, &TimeRangeSelector::rangeChanged, this, later);
}

void AuditLogPage::applyFilter()
{
    m_debounce->stop();
    AuditFilter filter;
    filter.partialUser = true;
    filter.username = m_user->text().trimmed();
    filter.resourcePrefix = m_resource->text().trimmed();
    filter.from = m_range->from();
    filter.to = m_range->to();
    m_model->setFilter(filter);
    m_log->refresh();
}

} // namespace mcphub
