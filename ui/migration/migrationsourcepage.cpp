#include "ui/migration/migrationsourcepage.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mcphub {

namespace {

bool isOptionalFileOk(const QString &path)
{
    return path.isEmpty() || QFileInfo(path).isFile();
}

} // namespace

MigrationSourcePage::MigrationSourcePage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Settings file"));
    setSubTitle(tr("Choose the MCPHub settings file to move into a workspace database. The file "
                   "is only read; a backup of it is kept beside it."));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_settings = addFileRow(form,
                            tr("&Settings file:"),
                            tr("Choose the settings file"),
                            tr("MCPHub settings (*.json);;All files (*)"));
    m_settings->setPlaceholderText(tr("mcp_settings.json"));
    m_usageLog = addFileRow(form,
                            tr("&Usage log (optional):"),
                            tr("Choose the usage log"),
                            tr("JSON lines (*.jsonl *.json *.log);;All files (*)"));
    m_usageLog->setPlaceholderText(tr("JSON lines: tool calls or MCPHub activities"));
    m_accessLog = addFileRow(form,
                             tr("&Access log (optional):"),
                             tr("Choose the access log"),
                             tr("JSON lines (*.jsonl *.json *.log);;All files (*)"));
    m_accessLog->setPlaceholderText(tr("JSON lines with the access log's columns"));
    layout->addLayout(form);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    registerField(QStringLiteral("sourcePath*"), m_settings);
}

QLineEdit *MigrationSourcePage::addFileRow(QFormLayout *form,
                                           const QString &label,
                                           const QString &dialogTitle,
                                           const QString &filter)
{
    auto *edit = new QLineEdit(this);
    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(browse);
    form->addRow(label, row);
    if (auto *buddy = qobject_cast<QLabel *>(form->labelForField(row)))
        buddy->setBuddy(edit);
    connect(browse, &QPushButton::clicked, this, [this, edit, dialogTitle, filter] {
        const QString path = QFileDialog::getOpenFileName(this, dialogTitle, edit->text(), filter);
        if (!path.isEmpty())
            edit->setText(path);
    });
    connect(edit, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    return edit;
}

QString MigrationSourcePage::settingsPath() const
{
    return m_settings->text().trimmed();
}

QString MigrationSourcePage::usageLogPath() const
{
    return m_usageLog->text().trimmed();
}

QString MigrationSourcePage::accessLogPath() const
{
    return m_accessLog->text().trimmed();
}

bool MigrationSourcePage::isComplete() const
{
    QString problem;
    if (!settingsPath().isEmpty() && !QFileInfo(settingsPath()).isFile())
        problem = tr("%1 does not exist.").arg(QDir::toNativeSeparators(settingsPath()));
    else if (!isOptionalFileOk(usageLogPath()))
        problem
            = tr("The usage log %1 does not exist.").arg(QDir::toNativeSeparators(usageLogPath()));
    else if (!isOptionalFileOk(accessLogPath()))
        problem = tr("The access log %1 does not exist.")
                      .arg(QDir::toNativeSeparators(accessLogPath()));
    m_problem->setText(problem);
    return !settingsPath().isEmpty() && problem.isEmpty();
}

} // namespace mcphub
