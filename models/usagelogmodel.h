#pragma once

#include "models/pagedlogmodel.h"
#include "storage/db/repositorycontext.h"
#include "storage/db/usagelogrepository.h"

namespace mcphub {

// The usage log (mcp_usage_logs) for a view: filters and sorting in SQL through
// UsageLogRepository, pages fetched on scroll (keyset paging in the default newest-first
// order, offset paging otherwise).
class UsageLogModel : public PagedEntryLogModel<UsageLogEntry>
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        ServerColumn,
        ToolColumn,
        UserColumn,
        ResultColumn,
        DurationColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Role { EntryIdRole = Qt::UserRole, DetailsRole }; // DetailsRole: text for the pane

    explicit UsageLogModel(const RepositoryContext &context, QObject *parent = nullptr);

    void setFilter(const UsageLogFilter &filter); // keeps the sort; call refresh()
    UsageLogFilter filter() const { return m_filter; }
    const UsageLogEntry &entry(int row) const { return m_rows.at(row); }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    Result<int> stagePage(int limit) override;
    Result<qint64> countMatching() const override;
    Result<void> forEachMatching(
        const std::function<bool(const QStringList &, const QJsonObject &)> &sink) const override;
    QStringList exportHeader() const override;

private:
    bool keysetPaging() const;
    QStringList cells(const UsageLogEntry &e) const;

    RepositoryContext m_context;
    UsageLogFilter m_filter;
};

} // namespace mcphub
