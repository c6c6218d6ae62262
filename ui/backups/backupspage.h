#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace mcphub {

// The Backups area of a settings-file workspace: the file's backups (time, size, and the
// servers, users and groups each holds), newest first, and Restore, which asks first and
// restores through the settings store (a save of its own, so the current content is backed
// up too). After a restore the file differs from the open workspace: restored() asks the
// owner to reopen it. Errors are shown on the page. A backup with validation warnings is not
// restored at once: its warnings are listed and "Restore allowing warnings" restores it (the
// console's --allow-warnings).
class BackupsPage : public QWidget
{
    Q_OBJECT

public:
    explicit BackupsPage(QString settingsPath, QWidget *parent = nullptr);

    void reload();
    // Restores the backup in `row` without asking (the Restore button asks first). Without
    // `allowWarnings`, a backup with warnings is not restored: they are listed on the page
    // and restoreAllowingWarningsButton() appears.
    bool restoreRow(int row, bool allowWarnings = false);

    QTableView *view() const { return m_view; }
    QPushButton *restoreButton() const { return m_restore; }
    QPushButton *restoreAllowingWarningsButton() const { return m_restoreAllowing; }
    QLabel *messageLabel() const { return m_message; }
    QStandardItemModel *model() const { return m_model; }

Q_SIGNALS:
    void restored(const QString &backupPath);

protected:
    // Each time the page is shown it lists the backups as they are now: every save of the
    // file since the page was made added one.
    void showEvent(QShowEvent *event) override;

private:
    void confirmRestore();
    void updateButtons();

    QString m_path;
    QStandardItemModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_restore = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_restoreAllowing = nullptr;
    int m_askedRow = -1; // the row whose warnings are listed, waiting for m_restoreAllowing
    QLabel *m_message = nullptr;
};

} // namespace mcphub
