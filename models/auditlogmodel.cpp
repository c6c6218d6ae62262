#include "models/auditlogmodel.h"

#include <QJsonDocument>
#include <QLocale>

namespace mcphub {

namespace {

QJsonObject toJson(const AuditEntry &e)
{
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("timestamp"), e.timestamp.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("username"), e.username},
            {QStringLiteral("action"), e.action},
            {QStringLiteral("resource"), e.resource},
            {QStringLiteral("method"), e.method},
            {QStringLiteral("statusCode"), e.statusCode},
            {QStringLiteral("durationMs"), e.durationMs},
            {QStringLiteral("details"), e.details}};
}

QStringList cells(const AuditEntry &e)
{
    return {e.timestamp.toUTC().toString(Qt::ISODateWithMs),
            e.username,
            e.action,
            e.resource,
            e.method,
            QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact))};
}

} // namespace

AuditLogModel::AuditLogModel(const RepositoryContext &context, QObject *parent)
    : PagedEntryLogModel<AuditEntry>(parent)
    , m_context(context)
{}

Result<int> AuditLogModel::stagePage(int limit)
{
    auto loaded = AuditLogRepository(m_context).list(m_filter, {int(m_rows.size()), limit, false});
    if (!loaded)
        return loaded.error();
    m_staged = std::move(loaded->items);
    return int(m_staged.size());
}

Result<qint64> AuditLogModel::countMatching() const
{
    const auto page = AuditLogRepository(m_context).list(m_filter, {0, 0, true});
    if (!page)
        return page.error();
    return page->total;
}

QStringList AuditLogModel::exportHeader() const
{
    QStringList header;
    for (int c = 0; c < ColumnCount; ++c)
        header << headerData(c, Qt::Horizontal).toString();
    header << tr("Details");
    return header;
}

Result<void> AuditLogModel::forEachMatching(
    const std::function<bool(const QStringList &, const QJsonObject &)> &sink) const
{
    AuditLogRepository repo(m_context);
    PageRequest page{0, 2000, false};
    for (;;) {
        const auto loaded = repo.list(m_filter, page);
        if (!loaded)
            return loaded.error();
        for (const AuditEntry &e : loaded->items) {
            if (!sink(cells(e), toJson(e)))
                return {};
        }
        if (loaded->items.size() < page.limit)
            return {};
        page.offset += page.limit;
    }
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry &e = m_rows.at(index.row());
    if (role == DetailsRole)
        return QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Indented));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case TimeColumn:
        return QLocale().toString(e.timestamp.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case UserColumn:
        return e.username;
    case ActionColumn:
        return e.action;
    case ResourceColumn:
        return e.resource;
    case MethodColumn:
        return e.method;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case UserColumn:
        return tr("Who");
    case ActionColumn:
        return tr("Action");
    case ResourceColumn:
        return tr("Resource");
    case MethodColumn:
        return tr("Method");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace mcphub
