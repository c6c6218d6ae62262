#pragma once

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;
class QStandardItemModel;
class QTableView;

namespace mcphub {

class MigrationCountsModel;

// The outcome: verification passed or the differences it found, the run id and the counts,
// links to the backup's folder and to the report JSON, or the error with its place. Into
// MCPHub's database also the ids that got a uuid, the rows kept or removed (prune), the
// losses accepted, and what each hub linked to the database answered, one line per hub and
// change (HubChangeResult::text()).
class MigrationResultPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit MigrationResultPage(QWidget *parent = nullptr);

    QLabel *headlineLabel() const { return m_headline; }
    QLabel *verificationLabel() const { return m_verification; }
    QLabel *linksLabel() const { return m_links; }
    MigrationCountsModel *countsModel() const { return m_counts; }
    QStandardItemModel *differencesModel() const { return m_differences; }
    // Kind, JSON pointer, message: new ids, kept, removed and lost entries.
    QStandardItemModel *itemsModel() const { return m_items; }
    QLabel *hubSummaryLabel() const { return m_hubSummary; }
    QPlainTextEdit *hubResultsText() const { return m_hubResults; }

    void initializePage() override;

private:
    void showHubResults();

    QLabel *m_headline = nullptr;
    QLabel *m_verification = nullptr;
    QLabel *m_links = nullptr;
    MigrationCountsModel *m_counts = nullptr;
    QStandardItemModel *m_differences = nullptr;
    QTableView *m_differencesView = nullptr;
    QStandardItemModel *m_items = nullptr;
    QTableView *m_itemsView = nullptr;
    QLabel *m_hubSummary = nullptr;
    QPlainTextEdit *m_hubResults = nullptr;
};

} // namespace mcphub
