#include "ui/main/settingsfileproblemsdialog.h"

#include "models/findingsmodel.h"
#include "storage/passwordhasher.h"
#include "storage/settings/settingsfilestore.h"
#include "storage/settings/settingsvalidator.h"
#include "ui/widgets/findingsbrowser.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace mcphub {

namespace {

using Json = SettingsDocument::Json;

// The value at `pointer`, or nullptr when it (or the pointer) does not exist.
const Json *valueAt(const Json &root, const QString &pointer)
{
    try {
        const Json::json_pointer p(pointer.toStdString());
        return root.contains(p) ? &root.at(p) : nullptr;
    } catch (const Json::exception &) {
        return nullptr;
    }
}

// Whether a value can be put at `pointer`: its parent exists and is an object, or an array
// that holds the index. The whole document and containers are repaired in the file itself.
bool repairable(const Json &root, const QString &pointer)
{
    if (pointer.isEmpty() || !pointer.startsWith(QLatin1Char('/')))
        return false;
    const Json *parent = valueAt(root, pointer.left(pointer.lastIndexOf(QLatin1Char('/'))));
    if (pointer.lastIndexOf(QLatin1Char('/')) == 0)
        parent = &root;
    if (!parent || !(parent->is_object() || parent->is_array()))
        return false;
    const Json *value = valueAt(root, pointer);
    if (parent->is_array() && !value)
        return false;
    return !value || value->is_primitive();
}

} // namespace

SettingsFileProblemsDialog::SettingsFileProblemsDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Settings file with errors"));
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    m_browser = new FindingsBrowser(this);
    layout->addWidget(m_browser, 1);

    auto *repairBox = new QGroupBox(tr("Repair the selected finding"), this);
    auto *repairLayout = new QVBoxLayout(repairBox);
    m_repairHint = new QLabel(repairBox);
    m_repairHint->setWordWrap(true);
    repairLayout->addWidget(m_repairHint);
    auto *row = new QHBoxLayout;
    m_value = new QLineEdit(repairBox);
    m_value->setAccessibleName(tr("New value"));
    m_replace = new QPushButton(tr("&Replace value"), repairBox);
    row->addWidget(m_value, 1);
    row->addWidget(m_replace);
    repairLayout->addLayout(row);
    layout->addWidget(repairBox);

    m_allowWarnings = new QCheckBox(this);
    layout->addWidget(m_allowWarnings);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("&Save and open"), QDialogButtonBox::AcceptRole);
    layout->addWidget(buttons);

    connect(m_browser,
            &FindingsBrowser::currentRowChanged,
            this,
            &SettingsFileProblemsDialog::showRepairFor);
    connect(m_replace, &QPushButton::clicked, this, [this] {
        const Finding finding = m_browser->model()->findingAt(m_browser->currentRow());
        if (const auto repaired = repair(finding.pointer, m_value->text()); !repaired)
            m_status->setText(repaired.error().toString());
    });
    connect(m_value, &QLineEdit::returnPressed, m_replace, &QPushButton::click);
    connect(m_allowWarnings, &QCheckBox::toggled, this, &SettingsFileProblemsDialog::refresh);
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (const auto written = save(); !written)
            m_status->setText(written.error().toString());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(820, 640);
}

bool SettingsFileProblemsDialog::hasErrors(const QString &path)
{
    const auto document = SettingsFileStore::load(path);
    return document && mcphub::hasErrors(SettingsValidator::validate(*document));
}

bool SettingsFileProblemsDialog::isPasswordPointer(const QString &pointer)
{
    static const QRegularExpression password(QStringLiteral("^/users/\\d+/password$"));
    return password.match(pointer).hasMatch();
}

Result<void> SettingsFileProblemsDialog::load(const QString &path)
{
    auto document = SettingsFileStore::load(path);
    if (!document)
        return document.error();
    m_path = path;
    m_document = std::move(*document);
    m_findings = SettingsValidator::validate(m_document);
    m_repairs = 0;
    m_status->clear();
    m_browser->setContent(m_document.sourceText(), m_findings);
    refresh();
    return {};
}

