#include "ui/migration/migrationresultpage.h"

#include "ui/migration/migrationplanpage.h"

#include "models/migrationcountsmodel.h"
#include "ui/migration/migrationwizard.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStandardItemModel>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace mcphub {

namespace {

QString link(const QString &path, const QString &text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>")
        .arg(QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded).toHtmlEscaped(),
             text.toHtmlEscaped());
}

} // namespace

MigrationResultPage::MigrationResultPage(QWidget *parent)
    : QWizardPage(parent)
    , m_counts(new MigrationCountsModel(this))
    , m_differences(new QStandardItemModel(0, 2, this))
    , m_items(new QStandardItemModel(0, 3, this))
{
    setTitle(tr("Result"));
    auto *layout = new QVBoxLayout(this);
    m_headline = new QLabel(this);
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_headline);
    m_verification = new QLabel(this);
    m_verification->setWordWrap(true);
    layout->addWidget(m_verification);
    auto *countsView = new QTableView(this);
    countsView->setModel(m_counts);
    countsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    countsView->setSelectionMode(QAbstractItemView::NoSelection);
    countsView->setFocusPolicy(Qt::NoFocus);
    countsView->verticalHeader()->hide();
    countsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    countsView->horizontalHeader()->setSectionResizeMode(MigrationCountsModel::EntityColumn,
                                                         QHeaderView::Stretch);
    countsView->setAccessibleName(tr("Entries per entity"));
    layout->addWidget(countsView, 1);
    m_differences->setHorizontalHeaderLabels({tr("JSON pointer"), tr("Difference")});
    m_differencesView = new QTableView(this);
    m_differencesView->setModel(m_differences);
    m_differencesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_differencesView->verticalHeader()->hide();
    m_differencesView->setColumnWidth(0, 240);
    m_differencesView->horizontalHeader()->setStretchLastSection(true);
    m_differencesView->setAccessibleName(tr("Verification differences"));
    layout->addWidget(m_differencesView, 1);
    m_items->setHorizontalHeaderLabels({tr("Kind"), tr("JSON pointer"), tr("Message")});
    m_itemsView = new QTableView(this);
    m_itemsView->setObjectName(QStringLiteral("items"));
    m_itemsView->setModel(m_items);
    m_itemsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_itemsView->verticalHeader()->hide();
    m_itemsView->setWordWrap(false);
    m_itemsView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_itemsView->setColumnWidth(1, 220);
    m_itemsView->horizontalHeader()->setStretchLastSection(true);
    m_itemsView->setAccessibleName(tr("New ids, kept, removed and lost entries"));
    layout->addWidget(m_itemsView, 2);
    m_hubSummary = new QLabel(this);
    m_hubSummary->setObjectName(QStringLiteral("hubSummary"));
    m_hubSummary->setWordWrap(true);
    m_hubSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_hubSummary);
    m_hubResults = new QPlainTextEdit(this);
    m_hubResults->setObjectName(QStringLiteral("hubResults"));
    m_hubResults->setReadOnly(true);
    m_hubResults->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_hubResults->setAccessibleName(tr("What each hub answered"));
    // A line per hub and change: a few lines high, scrolling beyond.
    m_hubResults->setMaximumHeight(m_hubResults->fontMetrics().lineSpacing() * 6
                                   + 2 * m_hubResults->frameWidth() + 8);
    layout->addWidget(m_hubResults);
    m_links = new QLabel(this);
    m_links->setWordWrap(true);
    m_links->setTextFormat(Qt::RichText);
    m_links->setOpenExternalLinks(false);
    m_links->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_links, &QLabel::linkActivated, this, [](const QString &url) {
        QDesktopServices::openUrl(QUrl(url));
    });
    layout->addWidget(m_links);
}

void MigrationResultPage::initializePage()
{
    const auto *w = qobject_cast<MigrationWizard *>(wizard());
    const MigrationReport &report = w->report();
    m_counts->setCounts(report.counts);
    m_differences->removeRows(0, m_differences->rowCount());
    for (const MigrationReport::Item &item : report.differences)
        m_differences->appendRow(
            {new QStandardItem(item.pointer), new QStandardItem(item.message)});
    m_differencesView->setVisible(!report.differences.isEmpty());
    m_items->removeRows(0, m_items->rowCount());
    const auto addItems = [this](const QString &kind, const QList<MigrationReport::Item> &items) {
        MigrationPlanPage::appendReportItems(m_items, kind, items);
    };
    addItems(tr("New id"), report.idRewrites);
    addItems(tr("Kept (not in the file)"), report.kept);
    addItems(tr("Removed (prune)"), report.pruned);
    addItems(tr("Lost (accepted)"), report.losses);
    m_itemsView->setVisible(m_items->rowCount() > 0);
    disconnect(w, &MigrationWizard::hubsTold, this, nullptr);
    connect(w, &MigrationWizard::hubsTold, this, &MigrationResultPage::showHubResults);
    showHubResults();

    if (report.ok()) {
        m_headline->setText(tr("<b>Migration run %1 completed</b> into %2.")
                                .arg(QString::number(report.runId), report.target.toHtmlEscaped()));
        m_headline->setStyleSheet(QString());
        m_verification->setText(tr("Verification passed: every entry read back from the database "
                                   "equals the file, field by field."));
    } else {
        const bool cancelled = report.error->code == Error::Code::Cancelled;
        m_headline->setText(
            (cancelled ? tr("<b>Cancelled</b>: nothing was changed in the workspace.")
                       : tr("<b>The migration failed</b>; nothing was changed in the workspace."))
            + QStringLiteral("<br>") + report.error->toString().toHtmlEscaped());
        m_headline->setStyleSheet(cancelled ? QString() : QStringLiteral("color: #b71c1c;"));
        m_verification->setText(
            report.differences.isEmpty()
                ? QString()
                : tr("Verification found %n difference(s) between the file and what the "
                     "database holds:",
                     nullptr,
                     int(report.differences.size())));
    }

    QStringList links;
    if (!report.backupPath.isEmpty()) {
        const QFileInfo backup(report.backupPath);
        links << tr("Backup of the settings file: %1 in %2")
                     .arg(backup.fileName().toHtmlEscaped(),
                          link(backup.absolutePath(),
                               QDir::toNativeSeparators(backup.absolutePath())));
    }
    if (!w->reportPath().isEmpty())
        links << tr("Report: %1")
                     .arg(link(w->reportPath(), QDir::toNativeSeparators(w->reportPath())));
    else if (!w->reportError().isEmpty())
        links << w->reportError().toHtmlEscaped();
    if (!report.rejectsPath.isEmpty() && !report.rejects.isEmpty())
        links << tr("Records left out: %1")
                     .arg(link(report.rejectsPath, QDir::toNativeSeparators(report.rejectsPath)));
    m_links->setText(links.join(QStringLiteral("<br>")));
}

void MigrationResultPage::showHubResults()
{
    const auto *w = qobject_cast<MigrationWizard *>(wizard());
    QStringList lines;
    for (const HubChangeResult &r : w->hubResults())
        lines << r.text();
    m_hubResults->setPlainText(lines.join(QLatin1Char('\n')));
    m_hubResults->setVisible(!lines.isEmpty());
    if (w->tellingHubs())
        m_hubSummary->setText(tr("Telling the hubs that run on this database what changed…"));
    else
        m_hubSummary->setText(w->hubSummary());
    m_hubSummary->setVisible(!m_hubSummary->text().isEmpty());
}

} // namespace mcphub
