#include "ui/backups/backupspage.h"

#include "storage/settings/settingsbackups.h"
#include "storage/settings/settingsfilestore.h"
#include "storage/settings/settingsvalidator.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShowEvent>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace mcphub {

namespace {

enum Column { Time, Size, Servers, Users, Groups, ColumnCount };
constexpr int kPathRole = Qt::UserRole + 1;

QStandardItem *numberItem(int value, bool known)
{
    auto *item = new QStandardItem(known ? QLocale().toString(value) : QStringLiteral("–"));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

BackupsPage::BackupsPage(QString settingsPath, QWidget *parent)
    : QWidget(parent)
    , m_path(std::move(settingsPath))
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_view(new QTableView(this))
    , m_restore(new QPushButton(tr("&Restore…"), this))
    , m_refresh(new QPushButton(tr("Re&fresh"), this))
    , m_message(new QLabel(this))
{
    m_restoreAllowing = new QPushButton(tr("Restore &allowing warnings"), this);
    m_restoreAllowing->setToolTip(tr("Restore the backup although the validator warns about "
                                     "the values listed below."));
    m_restoreAllowing->hide();
    m_model->setHorizontalHeaderLabels(
        {tr("Time"), tr("Size"), tr("Servers"), tr("Users"), tr("Groups")});
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false); // numbers stay by their headers
    m_view->setAccessibleName(tr("Backups"));
    m_restore->setToolTip(tr("Put the selected backup back as the settings file. The current "
                             "content is backed up first."));
    m_refresh->setToolTip(tr("Read the list of backups again."));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *fileLabel = new QLabel(tr("Backups of %1, newest first:").arg(m_path), this);
    fileLabel->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_restore);
    buttons->addWidget(m_refresh);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(fileLabel);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_restoreAllowing, 0, Qt::AlignLeft);
    connect(m_restoreAllowing, &QPushButton::clicked, this, [this] {
        if (m_askedRow >= 0)
            restoreRow(m_askedRow, true);
    });

    connect(m_restore, &QPushButton::clicked, this, &BackupsPage::confirmRestore);
    connect(m_refresh, &QPushButton::clicked, this, &BackupsPage::reload);
    connect(m_view->selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &BackupsPage::updateButtons);
    updateButtons(); // the list is read when the page is shown (showEvent)
}

void BackupsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!event->spontaneous())
        reload();
}

void BackupsPage::reload()
{
    m_model->removeRows(0, m_model->rowCount());
    const QList<BackupInfo> backups = SettingsBackups::list(m_path);
    for (const BackupInfo &backup : backups) {
        auto *time = new QStandardItem(
            QLocale().toString(backup.time.toLocalTime(), QLocale::ShortFormat));
        time->setData(backup.path, kPathRole);
        time->setToolTip(backup.readable ? backup.path
                                         : tr("%1: %2").arg(backup.path, backup.problem));
        auto *size = new QStandardItem(QLocale().formattedDataSize(backup.size));
        size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_model->appendRow({time,
                            size,
                            numberItem(backup.summary.servers, backup.readable),
                            numberItem(backup.summary.users, backup.readable),
                            numberItem(backup.summary.groups, backup.readable)});
    }
    m_view->resizeColumnsToContents();
    if (backups.isEmpty())
        m_message->setText(tr("No backups yet: one is made before every save of the file."));
    else
        m_message->clear();
    updateButtons();
}

void BackupsPage::updateButtons()
{
    m_restore->setEnabled(m_view->selectionModel()->hasSelection());
    const QModelIndexList rows = m_view->selectionModel()->selectedRows(Time);
    if (m_askedRow >= 0 && (rows.isEmpty() || rows.first().row() != m_askedRow)) {
        m_askedRow = -1;
        m_restoreAllowing->hide();
    }
}

void BackupsPage::confirmRestore()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows(Time);
    if (rows.isEmpty())
        return;
    const int row = rows.first().row();
    const auto answer = QMessageBox::question(
        this,
        tr("Restore backup"),
        tr("Replace %1 with the backup from %2?\n\nThe current content is backed up first. "
           "The workspace is opened again from the restored file, so edits not yet applied "
           "are dropped.")
            .arg(QFileInfo(m_path).fileName(), m_model->item(row, Time)->text()),
        QMessageBox::Yes | QMessageBox::Cancel,
        QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        restoreRow(row);
}

bool BackupsPage::restoreRow(int row, bool allowWarnings)
{
    const QStandardItem *item = m_model->item(row, Time);
    if (!item)
        return false;
    const QString backup = item->data(kPathRole).toString();
    m_askedRow = -1;
    m_restoreAllowing->hide();
    SaveOptions options;
    options.allowWarnings = allowWarnings;
    const auto saved = SettingsBackups::restore(m_path, backup, options);
    if (!saved) {
        // Refused for warnings only: list them and ask (the CLI's --allow-warnings).
        const auto document = SettingsFileStore::load(backup);
        const QList<Finding> findings
            = document ? SettingsValidator::validate(*document) : QList<Finding>();
        if (!allowWarnings && saved.error().code == Error::Code::Invalid && !findings.isEmpty()
            && !hasErrors(findings)) {
            QStringList lines;
            for (const Finding &finding : findings)
                lines << finding.toString(QFileInfo(backup).fileName());
            m_message->setText(tr("The backup has %n warning(s), so it was not restored yet. "
                                  "Restore it anyway?",
                                  nullptr,
                                  int(findings.size()))
                               + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
            m_askedRow = row;
            m_restoreAllowing->show();
            return false;
        }
        m_message->setText(tr("Not restored: %1").arg(saved.error().toString()));
        return false;
    }
    reload();
    m_message->setText(tr("Restored %1.").arg(QFileInfo(backup).fileName()));
    Q_EMIT restored(backup);
    return true;
}

} // namespace mcphub
