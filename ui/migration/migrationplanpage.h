#pragma once

#include "storage/migration/migrationreport.h"

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QProgressBar;
class QStandardItemModel;
class QTableView;

namespace mcphub {

class MigrationCountsModel;

// The dry run: the migrator does everything on a worker thread and rolls back; the page shows
// per entity how many entries are new, identical, conflicting and rejected, the conflicts,
// and in one sentence what the migration would change. Into MCPHub's database also the ids
// that get a uuid, the rows kept (or removed with prune), and in a section of their own what
// MCPHub's tables cannot hold: Migrate then waits for "Accept losing these N items", which
// plans again with MigrationOptions::acceptLoss. Its Next starts the migration.
class MigrationPlanPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit MigrationPlanPage(QWidget *parent = nullptr);

    // One row per item (kind, JSON pointer, message with a tooltip): the plan's and the
    // result's lists of conflicts, rejects, new ids, kept and removed rows and losses.
    static void appendReportItems(QStandardItemModel *model,
                                  const QString &kind,
                                  const QList<MigrationReport::Item> &items);

    MigrationCountsModel *countsModel() const { return m_counts; }
    QStandardItemModel *itemsModel() const { return m_items; }
    const MigrationReport &plan() const { return m_plan; }
    bool isPlanning() const { return m_planning; }
    QLabel *summaryLabel() const { return m_summary; }
    // "Migrate writes into: …", the chosen target in full (the last thing read before Migrate).
    QLabel *targetLabel() const { return m_target; }
    // What MCPHub's tables cannot hold (pointer, message), and the box that accepts losing it.
    QStandardItemModel *lossesModel() const { return m_losses; }
    QCheckBox *acceptLossCheck() const { return m_acceptLoss; }
    bool acceptLoss() const;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    // Migrate (also through QWizard::next()) only for a plan that is complete.
    bool validatePage() override;

Q_SIGNALS:
    void planReady();

private:
    void showPlan(const MigrationReport &plan);
    void startPlan();

    MigrationCountsModel *m_counts = nullptr;
    QStandardItemModel *m_items = nullptr;
    QTableView *m_countsView = nullptr;
    QTableView *m_itemsView = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_target = nullptr;
    QStandardItemModel *m_losses = nullptr;
    QTableView *m_lossesView = nullptr;
    QLabel *m_lossesLabel = nullptr;
    QCheckBox *m_acceptLoss = nullptr;
    MigrationReport m_plan;
    bool m_planning = false;
    bool m_plannedAccepting = false; // the plan running or shown had acceptLoss
};

} // namespace mcphub
