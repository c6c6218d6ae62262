#include "ui/migration/migrationplanpage.h"

#include "models/migrationcountsmodel.h"
#include "ui/migration/migrationrunner.h"
#include "ui/migration/migrationwizard.h"

#include <QAbstractButton>
#include <QCheckBox>
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
    , m_losses(new QStandardItemModel(0, 2, this))
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
    layout->addWidget(m_countsView, 2);

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

    // MCPHub's database: what its tables have no place for, accepted explicitly or nothing.
    m_lossesLabel = new QLabel(this);
    m_lossesLabel->setWordWrap(true);
    layout->addWidget(m_lossesLabel);
    m_losses->setHorizontalHeaderLabels({tr("JSON pointer"), tr("What is lost")});
    m_lossesView = new QTableView(this);
    m_lossesView->setObjectName(QStringLiteral("losses"));
    m_lossesView->setModel(m_losses);
    setUpTable(m_lossesView);
    m_lossesView->setColumnWidth(0, 260);
    m_lossesView->horizontalHeader()->setStretchLastSection(true);
    m_lossesView->setAccessibleName(tr("What MCPHub's tables cannot hold"));
    layout->addWidget(m_lossesView, 2);
    m_acceptLoss = new QCheckBox(this);
    m_acceptLoss->setObjectName(QStringLiteral("acceptLoss"));
    layout->addWidget(m_acceptLoss);
    for (QWidget *widget : {static_cast<QWidget *>(m_lossesLabel),
                            static_cast<QWidget *>(m_lossesView),
                            static_cast<QWidget *>(m_acceptLoss)})
        widget->hide();
    // Ticked: plan again, going on despite the losses (the plan shows what that run does);
    // unticked: Migrate waits again.
    connect(m_acceptLoss, &QCheckBox::toggled, this, [this](bool accepted) {
        if (accepted && !m_planning && !m_plan.ok()
            && m_plan.error->remedy == Error::Remedy::AcceptLoss)
            startPlan();
        else
            Q_EMIT completeChanged();
    });
}

bool MigrationPlanPage::acceptLoss() const
{
    return m_acceptLoss->isChecked();
}

void MigrationPlanPage::initializePage()
{
    auto *w = qobject_cast<MigrationWizard *>(wizard());
    // A new plan: losses found before are accepted again only when seen again.
    {
        const QSignalBlocker blocker(m_acceptLoss);
        m_acceptLoss->setChecked(false);
    }
    for (QWidget *widget : {static_cast<QWidget *>(m_lossesLabel),
                            static_cast<QWidget *>(m_lossesView),
                            static_cast<QWidget *>(m_acceptLoss)})
        widget->hide();
    const QString described = w->targetDescription();
    m_target->setText(tr("Migrate writes into: <b>%1</b>").arg(described.toHtmlEscaped()));
    if (QAbstractButton *commit = w->button(QWizard::CommitButton))
        commit->setToolTip(tr("Migrate into %1").arg(described));
    startPlan();
}

void MigrationPlanPage::startPlan()
{
    auto *w = qobject_cast<MigrationWizard *>(wizard());
    m_counts->setCounts({});
    m_items->removeRows(0, m_items->rowCount());
    m_plan = MigrationReport();
    m_busy->show();
    m_summary->setStyleSheet(QString());
    m_summary->setText(tr("Planning the migration…"));
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
    m_plannedAccepting = options.acceptLoss;
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
    return !m_planning && m_plan.ok() && m_plan.status == QLatin1String("dry-run")
           && (m_plan.losses.isEmpty() || m_acceptLoss->isChecked());
}

bool MigrationPlanPage::validatePage()
{
    return isComplete();
}

void MigrationPlanPage::appendReportItems(QStandardItemModel *model,
                                          const QString &kind,
                                          const QList<MigrationReport::Item> &items)
{
    for (const MigrationReport::Item &item : items) {
        QList<QStandardItem *> row{new QStandardItem(kind),
                                   new QStandardItem(item.pointer),
                                   new QStandardItem(item.message)};
        row.last()->setToolTip(item.message);
        model->appendRow(row);
    }
}

void MigrationPlanPage::showPlan(const MigrationReport &plan)
{
    m_planning = false;
    m_plan = plan;
    m_busy->hide();
    m_counts->setCounts(plan.counts);
    m_items->removeRows(0, m_items->rowCount());
    const auto addItems = [this](const QString &kind, const QList<MigrationReport::Item> &items) {
        appendReportItems(m_items, kind, items);
    };
    addItems(tr("Conflict"), plan.conflicts);
    addItems(tr("Rejected"), plan.rejects);
    addItems(tr("Warning"), plan.warnings);
    addItems(tr("New id"), plan.idRewrites);
    addItems(tr("Kept (not in the file)"), plan.kept);
    addItems(tr("Removed (prune)"), plan.pruned);

    m_losses->removeRows(0, m_losses->rowCount());
    for (const MigrationReport::Item &item : plan.losses) {
        QList<QStandardItem *> row{new QStandardItem(item.pointer),
                                   new QStandardItem(item.message)};
        row.last()->setToolTip(item.message);
        m_losses->appendRow(row);
    }
    const int lost = int(plan.losses.size());
    m_lossesLabel->setText(tr("MCPHub's tables have no place for %n part(s) of the file. The "
                              "migration leaves them out only when you accept it:",
                              nullptr,
                              lost));
    m_acceptLoss->setText(tr("&Accept losing these %n item(s)", nullptr, lost));
    for (QWidget *widget : {static_cast<QWidget *>(m_lossesLabel),
                            static_cast<QWidget *>(m_lossesView),
                            static_cast<QWidget *>(m_acceptLoss)})
        widget->setVisible(lost > 0);

    int created = 0, overwritten = 0, identical = 0, skipped = 0, rejected = 0;
    for (const auto &c : plan.counts) {
        created += c.created;
        overwritten += c.overwritten;
        identical += c.identical;
        skipped += c.skipped;
        rejected += c.rejected;
    }
    if (!plan.ok() && plan.error->remedy == Error::Remedy::AcceptLoss && lost > 0) {
        m_summary->setStyleSheet(QStringLiteral("color: #b71c1c;"));
        m_summary->setText(tr("Migrate waits: %n part(s) of the file would be lost (listed "
                              "below). Tick \"Accept losing\" to plan the migration without "
                              "them.",
                              nullptr,
                              lost));
    } else if (!plan.ok()) {
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
    // Accepted while this plan ran without it: plan again, with it.
    if (!plan.ok() && plan.error->remedy == Error::Remedy::AcceptLoss && lost > 0
        && m_acceptLoss->isChecked() && !m_plannedAccepting) {
        startPlan();
        return;
    }
    Q_EMIT completeChanged();
    Q_EMIT planReady();
}

} // namespace mcphub
