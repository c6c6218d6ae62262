#include "ui/logs/usagelogpage.h"

#include "models/usagelogmodel.h"
#include "ui/logs/logview.h"
#include "ui/logs/timerangeselector.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace mcphub {

UsageLogPage::UsageLogPage(UsageLogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_log(new LogView(model, UsageLogModel::DetailsRole, QStringLiteral("usage"), this))
    , m_range(new TimeRangeSelector(this))
    , m_server(new QLineEdit(this))
    , m_tool(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_result(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_debounce(new QTimer(this))
{
    m_server->setPlaceholderText(tr("Server"));
    m_server->setToolTip(tr("Only calls to this server (exact name)."));
    m_tool->setPlaceholderText(tr("Tool"));
    m_tool->setToolTip(tr("Only calls of this tool (exact name)."));
    m_user->setPlaceholderText(tr("User"));
    m_user->setToolTip(tr("Only calls by this user (exact name)."));
    m_result->addItem(tr("Any result"));
    m_result->addItem(tr("Success"));
    m_result->addItem(tr("Error"));
    m_result->setToolTip(tr("Only successful or only failed calls."));
    m_text->setPlaceholderText(tr("Search…"));
    m_text->setClearButtonEnabled(true);
    m_text->setProperty("findTarget", true); // Edit ▸ Find (Ctrl+F) comes here
    m_text->setToolTip(tr("Only rows whose server, tool, user or error contains this text."));
    QHBoxLayout *bar = m_log->filterBar();
    bar->addWidget(m_range);
    bar->addWidget(m_server);
    bar->addWidget(m_tool);
    bar->addWidget(m_user);
    bar->addWidget(m_result);
    bar->addWidget(m_text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_log);

    // Sorting is the model's (SQL); the indicator starts at the default, newest first.
    m_log->view()->horizontalHeader()->setSortIndicator(UsageLogModel::TimeColumn,
                                                        Qt::DescendingOrder);
    m_log->view()->setSortingEnabled(true);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &UsageLogPage::applyFilter);
    const auto later = [this] {
        m_debounce->start();
    };
    for (QLineEdit *edit : {m_server, m_tool, m_user, m_text})
        connect(edit, &QLineEdit::textChanged, this, later);
    connect(m_result, &QComboBox::currentIndexChanged, this, &UsageLogPage::applyFilter);
    connect(m_range, &TimeRangeSelector::rangeChanged, this, later);
}

void UsageLogPage::applyFilter()
{
    m_debounce->stop();
    UsageLogFilter filter;
    filter.partialNames = true; // "echo" finds echo-local
    filter.serverName = m_server->text().trimmed();
    filter.toolName = m_tool->text().trimmed();
    filter.username = m_user->text().trimmed();
    if (m_result->currentIndex() > 0)
        filter.success = m_result->currentIndex() == 1;
    filter.text = m_text->text().trimmed();
    filter.from = m_range->from();
    filter.to = m_range->to();
    m_model->setFilter(filter);
    m_log->refresh();
}

} // namespace mcphub
