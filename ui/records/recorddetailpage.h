#pragma once

#include "ui/widgets/pendingdetailpage.h"

#include <QHash>

namespace mcphub {

class RecordTableModel;

// One record entity's table (its listed fields) beside a form with every field: line edits
// for texts, the secret masked, JSON and long texts in multi-line boxes, as pending edits.
class RecordDetailPage : public PendingDetailPage
{
    Q_OBJECT

public:
    explicit RecordDetailPage(RecordTableModel *model, QWidget *parent = nullptr);

    // The editing widget of a field (QLineEdit, SecretLineEdit, QPlainTextEdit, QCheckBox).
    QWidget *fieldEditor(const QString &field) const { return m_editors.value(field); }

protected:
    void refresh() override;
    int addBlankRow() override;

private:
    void write(const QString &field, const QVariant &value);

    RecordTableModel *m_model;
    QHash<QString, QWidget *> m_editors;
};

} // namespace mcphub
