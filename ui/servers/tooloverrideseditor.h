#pragma once

#include <QWidget>

class QPushButton;
class QTableWidget;

namespace mcphub {

// The per-tool overrides of a server (its "tools" object: exposed tool name -> {enabled,
// description}) as a table with Add and Remove. Emits changed() on every user edit; setJson()
// does not. Keys MCPHub writes are prefixed names ("fetch-fetch"); rows are kept in order.
class ToolOverridesEditor : public QWidget
{
    Q_OBJECT

public:
    enum Column { ToolColumn, EnabledColumn, DescriptionColumn, ColumnCount };

    explicit ToolOverridesEditor(QWidget *parent = nullptr);

    void setJson(const QString &toolsObject);
    QString json() const; // empty when there are no rows
    QTableWidget *table() const { return m_table; }
    void setEditable(bool editable);

Q_SIGNALS:
    void changed();

private:
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    bool m_loading = false;
};

} // namespace mcphub
