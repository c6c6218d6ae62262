#include "ui/migration/migrationvalidationpage.h"

#include "models/findingsmodel.h"
#include "storage/settings/settingsfilestore.h"
#include "storage/settings/settingsvalidator.h"

#include <QFile>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableView>
#include <QTextBlock>
#include <QVBoxLayout>

namespace mcphub {

namespace {

// A file that cannot be loaded as JSON, as one finding: the error's "FILE:LINE:COL" place
// gives the position.
Finding findingFromError(const Error &error)
{
    Finding finding;
    finding.severity = Finding::Severity::Error;
    finding.code = QStringLiteral("parse");
    finding.message = error.message;
    static const QRegularExpression place(QStringLiteral(":(\\d+):(\\d+)$"));
    if (const auto match = place.match(error.where); match.hasMatch()) {
        finding.position.line = match.captured(1).toInt();
        finding.position.column = match.captured(2).toInt();
    }
    return finding;
}

// The QString position of `column` (code points, from 1) in a line of text.
int positionInLine(const QString &line, int column)
{
    int position = 0;
    for (int counted = 1; counted < column && position < line.size(); ++counted)
        position += line.at(position).isHighSurrogate() && position + 1 < line.size() ? 2 : 1;
    return position;
}

} // namespace

MigrationValidationPage::MigrationValidationPage(QWidget *parent)
    : QWizardPage(parent)
    , m_model(new FindingsModel(this))
{
    setTitle(tr("Validation"));
    setSubTitle(tr("What the validator found in the settings file. Double-click a finding to "
                   "see its place in the file."));
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_view = new QTableView(splitter);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(FindingsModel::SeverityColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(FindingsModel::PositionColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->setColumnWidth(FindingsModel::PointerColumn, 220);
    m_view->setAccessibleName(tr("Findings"));

    auto *lower = new QWidget(splitter);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    m_detail = new QLabel(lower);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    lowerLayout->addWidget(m_detail);
    m_source = new QPlainTextEdit(lower);
    lowerLayout->addWidget(m_source, 1);
    m_source->setReadOnly(true);
    m_source->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_source->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_source->setAccessibleName(tr("Settings file text"));
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        showFinding(index.row());
        m_source->setFocus(Qt::OtherFocusReason);
    });
}

void MigrationValidationPage::initializePage()
{
    const QString path = field(QStringLiteral("sourcePath")).toString().trimmed();
    QList<Finding> findings;
    QFile file(path);
    const QByteArray text = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    m_source->setPlainText(QString::fromUtf8(text));
    // The same load and validator as "mcphub-adminctl validate" and the migrator.
    const auto document = SettingsFileStore::load(path);
    m_readable = document.ok();
    if (document)
        findings = SettingsValidator::validate(*document);
    else
        findings << findingFromError(document.error());
    m_model->setFindings(findings);
    m_detail->clear();
    const int errors = m_model->errorCount();
    const int warnings = m_model->warningCount();
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
    if (!findings.isEmpty()) {
        m_view->selectRow(0);
        showFinding(0);
    }
}

bool MigrationValidationPage::isComplete() const
{
    if (!m_readable)
        return false;
    return m_model->errorCount() == 0 || field(QStringLiteral("skipInvalid")).toBool();
}

void MigrationValidationPage::showFinding(int row)
{
    const QModelIndex index = m_model->index(row, 0);
    if (!index.isValid())
        return;
    const Finding finding = m_model->findingAt(row);
    m_detail->setText(
        tr("%1 at %2, %3: %4")
            .arg(FindingsModel::severityText(finding.severity),
                 index.siblingAtColumn(FindingsModel::PositionColumn).data().toString(),
                 index.siblingAtColumn(FindingsModel::PointerColumn).data().toString(),
                 finding.message));
    const int line = index.data(FindingsModel::LineRole).toInt();
    const int column = index.data(FindingsModel::ColumnRole).toInt();
    if (line <= 0) {
        m_source->setExtraSelections({});
        return;
    }
    const QTextBlock block = m_source->document()->findBlockByNumber(line - 1);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + positionInLine(block.text(), column));
    m_source->setTextCursor(cursor);

    QTextEdit::ExtraSelection highlight;
    const bool isError = index.data(FindingsModel::IsErrorRole).toBool();
    highlight.format.setBackground(isError ? QColor(0xff, 0xdd, 0xdd) : QColor(0xff, 0xf0, 0xc0));
    highlight.format.setProperty(QTextFormat::FullWidthSelection, true);
    highlight.cursor = QTextCursor(block);
    highlight.cursor.clearSelection();
    m_source->setExtraSelections({highlight});
    m_source->centerCursor();
    m_source->ensureCursorVisible();
}

} // namespace mcphub
