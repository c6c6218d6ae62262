#pragma once

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;
class QTableView;

namespace mcphub {

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

    FindingsModel *model() const { return m_model; }
    QTableView *findingsView() const { return m_view; }
    QPlainTextEdit *sourceView() const { return m_source; }
    QLabel *detailLabel() const { return m_detail; }

    // Places the source view's cursor at the finding of `row` and highlights its line.
    void showFinding(int row);

    void initializePage() override;
    bool isComplete() const override;

private:
    FindingsModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QPlainTextEdit *m_source = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_detail = nullptr; // the shown finding's whole message
    bool m_readable = false;
};

} // namespace mcphub
