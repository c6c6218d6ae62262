#include "ui/main/connectmcphubdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mcphub {

ConnectMcphubDialog::ConnectMcphubDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Connect to MCPHub database"));
    auto *intro = new QLabel(
        tr("Administer a hub running in database mode: its users and usage log are edited in "
           "MCPHub's own tables, exactly as MCPHub writes them, and the tables themselves are "
           "never altered. The console keeps its audit trail there in the schema "
           "mcphub_admin."));
    intro->setWordWrap(true);
    m_conninfo = new QLineEdit;
    m_conninfo->setObjectName(QStringLiteral("conninfo"));
    m_conninfo->setPlaceholderText(
        tr("host=db.example.org dbname=mcphub user=mcphub, or postgresql://…"));
    m_conninfo->setToolTip(tr("The DB_URL the hub runs with, or a connection string as psql "
                              "takes it."));
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("kept in memory for this session only"));
    m_create = new QCheckBox(tr("Create MCPHub's tables when the database has none"));
    m_create->setObjectName(QStringLiteral("createTables"));
    m_create->setToolTip(tr("Exactly as MCPHub creates them, so that a hub can later start on "
                            "this database without changing anything."));
    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setForegroundRole(QPalette::BrightText);
    m_problem->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Connection:"), m_conninfo);
    form->addRow(tr("Password:"), m_password);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectMcphubDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_create);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

bool ConnectMcphubDialog::createTables() const
{
    return m_create->isChecked();
}

void ConnectMcphubDialog::setConninfo(const QString &conninfo)
{
    m_conninfo->setText(conninfo);
}

void ConnectMcphubDialog::accept()
{
    QStringList warnings;
    auto parsed = ConnectionProfile::fromConninfo(m_conninfo->text().trimmed(), &warnings);
    if (!parsed || m_conninfo->text().trimmed().isEmpty()) {
        m_problem->setText(parsed ? tr("Enter where MCPHub's database is.")
                                  : parsed.error().message);
        m_problem->show();
        m_conninfo->setFocus();
        return;
    }
    m_profile = *parsed;
    m_profile.mcphubDatabase = true;
    if (!m_password->text().isEmpty())
        m_profile.password = m_password->text();
    QDialog::accept();
}

} // namespace mcphub
