#include "ui/logs/logview.h"

#include "models/pagedlogmodel.h"
#include "ui/widgets/selectioncopier.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>

namespace mcphub {

LogView::LogView(PagedLogModel *model, int detailsRole, const QString &settingsKey, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_detailsRole(detailsRole)
    , m_settingsKey(settingsKey)
    , m_filterBar(new QHBoxLayout)
    , m_view(new QTableView(this))
    , m_count(new QLabel(this))
    , m_exported(new QLabel(this))
    , m_details(new QPlainTextEdit(this))
    , m_copy(new QAction(tr("&Copy"), this))
    , m_export(new QAction(tr("&Export…"), this))
{
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Select a row to see its details."));
    // Ctrl+C is the window's Edit ▸ Copy, which triggers this action (its object name) when
    // the focus is in this view: a shortcut here too would be ambiguous.
    m_copy->setObjectName(QStringLiteral("copy"));
    m_copy->setToolTip(tr("Copy the selected rows with their column headers."));
    m_export->setToolTip(tr("Write every row that matches the filter to a CSV or JSON file."));
    addAction(m_copy);
    auto *exportButton = new QToolButton(this);
    exportButton->setDefaultAction(m_export);

    auto *top = new QHBoxLayout;
    top->addLayout(m_filterBar, 1);
    top->addWidget(m_count);
    top->addWidget(exportButton);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    m_exported->setObjectName(QStringLiteral("exportedLabel"));
    m_exported->setWordWrap(true);
    m_exported->hide();
    layout->addWidget(m_exported);
    layout->addWidget(splitter, 1);

    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &LogView::showDetails);
    connect(m_copy, &QAction::triggered, this, [this] {
        QApplication::clipboard()->setText(SelectionCopier::text(m_view));
    });
    connect(m_export, &QAction::triggered, this, &LogView::chooseExportFile);
    connect(model, &PagedLogModel::totalCountChanged, this, [this](qint64 total) {
        m_count->setText(total < 0 ? tr("Count unknown")
                                   : tr("%n row(s)", nullptr, int(qMin<qint64>(total, INT_MAX))));
    });
    connect(model, &PagedLogModel::loadFailed, this, [this](const QString &message) {
        m_count->setText(tr("Cannot read the log"));
        m_count->setToolTip(message);
    });
    connect(model, &QAbstractItemModel::modelReset, m_details, &QPlainTextEdit::clear);
    if (!m_settingsKey.isEmpty()) {
        const QByteArray state
            = QSettings().value(QStringLiteral("columns/") + m_settingsKey).toByteArray();
        if (!state.isEmpty())
            m_view->horizontalHeader()->restoreState(state);
    }
    if (m_settingsKey.isEmpty()
        || !QSettings().contains(QStringLiteral("columns/") + m_settingsKey)) {
        // The first column is the time: wide enough for a whole timestamp. The others fit
        // the first page they show, once; after that the user's widths are remembered.
        m_view->setColumnWidth(
            0, m_view->fontMetrics().horizontalAdvance(QStringLiteral("2026-12-31 23:59:59")) + 16);
        auto fitted = std::make_shared<QMetaObject::Connection>();
        *fitted = connect(model, &QAbstractItemModel::rowsInserted, this, [this, fitted] {
            disconnect(*fitted);
            for (int column = 1; column < m_model->columnCount(); ++column)
                m_view->resizeColumnToContents(column);
        });
    }
}

LogView::~LogView()
{
    if (!m_settingsKey.isEmpty())
        QSettings().setValue(QStringLiteral("columns/") + m_settingsKey,
                             m_view->horizontalHeader()->saveState());
}

void LogView::refresh()
{
    (void)m_model->refresh(); // failures arrive through loadFailed
}

void LogView::showDetails()
{
    const QModelIndex current = m_view->currentIndex();
    m_details->setPlainText(current.isValid() ? current.data(m_detailsRole).toString() : QString());
}

void LogView::chooseExportFile()
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the log"), QString(), tr("CSV (*.csv);;JSON (*.json)"), &filter);
    if (!path.isEmpty())
        exportTo(withFormatExtension(path, filter));
}

QString LogView::withFormatExtension(const QString &path, const QString &selectedFilter)
{
    if (!QFileInfo(path).suffix().isEmpty())
        return path;
    return path
           + (selectedFilter.contains(QLatin1String("*.json")) ? QStringLiteral(".json")
                                                               : QStringLiteral(".csv"));
}

bool LogView::exportTo(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        QMessageBox::warning(
            this, tr("Export"), tr("%1: cannot write the file: %2").arg(path, file.errorString()));
        return false;
    }
    QProgressDialog progress(tr("Exporting…"), tr("Cancel"), 0, 100, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    const auto format = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
                            ? PagedLogModel::ExportFormat::Csv
                            : PagedLogModel::ExportFormat::Json;
    const auto written = m_model->exportTo(&file, format, [&progress](qint64 done, qint64 total) {
        progress.setValue(total > 0 ? int(done * 100 / total) : 0);
        QCoreApplication::processEvents();
        return !progress.wasCanceled();
    });
    if (!written) {
        file.cancelWriting();
        if (written.error().code != Error::Code::Cancelled)
            QMessageBox::warning(this, tr("Export"), written.error().message);
        return false;
    }
    if (!file.commit()) {
        QMessageBox::warning(
            this, tr("Export"), tr("%1: cannot write the file: %2").arg(path, file.errorString()));
        return false;
    }
    const QString done = tr("Exported %n row(s) to %1.", nullptr, int(*written))
                             .arg(QDir::toNativeSeparators(path));
    m_count->setToolTip(done);
    m_exported->setText(done);
    m_exported->show();
    if (auto *main = qobject_cast<QMainWindow *>(window()))
        main->statusBar()->showMessage(done, 15'000);
    return true;
}

} // namespace mcphub
