#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace mcphub {

class ServerTableModel;

// One server's raw JSON: its entry exactly as MCPHub's settings file holds it
// (ServerTableModel::entryText), read-only until Edit. "Apply to row" checks the text (a JSON
// syntax error by line and column, MCPHub's checks by JSON pointer) and turns it into pending
// edits of the row, which the page's Apply writes and Revert undoes as any other edit; a text
// refused stays open with the reason, nothing changed.
class ServerJsonDialog : public QDialog
{
    Q_OBJECT

public:
    ServerJsonDialog(ServerTableModel *model, int row, QWidget *parent = nullptr);

    QPlainTextEdit *textEdit() const { return m_text; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *applyButton() const { return m_apply; }
    QLabel *problemLabel() const { return m_problem; }
    bool isEditing() const { return m_editing; }

    void startEditing();
    bool applyToRow(); // true when the row took the text (the dialog then closes)

private:
    void showProblem(const QString &message, const QString &where);

    ServerTableModel *m_model;
    int m_row;
    bool m_editing = false;
    QPlainTextEdit *m_text;
    QLabel *m_note;
    QLabel *m_problem;
    QPushButton *m_edit;
    QPushButton *m_apply;
};

} // namespace mcphub
