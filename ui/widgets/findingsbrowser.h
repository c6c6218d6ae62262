#pragma once

#include "storage/error.h"
#include "storage/settings/finding.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTableView;

namespace mcphub {

class FindingsModel;

// A settings file's findings over its text: the validator's findings in a table
// (FindingsModel), the shown finding's whole message, and the file's text, read-only.
// Double-clicking a finding places the text's cursor at its line:column and highlights the
// line. The migration wizard's validation page and the console's view of a file it cannot
// open for editing both show files through it. GUI thread.
class FindingsBrowser : public QWidget
{
    Q_OBJECT

public:
    explicit FindingsBrowser(QWidget *parent = nullptr);

    // Shows `text` and its `findings`, the first one selected and shown.
    void setContent(const QByteArray &text, const QList<Finding> &findings);
    // New findings over the same text (after an edit of the document); the selected
    // finding's pointer stays selected when it is still there.
    void setFindings(const QList<Finding> &findings);

    FindingsModel *model() const { return m_model; }
    QTableView *findingsView() const { return m_view; }
    QPlainTextEdit *sourceView() const { return m_source; }
    QLabel *detailLabel() const { return m_detail; }
    // The selected finding's row, or -1.
    int currentRow() const;

    // Places the text's cursor at the finding of `row` and highlights its line.
    void showFinding(int row);

    // A file that cannot be loaded as JSON, as one finding placed by the error's
    // "FILE:LINE:COL".
    static Finding findingFromError(const Error &error);

Q_SIGNALS:
    // The selection moved to another finding (-1: none).
    void currentRowChanged(int row);

private:
    FindingsModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QPlainTextEdit *m_source = nullptr;
    QLabel *m_detail = nullptr;
};

} // namespace mcphub
