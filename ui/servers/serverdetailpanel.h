#pragma once

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;

namespace mcphub {

class KeyValueEditor;
class KeyValueModel;
class ServerTableModel;
class ToolOverridesEditor;

// The selected server's fields for its type: stdio (command, arguments one per line,
// environment), sse / streamable-http (URL, passthrough headers, keep-alive), openapi (URL or
// inline schema, security), and headers for the HTTP types. Every keystroke is a pending edit
// of the model (typing in one field is one undo step); problems are marked as you type.
// Each field widget's objectName is its model field.
class ServerDetailPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ServerDetailPanel(ServerTableModel *model, QWidget *parent = nullptr);

    void setRow(int row); // -1: nothing selected
    QString problemText() const;
    QWidget *fieldWidget(const QString &field) const { return m_widgets.value(field); }

private:
    QLineEdit *lineEdit(const QString &field, const QString &placeholder = {});
    void refresh();
    void showProblems();
    void writeField(const QString &field, const QVariant &value);

    ServerTableModel *m_model;
    int m_key = -1;
    bool m_loading = false;
    QHash<QString, QWidget *> m_widgets;
    QLineEdit *m_name;
    QComboBox *m_type;
    QCheckBox *m_enabled;
    QLineEdit *m_description;
    QStackedWidget *m_typePages;
    QLineEdit *m_command;
    QPlainTextEdit *m_args;
    KeyValueModel *m_envModel;
    KeyValueEditor *m_env;
    QLineEdit *m_url;
    QLineEdit *m_passthrough;
    QCheckBox *m_keepAlive;
    QLineEdit *m_keepAliveInterval;
    QLineEdit *m_openApiUrl;
    QPlainTextEdit *m_openApiSchema;
    QPlainTextEdit *m_openApiSecurity;
    KeyValueModel *m_headersModel;
    KeyValueEditor *m_headers;
    ToolOverridesEditor *m_tools;
    QLabel *m_problems;
};

} // namespace mcphub
