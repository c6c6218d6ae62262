#pragma once

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;
class QTableView;

namespace mcphub {

class FindingsBrowser;
class FindingsModel;

// The validator's findings about the settings file (the settings store's validator, as the
// "validate" command runs it), in a table over FindingsModel. Double-clicking a finding shows
// its place in the file's text: cursor at line:column, the line highlighted. Errors block the
// way on unless invalid records are skipped; a file that is not JSON always does.
class MigrationValidationPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit MigrationValidationPage(QWidget *parent = nullptr);

    FindingsModel *model() const;
    QTableView *findingsView() const;
    QPlainTextEdit *sourceView() const;
    QLabel *detailLabel() const;

    // Places the source view's cursor at the finding of `row` and highlights its line.
    void showFinding(int row);

    void initializePage() override;
    bool isComplete() const override;

private:
    FindingsBrowser *m_browser = nullptr;
    QLabel *m_summary = nullptr;
    bool m_readable = false;
};

} // namespace mcphub
