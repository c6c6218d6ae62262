#include "ui/migration/migrationvalidationpage.h"

#include "models/findingsmodel.h"
#include "storage/settings/settingsfilestore.h"
#include "storage/settings/settingsvalidator.h"
#include "ui/widgets/findingsbrowser.h"

#include <QFile>
#include <QLabel>
#include <QVBoxLayout>

namespace mcphub {

MigrationValidationPage::MigrationValidationPage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Validation"));
    setSubTitle(tr("What the validator found in the settings file. Double-click a finding to "
                   "see its place in the file."));
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_browser = new FindingsBrowser(this);
    layout->addWidget(m_browser, 1);
}

FindingsModel *MigrationValidationPage::model() const
{
    return m_browser->model();
}

QTableView *MigrationValidationPage::findingsView() const
{
    return m_browser->findingsView();
}

QPlainTextEdit *MigrationValidationPage::sourceView() const
{
    return m_browser->sourceView();
}

QLabel *MigrationValidationPage::detailLabel() const
{
    return m_browser->detailLabel();
}

void MigrationValidationPage::initializePage()
{
    const QString path = field(QStringLiteral("sourcePath")).toString().trimmed();
    QList<Finding> findings;
    QFile file(path);
    const QByteArray text = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    // The same load and validator as "mcphub-adminctl validate" and the migrator.
    const auto document = SettingsFileStore::load(path);
    m_readable = document.ok();
    if (document)
        findings = SettingsValidator::validate(*document);
    else
        findings << FindingsBrowser::findingFromError(document.error());
    m_browser->setContent(text, findings);
    const int errors = model()->errorCount();
    const int warnings = model()->warningCount();
    if (!m_readable)
        m_summary->setText(
            tr("The file cannot be read as a settings file: %1").arg(document.error().toString()));
    else if (errors == 0 && warnings == 0)
        m_summary->setText(tr("The file is valid: no errors, no warnings."));
    else if (errors == 0)
        m_summary->setText(tr("The file is valid, with %n warning(s); warnings do not stop the "
                              "migration.",
                              nullptr,
                              warnings));
    else if (field(QStringLiteral("skipInvalid")).toBool())
        m_summary->setText(tr("%n error(s): the invalid records will be left out and written to "
                              "the rejects file; an error of the whole document still stops "
                              "the migration.",
                              nullptr,
                              errors));
    else
        m_summary->setText(tr("%n error(s): repair the file, or go back and choose to skip "
                              "invalid records.",
                              nullptr,
                              errors));
}

bool MigrationValidationPage::isComplete() const
{
    if (!m_readable)
        return false;
    return model()->errorCount() == 0 || field(QStringLiteral("skipInvalid")).toBool();
}

void MigrationValidationPage::showFinding(int row)
{
    m_browser->showFinding(row);
}

} // namespace mcphub
