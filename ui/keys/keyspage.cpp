#include "ui/keys/keyspage.h"

#include "models/bearerkeytablemodel.h"
#include "ui/widgets/pendingtableeditor.h"
#include "ui/widgets/secretlineedit.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace mcphub {

namespace {

using M = BearerKeyTableModel;

QStringList names(const QString &text)
{
    QStringList result;
    for (const QString &name : text.split(QLatin1Char(',')))
        if (!name.trimmed().isEmpty())
            result << name.trimmed();
    return result;
}

} // namespace

KeysPage::KeysPage(BearerKeyTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_editor(new PendingTableEditor(model, QStringLiteral("keys"), this))
    , m_token(new SecretLineEdit(this))
    , m_generate(new QPushButton(tr("&Generate"), this))
    , m_access(new QComboBox(this))
    , m_groups(new QLineEdit(this))
    , m_servers(new QLineEdit(this))
    , m_problems(new QLabel(this))
{
    m_editor->addAction()->setToolTip(tr("Add a key with a new random token."));
    m_generate->setToolTip(tr("Replace the token with 32 random bytes from the system's "
                              "generator. Clients using the old token stop working after Apply."));
    m_access->addItems(BearerKeyTableModel::accessTypes());
    m_access->setToolTip(tr("all: every server; groups or servers: only those listed; custom: "
                            "the listed groups and servers together."));
    m_groups->setPlaceholderText(tr("group names, separated by commas"));
    m_servers->setPlaceholderText(tr("server names, separated by commas"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));

    auto *detail = new QWidget(this);
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_generate);
    auto *form = new QFormLayout(detail);
    form->addRow(tr("Token:"), tokenRow);
    form->addRow(tr("Access:"), m_access);
    form->addRow(tr("Allowed groups:"), m_groups);
    form->addRow(tr("Allowed servers:"), m_servers);
    form->addRow(m_problems);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_editor);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({520, 380});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_editor, &PendingTableEditor::addRequested, this, [this] {
        const int row = m_model->addKey(QString());
        if (row >= 0)
            m_editor->selectRow(row);
    });
    connect(m_editor, &PendingTableEditor::currentRowChanged, this, [this](int row) {
        m_key = row >= 0
                    ? m_model->data(m_model->index(row, 0), PendingTableModel::RowKeyRole).toInt()
                    : -1;
        refresh();
    });
    connect(m_model, &PendingTableModel::rowValuesChanged, this, [this](int row) {
        if (row == m_model->rowOfKey(m_key))
            refresh();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_key = -1;
        refresh();
    });
    connect(m_token, &QLineEdit::textEdited, this, [this](const QString &text) {
        write(M::kToken, text);
    });
    connect(m_generate, &QPushButton::clicked, this, [this] {
        write(M::kToken, BearerKeyTableModel::generateToken());
    });
    connect(m_access, &QComboBox::activated, this, [this] {
        write(M::kAccessType, m_access->currentText());
    });
    connect(m_groups, &QLineEdit::textEdited, this, [this](const QString &text) {
        write(M::kAllowedGroups, names(text));
    });
    connect(m_servers, &QLineEdit::textEdited, this, [this](const QString &text) {
        write(M::kAllowedServers, names(text));
    });
    // The editor selected its first row before these connections existed.
    if (const int row = m_editor->currentRow(); row >= 0)
        m_key = m_model->data(m_model->index(row, 0), PendingTableModel::RowKeyRole).toInt();
    refresh();
}

void KeysPage::write(const QString &field, const QVariant &value)
{
    if (!m_loading)
        m_model->typeValue(m_model->rowOfKey(m_key), field, value);
}

void KeysPage::refresh()
{
    const int row = m_model->rowOfKey(m_key);
    const bool editable = row >= 0 && !m_model->isReadOnly()
                          && m_model->rowState(row) != PendingRow::State::Deleted;
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_token, m_generate, m_access, m_groups, m_servers})
        w->setEnabled(editable);
    m_token->copyAction()->setEnabled(row >= 0);
    m_loading = true;
    const QString token = m_model->value(row, M::kToken).toString();
    if (m_token->text() != token)
        m_token->setText(token);
    m_access->setCurrentIndex(m_access->findText(m_model->value(row, M::kAccessType).toString()));
    const QStringList groups = m_model->value(row, M::kAllowedGroups).toStringList();
    if (names(m_groups->text()) != groups)
        m_groups->setText(groups.join(QStringLiteral(", ")));
    const QStringList servers = m_model->value(row, M::kAllowedServers).toStringList();
    if (names(m_servers->text()) != servers)
        m_servers->setText(servers.join(QStringLiteral(", ")));
    m_loading = false;
    QStringList lines;
    const auto problems = m_model->problems(row);
    for (auto it = problems.cbegin(); it != problems.cend(); ++it)
        lines << tr("%1: %2").arg(m_model->fieldTitle(it.key()), it.value());
    lines.sort();
    m_problems->setText(lines.join(QLatin1Char('\n')));
    m_problems->setVisible(!lines.isEmpty());
}

} // namespace mcphub
