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
    : PendingDetailPage(model, QStringLiteral("keys"), parent)
    , m_model(model)
    , m_token(new SecretLineEdit(this))
    , m_generate(new QPushButton(tr("&Generate"), this))
    , m_access(new QComboBox(this))
    , m_groups(new QLineEdit(this))
    , m_servers(new QLineEdit(this))
{
    m_editor->addAction()->setToolTip(tr("Add a key with a new random token."));
    m_generate->setToolTip(tr("Replace the token with 32 random bytes from the system's "
                              "generator. Clients using the old token stop working after Apply."));
    m_access->addItems(BearerKeyTableModel::accessTypes());
    m_access->setToolTip(tr("all: every server; groups or servers: only those listed; custom: "
                            "the listed groups and servers together."));
    m_groups->setPlaceholderText(tr("group names, separated by commas"));
    m_servers->setPlaceholderText(tr("server names, separated by commas"));

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
    setDetail(detail);
}

int KeysPage::addBlankRow()
{
    return m_model->addKey(QString());
}

void KeysPage::write(const QString &field, const QVariant &value)
{
    if (!m_loading)
        m_model->typeValue(currentRow(), field, value);
}

void KeysPage::refresh()
{
    const int row = currentRow();
    const bool editable = currentRowEditable();
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
    showProblems();
}

} // namespace mcphub