void SettingsFileProblemsDialog::showRepairFor(int row)
{
    const Finding finding = m_browser->model()->findingAt(row);
    const bool usable = row >= 0 && repairable(m_document.json(), finding.pointer);
    m_value->clear();
    m_value->setEnabled(usable);
    m_replace->setEnabled(usable);
    if (row < 0) {
        m_repairHint->setText(tr("Select a finding to repair its value."));
        return;
    }
    if (!usable) {
        m_repairHint->setText(
            tr("%1 is not a single value: repair it in the file with a text "
               "editor, then open the file again.")
                .arg(finding.pointer.isEmpty() ? tr("The whole document") : finding.pointer));
        return;
    }
    if (isPasswordPointer(finding.pointer)) {
        m_value->setEchoMode(QLineEdit::Password);
        m_value->setPlaceholderText(tr("New password"));
        m_repairHint->setText(tr("A new password for %1; the file keeps only its bcrypt hash, "
                                 "as MCPHub does.")
                                  .arg(finding.pointer));
        return;
    }
    m_value->setEchoMode(QLineEdit::Normal);
    m_value->setPlaceholderText(tr("\"text\", 42, true or null"));
    if (const Json *current = valueAt(m_document.json(), finding.pointer))
        m_value->setText(QString::fromStdString(current->dump()));
    m_repairHint->setText(tr("The new value of %1, as JSON (text that is not JSON is taken "
                             "as a string).")
                              .arg(finding.pointer));
}

Result<void> SettingsFileProblemsDialog::repair(const QString &pointer, const QString &typed)
{
    if (!repairable(m_document.json(), pointer)) {
        return Error::make(Error::Code::Invalid,
                           tr("This value cannot be replaced here; repair it in the file."),
                           pointer);
    }
    Json value;
    if (isPasswordPointer(pointer)) {
        if (typed.isEmpty())
            return Error::make(Error::Code::Invalid, tr("Type the new password."), pointer);
        const auto hash = PasswordHasher::hash(typed);
        if (!hash)
            return hash.error();
        value = hash->toStdString();
    } else {
        const std::string text = typed.toStdString();
        value = Json::parse(text, nullptr, false);
        if (value.is_discarded() || !value.is_primitive())
            value = text;
    }
    m_document.json()[Json::json_pointer(pointer.toStdString())] = std::move(value);
    ++m_repairs;
    m_findings = SettingsValidator::validate(m_document);
    m_browser->setFindings(m_findings);
    refresh();
    m_status->setText(
        tr("%n value(s) replaced; nothing is written until you save.", nullptr, m_repairs));
    return {};
}

void SettingsFileProblemsDialog::refresh()
{
    const int errors = int(countSeverity(m_findings, Finding::Severity::Error));
    const int warnings = int(countSeverity(m_findings, Finding::Severity::Warning));
    const QString file = QDir::toNativeSeparators(m_path);
    if (errors > 0)
        m_summary->setText(tr("%1 has %n error(s), so it cannot be edited as a workspace. It is "
                              "shown read-only: double-click a finding to see its line, replace "
                              "the values it names, then save.",
                              nullptr,
                              errors)
                               .arg(file));
    else
        m_summary->setText(
            tr("%1 has no errors left. Save it to open it as the workspace.").arg(file));
    m_allowWarnings->setVisible(warnings > 0);
    m_allowWarnings->setText(
        tr("Save although the file has %n warning(s) (listed above)", nullptr, warnings));
    m_save->setEnabled(errors == 0 && (warnings == 0 || m_allowWarnings->isChecked()));
}

Result<void> SettingsFileProblemsDialog::save()
{
    SaveOptions options;
    options.allowWarnings = m_allowWarnings->isChecked();
    const auto written = SettingsFileStore::save(m_document, options);
    if (!written)
        return written.error();
    m_status->setText(tr("Saved %1.").arg(QDir::toNativeSeparators(m_path)));
    Q_EMIT saved(m_path);
    accept();
    return {};
}

} // namespace mcphub
