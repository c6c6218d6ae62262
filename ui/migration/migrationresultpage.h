#pragma once

#include <QWizardPage>

class QLabel;
class QStandardItemModel;
class QTableView;

namespace mcphub {

class MigrationCountsModel;

// The outcome: verification passed or the differences it found, the run id and the counts,
// links to the backup's folder and to the report JSON, or the error with its place.
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

    void initializePage() override;

private:
    QLabel *m_headline = nullptr;
    QLabel *m_verification = nullptr;
    QLabel *m_links = nullptr;
    MigrationCountsModel *m_counts = nullptr;
    QStandardItemModel *m_differences = nullptr;
    QTableView *m_differencesView = nullptr;
};

} // namespace mcphub
