#pragma once

#include <QWidget>

class QAction;
class QHBoxLayout;
class QLabel;
class QPlainTextEdit;
class QTableView;

namespace mcphub {

class PagedLogModel;

// The frame both log areas share: a filter bar the page fills, the row count, a lazily
// fetched table (sorting, if any, is the model's, in SQL), a detail pane for the selected
// row's `detailsRole` text, Copy with headers, CSV/JSON export of every matching row with a
// progress dialog, and column state kept in QSettings under `settingsKey`.
class LogView : public QWidget
{
    Q_OBJECT

public:
    LogView(PagedLogModel *model,
            int detailsRole,
            const QString &settingsKey,
            QWidget *parent = nullptr);
    ~LogView() override;

    QHBoxLayout *filterBar() const { return m_filterBar; }
    QTableView *view() const { return m_view; }
    QLabel *countLabel() const { return m_count; }
    QPlainTextEdit *detailPane() const { return m_details; }
    QAction *copyAction() const { return m_copy; }

    void refresh(); // after the page changed the model's filter
    // Exports to `path` (CSV when it ends in .csv, else JSON) with a progress dialog, and
    // says "Exported N rows to PATH" under the table and in the window's status bar.
    bool exportTo(const QString &path);
    // The path the export dialog's choice means: the chosen format's extension is added when
    // the name typed has none (filter "CSV (*.csv)" + "log" -> "log.csv").
    static QString withFormatExtension(const QString &path, const QString &selectedFilter);
    QLabel *exportedLabel() const { return m_exported; }

private:
    void showDetails();
    void chooseExportFile();

    PagedLogModel *m_model;
    int m_detailsRole;
    QString m_settingsKey;
    QHBoxLayout *m_filterBar;
    QTableView *m_view;
    QLabel *m_count;
    QLabel *m_exported;
    QPlainTextEdit *m_details;
    QAction *m_copy;
    QAction *m_export;
};

} // namespace mcphub
