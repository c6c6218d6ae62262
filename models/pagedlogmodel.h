#pragma once

#include "storage/result.h"

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>

#include <functional>

class QIODevice;

namespace mcphub {

// A read-only log table that stays fast at millions of rows: the filter and the order are
// pushed into SQL by the subclass, rows are fetched a page at a time as the view scrolls
// (canFetchMore/fetchMore) and the matching total is counted once per filter. Export walks
// every matching row in pages without keeping them. On the workspace connection's thread.
class PagedLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class ExportFormat { Csv, Json };
    using Progress = std::function<bool(qint64 done, qint64 total)>; // false cancels

    explicit PagedLogModel(QObject *parent = nullptr);

    void setPageSize(int rows) { m_pageSize = rows; }
    int pageSize() const { return m_pageSize; }
    qint64 totalCount() const { return m_total; } // matching rows, -1 before refresh()
    Error lastError() const { return m_lastError; }

    // Drops the loaded rows, counts the matching ones and loads the first page.
    Result<void> refresh();

    // Writes every matching row (not only the loaded ones) to `device`; returns how many.
    Result<qint64> exportTo(QIODevice *device, ExportFormat format, const Progress &progress = {});

    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    int rowCount(const QModelIndex &parent = {}) const override;

Q_SIGNALS:
    void totalCountChanged(qint64 total);
    void loadFailed(const QString &message);

protected:
    // Loads up to `limit` rows after the loaded ones into a staging area; returns how many.
    virtual Result<int> stagePage(int limit) = 0;
    virtual void commitStaged() = 0; // moves the staged rows behind the loaded ones
    virtual void clearRows() = 0;
    virtual int loadedRows() const = 0;
    virtual Result<qint64> countMatching() const = 0;
    // Every matching row in order, a page at a time: `sink` gets the row's cells (for CSV)
    // and the row as JSON, and returns false to stop.
    virtual Result<void> forEachMatching(
        const std::function<bool(const QStringList &cells, const QJsonObject &json)> &sink)
        const = 0;
    virtual QStringList exportHeader() const = 0;

private:
    int m_pageSize = 200;
    qint64 m_total = -1;
    bool m_exhausted = true;
    bool m_fetching = false; // views may ask for more from inside our own insert signals
    Error m_lastError;
};

// A PagedLogModel whose rows are a list of `Entry`: stagePage() fills m_staged, and the
// loaded rows are m_rows.
template<typename Entry>
class PagedEntryLogModel : public PagedLogModel
{
public:
    using PagedLogModel::PagedLogModel;

protected:
    void commitStaged() override
    {
        m_rows += m_staged;
        m_staged.clear();
    }
    void clearRows() override
    {
        m_rows.clear();
        m_staged.clear();
    }
    int loadedRows() const override { return int(m_rows.size()); }

    QList<Entry> m_rows;
    QList<Entry> m_staged;
};

} // namespace mcphub
