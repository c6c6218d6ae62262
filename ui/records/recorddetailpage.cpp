#include "ui/records/recorddetailpage.h"

#include "models/recordtablemodel.h"
#include "ui/widgets/secretlineedit.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace mcphub {

namespace {

using Type = RecordField::Type;

} // namespace

RecordDetailPage::RecordDetailPage(RecordTableModel *model, QWidget *parent)
    : PendingDetailPage(model, QStringLiteral("records/") + model->entity().name, parent)
    , m_model(model)
{
    auto *detail = new QWidget(this);
    auto *outer = new QVBoxLayout(detail);
    auto *form = new QFormLayout;
    outer->addLayout(form);
    outer->addStretch(); // few fields stay at the top
    for (const RecordField &field : model->entity().fields) {
        const QString name = field.name;
        QWidget *editor = nullptr;
        switch (field.type) {
        case Type::Bool: {
            auto *box = new QCheckBox(detail);
            connect(box, &QCheckBox::toggled, this, [this, name](bool on) { write(name, on); });
            editor = box;
            break;
        }
        case Type::Secret: {
            auto *line = new SecretLineEdit(detail);
            connect(line, &QLineEdit::textEdited, this, [this, name](const QString &text) {
                write(name, text.isEmpty() ? QVariant() : QVariant(text));
            });
            editor = line;
            break;
        }
        case Type::Text: {
            auto *line = new QLineEdit(detail);
            connect(line, &QLineEdit::textEdited, this, [this, name](const QString &text) {
                write(name, text.isEmpty() ? QVariant() : QVariant(text));
            });
            editor = line;
            break;
        }
        case Type::LongText:
        case Type::Json: {
            auto *box = new QPlainTextEdit(detail);
            box->setTabChangesFocus(true);
            box->setMaximumHeight(field.type == Type::Json ? 90 : 140);
            if (field.type == Type::Json)
                box->setPlaceholderText(tr("JSON"));
            connect(box, &QPlainTextEdit::textChanged, this, [this, name, box] {
                const QString text = box->toPlainText();
                write(name, text.isEmpty() ? QVariant() : QVariant(text));
            });
            editor = box;
            break;
        }
        }
        m_editors.insert(name, editor);
        form->addRow(tr("%1:").arg(field.titleText()), editor);
    }
    form->addRow(m_problems);
    setDetail(detail);
}

int RecordDetailPage::addBlankRow()
{
    return m_model->addRecord(QString());
}

void RecordDetailPage::write(const QString &field, const QVariant &value)
{
    if (!m_loading)
        m_model->typeValue(currentRow(), field, value);
}

void RecordDetailPage::refresh()
{
    const int row = currentRow();
    const bool editable = currentRowEditable();
    const bool added = row >= 0 && m_model->rowState(row) == PendingRow::State::Added;
    m_loading = true;
    for (const RecordField &field : m_model->entity().fields) {
        QWidget *editor = m_editors.value(field.name);
        // The key names the row: it is chosen when the row is added.
        editor->setEnabled(editable && (field.name != m_model->entity().keyField || added));
        const QVariant value = m_model->value(row, field.name);
        if (auto *box = qobject_cast<QCheckBox *>(editor)) {
            box->setChecked(row >= 0 && value.toBool());
        } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
            if (line->text() != value.toString())
                line->setText(value.toString());
        } else if (auto *text = qobject_cast<QPlainTextEdit *>(editor)) {
            if (text->toPlainText() != value.toString())
                text->setPlainText(value.toString());
        }
    }
    m_loading = false;
    showProblems();
}

} // namespace mcphub
