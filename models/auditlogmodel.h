#pragma once

#include "models/pagedlogmodel.h"
#include "storage/db/auditlogrepository.h"
#include "storage/db/repositorycontext.h"

namespace mcphub {

// The audit trail (access_logs) for a view, newest first: user, resource prefix and time
// range filtered in SQL through AuditLogRepository, pages fetched on scroll.
class AuditLogModel : public PagedEntryLogModel<AuditEntry>
{
    Q_OBJECT

public:
    enum Column { TimeColumn, UserColumn, ActionColumn, ResourceColumn, MethodColumn, ColumnCount };
    enum Role { DetailsRole = Qt::UserRole };

    explicit AuditLogModel(const RepositoryContext &context, QObject *parent = nullptr);

    void setFilter(const AuditFilter &filter) { m_filter = filter; } // then refresh()
    AuditFilter filter() const { return m_filter; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    Result<int> stagePage(int limit) override;
    Result<qint64> countMatching() const override;
    Result<void> forEachMatching(
        const std::function<bool(const QStringList &, const QJsonObject &)> &sink) const override;
    QStringList exportHeader() const override;

private:
    RepositoryContext m_context;
    AuditFilter m_filter;
};

} // namespace mcphub
