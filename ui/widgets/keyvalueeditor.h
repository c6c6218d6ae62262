#pragma once

#include <QWidget>

class QCheckBox;
class QPushButton;
class QTableView;

namespace mcphub {

class KeyValueModel;

// Editor for an ordered name/value table (environment variables, HTTP headers): a table
// over a KeyValueModel with Add, Remove and "Show secrets". The model belongs to the caller.
class KeyValueEditor : public QWidget
{
    Q_OBJECT

public:
    explicit KeyValueEditor(QWidget *parent = nullptr);

    void setModel(KeyValueModel *model);
    KeyValueModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

    void addRow();
    void removeSelectedRows();

private:
    void updateButtons();

    KeyValueModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QCheckBox *m_reveal = nullptr;
};

} // namespace mcphub
