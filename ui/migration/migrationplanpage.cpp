#include "ui/migration/migrationplanpage.h"

#include "models/migrationcountsmodel.h"
#include "ui/migration/migrationrunner.h"
#include "ui/migration/migrationwizard.h"

#include <QAbstractButton>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace mcphub {

namespace {

void setUpTable(QTableView *view)
{
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->verticalHeader()->hide();
    view->setWordWrap(false);
}

} // namespace

MigrationPlanPage::MigrationPlanPage(QWidget *parent)
    : QWizardPage(parent)
    , m_counts(new MigrationCountsModel(this))
    , m_items(new QStandardItemModel(0, 3, this))
{
    setTitle(tr("Plan"));
    setSubTitle(tr("A dry run of the migration: everything is done and checked, then rolled "
                   "back. Nothing is written until you choose Migrate."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Migrate"));
    auto *layout = new QVBoxLayout(this);
    m_target = new QLabel(this);
    m_target->setWordWrap(true);
    m_target->setTextFormat(Qt::RichText);
    m_target->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_target);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    layout->addWidget(m_busy);

    m_countsView = new QTableView(this);
    m_countsView->setModel(m_counts);
    setUpTable(m_countsView);
    m_countsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_countsView->horizontalHeader()->setSectionResizeMode(MigrationCountsModel::EntityColumn,
                                                           QHeaderView::Stretch);
    m_countsView->setAccessibleName(tr("Entries per entity"));
    layout->addWidget(m_countsView, 3);

    auto *itemsLabel = new QLabel(tr("Conflicts, rejected records and warnings:"), this);
    layout->addWidget(itemsLabel);
    m_items->setHorizontalHeaderLabels({tr("Kind"), tr("JSON pointer"), tr("Message")});
    m_itemsView = new QTableView(this);
    m_itemsView->setModel(m_items);
    setUpTable(m_itemsView);
    m_itemsView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_itemsView->setColumnWidth(1, 220);
    m_itemsView->horizontalHeader()->setStretchLastSection(true);
    m_itemsView->setAccessibleName(tr("Conflicts, rejected records and warnings"));
    layout->addWidget(m_itemsView, 2);
}

void MigrationPlanPage::initializePage()
{
    auto *w = qobject_cast<MigrationWizard *>(wizard());
    m_counts->setCounts({});
    m_items->removeRows(0, m_items->rowCount());
    m_plan = MigrationReport();
    m_busy->show();
    m_summary->setText(tr("Planning the migration…"));
    const QString described = w->targetDescription();
    m_target->setText(tr("Migrate writes into: <b>%1</b>").arg(described.toHtmlEscaped()));
    if (QAbstractButton *commit = w->button(QWizard::CommitButton))
        commit->setToolTip(tr("Migrate into %1").arg(described));
    const auto target = w->target();
    if (!target) {
        m_busy->hide();
        m_summary->setText(tr("The target cannot be opened: %1").arg(target.error().toString()));
        Q_EMIT completeChanged();
        return;
    }
    MigrationOptions options = w->options();
    options.dryRun = true;
    MigrationRunner *runner = w->planRunner();
    disconnect(runner, &MigrationRunner::finished, this, nullptr);
    connect(runner, &MigrationRunner::finished, this, &MigrationPlanPage::showPlan);
    m_planning = runner->start(*target, options);
    Q_EMIT completeChanged();
}

void MigrationPlanPage::cleanupPage()
{
    // Back during the dry run: stop it before the options can change.
    auto *w = qobject_cast<MigrationWizard *>(wizard());
    if (w->planRunner()->isRunning()) {
        w->planRunner()->cancel();
        w->planRunner()->wait();
    }
    QWizardPage::cleanupPage();
}

bool MigrationPlanPage::isComplete() const
{
    return !m_planning && m_plan.ok() && m_plan.status == QLatin1String("dry-run");
}

void MigrationPlanPage::showPlan(const MigrationReport &plan)
{
    m_planning = false;
    m_plan = plan;
    m_busy->hide();
    m_counts->setCounts(plan.counts);
    m_items->removeRows(0, m_items->rowCount());
    const auto addItems = [this](const QString &kind, const QList<MigrationReport::Item> &items) {
        for (const MigrationReport::Item &item : items) {
            QList<QStandardItem *> row{new QStandardItem(kind),
                                       new QStandardItem(item.pointer),
                                       new QStandardItem(item.message)};
            row.last()->setToolTip(item.message);
            m_items->appendRow(row);
        }
    };
    addItems(tr("Conflict"), plan.conflicts);
    addItems(tr("Rejected"), plan.rejects);
    addItems(tr("Warning"), plan.warnings);

    int created = 0, overwritten = 0, identical = 0, skipped = 0, rejected = 0;
    for (const auto &c : plan.counts) {
        created += c.created;
        overwritten += c.overwritten;
        identical += c.identical;
        skipped += c.skipped;
        rejected += c.rejected;
    }
    if (!plan.ok()) {
        m_summary->setText(
            tr("The migration would fail: %1").arg(plan.error->toString().toHtmlEscaped()));
        m_summary->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    } else {
        m_summary->setStyleSheet(QString());
        m_summary->setText(tr("What would change: %1 new, %2 replaced, %3 conflicting kept as "
                              "the database holds them, %4 identical left as they are, %5 "
                              "invalid left out.")
                               .arg(created)
                               .arg(overwritten)
                               .arg(skipped)
                               .arg(identical)
                               .arg(rejected));
    }
    Q_EMIT completeChanged();
    Q_EMIT planReady();
}

} // namespace mcphub
