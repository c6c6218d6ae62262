#include "ui/config/systemconfigpage.h"

#include "models/systemconfigtablemodel.h"
#include "storage/db/workspacecapabilities.h"
#include "ui/widgets/pendingtableeditor.h"

#include <QAction>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace mcphub {

SystemConfigPage::SystemConfigPage(SystemConfigTableModel *model, QWidget *parent)
    : PendingDetailPage(model, QStringLiteral("system-config"), parent)
    , m_model(model)
    , m_newKey(new QComboBox(this))
    , m_findings(new QLabel(this))
    , m_keyTitle(new QLabel(this))
    , m_effect(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
{
    const bool anyKey = model->offeredKeys().isEmpty();
    m_newKey->setEditable(anyKey);
    m_newKey->setMinimumContentsLength(18);
    m_newKey->setToolTip(anyKey ? tr("The key Add adds: one of MCPHub's, or any name.")
                                : tr("The key Add adds: MCPHub's database has a column for "
                                     "each of these, and no place for other keys."));
    if (anyKey)
        m_newKey->lineEdit()->setPlaceholderText(tr("key to add"));
    m_editor->addAction()->setToolTip(tr("Add the key chosen under \"Key to add\"."));
    m_addKey = new QPushButton(tr("Add &key"), this);
    connect(m_addKey, &QPushButton::clicked, m_editor->addAction(), &QAction::trigger);
    connect(m_newKey, &QComboBox::currentTextChanged, this, &SystemConfigPage::updateAddButton);

    m_findings->setWordWrap(true);
    m_findings->setStyleSheet(
        QStringLiteral("QLabel { background: #fff3cd; color: #664d03; padding: 6px; }"));
    QFont title = m_keyTitle->font();
    title.setBold(true);
    m_keyTitle->setFont(title);
    m_effect->setWordWrap(true);
    m_effect->setForegroundRole(QPalette::PlaceholderText);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setTabChangesFocus(true);
    m_text->setAccessibleName(tr("JSON value"));
    m_text->setPlaceholderText(tr("Select a key to see and edit its JSON value."));

    auto *detail = new QWidget(this);
    auto *layout = new QVBoxLayout(detail);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *adding = new QHBoxLayout;
    auto *addLabel = new QLabel(tr("Key to add:"), this);
    addLabel->setBuddy(m_newKey);
    adding->addWidget(addLabel);
    adding->addWidget(m_newKey, 1);
    adding->addWidget(m_addKey);
    layout->addLayout(adding);
    layout->addWidget(m_findings);
    layout->addWidget(m_keyTitle);
    layout->addWidget(m_effect);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_problems);

    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading && currentRowEditable())
            m_model->typeValue(currentRow(), SystemConfigTableModel::kValue, m_text->toPlainText());
    });
    connect(model, &QAbstractItemModel::modelReset, this, &SystemConfigPage::updateKeyChoices);
    connect(
        model, &PendingTableModel::pendingCountChanged, this, &SystemConfigPage::updateKeyChoices);
    updateKeyChoices(); // the model was loaded before the page was made
    setDetail(detail);
    // The keys are short and the values summaries: the JSON gets the room.
    if (auto *splitter = findChild<QSplitter *>())
        splitter->setSizes({450, 450});
    m_editor->view()->resizeColumnToContents(0);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_editor->view()->resizeColumnToContents(0);
    });
}

int SystemConfigPage::addBlankRow()
{
    const QString key = m_newKey->currentText().trimmed();
    if (key.isEmpty() || m_model->isReadOnly()) {
        m_editor->showMessage(tr("Choose or type the key to add beside the toolbar."), true);
        return -1;
    }
    if (const int existing = m_model->rowOfConfigKey(key); existing >= 0)
        return existing; // it is there: select it
    const int row = m_model->addKey(key);
    if (row >= 0)
        m_text->setFocus();
    return row;
}

void SystemConfigPage::refresh()
{
    const int row = currentRow();
    const QString key = m_model->value(row, SystemConfigTableModel::kKey).toString();
    const QString text = m_model->value(row, SystemConfigTableModel::kValue).toString();
    m_loading = true;
    m_keyTitle->setText(row >= 0 ? key : QString());
    const QString effect = WorkspaceCapabilities(m_model->workspaceKind()).systemConfigEffect(key);
    m_effect->setText(effect);
    m_effect->setVisible(!effect.isEmpty());
    // The value as stored is shown indented; once edited, as typed.
    const QString shown
        = text == m_model->storedValue(row) ? SystemConfigTableModel::indented(text) : text;
    if (m_text->toPlainText() != shown)
        m_text->setPlainText(shown);
    m_text->setReadOnly(!currentRowEditable());
    m_text->setEnabled(row >= 0);
    m_loading = false;
    showProblems();
}

void SystemConfigPage::updateKeyChoices()
{
    const QStringList findings = m_model->findings();
    m_findings->setText(findings.join(QLatin1Char('\n')));
    m_findings->setVisible(!findings.isEmpty());
    // MCPHub's database: the columns not set yet; elsewhere MCPHub's keys as suggestions.
    QStringList keys = m_model->missingKeys();
    if (m_model->offeredKeys().isEmpty()) {
        for (const auto &column : WorkspaceCapabilities::mcphubSystemConfigColumns()) {
            const QString name = QString::fromLatin1(column.key);
            if (m_model->rowOfConfigKey(name) < 0)
                keys << name;
        }
    }
    const QString typed = m_newKey->currentText();
    m_newKey->clear();
    m_newKey->addItems(keys);
    if (m_newKey->isEditable())
        m_newKey->setEditText(typed);
    m_newKey->setEnabled(!m_model->isReadOnly() && (m_newKey->isEditable() || !keys.isEmpty()));
    updateAddButton();
}

void SystemConfigPage::updateAddButton()
{
    m_addKey->setEnabled(m_newKey->isEnabled() && !m_newKey->currentText().trimmed().isEmpty());
}

} // namespace mcphub
