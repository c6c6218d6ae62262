#include "ui/servers/serverjsondialog.h"

#include "models/servertablemodel.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTextBlock>
#include <QVBoxLayout>

namespace mcphub {

ServerJsonDialog::ServerJsonDialog(ServerTableModel *model, int row, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_row(row)
    , m_text(new QPlainTextEdit(this))
    , m_note(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_edit(new QPushButton(tr("&Edit"), this))
    , m_apply(new QPushButton(tr("&Apply to row"), this))
{
    const QString name = model->rowLabel(row);
    setWindowTitle(tr("Server %1 as JSON").arg(name));
    m_note->setWordWrap(true);
    m_note->setText(tr("The entry mcpServers/%1 as MCPHub's settings file holds it, pending edits "
                       "included. Read-only: Edit to change it; the change becomes pending edits "
                       "of the row, written by Apply.")
                        .arg(name));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setReadOnly(true);
    m_text->setAccessibleName(tr("Server JSON"));
    m_problem->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("jsonProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #c62828"));
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();

    const auto text = model->entryText(row);
    if (text)
        m_text->setPlainText(*text);
    else
        showProblem(text.error().message, text.error().where);
    m_edit->setEnabled(text.ok() && !model->isReadOnly());
    m_apply->setEnabled(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_edit, QDialogButtonBox::ActionRole);
    buttons->addButton(m_apply, QDialogButtonBox::ApplyRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_edit, &QPushButton::clicked, this, &ServerJsonDialog::startEditing);
    connect(m_apply, &QPushButton::clicked, this, &ServerJsonDialog::applyToRow);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(640, 520);
}

void ServerJsonDialog::startEditing()
{
    m_editing = true;
    m_text->setReadOnly(false);
    m_edit->setEnabled(false);
    m_apply->setEnabled(true);
    m_apply->setDefault(true);
    m_text->setFocus();
}

bool ServerJsonDialog::applyToRow()
{
    if (!m_editing)
        return false;
    const auto changed = m_model->setEntryText(m_row, m_text->toPlainText());
    if (!changed) {
        showProblem(changed.error().message, changed.error().where);
        return false;
    }
    m_problem->hide();
    accept();
    return true;
}

void ServerJsonDialog::showProblem(const QString &message, const QString &where)
{
    m_problem->setText(where.isEmpty() ? message : tr("%1: %2").arg(where, message));
    m_problem->show();
    // A syntax error's "…:line:column": put the cursor there.
    static const QRegularExpression position(QStringLiteral(":(\\d+):(\\d+)$"));
    const QRegularExpressionMatch m = position.match(where);
    if (!m.hasMatch())
        return;
    const QTextBlock block = m_text->document()->findBlockByNumber(m.captured(1).toInt() - 1);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right,
                        QTextCursor::MoveAnchor,
                        qMin(m.captured(2).toInt() - 1, block.length() - 1));
    m_text->setTextCursor(cursor);
}

} // namespace mcphub
